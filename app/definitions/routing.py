"""Which question comes next: routing over plain answers, no Flask, no session."""

from dataclasses import dataclass

from app.definitions.schema import Kind, QuestionDef, SurveyDef
from app.inputs import is_stored_number

# A draft's answers: key -> a value, a list of values (multiple choice), or None (skipped).
Answers = dict[str, str | list[str] | None]


def is_shown(question: QuestionDef, answers: Answers) -> bool:
    """Say whether a question is asked, given the answers so far."""
    rule = question.show_if
    return rule is None or answers.get(rule.question) in rule.answers


def shown_questions(survey: SurveyDef, answers: Answers) -> list[QuestionDef]:
    """Return the questions this respondent is asked, in order."""
    return [q for q in survey.questions if is_shown(q, answers)]


def relevant_answers(survey: SurveyDef, answers: Answers) -> Answers:
    """Drop answers to questions that routing no longer asks (an earlier answer changed)."""
    keys = {q.key for q in shown_questions(survey, answers)}
    return {key: value for key, value in answers.items() if key in keys}


def pages(survey: SurveyDef, answers: Answers) -> list[QuestionDef]:
    """Return the questions asked on pages of their own, in order."""
    # A question under an answer is a box on the page of the question before it.
    return [q for q in shown_questions(survey, answers) if not q.under_answer]


def under_answers(survey: SurveyDef, key: str) -> list[QuestionDef]:
    """Return the text boxes asked on this question's page, under one of its answers."""
    return [q for q in survey.questions if q.under_answer and q.show_if.question == key]


def first_unanswered(survey: SurveyDef, answers: Answers) -> QuestionDef | None:
    """Return the first asked question with no answer yet, or None when all are answered."""
    return next((q for q in pages(survey, answers) if q.key not in answers), None)


def next_after(survey: SurveyDef, answers: Answers, key: str) -> QuestionDef | None:
    """Return the question asked after this one, or None at the end."""
    shown = pages(survey, answers)
    keys = [q.key for q in shown]
    if key not in keys:
        return first_unanswered(survey, answers)
    following = shown[keys.index(key) + 1 :]
    return following[0] if following else None


def previous_before(survey: SurveyDef, answers: Answers, key: str) -> QuestionDef | None:
    """Return the question asked before this one, or None at the first."""
    shown = pages(survey, answers)
    keys = [q.key for q in shown]
    position = keys.index(key) if key in keys else len(keys)
    return shown[position - 1] if position > 0 else None


def reachable_pages(survey: SurveyDef, answers: Answers) -> list[QuestionDef]:
    """Return the pages asked so far or still possible: a question whose deciding answer is
    not given yet counts, so the total only falls as answers come in."""
    reachable: dict[str, bool] = {}
    found = []
    for question in survey.questions:
        rule = question.show_if
        reachable[question.key] = rule is None or (
            reachable.get(rule.question, False)
            and (rule.question not in answers or answers[rule.question] in rule.answers)
        )
        if reachable[question.key] and not question.under_answer:
            found.append(question)
    return found


def position_of(survey: SurveyDef, answers: Answers, key: str) -> tuple[int, int]:
    """Return (number, of) for "Question 2 of 7" given the routing so far.

    "Of" counts the questions that may still be asked, so it never grows as someone answers
    ("2 of 9" then "3 of 10" would say the survey got longer); it shrinks when an answer
    rules questions out.
    """
    keys = [q.key for q in reachable_pages(survey, answers)]
    return (keys.index(key) + 1 if key in keys else len(keys), len(keys))


@dataclass(frozen=True)
class Jump:
    """On paper, these answers to a question send the reader on to a later question."""

    values: tuple[str, ...]
    to: str | None  # the question to go to next; None when the form ends there


def jumps(survey: SurveyDef, key: str) -> list[Jump]:
    """Return where each answer sends a reader past the questions right after this one."""
    # A printed form shows every question, so "go to question N" must be said in words.
    # Only the questions that this answer alone rules out are jumped; a later question
    # that depends on another answer says so itself ("Only answer this if ...").
    questions = survey.questions
    here = [q.key for q in questions].index(key)
    targets: dict[int, list[str]] = {}
    for value in questions[here].values():
        after = here + 1
        while after < len(questions) and _ruled_out(questions[after], key, value):
            after += 1
        if after > here + 1:
            targets.setdefault(after, []).append(value)
    return [
        Jump(tuple(values), questions[to].key if to < len(questions) else None)
        for to, values in targets.items()
    ]


def _ruled_out(question: QuestionDef, key: str, value: str) -> bool:
    rule = question.show_if
    return rule is not None and rule.question == key and value not in rule.answers


def answer_problems(survey: SurveyDef, answers: Answers) -> list[str]:
    """List what is wrong with a whole set of answers: the last check before storing."""
    problems = []
    keys = {q.key for q in survey.questions}
    problems += [f"{key}: not a question in this survey" for key in answers if key not in keys]
    for question in shown_questions(survey, answers):
        value = answers.get(question.key)
        if value is None:
            if question.required:
                problems.append(f"{question.key}: required but not answered")
            continue
        problems += [f"{question.key}: {p}" for p in value_problems(question, value)]
    return problems


def value_problems(question: QuestionDef, value: str | list[str]) -> list[str]:
    """List what is wrong with one answer to one question."""
    kind = question.type
    if kind == Kind.MULTIPLE:
        if not isinstance(value, list) or not value:
            return ["expected a list of choices"]
        allowed = question.values()
        alone = sorted(set(question.exclusive_values()) & set(value))
        return (
            [f'"{v}" was not offered' for v in value if v not in allowed]
            + (["a choice is given twice"] if len(set(value)) != len(value) else [])
            + ([f'"{alone[0]}" goes with no other answer'] if alone and len(value) > 1 else [])
        )
    if not isinstance(value, str):
        return ["expected one answer"]
    if value in question.values():
        return []
    if kind == Kind.TEXT:
        return [] if len(value) <= question.max_length else ["too long"]
    if kind == Kind.NUMBER:
        # The form turns any script's digits into ASCII: anything else is not an answer.
        if not is_stored_number(value):
            return ["not a whole number"]
        return [] if question.min <= int(value) <= question.max else ["out of range"]
    return [f'"{value}" was not offered']
