"""Read a survey file: TOML, then the schema, then the rules across fields; or say what is wrong."""

import re
import tomllib
from pathlib import Path

from pydantic import ValidationError

from app.definitions.checks import cross_checks
from app.definitions.schema import SurveyDef


class DefinitionError(ValueError):
    """A survey file is wrong; each problem names the file, the field and what is wrong."""

    def __init__(self, path: str, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__("\n".join(f"{path}: {problem}" for problem in problems))


def _describe(error: dict) -> str:
    path = ""
    for part in error["loc"]:
        if isinstance(part, int):
            path += f"[{part}]"
        elif not str(part).startswith(("function-", "tagged-union")):
            path += f".{part}" if path else str(part)
    message = error["msg"].removeprefix("Value error, ")
    return f"{path or 'file'}: {message}"


def parse_text(text: str, *, slug: str, path: str) -> SurveyDef:
    """Parse and validate one survey file's text, or raise DefinitionError."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DefinitionError(path, [f"file: not valid TOML ({error})"]) from None
    try:
        survey = SurveyDef.model_validate({**data, "slug": slug})
    except ValidationError as error:
        raise DefinitionError(path, [_describe(e) for e in error.errors()]) from None
    problems = cross_checks(survey)
    if problems:
        raise DefinitionError(path, [str(problem) for problem in problems])
    return survey


def parse_file(path: Path) -> SurveyDef:
    """Parse and validate one survey file; its name is its slug."""
    slug = path.stem
    if not re.match(r"^[a-z0-9][a-z0-9-]{0,79}$", slug):
        raise DefinitionError(str(path), ["file name: use lower-case letters, digits and -"])
    return parse_text(path.read_text(encoding="utf-8"), slug=slug, path=str(path))


_by_hash: dict[str, SurveyDef] = {}


def known_definition(content_hash: str) -> SurveyDef | None:
    """Return a version's definition if this process has parsed it already, else None."""
    return _by_hash.get(content_hash)


def definition_of(version) -> SurveyDef:
    """Return a stored version's definition, parsed once: versions never change."""
    cached = _by_hash.get(version.content_hash)
    if cached is None:
        # Stored as JSON, so dates come back as text: parse leniently what was strict on load.
        cached = SurveyDef.model_validate(version.definition, strict=False)
        _by_hash[version.content_hash] = cached
    return cached
