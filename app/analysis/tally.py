"""Tallies over plain rows: periods, KPI counts per window, option shares, change over time."""

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.analysis.kpi_sentences import MONTHS

PERIOD_KINDS = ("month", "quarter")

# A condition's state for one response, as the database reduces it (see kpis/queries.py):
# None = not answered, 0 = answered but not positive, 1 = positive, 2 = an excluded answer.
NOT_POSITIVE, POSITIVE, EXCLUDED = 0, 1, 2


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date  # the last day in the period
    key: str  # "2025-03" or "2025-Q1"
    label: str  # "March 2025" or "January to March 2025"


def month_key(day: date) -> str:
    """Return a date's calendar month as "YYYY-MM"."""
    return f"{day.year:04d}-{day.month:02d}"


def _month_start(key: str) -> date:
    year, month = key.split("-")
    return date(int(year), int(month), 1)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_of(day: date, kind: str = "month") -> Period:
    """Return the calendar month or quarter that contains a date."""
    if kind == "month":
        start = day.replace(day=1)
        end = _add_months(start, 1) - timedelta(days=1)
        return Period(start, end, month_key(start), f"{MONTHS[start.month - 1]} {start.year}")
    if kind != "quarter":
        raise ValueError(f"a period is a month or a quarter, not {kind!r}")
    first = (day.month - 1) // 3 * 3 + 1
    start = date(day.year, first, 1)
    end = _add_months(start, 3) - timedelta(days=1)
    label = f"{MONTHS[first - 1]} to {MONTHS[first + 1]} {day.year}"
    return Period(start, end, f"{day.year}-Q{(first - 1) // 3 + 1}", label)


def periods_between(first: date, last: date, kind: str = "month") -> list[Period]:
    """Return every period from the one holding `first` to the one holding `last`."""
    periods, period = [], period_of(first, kind)
    while period.start <= last:
        periods.append(period)
        period = period_of(period.end + timedelta(days=1), kind)
    return periods


def parse_period(key: str, kind: str = "month") -> Period:
    """Return the period a key names ("2025-03" or "2025-Q1"), or raise ValueError."""
    if kind == "quarter":
        year, _, quarter = key.partition("-Q")
        if not (year.isdigit() and quarter in ("1", "2", "3", "4")):
            raise ValueError(f"{key!r} is not a quarter like 2025-Q1")
        return period_of(date(int(year), int(quarter) * 3 - 2, 1), "quarter")
    try:
        return period_of(_month_start(key), "month")
    except ValueError:
        raise ValueError(f"{key!r} is not a month like 2025-03") from None


@dataclass(frozen=True)
class ConditionSpec:
    question: str
    positive: tuple[str, ...]
    excluded: tuple[str, ...]


def condition_state(values: Collection[str], condition: ConditionSpec) -> int | None:
    """Return a condition's state from one response's values for its question.

    Several values (multiple choice) reduce as the SQL's MAX does: an excluded value wins,
    then a positive one; no values at all means the question was not answered.
    """
    if not values:
        return None
    if any(value in condition.excluded for value in values):
        return EXCLUDED
    return POSITIVE if any(value in condition.positive for value in values) else NOT_POSITIVE


def response_outcome(states: Sequence[int | None]) -> tuple[bool, bool]:
    """Return (valid, positive) for one response from its condition states.

    Left out when any condition is unanswered or excluded; positive only when all are.
    """
    valid = all(state in (NOT_POSITIVE, POSITIVE) for state in states)
    return valid, valid and all(state == POSITIVE for state in states)


def kpi_outcome(
    values: Mapping[str, Collection[str]], conditions: Sequence[ConditionSpec]
) -> tuple[bool, bool]:
    """Return (valid, positive) for one response's values (question -> values) and a KPI."""
    return response_outcome([condition_state(values.get(c.question, ()), c) for c in conditions])


Counts = tuple[int, int]  # (valid, positive)


def window_counts(
    by_month: Mapping[str, Counts], period: Period, window_months: int | None
) -> Counts:
    """Sum valid and positive over the KPI's window ending with a period.

    No window means the whole survey round so far; a window of N means the N calendar
    months that end with the period's last month.
    """
    last = month_key(period.end)
    first = None if window_months is None else month_key(_add_months(period.end, 1 - window_months))
    valid = positive = 0
    for month, (v, p) in by_month.items():
        if month <= last and (first is None or month >= first):
            valid, positive = valid + v, positive + p
    return valid, positive


def change(values: Sequence[float | None]) -> float | None:
    """Return the change from the second-last value to the last, or None if either is missing."""
    if len(values) < 2 or values[-1] is None or values[-2] is None:
        return None
    return values[-1] - values[-2]


def share(count: int, total: int) -> float | None:
    """Return count / total as a fraction, or None when the total is zero."""
    return count / total if total else None


@dataclass(frozen=True)
class OptionTally:
    value: str
    count: int | None  # None: hidden to protect small numbers (analysis.disclosure)
    share: float | None  # of the people who answered the question


@dataclass(frozen=True)
class QuestionTally:
    key: str
    group: str  # "" for everyone, else the period, language or mode
    answered: int | None  # None: hidden, as a count may be
    not_answered: int | None
    options: tuple[OptionTally, ...]


def question_tallies(
    counts: Iterable[tuple[str, str, str, int]],
    answered: Iterable[tuple[str, str, int]],
    responses: Mapping[str, int],
    options: Mapping[str, Sequence[str]],
) -> list[QuestionTally]:
    """Build per-question tallies for each group.

    counts: (group, question, value, n); answered: (group, question, responses that
    answered); responses: group -> responses in it; options: question -> values in the
    order shown (values seen but not listed, e.g. from an old version, come after).
    """
    by_question: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for group, key, value, n in counts:
        by_question[(group, key)][value] = by_question[(group, key)].get(value, 0) + n
    answered_by = {(group, key): n for group, key, n in answered}
    tallies = []
    for group in sorted(responses):
        for key, shown in options.items():
            seen = by_question.get((group, key), {})
            n = answered_by.get((group, key), 0)
            values = list(shown) + sorted(v for v in seen if v not in shown)
            rows = tuple(OptionTally(v, seen.get(v, 0), share(seen.get(v, 0), n)) for v in values)
            tallies.append(QuestionTally(key, group, n, responses[group] - n, rows))
    return tallies


def roll_up(rows: Iterable[tuple], keep: Sequence[int], count_at: int) -> list[tuple]:
    """Sum a count column over rows, keeping only the columns at the `keep` positions."""
    totals: dict[tuple, int] = defaultdict(int)
    for row in rows:
        totals[tuple(row[i] for i in keep)] += row[count_at]
    return [(*key, n) for key, n in totals.items()]
