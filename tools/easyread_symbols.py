#!/usr/bin/env python3
"""Build and check Heard's easy-read picture symbols.

Most symbols are OpenMoji colour SVGs (CC BY-SA 4.0), picked by codepoint and minified.
A few are drawn for Heard: the five faces, because OpenMoji's faces are all yellow and too
large for a five-point scale shown inline, and pictures OpenMoji does not have ("survey").
Their sources are easyread/drawn/NAME.svg. The build writes easyread/symbols/NAME.svg,
easyread/symbols.toml, easyread/LICENSE.md and easyread/SYMBOLS.md (each picture, what it
stands for and where the surveys and pages use it).

    python3 tools/easyread_symbols.py --check   # check the committed files; no download
    python3 tools/easyread_symbols.py --faces   # rebuild after editing a drawing, SYMBOLS,
                                                # or a survey's or page's pictures

To bring in OpenMoji symbols, add them to SYMBOLS and build from the npm package:

    cd /tmp && npm pack openmoji@17.0.0 && tar xzf openmoji-17.0.0.tgz
    python3 tools/easyread_symbols.py /tmp/package

Standard library only.
"""

import argparse
import gzip
import re
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from svg_minify import compact, local, minify, serialize
from symbol_uses import symbols_md, uses

ROOT = Path(__file__).resolve().parent.parent
EASYREAD = ROOT / "easyread"
OPENMOJI_VERSION = "17.0.0"
HEARD = "heard"
# Every symbol is inlined into each page that shows it, and a page after the first has 5 KiB
# gzipped for everything (benchmarks/pages.py). The largest we use, map, is 4,538 bytes and
# 1,029 gzipped; a new symbol bigger than these limits needs a simpler picture.
MAX_BYTES = 5 * 1024
MAX_GZIP_BYTES = 1280
UNSAFE = (
    "<script",
    'href="http',
    "url(http",
    'xlink:href="http',
    "<image",
    "<foreignobject",
    "@import",
    "<!--",
    "javascript:",
)

# name, source ("heard" or an OpenMoji hexcode), alt text, and what it stands for: one idea
# each, so the same picture never means two things (easyread/SYMBOLS.md lists where each is used)
SYMBOLS = [
    ("face-very-bad", HEARD, "A very sad, crying face", "very bad: the worst answer on a scale"),
    ("face-bad", HEARD, "A sad face", "bad"),
    ("face-ok", HEARD, "A face with a straight mouth", "OK: the middle answer on a scale"),
    ("face-good", HEARD, "A smiling face", "good"),
    ("face-very-good", HEARD, "A big happy face", "very good: the best answer on a scale"),
    ("thumbs-up", "1F44D", "A thumb pointing up", "helpful"),
    ("thumbs-down", "1F44E", "A thumb pointing down", "not helpful"),
    ("question", "2753", "A question mark", "not sure, or I don't know"),
    ("meeting", "E249", "People sitting in a circle, talking", "a meeting"),
    ("plan", "1F4CB", "A clipboard with a list", "a plan: the EHC plan"),
    ("school", "1F3EB", "A school building", "school or college"),
    ("university", "1F393", "A graduation cap", "university"),
    ("job", "1F4BC", "A work bag", "a paid job"),
    # A spanner, not a worker holding one: the worker's picture put the easy-read page of
    # pathways_heard over its 5 KB budget (benchmarks/pages.py).
    ("apprentice", "1F527", "A spanner", "learning a job while you work, like an apprenticeship"),
    ("home", "1F3E0", "A house", "home: where you live"),
    ("health", "1FA7A", "A doctor's stethoscope", "health and health services"),
    ("family", "1F9D1-200D-1F9D1-200D-1F9D2", "Two adults and a child", "families"),
    ("speak", "1F5E3", "A head speaking", "talking: saying what you think"),
    ("listen", "1F442", "An ear", "listening"),
    ("people", "1F465", "A group of people", "a group of people"),
    ("person", "1F9D1", "A person", "you: who you are"),
    ("information", "2139", "The letter i for information", "information"),
    ("calendar", "1F4C5", "A calendar", "dates: when, how often, how old"),
    ("clock", "1F552", "A clock", "time: how long, which stage"),
    ("phone", "1F4F1", "A mobile phone", "a phone: calling, or keeping in touch"),
    ("computer", "1F5A5", "A computer screen", "a website"),
    ("pencil", "270F", "A pencil", "writing, or changing what is written"),
    ("lock", "1F512", "A closed lock", "private: kept safe"),
    ("heart", "2764", "A red heart", "what matters to you"),
    ("help", "1FAC2", "Two people hugging", "help and support for you"),
    (
        "care",
        "E083",
        "A person pushing another person in a wheelchair",
        "care and support for adults",
    ),
    ("star", "2B50", "A yellow star", "goals and good results"),
    ("tick", "2714", "A green tick", "yes, done"),
    ("cross", "274C", "A red cross", "no, none, not kept"),
    ("choose", "2705", "A green box with a tick in it", "choosing answers"),
    ("money", "1F4B7", "A bank note", "money"),
    ("travel", "1F68D", "A bus", "travel"),
    ("friends", "1F9D1-200D-1F91D-200D-1F9D1", "Two people holding hands", "friends"),
    ("map", "1F5FA", "A map of the world", "places: where you live and where you could go"),
    ("book", "1F4D6", "An open book", "reading"),
    ("check", "1F50D", "A magnifying glass", "a check: looking closely"),
    ("send", "1F4E8", "A letter flying away", "sending a message"),
    ("thank-you", "1F64F", "Two hands pressed together", "thank you"),
    ("new", "2728", "Three sparkles", "new"),
    ("teach", "1F9D1-200D-1F3EB", "A teacher in front of a board", "teaching and training"),
    ("survey", HEARD, "A sheet with tick boxes", "a survey"),
]
DRAWN = [name for name, source, *_rest in SYMBOLS if source == HEARD]
REBUILD = "run `python3 tools/easyread_symbols.py --faces`"


def symbol_file(easyread: Path, name: str) -> Path:
    """Return where the app reads a symbol from."""
    return easyread / "symbols" / f"{name}.svg"


def drawn_source(easyread: Path, name: str) -> Path:
    """Return the drawing a Heard symbol is built from."""
    return easyread / "drawn" / f"{name}.svg"


def shown(easyread: Path, path: Path) -> str:
    """Return a path as problems name it: from the folder that holds easyread/."""
    return path.relative_to(easyread.parent).as_posix()


# ------------------------------------------------------------------- build ---
def build_drawn(easyread: Path) -> None:
    """Copy each drawing's source to symbols/ on one line, without its comments."""
    for name in DRAWN:
        text = drawn_source(easyread, name).read_text(encoding="utf-8")
        symbol_file(easyread, name).write_text(compact(text) + "\n", encoding="utf-8")


def build_openmoji(easyread: Path, package: Path) -> None:
    """Minify the OpenMoji symbols from the unpacked npm package into symbols/."""
    svg = package / "color" / "svg"
    if not svg.is_dir():
        sys.exit(f"{svg} is not a folder: give the unpacked openmoji npm package")
    for name, source, _alt, _means in SYMBOLS:
        if source != HEARD:
            text = (svg / f"{source}.svg").read_text(encoding="utf-8")
            symbol_file(easyread, name).write_text(minify(text) + "\n", encoding="utf-8")


def toml_str(s: str) -> str:
    """Write a TOML basic string."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def source_label(source: str) -> str:
    """Return a symbol's source as symbols.toml gives it."""
    return "Heard" if source == HEARD else f"OpenMoji {source}"


def toml_text() -> str:
    """Return symbols.toml as the build writes it from SYMBOLS."""
    lines = [
        "# Heard easy-read symbols: alt text and source of each file in symbols/.",
        "# Written by tools/easyread_symbols.py; edit SYMBOLS there and re-run.",
        "",
    ]
    for name, source, alt, _means in SYMBOLS:
        lines += [
            f"[{name}]",
            f"alt = {toml_str(alt)}",
            f"source = {toml_str(source_label(source))}",
        ]
        lines.append("")
    return "\n".join(lines)


LICENSE_HEAD = """# Licence of the easy-read symbols

All files in `symbols/` are licensed under the
[Creative Commons Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0)](https://creativecommons.org/licenses/by-sa/4.0/).
If you share or adapt them, you must give credit, say what you changed, and
share your version under the same licence.

## Attribution

All emojis designed by OpenMoji – the open-source emoji and icon project. License: CC BY-SA 4.0

(OpenMoji: https://openmoji.org/ — taken from the `openmoji` npm package,
version {version}, folder `color/svg/`.)

The five faces (`face-very-bad`, `face-bad`, `face-ok`, `face-good`,
`face-very-good`) and `survey` were drawn by Heard contributors and are licensed
CC BY-SA 4.0 by Heard contributors. Their sources are in `drawn/`.

Wherever these symbols are shown to people (for example on an "About" or
"Credits" page, or in the site footer), show the attribution line above.

## Changes made to the OpenMoji files

Every OpenMoji file below was modified (minified) by `tools/easyread_symbols.py`.
The drawing was not redesigned; the changes are:

- removed the `id` attributes (including `id="emoji"`, `id="color"`,
  `id="line"`), `version` and other metadata, and the empty `hair`, `skin`
  and `skin-shadow` groups;
- removed `<g>` wrappers that carried nothing, and moved colour and stroke
  settings shared by all shapes in a group onto that group;
- rounded coordinates to 1 decimal place in the 72×72 viewBox (more decimals
  inside scaled transforms), rewrote path data in the shortest absolute or
  relative form, and shortened colours (`#000000` → `#000`);
- removed attributes that repeat what is inherited or the default;
- on the root `<svg>`: kept `viewBox="0 0 72 72"`, added `aria-hidden="true"`
  and `focusable="false"`, no `width` or `height`.

| file | OpenMoji source | what was changed |
| --- | --- | --- |
"""
LICENSE_FOOT = """
The full licence text is at https://creativecommons.org/licenses/by-sa/4.0/legalcode and in the
`LICENSE.txt` of the OpenMoji package.
"""
LICENSE_ROW = re.compile(r"^\| symbols/(.+?)\.svg \|", re.MULTILINE)


def license_row(name: str, source: str) -> str:
    """Return a symbol's row in the table of changes."""
    if source == HEARD:
        return f"| symbols/{name}.svg | — (drawn by Heard contributors) | not applicable |"
    return f"| symbols/{name}.svg | {source}.svg | minified as above |"


def license_text() -> str:
    """Return LICENSE.md as the build writes it from SYMBOLS."""
    rows = [license_row(name, source) for name, source, _alt, _means in SYMBOLS]
    return LICENSE_HEAD.format(version=OPENMOJI_VERSION) + "\n".join(rows) + "\n" + LICENSE_FOOT


def write_lists(easyread: Path) -> None:
    """Write symbols.toml, LICENSE.md and SYMBOLS.md from SYMBOLS (and where each is used)."""
    (easyread / "symbols.toml").write_text(toml_text(), encoding="utf-8")
    (easyread / "LICENSE.md").write_text(license_text(), encoding="utf-8")
    (easyread / "SYMBOLS.md").write_text(symbols_md(ROOT, SYMBOLS), encoding="utf-8")


def unlisted_uses() -> list[tuple[str, str]]:
    """Return the pictures a survey or page asks for that SYMBOLS does not have."""
    listed = {name for name, *_rest in SYMBOLS}
    return [
        (place.split(":")[0], f'uses the picture "{name}", which SYMBOLS does not have')
        for name, places in uses(ROOT).items()
        if name not in listed
        for place in places
    ]


# ------------------------------------------------------------------ checks ---
def sizes(raw: bytes) -> tuple[int, int]:
    """Return a file's size and its size gzipped."""
    return len(raw), len(gzip.compress(raw, 9, mtime=0))


def svg_problems(root: ET.Element, text: str) -> list[str]:
    """Return what makes a symbol unsafe or wrong to inline into a page."""
    problems = []
    if local(root.tag) != "svg":
        problems.append("root is not svg")
    if not root.get("viewBox"):
        problems.append("no viewBox")
    problems += [f"root has {k}" for k in ("width", "height") if k in root.attrib]
    if root.get("aria-hidden") != "true" or root.get("focusable") != "false":
        problems.append("root lacks aria-hidden/focusable")
    problems += [f"contains {bad}" for bad in UNSAFE if bad in text.lower()]
    if re.search(r"\son\w+=", text):
        problems.append("event handler attribute")
    return problems


def size_problems(raw: bytes) -> list[str]:
    """Return the size limits a symbol goes over."""
    size, zipped = sizes(raw)
    problems = []
    if size > MAX_BYTES:
        problems.append(f"{size:,} bytes, over the {MAX_BYTES:,}-byte limit")
    if zipped > MAX_GZIP_BYTES:
        problems.append(f"{zipped:,} bytes gzipped, over the {MAX_GZIP_BYTES:,}-byte limit")
    return problems


def symbol_problems(raw: bytes) -> list[str]:
    """Return what is wrong with a symbol file: not valid, not minified, unsafe or too big."""
    try:
        text = raw.decode("utf-8")
        root = ET.fromstring(text)
    except (UnicodeDecodeError, ET.ParseError) as error:
        return [f"not a valid SVG file ({error})"]
    problems = svg_problems(root, text)
    if text != serialize(root) + "\n":
        problems.append("not minified: the build writes one line, no comments, then a newline")
    return problems + size_problems(raw)


def check_symbols(easyread: Path) -> list[tuple[str, str]]:
    """Check that every listed symbol has a good file, and that every file is listed."""
    problems = []
    for name, _source, _alt, _means in SYMBOLS:
        path = symbol_file(easyread, name)
        if not path.is_file():
            problems.append((shown(easyread, path), "missing, though SYMBOLS lists it"))
            continue
        problems += [(shown(easyread, path), p) for p in symbol_problems(path.read_bytes())]
    listed = {name for name, _source, _alt, _means in SYMBOLS}
    for path in sorted((easyread / "symbols").glob("*.svg")):
        if path.stem not in listed:
            problems.append(
                (shown(easyread, path), "not in SYMBOLS, so it has no alt text or licence")
            )
    return problems


def drawn_problem(easyread: Path, name: str) -> str | None:
    """Say how a drawn symbol differs from what its source builds, if it does."""
    source = drawn_source(easyread, name)
    if not source.is_file():
        return f"no source {shown(easyread, source)} to build it from"
    try:
        expected = compact(source.read_text(encoding="utf-8")) + "\n"
    except (UnicodeDecodeError, ET.ParseError) as error:
        return f"its source {shown(easyread, source)} is not a valid SVG file ({error})"
    built = symbol_file(easyread, name)
    if built.is_file() and built.read_bytes() != expected.encode():
        return f"differs from its source {shown(easyread, source)}: {REBUILD}"
    return None


def check_drawn(easyread: Path) -> list[tuple[str, str]]:
    """Check that each drawn symbol is what its source builds, and each source is listed."""
    problems = []
    for name in DRAWN:
        problem = drawn_problem(easyread, name)
        if problem:
            problems.append((shown(easyread, symbol_file(easyread, name)), problem))
    for path in sorted((easyread / "drawn").glob("*.svg")):
        if path.stem not in DRAWN:
            problems.append((shown(easyread, path), 'not drawn in SYMBOLS (source "heard")'))
    return problems


def toml_differences(text: str) -> list[str]:
    """Return how symbols.toml's entries differ from SYMBOLS."""
    try:
        entries = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return [f"not valid TOML ({error})"]
    found = []
    for name, source, alt, _means in SYMBOLS:
        entry = entries.get(name)
        if not isinstance(entry, dict):
            found.append(f"no [{name}] entry")
            continue
        if entry.get("alt") != alt:
            found.append(f"[{name}] alt is {entry.get('alt')!r}, SYMBOLS says {alt!r}")
        if entry.get("source") != source_label(source):
            expected = source_label(source)
            found.append(f"[{name}] source is {entry.get('source')!r}, SYMBOLS says {expected!r}")
    listed = {name for name, _source, _alt, _means in SYMBOLS}
    return found + [f"[{name}] is not in SYMBOLS" for name in entries if name not in listed]


def license_differences(text: str) -> list[str]:
    """Return the symbols whose rows in LICENSE.md are missing, wrong or not in SYMBOLS."""
    lines = text.splitlines()
    found = [
        f"no row, or a wrong one, for symbols/{name}.svg"
        for name, source, _alt, _means in SYMBOLS
        if license_row(name, source) not in lines
    ]
    listed = {name for name, _source, _alt, _means in SYMBOLS}
    found += [
        f"a row for symbols/{name}.svg, which is not in SYMBOLS"
        for name in LICENSE_ROW.findall(text)
        if name not in listed
    ]
    return found


def check_written(
    easyread: Path, name: str, expected: str, differences: Callable[[str], list[str]]
) -> list[tuple[str, str]]:
    """Check that a file the build writes from SYMBOLS is what it would write now."""
    path = easyread / name
    where = shown(easyread, path)
    if not path.is_file():
        return [(where, f"missing: {REBUILD} to write it from SYMBOLS")]
    text = path.read_text(encoding="utf-8")
    if text == expected:
        return []
    found = differences(text) or [f"differs from what the build writes: {REBUILD}"]
    return [(where, f) for f in found]


def check(easyread: Path) -> list[tuple[str, str]]:
    """Return every problem with the committed symbols as (file, what is wrong) pairs."""
    return (
        check_symbols(easyread)
        + check_drawn(easyread)
        + check_written(easyread, "symbols.toml", toml_text(), toml_differences)
        + check_written(easyread, "LICENSE.md", license_text(), license_differences)
        + check_written(easyread, "SYMBOLS.md", symbols_md(ROOT, SYMBOLS), lambda _text: [])
        + unlisted_uses()
    )


# --------------------------------------------------------------------- cli ---
def print_sizes(easyread: Path) -> None:
    """Print each symbol's size, raw and gzipped, and the totals."""
    width = max(len(name) for name, _source, _alt, _means in SYMBOLS)
    total_raw = total_gz = 0
    for name, source, _alt, _means in SYMBOLS:
        path = symbol_file(easyread, name)
        if not path.is_file():
            continue  # the check that follows names it
        raw, gz = sizes(path.read_bytes())
        total_raw, total_gz = total_raw + raw, total_gz + gz
        print(f"{name:<{width}}  {raw:6d} B raw  {gz:5d} B gzip  {source}")
    print(f"{'TOTAL':<{width}}  {total_raw:6d} B raw  {total_gz:5d} B gzip  ({len(SYMBOLS)} files)")


def report(problems: list[tuple[str, str]]) -> int:
    """Print one line per problem, or that there are none; return the exit status."""
    for where, what in problems:
        print(f"{where}: {what}", file=sys.stderr)
    if problems:
        return 1
    print(f"{len(SYMBOLS)} easy-read symbols checked: no problems")
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Read the command line: --check, --faces or an OpenMoji package folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("openmoji", nargs="?", type=Path, help="unpacked openmoji npm package")
    what.add_argument("--faces", action="store_true", help="build all but the OpenMoji files")
    what.add_argument("--check", action="store_true", help="check the files; write nothing")
    parser.add_argument("--easyread", type=Path, default=EASYREAD, help="the easyread folder")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build the symbols (from OpenMoji, or only the drawn ones and lists), or check them."""
    args = parse_args(argv)
    if not args.check:
        if args.openmoji:
            build_openmoji(args.easyread, args.openmoji)
        build_drawn(args.easyread)
        write_lists(args.easyread)
        print_sizes(args.easyread)
    return report(check(args.easyread))


if __name__ == "__main__":
    sys.exit(main())
