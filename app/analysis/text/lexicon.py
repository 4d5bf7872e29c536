"""The words of SEND feedback that TextBlob's lexicon scores wrongly or does not know.

TextBlob learned from product and film reviews. Here "special", "educational" and "short"
name things (special school, short breaks), "long" and "dead" are youth slang for tedious
and boring, and "helpful", "chased" or "listened" carry most of what parents mean.
"""

from app.analysis.text.tokens import word_set


def _scored(listed: str, polarity: float) -> dict[str, float]:
    """Give every word of a space-separated list the same polarity."""
    return dict.fromkeys(listed.split(), polarity)


# Polarity in [-1, 1] for words whose meaning here differs from TextBlob's, or that it lacks.
WORDS = {
    **_scored("amazing outstanding superb incredible fab fabulous 😍 🥰 ❤ 💕 💖 💜 💙", 0.8),
    **_scored("lifeline godsend lifesaver", 0.7),
    **_scored("helpful supportive caring understanding approachable accommodating", 0.6),
    **_scored("kind patient thorough responsive grateful thankful thriving 😀 😃 😄 😁", 0.6),
    **_scored("listened listens heard reassured reassuring welcoming compassionate", 0.5),
    **_scored("helped helps valued respected included peng mint buzzing 😊 🙂 👍 👏 🙏 🎉", 0.5),
    **_scored("love loved loves thanks thank smashing spot-on settled progress", 0.5),
    **_scored("improved improving efficient organised prompt empathetic ✅ 🌟 ⭐ :) :-) <3", 0.5),
    **_scored("flexible improvement improvements faster quicker clearer suits suited", 0.5),
    **_scored("happier calmer confident", 0.5),
    **_scored("care cares cared", 0.4),
    **_scored("sound decent calm easier sorted resolved fair enough", 0.3),
    **_scored("listen listening", 0.3),
    # Lukewarm on their own: "fine" or "ok" alone is a shrug, not praise.
    **_scored("ok okay fine alright average", 0.05),
    **_scored("😡 😠 🤬 💔 😭 👎 😤 😩 😫", -0.8),
    **_scored("appalling disgusting disgraceful diabolical shambles shambolic useless", -0.8),
    **_scored("unhelpful dismissive rude incompetent ignored ignoring ignores shocking", -0.7),
    **_scored("neglected failed failing fails failure abysmal atrocious joke nightmare", -0.7),
    **_scored("hate hated hates rubbish crap shit shite pants gutted fuming livid", -0.6),
    **_scored("furious 😢 😞 😔 😟 🙁 ☹", -0.6),
    **_scored("upset upsetting stressful stressed distressed distressing worried", -0.5),
    **_scored("struggle struggled struggling struggles battle battled battling fight", -0.5),
    **_scored("fought fighting exhausting exhausted overwhelmed overwhelming chaotic", -0.5),
    **_scored("delay delays delayed overdue lost chase chased chasing chasers generic", -0.5),
    **_scored("unclear confusing confused inconsistent unreliable unanswered tribunal", -0.5),
    **_scored("cancelled canceled postponed missed excluded exclusion isolated lonely", -0.5),
    **_scored("boring tedious faff hassle long dead meh mid 😒 😕 :( :-( 🤦", -0.4),
    **_scored("withdrawn refused stopped discharged appealed absent capped breach", -0.5),
    **_scored("unsuitable inappropriate inaccessible non-existent nonexistent pointless", -0.5),
    **_scored("cancelling cancels embarrassed embarrassing given complain complained", -0.4),
    **_scored("closed closes closing cut cuts locked", -0.3),
    **_scored("shame", -0.5),
    # Feelings about oneself count for little (rubric rule 11): "I was nervous but...".
    **_scored("nervous shy scared anxious tired", -0.15),
    **_scored("problem problems issue issues concern concerns complaint complaints", -0.3),
    **_scored("late slow waiting difficult hard rushed rush rushing pressured judged", -0.3),
}

# Words TextBlob scores that name things in this field or carry no feeling here.
NEUTRAL = word_set(
    """special educational social mental emotional physical local annual high secondary
    primary main other new first last more most much many own same different young old
    little short free full key public general early due current next independent private
    real whole particular certain extra such only sure severe complex profound moderate
    additional big large small open close final total clear left back deal autistic
    disabled deaf blind half hot available exactly direct latest live filled actual
    personal statutory mainstream specialist sensory medical legal visual verbal hidden
    learning sick lol lmao haha plain honestly"""
)

# Praise for manner or effort alone: set against a failure it counts for less.
MANNER = word_set("lovely nice kind friendly polite pleasant sweet apologetic sympathetic")

# "like" is a feeling only after someone who likes: "i like my college", not "like a number".
# The past tense needs no one before it: "liked my key worker, hated the paperwork".
LIKING = word_set("like likes liked enjoy enjoys enjoyed")
LIKED = word_set("liked enjoyed")
LIKERS = word_set(
    """i we he she they you really do does did don't didn't doesn't would actually
    lowkey defo definitely always"""
)

# Words that make the next feeling stronger or weaker ("bare long", "quite good").
# "dead" and "well" are UK slang for "very" ("dead good", "well good"); "quite" softens.
INTENSIFIERS = {
    **_scored("very really so extremely incredibly absolutely totally completely", 1.4),
    **_scored("utterly bare proper super dead well such v mad", 1.3),
    **_scored("still", 1.2),
    **_scored("pretty too truly genuinely", 1.1),
    **_scored("quite fairly rather", 0.8),
    **_scored("bit slightly somewhat kinda sorta", 0.6),
}

# Words that turn the next feeling round within three words ("not very helpful").
NEGATORS = word_set(
    """not no never nobody nothing none neither nor without hardly barely cannot lack
    lacking zero nowhere"""
)

# Things that should happen: no feeling in themselves, bad news when they do not ("the
# therapy has not started", "no reply"). Reports like these carry no emotion words.
EVENTS = word_set(
    """started start starts begun began happened happen happens received receive arrived
    arrive delivered deliver provided provide seen assessed reviewed updated update
    updates sent send contacted contact returned responded respond replied reply replies
    response answer answered implemented followed offered allocated completed finished
    done called rang phoned acknowledged support help provision therapy plan place
    information feedback communication explanation changes answers decision monitored
    explained replies responses decisions visited understand understands understood"""
)

# Pairs read as one word before scoring, so "kind of" softens rather than praises.
MERGES = {
    ("kind", "of"): "kinda",
    ("sort", "of"): "sorta",
    ("a", "bit"): "bit",
    ("a", "little"): "slightly",
    ("no", "one"): "nobody",
    ("not", "one"): "nobody",
}

# "there was know support": "know" for "no" after these words.
KNOW_MEANS_NO = word_set("was is are were had have has got gave given there's theres")

# Misspellings and text-speak, mapped to the word they stand for.
SPELLING = {
    **dict.fromkeys(["recieved", "recived", "receieved"], "received"),
    **dict.fromkeys(["definately", "definatly", "defiantly", "definetly"], "definitely"),
    **dict.fromkeys(["dissapointed", "disapointed", "dissappointed"], "disappointed"),
    **dict.fromkeys(["dissapointing", "disapointing", "dissappointing"], "disappointing"),
    **dict.fromkeys(["apauling", "appauling", "appaling", "apalling"], "appalling"),
    **dict.fromkeys(["frustated", "fustrated", "frusterated"], "frustrated"),
    **dict.fromkeys(["frustating", "fustrating", "frusterating"], "frustrating"),
    **dict.fromkeys(["helpfull", "helpfu"], "helpful"),
    **dict.fromkeys(["unhelpfull", "unhelpfu"], "unhelpful"),
    **dict.fromkeys(["usless", "useles", "uselss"], "useless"),
    **dict.fromkeys(["rubish", "rubbis"], "rubbish"),
    **dict.fromkeys(["terible", "terrable", "terrbile"], "terrible"),
    **dict.fromkeys(["horible", "horrable"], "horrible"),
    **dict.fromkeys(["awfull", "aweful"], "awful"),
    **dict.fromkeys(["excelent", "excellant", "exellent"], "excellent"),
    **dict.fromkeys(["brill", "brillant", "briliant"], "brilliant"),
    **dict.fromkeys(["amazin", "amazeing", "amaizing"], "amazing"),
    **dict.fromkeys(["greatful", "gratefull"], "grateful"),
    **dict.fromkeys(["stressfull", "stresful"], "stressful"),
    **dict.fromkeys(["gr8", "grt"], "great"),
    **dict.fromkeys(["gd", "gud"], "good"),
    **dict.fromkeys(["luv", "lurve"], "love"),
    **dict.fromkeys(["thx", "thanx", "ty", "cheers"], "thanks"),
    **dict.fromkeys(["recomend", "reccomend", "reccommend"], "recommend"),
    **dict.fromkeys(["pls", "plz", "plez"], "please"),
    **dict.fromkeys(["shouldnt"], "shouldn't"),
    **dict.fromkeys(["dont", "dnt", "don’t"], "don't"),
    **dict.fromkeys(["didnt", "didn", "dint"], "didn't"),
    **dict.fromkeys(["doesnt", "dosent", "dosnt", "doesn"], "doesn't"),
    **dict.fromkeys(["cant", "carnt", "cnt"], "can't"),
    **dict.fromkeys(["wont"], "won't"),
    **dict.fromkeys(["isnt", "isn"], "isn't"),
    **dict.fromkeys(["wasnt", "wasn"], "wasn't"),
    **dict.fromkeys(["havent", "haven"], "haven't"),
    **dict.fromkeys(["hasnt", "hasn"], "hasn't"),
    **dict.fromkeys(["couldnt"], "couldn't"),
    **dict.fromkeys(["wouldnt"], "wouldn't"),
    **dict.fromkeys(["arent"], "aren't"),
    **dict.fromkeys(["werent"], "weren't"),
    **dict.fromkeys(["aint"], "ain't"),
    **dict.fromkeys(["noone", "no-one", "nobdy"], "nobody"),
    **dict.fromkeys(["nothin", "nuthin", "nowt"], "nothing"),
    **dict.fromkeys(["tho", "thou"], "though"),
    **dict.fromkeys(["cos", "coz", "cuz", "bc", "becuase", "becasue"], "because"),
    **dict.fromkeys(["u"], "you"),
    **dict.fromkeys(["ppl"], "people"),
    **dict.fromkeys(["wiv", "wid"], "with"),
}
