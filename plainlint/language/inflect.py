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
#: plus the common light verbs a hidden-verb phrase is built on.
IRREGULAR: dict[str, tuple[str, str]] = {
    "be": ("was", "been"),
    "become": ("became", "become"),
    "begin": ("began", "begun"),
    "bind": ("bound", "bound"),
    "bring": ("brought", "brought"),
    "build": ("built", "built"),
    "buy": ("bought", "bought"),
    "choose": ("chose", "chosen"),
    "come": ("came", "come"),
    "cost": ("cost", "cost"),
    "cut": ("cut", "cut"),
    "deal": ("dealt", "dealt"),
    "do": ("did", "done"),
    "draw": ("drew", "drawn"),
    "fall": ("fell", "fallen"),
    "feel": ("felt", "felt"),
    "find": ("found", "found"),
    "forbid": ("forbade", "forbidden"),
    "forget": ("forgot", "forgotten"),
    "get": ("got", "gotten"),
    "give": ("gave", "given"),
    "go": ("went", "gone"),
    "grow": ("grew", "grown"),
    "have": ("had", "had"),
    "hear": ("heard", "heard"),
    "hold": ("held", "held"),
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
    "overcome": ("overcame", "overcome"),
    "pay": ("paid", "paid"),
    "put": ("put", "put"),
    "quit": ("quit", "quit"),
    "read": ("read", "read"),
    "repay": ("repaid", "repaid"),
    "rid": ("rid", "rid"),
    "rise": ("rose", "risen"),
    "run": ("ran", "run"),
    "say": ("said", "said"),
    "see": ("saw", "seen"),
    "seek": ("sought", "sought"),
    "sell": ("sold", "sold"),
    "send": ("sent", "sent"),
    "set": ("set", "set"),
    "show": ("showed", "shown"),
    "shrink": ("shrank", "shrunk"),
    "speed": ("sped", "sped"),
    "spend": ("spent", "spent"),
    "split": ("split", "split"),
    "spread": ("spread", "spread"),
    "stand": ("stood", "stood"),
    "take": ("took", "taken"),
    "teach": ("taught", "taught"),
    "tell": ("told", "told"),
    "think": ("thought", "thought"),
    "understand": ("understood", "understood"),
    "undertake": ("undertook", "undertaken"),
    "win": ("won", "won"),
    "withdraw": ("withdrew", "withdrawn"),
    "withhold": ("withheld", "withheld"),
    "write": ("wrote", "written"),
}
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


def present_participle(verb: str) -> str:
    """"decide" -> "deciding", "see" -> "seeing", "tie" -> "tying"."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and verb != "be":
        return verb[:-1] + "ing"
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
