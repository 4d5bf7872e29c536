"""What a respondent reads on the start and thank-you pages, standard or easy read."""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import format_date, format_time, gettext, ngettext
from markupsafe import Markup

from app.clock import LONDON
from app.definitions import SurveyDef
from app.questions.words import lines, translated
from app.symbols import symbol


@dataclass(frozen=True)
class PageWords:
    title: str
    summary: list[str]
    who_sees: list[str]
    next_steps: list[str]
    picture: Markup


def page_words(survey: SurveyDef, easy: bool) -> PageWords:
    """Return the start and thank-you page wording in the chosen version."""
    easy_text = survey.easyread if easy and survey.easyread else None

    def pick(field: str) -> list[str]:
        value = getattr(easy_text, field, None) if easy_text else None
        return lines(translated(value or getattr(survey, field)))

    return PageWords(
        title=translated((easy_text.title if easy_text else None) or survey.title),
        summary=pick("summary"),
        who_sees=pick("who_sees"),
        next_steps=pick("next_steps"),
        picture=symbol(easy_text.symbol) if easy_text and easy_text.symbol else Markup(""),
    )


def when_started(at: datetime, now: datetime) -> str:
    """Say when a draft was started, in London time: "You started this on Monday at 3:00 PM."

    A weekday within the last week, else the date, so the next person on a shared computer
    can tell the answers are not theirs.
    """
    local, today = at.astimezone(LONDON), now.astimezone(LONDON).date()
    recent = (today - local.date()).days < 7
    day = format_date(local, "EEEE" if recent else "d MMMM", rebase=False)
    time = format_time(local, "short", rebase=False)
    return gettext("You started this on %(day)s at %(time)s.", day=day, time=time)


@dataclass(frozen=True)
class Periods:
    kept: str  # how long sent answers are kept
    drafts: str  # how soon unsent answers go


def periods(months: int, hours: int, easy: bool) -> Periods:
    """Say how long answers are kept and when unsent ones are deleted, as the settings are."""
    # Whole years and whole days read best; anything else is said in months or hours.
    if easy:
        kept = (
            ngettext(
                "We keep answers for %(num)d year.",
                "We keep answers for %(num)d years.",
                months // 12,
            )
            if months % 12 == 0
            else ngettext(
                "We keep answers for %(num)d month.", "We keep answers for %(num)d months.", months
            )
        )
        drafts = (
            ngettext(
                "We delete answers you do not send after %(num)d day.",
                "We delete answers you do not send after %(num)d days.",
                hours // 24,
            )
            if hours % 24 == 0
            else ngettext(
                "We delete answers you do not send after %(num)d hour.",
                "We delete answers you do not send after %(num)d hours.",
                hours,
            )
        )
        return Periods(kept, drafts)
    kept = (
        ngettext(
            "We keep answers for up to %(num)d year so we can see if services get better.",
            "We keep answers for up to %(num)d years so we can see if services get better.",
            months // 12,
        )
        if months % 12 == 0
        else ngettext(
            "We keep answers for up to %(num)d month so we can see if services get better.",
            "We keep answers for up to %(num)d months so we can see if services get better.",
            months,
        )
    )
    drafts = (
        ngettext(
            "We delete answers you start but do not send after %(num)d day.",
            "We delete answers you start but do not send after %(num)d days.",
            hours // 24,
        )
        if hours % 24 == 0
        else ngettext(
            "We delete answers you start but do not send after %(num)d hour.",
            "We delete answers you start but do not send after %(num)d hours.",
            hours,
        )
    )
    return Periods(kept, drafts)
