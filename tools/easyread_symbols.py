#!/usr/bin/env python3
"""Build Heard's easy-read picture symbols.

Picks OpenMoji colour SVGs (CC BY-SA 4.0) by codepoint, minifies them and
writes symbols/NAME.svg, symbols.toml and LICENSE.md.  The five faces are
drawn here (source "Heard") because OpenMoji's faces are all yellow and too
large for a five-point scale shown inline.

Standard library only.  To re-run:

    cd /tmp && npm pack openmoji@17.0.0 && tar xzf openmoji-17.0.0.tgz
    python3 tools/easyread_symbols.py /tmp/package   # the unpacked npm package

Add --check to only report sizes of what is already in symbols/.
"""

import argparse
import gzip
import os
import re
import sys
import xml.etree.ElementTree as ET

from svg_minify import local, minify

HERE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "easyread")
OUT = os.path.join(HERE, "symbols")
OPENMOJI_VERSION = "17.0.0"

# name, source ("heard" or an OpenMoji hexcode), alt text
SYMBOLS = [
    ("face-very-bad", "heard", "A very sad, crying face"),
    ("face-bad", "heard", "A sad face"),
    ("face-ok", "heard", "A face with a straight mouth"),
    ("face-good", "heard", "A smiling face"),
    ("face-very-good", "heard", "A big happy face"),
    ("thumbs-up", "1F44D", "A thumb pointing up"),
    ("thumbs-down", "1F44E", "A thumb pointing down"),
    ("question", "2753", "A question mark"),
    ("meeting", "E249", "People sitting in a circle, talking"),
    ("plan", "1F4CB", "A clipboard with a list"),
    ("school", "1F3EB", "A school building"),
    ("college", "1F393", "A graduation cap"),
    ("job", "1F4BC", "A work bag"),
    ("home", "1F3E0", "A house"),
    ("health", "1FA7A", "A doctor's stethoscope"),
    ("family", "1F9D1-200D-1F9D1-200D-1F9D2", "Two adults and a child"),
    ("speak", "1F5E3", "A head speaking"),
    ("listen", "1F442", "An ear"),
    ("people", "1F465", "A group of people"),
    ("information", "2139", "The letter i for information"),
    ("calendar", "1F4C5", "A calendar"),
    ("clock", "1F552", "A clock"),
    ("phone", "1F4F1", "A mobile phone"),
    ("computer", "1F5A5", "A computer screen"),
    ("pencil", "270F", "A pencil"),
    ("lock", "1F512", "A closed lock"),
    ("heart", "2764", "A red heart"),
    ("help", "E083", "A person helping another person"),
    ("star", "2B50", "A yellow star"),
    ("tick", "2714", "A green tick"),
    ("cross", "274C", "A red cross"),
    ("choose", "2705", "A green box with a tick in it"),
    ("money", "1F4B7", "A bank note"),
    ("travel", "1F68D", "A bus"),
    ("friends", "1F9D1-200D-1F91D-200D-1F9D1", "Two people holding hands"),
    ("map", "1F5FA", "A map of the world"),
    ("book", "1F4D6", "An open book"),
    ("check", "1F50D", "A magnifying glass"),
    ("send", "1F4E8", "A letter flying away"),
    ("thank-you", "1F64F", "Two hands pressed together"),
]

# ---------------------------------------------------------------- faces ---
# Five faces, red to green, each with its own mouth so colour is not the
# only cue.  Outline and features are #1a1a1a (17:1 against white).
INK = "#1a1a1a"


def face(fill, mouth, extra=""):
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" '
        'aria-hidden="true" focusable="false">'
        f'<circle cx="24" cy="24" r="21.5" fill="{fill}" stroke="{INK}" stroke-width="3"/>'
        f'<g fill="{INK}"><circle cx="17" cy="19" r="3"/><circle cx="31" cy="19" r="3"/></g>'
        f"{mouth}{extra}</svg>"
    )


def stroke_path(d, w=3):
    return (
        f'<path d="{d}" fill="none" stroke="{INK}" stroke-width="{w}" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
    )


FACES = {
    # deep frown, slanted brows and a blue tear
    "face-very-bad": face(
        "#e8514a",
        stroke_path("M14 37c4-8 16-8 20 0"),
        stroke_path("M12 15l7-3M36 15l-7-3", 2.5)
        + f'<path d="M33 25c-2 4-3 6-1 7s3-2 1-7z" fill="#2f7fd0" stroke="{INK}"/>',
    ),
    # gentle frown
    "face-bad": face("#f6913a", stroke_path("M16 35q8-5 16 0")),
    # straight mouth
    "face-ok": face("#f8d33a", stroke_path("M16 33h16")),
    # gentle smile
    "face-good": face("#9bcf53", stroke_path("M15 30q9 7 18 0")),
    # big open smile
    "face-very-good": face(
        "#3fae49",
        f'<path d="M13 28h22c0 6-5 10-11 10s-11-4-11-10z" fill="#fff" '
        f'stroke="{INK}" stroke-width="3" stroke-linejoin="round"/>',
    ),
}


# ----------------------------------------------------------------- checks ---
def check_svg(name, text):
    problems = []
    root = ET.fromstring(text)
    if local(root.tag) != "svg":
        problems.append("root is not svg")
    if not root.get("viewBox"):
        problems.append("no viewBox")
    for k in ("width", "height"):
        if k in root.attrib:
            problems.append(f"root has {k}")
    if root.get("aria-hidden") != "true" or root.get("focusable") != "false":
        problems.append("root lacks aria-hidden/focusable")
    low = text.lower()
    for bad in (
        "<script",
        'href="http',
        "url(http",
        'xlink:href="http',
        "<image",
        "<foreignobject",
        "@import",
        "<!--",
        "javascript:",
    ):
        if bad in low:
            problems.append(f"contains {bad}")
    if re.search(r"\son\w+=", text):
        problems.append("event handler attribute")
    return [f"{name}: {p}" for p in problems]


def sizes(text):
    raw = text.encode()
    return len(raw), len(gzip.compress(raw, 9, mtime=0))


# ------------------------------------------------------------------ output ---
def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_toml():
    lines = [
        "# Heard easy-read symbols: alt text and source of each file in symbols/.",
        "# Written by build.py; edit SYMBOLS there and re-run.",
        "",
    ]
    for name, src, alt in SYMBOLS:
        lines.append(f"[{name}]")
        lines.append(f"alt = {toml_str(alt)}")
        lines.append("source = " + toml_str("Heard" if src == "heard" else f"OpenMoji {src}"))
        lines.append("")
    with open(os.path.join(HERE, "symbols.toml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


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
`face-very-good`) were drawn by Heard contributors and are licensed
CC BY-SA 4.0 by Heard contributors.

Wherever these symbols are shown to people (for example on an "About" or
"Credits" page, or in the site footer), show the attribution line above.

## Changes made to the OpenMoji files

Every OpenMoji file below was modified (minified) by `build.py`. The drawing
was not redesigned; the changes are:

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


def write_license():
    rows = []
    for name, src, _ in SYMBOLS:
        if src == "heard":
            rows.append(
                f"| symbols/{name}.svg | — (drawn by Heard contributors) | not applicable |"
            )
        else:
            rows.append(f"| symbols/{name}.svg | {src}.svg | minified as above |")
    text = LICENSE_HEAD.format(version=OPENMOJI_VERSION) + "\n".join(rows) + "\n"
    text += (
        "\nThe full licence text is at "
        "https://creativecommons.org/licenses/by-sa/4.0/legalcode and in the\n"
        "`LICENSE.txt` of the OpenMoji package.\n"
    )
    with open(os.path.join(HERE, "LICENSE.md"), "w", encoding="utf-8") as f:
        f.write(text)


def report():
    total_raw = total_gz = 0
    problems = []
    rows = []
    for name, src, _ in SYMBOLS:
        with open(os.path.join(OUT, name + ".svg"), encoding="utf-8") as f:
            text = f.read()
        problems += check_svg(name, text)
        raw, gz = sizes(text)
        total_raw += raw
        total_gz += gz
        rows.append((name, src, raw, gz))
    w = max(len(r[0]) for r in rows)
    for name, src, raw, gz in rows:
        print(f"{name:<{w}}  {raw:6d} B raw  {gz:5d} B gzip  {src}")
    print(f"{'TOTAL':<{w}}  {total_raw:6d} B raw  {total_gz:5d} B gzip  ({len(rows)} files)")
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    return not problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("openmoji", nargs="?", help="unpacked openmoji npm package folder")
    ap.add_argument("--check", action="store_true", help="only report sizes and problems")
    args = ap.parse_args()
    if not args.check:
        if not args.openmoji:
            ap.error("give the unpacked openmoji package folder (or --check)")
        os.makedirs(OUT, exist_ok=True)
        for name, src, _ in SYMBOLS:
            if src == "heard":
                text = FACES[name]
            else:
                with open(
                    os.path.join(args.openmoji, "color", "svg", src + ".svg"), encoding="utf-8"
                ) as f:
                    text = minify(f.read())
            with open(os.path.join(OUT, name + ".svg"), "w", encoding="utf-8") as f:
                f.write(text + "\n")
        write_toml()
        write_license()
    sys.exit(0 if report() else 1)


if __name__ == "__main__":
    main()
