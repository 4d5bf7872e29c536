"""Risk at home, as regular expressions over one sentence: abuse by a carer, violence between
the adults a child lives with, neglect, and a carer who can no longer cope."""

from app.analysis.text.risk_words import (
    ADULT_AT_HOME,
    BLOW,
    CARE_THINGS,
    CARER,
    CHILD,
    HARM_VERB,
    HARMED,
    INSULT,
    SECRECY,
    SEXUAL,
    STAFF,
    either,
)

PATTERNS = {
    "abuse": (
        either(CARER, f"(?:{HARM_VERB} {CHILD}|{BLOW})"),
        either(STAFF, rf"(?:{HARM_VERB} (?:{CHILD}|him|her)|{BLOW})"),
        rf"\b(?:i|he|she|we) (?:get|gets|got|getting|am|is|was|been) {HARMED}\b(?! (?:at school|by "
        r"(?:kids|boys|girls|them|year)|playing|in pe|at pe|at (?:football|rugby|training)))",
        rf"\b{HARMED} (?:by|with) (?:my |his |her |a |the )?(?:{CARER}|belt|stick|shoe|slipper)",
        rf"\b{CARER}\b.{{0,30}}\b(?:pulls?|pulled) (?:my|his|her) hair|\bwith (?:a|his|her) belt",
        r"\blocks? (?:me|him|her) (?:in|out)(?: of)? (?:my|his|her|the) (?:room|cupboard|house)|\bl"
        r"ocks? the (?:fridge|food|cupboards?)|\bso (?:i|he|she) cant eat",
        rf"\b{SEXUAL}\b|\bdoes (?:things|stuff) to me|\babus(?:e|ed|es|ing|ive)\b(?! of (?:process"
        r"|power))|\bmolest\w*|\braped?\b",
        either(CARER, SECRECY),
        r"\btold me to say\b|\bmade me say\b|\bnot allowed to tell\b|\bif i tell (?:anyone|someone"
        r"|anybody|school|a teacher|the teacher|you)\b",
        rf"\b{CARER}\b.{{0,40}}\b(?:keeps|takes|took|has) my (?:bank card|card|money|benefits)",
        either(
            f"(?:{CARER}|{STAFF})",
            rf"(?:says|said|tells|told|calls|called) (?:me|her|him)(?: that)?(?: im| i am| shes"
            rf"| hes"
            rf"| she is| he is)? {INSULT}",
        ),
        r"\bbruis\w*\b.{0,40}\b(?:said (?:i|he|she) fell|told me to|wont say|cant explain)",
        r"\b(?:not allowed|doesnt let me|dont let me|wont let me) (?:to )?(?:eat|have food"
        r"|have dinn"
        r"er)|\bmakes? me (?:stand|sleep|stay) (?:outside|in the)|\bi (?:hit|smacked|slapped|shook)"
        r" (?:him|her)\b",
    ),
    "violence_at_home": (
        either(CARER, f"{HARM_VERB} {ADULT_AT_HOME}"),
        rf"\b(?:shout\w*|scream\w*|yell\w*|argu\w*|fight\w*) (?:at|with) {ADULT_AT_HOME}\b.{{0,60}}"
        r"\b(?:cries|crying|scared|every night|all the time|every day|hide)",
        r"\bthrows? (?:things|stuff|plates|chairs)\b(?! at me)|\bthrowing (?:things|stuff)",
        r"\bsmash\w* (?:things|stuff|the house|up|the place)|\bpolice (?:came|come|were called"
        r"|called"
        r"|come round|came round|keep coming)\b",
        r"\b(?:my parents|mum and dad|dad and mum) (?:fight|argue|scream)|\b(?:shouting|screaming|"
        r"fighting) at home|\bdomestic (?:violence|abuse)|\b(?:was|is|gets"
        r"|got) (?:really )?violent",
        either(r"(?:drinks|drinking|drunk)", r"(?:nasty|violent|angry|scary|scared|hide|hits)"),
        r"\b(?:partner|boyfriend|husband|he) (?:wont|doesnt|dont) let (?:her|mum|my mum"
        r"|me) (?:leave"
        r"|go|see|have)|\bcontrols (?:her|mum|my mum|all the money|everything)",
        r"\bhide (?:under|in) my (?:bed|room|wardrobe)|\bprotect my (?:little |baby )?(?:brother"
        r"|sister|mum)|\bcovered in bruises",
        r"\b(?:punching|hitting|kicking|attacking|hurting) (?:his|her|my) (?:\w+ )?(?:sister"
        r"|brother"
        r"|mum)",
    ),
    "neglect": (
        r"\b(?:nobody|no one) (?:feeds|cooks for|looks after|washes|cleans|cares for) (?:me|him|her"
        r"|us|my)\b|\b(?:dont|didnt|cant|couldnt) feed (?:him|her|them|the kids)",
        r"\b(?:never|hardly|hardly ever|rarely|not) (?:any |enough )?food\b|\bnothing to eat\b"
        r"|\bno "
        r"food (?:at|in)|\bfood in the (?:fridge|house|cupboards?)|\bmoney for food"
        r"|\bgoing without",
        r"\b(?:havent|hasnt|didnt|not) (?:eaten|had (?:a |any )?(?:proper )?(?:meal|food|dinner|"
        r"breakfast))\b.{0,30}\b(?:days?|since|all day|yesterday)",
        r"\b(?:always|really|so|constantly) hungry|\bhungry (?:all the time|every day|at home)"
        r"|\b(?:"
        r"go|goes|went|come|comes|came) (?:to bed|in|to school) hungry|\bstarving at home",
        r"\b(?:left|leave|leaves|leaving)(?: me| him| her| us| the kids| the children"
        r"| my (?:brother"
        r"|sister)s?)? (?:alone|on (?:my|his|her|our|their) own|by (?:my|him|her)self|home alone)"
        r"\b.{0,30}\b(?:all (?:day|night|weekend|week)|at night|overnight|for days|every (?:night|"
        r"day|weekend)|while|when|for hours|nights)",
        r"\b(?:clothes|uniform) (?:are|is) (?:always )?dirty|\bsame (?:uniform|clothes) all week"
        r"|\bsay i smell|\bno clean clothes|\bno (?:heating|electric|electricity|gas|bed|hot water)"
        r"\b|\bsleep on the floor",
        r"\b(?:no one|nobody|wont|doesnt|never|dont) (?:takes?|took) (?:me|him"
        r"|her) to the (?:dentist"
        r"|doctor|gp|hospital)|\bteeth (?:are )?(?:black|rotten|falling out)",
        rf"\b{CARE_THINGS}\b.{{0,20}}\b(?:run|runs|ran|running) out|\bforgets? (?:to )?(?:give|"
        rf"collect|get|order) (?:my |his |her )?{CARE_THINGS}",
        rf"\b{CARER} (?:is )?(?:never|hardly ever|rarely) (?:at )?home|\b{CARER} (?:is always"
        rf"|sleeps|stays in bed|is in bed) (?:out|drunk|high|asleep|in bed|all"
        rf" day)|\b{CARER}\b.{{0,20}}\b(?:drunk|on drugs|been drinking|doesnt get up"
        rf"|never gets up)",
        r"\blook after my (?:little )?(?:brothers?|sisters?) every|\bget (?:my (?:little )?(?:brot"
        r"hers?|sisters?)|the kids) ready|\bget myself to school",
        r"\bno one at home (?:is )?answering|\bnobody (?:picks|picked|came to pick) (?:me|him"
        r"|her) up",
    ),
    "carer_cannot_cope": (
        r"\b(?:cant|cannot|can not|unable to|no longer) (?:keep|look after|care for"
        r"|cope with) (?:him"
        r"|her|them|my \w+)\b(?: (?:safe|properly|anymore|any more))?",
        r"\b(?:scared|afraid|worried|frightened) (?:of )?(?:what|that)? ?(?:i|ill|id|im"
        r"|i am) (?:will"
        r" |might |could |would |going to )?(?:do|hurt|harm|snap|lose it)",
        r"\b(?:ill|i will|i might|i could|i may|im going to|i am going to|id) (?:snap and "
        r"|lose it and"
        r" )?(?:hit|hurt|harm|lose it with|snap at|shake|smack) (?:him|her|them|my \w+)",
        r"\bwhat i (?:might|will|could) do\b|\b(?:shouted|screamed|snapped) at (?:him|her) in ways",
        r"\b(?:cant|cannot) (?:do this|cope|go on like this|take (?:any )?more) ?(?:anymore"
        r"|any more|"
        r"any longer)?\b|\bbreaking point|\bend of my tether|\bnothing left",
        r"\bgive up on (?:him|her)\b|\bput (?:him|her) in(?:to)? care|\blocked myself in",
        r"\bfending for themselves|\bno one to look after (?:him|her|them|my \w+)"
        r"|\bdrinking every (?:night"
        r"|day)|\bputting us (?:both|all) in the car",
        r"\bleave (?:him|her|them) in (?:his|her|their) room all day|\bdont know what will happen",
        r"\bcant get (?:out of bed|up)\b.{0,40}\b(?:kids|children|him|her|feed)",
    ),
}
