"""tools/easyread_symbols.py: the committed symbols pass its check, and a broken copy fails."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "easyread_symbols.py"


def run_tool(*args: str) -> subprocess.CompletedProcess:
    """Run the tool as `make test` does, with no OpenMoji package anywhere."""
    command = [sys.executable, str(TOOL), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture
def easyread(tmp_path) -> Path:
    """Return a copy of easyread/ to break."""
    return shutil.copytree(ROOT / "easyread", tmp_path / "easyread")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}: the test needs updating"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_committed_symbols_pass_the_check():
    result = run_tool("--check")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "46 easy-read symbols checked: no problems\n"


def test_an_untouched_copy_passes_so_the_failures_below_come_from_the_breakage(easyread):
    result = run_tool("--check", "--easyread", str(easyread))
    assert (result.returncode, result.stderr) == (0, "")


def test_building_the_faces_rewrites_the_committed_files_byte_for_byte(easyread):
    result = run_tool("--faces", "--easyread", str(easyread))
    assert result.returncode == 0, result.stderr
    committed = sorted(p.relative_to(ROOT / "easyread") for p in (ROOT / "easyread").rglob("*"))
    built = sorted(p.relative_to(easyread) for p in easyread.rglob("*"))
    assert built == committed
    files = [p for p in built if (easyread / p).is_file()]
    changed = [
        str(p) for p in files if (easyread / p).read_bytes() != (ROOT / "easyread" / p).read_bytes()
    ]
    assert len(files) > 40 and changed == []


def remove_star(easyread: Path) -> None:
    (easyread / "symbols" / "star.svg").unlink()


def cut_tick_short(easyread: Path) -> None:
    path = easyread / "symbols" / "tick.svg"
    path.write_bytes(path.read_bytes()[:60])


def indent_cross(easyread: Path) -> None:
    edit(easyread / "symbols" / "cross.svg", "><", ">\n  <")


def script_in_heart(easyread: Path) -> None:
    edit(easyread / "symbols" / "heart.svg", "</svg>", "<script>alert(1)</script></svg>")


def bloat_map(easyread: Path) -> None:
    edit(
        easyread / "symbols" / "map.svg", "</svg>", '<circle cx="9" cy="9" r="9"/>' * 30 + "</svg>"
    )


def add_unlisted_symbol(easyread: Path) -> None:
    shutil.copy(easyread / "symbols" / "star.svg", easyread / "symbols" / "sparkle.svg")


def edit_a_face_without_building(easyread: Path) -> None:
    edit(easyread / "drawn" / "face-ok.svg", 'd="M16 33h16"', 'd="M16 34h16"')


def remove_a_face_source(easyread: Path) -> None:
    (easyread / "drawn" / "face-good.svg").unlink()


def change_alt_text_by_hand(easyread: Path) -> None:
    edit(easyread / "symbols.toml", 'alt = "A red heart"', 'alt = "A heart"')


def drop_a_licence_row(easyread: Path) -> None:
    edit(easyread / "LICENSE.md", "| symbols/care.svg | E083.svg | minified as above |\n", "")


def say_a_picture_means_something_else_by_hand(easyread: Path) -> None:
    edit(easyread / "SYMBOLS.md", "## `job`: a paid job", "## `job`: a job or an apprenticeship")


BREAKAGES = [
    (remove_star, "easyread/symbols/star.svg: missing, though SYMBOLS lists it"),
    (cut_tick_short, "easyread/symbols/tick.svg: not a valid SVG file (unclosed token"),
    (indent_cross, "easyread/symbols/cross.svg: not minified"),
    (script_in_heart, "easyread/symbols/heart.svg: contains <script"),
    (bloat_map, "easyread/symbols/map.svg: 5,408 bytes, over the 5,120-byte limit"),
    (add_unlisted_symbol, "easyread/symbols/sparkle.svg: not in SYMBOLS"),
    (edit_a_face_without_building, "easyread/symbols/face-ok.svg: differs from its source"),
    (remove_a_face_source, "easyread/symbols/face-good.svg: no source easyread/drawn/face-good"),
    (change_alt_text_by_hand, "easyread/symbols.toml: [heart] alt is 'A heart', SYMBOLS says"),
    (drop_a_licence_row, "easyread/LICENSE.md: no row, or a wrong one, for symbols/care.svg"),
    (say_a_picture_means_something_else_by_hand, "easyread/SYMBOLS.md: differs from what"),
]


@pytest.mark.parametrize(
    ("breakage", "expected"), BREAKAGES, ids=[b.__name__ for b, _ in BREAKAGES]
)
def test_a_broken_copy_fails_the_check_with_one_line_naming_the_file(easyread, breakage, expected):
    breakage(easyread)
    result = run_tool("--check", "--easyread", str(easyread))
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith(expected), result.stderr
