"""Write numbers, colours, transforms and path data of SVG drawings in their shortest form.

Used by svg_minify.py. Numbers are rounded to a number of decimal places that the caller
picks for the scale it draws at.
"""

import math
import re

NUM_RE = re.compile(r"[-+]?(?:\d*\.\d+|\d+\.?)(?:[eE][-+]?\d+)?")
NAMED = {"black": "#000", "white": "#fff", "red": "#f00"}
IDENTITY = [1, 0, 0, 1, 0, 0]


# ---------------------------------------------------------------- numbers ---
def fmt(v: float, dec: int) -> str:
    """Write a number rounded to dec places, as short as possible (".5", not "0.50")."""
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


def _last_number(text: str) -> str:
    return re.split(r"[^\d.]", text)[-1]


def _joins_without_space(before: str, s: str) -> bool:
    """Say whether s can follow before with no space: a sign or a second "." ends a number."""
    return s.startswith("-") or (s.startswith(".") and "." in _last_number(before))


def join_nums(strs: list[str]) -> str:
    """Join written numbers with a space only where one is needed to tell them apart."""
    out = ""
    for s in strs:
        if out and not _joins_without_space(out, s):
            out += " "
        out += s
    return out


def color(v: str) -> str:
    """Shorten a colour: named colours and #aabbcc to three hex digits where they can be."""
    v = v.strip()
    low = v.lower()
    if low in NAMED:
        return NAMED[low]
    m = re.fullmatch(r"#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3", low)
    if m:
        return "#" + "".join(m.groups())
    return low if low.startswith("#") else v


# ------------------------------------------------------------- transforms ---
def _one_transform(name: str, a: list[float]) -> list[float] | None:
    if name == "matrix":
        return a
    if name == "translate":
        return [1, 0, 0, 1, a[0], a[1] if len(a) > 1 else 0]
    if name == "scale":
        return [a[0], 0, 0, a[1] if len(a) > 1 else a[0], 0, 0]
    if name == "rotate":
        r = math.radians(a[0])
        c, s = math.cos(r), math.sin(r)
        n = [c, s, -s, c, 0, 0]
        if len(a) == 3:
            cx, cy = a[1], a[2]
            n[4] = cx - c * cx + s * cy
            n[5] = cy - s * cx - c * cy
        return n
    return None  # skewX and skewY: left as written


def parse_transform(t: str) -> list[float] | None:
    """Return a transform attribute as one matrix [a b c d e f], or None if it has a skew."""
    m = list(IDENTITY)
    for name, args in re.findall(r"(\w+)\s*\(([^)]*)\)", t):
        n = _one_transform(name, [float(x) for x in NUM_RE.findall(args)])
        if n is None:
            return None
        m = mul(m, n)
    return m


def mul(m: list[float], n: list[float]) -> list[float]:
    """Multiply two transform matrices."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return [
        a * a2 + c * b2,
        b * a2 + d * b2,
        a * c2 + c * d2,
        b * c2 + d * d2,
        a * e2 + c * f2 + e,
        b * e2 + d * f2 + f,
    ]


def fmt_matrix(m: list[float], dec: int) -> str | None:
    """Write a matrix as translate() where it only moves, or None where it does nothing."""
    lin = [0.0 if abs(x) < 1e-9 else x for x in m[:4]]
    if lin == [1, 0, 0, 1]:
        if round(m[4], dec) == 0 and round(m[5], dec) == 0:
            return None
        return "translate(" + join_nums([fmt(m[4], dec), fmt(m[5], dec)]) + ")"
    parts = [fmt(x, 4) for x in lin] + [fmt(m[4], dec), fmt(m[5], dec)]
    return "matrix(" + join_nums(parts) + ")"


def scale_of(m: list[float]) -> float:
    """Return how much a matrix enlarges things (the square root of its area factor)."""
    return math.sqrt(abs(m[0] * m[3] - m[1] * m[2])) or 1.0


def dec_for(m: list[float], base_dec: int) -> int:
    """Return the decimals needed inside m for an error of about 10**-base_dec outside it."""
    scale = scale_of(m)
    if scale <= 1:
        return base_dec
    return max(base_dec, base_dec + math.ceil(math.log10(scale) - 1e-9))


# ------------------------------------------------------------------ paths ---
ARGS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}


def path_tokens(d: str):
    """Yield the command letters and numbers of path data."""
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
                raise ValueError(f"bad path data at {d[i : i + 20]!r}")
            yield m.group()
            i = m.end()


def _read_arc(toks: list[str], i: int) -> tuple[list[float], int]:
    # arc flags may be written without separators: "a1 1 0 011 1"
    raw: list[str] = []
    while len(raw) < 7:
        tok = toks[i]
        if len(raw) in (3, 4) and len(tok) > 1 and tok[0] in "01":
            raw.append(tok[0])
            toks[i] = tok[1:]
            continue
        raw.append(tok)
        i += 1
    return [float(x) for x in raw], i


def _absolute(up: str, rel: bool, a: list[float], cx: float, cy: float):
    """Return a segment's command and numbers in absolute form; H and V become L."""
    if up == "H":
        return "L", [a[0] + (cx if rel else 0), cy]
    if up == "V":
        return "L", [cx, a[0] + (cy if rel else 0)]
    if rel and up == "A":
        return up, a[:5] + [a[5] + cx, a[6] + cy]
    if rel:
        return up, [v + (cx if j % 2 == 0 else cy) for j, v in enumerate(a)]
    return up, a


def parse_path(d: str) -> list[tuple[str, list[float]]]:
    """Return absolute segments [(CMD, [numbers])]; H/V become L."""
    toks = list(path_tokens(d))
    segs: list[tuple[str, list[float]]] = []
    i = 0
    cx = cy = sx = sy = 0.0
    cmd = None
    while i < len(toks):
        if toks[i].isalpha():
            cmd = toks[i]
            i += 1
            if cmd in "Zz":
                segs.append(("Z", []))
                cx, cy = sx, sy
                continue
        elif cmd is None:
            raise ValueError("path does not start with a command")
        up, rel = cmd.upper(), cmd.islower()
        if up == "A":
            a, i = _read_arc(toks, i)
        else:
            a = [float(x) for x in toks[i : i + ARGS[up]]]
            i += ARGS[up]
        up, a = _absolute(up, rel, a, cx, cy)
        segs.append((up, a))
        cx, cy = a[-2], a[-1]
        if up == "M":
            sx, sy = cx, cy
            cmd = "l" if rel else "L"  # implicit lineto after moveto
    return segs


def _candidates(up: str, a: list[float], cx: float, cy: float):
    """Return the ways to write a segment from (cx, cy): (command, numbers), absolute first."""
    ex, ey = a[-2], a[-1]
    if up == "L" and ey == cy:
        return [("H", [ex]), ("h", [ex - cx])]
    if up == "L" and ex == cx:
        return [("V", [ey]), ("v", [ey - cy])]
    if up == "A":
        relv = a[:5] + [ex - cx, ey - cy]
    else:
        relv = [v - (cx if j % 2 == 0 else cy) for j, v in enumerate(a)]
    return [(up, a), (up.lower(), relv)]


def _write_segment(c: str, vals: list[float], dec: int, prev: str | None, out: list[str]) -> str:
    """Write one segment, leaving out the command letter where it repeats the previous one."""
    if c in "Aa":
        strs = [fmt(v, dec) for v in vals[:3]]
        strs += [str(int(vals[3])), str(int(vals[4]))]
        strs += [fmt(v, dec) for v in vals[5:]]
    else:
        strs = [fmt(v, dec) for v in vals]
    body = join_nums(strs)
    if prev != c or c in "Mm":
        return c + body
    if _joins_without_space(out[-1] if out else "", body):
        return body
    return " " + body


def _rounded(up: str, a: list[float], dec: int) -> list[float]:
    if up == "A":  # the two flags are 0 or 1: never rounded
        return [*(round(v, dec) for v in a[:3]), a[3], a[4], *(round(v, dec) for v in a[5:])]
    return [round(v, dec) for v in a]


def fmt_path(segs: list[tuple[str, list[float]]], dec: int) -> str:
    """Write absolute segments as the shortest path data, each in absolute or relative form."""
    out: list[str] = []
    prev = None
    cx = cy = sx = sy = 0.0
    for up, raw in segs:
        if up == "Z":
            out.append("z")
            prev = "z"
            cx, cy = sx, sy
            continue
        a = _rounded(up, raw, dec)
        ex, ey = a[-2], a[-1]
        in_subpath = prev and not prev.startswith("m_") and prev != "z"
        if up == "L" and ex == cx and ey == cy and in_subpath:
            continue  # zero-length line inside a subpath draws nothing
        best = None
        for c, vals in _candidates(up, a, cx, cy):
            s = _write_segment(c, vals, dec, prev, out)
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


def fmt_points(v: str, dec: int) -> str:
    """Round the numbers of a points attribute."""
    return join_nums([fmt(float(x), dec) for x in NUM_RE.findall(v)])
