"""A wider net under the worded rules: a sentence about a child that carries several signs
of danger at once ("knife" and "scared", "older" boys and "3am") is flagged for a reader.

Risk is told in more ways than any list of phrases can hold, and a missed disclosure costs
far more than a minute's reading, so this net errs wide. Fixed idioms ("dying to know",
"kicks off", "pushed for") are taken out first, and one word alone never flags.
"""

import re

from app.analysis.text.tokens import word_set

# Words of danger: the category a reader should check first when the word leads, and its
# weight. Strong words (1.5) need one more sign; context words (0.5) never flag alone.
_LISTED = (
    ("self_harm", 1.5, "suicide suicidal overdose overdosed"),
    ("self_harm", 1, "die dying dead death alive disappear disappeared goodbye born wake"),
    (
        "abuse",
        1.5,
        "whip whips whipped belt belted strangle strangled privates naked undress secret",
    ),
    ("abuse", 1, "slap slapped smack smacked punch punched bruise bruises bruised touches touched"),
    ("abuse", 1, "touching lap quiet choke choked"),
    ("violence_at_home", 1.5, "police drunk knife knives weapon"),
    ("violence_at_home", 1, "drinking violent screams screaming screamed shouting banging smashed"),
    ("neglect", 1.5, "lice nits starving starved"),
    ("neglect", 1, "hungry food eat eating fridge cereal dirty smell freezing heating alone"),
    ("neglect", 1, "wandering"),
    ("exploitation", 1.5, "robux address bank errands stranger strangers"),
    ("exploitation", 1, "money cash pays paid gifts presents vapes weed drugs older"),
    ("exploitation", 0.5, "online fortnite roblox snapchat instagram tiktok discord"),
    ("bullying", 1, "spit spat spits kicked kick kicks pushed shoved hit hits"),
    ("carer_cannot_cope", 1, "coping cope snap snapped shook shaking tether breaking"),
    ("unsafe", 1.5, "blood bleeding bleeds unsafe"),
    ("unsafe", 1, "scared frightened terrified afraid danger dangerous hide hiding missing lost"),
    ("unsafe", 1, "canal river motorway 3am midnight"),
    ("unsafe", 0.5, "night"),
    # Who is near: a carer beside a knife or a secret makes a reader look.
    ("abuse", 0.5, "mum dad stepdad uncle boyfriend partner grandad carer"),
)
SIGNALS = {word: (kind, weight) for kind, weight, listed in _LISTED for word in word_set(listed)}
# Someone the harm could be done to.
PERSON = word_set("me myself my i im him himself her herself us son daughter child kids he she")
# Idioms that use danger words for something else, taken out before counting.
IDIOMS = re.compile(
    r"\b(?:dying to \w+|(?:could|would) kill (?:for|the|whoever|someone)|kick(?:s|ed|ing)? off"
    r"|push(?:ed|ing)? for|pushed from|hits? (?:his|her|their|the) targets?|dragged on|beat the"
    r"|scared (?:the council|they|that)|frightened about|money (?:left|in his|in her|for short)"
    r"|personal budget|lost the \w+|missing (?:out|paperwork|reports?|forms?|evidence)"
    r"|hit and miss|shouting match|at night school|night before|food tech|smell (?:of|the)"
    r"|online (?:form|forms|portal|meeting|support|group)|older (?:than|brother|sister))\b"
)
# Two ordinary signs, or one strong one and some context, in one sentence about a person.
_ENOUGH = 2


def concern(said: str) -> tuple[str, str] | None:
    """Return (category, words) when a sentence about a person holds enough signs of danger."""
    words = list(dict.fromkeys(IDIOMS.sub(" ", said).split()))
    if PERSON.isdisjoint(words):
        return None
    signs = [(word, *SIGNALS[word]) for word in words if word in SIGNALS]
    if sum(weight for _, _, weight in signs) < _ENOUGH:
        return None
    leading = max(signs, key=lambda sign: sign[2])[1]
    return leading, " … ".join(word for word, _, _ in signs)
