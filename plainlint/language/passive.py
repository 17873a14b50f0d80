"""Passive voice: find it in a parsed sentence and say it actively.

Works on a spaCy `Span` (one sentence of a parsed `Doc`) and loads no model.
The parser's own `auxpass`/`nsubjpass` labels are a weak guide on their own:
most of their errors are statives ("we are concerned", "the deed is done")
read as passives, "'s" read as "is" in "he's written", and passives the parser
splits up ("Attached is the form", "what is this bit used for?"). So this
module reads the tags and word order first and uses the parse as support.

What counts: a participle that says something was done to the subject. A
state is not a passive: "I am finished", "we are concerned", "the office is
closed". "You are required to" is one, on purpose: it hides who requires it,
and "you must" is plainer (the EWT treebank's annotators agree).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from plainlint import limits
from plainlint.language.inflect import (
    PARTICIPLE_LIKE_PAST,
    PAST_OF_PARTICIPLE,
    present_participle,
    third_person,
)

if TYPE_CHECKING:  # spaCy is imported only by the language pass that loads it
    from spacy.tokens import Span, Token

BE_PASSIVE = "be-passive"
GET_PASSIVE = "get-passive"
INVERTED = "inverted"
HEADLINE = "headline"
REDUCED = "reduced"
#: Kinds with "be" or "get" and a passive subject: what a treebank marks as a
#: passive (`nsubj:pass`). A reduced passive ("the form attached") has no
#: subject, and a headline has no "be" and is the least certain guess.
CLAUSAL_KINDS = frozenset({BE_PASSIVE, GET_PASSIVE, INVERTED})
#: The longest sentence, in tokens, that gets a draft. A longer one needs
#: splitting first (PL201 says so), and drafting it would cost time and
#: memory in proportion to its length for each of its passives.
DRAFT_TOKENS = limits.DRAFT_TOKENS
#: Who stands in for an actor the sentence does not name. plainlint does not
#: guess one ("we" passed the law): the writer fills it in.
WHO = "[who]"


@dataclass(frozen=True)
class Voice:
    """How the document speaks: as "we" (an organisation about what it does)
    and to "you" (instructing its reader). A draft makes "we" or "you" the
    actor only where the document itself speaks that way."""

    we: bool = False
    you: bool = False

    @classmethod
    def of(cls, texts: Iterable[str], least: int = 3) -> Voice:
        """The voice of a document's texts: a pronoun counts once it is used
        `least` times (one "we" in a quotation does not make a speaker)."""
        we = you = 0
        for text in texts:
            we += len(_WE.findall(text))
            you += len(_YOU.findall(text))
        return cls(we=we >= least, you=you >= least)


@dataclass(frozen=True)
class Passive:
    """One passive verb group. `start`/`end` are character offsets in the
    doc; `verb` is the doc index of the participle. `draft` is the sentence
    in the active voice when one can be built, with [who] where the text
    names nobody; it is a `rewrite` only when the text names the actor.
    `state` marks a passive that names a state with its preposition
    ("is entitled to", "is located in"): a passive to a treebank, but one
    whose active rewrite would invent an actor."""

    start: int
    end: int
    verb: int
    kind: str
    agent: str | None
    draft: str | None
    names_actor: bool = False
    state: bool = False
    #: The words a parse of the draft must link, as (actor, verb, object):
    #: the actor the subject of the verb, the old subject under the verb.
    shape: tuple[str, str, str | None] | None = None
    #: A modal or "to" duty in the verb group ("must be signed", "will be
    #: returned", "needs to be sent"): without an actor the reader cannot
    #: tell who must or will act.
    modal: bool = False
    #: The subject is the reader or theirs ("your claim was denied"): the
    #: reader wants to know who acted.
    to_reader: bool = False

    @property
    def rewrite(self) -> str | None:
        return self.draft if self.names_actor else None

    @property
    def hint(self) -> str:
        """What the writer should do, with the draft when there is one."""
        if self.state:
            return "It names a state, not an act; rewrite it only if who did it matters."
        if self.draft is None:
            return f"Make {self.agent} the subject." if self.agent else "Say who does it."
        if self.agent:
            return f"Start with who does it: '{self.draft}'"
        return f"Say who does it: '{self.draft}'"

    def undrafted(self) -> Passive:
        """The same passive without its draft, for a draft that failed its check."""
        return replace(self, draft=None)


def find_passives(sent: Span, voice: Voice = Voice()) -> list[Passive]:
    """Every passive in `sent`, in order, at most one per participle; drafts
    name "we" or "you" only as far as `voice` allows."""
    found = []
    for token in sent:
        clause = _match(token, sent)
        if clause is not None:
            found.append(_describe(clause, sent, voice))
    return found


# --- word lists ---------------------------------------------------------------

#: Verbs without a passive: "is gone", "has become" are never passives.
_NO_PASSIVE_LEMMAS = frozenset(
    "be have become come go happen arrive die seem appear remain rise fall "
    "exist occur emerge belong".split()
)
#: Objects of "by" that say when or how, not who: "by June 1", "by email".
_NOT_AGENTS = frozenset(
    "time then now end deadline noon midnight today tomorrow tonight date day "
    "week month year morning afternoon evening night hour minute close "
    "january february march april may june july august september october "
    "november december monday tuesday wednesday thursday friday saturday "
    "sunday jan feb mar apr jun jul aug sep sept oct nov dec "
    "mail email e-mail phone telephone fax post hand car bus train plane "
    "far default chance accident mistake error way means contrast comparison reference "
    "virtue law force name weight volume percent design definition nature operation "
    "oath affirmation ballot vote votes yeas nays statute regulation rule contract order".split()
)
#: Participles that, after "be" or "get" and without a "by" agent, describe a
#: state ("we are concerned"), not an action. Learnt from the errors of this
#: detector on the train split of the UD English EWT treebank (words more
#: often adjectival than passive there), plus the feelings and states they
#: stand for, and "closed" by choice: "the office is closed" tells when to
#: come, not who closed it. `benchmarks/passive_eval.py` measures the effect.
_STATIVE = frozenset(
    "amazed annoyed astonished bored bound closed complicated concerned confused crowded delighted "
    "depressed dehydrated devoted discouraged embarrassed excited experienced "
    "frustrated heartbroken impressed inclined interested involved opposed "
    "outdated overcrowded overpriced packed pleased qualified related relieved "
    "satisfied scared shocked stuck surprised talented terrified thrilled tired "
    "unemployed united worried".split()
)
#: More states after "get": "get used to", "get rid of", "got lost".
_STATIVE_AFTER_GET = frozenset("dressed done hung infected lost rid used".split())
#: Participles that say a person is ready or through: "I'm done", "we're all
#: set"; said of a thing ("the work is done") they stay passives.
_READY_STATES = frozenset({"done", "finished", "set"})
_PERSONAL_PRONOUNS = frozenset("i you we he she they".split())
#: Participles the tagger calls adjectives that are still passives.
_EVENTIVE_ADJECTIVES = frozenset({"appreciated", "married"})
#: Adverbs that grade adjectives, not actions: "very concerned", "so excited";
#: and "as", which makes "it was as described" a comparison.
_DEGREE_ADVERBS = frozenset(
    "very so too more most less least extremely slightly quite pretty fairly rather "
    "relatively as".split()
)
#: Participles with the preposition that makes them a state, not an act:
#: "is entitled to benefits", "is based on", "is supposed
#: to" (with the "to" of the verb that follows). Nobody did the
#: entitling; the active rewrite would invent someone who did. The EWT
#: treebank counts them as passives, so they are found, but not rewritten.
_STATE_PHRASES = {
    "accustomed": {"to"},
    "associated": {"with"},
    "based": {"on", "upon", "in"},
    "composed": {"of"},
    "comprised": {"of"},
    "dedicated": {"to"},
    "entitled": {"to"},
    "intended": {"for", "to"},  # "material intended for the public": meant for
    "known": {"as"},  # naming: "known as a cue"
    "loaded": {"with"},
    "made": {"up"},
    "referred": {"as"},  # "referred to as"; "referred to the board" is an act
    "supposed": {"to"},  # "is supposed to do": the "to" of the verb after it
}
#: Words that make a subject negative: moved after the verb they would
#: change what is denied ("No records were found" -> "we found no records").
_NEGATIVE_DETERMINERS = frozenset("no neither none nothing nobody few".split())
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_LETTERS = re.compile(r"[a-z]+")
_WE = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us)\b")
_YOU = re.compile(r"\b[Yy]our?(?:s|self|selves)?\b")
_BE_FORMS = frozenset("be am is are was were been being 's 're 'm ’s ’re ’m".split())
_GET_FORMS = frozenset("get gets got gotten getting".split())
_PRONOUN_OBJECT = {"i": "me", "he": "him", "she": "her", "we": "us", "they": "them"}
_PRONOUN_SUBJECT = {value: key for key, value in _PRONOUN_OBJECT.items()}


# --- detection --------------------------------------------------------------


@dataclass(frozen=True)
class _Clause:
    """What detection found, before it is described: the participle, its
    kind, the auxiliaries, negation and adverbs before it in reading order
    (empty when only the parse links them), the "be"/"get" that makes it
    passive and the head of its agent ("the applicant" in "by the
    applicant")."""

    verb: Token
    kind: str
    group: tuple[Token, ...] = ()
    aux: Token | None = None
    agent: Token | None = None


def _match(token: Token, sent: Span) -> _Clause | None:
    """The passive whose participle is `token`. The specific shapes go first:
    "Attached is the form" would otherwise pass for a fragment."""
    if not _is_participle(token) or _lemma(token) in _NO_PASSIVE_LEMMAS:
        return None
    for shape in (_inverted, _clausal, _headline, _reduced):
        clause = shape(token, sent)
        if clause is not None:
            return clause
    return None


def _is_participle(token: Token) -> bool:
    """The tagger's VBN, or a VBD/JJ spelled like a participle: the tagger
    often calls a passive participle a past tense ("Key suspect arrested") or
    an adjective ("Comments are much appreciated")."""
    word = token.lower_
    if not _WORD.fullmatch(word):
        return False
    if token.tag_ == "VBN" or (token.is_upper and len(word) > 4 and word.endswith("ed")):
        return True  # the tagger reads "WILL BE REWARDED" as nouns (but "IS RED")
    if token.tag_ == "VBD":
        return word.endswith("ed") or word in PARTICIPLE_LIKE_PAST
    if token.tag_ == "JJ":
        return word.endswith("ed") or word in PAST_OF_PARTICIPLE or word in PARTICIPLE_LIKE_PAST
    return False


def _lemma(token: Token) -> str:
    """The lemma, trusting the spelling for "be" and "get": the lemmatizer
    leaves "getting" as "getting" when the parser calls it auxpass."""
    word = token.lower_
    if word in _BE_FORMS:
        return "be"
    if word in _GET_FORMS:
        return "get"
    return token.lemma_.lower()


def _is_aux(token: Token) -> bool:
    return token.tag_ in ("MD", "TO") or (
        token.tag_.startswith("VB") and _lemma(token) in ("be", "have", "get", "do")
    )


def _is_adverb(token: Token) -> bool:
    """Adverbs, negation and what may sit between them and the participle:
    "well-known", "had been \"reversed\""."""
    return token.tag_ in ("RB", "RBR", "RBS", "HYPH", "``", "''") or token.dep_ == "neg"


def _verb_group(verb: Token, sent: Span) -> tuple[Token, ...]:
    """The auxiliaries, negation and adverbs just before `verb`, in reading
    order, from the first auxiliary: "must not be", "has already been"."""
    doc = verb.doc
    index = verb.i - 1
    while index >= sent.start and (_is_aux(doc[index]) or _is_adverb(doc[index])):
        index -= 1
    group = doc[index + 1 : verb.i]
    first_aux = next((token.i for token in group if _is_aux(token)), verb.i)
    return tuple(doc[first_aux : verb.i])  # adverbs before it are not the verb's


def _passive_aux(group: tuple[Token, ...]) -> Token | None:
    """The "be" or "get" nearest the participle, if it is the nearest
    auxiliary: "has been seen" is passive, "has seen" is not."""
    auxiliaries = [token for token in group if _is_aux(token)]
    if auxiliaries and _lemma(auxiliaries[-1]) in ("be", "get"):
        return auxiliaries[-1]
    return None


def _clausal(verb: Token, sent: Span) -> _Clause | None:
    """A be- or get-passive: "was approved", "got fired", "is being built"."""
    if verb.dep_ in ("amod", "compound") and verb.head.i > verb.i:
        return None  # "the attached form", "are proposed drafts"
    group = _verb_group(verb, sent)
    aux = _passive_aux(group)
    if aux is None:
        group = ()
        aux = _parsed_aux(verb) or _question_aux(verb, sent)
    if aux is None or _reads_as_have(aux, verb):
        return None
    agent = _agent(verb)
    if agent is None and _is_stative(verb, aux, group):
        return None
    kind = GET_PASSIVE if _lemma(aux) == "get" else BE_PASSIVE
    return _Clause(verb, kind, group, aux, agent)


def _parsed_aux(verb: Token) -> Token | None:
    """The parser's passive auxiliary when words separate it from the
    participle: "Was the form signed?"."""
    for child in verb.children:
        if child.dep_ == "auxpass" and _lemma(child) in ("be", "get") and child.i < verb.i:
            return child
    return None


def _question_aux(verb: Token, sent: Span) -> Token | None:
    """In "what is this bit used for?" the parser makes "used" modify "bit";
    the "be" before the subject of a question still makes it a passive."""
    noun = verb.head
    be = noun.head
    if verb.dep_ != "acl" or not noun.dep_.startswith("nsubj") or sent[-1].text != "?":
        return None
    if _lemma(be) != "be" or not be.i < noun.i < verb.i:
        return None
    if any(child.dep_ == "expl" for child in be.children):
        return None  # "Is there a form attached?" is about the form, not an act
    return be


def _reads_as_have(aux: Token, verb: Token) -> bool:
    """"'s" is "has" in "he's written a letter" and "it's got a bathroom"."""
    if aux.lower_ not in ("'s", "’s", "s"):
        return False
    return verb.lower_ == "got" or any(child.dep_ == "dobj" for child in verb.children)


def _agent(verb: Token) -> Token | None:
    """The object of the "by" that names who acts ("by the applicant"), but
    not of "by June 1" or "by email"."""
    candidates = [child for child in verb.children if child.lower_ == "by"]
    if verb.dep_ == "acomp":  # "I was blown away by the songs"
        candidates += [child for child in verb.head.children if child.lower_ == "by"]
    for by in candidates:
        for obj in by.children:
            if obj.dep_ == "pobj" and obj.lower_ not in _NOT_AGENTS and obj.tag_ != "CD":
                return obj
            if obj.dep_ == "pcomp" and obj.tag_ != "VBG":  # "by how clean it was"
                return obj
    return None


def _is_stative(verb: Token, aux: Token, group: tuple[Token, ...]) -> bool:
    """A participle that describes a state, not an action done to someone:
    one the tagger calls an adjective, one a degree adverb grades ("very
    concerned"), or one on the stative list."""
    word = verb.lower_
    if word in _STATIVE or (_lemma(aux) == "get" and word in _STATIVE_AFTER_GET):
        return True
    if word in _READY_STATES:
        subject = _subject(verb)
        if subject is not None and subject.lower_ in _PERSONAL_PRONOUNS:
            return True
    if word in _EVENTIVE_ADJECTIVES:
        return False
    return verb.tag_ == "JJ" or (bool(group) and group[-1].lower_ in _DEGREE_ADVERBS)


#: States whatever follows: "where your office is located", "is located
#: downtown" (with no actor; "was located by the crew" is an act).
_WHEREVER_STATES = frozenset({"located", "situated"})
#: Naming verbs with the name after them ("often called A/B testing"): the
#: name is what the sentence gives, and nobody in particular does the naming.
_NAMING = frozenset("called named termed dubbed".split())


def _is_state_phrase(verb: Token) -> bool:
    """"entitled to", "located in", "made up of": see `_STATE_PHRASES`; and
    "called X", see `_NAMING`."""
    if verb.lower_ in _NAMING and any(child.dep_ == "oprd" for child in verb.children):
        return True
    if verb.lower_ in _WHEREVER_STATES:
        return True
    prepositions = _STATE_PHRASES.get(verb.lower_)
    if not prepositions:
        return False
    linked = [child for child in verb.children if child.dep_ in ("prep", "prt")]
    linked += [aux for child in verb.children if child.dep_ == "xcomp" for aux in child.children if aux.dep_ == "aux"]
    return any(word.lower_ in prepositions for word in linked)


def _inverted(verb: Token, sent: Span) -> _Clause | None:
    """"Attached is the form", "Enclosed are two copies": a participle first,
    then "be", then the subject."""
    index = verb.i + 1
    doc = verb.doc
    if index < sent.end and doc[index].dep_ == "prep":  # "Attached for your review are"
        index = doc[index].right_edge.i + 1
    if index >= sent.end or _lemma(doc[index]) != "be" or index + 1 >= sent.end:
        return None
    before = verb.i - 1
    while before >= sent.start and doc[before].tag_ in ("RB", "UH"):  # "Also attached"
        before -= 1
    if before >= sent.start and doc[before].tag_ not in (",", ":"):
        return None  # "Attached is", "Parties, attached is"; not "well-organized is"
    return _Clause(verb, INVERTED, (), doc[index])


def _headline(verb: Token, sent: Span) -> _Clause | None:
    """"Key suspect arrested": a participle as the root of a sentence with
    a noun subject, no auxiliary and no other finite verb. The tagger often
    calls it a past tense, so it takes a headline's look as well (no article
    before the subject, no full stop) to tell it from "Police arrested him"."""
    if verb.dep_ != "ROOT" or any(child.dep_.startswith("aux") for child in verb.children):
        return None
    if any(_is_finite(token) and token != verb and token not in verb.conjuncts for token in sent):
        return None  # "Atahualpa imprisoned & learns chess" is still one
    if any(child.dep_ in ("dobj", "ccomp") for child in verb.children):
        return None  # "Amount Lay made", "Testing showed that ..."
    subject = _subject(verb)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(child.dep_ == "det" for child in subject.children) or sent[-1].text in ".!?\"":
        return None
    return _Clause(verb, HEADLINE, (), None, _agent(verb))


def _is_finite(token: Token) -> bool:
    return token.tag_ in ("VBZ", "VBP", "VBD", "MD")


def _reduced(verb: Token, sent: Span) -> _Clause | None:
    """"the form attached to this letter": a participle after its noun."""
    if verb.dep_ == "acl" and verb.head.i < verb.i and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return _Clause(verb, REDUCED, (), None, _agent(verb))
    return None


def _subject(verb: Token) -> Token | None:
    """The passive subject: the participle's own, or that of the "be" the
    parser hung the participle on ("The office is closed" as be + acomp)."""
    heads = [verb] + ([verb.head] if verb.dep_ == "acomp" else [])
    for head in heads:
        for child in head.children:
            if child.dep_ in ("nsubjpass", "nsubj", "csubjpass", "expl") and child.i < verb.i:
                return child
    return None


# --- description and rewriting ------------------------------------------------


def _describe(clause: _Clause, sent: Span, voice: Voice) -> Passive:
    """The finding for `clause`: its span, its agent, and a draft in the
    active voice, which is a `rewrite` only when the text names the actor.
    A draft that drops or doubles a word is not offered at all."""
    verb, agent = clause.verb, clause.agent
    auxiliaries = [token for token in clause.group if _is_aux(token)]
    first = auxiliaries[0] if auxiliaries else verb
    if clause.aux is not None and clause.aux.i < first.i:  # "Was the form signed"
        first = clause.aux
    last = verb
    if agent is not None and _phrase(agent)[-1].i > verb.i:  # not "by which it was sent"
        last = _phrase(agent)[-1]
    if clause.kind == INVERTED:
        first, last = verb, clause.aux
    state = agent is None and _is_state_phrase(verb)
    drafted = not state and len(sent) <= DRAFT_TOKENS and not _unsafe_to_draft(clause, sent)
    draft = _DRAFTS[clause.kind](clause, sent, voice) if drafted else None
    if draft is not None:
        draft = " ".join(draft.split())  # one line, however the source wrapped
        if not _keeps_the_words(draft, clause, sent):
            draft = None
    agent_text = _text(_phrase(agent)) if agent is not None else None
    names_actor = bool(agent_text) and clause.kind != REDUCED and _names_someone(agent)
    shape = _shape(clause, voice) if draft is not None else None
    subject = _subject(verb)
    to_reader = subject is not None and bool(_subject_words(subject) & {"you", "your"})
    return Passive(first.idx, last.idx + len(last.text), verb.i, clause.kind, agent_text, draft, names_actor, state,
                   shape, _has_modal(clause.group), to_reader)


#: Verbs that make "to be done" a duty: "needs to be signed", "has to be
#: sent", "is to be returned", "ought to be".
_DUTY_BEFORE_TO = frozenset({"need", "have", "be", "ought"})


def _has_modal(group: tuple[Token, ...]) -> bool:
    if any(token.tag_ == "MD" for token in group):
        return True
    if group and group[0].tag_ == "TO" and group[0].i > 0:
        return _lemma(group[0].doc[group[0].i - 1]) in _DUTY_BEFORE_TO
    return False


def _shape(clause: _Clause, voice: Voice) -> tuple[str, str, str | None] | None:
    """What the draft of a clausal passive says, for checking its parse:
    the actor's head word ("someone" for [who]), the active verb and the old
    subject's head word as an object (None where it goes away: "it is said")."""
    subject = _subject(clause.verb)
    if clause.kind not in (BE_PASSIVE, GET_PASSIVE, HEADLINE) or subject is None:
        return None
    actor, person = _actor(clause, subject, voice)
    verb_words = _active_verb(clause, person)
    if verb_words is None:
        return None
    actor_head = clause.agent.lower_ if clause.agent is not None and clause.agent.tag_ != "PRP" else actor.lower()
    thing = _object(subject, subject.sent)
    thing_head = _PRONOUN_OBJECT.get(subject.lower_, subject.lower_) if thing else None
    return (WHO if actor == WHO else actor_head, verb_words[-1].lower(), thing_head)


def _unsafe_to_draft(clause: _Clause, sent: Span) -> bool:
    """Sentences a mechanical rewrite gets wrong: questions, a subject whose
    "no" would move after the verb, and verbs that share the subject ("may
    be cancelled or denied", "was prepared by me and is based on"), which
    would be half converted."""
    verb = clause.verb
    if sent.text.rstrip().rstrip("\"'”’)").endswith("?"):
        return True
    last = sent[-1]
    if last.pos_ in ("ADP", "DET", "CCONJ") and not any(last.children):
        return True  # "... prompted by the potential for": the text was cut off mid-sentence
    if any(child.dep_ == "conj" and child.tag_.startswith("VB") and not _has_subject(child) for child in verb.children):
        return True
    subject = _subject(verb)
    if subject is None:
        return False
    if not _balanced(_text(subject.subtree)) or _continues_a_name(subject, sent):
        return True  # the parse cut a bracket, a quotation or a name in two
    if any(token.lower_ in _NEGATIVE_DETERMINERS for token in subject.subtree):
        return True
    # "If any Bill shall not be returned" is about each bill; "if the President
    # shall not return any Bill" about all of them: the negation's scope moves.
    negated = any(child.dep_ == "neg" for child in verb.children)
    return negated and any(child.lower_ in _QUANTIFIERS for child in subject.children)


_NAME_PARTS = frozenset({"PROPN", "NOUN", "NUM", "DET", "ADJ"})


def _continues_a_name(subject: Token, sent: Span) -> bool:
    """'Article II, Section 1 of the Constitution was modified': names and a
    comma right before the subject are part of it, which the parser left
    out. A phrase that opens with a preposition or an adverb ("In 2020,") is
    not."""
    start = subject.left_edge.i
    if start - 1 <= sent.start or sent.doc[start - 1].text != ",":
        return False
    before = []
    for token in reversed(sent.doc[sent.start : start - 1]):
        if token.text in (":", "(", ";", "—"):
            break
        before.append(token)
    return bool(before) and all(token.pos_ in _NAME_PARTS for token in before)


_QUANTIFIERS = frozenset({"any", "every", "each", "all", "some", "many", "most", "few", "several"})


def _names_someone(agent: Token) -> bool:
    """An agent a rewrite can make its subject: a noun or pronoun phrase
    whose brackets and quotation marks close within it ("by the Internal
    Revenue Service (IRS)", not "by the Internal Revenue Service (IRS" that
    the parser cut off)."""
    if agent.pos_ not in ("NOUN", "PROPN", "PRON") or not _balanced(_text(_phrase(agent))):
        return False
    # A bare singular noun says how, not who: "by amendment", "by hand".
    return agent.tag_ != "NN" or any(child.dep_ in ("det", "poss", "amod", "compound") for child in agent.children)


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0 and text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def _has_subject(verb: Token) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass", "csubjpass", "expl") for child in verb.children)


_STRAY_PUNCTUATION = re.compile(r",\s*,|\s,|\(\s*\)")


def _keeps_the_words(draft: str, clause: _Clause, sent: Span) -> bool:
    """The draft says everything the sentence said: each of its words but the
    verb group's and the passive's ("be", "by", pronouns that change case) is
    still there, and no word is doubled that was not doubled before. A
    reduced passive's draft is a phrase, so only doubles count there."""
    words = _LETTERS.findall(draft.lower())
    written = _LETTERS.findall(sent.text.lower())
    if _doubles(words) - _doubles(written):
        return False
    particles = Counter(child.lower_ for child in clause.verb.children if child.dep_ == "prt")
    if any(words.count(word) > written.count(word) for word in particles):
        return False  # "leave out this paragraph out": the particle moved and stayed
    if len(_STRAY_PUNCTUATION.findall(draft)) > len(_STRAY_PUNCTUATION.findall(sent.text)):
        return False  # ",," or " ," left where a phrase was moved
    end = sent.text.rstrip()[-1:]
    if clause.kind != REDUCED and not end.isalnum() and draft.rstrip()[-1:] != end:
        return False  # the sentence's closing mark went missing
    if clause.kind == REDUCED:
        return True
    dropped = {clause.verb.i} | {token.i for token in clause.group}  # the verb group is rebuilt
    if clause.aux is not None:
        dropped.add(clause.aux.i)
    if clause.agent is not None:
        dropped.add(clause.agent.head.i)
    kept = Counter(
        word for token in sent if token.i not in dropped and token.tag_ != "PRP" for word in _LETTERS.findall(token.lower_)
    )
    return not kept - Counter(words)


def _doubles(words: list[str]) -> set[str]:
    return {a for a, b in zip(words, words[1:], strict=False) if a == b}


def _draft_clause(clause: _Clause, sent: Span, voice: Voice) -> str | None:
    """The sentence with the passive clause turned round: the actor first,
    the verb in the same tense, the passive subject as its object."""
    verb, agent = clause.verb, clause.agent
    subject = _subject(verb)
    if subject is None or not (clause.group or clause.kind == HEADLINE):
        return None  # a question or an interrupted clause: leave it to the writer
    first = clause.group[0] if clause.group else verb
    if subject.right_edge.i >= first.i:
        return None
    actor, person = _actor(clause, subject, voice)
    verb_words = _active_verb(clause, person)
    if verb_words is None:
        return None
    start = subject.left_edge.i
    end = max(verb.i, _phrase(agent)[-1].i) if agent is not None else verb.i
    used = {token.i for token in subject.subtree} | {token.i for token in clause.group}
    used.add(verb.i)
    if agent is not None:
        used |= {token.i for token in _phrase(agent)} | {agent.head.i}
    particles = [child for child in verb.children if child.dep_ == "prt"]
    used |= {token.i for token in particles}
    rest = _text(token for token in sent.doc[start : end + 1] if token.i not in used)
    particle = " ".join(token.lower_ for token in particles)
    if subject.tag_ in ("WDT", "WP"):  # "the form that we signed"
        words = [subject.text, actor, *verb_words, particle, rest]
    elif subject.tag_ == "PRP":  # "pulled him over"
        words = [actor, *verb_words, _object(subject, sent), particle, rest]
    else:  # "carried out the search"
        words = [actor, *verb_words, particle, _object(subject, sent), rest]
    return _splice(sent, start, end, " ".join(word for word in words if word))


def _draft_inverted(clause: _Clause, sent: Span, voice: Voice) -> str:
    """"Attached is the form." -> "We have attached the form." ("I" for "my
    resume"; [who] in a document that does not speak as "we")."""
    verb, be = clause.verb, clause.aux
    doc = sent.doc
    tail = sent[-1] if sent[-1].is_punct else None
    end = tail.i if tail is not None else sent.end
    thing = doc[be.i + 1 : end]
    between = _text(doc[verb.i + 1 : be.i])
    if any(token.lower_ == "my" for token in thing):
        actor, have = "I", "have"
    elif voice.we:
        actor, have = "we", "have"
    else:
        actor, have = WHO, "has"
    tense = [verb.lower_] if be.tag_ == "VBD" else [have, verb.lower_]
    words = " ".join(word for word in [actor, *tense, _text(thing), between] if word)
    return _splice(sent, verb.i, end - 1, words)


def _draft_reduced(clause: _Clause, sent: Span, voice: Voice) -> str:
    """"the form attached to this letter" -> "the form that [who] attached to
    this letter"; only a hint, as a reduced passive does not show its tense."""
    verb, agent = clause.verb, clause.agent
    noun = verb.head
    actor = _subject_case(agent) if agent is not None else WHO
    skip = {token.i for token in _phrase(agent)} | {agent.head.i} if agent is not None else set()
    after = _text(token for token in verb.subtree if token.i > verb.i and token.i not in skip)
    noun_phrase = _lowercase_start(_text(sent.doc[noun.left_edge.i : noun.i + 1]), noun.left_edge, sent)
    words = [noun_phrase, "that", actor, _past(verb), after]
    return " ".join(word for word in words if word)


_DRAFTS = {
    BE_PASSIVE: _draft_clause,
    GET_PASSIVE: _draft_clause,
    HEADLINE: _draft_clause,
    INVERTED: _draft_inverted,
    REDUCED: _draft_reduced,
}


def _actor(clause: _Clause, subject: Token, voice: Voice) -> tuple[str, str]:
    """Who acts, as a subject, and its person ("1sg", "3sg" or "pl"): the
    agent when the sentence names one. Otherwise "we" only in a document that
    speaks as "we", for what is done to the reader ("your claim was denied");
    "you" only in a document that speaks to its reader, for what it says must
    be done; else the placeholder [who], for the writer to fill in."""
    if clause.agent is not None:
        return _subject_case(clause.agent), _person(clause.agent)
    words = _subject_words(subject)
    if clause.kind != HEADLINE:
        if voice.we and words & {"you", "your"}:
            return "we", "pl"
        instructs = any(token.lower_ in ("must", "should", "shall") for token in clause.group)
        if voice.you and instructs and not words & {"we", "us", "our", "i", "me", "my", "you", "your"}:
            return "you", "pl"
    return WHO, "3sg"


def _subject_words(subject: Token) -> set[str]:
    """The subject's head and possessor, lower case: {"claim", "your"}."""
    return {subject.lower_} | {child.lower_ for child in subject.children if child.dep_ == "poss"}


def _person(head: Token) -> str:
    word = head.lower_
    if word in ("i", "me"):
        return "1sg"
    if word in ("you", "we", "us", "they", "them") or head.tag_ in ("NNS", "NNPS"):
        return "pl"
    if any(child.dep_ == "conj" for child in head.children):
        return "pl"
    return "3sg"


def _subject_case(head: Token) -> str:
    """The agent phrase as a subject: "by them" -> "they"; "by a clerk, who
    knows the rules" gets the comma that now closes its relative clause."""
    if head.tag_ == "PRP":
        pronoun = _PRONOUN_SUBJECT.get(head.lower_, head.lower_)
        return "I" if pronoun == "i" else pronoun
    phrase = _phrase(head)
    doc = head.doc
    aside = any(
        token.dep_ == "relcl" and token.left_edge.i > 0 and doc[token.left_edge.i - 1].text == ","
        for token in phrase
    )
    return _text(phrase) + ("," if aside else "")


def _object(subject: Token, sent: Span) -> str:
    """The passive subject as an object: "he" -> "him", "The form" -> "the
    form" when it no longer starts the sentence; "it" in "it is said that"
    goes away."""
    if subject.dep_ == "expl" or (
        subject.lower_ == "it" and any(child.dep_ == "ccomp" for child in subject.head.children)
    ):
        return ""
    if subject.tag_ == "PRP":
        return _PRONOUN_OBJECT.get(subject.lower_, subject.lower_)
    return _lowercase_start(_text(subject.subtree), subject.left_edge, sent)


def _lowercase_start(text: str, first: Token, sent: Span) -> str:
    """`text` without the capital it had only for starting the sentence
    (after a list marker too: "* Language in brackets")."""
    opens = all(token.is_punct for token in sent.doc[sent.start : first.i])
    article = first.tag_ in ("DT", "PRP$") and first.text[:1].isupper() and not first.text[1:].isupper()
    if (opens or article) and first.pos_ != "PROPN" and first.text != "I":
        return text[:1].lower() + text[1:]
    return text


def _active_verb(clause: _Clause, person: str) -> list[str] | None:
    """The active verb group in the passive's tense, aspect and mood:
    "must be submitted" -> "must submit", "has been approved" -> "has
    approved", "was reviewed" -> "reviewed", "is not reviewed" -> "does not
    review", "is being built" -> "is building". None when the passive has no
    finite verb to follow ("to be reviewed") or the lemma is unknown."""
    verb, group = clause.verb, clause.group
    base = _base(verb)
    auxiliaries = [token for token in group if _is_aux(token)]
    if base is None or any(token.tag_ in ("TO", "HYPH", "``", "''") for token in group):
        return None
    modal = next((token for token in auxiliaries if token.tag_ == "MD"), None)
    have = next((token for token in auxiliaries if _lemma(token) == "have"), None)
    progressive = any(token.lower_ == "being" for token in auxiliaries)
    negation = next((token.lower_ for token in group if token.lower_ in ("not", "n't")), None)
    if modal is not None:
        tail = ["have", verb.lower_] if have else (["be", present_participle(base, verb.lower_)] if progressive else [base])
        words = [modal.text, *tail]
    elif have is not None:
        had = have.tag_ == "VBD" or have.lower_ in ("had", "'d")
        form = "had" if had else ("has" if person == "3sg" else "have")
        words = [form, *(["been", present_participle(base, verb.lower_)] if progressive else [verb.lower_])]
    elif progressive:
        words = [_be(auxiliaries[0].tag_ == "VBD", person), present_participle(base, verb.lower_)]
    else:
        aux = clause.aux
        past = aux is None or aux.tag_ == "VBD"
        if aux is not None and aux.tag_ not in ("VBD", "VBZ", "VBP"):
            return None  # "Be advised", "getting paid": no tense to keep
        if negation:
            words = ["did" if past else ("does" if person == "3sg" else "do"), base]
        else:
            words = [_past(verb) if past else (third_person(base) if person == "3sg" else base)]
    adverbs = [token.text for token in group if not _is_aux(token) and token.lower_ not in ("not", "n't")]
    words[-1:-1] = adverbs
    if negation == "n't" and words[0] != "am":
        words[0] += "n't"
    elif negation:
        words.insert(1, "not")
    return words


def _base(verb: Token) -> str | None:
    """The lemma, unless the lemmatizer left an adjective-tagged participle
    as it was ("appreciated"), which would conjugate into nonsense."""
    lemma = verb.lemma_.lower()
    if lemma == verb.lower_ and verb.lower_ not in PARTICIPLE_LIKE_PAST:
        return None
    return lemma


def _past(verb: Token) -> str:
    word = verb.lower_
    return PAST_OF_PARTICIPLE.get(word, word)


def _be(past: bool, person: str) -> str:
    if past:
        return "were" if person == "pl" else "was"
    return {"1sg": "am", "3sg": "is", "pl": "are"}[person]


def _splice(sent: Span, start: int, end: int, words: str) -> str:
    """`sent` with its tokens `start`..`end` replaced by `words`, which are
    capitalised when they now begin the sentence."""
    doc = sent.doc
    before = doc.text[sent.start_char : doc[start].idx]
    after = doc.text[doc[end].idx + len(doc[end].text) : sent.end_char]
    if not any(char.isalnum() for char in before):  # nothing but a list marker before it
        words = words[:1].upper() + words[1:]
    return before + words + after


def _phrase(head: Token) -> list[Token]:
    """The words of `head`'s phrase, without a dangling "and" or comma the
    parser left at its end ("by the applicant and | the fee was paid")."""
    tokens = list(head.subtree)
    while len(tokens) > 1 and tokens[-1].dep_ in ("cc", "punct"):
        tokens.pop()
    return tokens


def _text(tokens) -> str:
    """The text of a run of tokens as written, without outer whitespace."""
    return "".join(token.text_with_ws for token in tokens).strip()
