"""The survey file format (docs/survey-format.md) as validated, immutable models."""

import hashlib
import json
from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from app.inputs import EARLIEST, LARGEST, LATEST, in_range

KEY = r"^[a-z][a-z0-9_]{0,63}$"
VALUE = r"^[a-z0-9_]{1,64}$"
DONT_KNOW = "dont_know"
PREFER_NOT = "prefer_not_say"
SCALE_VALUES = ("1", "2", "3", "4", "5")
YESNO_VALUES = ("yes", "no", "not_sure")


class Audience(StrEnum):
    YOUNG_PEOPLE = "young_people"
    PARENT_CARERS = "parent_carers"
    SENCOS = "sencos"
    PRACTITIONERS = "practitioners"


AUDIENCES = tuple(a.value for a in Audience)
Text = Annotated[str, Field(min_length=1, max_length=2000)]


def _sane(day: date) -> date:
    if not in_range(day):
        raise ValueError(f"enter a date from {EARLIEST} to {LATEST}")
    return day


Day = Annotated[date, AfterValidator(_sane)]  # a typed date: 9999-12-31 is a typo


class Kind(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    SCALE = "scale"
    YESNO = "yesno"
    TEXT = "text"
    NUMBER = "number"


class Strict(BaseModel):
    # Strict and closed: a typo in a field name or a number written as text is an error.
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class EasyRead(Strict):
    text: Text
    hint: Text | None = None
    symbol: str | None = Field(default=None, pattern=r"^[a-z0-9-]+$")


class OptionDef(Strict):
    value: str = Field(pattern=VALUE)
    label: Text
    easyread: Text | None = None
    symbol: str | None = Field(default=None, pattern=r"^[a-z0-9-]+$")
    # "None of these": ticked on its own or not at all (multiple choice only).
    exclusive: bool = False


class ShowIf(Strict):
    question: str = Field(pattern=KEY)
    answers: list[str] = Field(min_length=1)


class QuestionDef(Strict):
    key: str = Field(pattern=KEY)
    type: Literal["single", "multiple", "scale", "yesno", "text", "number"]
    text: Text
    hint: Text | None = None
    required: bool = True
    dont_know: bool = False
    prefer_not: bool = False
    options: list[OptionDef] = []
    scale_labels: list[Text] = ["Very bad", "Bad", "OK", "Good", "Very good"]
    max_length: int = Field(default=1000, ge=1, le=5000)
    # A typed answer has at most MAX_DIGITS digits, so the range must fit in them.
    min: int = Field(default=0, ge=-LARGEST, le=LARGEST)
    max: int = Field(default=1000, ge=-LARGEST, le=LARGEST)
    show_if: ShowIf | None = None
    easyread: EasyRead | None = None
    # A heading on the check page: this question and the ones after it, until the next.
    section: Text | None = None
    # A text box shown under the answer that show_if names, on that question's page, rather
    # than a page of its own ("In another way" and the person's own words).
    under_answer: bool = False

    @model_validator(mode="after")
    def _fits_its_type(self) -> "QuestionDef":
        choice = self.type in (Kind.SINGLE, Kind.MULTIPLE)
        if choice and len(self.options) < 2:
            raise ValueError("a single or multiple choice question needs at least 2 options")
        if not choice and self.options:
            raise ValueError(f"a {self.type} question cannot have options")
        values = [option.value for option in self.options]
        for value in values:
            if values.count(value) > 1:
                raise ValueError(f'option value "{value}" is used twice')
            if value in (DONT_KNOW, PREFER_NOT):
                raise ValueError(f'option value "{value}" is reserved; use dont_know/prefer_not')
        if len(self.scale_labels) != 5:
            raise ValueError("scale_labels needs exactly five words, worst to best")
        if self.min > self.max:
            raise ValueError("min is larger than max")
        if self.type != Kind.MULTIPLE and any(option.exclusive for option in self.options):
            raise ValueError("only a multiple choice question can have an exclusive option")
        if self.under_answer:
            self._fits_under_an_answer()
        return self

    def _fits_under_an_answer(self) -> None:
        if self.type != Kind.TEXT or self.required or self.dont_know or self.prefer_not:
            raise ValueError(
                "a question under_answer is an optional text box: type text, required = false,"
                " no dont_know or prefer_not"
            )
        if self.show_if is None or len(self.show_if.answers) != 1:
            raise ValueError("a question under_answer needs show_if naming exactly one answer")

    def values(self) -> tuple[str, ...]:
        """Return every answer value this question accepts, in the order shown."""
        base = {
            Kind.SCALE: SCALE_VALUES,
            Kind.YESNO: YESNO_VALUES,
        }.get(self.type, tuple(option.value for option in self.options))
        extra = (DONT_KNOW,) * self.dont_know + (PREFER_NOT,) * self.prefer_not
        return base + extra

    def exclusive_values(self) -> tuple[str, ...]:
        """Return the answers of a multiple choice question that cannot go with others."""
        if self.type != Kind.MULTIPLE:
            return ()
        # "I don't know" and "I'd rather not say" beside ticked answers would contradict them.
        marked = tuple(option.value for option in self.options if option.exclusive)
        return marked + (DONT_KNOW,) * self.dont_know + (PREFER_NOT,) * self.prefer_not


class Condition(Strict):
    question: str = Field(pattern=KEY)
    positive: list[str] = Field(min_length=1)
    excluded: list[str] = [DONT_KNOW, PREFER_NOT]


class MilestoneDef(Strict):
    date: Day
    percent: float = Field(ge=0, le=100)


def _percent(value: object) -> object:
    # TOML writes 80 as an int; a percent may be either.
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


class KpiDef(Strict):
    ref: str = Field(min_length=1, max_length=40)
    statement: Text
    priority_area: str = Field(min_length=1, max_length=200)
    audience: Literal[AUDIENCES] | None = None  # type: ignore[valid-type]
    conditions: list[Condition] = Field(min_length=1)
    baseline: float | None = Field(default=None, ge=0, le=100)
    baseline_date: Day | None = None
    milestones: list[MilestoneDef] = []
    target: float = Field(ge=0, le=100)
    target_date: Day
    minimum_sample: int = Field(default=10, ge=1)
    window_months: int | None = Field(default=None, ge=1, le=60)
    source: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _percents_as_floats(cls, data: dict) -> dict:
        if isinstance(data, dict):
            data = {**data}
            for name in ("target", "baseline"):
                if name in data:
                    data[name] = _percent(data[name])
            if isinstance(data.get("milestones"), list):
                data["milestones"] = [
                    {**m, "percent": _percent(m.get("percent"))} if isinstance(m, dict) else m
                    for m in data["milestones"]
                ]
        return data

    @model_validator(mode="after")
    def _milestones_in_order(self) -> "KpiDef":
        dates = [m.date for m in self.milestones]
        if dates != sorted(dates) or len(set(dates)) != len(dates):
            raise ValueError("milestones must be in date order, one per date")
        if dates and dates[-1] > self.target_date:
            raise ValueError("a milestone falls after the target_date")
        return self


class PageText(Strict):
    title: Text | None = None
    summary: Text | None = None
    who_sees: Text | None = None
    next_steps: Text | None = None
    symbol: str | None = None


LONGEST_RETENTION = 120  # months: beyond 10 years a typo is likelier than a policy
# Kept on the survey's own rows, so a change updates them without making a new version.
NOT_VERSIONED = {"kpis", "retention_months"}
# Fields added after surveys were first loaded, with their defaults. A file that does not use
# them hashes as it did before they existed, so a new release makes no new version of it.
ADDED_LATER = {"section": None, "under_answer": False, "exclusive": False}


def _without_added_defaults(data):
    if isinstance(data, dict):
        return {
            key: _without_added_defaults(value)
            for key, value in data.items()
            if not (key in ADDED_LATER and value == ADDED_LATER[key])
        }
    if isinstance(data, list):
        return [_without_added_defaults(item) for item in data]
    return data


class SurveyDef(Strict):
    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,79}$")
    title: Text
    audience: Literal[AUDIENCES]  # type: ignore[valid-type]
    summary: Text
    minutes: int = Field(ge=1, le=60)
    who_sees: Text | None = None
    next_steps: Text | None = None
    easyread: PageText | None = None
    questions: list[QuestionDef] = Field(min_length=1)
    kpis: list[KpiDef] = []
    # How long responses are kept, in months (None: the default). Kept on the survey, not
    # in its versions: changing it never makes a new version (see loader.py).
    retention_months: int | None = Field(default=None, ge=1, le=LONGEST_RETENTION)

    def question(self, key: str) -> QuestionDef:
        """Return the question with this key."""
        return next(q for q in self.questions if q.key == key)

    def content_hash(self) -> str:
        """Return a hash of the content, so an unchanged file makes no new version."""
        data = _without_added_defaults(self.model_dump(mode="json", exclude=NOT_VERSIONED))
        text = json.dumps(data, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()
