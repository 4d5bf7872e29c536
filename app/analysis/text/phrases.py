"""Multi-word rules for sentiment: what parents and young people say in more than one word.

Each pattern is matched against a clause's words after spelling is mended, lower-cased and
joined by single spaces ("no one" is already "nobody", "dont" is "don't"). A matched phrase
is scored as a whole, and its words are not scored again one by one.
"""

import re

_N = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several"
_N += r"|many|few|a few|so many|a couple of|couple of)"
_SPAN = rf"(?:over |more than |nearly |almost |about |around |at least )?{_N}"
_UNIT = r"(?:days?|weeks?|months?|years?|terms?|hours?|minutes?)"
_PAPERS = r"(?:paperwork|forms?|reports?|documents?|application|evidence|files?|letters?"
_PAPERS += r"|plan|records?|referral|email)"
_WHO = r"(?:me|us|them|him|her|it)"

# (pattern, polarity). Facts about waiting and missing help count as negative even without a
# feeling word: that is how most parents report them.
SCORED = (
    # Waiting and chasing.
    (r"still (?:waiting|no|not|nothing|nobody|haven't|hasn't|don't|doesn't|can't)", -0.6),
    (rf"(?:waited|waiting|wait|waits|chasing) (?:for )?(?:{_SPAN} )?{_UNIT}", -0.6),
    (rf"{_SPAN} {_UNIT} (?:late|overdue|wait|waiting|delay|behind|and counting)", -0.6),
    (rf"(?:took|takes|taking|for) {_SPAN} {_UNIT}(?: now| to arrive| to get)", -0.5),
    (r"(?:have|had|has|having) to wait", -0.4),
    (r"(?:this|that|so) long", -0.4),
    (rf"after {_SPAN} {_UNIT}", -0.3),
    (r"for once", -0.5),
    (r"(?:meant|supposed) to (?:be|have|get|happen)", -0.4),
    (r"keeps? (?:changing|cancell?ing|ringing|calling|sending|moving|losing|forgetting)", -0.5),
    (r"too (?:many|much|big|small|complicated|loud|busy|young|far|few|often)", -0.4),
    (r"(?:give|gave|given|giving) up|rules? out|out of date|(?:old|wrong) name", -0.5),
    (r"part[ -]?time timetable|(?:like|as if) (?:i|we|he|she) (?:wasn't|weren't) there", -0.5),
    (r"talked (?:over|about) (?:me|us|him|her)|keeps? (?:saying|telling us)", -0.4),
    (rf"(?:phoned|rang|called|emailed|chased|asked|wrote) (?:them |him |her )?{_N} times", -0.5),
    (r"non[ -]?existent|no such thing", -0.6),
    (r"left (?:\w+ )?(?:messages?|voicemails?)", -0.3),
    (
        rf"{_N} (?:caseworkers|case workers|social workers|key workers|schools|placements|teachers)"
        rf" in {_SPAN} {_UNIT}",
        -0.5,
    ),
    (r"only (?:get|got|gets|have|has|had)?(?: it)? ?(?:once|twice|one|two|three)", -0.4),
    (rf"{_SPAN} (?:days?|hours?) before|the (?:night|day|morning) before", -0.5),
    (r"no idea (?:who|what|when|where|why|how|if|whether)", -0.5),
    (r"nothing (?:has |have )?(?:actually |really )?(?:happened|changed|changes|been done)", -0.6),
    (r"shame (?:about|that)|(?:a|what a) shame", -0.6),
    (r"(?:on |the |a )?waiting lists?", -0.4),
    (rf"chased {_WHO}(?: up)?(?: {_N} times| again| constantly| repeatedly)?", -0.6),
    (r"(?:had|have|having|keep|kept) to (?:chase|push|fight|battle|beg|ring|call)", -0.6),
    (rf"{_N} times", 0.0),
    (r"(?:had|have|having|went|going|go|gone) to (?:go to )?(?:a )?tribunal", -0.7),
    (r"heard nothing(?: back)?|never heard back|radio silence", -0.6),
    (rf"lost (?:the |my |our |his |her |their |all )?{_PAPERS}", -0.6),
    (r"cop(?:y|ied) (?:and )?pasted?|cut and paste|copied from", -0.6),
    (r"out of (?:school|education)|no school place|without a school", -0.6),
    (r"(?:fell|falls|falling|slipped|slipping) through the (?:net|gaps?|cracks)", -0.7),
    (r"passed from pillar to post|pillar to post|passed around", -0.6),
    (r"(?:sick|fed up) (?:and tired|to death)|had enough", -0.7),
    (r"(?:at|to) (?:breaking point|the end of (?:my|our) tether)", -0.8),
    (r"tick(?:ing)? box(?:es)?|box ticking", -0.5),
    # Help arriving.
    (r"(?:felt|feel|feeling|feels) (?:really |properly |finally )?(?:heard|listened to)", 0.7),
    (r"(?:support|help|provision|plan|everything) (?:is |was |now )?in place", 0.5),
    (r"(?:got|put|have|get|getting) (?:the |all the |his |her )?\w* ?in place", 0.5),
    (r"finally (?:got|getting|have|has|received|on)", 0.4),
    (rf"(?:got|get|gets|getting) back to {_WHO}", 0.4),
    (r"(?:on time|in good time|straight away|same day|quickly|promptly)", 0.4),
    (r"within (?:a|one|two|24|48) (?:day|days|hours?|week)", 0.4),
    (rf"kept {_WHO} (?:informed|updated|in the loop)", 0.6),
    (r"above and beyond|made (?:a |such a )?(?:\w+ )?difference|spot on", 0.8),
    (r"(?:couldn't|could not|can't) (?:have )?(?:ask|asked|wish) for (?:a )?(?:more|better)", 0.8),
    (r"(?:couldn't|could not|can't) be happier|(?:can't|cannot) thank \w+ enough", 0.8),
    (r"(?:can't|cannot|couldn't) fault", 0.7),
    (r"nothing (?:was |is )?too much (?:trouble|bother)", 0.7),
    (r"leaps and bounds|(?:come|came|coming) on so much", 0.6),
    (r"(?:made|making|makes) (?:good |great |real |so much )?progress", 0.6),
    (r"work(?:ed|s|ing)? (?:so |really |very )?hard|hard ?working", 0.5),
    (r"(?:going|went|goes|gone|worked|working|settled|doing|done) (?:really |very |so )?well", 0.6),
    (r"well (?:planned|received|attended|organi[sz]ed|run|managed|prepared|supported)", 0.6),
    (r"deserves? a medal|would recommend|10 10|(?:visible|real|big|huge|positive) impact", 0.7),
    (r"spoke up for|stood up for|kept (?:their|her|his) (?:promise|word)|help (?:me|us)", 0.5),
    (r"(?:is|it's|its|that's|thats|so|well|proper|bare|looks|sounds|lowkey) sick", 0.6),
    (r"(?:couldn't|could not) (?:have )?(?:been|be) (?:more|any more|nicer|kinder)", 0.8),
    (r"get it|gets it|got it", 0.4),
    (r"(?:meant|means|mean) (?:a lot|so much|the world)", 0.6),
    (r"took the time|take the time|taking the time", 0.5),
    (r"can't wait", 0.4),
    # British understatement.
    (r"could (?:be|have been|do|have done) (?:a lot |much |a bit |so much |far )?better", -0.4),
    (r"not ideal|bit of a faff|a faff|not the best|not what (?:we|i) (?:expected|hoped)", -0.4),
    (r"leaves? (?:a lot|much|something) to be desired|room for improvement", -0.4),
    (r"hit (?:and|or) miss", -0.3),
    (r"mixed (?:feelings|bag|picture|experience|reviews)", None),
    (r"not the worst|could be worse|mustn't grumble|not too bad", 0.25),
    (r"(?:can't|cannot|can not) complain|no complaints|no problems?(?: at all)?", 0.5),
    (r"not bad at all|not bad actually", 0.5),
    (r"so so", -0.1),
    (r"tried (?:her|his|their|our|my) (?:best|hardest)|doing (?:her|his|their) best", 0.4),
    (r"tr(?:y|ies|ied|ying) (?:so |really |very )?hard", 0.4),
    (r"please (?:listen|help|just|can)", -0.3),
    # Hyperbole about the service: never a safeguarding flag, always a complaint.
    (r"(?:is|are|was|were|it's) (?:killing|destroying|draining) (?:me|us)", -0.6),
    (r"(?:is|was|it's|been) (?:torture|murder|hell|soul destroying)|dying of boredom", -0.6),
)
# Phrases whose words TextBlob would score but that carry no feeling here.
UNSCORED = (
    r"not sure|as long as|long term|long-term|how long|special needs|special school",
    r"high school|short breaks?|key ?worker|free school meals|mental health|social care",
    r"social worker|early years|local offer|first time|last (?:year|week|month|time)",
    r"next (?:year|week|month|step)|at least|the other|same time|great ormond street",
    r"for good|good morning|good afternoon|right now|all right now|dead end",
    r"young (?:person|people)|old school|new school|kind regards|best wishes",
    r"not just|not only|don't know|no idea|not really|not much|nothing much|no comment",
    r"why not|or not",
    r"nothing (?:else|more|further|to add|to say|to report)|none really|no thanks",
    r"(?:n/a|na|none|nothing|no) thanks|waiting to hear",
    r"helped me (?:fill (?:this|it|the \w+) in|(?:with|complete|answer|do) (?:this|the survey))",
)
# All phrases in one expression to find them; one word boundary before them all, not one
# each, so places that do not start a word are passed over at once. No capturing groups: each
# costs the matcher at every place it tries, and which phrase matched is asked only on a match.
PATTERN = re.compile(
    "\\b(?:" + "|".join(f"(?:{p})\\b" for p in [p for p, _ in SCORED] + list(UNSCORED)) + ")"
)
# Each scored phrase on its own, with its polarity and whether it praises effort alone (which
# counts for less against a failure).
_RULES = tuple(
    (re.compile(rf"(?:{p})\b"), polarity, p.startswith("tried")) for p, polarity in SCORED
)


def scored(joined: str, start: int) -> tuple[float | None, bool] | None:
    """Return (polarity, praises effort) for the scored phrase PATTERN found here, else None."""
    # The expression takes the first phrase, in order, that matches here: the same one.
    for rule, polarity, effort in _RULES:
        if rule.match(joined, start):
            return polarity, effort
    return None


# Praise said through gritted teeth: turns the praise in its sentence round.
SARCASM = re.compile(
    r"\b(?:oh|just|well|yeah) (?:good|great|brilliant|fantastic|wonderful|perfect|lovely|super"
    r"|marvellous|fab|amazing)\b"
    r"|\byeah,? right\b|\bthanks for nothing\b|\bwhat a (?:surprise|shock|joke)\b"
    r"|^(?:great|brilliant|fantastic|wonderful|perfect|lovely|amazing|superb|excellent|love"
    r"|fab|nice one|well done|thanks)\b.*\b(?:again|as usual|as always)\b"
    r"|🙄|😒|\bnot!|(?:\.\.\.|…) ?not\b|/s$"
)
# Praise that is sarcastic only beside a complaint: "love how nobody replies" but not "love
# that she listens".
IRONIC_PRAISE = re.compile(r"\b(?:love|loving|great|nice|brilliant) (?:how|that|it when)\b")
