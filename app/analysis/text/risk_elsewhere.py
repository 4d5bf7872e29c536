"""Risk from the young person's own hand and from outside the home, as regular expressions
over one sentence: self-harm, exploitation, bullying and other present danger; and the
commonest risk words in the other languages Heard's families write."""

from app.analysis.text.risk_words import (
    CARER,
    CHILD,
    DIE,
    HARM_VERB,
    HARMED,
    LURE,
    ONLINE,
    PEERS,
    PILLS,
    SECRECY,
    SELF,
    STRANGER,
    either,
)

PATTERNS = {
    "self_harm": (
        rf"\bkill(?:ing)? ?{SELF}|\bkms\b|\bunaliv\w*|\bsu(?:i|ic)?[cs]+[iy]?d\w*",
        rf"\b(?:want|wants|wanted|wanting|wish|wishes|wished|going|like|try|tried) (?:to|2) {DIE}"
        r"\b(?! of| my| his| her)",
        r"\bwish (?:i|he|she) (?:was|were|wasnt|werent|had never been) (?:dead|born|here|alive)",
        r"\b(?:dont|doesnt) want to (?:be here|live|be alive|exist|wake up|be around)",
        r"\b(?:sleep|go to sleep) and (?:not|never) wake up|\bend(?:ing)? it all\b",
        r"\b(?:end|ending|take|taking) (?:my|his|her|their) (?:own )?life|\bgoodbye (?:letter"
        r"|note)",
        r"\b(?:thinking|think|thought|talks?|talking) (?:of|about) (?:ending it|dying|death"
        r"|killing)",
        r"\b(?:better|happier) (?:off )?(?:without (?:me|him|her)|if (?:i|he|she) (?:was|were"
        r"|wasnt|"
        r"werent) (?:gone|here|around|dead|alive))|\bbetter off dead|\bno reason to live",
        r"\b(?:might as well|rather|would rather) be dead|\bnot worth living",
        r"\b(?:no|dont see the|dont see any|whats the|theres no|is no) point (?:in "
        r"|of )?(?:anything"
        r"|living|life|going on|being here|being alive|me)\b",
        r"\b(?:no one|nobody) (?:would |will )?(?:even )?(?:care|cares|notice|miss me) if (?:i|im)",
        r"\bhope (?:i|he|she) (?:dont|doesnt|never) wake up|\bstopped eating|\bstarv\w* myself",
        r"\b(?:pick|picks|picking|pull|pulls|pulling) (?:at )?(?:my|his|her) (?:skin|hair out)|\bt"
        r"ill (?:it|they) bleeds?\b",
        r"\bnot (?:be )?here (?:anymore|any more)|\bdisappear (?:forever|for good)",
        rf"\bself[ -]?harm\w*|\bharm(?:ing)? {SELF}|\bhate (?:my ?self|being alive)",
        rf"\b(?:hurt|hit|bang|burn|punch|starv)\w* {SELF}(?! (?:falling|playing|at (?:football|pe)"
        r"|on (?:a|the|his|her)))|\bbang\w* (?:my|his|her) head",
        rf"\bcut(?:s|ting)? (?:{SELF}|(?:my|his|her) (?:arms|wrists|legs|skin))|\bblades?\b"
        rf"|\brazors?",
        r"\b(?:been|started|is|keeps|was) cutting\b(?! \w+ (?:back|down|costs|hours|services"
        r"|hair))",
        r"\bscratch\w* (?:my|his|her) (?:arms|wrists|legs|skin)|\bbleed\w* on purpose|\bburns on "
        r"(?:my|his|her) (?:arms|legs|wrists)",
        rf"\b(?:sav|hid|stor|collect)\w* (?:up )?(?:my|his|her|all|loads of) {PILLS}|overdos\w*",
        rf"\b(?:took|take|taken|swallowed) (?:a load|loads|lots|a lot|a bunch|all|a handful) of"
        rf" (?:my |his |her )?{PILLS}|\b(?:throw|threw|jump|hang|hanging) {SELF}",
        r"\b(?:bridge|railway|train tracks|roof|cliff|motorway)\b.{0,60}\b(?:how easy|jump|end it)",
        r"\bhow easy it would be\b|\bwant (?:it all|everything|it) to stop for good",
    ),
    "exploitation": (
        either(f"(?:{STRANGER}|{ONLINE})", f"(?:{SECRECY}|{LURE})", gap=80),
        r"\b(?:buy|give|get) me\b.{0,30}\bif i (?:meet|send|come)|\bif i meet (?:him|her|them)",
        r"\b(?:ask|asks|asked|asking|wants|wanted) (?:me |her |him )?(?:for|to send) (?:pics|nudes"
        r"|photos|pictures)|\bgroom\w*|\bcounty lines|\bcuckoo\w*",
        r"\b(?:give|gives|pay|pays|paid|gave|offered) (?:me|him|her) (?:£\w+ |\d\w* )?to (?:take"
        r"|carry"
        r"|deliver|drop|hold|move|run)",
        r"\bolder (?:boy|boys|man|men|lads?|guys?)\b.{0,40}\b(?:asking me|wants me|go back"
        r"|his (?:hou"
        r"se|car|flat|place)|back to his)",
        r"\b(?:carry|deliver|drop off|hold|hide) (?:packages|parcels|bags|stuff|drugs|weed) for|\bo"
        r"we (?:them|him|some|money)",
        r"\b(?:new )?(?:phones|cash|money|trainers)\b.{0,40}\b(?:wont|doesnt|will not) say where",
        r"\bmet online\b.{0,60}\b(?:\d\d|money|older|meet|loves?|bank|send)|\b(?:asking|asks"
        r"|asked) (?:her|him|me)"
        r" for money|\bolder (?:boyfriend|girlfriend)",
        r"\b(?:boyfriend|girlfriend|partner|bf|gf) (?:is|whos|who is|aged) (?:2[5-9]|[3-9]\d)\b|\b"
        r"(?:2[5-9]|[3-9]\d) year old (?:boyfriend|girlfriend|man)",
        r"\bhave to do (?:stuff|things|favours|jobs) for (?:him|them|her)",
        r"\bmake (?:me|him|her) give (?:them|him|her) (?:my|his|her) (?:tablets|pills|meds|money)",
        r"\b(?:people|they|friends|mates|men|lads)\b.{0,40}\b(?:moved into|staying (?:in|at)|taken"
        r" over|took over|keep coming to|come to|use|wont leave) my (?:flat|house|place|room"
        r"|kitchen)",
        r"\b(?:friends?|mates?|people|they|lads)\b.{0,30}\b(?:take|took|takes|keep|keeps) my "
        r"(?:money|benefits|bank card|card|pip)",
    ),
    "bullying": (
        r"\b(?:being|getting|get|gets|am|is) bullied|\bbull(?:y|ies|ied|ying)\b|\bkys\b",
        either(PEERS, rf"{HARM_VERB} (?:{CHILD}|him|her)"),
        rf"\b{PEERS}\b.{{0,60}}\b(?:being|getting|get|gets|got) {HARMED}|\b(?:being|getting|get|"
        rf"gets|got) {HARMED}\b.{{0,40}}\b(?:school|bus|playground|park|{PEERS})",
        r"\bbeat (?:me|him|her) up|\bthrow (?:stuff|things) at (?:me|him|her)|\bpicked on\b",
        r"\bcall(?:s|ed|ing)? (?:me|him|her) (?:names|slow|thick|stupid|fat|ugly|freak|weirdo"
        r"|retard)",
        r"\bfake (?:account|profile|page) (?:of|about) (?:me|him|her)|\bkick\w* my (?:chair|bag)",
        r"\blaugh(?:s|ed)? at (?:how i|me)|\b(?:messages|comments|texts) (?:about|to) (?:me|him"
        r"|her)"
        r"\b|\bflush\w* (?:my|his|her) head|\b(?:film|films|filmed|filming) (?:me|him|her)",
        r"\b(?:put|puts|posted|posts|post|shared|sharing) (?:a |the )?(?:video|photo|pics?"
        r"|pictures?|"
        r"stuff|things|rumours)\w* (?:of|about) (?:me|him|her)|\brumours about (?:me|him|her)",
        r"\b(?:take|taking|took|takes) my (?:dinner money|lunch money|lunch|money|phone)|\bmake "
        r"(?:me|him|her) give (?:them|him|her) (?:my|his|her)",
        r"\b(?:theyll|they will|theyd|they would|theyre going to|threaten\w* to) (?:batter|beat"
        r"|hurt"
        r"|stab|shank|jump|get) (?:me|him|her)|\b(?:threaten\w* to|said (?:they|hed|shed|theyd))"
        r" (?:would |will )?kill (?:me|him|her)",
    ),
    "unsafe": (
        r"\b(?:dont|do not|never|dont ever) feel safe|\bnot safe (?:at|in|with)|\bfeel unsafe"
        r"|\b(?:h"
        r"ome|house|school|there|placement|hostel|it) (?:isnt|is not|doesnt feel|aint) safe",
        r"\b(?:scared|afraid|frightened|terrified) (?:to go|of going) (?:home|to school|back|in)|\b"
        r"dont want to go (?:home|back home)\b",
        rf"\b(?:scared|afraid|frightened|terrified) of (?:my )?{CARER}\b|\b{HARM_VERB} (?:me|us)\b",
        r"\b(?:ran|run|running) away\b(?! from (?:the )?(?:noise|fire alarm|alarm|dogs?|bees?"
        r"|wasps?))|\bslept (?:in the park|on the street|rough|outside)|\b(?:"
        r"went|goes|going) missing|\bsleeping rough|\bsofa surfing|\bhomeless\b",
        r"\bno one knows where (?:i|he|she) (?:is|am|sleeps?|goes|stays)|\b(?:kicked|threw|chucked)"
        r" (?:me |him |her )?out (?:of (?:home|the house)|by (?:my )?(?:mum|dad|parents))?",
        r"\bfollow(?:s|ed|ing)? (?:me|him|her)\b|\bwaits outside\b",
        rf"\b{STRANGER}\b.{{0,30}}\b(?:trying to talk to|talking to|approach\w*|watching|following|"
        r"waiting for|taking (?:photos|pictures) of|hanging around) (?:me|my \w+|her|him|kids)",
        r"\b(?:come|comes|came) in(?:to)? my room at night|\bcant lock (?:my|the) door",
        r"\b(?:left|dropped|leaves|drops) (?:him|her|me|my \w+)\b.{0,40}\b(?:on (?:my|his|her) own|"
        r"alone|in the dark|drove off|unattended)",
        r"\b(?:let|lets|letting|allowed) (?:her|him) (?:walk|wander|leave|go|run) out\b"
        r"|\bno sense of"
        r" danger|\b(?:ran|run|runs|got) (?:onto|into|out into) the (?:road|street|traffic)",
        r"\bwrong (?:car|bus|taxi|house|address|stop|place)\b.{0,60}\b(?:ended up|drove off|left|al"
        r"one|on (?:my|his|her) own|didnt know|in the dark)|\bbanging on (?:the|our) (?:door"
        r"|windows?)",
        r"\bsleeping in (?:my|the|our|a) car|\bstay(?:ed|ing)? out all night|\bdont want to (?:be"
        r"|go)"
        r" (?:at )?home|\blocked (?:room|cupboard)|\bon (?:his|her|my) own for hours",
        r"\blost (?:my (?:son|daughter|child)|him|her)\b|\bdidnt know where (?:he|she) was"
        r"|\bcouldnt"
        r" find (?:him|her)",
        r"\b(?:not|hasnt|havent|isnt|arent|never|nobody|no one) (?:been |is |has been )?trained "
        r"(?:on|in|to use|with|for)",
        r"\bisnt (?:meant|supposed|allowed) to (?:have contact|see|come near)|\bturning up at",
        r"\b(?:hostel|placement|foster home|supported living|flat)\b.{0,40}\b(?:unsafe|scared|at "
        r"night|lock|comes? in my room)",
        r"\brestrain(?:ed|s|ing|t)?\b|\b(?:held|pinned) (?:him|her|me) down|\blocked (?:him|her|me)"
        r" in\b",
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
