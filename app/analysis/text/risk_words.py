"""Word classes the safeguarding rules are built from: who harms, what they do, to whom.

Each is a regular expression over safeguarding.py's plain text: lower case, no punctuation
or apostrophes ("dont", "mums"), single spaces. A harm is written with its object ("hits
me", "pushed her") so that "kicks off" or "pushed for an assessment" never count.
"""

SELF = r"(?:my ?self|him ?self|her ?self|them ?selves|them ?self)"
# People who care for a child at home, or live there.
CARER = (
    r"(?:mum|mam|mom|mummy|mother|dad|daddy|father|step ?dad|step ?mum|step ?father|step ?mother"
    r"|carer|foster \w+|nan|nana|gran|grandad|grandpa|grandma|uncle|aunt|auntie|parents?"
    r"|babysitter|(?:boy|girl)friend|partner|husband|wife|fella|my (?:older )?(?:brother|sister"
    r"|cousin))"
)
# Adults in a caring role outside the family, who may abuse as a carer may.
STAFF = (
    r"(?:key ?worker|support worker|staff|teacher|ta|driver|taxi driver|escort|coach|carers"
    r"|care worker|nurse|instructor|leader)"
)
STRANGER = (
    r"(?:man|men|bloke|guy|stranger|neighbou?r|woman|lady|lads|older (?:man|men|lads|boys|guys|"
    r"kids|people)|someone (?:i|he|she) met|\w+ i met|people i met|(?:a|this) (?:boy|girl))"
)
PEERS = (
    r"(?:they|kids|boys|girls|people|someone|somebody|lads|a (?:boy|girl|group)|group of \w+|gang"
    r"|year \d+s?|older (?:kids|boys|girls)|classmates|the others|some (?:boys|girls|kids))"
)
ONLINE = (
    r"(?:online|snap(?:chat)?|insta(?:gram)?|tiktok|discord|roblox|fortnite|xbox|whatsapp"
    r"|facebook|telegram|the game|a game|the internet|messag\w* me|dms? me)"
)
# Acts of violence, each with the person it is done to.
HARM_VERB = (
    r"(?:hits?|hitting|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|slap(?:s|ped|ping)?|smack(?:s|ed)?"
    r"|beat(?:s|ing)?|batter(?:s|ed)?|push(?:es|ed)|shove[sd]?|strangl\w*|chok(?:e|es|ed|ing)"
    r"|burn(?:s|t|ed)?|bit|bites|drag(?:s|ged)|grab(?:s|bed)|whack(?:s|ed)?|hurt(?:s|ing)?"
    r"|attack(?:s|ed)?|shak(?:e|es|ing)|shook|spat (?:at|on)|spits? (?:at|on)|throws? \w+ at"
    r"|threw \w+ at|broke)"
)
# A blow given, which carries its own object: "gives me a slap".
BLOW = r"(?:gives?|gave) (?:me|us|him|her) a (?:slap|smack|beating|hiding|kicking|punch|clip)"
INSULT = r"(?:stupid|useless|worthless|a waste|fat|ugly|thick|an idiot|a mistake|a retard)"
# "them": a staff member's summary speaks of the child as they ("their dad hits them").
CHILD = (
    r"(?:me|us|them|my (?:son|daughter|child|kids?|boy|girl|baby|little \w+)|(?:my|his|her|their)"
    r" (?:head"
    r"|face|neck|throat))"
)
ADULT_AT_HOME = r"(?:mum|mam|mom|dad|her|him|each other|my (?:mum|mam|mom|dad|nan)|mums \w+)"
HARMED = r"(?:hit|smacked|beaten|hurt|kicked|slapped|punched|belted|battered|attacked|beaten up)"
SEXUAL = (
    r"(?:touch(?:es|ed|ing)? (?:me|my|him|her)|my bum|on (?:his|her) lap|my privates|private parts"
    r"|sexual\w*|naked|undress\w*|nudes|(?:comes?|came|gets?|got) (?:in|into) my bed)"
)
SECRECY = (
    r"(?:not (?:to )?tell|dont tell|wont tell|our secret|a secret|keep (?:it|this) (?:a )?secret"
    r"|its a game|no one else (?:there|around|in the room)|nobody else there|delete (?:the )?"
    r"messages|promise not to)"
)
LURE = (
    r"(?:gives? me|gave me|buys? me|bought me|vapes?|cash|money|trainers|weed|drugs|alcohol|fags"
    r"|cigarettes|presents|gifts?|owe|hold (?:stuff|things|it)|carry|meet (?:up|me|him|her)|to meet"
    r"|video call|photos|pics|pictures|(?:his|her) (?:car|house|flat|room))"
)
PILLS = r"(?:tablets|pills|meds|medication|medicine|paracetamol|painkillers)"
CARE_THINGS = r"(?:medication|meds|medicine|inhaler|insulin|epi ?pen|tablets|prescription)"
DIE = r"(?:die|be dead|disappear|not exist|not be here|not be around|not wake up|end it)"


def either(first: str, second: str, gap: int = 60) -> str:
    """Match two word classes in the same sentence, in either order, at most `gap` apart."""
    return rf"\b{first}\b.{{0,{gap}}}\b{second}\b|\b{second}\b.{{0,{gap}}}\b{first}\b"
