"""Text as children write it, made plain enough for phrases to match.

"im sooo done wiv it, wanna kms" becomes "i am so done with it want to kill
myself". Both the text and every safeguarding phrase go through the same
`normalise`, so a phrase written once in plain English matches the many ways
it is typed. Pure and fast: a few regular expressions and a dictionary look-up
per word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from voice.safeguarding.corpus import vocabulary

# One word (after apostrophes are dropped) to the plain words it stands for.
TEXT_SPEAK = {
    # numbers for words
    "2": "to", "4": "for", "b4": "before", "2day": "today", "2nite": "tonight",
    "2moro": "tomorrow", "2morrow": "tomorrow", "gr8": "great", "m8": "mate",
    "m8s": "mates", "l8r": "later", "w8": "wait", "h8": "hate", "any1": "anyone",
    "some1": "someone", "no1": "no one", "every1": "everyone", "1ce": "once",
    # short forms
    "u": "you", "ya": "you", "yu": "you", "yous": "you", "ur": "your", "youre": "you are",
    "r": "are", "y": "why", "n": "and", "nd": "and", "wiv": "with",
    "wid": "with", "w": "with", "bc": "because", "bcoz": "because", "bcuz": "because",
    "cos": "because", "coz": "because", "cuz": "because",
    "becuz": "because", "becos": "because", "pls": "please", "plz": "please",
    "ppl": "people", "peeps": "people", "sum1": "someone", "sumthing": "something",
    "smth": "something", "nuffin": "nothing", "nuthin": "nothing", "nothin": "nothing",
    "nun": "nothing", "wen": "when", "wat": "what", "wot": "what", "wut": "what",
    "tho": "though", "thru": "through", "bout": "about", "abt": "about",
    "lyk": "like", "luv": "love", "hav": "have", "av": "have", "ave": "have",
    "ive": "i have", "iv": "i have", "wer": "where", "thx": "thanks",
    "ty": "thank you", "idk": "i do not know", "dunno": "do not know",
    "dno": "do not know", "rn": "right now", "atm": "at the moment",
    "bf": "boyfriend", "gf": "girlfriend", "bro": "brother", "sis": "sister",
    "mam": "mum", "mom": "mum", "mummy": "mum", "ma": "mum", "da": "dad",
    "daddy": "dad", "stepdad": "step dad", "stepmum": "step mum", "mi": "my",
    "hse": "house", "skl": "school", "skool": "school", "msg": "message",
    "msgs": "messages", "pic": "picture", "pics": "pictures", "vid": "video",
    "snap": "snapchat", "insta": "instagram", "ig": "instagram", "dm": "message",
    "dms": "messages", "dmd": "messaged", "fone": "phone", "ok": "okay", "k": "okay",
    "ded": "dead", "deded": "dead", "mins": "minutes", "min": "minute",
    "goin": "going", "gettin": "getting", "sayin": "saying", "doin": "doing",
    "tryin": "trying", "makin": "making", "takin": "taking",
    "gunna": "going to", "gonna": "going to", "gona": "going to",
    "wanna": "want to", "wana": "want to", "wanted2": "wanted to",
    "gotta": "got to", "hafta": "have to", "lemme": "let me", "gimme": "give me",
    "ima": "i am going to", "imma": "i am going to", "finna": "going to",
    "aint": "is not", "innit": "is it not", "nah": "no", "naw": "no", "yh": "yes",
    "ye": "yes", "yeah": "yes", "yea": "yes", "yep": "yes", "nope": "no",
    # dropped apostrophes
    "im": "i am", "id": "i would",
    "dont": "do not", "dnt": "do not", "doesnt": "does not", "didnt": "did not",
    "cant": "can not", "cannot": "can not", "carnt": "can not", "cudnt": "could not",
    "couldnt": "could not", "wont": "will not", "wouldnt": "would not",
    "shouldnt": "should not", "isnt": "is not", "wasnt": "was not",
    "arent": "are not", "werent": "were not", "havent": "have not",
    "hasnt": "has not", "hadnt": "had not", "hes": "he is", "shes": "she is",
    "theyre": "they are", "theyve": "they have", "weve": "we have", "its": "it is",
    "thats": "that is", "whats": "what is", "theres": "there is", "lets": "let us",
    "youve": "you have", "youll": "you will", "theyll": "they will",
    "hed": "he would", "shed": "she would", "wouldve": "would have",
    "shouldve": "should have", "couldve": "could have", "mustve": "must have",
    # euphemisms and misspellings seen in safeguarding work
    "kms": "kill myself", "kys": "kill yourself", "unalive": "kill",
    "unalived": "killed", "unaliving": "killing", "unalives": "kills",
    "sucide": "suicide", "suicde": "suicide", "sucidal": "suicidal",
    "suicidle": "suicidal", "suside": "suicide", "sucicide": "suicide",
    "selfharm": "self harm", "selfharming": "self harming", "sh": "self harm",
    "od": "overdose", "oded": "overdosed", "odd": "odd", "dieing": "dying",
    "dyin": "dying", "kil": "kill", "kill": "kill", "myslef": "myself",
    "meself": "myself", "misself": "myself", "mysef": "myself", "myselfe": "myself",
    "hurted": "hurt", "beated": "beat", "hitted": "hit", "punshed": "punched",
    "nudez": "nudes", "noods": "nudes", "n00ds": "nudes", "nood": "nude",
    "blud": "mate", "bruv": "mate", "fam": "mate", "cuzzy": "cousin",
    "rambo": "knife", "shank": "knife", "shanked": "stabbed", "wetted": "stabbed",
    "wet": "wet", "bora": "knife", "nank": "knife", "ching": "knife",
    "strap": "gun", "ting": "thing", "feds": "police", "fedz": "police",
    "5o": "police", "po": "police", "olders": "older ones", "elders": "older ones",
    "plugs": "dealers", "plug": "dealer", "opps": "enemies", "opp": "enemy",
    "grooming": "grooming", "groomin": "grooming", "shud": "should", "wud": "would",
    "cud": "could", "evry": "every", "evryone": "everyone", "nobodys": "nobody is",
    "sumone": "someone", "somone": "someone", "sombody": "somebody",
    "anymore": "any more", "nomore": "no more", "scarred": "scared",
    "scard": "scared", "scaired": "scared", "frightend": "frightened",
    "hungrey": "hungry", "hungy": "hungry", "nite": "night", "tonite": "tonight",
}  # fmt: skip

# Several words to one: matched on the text after single words are expanded.
TEXT_SPEAK_PHRASES = {
    "sewer slide": "suicide",
    "sewer side": "suicide",
    "self delete": "kill myself",
    "self deleting": "killing myself",
    "self end": "kill myself",
    "end it all": "end my life",
    "not be here": "not be here",
    "no one": "nobody",
    "no body": "nobody",
    "any one": "anyone",
    "some one": "someone",
    "self harming": "self harming",
    "cut myself": "cut myself",
    "go country": "going country",
    "gone country": "going country",
    "went country": "going country",
    "pick me up and drop me": "pick me up and drop me",
}

_APOSTROPHES = re.compile(r"['’‘`´]")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_REPEATS = re.compile(r"(.)\1{2,}")


def _squash_repeats(word: str, known: frozenset[str]) -> str:
    """ "sooo" to "so", "killll" to "kill": runs of three or more letters made short.

    A run is tried as two letters and as one; the first that gives a word we
    know wins, else two (which keeps "sooo" readable as "soo").
    """
    if not _REPEATS.search(word):
        return word
    two = _REPEATS.sub(r"\1\1", word)
    one = _REPEATS.sub(r"\1", word)
    for candidate in (two, one):
        if candidate in known or candidate in TEXT_SPEAK:
            return candidate
    # A word with a run both ways known: prefer a shorter form we can map.
    return one if len(one) > 1 else two


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    return frozenset(vocabulary()) | frozenset(TEXT_SPEAK.values())


def tokens(text: str) -> list[str]:
    """The plain words of a text, lower case, text-speak expanded."""
    lowered = _APOSTROPHES.sub("", text.lower())
    known = _known_words()
    words: list[str] = []
    for raw in _NOT_WORD.split(lowered):
        if not raw:
            continue
        word = _squash_repeats(raw, known)
        words.extend(TEXT_SPEAK.get(word, word).split())
    return words


def normalise(text: str) -> str:
    """The text as single-spaced plain words with a space at each end."""
    plain = " " + " ".join(tokens(text)) + " "
    for written, meant in TEXT_SPEAK_PHRASES.items():
        if f" {written} " in plain:
            plain = plain.replace(f" {written} ", f" {meant} ")
    return plain
