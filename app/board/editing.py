"""Staff edits to a KPI: read the form's text, validate as a survey file would, then save."""

from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from pydantic import ValidationError
from sqlmodel import Session

from app.definitions import KpiDef, definition_of
from app.definitions.checks import kpi_problems
from app.definitions.loader import latest_version
from app.definitions.schema import DONT_KNOW, PREFER_NOT
from app.kpis.counts import is_counted, recount
from app.kpis.definition import definition_of_kpi
from app.models import Kpi

FIELDS = (
    "statement",
    "priority_area",
    "audience",
    "conditions",
    "milestones",
    "baseline",
    "baseline_date",
    "target",
    "target_date",
    "minimum_sample",
    "window_months",
)
Problem = tuple[str, str]  # (form field, message naming the KPI and the field)


def _number(text: str) -> str:
    return f"{text:g}" if isinstance(text, float) else str(text)


def form_values(kpi: Kpi) -> dict[str, str]:
    """Return a KPI's definition as the text the edit form shows."""
    d = definition_of_kpi(kpi)
    default = [DONT_KNOW, PREFER_NOT]
    conditions = [
        f"{c.question} = {', '.join(c.positive)}"
        + ("" if c.excluded == default else f" | {', '.join(c.excluded)}")
        for c in d.conditions
    ]
    optional = {"baseline": d.baseline, "baseline_date": d.baseline_date}
    optional |= {"window_months": d.window_months}
    return {
        "statement": d.statement,
        "priority_area": d.priority_area,
        "audience": kpi.audience,
        "conditions": "\n".join(conditions),
        "milestones": "\n".join(f"{m.date} = {_number(m.percent)}" for m in d.milestones),
        "target": _number(d.target),
        "target_date": d.target_date.isoformat(),
        "minimum_sample": str(d.minimum_sample),
        **{name: "" if value is None else _number(value) for name, value in optional.items()},
    }


def _words(text: str) -> list[str]:
    return [word.strip() for word in text.split(",") if word.strip()]


def _sides(text: str, wrong: str):
    """Yield (left, right) of each non-empty "left = right" line; a line without = is wrong."""
    for line in filter(None, (line.strip() for line in text.splitlines())):
        left, equals, right = line.partition("=")
        if not equals:
            raise ValueError(wrong)
        yield left, right


def _conditions(text: str) -> list[dict]:
    found = []
    wrong = _("write each condition as: question = positive answers")
    for question, answers in _sides(text, wrong):
        positive, bar, excluded = answers.partition("|")
        condition = {"question": question.strip(), "positive": _words(positive)}
        if bar:
            condition["excluded"] = _words(excluded)
        found.append(condition)
    return found


def _milestones(text: str) -> list[dict]:
    found = []
    wrong = _("write each milestone as: YYYY-MM-DD = percent")
    for day, percent in _sides(text, wrong):
        try:
            found.append({"date": date.fromisoformat(day.strip()), "percent": float(percent)})
        except ValueError:
            raise ValueError(wrong) from None
    return found


PARSERS = {
    "conditions": _conditions,
    "milestones": _milestones,
    "baseline": float,
    "baseline_date": date.fromisoformat,
    "target": float,
    "target_date": date.fromisoformat,
    "minimum_sample": int,
    "window_months": int,
}
HINTS = {
    "baseline": _l("enter a number from 0 to 100"),
    "target": _l("enter a number from 0 to 100"),
    "baseline_date": _l("enter a date as YYYY-MM-DD"),
    "target_date": _l("enter a date as YYYY-MM-DD"),
    "minimum_sample": _l("enter a whole number"),
    "window_months": _l("enter a whole number of months"),
}


def _parse(ref: str, values: dict[str, str]) -> tuple[dict, list[Problem]]:
    data: dict = {"ref": ref}
    problems: list[Problem] = []
    for name in FIELDS:
        text = (values.get(name) or "").strip()
        if not text:
            continue
        try:
            data[name] = PARSERS.get(name, str)(text)
        except ValueError as error:
            hint = str(HINTS.get(name) or error)
            problems.append(
                (name, _("%(ref)s: %(field)s: %(hint)s", ref=ref, field=name, hint=hint))
            )
    return data, problems


def _field_of(location: tuple, message: str) -> str:
    first = str(location[0]) if location else ""
    if first in FIELDS:
        return first
    return "milestones" if "milestone" in message else "target_date"


def _where(location: tuple) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in location).lstrip(".")


def _pydantic_problem(ref: str, error: dict) -> Problem:
    message = error["msg"].removeprefix("Value error, ")
    # Rules across fields (milestone order) have no location: they are about milestones.
    where = _where(error["loc"]) or "milestones"
    return _field_of(error["loc"], message), f"{ref}: {where}: {message}"


def validate(kpi: Kpi, values: dict[str, str], *, session: Session) -> tuple[KpiDef | None, list]:
    """Return the edited definition, or the problems, each naming the KPI and the field."""
    data, problems = _parse(kpi.ref, values)
    if problems:
        return None, problems
    try:
        definition = KpiDef.model_validate(data)
    except ValidationError as error:
        return None, [_pydantic_problem(kpi.ref, e) for e in error.errors()]
    survey = definition_of(latest_version(kpi.survey_id, session=session))
    found = kpi_problems(survey, definition)
    if found:
        return None, [(_field_of((p.field,), p.message), f"{kpi.ref}: {p}") for p in found]
    return definition, []


def save(kpi: Kpi, definition: KpiDef, *, session: Session) -> None:
    """Store an edited definition on the KPI, recounting if its conditions changed (flush only)."""
    kpi.statement = definition.statement
    kpi.priority_area = definition.priority_area
    kpi.audience = definition.audience or kpi.audience
    source = kpi.definition.get("source")
    kept = definition.model_copy(update={"source": definition.source or source})
    kpi.definition = kept.model_dump(
        mode="json", exclude={"ref", "statement", "priority_area", "audience"}
    )
    session.add(kpi)
    session.flush()
    if not is_counted(kpi):
        recount([kpi], session=session)
