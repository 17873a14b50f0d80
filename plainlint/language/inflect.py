"""English verb inflection, small and predictable, for rewrites that keep the
writer's tense: "made a decision" becomes "decided", "makes decisions"
becomes "decides".

A suggestion in the wrong form is worse than none, so this module knows the
spelling rules (consonant doubling, -e, -y, -ic) and lists the irregular
verbs a plain rewrite is likely to need, rather than guessing from a corpus.
It covers American spelling ("traveled", "canceled"). Only the first word of
a phrasal verb changes: "apply to" becomes "applies to".
"""

from __future__ import annotations

import re

#: Penn Treebank verb tags (spaCy's `token.tag_`) and the form each asks for.
BASE, THIRD_PERSON, PAST, PAST_PARTICIPLE, PRESENT_PARTICIPLE = "VB", "VBZ", "VBD", "VBN", "VBG"

#: base: (past, past participle). Verbs a plain rewrite is likely to produce,
#: the common light verbs a hidden-verb phrase is built on, and the verbs
#: whose participles passive analysis must recognise.
IRREGULAR: dict[str, tuple[str, str]] = {
    "arise": ("arose", "arisen"),
    "awake": ("awoke", "awoken"),
    "be": ("was", "been"),
    "bear": ("bore", "borne"),
    "beat": ("beat", "beaten"),
    "become": ("became", "become"),
    "begin": ("began", "begun"),
    "bind": ("bound", "bound"),
    "bite": ("bit", "bitten"),
    "blow": ("blew", "blown"),
    "break": ("broke", "broken"),
    "bring": ("brought", "brought"),
    "build": ("built", "built"),
    "buy": ("bought", "bought"),
    "catch": ("caught", "caught"),
    "choose": ("chose", "chosen"),
    "come": ("came", "come"),
    "cost": ("cost", "cost"),
    "cut": ("cut", "cut"),
    "deal": ("dealt", "dealt"),
    "do": ("did", "done"),
    "draw": ("drew", "drawn"),
    "drive": ("drove", "driven"),
    "eat": ("ate", "eaten"),
    "fall": ("fell", "fallen"),
    "feed": ("fed", "fed"),
    "feel": ("felt", "felt"),
    "fight": ("fought", "fought"),
    "find": ("found", "found"),
    "fly": ("flew", "flown"),
    "forbid": ("forbade", "forbidden"),
    "forget": ("forgot", "forgotten"),
    "forgive": ("forgave", "forgiven"),
    "freeze": ("froze", "frozen"),
    "get": ("got", "gotten"),
    "give": ("gave", "given"),
    "go": ("went", "gone"),
    "grow": ("grew", "grown"),
    "hang": ("hung", "hung"),
    "have": ("had", "had"),
    "hear": ("heard", "heard"),
    "hide": ("hid", "hidden"),
    "hit": ("hit", "hit"),
    "hold": ("held", "held"),
    "hurt": ("hurt", "hurt"),
    "keep": ("kept", "kept"),
    "know": ("knew", "known"),
    "lay": ("laid", "laid"),
    "lead": ("led", "led"),
    "leave": ("left", "left"),
    "lend": ("lent", "lent"),
    "let": ("let", "let"),
    "lose": ("lost", "lost"),
    "make": ("made", "made"),
    "mean": ("meant", "meant"),
    "meet": ("met", "met"),
    "mistake": ("mistook", "mistaken"),
    "overcome": ("overcame", "overcome"),
    "oversee": ("oversaw", "overseen"),
    "overtake": ("overtook", "overtaken"),
    "pay": ("paid", "paid"),
    "prove": ("proved", "proven"),
    "put": ("put", "put"),
    "quit": ("quit", "quit"),
    "read": ("read", "read"),
    "repay": ("repaid", "repaid"),
    "rewrite": ("rewrote", "rewritten"),
    "rid": ("rid", "rid"),
    "ride": ("rode", "ridden"),
    "rise": ("rose", "risen"),
    "run": ("ran", "run"),
    "say": ("said", "said"),
    "see": ("saw", "seen"),
    "seek": ("sought", "sought"),
    "sell": ("sold", "sold"),
    "send": ("sent", "sent"),
    "set": ("set", "set"),
    "shake": ("shook", "shaken"),
    "shoot": ("shot", "shot"),
    "show": ("showed", "shown"),
    "shrink": ("shrank", "shrunk"),
    "shut": ("shut", "shut"),
    "speak": ("spoke", "spoken"),
    "speed": ("sped", "sped"),
    "spend": ("spent", "spent"),
    "split": ("split", "split"),
    "spread": ("spread", "spread"),
    "stand": ("stood", "stood"),
    "steal": ("stole", "stolen"),
    "stick": ("stuck", "stuck"),
    "strike": ("struck", "struck"),
    "swear": ("swore", "sworn"),
    "take": ("took", "taken"),
    "teach": ("taught", "taught"),
    "tear": ("tore", "torn"),
    "tell": ("told", "told"),
    "think": ("thought", "thought"),
    "throw": ("threw", "thrown"),
    "understand": ("understood", "understood"),
    "undertake": ("undertook", "undertaken"),
    "uphold": ("upheld", "upheld"),
    "wake": ("woke", "woken"),
    "wear": ("wore", "worn"),
    "win": ("won", "won"),
    "withdraw": ("withdrew", "withdrawn"),
    "withhold": ("withheld", "withheld"),
    "write": ("wrote", "written"),
}
#: Irregular participles spelled unlike their past tense ("given": "gave"),
#: and those spelled like it ("told"): passive analysis uses them to tell a
#: participle the tagger called an adjective, and to put it in the past tense.
PAST_OF_PARTICIPLE = {participle: past for past, participle in IRREGULAR.values() if past != participle}
PARTICIPLE_LIKE_PAST = frozenset(participle for past, participle in IRREGULAR.values() if past == participle)

_IRREGULAR_THIRD = {"be": "is", "have": "has", "do": "does", "go": "goes"}

#: Verbs of two or more syllables stressed on the last one, which double
#: their final consonant ("refer" -> "referred"); unstressed ones do not
#: ("visit" -> "visited", "travel" -> "traveled").
_STRESSED_FINAL = frozenset({
    "acquit", "admit", "allot", "begin", "commit", "compel", "confer", "control", "defer",
    "deter", "emit", "equip", "excel", "expel", "forbid", "forget", "incur", "infer", "occur", "omit",
    "patrol", "permit", "prefer", "propel", "rebut", "recur", "refer", "regret",
    "remit", "repel", "submit", "transfer", "transmit",
})
_VOWELS = "aeiou"


def inflect(verb: str, tag: str) -> str:
    """`verb` (a base form, perhaps a phrase) in the form of a Penn tag;
    VB, VBP and any unknown tag give the base form."""
    head, space, rest = verb.partition(" ")
    forms = {
        THIRD_PERSON: third_person,
        PAST: past,
        PAST_PARTICIPLE: past_participle,
        PRESENT_PARTICIPLE: present_participle,
    }
    form = forms.get(tag)
    return (form(head) if form else head) + space + rest


def third_person(verb: str) -> str:
    """"decide" -> "decides", "apply" -> "applies", "assess" -> "assesses"."""
    if verb in _IRREGULAR_THIRD:
        return _IRREGULAR_THIRD[verb]
    if verb.endswith(("s", "x", "z", "ch", "sh")) or re.search(f"[^{_VOWELS}]o$", verb):
        return verb + "es"
    if re.search(f"[^{_VOWELS}]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


def past(verb: str) -> str:
    """"decide" -> "decided", "stop" -> "stopped", "apply" -> "applied"."""
    if verb in IRREGULAR:
        return IRREGULAR[verb][0]
    return _regular_ed(verb)


def past_participle(verb: str) -> str:
    """"decide" -> "decided", "give" -> "given"."""
    if verb in IRREGULAR:
        return IRREGULAR[verb][1]
    return _regular_ed(verb)


def present_participle(verb: str, participle: str | None = None) -> str:
    """"decide" -> "deciding", "see" -> "seeing", "tie" -> "tying". The
    writer's own "-ed" participle, when given, decides whether the final
    consonant doubles ("cancelled" -> "cancelling", "canceled" -> "canceling")."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and verb != "be":
        return verb[:-1] + "ing"
    if participle and participle.endswith("ed") and not verb.endswith("ic"):
        doubled = participle == f"{verb}{verb[-1]}ed"
        return f"{verb}{verb[-1] if doubled else ''}ing"
    return _stem_for_suffix(verb) + "ing"


def _regular_ed(verb: str) -> str:
    if verb.endswith("e"):
        return verb + "d"
    if re.search(f"[^{_VOWELS}]y$", verb):
        return verb[:-1] + "ied"
    return _stem_for_suffix(verb) + "ed"


def _stem_for_suffix(verb: str) -> str:
    """The verb ready for -ed or -ing: "stop" -> "stopp", "panic" -> "panick"."""
    if verb.endswith("ic"):
        return verb + "k"
    if _doubles(verb):
        return verb + verb[-1]
    return verb


def _doubles(verb: str) -> bool:
    """A final consonant doubles after a single vowel in a stressed final
    syllable: every one-syllable verb ("plan", "quit" aside, which is
    irregular) and the listed longer ones."""
    if not re.search(f"[^{_VOWELS}][{_VOWELS}][^{_VOWELS}wxy]$", verb):
        return False
    syllables = len(re.findall(f"[{_VOWELS}y]+", verb))
    return syllables == 1 or verb in _STRESSED_FINAL


def word_forms(word: str) -> tuple[str, ...]:
    """A word and the forms it takes as a verb or a plural noun: "maintain",
    "maintains", "maintained", "maintaining" (plural and third person agree)."""
    return (word, third_person(word), past(word), past_participle(word), present_participle(word))
