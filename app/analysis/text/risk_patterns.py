"""The wording of risk, per safeguarding category, as regular expressions.

They match text that safeguarding.py has lower-cased, stripped of apostrophes ("dont",
"im", "hes") and freed of common text-speak ("no1" is "no one", "wanna" is "want to").
Each names an act, a person or a situation, never a single alarming word: "kill", "hurt"
and "scared" appear just as often in safe comments ("this wait is killing me").
"""

SELF = r"(?:my ?self|him ?self|her ?self|them ?selves|them ?self)"
# People who care for a child at home, or who stand in for them.
CARER = (
    r"(?:mum|mom|mam|mummy|mother|dad|daddy|father|step ?dad|step ?mum|step ?father"
    r"|step ?mother|carer|foster (?:mum|dad|carer|parents?)|nan|nana|gran|grandad|grandma"
    r"|uncle|aunt|auntie|parents?|babysitter|(?:mums|dads) (?:boyfriend|girlfriend|partner"
    r"|friend|mate)s?)"
)
HURTS = (
    r"(?:hits?|hitting|slaps?|slapped|punch(?:es|ed)?|kicks?|kicked|beats?|beaten|burn(?:s|t|ed)?"
    r"|chokes?|choked|strangl\w*|smack(?:s|ed)?|hurts?|whacks?|batter(?:s|ed)?)"
)
PEERS = r"(?:they|kids|boys|girls|people|someone|somebody|older kids|lads|a boy|a girl)"
ONLINE = (
    r"(?:online|on (?:snap(?:chat)?|insta(?:gram)?|tiktok|discord|roblox|fortnite|xbox"
    r"|whatsapp|facebook|the game|a game|the internet))"
)
LURES = r"(?:meet|buy|gift|money|pics|photos|pictures|address|secret|cards|trainers|phone)"
TABLETS = r"(?:tablets|pills|meds|medication|paracetamol)"
INSULT = r"(?:stupid|useless|worthless|a waste|fat|ugly|thick|an idiot|a mistake)"

# Categories in the rubric's order: the first that fits names the risk.
PATTERNS = {
    "self_harm": (
        rf"\bkill(?:ing)? ?{SELF}|\bkms\b|\bunaliv\w*|\bsu(?:i|ic)?[cs]+[iy]?d\w*",
        r"\b(?:want|wants|wanted|going) (?:to|2) (?:die|be dead)\b(?! of| my| his| her)",
        r"\bwish (?:i|he|she) (?:was|were|wasnt|werent|had never been) (?:dead|alive|born|here)",
        r"\bdont want to (?:be here|live|be alive|exist|wake up|be around)",
        r"\b(?:end|take|ending|taking) (?:it all|my life|my own life|his life|her life|things)\b",
        r"\bwant to end it\b|\bbetter off (?:without (?:me|him|her)|dead)|\bno reason to live",
        r"\bnot (?:be )?here (?:anymore|any more)|\bdisappear (?:forever|for good)",
        r"\b(?:no one|nobody) (?:would |will )?(?:care|cares|notice|miss me) if (?:i|im)",
        rf"\bself[ -]?harm\w*|\bharm(?:ing)? {SELF}|\bhate (?:my ?self|being alive)",
        rf"\bhurt(?:ing|s)? {SELF}(?! (?:falling|playing|at (?:football|pe)|on (?:a|the|his|her)))",
        rf"\bcut(?:s|ting)? (?:{SELF}|my (?:arms|wrists|legs|skin))",
        r"\bbeen cutting\b(?! \w+ (?:back|down))|\btalks? about (?:dying|killing)",
        r"\bscratch\w* (?:my|his|her) (?:arms|wrists|legs|skin)\b.{0,30}\bbleed",
        rf"\bsav(?:e|es|ed|ing) (?:up )?(?:my|his|her|all) {TABLETS}|overdos\w*",
        rf"\btake all (?:my|the) {TABLETS}|\b(?:throw|throwing|threw|jump|hang|hanging) {SELF}",
        r"\b(?:bridge|railway|train tracks|roof|cliff|motorway)\b.{0,60}\b(?:how easy|jump|end it)",
        r"\bhow easy it would be\b|\bwant (?:it all|everything|it) to stop for good",
        r"\b(?:cant|cannot) go on\b(?! like this)|\bno point (?:in )?(?:living|being alive)",
        r"\bnot worth living",
    ),
    "abuse": (
        rf"\b{CARER}\b(?: \w+){{0,3}} {HURTS} (?:me|us)\b|\b(?:he|she) {HURTS} (?:me|us)\b",
        rf"\b(?:hit|beaten|slapped|hurt|punched|kicked|smacked) by (?:my )?{CARER}",
        r"\b(?:get|got|getting|gets) (?:hit|beaten|smacked|slapped|kicked|hurt)\b.{0,20}\bhome",
        rf"\b{CARER}\b.{{0,30}}\b(?:pulls?|pulled) (?:my|his|her) hair",
        rf"\b{CARER}\b.{{0,20}}\bthrows? (?:things|stuff|\w+) at me",
        r"\blocks? (?:me|him|her) (?:in|out)(?: of)? (?:my|his|her|the) (?:room|cupboard|house)",
        r"\b(?:touches|touched|touching|grabs) (?:me|him|her)\b(?! up)|\bdoes (?:things"
        r"|stuff) to me",
        r"\bsexual\w*|\babus(?:e|ed|es|ing|ive)\b(?! of (?:process|power))|\bmolest\w*|\braped?\b",
        r"\btold me to say\b|\bmade me say\b|\bnot allowed to tell\b|\bour (?:little )?secret\b",
        rf"\b{CARER}\b.{{0,40}}\b(?:keeps|takes|took|has) my (?:bank card|card|money|benefits)",
        rf"\b{CARER} (?:says|calls me|said|tells me)(?: im| i am| i was| that im)? {INSULT}",
        rf"\b{CARER}\b.{{0,30}}\b(?:hurt|hit|abused) (?:me|him|her)\b.{{0,60}}\b(?:moving"
        rf"|coming) back",
        r"\bbruis\w*\b.{0,40}\b(?:said (?:i|he|she) fell|told me to|wont say|cant explain)",
        r"\bnot allowed (?:to eat|food|dinner)|\bmakes? me (?:stand|sleep|stay) (?:outside|in the)",
        r"\bi (?:hit|smacked|slapped|shook|pushed|hurt) (?:him|her)\b",
    ),
    "violence_at_home": (
        rf"\b{CARER}\b(?: \w+){{0,3}} {HURTS} (?:my )?(?:mum|dad|her|him|each other|nan)\b",
        r"\bthrows? (?:things|stuff|plates|chairs)\b(?! at me)|\bthrowing (?:things|stuff)",
        r"\bsmash\w* (?:things|stuff|the house|up)",
        r"\bpolice (?:came|come|were called|called|come round|came round|keep coming)\b",
        r"\b(?:my parents|mum and dad|dad and mum) (?:fight|argue|scream)",
        r"\b(?:shouting|screaming|fighting) at home|\bdomestic (?:violence|abuse)|\b(?:was"
        r"|is) violent\b",
        r"\b(?:partner|boyfriend|husband|he) (?:wont|doesnt|dont) let (?:her|mum|my mum"
        r"|me) (?:leave|go"
        r"|see|have)|\bcontrols (?:her|mum|my mum|all the money|everything)",
        r"\bhide (?:under|in) my (?:bed|room|wardrobe)|\bprotect my (?:little |baby )?(?:brother"
        r"|sister|mum)",
        r"\b(?:punching|hitting|kicking|attacking|hurting) (?:his|her|my) (?:\w+ )?(?:sister"
        r"|brother|mum)",
        r"\bcovered in bruises",
    ),
    "neglect": (
        r"\b(?:nobody|no one) (?:feeds|cooks for|looks after|washes) (?:me|him|her|us)\b",
        r"\b(?:hardly|never|rarely|not) (?:ever )?(?:any )?food (?:at|in the) (?:home|house)",
        r"\bno food\b|\balways hungry|\bstarving at home|\b(?:come|comes|came|go|goes|went) "
        r"(?:in|to bed|to school) hungry",
        r"\b(?:havent|hasnt|didnt) (?:eaten|had (?:any )?(?:food|dinner|breakfast))\b.{0,30}\b"
        r"(?:since|all day|yesterday)",
        r"\bleft (?:on (?:my|his|her) own|alone|by (?:my|him|her)self)\b.{0,20}\b(?:all|every|for"
        r" days|overnight|nights?)",
        r"\b(?:clothes|uniform) (?:are|is) (?:always )?dirty|\bsame (?:uniform|clothes) all week",
        r"\bsay i smell|\bno (?:heating|electric|electricity|gas|bed|hot water)\b"
        r"|\bsleep on the floor",
        r"\b(?:no one|nobody) (?:takes|took) (?:me|him|her) to the (?:dentist|doctor|hospital)",
        r"\b(?:no one|nobody) (?:gives|gave) (?:me|him|her) (?:my|his|her) (?:medicine|meds"
        r"|tablets)",
        rf"\b(?:doesnt|dont|didnt|never) (?:get|gets|give|gives) (?:me |him |her )?(?:my |his "
        rf"|her )?"
        rf"(?:medicine|medication|insulin|inhaler|{TABLETS})",
        rf"\b{CARER} is always (?:out|drunk|high|asleep|in bed)|\b{CARER}\b.{{0,20}}\b(?:drunk|on "
        rf"drugs|been drinking)",
        r"\blook after my (?:little )?(?:brothers?|sisters?) every"
        r"|\bno one at home (?:is )?answering",
        r"\bnobody (?:picks|picked|came to pick) (?:me|him|her) up",
    ),
    "exploitation": (
        rf"\b(?:man|guy|someone|person|lad|bloke|woman|girl|boy|he|she|people|somebody)\b.{{0,20}}"
        rf"\b{ONLINE}.{{0,80}}\b{LURES}",
        r"\b(?:buy|give|get) me\b.{0,30}\bif i (?:meet|send|come)|\bif i meet (?:him|her|them)",
        r"\b(?:asked|asks|asking|wants|wanted) (?:me |her |him )?(?:for|to send) (?:pics|nudes"
        r"|photos)",
        r"\bnudes\b|\bgroom\w*|\bcounty lines|\bcuckoo\w*|\bolder (?:boyfriend|man|men|guys?)\b",
        r"\b(?:give|pay|paid|gave|offered) (?:me|him|her) (?:£|\d).{0,20}\bto (?:take|carry"
        r"|deliver)",
        r"\b(?:give|gave|gives) (?:me|him|her) (?:weed|drugs|packages|parcels|a bag) to (?:hold"
        r"|keep"
        r"|carry|take)",
        r"\b(?:new )?(?:phones|cash|money|trainers)\b.{0,40}\b(?:wont|doesnt|will not) say where",
        r"\bmet online\b.{0,60}\b(?:\d\d|money|older|meet)|\b(?:asking|asks|asked) (?:her|him|me) "
        r"for money",
        r"\bhave to do (?:stuff|things|favours|jobs) for (?:him|them|her)|\bkeep (?:it"
        r"|this) a secret",
        r"\bmake (?:me|him|her) give (?:them|him|her) (?:my|his|her) (?:tablets|pills|meds|money)",
        r"\b(?:people|they|friends|mates)\b.{0,30}\b(?:moved into|staying in|taken over"
        r"|took over) my"
        r" (?:flat|house|place)",
        r"\b(?:friends?|mates?|people|they)\b.{0,30}\b(?:take|took|takes|keep|keeps) my (?:money"
        r"|benefits|bank card|card)",
    ),
    "bullying": (
        r"\b(?:being|getting|get|gets|am|is) bullied|\bbull(?:y|ies|ied|ying)\b|\bkys\b",
        rf"\b{PEERS}\b.{{0,40}}\b(?:kick|kicks|kicked|punch\w*|push\w*|trip\w*|spit|spat|batter"
        rf"|hit|hits|slap|slaps) (?:me|him|her)",
        r"\bbeing (?:kicked|hit|punched|beaten up)|\bbeat (?:me|him|her) up|\bthrow (?:stuff"
        r"|things)"
        r" at (?:me|him|her)",
        r"\bcall(?:s|ed)? (?:me|him|her) (?:names|slow|thick|stupid|fat|ugly|freak|weirdo|retard)",
        r"\blaugh(?:s|ed)? at (?:how i|me)|\bpicked on\b|\b(?:horrible|nasty|threatening) messages",
        r"\b(?:put|posted|shared) (?:a |the )?(?:video|photo|pics?|pictures?) of (?:me|him|her)",
        r"\b(?:take|taking|took|takes) my (?:dinner money|lunch money|lunch|money|phone)",
        r"\b(?:theyll|they will|threaten\w* to) (?:batter|beat|hurt|kill|stab|get) (?:me|him|her)",
    ),
    "carer_cannot_cope": (
        r"\b(?:cant|cannot|can not) keep (?:him|her|them|my \w+) safe",
        r"\b(?:scared|afraid|worried|frightened) (?:i|ill|that i)(?: will| might| could)? (?:hurt"
        r"|harm)",
        r"\b(?:ill|i will|i might|i could|i may) (?:hurt|harm|lose it with) (?:him|her|them)",
        r"\bwhat i (?:might|will|could) do\b|\b(?:shouted|screamed|snapped) at (?:him|her) in ways",
        r"\b(?:cant|cannot) (?:do this|cope) (?:anymore|any more|any longer)|\bbreaking point",
        r"\bcant cope with (?:him|her|them)\b|\bgive up on (?:him|her)\b|\bput (?:him"
        r"|her) in(?:to)? care",
        r"\bend of my tether|\bfending for themselves|\bno one to look after (?:him|her|them)",
        r"\bdrinking every (?:night|day)|\bputting us (?:both|all) in the car",
        r"\bleave (?:him|her|them) in (?:his|her|their) room all day|\bdont know what will happen",
        r"\bcant get out of bed\b.{0,40}\b(?:kids|children|him|her)",
    ),
    "unsafe": (
        r"\b(?:dont|do not|never|dont ever) feel safe|\bnot safe (?:at|in|with)|\bfeel unsafe",
        r"\b(?:scared|afraid|frightened|terrified) (?:to go|of going) home|\bdont want to go home",
        rf"\b(?:scared|afraid|frightened|terrified) of (?:my )?{CARER}\b",
        r"\b(?:ran|run|running) away\b|\bslept (?:in the park|on the street|rough|outside)",
        r"\b(?:went|goes|going) missing|\bsleeping rough|\bsofa surfing|\bhomeless\b",
        r"\b(?:kicked|thrown) out (?:of (?:home|the house)|by (?:my )?(?:mum|dad|parents))",
        r"\bfollows? (?:me|him|her)\b|\bfollowed (?:me|him|her)\b|\bwaits outside\b",
        r"\b(?:come|comes|came) in(?:to)? my room at night|\bcant lock (?:my|the) door",
        r"\bwrong (?:house|address|stop|place)\b.{0,40}\b(?:drove off|left (?:me|him|her)|on (?:my"
        r"|his|her) own|in the dark)",
        r"\b(?:let|lets|allowed) (?:her|him) (?:walk|wander|leave|go|run) out\b"
        r"|\bno sense of danger",
        r"\b(?:not|hasnt|havent|isnt|arent|never|nobody|no one) (?:been |is |has been )?trained"
        r" (?:on|in|to use|with|for)",
        r"\bisnt (?:meant|supposed|allowed) to (?:have contact|see|come near)|\bturning up at",
        r"\b(?:hostel|placement|foster home)\b.{0,40}\b(?:unsafe|scared|at night|lock)",
        r"\brestrain(?:ed|s|ing|t)?\b|\bheld (?:him|her) down|\blocked (?:him|her|me) in\b",
    ),
}

# The same risks in the other languages Heard's families write, so a comment in Polish or
# Urdu still reaches a reader today: suicide, wanting to die, being hit.
OTHER_LANGUAGES = {
    "self_harm": (
        r"hunanladdiad|lladd fy hun|hunan[- ]?niweid|eisiau marw|samobój|zabi\w* się|chc\w* umrzeć",
        r"okalecz|sinucid|să mor|să moară|savižud|nori\w* mirti|is dil|khudkushi|marna chaht",
        r"خودکشی|خود کشی|مرنا چاہت|ਖੁਦਕੁਸ਼ੀ|ਮਰਨਾ ਚਾਹ|আত্মহত্যা|মরতে চাই|انتحار|أريد أن أموت",
    ),
    "abuse": (r"bije mnie|mă bate|ma bate|muša mane|i garaac|mujhe maar|مجھے مار|ਮੈਨੂੰ ਮਾਰ|يضربني",),
}
