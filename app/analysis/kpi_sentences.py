"""The sentences that explain a KPI's status, in English, marked for the catalogues."""

from datetime import date


def N_(text: str) -> str:
    """Mark a sentence for the translation catalogues; pages translate it where shown."""
    return text


# Fixed English names: strftime("%B") follows the process locale. Pages show dates in the
# reader's language through Babel; these serve the English sentences and the CLI.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# One whole sentence per case, each a single literal with named placeholders, marked for
# the catalogues so translators can reorder it; never join fragments. %(people)s is a
# count with its noun ("1 young person", "12 parent carers"), said by the caller.
TEMPLATES = {
    "no-milestones": N_("Not due yet: no milestones are set, so %(status)s."),
    "not-due": N_("Not due yet: the first milestone is %(milestone)s, so %(status)s."),
    "not-started": N_(
        "Not due yet: tracking starts on %(start)s and the first milestone is"
        " %(milestone)s, so %(status)s."
    ),
    "too-few": N_(
        "Too few answers to say: %(people)s answered and at least %(minimum)s are"
        " needed, so %(status)s."
    ),
    # Shown to the board in place of figures that rest on too few people to be safe.
    "hidden": N_(
        "Fewer than %(threshold)s people answered: the figures are hidden so that no one can"
        " be recognised, so %(status)s."
    ),
    "blue": N_(
        "%(value)s%% of %(people)s (95%% CI %(low)s-%(high)s%%) meets the final target of"
        " %(final)s%% and the work is closed, so %(status)s."
    ),
    "green-at": N_(
        "%(value)s%% of %(people)s (95%% CI %(low)s-%(high)s%%); the %(milestone)s milestone"
        " is %(expected)s%%; the value meets it, so %(status)s."
    ),
    "amber-at": N_(
        "%(value)s%% of %(people)s (95%% CI %(low)s-%(high)s%%); the %(milestone)s milestone"
        " is %(expected)s%%; the value is below it but the interval reaches it, so %(status)s."
    ),
    "red-at": N_(
        "%(value)s%% of %(people)s (95%% CI %(low)s-%(high)s%%); the %(milestone)s milestone"
        " is %(expected)s%%; the whole interval is below it, so %(status)s."
    ),
    "green-toward": N_(
        "%(value)s%% of %(people)s (95%% CI %(low)s-%(high)s%%); %(expected)s%% is expected"
        " by now on the way to %(target)s%% at the %(milestone)s milestone; the value"
        " meets it, so %(status)s."
    ),
    "amber-toward": N_(
        "%(value)s%% of %(people)s (95%% CI %(low)s-%(high)s%%); %(expected)s%% is expected"
        " by now on the way to %(target)s%% at the %(milestone)s milestone; the value is"
        " below it but the interval reaches it, so %(status)s."
    ),
    "red-toward": N_(
        "%(value)s%% of %(people)s (95%% CI %(low)s-%(high)s%%); %(expected)s%% is expected"
        " by now on the way to %(target)s%% at the %(milestone)s milestone; the whole"
        " interval is below it, so %(status)s."
    ),
}


def month_year(day: date) -> str:
    """Return a date as an English month and year, e.g. "June 2025"."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def day_month_year(day: date) -> str:
    """Return a date in English, e.g. "1 June 2025"."""
    return f"{day.day} {month_year(day)}"


def english_people(n: int, people: tuple[str, str]) -> str:
    """Return a count with its noun in English, e.g. "1 young person", "12 young people"."""
    return f"{n} {people[0] if n == 1 else people[1]}"


def explain(case: str, status_word: str, facts: dict[str, object]) -> str:
    """Return the English sentence for a case, ending with the status word."""
    dates = {"milestone": month_year, "start": day_month_year}
    shown = {k: dates[k](v) if k in dates else v for k, v in facts.items()}
    return TEMPLATES[case] % {**shown, "status": status_word}
