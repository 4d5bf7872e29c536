"""The board: KPI dashboard, trajectories, tallies, cross-audience comparison, board pack."""

from flask import Blueprint

bp = Blueprint("board", __name__, template_folder="templates")

from app.board import views  # noqa: E402,F401  (routes register on bp)


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
