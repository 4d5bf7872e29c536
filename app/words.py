"""Words that many pages share, each list kept once and translated once.

Audiences, the answers every survey may offer, and how a count of people is said.
"""

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from app.definitions.schema import DONT_KNOW, PREFER_NOT, Audience, Kind, QuestionDef

AUDIENCE_NAMES = {
    Audience.YOUNG_PEOPLE: _l("Young people"),
    Audience.PARENT_CARERS: _l("Parent carers"),
    Audience.SENCOS: _l("SENCos"),
    Audience.PRACTITIONERS: _l("Practitioners"),
}

ACTION_STATES = {
    "planned": _l("Planned"),
    "in_progress": _l("In progress"),
    "done": _l("Done"),
}
# Staff roles as people pages name them, with what each may do.
ROLE_NAMES = {
    "admin": _l("Administrator"),
    "officer": _l("Participation officer"),
    "safeguarding": _l("Safeguarding lead"),
    "board": _l("Board member"),
}
ROLE_HINTS = {
    "admin": _l("Everything officers do, and manages staff accounts and settings."),
    "officer": _l("Surveys, comments, KPIs, reports and raw data."),
    "safeguarding": _l("The safeguarding queue and the comments in it."),
    "board": _l("The KPI dashboard and other totals, never single answers."),
}
# How comments on a theme felt, as a report's table heads them.
FEELING_NAMES = {
    "positive": _l("Good"),
    "mixed": _l("Mixed"),
    "neutral": _l("Neither good nor bad"),
    "negative": _l("Not good"),
}
SPECIAL_ANSWERS = {DONT_KNOW: _l("I don't know"), PREFER_NOT: _l("I'd rather not say")}
YESNO_ANSWERS = {"yes": _l("Yes"), "no": _l("No"), "not_sure": _l("Not sure")}


def Np_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural pair for the catalogues; ngettext picks one where shown."""
    return singular, plural


# A count of each audience, as a status sentence names it: "1 young person", "12 SENCos".
PEOPLE = {
    Audience.YOUNG_PEOPLE: Np_("%(num)d young person", "%(num)d young people"),
    Audience.PARENT_CARERS: Np_("%(num)d parent carer", "%(num)d parent carers"),
    Audience.SENCOS: Np_("%(num)d SENCo", "%(num)d SENCos"),
    Audience.PRACTITIONERS: Np_("%(num)d practitioner", "%(num)d practitioners"),
}
ANYONE = Np_("%(num)d person", "%(num)d people")


def english_nouns(audience: str) -> tuple[str, str]:
    """Return an audience's singular and plural nouns in English ("young person", ...)."""
    singular, plural = PEOPLE.get(audience, ANYONE)
    return singular.removeprefix("%(num)d "), plural.removeprefix("%(num)d ")


def people(n: int, audience: str) -> str:
    """Return a count of an audience in the page's language, e.g. "12 young people"."""
    singular, plural = PEOPLE.get(audience, ANYONE)
    return ngettext(singular, plural, n)


def audience_name(code: str) -> str:
    """Return an audience's name, translated."""
    return str(AUDIENCE_NAMES.get(code, code))


def answer_labels(question: QuestionDef) -> dict:
    """Return a counted question's answers, value -> label, in the order the survey shows them.

    Survey labels are the source text (pages translate them through the catalogue); the
    shared answer words are lazy and translate themselves.
    """
    named: dict = {o.value: o.label for o in question.options}
    named |= YESNO_ANSWERS if question.type == Kind.YESNO else {}
    if question.type == Kind.SCALE:
        named |= {str(i + 1): f"{i + 1} {w}" for i, w in enumerate(question.scale_labels)}
    # No "or": that would turn a lazy label into text outside any request.
    return {v: named[v] if v in named else SPECIAL_ANSWERS.get(v, v) for v in question.values()}
