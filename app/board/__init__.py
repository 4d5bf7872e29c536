"""The board: KPI dashboard, trajectories, tallies, cross-audience comparison, board pack."""

from flask import Blueprint

# cli_group=None: the board's commands are `flask kpis ...`, not `flask board kpis ...`.
bp = Blueprint("board", __name__, template_folder="templates", cli_group=None)

# Routes and template filters register on bp as their modules load.
from app.board import (  # noqa: E402,F401
    charting,
    downloads,
    formatting,
    kpi_admin,
    sparkline,
    tally_chart,
    views,
)
from app.board.cli import kpis_cli  # noqa: E402

bp.cli.add_command(kpis_cli)


@bp.record_once
def _check_settings(state) -> None:
    # Refuse to start with a status vocabulary or period nobody can read.
    from app.analysis.kpi_status import VOCABULARIES
    from app.analysis.tally import PERIOD_KINDS
    from app.config import ConfigError

    config = state.app.config
    if config.get("STATUS_VOCABULARY") not in VOCABULARIES:
        words = ", ".join(VOCABULARIES)
        raise ConfigError(f"HEARD_STATUS_VOCABULARY must be one of: {words}.")
    if config.get("BOARD_PERIOD") not in PERIOD_KINDS:
        raise ConfigError(f"HEARD_BOARD_PERIOD must be one of: {', '.join(PERIOD_KINDS)}.")
