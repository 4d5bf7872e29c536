"""Imports flow one way: only the factory imports a blueprint, blueprints never import each
other, and analysis/ imports nothing but the standard library, itself and the few
third-party packages named in ANALYSIS_ALLOWS.

Every module under app/ is parsed (imports inside functions count too), so the rules hold
for code not yet written: a new blueprint is any package whose __init__ makes a Blueprint.
"""

import ast
import sys
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"

# Pure libraries analysis/ may use: they take plain data, return plain data and touch no
# request, session or file of ours. TextBlob scores the words of free-text comments
# (analysis/text/sentiment.py); writing its lexicon out again would gain nothing.
ANALYSIS_ALLOWS = frozenset({"textblob"})


def module_name(path: Path, root: Path) -> str:
    """Return the dotted name of a module file under the app package's parent folder."""
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, root: Path) -> set[str]:
    """Return every module a file imports, relative imports made absolute."""
    here = module_name(path, root)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            if base == "app":  # `from app import board` imports the module app.board
                found |= {f"app.{alias.name}" for alias in node.names}
    return found


def blueprints(root: Path) -> set[str]:
    """Return the dotted names of the blueprint packages (an __init__ that makes a Blueprint)."""
    return {
        module_name(init, root)
        for init in root.glob("*/__init__.py")
        if "Blueprint(" in init.read_text()
    }


def owner(module: str, packages: set[str]) -> str | None:
    """Return the blueprint package a module belongs to, if any."""
    return next((p for p in packages if module == p or module.startswith(p + ".")), None)


def layer_problems(root: Path) -> list[str]:
    """List every import that breaks the one-way rule, as "module imports module: why"."""
    bps = blueprints(root)
    problems = []
    for path in sorted(root.rglob("*.py")):
        name = module_name(path, root)
        mine = owner(name, bps)
        for target in sorted(imports_of(path, root)):
            top = target.partition(".")[0]
            theirs = owner(target, bps)
            if name.startswith("app.analysis") and top not in sys.stdlib_module_names:
                if not target.startswith("app.analysis") and top not in ANALYSIS_ALLOWS:
                    problems.append(
                        f"{name} imports {target}: analysis uses the standard library, "
                        "itself and ANALYSIS_ALLOWS only"
                    )
            elif theirs and mine is None and name != "app":
                problems.append(f"{name} imports {target}: only the factory imports blueprints")
            elif theirs and mine and theirs != mine:
                problems.append(
                    f"{name} imports {target}: blueprints share through app/, not each other"
                )
    return problems


def test_imports_flow_one_way():
    assert layer_problems(APP) == []


def test_the_rules_catch_an_upward_and_a_sideways_import(tmp_path):
    root = tmp_path / "app"
    for package in ("board", "manage", "analysis"):
        (root / package).mkdir(parents=True)
    (root / "__init__.py").write_text("from app.board import bp\n")
    for package in ("board", "manage"):
        (root / package / "__init__.py").write_text("bp = Blueprint('x', __name__)\n")
    (root / "analysis" / "__init__.py").write_text("")
    (root / "analysis" / "sums.py").write_text("import math\nfrom flask import g\n")
    # An allowed library passes, even imported inside a function; a near-namesake does not.
    (root / "analysis" / "words.py").write_text(
        "def f():\n    from textblob.en import sentiment\n    import textblobs\n"
    )
    (root / "manage" / "views.py").write_text("from ..board import forms\n")
    (root / "loader.py").write_text("def f():\n    from app.board.counts import add\n")
    assert layer_problems(root) == [
        "app.analysis.sums imports flask: analysis uses the standard library, itself and "
        "ANALYSIS_ALLOWS only",
        "app.analysis.words imports textblobs: analysis uses the standard library, itself and "
        "ANALYSIS_ALLOWS only",
        "app.loader imports app.board.counts: only the factory imports blueprints",
        "app.manage.views imports app.board: blueprints share through app/, not each other",
    ]


def test_importing_the_analysis_package_loads_no_framework():
    # A fresh interpreter: this process has Flask loaded already.
    import subprocess

    code = (
        "import sys, app.analysis.kpi_status, app.analysis.tally, app.analysis.text;"
        "app.analysis.text.read_comment('The taxi was late');"
        "print(sorted(m for m in ('flask', 'matplotlib', 'openpyxl', 'sqlalchemy')"
        " if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=APP.parent, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
