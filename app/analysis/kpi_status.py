"""Compute a survey KPI's value, confidence interval, trajectory and status."""

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from itertools import pairwise

from app.analysis.kpi_sentences import (  # noqa: F401  (re-exported for callers)
    MONTHS,
    N_,
    TEMPLATES,
    day_month_year,
    english_people,
    explain,
    month_year,
)

# Division and interpolation can miss an exact boundary by one float step; a value that
# is on the milestone must count as on it.
TOLERANCE = 1e-9


class Status(StrEnum):
    GREY = "grey"
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    BLUE = "blue"


@dataclass(frozen=True)
class Vocabulary:
    grey: str
    green: str
    amber: str
    red: str
    blue: str

    def label(self, status: Status) -> str:
        """Return this vocabulary's word for a status."""
        return getattr(self, status.value)


BRAG = Vocabulary(
    grey=N_("Grey"), green=N_("Green"), amber=N_("Amber"), red=N_("Red"), blue=N_("Blue")
)
ON_TRACK = Vocabulary(
    grey=N_("Not due yet"),
    green=N_("On track - no concerns"),
    amber=N_("On track - some concerns"),
    red=N_("Off track"),
    blue=N_("Completed"),
)
VOCABULARIES = {"brag": BRAG, "on-track": ON_TRACK}


@dataclass(frozen=True)
class Milestone:
    on: date
    target: float  # fraction 0-1


@dataclass(frozen=True)
class KpiReading:
    ref: str
    statement: str
    audience: str
    n: int | None  # None (with positive, value and interval): hidden from the board
    positive: int | None
    value: float | None  # None when nobody answered, or hidden
    ci_low: float | None
    ci_high: float | None
    expected: float | None  # None when not due yet
    status: Status
    explanation: str  # in English; pages translate TEMPLATES[case] with the facts
    slow_to_progress: bool
    next_milestone: Milestone | None  # None once past every milestone
    current_milestone: Milestone | None  # the one the explanation names
    case: str = "no-milestones"  # which of TEMPLATES explains the status
    facts: tuple[tuple[str, object], ...] = ()  # its figures, unformatted (dates as dates)


def wilson_interval(positive: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Return the Wilson score interval for positive out of n, as fractions 0-1."""
    if n < 0 or not 0 <= positive <= n:
        raise ValueError(f"need 0 <= positive <= n, got {positive} of {n}")
    if n == 0:
        return (0.0, 1.0)
    p, z2 = positive / n, z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    # The ends are exactly 0 or 1 at p = 0 or 1; floats would leave a 1e-17 remainder.
    low = 0.0 if positive == 0 else centre - half
    high = 1.0 if positive == n else centre + half
    return (low, high)


def sorted_milestones(milestones: Sequence[Milestone]) -> list[Milestone]:
    """Return milestones in date order, refusing two on the same day."""
    ordered = sorted(milestones, key=lambda m: m.on)
    for a, b in pairwise(ordered):
        if a.on == b.on:
            raise ValueError(f"two milestones on {a.on.isoformat()}")
    return ordered


def _between(a_on: date, a_target: float, b_on: date, b_target: float, on: date) -> float:
    """Return the straight-line value by day between two dated targets."""
    return a_target + (b_target - a_target) * (on - a_on).days / (b_on - a_on).days


def expected_on(
    milestones: Sequence[Milestone],
    on: date,
    *,
    start: date | None = None,
    baseline: float | None = None,
) -> float | None:
    """Return the trajectory's expected fraction on a date, or None when not due."""
    ordered = sorted_milestones(milestones)
    if not ordered:
        return None
    if on >= ordered[-1].on:
        return ordered[-1].target
    for a, b in pairwise(ordered):
        if a.on <= on < b.on:
            return _between(a.on, a.target, b.on, b.target, on)
    # Before the first milestone: only a start with a baseline draws a line to it.
    if start is not None and baseline is not None and start <= on:
        return _between(start, baseline, ordered[0].on, ordered[0].target, on)
    return None


def heading_to(milestones: Sequence[Milestone], on: date) -> Milestone | None:
    """Return the next milestone on or after a date, or None when past them all."""
    return next((m for m in sorted_milestones(milestones) if m.on >= on), None)


def classify(value: float, ci_high: float, expected: float) -> Status:
    """Return Green, Amber or Red for a KPI that is due and has enough answers."""
    if value >= expected - TOLERANCE:
        return Status.GREEN
    if ci_high >= expected - TOLERANCE:
        return Status.AMBER
    return Status.RED


def percent(fraction: float) -> int:
    """Return a fraction as a whole percentage, rounding halves up."""
    # round(..., 6) first removes float noise (0.285 * 100 is 28.4999...); Python's
    # round() alone would also send halves to the even neighbour.
    return math.floor(round(fraction * 100, 6) + 0.5)


def _not_due_case(
    current: Milestone | None, on: date, start: date | None, baseline: float | None
) -> str:
    """Return which not-due sentence fits: no milestones, not started, or before the first."""
    if current is None:
        return "no-milestones"
    if start is not None and baseline is not None and on < start < current.on:
        return "not-started"
    return "not-due"


def _due_case(status: Status, expected: float, current: Milestone) -> str:
    """Return the Green/Amber/Red case, saying whether expected is the milestone itself."""
    # Between milestones the line is below the milestone, so the sentence must say both.
    at = math.isclose(expected, current.target, abs_tol=TOLERANCE)
    return f"{status.value}-{'at' if at else 'toward'}"


def _facts(
    n: int,
    positive: int,
    expected: float | None,
    current: Milestone | None,
    start: date | None,
    minimum: int,
    final_target: float,
    people: tuple[str, str],
) -> dict[str, object]:
    """Return every figure a template may name: percentages whole, dates left as dates."""
    low, high = wilson_interval(positive, n)
    facts: dict[str, object] = {
        "n": n,
        "people": english_people(n, people),
        "minimum": minimum,
        "final": percent(final_target),
        "low": percent(low),
        "high": percent(high),
    }
    if n:
        facts["value"] = percent(positive / n)
    if expected is not None:
        facts["expected"] = percent(expected)
    if current is not None:
        facts |= {"milestone": current.on, "target": percent(current.target)}
    if start is not None:
        facts["start"] = start
    return facts


def assess(
    *,
    ref: str,
    statement: str,
    audience: str,
    positive: int,
    n: int,
    milestones: Sequence[Milestone],
    on: date,
    minimum_sample: int,
    final_target: float,
    closed: bool = False,
    start: date | None = None,
    baseline: float | None = None,
    people: tuple[str, str] = ("person", "people"),
    vocabulary: Vocabulary = BRAG,
    history: Sequence[tuple[date, Status, float | None, float | None]] = (),
) -> KpiReading:
    """Return the KPI's reading on a date: value, interval, expected value and status."""
    low, high = wilson_interval(positive, n)
    value = positive / n if n else None
    expected = expected_on(milestones, on, start=start, baseline=baseline)
    upcoming = heading_to(milestones, on)
    current = upcoming or (sorted_milestones(milestones)[-1] if milestones else None)
    minimum = max(minimum_sample, 1)  # no answers is never enough, whatever the setting
    if n < minimum:
        status, case = Status.GREY, "too-few"
    elif closed and value >= final_target - TOLERANCE:
        status, case = Status.BLUE, "blue"
    elif expected is None:
        status, case = Status.GREY, _not_due_case(current, on, start, baseline)
    else:
        status = classify(value, high, expected)
        case = _due_case(status, expected, current)
    facts = _facts(n, positive, expected, current, start, minimum, final_target, people)
    slow = slow_to_progress([*history, (on, status, value, expected)])
    return KpiReading(
        ref=ref,
        statement=statement,
        audience=audience,
        n=n,
        positive=positive,
        value=value,
        ci_low=low,
        ci_high=high,
        expected=expected,
        status=status,
        explanation=explain(case, vocabulary.label(status), facts),
        slow_to_progress=slow,
        next_milestone=upcoming,
        current_milestone=current,
        case=case,
        facts=tuple(facts.items()),
    )


def slow_to_progress(history: Sequence[tuple[date, Status, float | None, float | None]]) -> bool:
    """Return True when the last two periods show the KPI not catching up."""
    if len(history) < 2:
        return False
    (_, before, old, old_expected), (_, now, new, new_expected) = history[-2:]
    concerned = {Status.AMBER, Status.RED}
    if before in concerned and now in concerned:
        return True
    # Grey values are too few to trust or not yet due, and Blue is closed: neither is slow.
    due = {Status.GREEN, Status.AMBER, Status.RED}
    if before not in due or now not in due:
        return False
    return new <= old + TOLERANCE and new_expected > old_expected + TOLERANCE


def _fraction(x: float | None) -> float | None:
    """Return a fraction rounded to 4 dp, keeping None."""
    return None if x is None else round(x, 4)


def hidden_reading(reading: KpiReading, threshold: int, vocabulary: Vocabulary) -> KpiReading:
    """Return a reading on fewer than `threshold` answers with its figures and status hidden.

    n and positive become None, as do the value and its interval; the status is Grey, since
    a colour read from a few answers says something about those few. The expected value on
    the milestone line is the partnership's plan, not anyone's answer, and stays.
    """
    if not 0 < reading.n < threshold:
        return reading
    facts = {"threshold": threshold}
    return replace(
        reading,
        n=None,
        positive=None,
        value=None,
        ci_low=None,
        ci_high=None,
        status=Status.GREY,
        explanation=explain("hidden", vocabulary.label(Status.GREY), facts),
        slow_to_progress=False,
        case="hidden",
        facts=tuple(facts.items()),
    )


def reading_to_dict(reading: KpiReading) -> dict[str, object]:
    """Return a reading as JSON-ready data: fractions 0-1 to 4 dp, status in lower case."""
    return {
        "ref": reading.ref,
        "statement": reading.statement,
        "audience": reading.audience,
        "n": reading.n,
        "positive": reading.positive,
        "value": _fraction(reading.value),
        "ci_low": _fraction(reading.ci_low),
        "ci_high": _fraction(reading.ci_high),
        "expected": _fraction(reading.expected),
        "status": reading.status.value,
        "explanation": reading.explanation,
        "slow_to_progress": reading.slow_to_progress,
    }
