"""Words that many pages share, each list kept once and translated once.

Audiences, the answers every survey may offer, and how a count of people is said.
"""

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from app.definitions.schema import DONT_KNOW, PREFER_NOT, Audience

AUDIENCE_NAMES = {
    Audience.YOUNG_PEOPLE: _l("Young people"),
    Audience.PARENT_CARERS: _l("Parent carers"),
    Audience.SENCOS: _l("SENCos"),
    Audience.PRACTITIONERS: _l("Practitioners"),
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
