"""Minify SVG drawings without changing how they look: standard library only.

Used by easyread_symbols.py for the OpenMoji files. It rounds coordinates, rewrites path
data in its shortest form, moves shared colours and strokes onto groups and drops what
repeats the inherited value or the default.
"""

import contextlib
import re
import xml.etree.ElementTree as ET

from svg_numbers import (
    IDENTITY,
    NUM_RE,
    color,
    dec_for,
    fmt,
    fmt_matrix,
    fmt_path,
    fmt_points,
    join_nums,
    mul,
    parse_path,
    parse_transform,
)

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "{http://www.w3.org/1999/xlink}"
DROP_TAGS = {"metadata", "title", "desc"}
DROP_ATTRIBUTES = {"version", "xml:space", "enable-background"}
# inheritable presentation properties and their initial values
INHERIT = {
    "fill": "#000",
    "stroke": "none",
    "stroke-width": "1",
    "stroke-linecap": "butt",
    "stroke-linejoin": "miter",
    "stroke-miterlimit": "4",
    "fill-rule": "nonzero",
    "stroke-dasharray": "none",
    "stroke-dashoffset": "0",
    "fill-opacity": "1",
    "stroke-opacity": "1",
    "clip-rule": "nonzero",
}
STROKE_ONLY = {k for k in INHERIT if k.startswith("stroke-")}
# the order hoist() tries properties in: it decides which group gets what, so it is fixed
HOIST_ORDER = ["stroke", "fill", *sorted(STROKE_ONLY), "fill-rule", "clip-rule", "fill-opacity"]
SHAPES = {"path", "rect", "circle", "ellipse", "line", "polyline", "polygon"}
# attributes holding one number, rounded like path coordinates
POSITIONS = {"x", "y", "cx", "cy", "x1", "y1", "x2", "y2"}
LENGTHS = {"width", "height", "r", "rx", "ry", "stroke-width"}
GEOM = POSITIONS | LENGTHS


def local(tag: str) -> str:
    """Return a tag or attribute name without its {namespace}."""
    return tag.split("}", 1)[1] if "}" in tag else tag


# ------------------------------------------------------------- tree passes ---
def referenced_ids(root: ET.Element) -> set[str]:
    """Return the ids something points at with url(#id) or href="#id"."""
    refs = set()
    for el in root.iter():
        for k, v in el.attrib.items():
            refs.update(re.findall(r"url\(#([^)]+)\)", v))
            if local(k) == "href" and v.startswith("#"):
                refs.add(v[1:])
    return refs


def _is_drawing(el: ET.Element) -> bool:
    """Say whether an element is SVG that draws something (not metadata or a comment)."""
    return (
        isinstance(el.tag, str)
        and el.tag.startswith("{" + SVG_NS)
        and local(el.tag) not in DROP_TAGS
    )


def _unneeded(k: str, v: str, refs: set[str]) -> bool:
    """Say whether an attribute can go: other namespaces, ids nothing uses, metadata."""
    if k.startswith("{") and not k.startswith(XLINK_NS):
        return True
    return (k == "id" and v not in refs) or k in DROP_ATTRIBUTES


def strip(root: ET.Element) -> None:
    """Remove metadata, other namespaces and unused ids from the tree."""
    refs = referenced_ids(root)

    def walk(el):
        for child in list(el):
            if _is_drawing(child):
                walk(child)
            else:
                el.remove(child)
        for k in list(el.attrib):
            if _unneeded(k, el.attrib[k], refs):
                del el.attrib[k]

    walk(root)


def _round_transform(el: ET.Element, ctm: list[float], base_dec: int) -> list[float]:
    """Round el's transform; return the matrix its contents are drawn with."""
    t = el.get("transform")
    m = None if t is None else parse_transform(t)
    if m is None:
        return ctm
    s = fmt_matrix(m, dec_for(ctm, base_dec))
    if s is None:
        del el.attrib["transform"]
    else:
        el.set("transform", s)
    return mul(ctm, m)


def _round_attribute(el: ET.Element, k: str, v: str, dec: int) -> None:
    if k in GEOM:
        with contextlib.suppress(ValueError):  # "100%" and the like stay as written
            el.set(k, fmt(float(v), dec))
    elif k == "d":
        el.set(k, fmt_path(parse_path(v), dec))
    elif k == "points":
        el.set(k, fmt_points(v, dec))
    elif k in ("fill", "stroke"):
        el.set(k, color(v))
    elif k == "stroke-miterlimit":
        el.set(k, fmt(float(v), 2))


def round_numbers(el: ET.Element, ctm: list[float], base_dec: int) -> None:
    """Round coordinates so the error is about 10**-base_dec viewBox units."""
    own = _round_transform(el, ctm, base_dec)
    dec = dec_for(own, base_dec)
    for k, v in list(el.attrib.items()):
        _round_attribute(el, k, v, dec)
    for c in el:
        round_numbers(c, own, base_dec)


def _inherited(el: ET.Element, inh: dict[str, str]) -> dict[str, str]:
    """Return the inheritable properties el's children get: inh updated by el's own."""
    mine = dict(inh)
    mine.update({k: v for k, v in el.attrib.items() if k in INHERIT})
    return mine


def _needs_old_value(c: ET.Element, k: str, g_inh: dict[str, str]) -> bool:
    """Say whether child c, lacking k, must be given k's old value if the group takes a new one.

    Stroke details do not matter to a shape that draws no stroke.
    """
    if k in c.attrib:
        return False
    no_stroke = c.get("stroke", g_inh.get("stroke", "none")) == "none"
    return not (k in STROKE_ONLY and local(c.tag) in SHAPES and no_stroke)


def _hoist_one(g: ET.Element, kids: list[ET.Element], k: str, g_inh: dict[str, str]) -> None:
    counts: dict[str, int] = {}
    for c in kids:
        if k in c.attrib:
            counts[c.get(k)] = counts.get(c.get(k), 0) + 1
    if not counts:
        return
    v, n = max(counts.items(), key=lambda kv: kv[1])
    old = g_inh.get(k, INHERIT[k])
    if v == old:
        return
    need = [c for c in kids if _needs_old_value(c, k, g_inh)]
    cost = len(k) + 4  # k="" and a space
    gain = n * (cost + len(v)) - len(need) * (cost + len(old)) - (cost + len(v))
    if gain <= 0:
        return
    g.set(k, v)
    g_inh[k] = v
    for c in kids:
        if c.get(k) == v:
            del c.attrib[k]
    for c in need:
        c.set(k, old)


def hoist(g: ET.Element, inh: dict[str, str]) -> None:
    """Move inheritable attributes shared by g's children onto g, where that saves bytes."""
    kids = list(g)
    if len(kids) < 2:
        return
    g_inh = _inherited(g, inh)
    for k in HOIST_ORDER:
        _hoist_one(g, kids, k, g_inh)


def _drop_inherited(el: ET.Element, inh: dict[str, str]) -> None:
    """Remove attributes equal to what el inherits anyway (the root keeps its own)."""
    if local(el.tag) == "svg":
        return
    for k in list(el.attrib):
        if k in INHERIT and el.get(k) == inh.get(k, INHERIT[k]):
            del el.attrib[k]


def _drop_unused_stroke(el: ET.Element, inh: dict[str, str]) -> None:
    """Remove stroke details from a shape with no stroke, and miter limits without mitres."""
    if el.get("stroke", inh.get("stroke", "none")) == "none":
        for k in list(el.attrib):
            if k in STROKE_ONLY:
                del el.attrib[k]
    elif el.get("stroke-linejoin", inh.get("stroke-linejoin", "miter")) != "miter":
        el.attrib.pop("stroke-miterlimit", None)


def _unwrap_one(el: ET.Element) -> bool:
    """Unwrap el's first group that is bare, or has one child and only inheritable attributes."""
    for idx, c in enumerate(list(el)):
        if local(c.tag) != "g":
            continue
        if c.attrib and not (len(c) == 1 and set(c.attrib) <= set(INHERIT)):
            continue
        for k in c.attrib:
            for gc in c:
                gc.attrib.setdefault(k, c.get(k))
        el.remove(c)
        for j, gc in enumerate(list(c)):
            el.insert(idx + j, gc)
        return True
    return False


def _no_stroke(el: ET.Element, inh: dict[str, str]) -> bool:
    """Say whether el draws no stroke anywhere."""
    if local(el.tag) in SHAPES:
        return el.get("stroke", inh.get("stroke", "none")) == "none"
    sub = _inherited(el, inh)
    return all(_no_stroke(c, sub) for c in el)


def _simplify_group(el: ET.Element, inh: dict[str, str]) -> None:
    for c in list(el):
        if local(c.tag) == "g" and len(c) == 0:
            el.remove(c)
    hoist(el, inh)
    while _unwrap_one(el):
        pass
    if local(el.tag) != "g":
        return
    # stroke attributes on a group whose children draw no stroke
    mine = _inherited(el, inh)
    if all(_no_stroke(x, mine) for x in el):
        for k in list(el.attrib):
            if k in STROKE_ONLY:
                del el.attrib[k]


def simplify(el: ET.Element, inh: dict[str, str]) -> None:
    """Drop redundant attributes, empty and pointless groups (bottom-up)."""
    mine = _inherited(el, inh)
    for c in list(el):
        simplify(c, mine)
    _drop_inherited(el, inh)
    tag = local(el.tag)
    if tag in SHAPES:
        _drop_unused_stroke(el, inh)
    if tag in ("g", "svg"):
        _simplify_group(el, inh)


# ------------------------------------------------------------------ output ---
def esc(v: str) -> str:
    """Escape text or an attribute value for double quotes."""
    return v.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def _attribute_name(k: str) -> str:
    return "xlink:" + local(k) if k.startswith(XLINK_NS) else local(k)


def serialize(el: ET.Element) -> str:
    """Write an element on one line: no comments, no indentation, attributes in their order."""
    tag = local(el.tag)
    attrs = "".join(f' {_attribute_name(k)}="{esc(v)}"' for k, v in el.attrib.items())
    if tag == "svg":
        attrs = f' xmlns="{SVG_NS}"' + attrs
    kids = "".join(serialize(c) for c in el)
    text = (el.text or "").strip()
    if kids or text:
        return f"<{tag}{attrs}>{esc(text)}{kids}</{tag}>"
    return f"<{tag}{attrs}/>"


def compact(src_text: str) -> str:
    """Return an SVG drawing on one line as written: only comments and layout removed."""
    return serialize(ET.fromstring(src_text))


def minify(src_text: str, base_dec: int = 1) -> str:
    """Return a minified SVG drawing with a viewBox, hidden from screen readers."""
    root = ET.fromstring(src_text)
    strip(root)
    vb = root.get("viewBox", "0 0 72 72")
    root.attrib.clear()
    round_numbers(root, IDENTITY, base_dec)
    # two rounds: hoisting can make more groups unwrappable
    simplify(root, {})
    simplify(root, {})
    presentation = dict(root.attrib)
    root.attrib.clear()
    root.set("viewBox", join_nums([fmt(float(x), 1) for x in NUM_RE.findall(vb)]))
    root.set("aria-hidden", "true")
    root.set("focusable", "false")
    root.attrib.update(presentation)
    return serialize(root)
