"""Where each easy-read picture is used, for easyread/SYMBOLS.md: standard library only.

Used by easyread_symbols.py. It reads the survey files (each survey's, question's and
answer's picture), the pictures the app gives to the fixed answers (yes, no, not sure, I
don't know, I'd rather not say) and to the scale's five answers, and the pictures the page
templates put beside a line of words.
"""

import ast
import re
import tomllib
from pathlib import Path

# A template's picture line: picture_line("name", _("words")) or given_line("name", ...); the
# words are a translated sentence, or an expression that makes them in the template.
TEMPLATE_LINE = re.compile(
    r'(?:picture_line|given_line)\("([a-z0-9-]+)", '
    r'(?:n?_\("((?:[^"\\]|\\.)*)"|ngettext\("((?:[^"\\]|\\.)*)"|([^,)]+))'
)
TEMPLATE_SYMBOL = re.compile(r'symbol\("([a-z0-9-]+)"\)')


def _literal(path: Path, name: str):
    """Return the value of a module-level literal assignment, read without importing."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            return ast.literal_eval(node.value)
    raise LookupError(f"{path} has no {name}")


def survey_uses(root: Path) -> list[tuple[str, str]]:
    """Return (symbol, where and what it stands for) for every picture in the survey files."""
    found = []
    for path in sorted((root / "surveys").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        slug = path.stem
        page = data.get("easyread") or {}
        if page.get("symbol"):
            found.append((page["symbol"], f'{slug}: the survey, "{page.get("title")}"'))
        for question in data.get("questions", []):
            easy = question.get("easyread") or {}
            if easy.get("symbol"):
                found.append(
                    (easy["symbol"], f'{slug}: question `{question["key"]}`, "{easy["text"]}"')
                )
            for option in question.get("options", []):
                if option.get("symbol"):
                    words = option.get("easyread") or option["label"]
                    where = f"{slug}: answer `{option['value']}` to `{question['key']}`"
                    found.append((option["symbol"], f'{where}, "{words}"'))
    return found


def fixed_uses(root: Path) -> list[tuple[str, str]]:
    """Return the pictures the app gives to the answers every survey may offer."""
    fixed = _literal(root / "app" / "questions" / "words.py", "FIXED_SYMBOLS")
    faces = _literal(root / "app" / "symbols.py", "FACES")
    found = [(name, f"every survey: the answer `{value}`") for value, name in fixed.items()]
    return found + [
        (name, f"every survey: scale answer {number} of 5")
        for number, name in enumerate(faces, start=1)
    ]


def template_uses(root: Path) -> list[tuple[str, str]]:
    """Return the pictures the page templates show, with the line of words beside each."""
    found = []
    for path in sorted((root / "app").glob("*/templates/**/*.html")) + sorted(
        (root / "app" / "templates").glob("**/*.html")
    ):
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(root).as_posix()
        for name, words, counted, made in TEMPLATE_LINE.findall(text):
            said = f'"{words or counted}"' if words or counted else f"the words in `{made.strip()}`"
            found.append((name, f"{where}: {said}"))
        found += [(name, f"{where}") for name in TEMPLATE_SYMBOL.findall(text)]
    return found


def uses(root: Path) -> dict[str, list[str]]:
    """Return every place each picture is used, by picture name, without repeats."""
    found: dict[str, list[str]] = {}
    for name, where in fixed_uses(root) + survey_uses(root) + template_uses(root):
        if where not in found.setdefault(name, []):
            found[name].append(where)
    return found


HEAD = """# Easy-read pictures and what they stand for

Each picture stands for one idea, so that a person who learns it once can read it
everywhere. This file is written by `tools/easyread_symbols.py` from its `SYMBOLS` list,
the survey files and the page templates; `--check` (run by `make test`) fails when it is out
of date. `tests/test_symbols.py` checks that no question shows one picture for two of its
answers, or for the question and one of its answers, and that an answer's picture means the
same answer in every survey.

To use a picture for a new idea, add a new picture: do not stretch an old one.
"""


def symbols_md(root: Path, symbols: list[tuple[str, str, str, str]]) -> str:
    """Return easyread/SYMBOLS.md: each picture, what it stands for, and where it is used."""
    where = uses(root)
    parts = [HEAD]
    for name, _source, alt, means in symbols:
        parts.append(f"## `{name}`: {means}\n")
        parts.append(f'<img src="symbols/{name}.svg" width="48" height="48" alt="{alt}">\n')
        listed = where.get(name) or ["not used yet"]
        parts.append("\n".join(f"- {place}" for place in listed) + "\n")
    unknown = sorted(set(where) - {name for name, *_rest in symbols})
    if unknown:
        parts.append("## Pictures used but not in SYMBOLS\n")
        parts.append("\n".join(f"- `{name}`: {', '.join(where[name])}" for name in unknown) + "\n")
    return "\n".join(parts)
