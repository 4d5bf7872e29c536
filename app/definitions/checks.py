"""Rules that span fields of a definition: duplicate keys, routing, what a KPI counts."""

import re
from dataclasses import dataclass

from app.definitions.schema import Kind, KpiDef, QuestionDef, SurveyDef


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a definition: where (a field path) and what."""

    where: str  # e.g. "questions[2].show_if.question"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    @property
    def field(self) -> str:
        """Return the top-level field the problem is in, e.g. "questions"."""
        return re.split(r"[.\[ ]", self.where, maxsplit=1)[0]


def cross_checks(survey: SurveyDef) -> list[Problem]:
    """Find the problems that span fields: duplicate keys, routing, KPI references."""
    problems: list[Problem] = []
    seen: dict[str, QuestionDef] = {}
    for index, question in enumerate(survey.questions):
        where = f"questions[{index}]"
        if question.key in seen:
            problems.append(Problem(f"{where}.key", f'"{question.key}" is used twice'))
        rule = question.show_if
        if rule is not None:
            earlier = seen.get(rule.question)
            if earlier is None:
                message = f'"{rule.question}" is not an earlier question'
                problems.append(Problem(f"{where}.show_if.question", message))
            elif earlier.type not in (Kind.SINGLE, Kind.SCALE, Kind.YESNO):
                problems.append(
                    Problem(f"{where}.show_if.question", "routing needs a one-answer question")
                )
            else:
                problems += _unknown_values(f"{where}.show_if.answers", rule.answers, earlier)
        if question.under_answer and index > 0:
            problems += _under_answer_problems(where, question, survey.questions[index - 1])
        seen[question.key] = question
    refs: set[str] = set()
    for index, kpi in enumerate(survey.kpis):
        where = f"kpis[{index}] ({kpi.ref})"
        if kpi.ref in refs:
            problems.append(Problem(f"{where}.ref", "is used twice"))
        refs.add(kpi.ref)
        for c_index, condition in enumerate(kpi.conditions):
            at = f"{where}.conditions[{c_index}]"
            question = seen.get(condition.question)
            if question is None:
                message = f'no question has the key "{condition.question}"'
                problems.append(Problem(f"{at}.question", message))
                continue
            problems += _unknown_values(f"{at}.positive", condition.positive, question)
            # The default leaves out whichever of "don't know" and "rather not say" the
            # question offers; a list someone wrote must name answers the question has.
            if "excluded" in condition.model_fields_set:
                problems += _unknown_values(f"{at}.excluded", condition.excluded, question)
            overlap = set(condition.positive) & set(condition.excluded)
            if overlap:
                problems.append(
                    Problem(f"{at}.excluded", f"{sorted(overlap)} cannot also be positive")
                )
    return problems


def _under_answer_problems(where: str, question: QuestionDef, before: QuestionDef) -> list[Problem]:
    # The box is drawn inside the page of the question just before it, under one answer.
    if question.show_if.question != before.key or before.under_answer:
        return [
            Problem(
                f"{where}.show_if.question",
                "a question under_answer must come straight after the question it names",
            )
        ]
    return []


def _unknown_values(where: str, values: list[str], question: QuestionDef) -> list[Problem]:
    allowed = question.values()
    offers = ", ".join(allowed)
    return [
        Problem(where, f'"{value}" is not an answer to "{question.key}" (it offers {offers})')
        for value in values
        if value not in allowed
    ]


def kpi_problems(survey: SurveyDef, kpi: KpiDef) -> list[Problem]:
    """Check one KPI against a survey's questions, e.g. after a staff edit.

    Each problem's place is relative to the KPI ("conditions[0].question").
    """
    prefix = f"kpis[0] ({kpi.ref})."
    problems = cross_checks(survey.model_copy(update={"kpis": [kpi]}))
    return [
        Problem(p.where.removeprefix(prefix), p.message)
        for p in problems
        if p.where.startswith(prefix)
    ]


def advice(survey: SurveyDef) -> list[Problem]:
    """Find what a survey file may do but should not: the shipped surveys have none of it."""
    # Kept out of cross_checks: versions already stored, and tests' small surveys, do these.
    found = []
    for index, question in enumerate(survey.questions):
        unsure = "not_sure" in question.values() or any(
            option.label.strip(" .").lower() == "not sure" for option in question.options
        )
        if question.dont_know and unsure:
            found.append(
                Problem(
                    f"questions[{index}].dont_know",
                    'offers both "Not sure" and "I don\'t know": offer one of them',
                )
            )
    return found
