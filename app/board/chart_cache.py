"""Each KPI chart is drawn once for what it is drawn from, and kept until that changes.

The key is a hash of the chart's whole spec: the KPI's milestone line and final target,
each period's value, interval and status (so its month counts), the shared date axis and
the words in the chart. A new answer or an edited KPI makes a new spec, so a new key, and
the chart is drawn again; an unchanged KPI is served from the cache. Charts are kept in
memory and in files under the instance folder, so the app's other workers, and the app
after a restart, do not draw them again.
"""

import hashlib
import os
import tempfile
from collections import OrderedDict
from pathlib import Path
from threading import Lock

from flask import current_app

from app.board.drawing import ChartSpec, draw

# Change it when the drawing changes: every chart is then drawn again in the new style.
STYLE = "2"
IN_MEMORY = 128
ON_DISK = 1000

_memory: OrderedDict[str, str] = OrderedDict()
_lock = Lock()
drawn = 0  # charts drawn by this process: what the tests and the benchmark read


def key_of(spec: ChartSpec) -> str:
    """Return the hash that names a chart: the same inputs always give the same key."""
    return hashlib.sha256(f"{STYLE}|{spec!r}".encode()).hexdigest()


def folder() -> Path:
    """Return the folder charts are kept in (HEARD's instance folder unless configured)."""
    configured = current_app.config.get("CHART_CACHE_DIR")
    return Path(configured) if configured else Path(current_app.instance_path) / "charts"


def chart(spec: ChartSpec, key: str | None = None) -> str:
    """Return the chart's SVG: from memory, else from its file, else drawn and kept."""
    key = key or key_of(spec)
    with _lock:
        if key in _memory:
            _memory.move_to_end(key)
            return _memory[key]
    path = folder() / f"{key}.svg"
    try:
        svg = path.read_text(encoding="utf-8")
    except OSError:
        svg = _draw_and_keep(spec, path)
    _remember(key, svg)
    return svg


def clear_memory() -> None:
    """Forget the charts kept in memory (the files stay), as a restart would."""
    with _lock:
        _memory.clear()


def _remember(key: str, svg: str) -> None:
    with _lock:
        _memory[key] = svg
        while len(_memory) > IN_MEMORY:
            _memory.popitem(last=False)


def _draw_and_keep(spec: ChartSpec, path: Path) -> str:
    global drawn
    svg = draw(spec)
    drawn += 1
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written whole, then renamed: another worker never reads half a chart.
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(svg)
        os.replace(temporary, path)
        _prune(path.parent)
    except OSError:
        # A read-only or full disk costs a redraw next time, never the page.
        current_app.logger.warning("Could not keep a KPI chart in %s", path.parent)
    return svg


def _prune(where: Path) -> None:
    # Old keys are never asked for again; keep the newest ON_DISK charts.
    files = list(where.glob("*.svg"))
    if len(files) <= ON_DISK:
        return
    files.sort(key=lambda f: f.stat().st_mtime)
    for old in files[: len(files) - ON_DISK]:
        old.unlink(missing_ok=True)
