"""The translation catalogues: extract, update, compile, and how much is translated and reviewed."""

from contextlib import chdir
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from app.config import ROOT

FOLDER = ROOT / "translations"
TEMPLATE = FOLDER / "messages.pot"
KEYWORDS = ["-k", "_l", "-k", "lazy_gettext", "-k", "ngettext:1,2", "-k", "N_", "-k", "Np_:1,2"]


def run_pybabel(*args: str) -> None:
    """Run a pybabel command in the project folder."""
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract(output: Path = TEMPLATE) -> None:
    """Write the .pot template from the code, templates and survey files."""
    output.parent.mkdir(exist_ok=True)
    # From the project folder, so the catalogues name files by relative paths.
    with chdir(ROOT):
        run_pybabel(
            "extract",
            "-F",
            "babel.cfg",
            *KEYWORDS,
            "--no-wrap",
            "--sort-by-file",
            "--omit-header",
            "-o",
            str(output.resolve()),
            ".",
        )


def update() -> None:
    """Merge the template into every language's catalogue (new strings arrive empty)."""
    run_pybabel(
        "update",
        "-i",
        str(TEMPLATE),
        "-d",
        str(FOLDER),
        "--no-wrap",
        "--ignore-obsolete",
        "--no-fuzzy-matching",
    )


def compile_all() -> None:
    """Compile every catalogue, drafts included: a draft beats falling back to English."""
    run_pybabel("compile", "-d", str(FOLDER), "--use-fuzzy")


def needs_compiling() -> bool:
    """Say whether any .po file is newer than its .mo file."""
    for po in FOLDER.glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            return True
    return False


@dataclass(frozen=True)
class Coverage:
    language: str
    area: str  # "interface" or a survey's slug
    total: int
    reviewed: int
    drafts: int

    @property
    def missing(self) -> int:
        return self.total - self.reviewed - self.drafts

    @property
    def translated_percent(self) -> int:
        return round(100 * (self.reviewed + self.drafts) / self.total) if self.total else 100

    @property
    def reviewed_percent(self) -> int:
        return round(100 * self.reviewed / self.total) if self.total else 100


def _area(locations: list[tuple[str, int]]) -> set[str]:
    areas = set()
    for filename, _line in locations:
        path = Path(filename)
        areas.add(path.stem if path.parent.name == "surveys" else "interface")
    return areas or {"interface"}


def coverage(language: str) -> list[Coverage]:
    """Count each area's strings: reviewed, drafts (fuzzy), missing."""
    path = FOLDER / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    counts: dict[str, list[int]] = {}
    for message in catalog:
        if not message.id:
            continue
        done = bool(message.string if isinstance(message.string, str) else all(message.string))
        for area in _area(message.locations):
            total, reviewed, drafts = counts.setdefault(area, [0, 0, 0])
            counts[area] = [
                total + 1,
                reviewed + (done and not message.fuzzy),
                drafts + (done and message.fuzzy),
            ]
    return [Coverage(language, area, *numbers) for area, numbers in sorted(counts.items())]


def translations(language: str) -> dict[str, str]:
    """Return a language's translated strings (drafts included), keyed by the English."""
    path = FOLDER / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id and isinstance(m.string, str)}


def languages() -> list[str]:
    """Return the languages that have a catalogue."""
    return sorted(p.parent.parent.name for p in FOLDER.glob("*/LC_MESSAGES/messages.po"))


@cache
def is_draft(language: str) -> bool:
    """Say whether any of a language's translations still waits for a person to review it."""
    if language == "en" or language not in languages():
        return False
    return any(c.drafts or c.missing for c in coverage(language))
