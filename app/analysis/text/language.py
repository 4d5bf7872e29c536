"""Whether a comment is in English, from its script and its commonest words."""

import re

from app.analysis.text.tokens import word_set, words

# English function words: the evidence that counts most, and the words a suggested theme
# must not begin or end with.
FUNCTION_WORDS = word_set(
    """
    the a an and or but of to in on at for with from by about as into than then so if
    is are was were be been being am do does did done have has had having will would can
    could should shall may might must not no yes nor
    i me my mine we us our you your he him his she her they them their it its this that
    these those there here what which who whom whose when where why how all any some
    don't didn't doesn't can't couldn't won't wouldn't isn't wasn't aren't weren't haven't
    hasn't hadn't i'm i've i'd i'll it's that's there's they're we're you're he's she's
    dont didnt doesnt cant couldnt wont wouldnt isnt wasnt arent havent hasnt im ive
    very really just also still never always again because only more most much many too
    out up down over after before since until while each every other such own same
    """
)

# Words that show English: function words, the short answers people give ("fine", "idk",
# "n/a", "no"), text-speak and words every SEND comment uses. "ok" is left out on purpose:
# it is said in every language, so "ok" alone cannot tell us anything.
ENGLISH = FUNCTION_WORDS | word_set(
    """
    get got go went going gone make made
    say said know think feel felt want need needs help helped tell told ask asked give
    school college plan son daughter child children kid kids mum dad parent parents staff
    teacher time day days week weeks month months year years wait waited waiting nothing
    none everything something anything everyone someone nobody people thing things
    fine good bad great nice lovely brilliant excellent amazing terrible awful rubbish
    poor happy sad helpful useless thanks thank please sure well better worse best worst
    idk n/a na tbh ngl imo lol dunno nope yeah yep yea nah meh cba innit
    """
)

# The commonest words of the other Latin-script languages Heard's families write in. Any that
# are English words too ("a", "i", "to", "in") are dropped below: they prove nothing.
_OTHERS = {
    "welsh": """mae mae'r yn yr y ac ar fy ei ein eich eu nhw ni chi fe hi ef wedi bod oedd
        roedd dim ddim gyda gan fod hefyd ond neu iawn da dda diolch ysgol plentyn mab merch
        rydw rwy dw dwi ydw ydy yw oes nid nad pan beth sut pam pwy lle gallu angen cymorth
        cefnogaeth athro athrawon hyn hynny yma yna achos felly bach mawr gwael i'r o'r y'n""",
    "polish": """w z się nie jest że jak ale co tak czy mam ma są był była było mój moja
        moje syn córka dziecko szkoła szkole bardzo dobrze źle nic już jeszcze tylko też dla
        od przez który która które ten ta te tego jego jej ich nam nas mi mnie mu pani może
        trzeba bo gdy kiedy dlaczego pomoc dziękuję czekamy czekać jestem jesteśmy""",
    "romanian": """și si în la de cu pe nu este sunt fost au mai foarte care ce că să sa
        fiul fiica copilul copil școala scoala școală bine rău doar pentru din dar sau acest
        această mea meu noi voi ei ele el ea lui le îi ne vă mulțumesc multumesc ajutor
        așteptăm asteptam avem""",
    "lithuanian": """ir yra buvo kad bet ne taip į su iš mano mūsų jūsų jo jos jų man mane
        mums labai gerai blogai tik dar jau kai kur kodėl kas ką sūnus dukra vaikas mokykla
        mokykloje ačiū pagalba laukiame nėra nebuvo kuris kuri tai šis ši savo apie prie nuo""",
    "somali": """waa iyo oo ka ku la aan uu ay ma waxaan wax ah ee u soo ayaa waxa kale aad
        aniga wiilka gabadha ilmaha iskuulka dugsiga mahadsanid fiican xun caawimo waqti
        hadda kuma kama aanan iga ii waxay wuxuu""",
    # Urdu and Punjabi are often typed in Latin letters on a phone.
    "roman urdu": """hai hain nahi nahin mera meri mere beta beti bohat bahut acha accha
        aur mein ko se bhi kya ka ki ke tha thi ho raha rahi gaya koi sab lekin kyun""",
}
STOP_WORDS = {language: word_set(listed) - ENGLISH for language, listed in _OTHERS.items()}


def _by_word() -> dict[str, list[int]]:
    """Map each other-language word to the languages it belongs to: one look-up per word."""
    found: dict[str, list[int]] = {}
    for index, stops in enumerate(STOP_WORDS.values()):
        for word in stops:
            found.setdefault(word, []).append(index)
    return found


_LANGUAGES_OF = _by_word()

# Letters English never uses but Polish, Romanian, Lithuanian or Welsh do.
_FOREIGN_LETTER = re.compile("[ąćęłńśźżăâîșşțţčėįšųūžŵŷ]", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_NOT_LATIN = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
# With this many words and not one English one, the comment is in some other language.
_ENOUGH_WORDS = 4


def is_english(text: str) -> bool | None:
    """Tell whether a comment is English; None when it is too short to tell ("ok", "👍")."""
    if not _LETTER.search(text):
        return None
    not_latin = len(_NOT_LATIN.findall(text))
    if not_latin and 2 * not_latin > len(_LETTER.findall(text)):
        return False  # mostly Arabic, Gurmukhi, Bengali or another script
    tokens = [w for w in words(text) if w[0].isalpha()]
    english = sum(w in ENGLISH for w in tokens)
    other = _other_evidence(tokens)
    if english != other:
        return english > other
    return False if len(tokens) >= _ENOUGH_WORDS else None


def _other_evidence(tokens: list[str]) -> int:
    """Count the words that show the likeliest other language."""
    counts = [0] * len(STOP_WORDS)
    foreign_letters = 0
    for word in tokens:
        for index in _LANGUAGES_OF.get(word, ()):
            counts[index] += 1
        if not word.isascii() and _FOREIGN_LETTER.search(word):
            foreign_letters += 1
    return max(*counts, foreign_letters)
