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
import math
import os
import re
import sys
import xml.etree.ElementTree as ET

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
        f'{mouth}{extra}</svg>'
    )


def stroke_path(d, w=3):
    return (f'<path d="{d}" fill="none" stroke="{INK}" stroke-width="{w}" '
            'stroke-linecap="round" stroke-linejoin="round"/>')


FACES = {
    # deep frown, slanted brows and a blue tear
    "face-very-bad": face(
        "#e8514a", stroke_path("M14 37c4-8 16-8 20 0"),
        stroke_path("M12 15l7-3M36 15l-7-3", 2.5)
        + f'<path d="M33 25c-2 4-3 6-1 7s3-2 1-7z" fill="#2f7fd0" stroke="{INK}"/>'),
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
        f'stroke="{INK}" stroke-width="3" stroke-linejoin="round"/>'),
}

# ------------------------------------------------------------- minifier ---
SVG_NS = "http://www.w3.org/2000/svg"
DROP_TAGS = {"metadata", "title", "desc"}
# inheritable presentation properties and their initial values
INHERIT = {
    "fill": "#000", "stroke": "none", "stroke-width": "1",
    "stroke-linecap": "butt", "stroke-linejoin": "miter",
    "stroke-miterlimit": "4", "fill-rule": "nonzero",
    "stroke-dasharray": "none", "stroke-dashoffset": "0",
    "fill-opacity": "1", "stroke-opacity": "1", "clip-rule": "nonzero",
}
STROKE_ONLY = {k for k in INHERIT if k.startswith("stroke-")}
SHAPES = {"path", "rect", "circle", "ellipse", "line", "polyline", "polygon"}
GEOM = {"x", "y", "width", "height", "cx", "cy", "r", "rx", "ry",
        "x1", "y1", "x2", "y2", "stroke-width"}
NUM_RE = re.compile(r"[-+]?(?:\d*\.\d+|\d+\.?)(?:[eE][-+]?\d+)?")
NAMED = {"black": "#000", "white": "#fff", "red": "#f00"}


def local(tag):
    return tag.split("}", 1)[1] if "}" in tag else tag


def fmt(v, dec):
    v = round(v, dec)
    if v == 0:
        return "0"
    s = f"{v:.{dec}f}" if dec > 0 else str(int(v))
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if s.startswith("0."):
        s = s[1:]
    elif s.startswith("-0."):
        s = "-" + s[2:]
    return s


def join_nums(strs):
    out = ""
    for s in strs:
        if out and not s.startswith("-") and not (
                s.startswith(".") and ("." in re.split(r"[^\d.]", out)[-1])):
            out += " "
        out += s
    return out


def color(v):
    v = v.strip()
    low = v.lower()
    if low in NAMED:
        return NAMED[low]
    m = re.fullmatch(r"#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3", low)
    if m:
        return "#" + "".join(m.groups())
    return low if low.startswith("#") else v


# --- transforms
def parse_transform(t):
    m = [1, 0, 0, 1, 0, 0]
    for name, args in re.findall(r"(\w+)\s*\(([^)]*)\)", t):
        a = [float(x) for x in NUM_RE.findall(args)]
        if name == "matrix":
            n = a
        elif name == "translate":
            n = [1, 0, 0, 1, a[0], a[1] if len(a) > 1 else 0]
        elif name == "scale":
            n = [a[0], 0, 0, a[1] if len(a) > 1 else a[0], 0, 0]
        elif name == "rotate":
            r = math.radians(a[0])
            c, s = math.cos(r), math.sin(r)
            n = [c, s, -s, c, 0, 0]
            if len(a) == 3:
                cx, cy = a[1], a[2]
                n[4] = cx - c * cx + s * cy
                n[5] = cy - s * cx - c * cy
        else:
            return None
        m = mul(m, n)
    return m


def mul(m, n):
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return [a * A + c * B, b * A + d * B, a * C + c * D, b * C + d * D,
            a * E + c * F + e, b * E + d * F + f]


def fmt_matrix(m, dec):
    lin = [0.0 if abs(x) < 1e-9 else x for x in m[:4]]
    if lin == [1, 0, 0, 1]:
        if round(m[4], dec) == 0 and round(m[5], dec) == 0:
            return None
        return "translate(" + join_nums([fmt(m[4], dec), fmt(m[5], dec)]) + ")"
    parts = [fmt(x, 4) for x in lin] + [fmt(m[4], dec), fmt(m[5], dec)]
    return "matrix(" + join_nums(parts) + ")"


# --- paths
def path_tokens(d):
    i, n = 0, len(d)
    while i < n:
        ch = d[i]
        if ch in "MmZzLlHhVvCcSsQqTtAa":
            yield ch
            i += 1
        elif ch in " ,\t\r\n":
            i += 1
        else:
            m = NUM_RE.match(d, i)
            if not m:
                raise ValueError(f"bad path data at {d[i:i + 20]!r}")
            yield m.group()
            i = m.end()


ARGS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}


def parse_path(d):
    """Return absolute segments [(CMD, [numbers])]; H/V become L."""
    toks = list(path_tokens(d))
    segs, i = [], 0
    cx = cy = sx = sy = 0.0
    cmd = None
    while i < len(toks):
        t = toks[i]
        if t.isalpha():
            cmd = t
            i += 1
            if cmd in "Zz":
                segs.append(("Z", []))
                cx, cy = sx, sy
                continue
        elif cmd is None:
            raise ValueError("path does not start with a command")
        up, rel = cmd.upper(), cmd.islower()
        k = ARGS[up]
        if up == "A":
            # arc flags may be written without separators: "a1 1 0 011 1"
            raw = []
            while len(raw) < 7:
                tok = toks[i]
                if len(raw) in (3, 4) and len(tok) > 1 and tok[0] in "01":
                    raw.append(tok[0])
                    toks[i] = tok[1:]
                    continue
                raw.append(tok)
                i += 1
            a = [float(x) for x in raw]
        else:
            a = [float(x) for x in toks[i:i + k]]
            i += k
        if up == "H":
            up, a = "L", [a[0] + (cx if rel else 0), cy]
        elif up == "V":
            up, a = "L", [cx, a[0] + (cy if rel else 0)]
        elif rel:
            if up == "A":
                a[5] += cx
                a[6] += cy
            else:
                a = [v + (cx if j % 2 == 0 else cy) for j, v in enumerate(a)]
        segs.append((up, a))
        cx, cy = a[-2], a[-1]
        if up == "M":
            sx, sy = cx, cy
            cmd = "l" if rel else "L"  # implicit lineto after moveto
    return segs


def fmt_path(segs, dec):
    out = []
    prev = None
    cx = cy = sx = sy = 0.0

    def r(v):
        return round(v, dec)

    for up, a in segs:
        if up == "Z":
            out.append("z")
            prev = "z"
            cx, cy = sx, sy
            continue
        if up == "A":
            a = [r(a[0]), r(a[1]), r(a[2]), a[3], a[4], r(a[5]), r(a[6])]
        else:
            a = [r(v) for v in a]
        ex, ey = a[-2], a[-1]
        if up == "L" and ex == cx and ey == cy and prev and not prev.startswith("m_") \
                and prev != "z":
            continue  # zero-length line inside a subpath draws nothing
        cands = []
        if up == "L" and ey == cy:
            cands = [("H", [ex], [ex]), ("h", [ex - cx], [ex - cx])]
        elif up == "L" and ex == cx:
            cands = [("V", [ey], [ey]), ("v", [ey - cy], [ey - cy])]
        else:
            if up == "A":
                relv = a[:5] + [ex - cx, ey - cy]
            else:
                relv = [v - (cx if j % 2 == 0 else cy) for j, v in enumerate(a)]
            cands = [(up, a, a), (up.lower(), relv, relv)]
        best = None
        for c, vals, _ in cands:
            if c in "Aa":
                strs = [fmt(vals[0], dec), fmt(vals[1], dec), fmt(vals[2], dec),
                        str(int(vals[3])), str(int(vals[4])),
                        fmt(vals[5], dec), fmt(vals[6], dec)]
            else:
                strs = [fmt(v, dec) for v in vals]
            body = join_nums(strs)
            same = prev == c and c not in "Mm"
            if same:
                last = re.split(r"[^\d.]", out[-1])[-1] if out else ""
                if body.startswith("-") or (body.startswith(".") and "." in last):
                    s = body
                else:
                    s = " " + body
            else:
                s = c + body
            if best is None or len(s) < len(best[1]):
                best = (c, s)
        out.append(best[1])
        prev = best[0]
        if up == "M":
            sx, sy = ex, ey
            # after an explicit moveto, a repeated letter-less pair means lineto
            prev = "m_" + best[0]
        cx, cy = ex, ey
    return "".join(out)


def fmt_points(v, dec):
    return join_nums([fmt(float(x), dec) for x in NUM_RE.findall(v)])


# --- tree passes
def referenced_ids(root):
    refs = set()
    for el in root.iter():
        for k, v in el.attrib.items():
            refs.update(re.findall(r"url\(#([^)]+)\)", v))
            if local(k) == "href" and v.startswith("#"):
                refs.add(v[1:])
    return refs


def strip(root):
    refs = referenced_ids(root)

    def walk(el):
        for child in list(el):
            if not isinstance(child.tag, str) or not child.tag.startswith("{" + SVG_NS) \
                    or local(child.tag) in DROP_TAGS:
                el.remove(child)
                continue
            walk(child)
        for k in list(el.attrib):
            if k.startswith("{") and not k.startswith("{http://www.w3.org/1999/xlink"):
                del el.attrib[k]
            elif k == "id" and el.attrib[k] not in refs:
                del el.attrib[k]
            elif k in ("version", "xml:space", "enable-background"):
                del el.attrib[k]
    walk(root)


def scale_of(m):
    return math.sqrt(abs(m[0] * m[3] - m[1] * m[2])) or 1.0


def round_numbers(el, ctm, base_dec):
    """Round coordinates so the error is about 10**-base_dec viewBox units."""
    t = el.get("transform")
    own = ctm
    if t is not None:
        m = parse_transform(t)
        if m is None:
            own = ctm
        else:
            pdec = dec_for(ctm, base_dec)
            s = fmt_matrix(m, pdec)
            if s is None:
                del el.attrib["transform"]
            else:
                el.set("transform", s)
            own = mul(ctm, m)
    dec = dec_for(own, base_dec)
    for k, v in list(el.attrib.items()):
        if k in GEOM:
            try:
                el.set(k, fmt(float(v), dec))
            except ValueError:
                pass
        elif k == "d":
            el.set(k, fmt_path(parse_path(v), dec))
        elif k == "points":
            el.set(k, fmt_points(v, dec))
        elif k in ("fill", "stroke"):
            el.set(k, color(v))
        elif k == "stroke-miterlimit":
            el.set(k, fmt(float(v), 2))
    for c in el:
        round_numbers(c, own, base_dec)


def dec_for(m, base_dec):
    return max(base_dec, base_dec + math.ceil(math.log10(scale_of(m)) - 1e-9)) \
        if scale_of(m) > 1 else base_dec


def effective(el, k, inh):
    return el.get(k, inh.get(k, INHERIT[k]))


def hoist(g, inh):
    """Move inheritable attributes shared by g's children onto g."""
    kids = list(g)
    if len(kids) < 2:
        return
    g_inh = dict(inh)
    g_inh.update({k: v for k, v in g.attrib.items() if k in INHERIT})
    for k in ["stroke", "fill"] + sorted(STROKE_ONLY) + ["fill-rule", "clip-rule",
                                                         "fill-opacity"]:
        if k not in INHERIT:
            continue
        counts = {}
        for c in kids:
            if k in c.attrib:
                counts[c.get(k)] = counts.get(c.get(k), 0) + 1
        if not counts:
            continue
        v, n = max(counts.items(), key=lambda kv: kv[1])
        old = g_inh.get(k, INHERIT[k])
        if v == old:
            continue
        # children without k would start inheriting v: they need k=old,
        # unless k is a stroke detail and they draw no stroke
        need = []
        for c in kids:
            if k in c.attrib:
                continue
            if k in STROKE_ONLY and local(c.tag) in SHAPES and \
                    c.get("stroke", g_inh.get("stroke", "none")) == "none":
                continue
            need.append(c)
        gain = n * (len(k) + len(v) + 4) - len(need) * (len(k) + len(old) + 4) \
            - (len(k) + len(v) + 4)
        if gain <= 0:
            continue
        g.set(k, v)
        g_inh[k] = v
        for c in kids:
            if c.get(k) == v:
                del c.attrib[k]
        for c in need:
            c.set(k, old)


def simplify(el, inh):
    """Drop redundant attributes, empty and pointless groups (bottom-up)."""
    my = dict(inh)
    my.update({k: v for k, v in el.attrib.items() if k in INHERIT})
    for c in list(el):
        simplify(c, my)
    # remove attributes equal to what is inherited anyway
    for k in list(el.attrib):
        if k in INHERIT and el.get(k) == inh.get(k, INHERIT[k]) and local(el.tag) != "svg":
            del el.attrib[k]
    tag = local(el.tag)
    if tag in SHAPES:
        stroke = el.get("stroke", inh.get("stroke", "none"))
        if stroke == "none":
            for k in list(el.attrib):
                if k in STROKE_ONLY:
                    del el.attrib[k]
        elif el.get("stroke-linejoin", inh.get("stroke-linejoin", "miter")) != "miter":
            el.attrib.pop("stroke-miterlimit", None)
    if tag in ("g", "svg"):
        # empty groups
        for c in list(el):
            if local(c.tag) == "g" and len(c) == 0:
                el.remove(c)
        hoist(el, inh)
        # unwrap groups that carry nothing, or only inheritable attributes
        # for a single child
        changed = True
        while changed:
            changed = False
            for idx, c in enumerate(list(el)):
                if local(c.tag) != "g":
                    continue
                attrs = set(c.attrib)
                if not attrs or (len(c) == 1 and attrs <= set(INHERIT)):
                    for k in attrs:
                        for gc in c:
                            gc.attrib.setdefault(k, c.get(k))
                    el.remove(c)
                    for j, gc in enumerate(list(c)):
                        el.insert(idx + j, gc)
                    changed = True
                    break
        # stroke attributes on a group whose children draw no stroke
        my = dict(inh)
        my.update({k: v for k, v in el.attrib.items() if k in INHERIT})
        for k in list(el.attrib):
            if k in STROKE_ONLY and tag == "g" and \
                    all(_no_stroke(x, my) for x in el):
                del el.attrib[k]


def _no_stroke(el, inh):
    s = el.get("stroke", inh.get("stroke", "none"))
    if local(el.tag) in SHAPES:
        return s == "none"
    sub = dict(inh)
    sub.update({k: v for k, v in el.attrib.items() if k in INHERIT})
    return all(_no_stroke(c, sub) for c in el)


def esc(v):
    return v.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def serialize(el):
    tag = local(el.tag)
    attrs = "".join(f' {local(k) if not k.startswith("{http://www.w3.org/1999/xlink") else "xlink:" + local(k)}="{esc(v)}"'
                    for k, v in el.attrib.items())
    if tag == "svg":
        attrs = f' xmlns="{SVG_NS}"' + attrs
    kids = "".join(serialize(c) for c in el)
    text = (el.text or "").strip()
    if kids or text:
        return f"<{tag}{attrs}>{esc(text)}{kids}</{tag}>"
    return f"<{tag}{attrs}/>"


def minify(src_text, base_dec=1):
    root = ET.fromstring(src_text)
    strip(root)
    vb = root.get("viewBox", "0 0 72 72")
    for k in list(root.attrib):
        del root.attrib[k]
    round_numbers(root, [1, 0, 0, 1, 0, 0], base_dec)
    # two rounds: hoisting can make more groups unwrappable
    simplify(root, {})
    simplify(root, {})
    presentation = {k: v for k, v in root.attrib.items()}
    root.attrib.clear()
    root.set("viewBox", join_nums([fmt(float(x), 1) for x in NUM_RE.findall(vb)]))
    root.set("aria-hidden", "true")
    root.set("focusable", "false")
    root.attrib.update(presentation)
    return serialize(root)


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
    for bad in ("<script", "href=\"http", "url(http", "xlink:href=\"http", "<image",
                "<foreignobject", "@import", "<!--", "javascript:"):
        if bad in low:
            problems.append(f"contains {bad}")
    if re.search(r'\son\w+=', text):
        problems.append("event handler attribute")
    return [f"{name}: {p}" for p in problems]


def sizes(text):
    raw = text.encode()
    return len(raw), len(gzip.compress(raw, 9, mtime=0))


# ------------------------------------------------------------------ output ---
def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_toml():
    lines = ["# Heard easy-read symbols: alt text and source of each file in symbols/.",
             "# Written by build.py; edit SYMBOLS there and re-run.", ""]
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
            rows.append(f"| symbols/{name}.svg | — (drawn by Heard contributors) | not applicable |")
        else:
            rows.append(f"| symbols/{name}.svg | {src}.svg | minified as above |")
    text = LICENSE_HEAD.format(version=OPENMOJI_VERSION) + "\n".join(rows) + "\n"
    text += ("\nThe full licence text is at "
             "https://creativecommons.org/licenses/by-sa/4.0/legalcode and in the\n"
             "`LICENSE.txt` of the OpenMoji package.\n")
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
                with open(os.path.join(args.openmoji, "color", "svg", src + ".svg"),
                          encoding="utf-8") as f:
                    text = minify(f.read())
            with open(os.path.join(OUT, name + ".svg"), "w", encoding="utf-8") as f:
                f.write(text + "\n")
        write_toml()
        write_license()
    sys.exit(0 if report() else 1)


if __name__ == "__main__":
    main()
