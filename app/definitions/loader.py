"""Put validated survey definitions into the database as versions and KPIs."""

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, func, select

from app.definitions.parsing import DefinitionError, parse_file
from app.definitions.schema import NOT_VERSIONED, SurveyDef
from app.kpis.counts import is_counted, recount
from app.models import Kpi, Survey, SurveyState, SurveyVersion


@dataclass(frozen=True)
class LoadResult:
    slug: str
    outcome: str  # "new survey", "new version", "unchanged"
    version: int
    note: str | None = None  # something the person loading should know


def validate_directory(directory: Path) -> tuple[list[SurveyDef], list[DefinitionError]]:
    """Parse every survey file in a folder; return the good ones and the errors."""
    good, errors = [], []
    for path in sorted(directory.glob("*.toml")):
        try:
            good.append(parse_file(path))
        except DefinitionError as error:
            errors.append(error)
    return good, errors


def latest_version(survey_id: int, *, session: Session) -> SurveyVersion | None:
    """Return the newest version of a survey."""
    return session.exec(
        select(SurveyVersion)
        .where(SurveyVersion.survey_id == survey_id)
        .order_by(SurveyVersion.number.desc())
        .limit(1)
    ).first()


def surveys_with_newest_version(
    *, session: Session, state: SurveyState | None = None
) -> list[tuple[Survey, SurveyVersion]]:
    """Return surveys (in one state, or all) each with its newest version, in one query."""
    newest = (
        select(SurveyVersion.survey_id, func.max(SurveyVersion.number).label("number"))
        .group_by(SurveyVersion.survey_id)
        .subquery()
    )
    query = (
        select(Survey, SurveyVersion)
        .join(SurveyVersion, SurveyVersion.survey_id == Survey.id)
        .join(
            newest,
            (newest.c.survey_id == SurveyVersion.survey_id)
            & (newest.c.number == SurveyVersion.number),
        )
        .order_by(Survey.slug)
    )
    if state is not None:
        query = query.where(Survey.state == state)
    return list(session.exec(query).all())


def load_survey(definition: SurveyDef, *, session: Session) -> LoadResult:
    """Store a definition: a new version only when its content changed; KPIs kept current."""
    survey = session.exec(select(Survey).where(Survey.slug == definition.slug)).first()
    outcome = "unchanged"
    if survey is None:
        survey = Survey(slug=definition.slug)
        survey.open()
        session.add(survey)
        session.flush()
        outcome = "new survey"
    current = latest_version(survey.id, session=session)
    digest = definition.content_hash()
    if current is None or current.content_hash != digest:
        current = _add_version(survey, definition, digest, session=session)
        outcome = "new version" if outcome == "unchanged" else outcome
    _sync_kpis(survey, definition, session=session)
    note = _apply_retention(survey, definition, session=session)
    return LoadResult(definition.slug, outcome, current.number, note)


def _apply_retention(survey: Survey, definition: SurveyDef, *, session: Session) -> str | None:
    # The file gives a survey its first retention period. After that officers change it in
    # the browser, and loading the file again never overrides them (a shorter period would
    # delete answers they meant to keep): the difference is reported instead.
    wanted = definition.retention_months
    if wanted is None or wanted == survey.retention_months:
        return None
    if survey.retention_months is None:
        survey.retention_months = wanted
        session.add(survey)
        return None
    return (
        f"retention stays {survey.retention_months} months; the file now says {wanted}. "
        f"Officers change it at /manage/surveys/{survey.slug}/retention."
    )


def _add_version(survey: Survey, definition: SurveyDef, digest: str, *, session: Session):
    number = (
        session.exec(
            select(func.max(SurveyVersion.number)).where(SurveyVersion.survey_id == survey.id)
        ).one()
        or 0
    )
    # Earlier versions stop taking answers; their responses stay exactly as they were.
    for old in session.exec(select(SurveyVersion).where(SurveyVersion.survey_id == survey.id)):
        old.accepting = False
    version = SurveyVersion(
        survey_id=survey.id,
        number=number + 1,
        content_hash=digest,
        definition=definition.model_dump(mode="json", exclude=NOT_VERSIONED),
    )
    session.add(version)
    session.flush()
    return version


def _sync_kpis(survey: Survey, definition: SurveyDef, *, session: Session) -> None:
    # New KPIs, KPIs whose conditions changed and KPIs never counted are counted afresh.
    existing = {k.ref: k for k in session.exec(select(Kpi).where(Kpi.survey_id == survey.id))}
    rows = []
    for kpi in definition.kpis:
        row = existing.get(kpi.ref) or Kpi(survey_id=survey.id, ref=kpi.ref)
        row.statement = kpi.statement
        row.priority_area = kpi.priority_area
        row.audience = kpi.audience or definition.audience
        row.definition = kpi.model_dump(
            mode="json", exclude={"ref", "statement", "priority_area", "audience"}
        )
        session.add(row)
        rows.append(row)
    session.flush()
    recount([row for row in rows if not is_counted(row)], session=session)


def load_directory(directory: Path, *, session: Session) -> tuple[list[LoadResult], list]:
    """Load every good file in a folder; a broken file loads nothing and is reported."""
    good, errors = validate_directory(directory)
    return [load_survey(definition, session=session) for definition in good], errors
