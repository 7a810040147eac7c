"""One interview answer read for what it says: does it address its question, how specific is it,
does it reason, and is it a keyword list or generic talk.

Every measure is a plain, explainable signal, deterministic and linear in the answer's length:
- addressed (0-1): the question's expected points covered, by word stems or by a shared group of
  `knowledge/answer_concepts.json` (so "deduplicated the rows" covers "data cleaning"), or, for
  points that name a part of a story ("how it was traced", "the correction", "who was told"), by
  telling that part in any words; without expected points, the question's own topic words and
  groups found in the answer, and the parts of a story the question's wording asks for;
- specifics: kinds of concrete detail found (a number, a named system, the candidate's own action,
  an outcome, a trade-off);
- reasoning: kinds of reasoning found (a cause, a diagnosis, alternatives weighed, an order of
  steps);
- generic share: sentences that only state beliefs or habits ("I always put the customer first")
  or generalise in the present tense ("every warehouse has risks", "I am a calm person");
- keyword list: an answer made of comma-separated names with no action or outcome, in any case.

The story's shape is read by grammar that holds in any trade: the candidate's own actions in
the first person and the past tense, a quantity (digits, or a magnitude or span of time in
words), the last sentence after an own action as what came of it, a cause given ("because"),
options weighed by what each would bring. With a plan, a whole story of what the question's
wording asks for answers it even when its points use other words.

The semantic model (WordLlama, `semantic.py`) reads single words only: a question's or job's
word said in another form or a close synonym ("the vet" for veterinary) links a story to them.
Its similarity of whole answers, or of their words, to a question or its points was measured
on the graded transcripts and rated thin and evasive answers as close as strong ones (evasive
answers echo the question), so it does not measure how far an answer addresses its question.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from collections.abc import Sequence
from dataclasses import dataclass

from hireops.knowledge.answer_concepts import CONCEPT_TERMS
from hireops.services.ai.local.semantic import NEAR_WORD, closest_word_similarity
from hireops.services.text.answer_language import Lexicon, lexicon
from hireops.services.text.skills import SKILLS, skills_in_text, split_sentences

# --- concepts ----------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_][\w+#.]*")
_NOT_WORD = re.compile(r"[^\w+#]+")


def _fold(text: str) -> str:
    return text.casefold().replace("’", "'")


_PHRASES = tuple((f" {_NOT_WORD.sub(' ', phrase.casefold()).strip()}", groups)
                 for phrase, groups in CONCEPT_TERMS.phrases.items())


# Endings a word may add to a term when only whole words count ("cleaning" for "clean"), so a
# name such as "Tableau" is not read as "table".
_WORD_ENDINGS = ("", "s", "es", "ed", "ing", "ion", "ions", "ation", "ations", "er", "ers", "y",
                 "ies", "al")


# No term is longer than this, so longer prefixes of a word need no lookup: without the bound
# one 100,000-letter "word" cost a lookup of every prefix (quadratic).
_LONGEST_PREFIX = max(map(len, CONCEPT_TERMS.prefixes), default=0)


@lru_cache(maxsize=8192)
def concept_groups(text: str, *, whole_words: bool = False,
                   language: str = "en") -> frozenset[str]:
    """The concept groups whose terms appear in `text`. With `whole_words`, a term matches only
    a word that is the term plus a common ending (for short texts such as a skill's name).
    In another language its own terms count too; the English ones stay, since names of tools
    and methods are often said in English whatever the language."""
    folded = _fold(text)
    found: set[str] = set()
    if language != "en":
        found.update(group for group, pattern in lexicon(language).concepts
                     if pattern.search(folded))
    for token in _TOKEN.findall(folded):
        token = token.rstrip(".")
        found.update(CONCEPT_TERMS.exact.get(token, ()))
        for end in range(3, min(len(token), _LONGEST_PREFIX) + 1):
            if whole_words and token[end:] not in _WORD_ENDINGS:
                continue
            found.update(CONCEPT_TERMS.prefixes.get(token[:end], ()))
    spaced = f" {_NOT_WORD.sub(' ', folded)} "
    for phrase, groups in _PHRASES:
        # The phrase's last word may go on ("prepared answer" in "prepared answers").
        if phrase in spaced:
            found.update(groups)
    found.update(CONCEPT_TERMS.parents[g] for g in list(found) if g in CONCEPT_TERMS.parents)
    return frozenset(found)


def point_groups(point: str) -> frozenset[str]:
    """A point's groups, narrowest only: "the query plan" asks for the query plan, not for
    anything about the database."""
    groups = concept_groups(point)
    implied = {CONCEPT_TERMS.parents[g] for g in groups if g in CONCEPT_TERMS.parents}
    return groups - implied


# --- word stems --------------------------------------------------------------------------

_STOPWORDS = frozenset("""a an and or the of in on at to for from by with about as into over
    your you yours their they them its it this that these those any one own how what why when
    which who whom is are was were be been being do does did has have had can could would should
    than then so such very more most less i me my we our us he she his her there here if not no
    just also some all out up got get during""".split())
# Words every interview question uses; sharing them says nothing about the topic.
_QUESTION_WORDS = frozenset("""tell describe walk through example time times situation give
    built build system systems project projects hard difficult challenge challenging
    share talk experience approach handle handled did do done would could recent recently last
    worked work working role job something thing things way ways person people about kind
    one specific particular happened went what how why when where which made make""".split())
_SUFFIXES = ("ational", "ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers",
             "er", "ed", "es", "ly", "s")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_stems(text: str, *, drop: frozenset[str] = frozenset(),
                  language: str = "en") -> set[str]:
    """Stems of the content words of `text`, without stopwords and the words in `drop`."""
    words = [w.rstrip(".") for w in _TOKEN.findall(_fold(text))]
    if language != "en":
        lex = lexicon(language)
        # "l'index" is the word "index": the elided article goes.
        words = [w.rsplit("'", 1)[-1] for w in words]
        return {lex.stem(w) for w in words
                if len(w) > 2 and w not in lex.stopwords and w not in drop}
    return {_stem(w) for w in words if len(w) > 2 and w not in _STOPWORDS and w not in drop}


def content_words(text: str) -> list[str]:
    """The content words of an English `text`, in order, without stopwords."""
    return [w for w in (t.rstrip(".") for t in _TOKEN.findall(_fold(text)))
            if len(w) > 2 and w not in _STOPWORDS]


def _shares_root(stem: str, others: set[str]) -> bool:
    if stem in others:
        return True
    return len(stem) >= 4 and any(len(o) >= 4 and (o.startswith(stem) or stem.startswith(o))
                                  for o in others)


# --- specifics ---------------------------------------------------------------------------

_NUMBER = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|"
                     r"twenty|thirty|forty|fifty|hundred|thousand|million|percent|half|twice|"
                     r"doubled|halved|tripled|eleven|dozen|thirds?|quarters?|tenths?|"
                     r"fortnight)\b")
# A quantity told in words rather than digits: a magnitude ("several hundred pages", "tens of
# thousands of emails", "a couple of times a week") or a span of time something took or was off
# by ("took us a full day", "weeks behind", "a day later"). "Several" or "many" alone is vague.
_QUANTITY = re.compile(
    r"\b(?:hundreds|thousands|millions|dozens|a couple|tens of|scores of)\b|"
    r"\b(?:a (?:full|whole|single)|half a|an extra|took (?:us |me |them )?(?:a|an|one)) "
    r"(?:minute|hour|day|night|shift|week|weekend|month|season|year)\b|"
    r"\b(?:a|one) (?:minute|hour|day|night|shift|week|month|year)s? (?:later|earlier|early|late|"
    r"behind|ahead)\b|"
    r"\b(?:minutes|hours|days|weeks|months|years) (?:behind|ahead|early|late|later|earlier|"
    r"to arrive|to spare)\b")
# "5+ years of Python" is a claim, not a detail of what happened.
_YEARS_CLAIM = re.compile(r"\d+\+?\s*(?:years?|yrs)\b")
_OWN_ACTION = re.compile(
    r"\b(?:i|we)(?:'ve| have| had)?\s+(?:(?:then|also|first|quickly|finally|each|both|all|"
    r"later|immediately|together|personally)\s+)?"
    r"(?!(?:need|feed|seed|speed|proceed|succeed|exceed|embed|shed|indeed|believed)\b)"
    r"(?:\w{2,}ed|built|led|wrote|ran|made|took|did|found|gave|set|brought|chose|went|began|"
    r"kept|taught|sold|met|spoke|told|drove|won|got|saw|caught|cut|put|sent|spent|rewrote|"
    r"shipped|fixed|split|read|rebuilt|held|paid|dug|sat|stood|rang|chose|left|lost|upgraded)\b")
_OUTCOME = re.compile(
    r"\b(?:reduced|increased|improved|saved|cut|grew|dropped|fell|rose|halved|doubled|tripled|"
    r"went from|down to|up to|from \S+ to|(?:went|came|got) (?:down|up)|(?:down|up) by|"
    r"resolved|recovered|renewed|retained|signed|closed the|"
    r"won|shortened|prevented|stopped|no longer|never again|as a result|the result|in the end|"
    r"faster|quicker|fewer|more stable|fixed|corrected|"
    r"ended up|which meant|outcome|since then|we agreed|agreed to|thanked|calmer|accepted|"
    r"(?:was|were|came|got) back|back (?:to|below|under|above|within)|better than|"
    r"worse than|than (?:before|the year before|last year)|on time|"
    r"now (?:takes|runs|finishes|costs|needs)|"
    # A change told in plain words: an intensified comparison ("far fewer questions"), a
    # result placed in time ("four months later", "within a season", "once it went live").
    r"(?:a (?:good|great) deal|far|much|noticeably|significantly|a lot|considerably|"
    r"markedly) (?:more|fewer|less|higher|lower|better|faster|quicker|cheaper|shorter)|"
    r"(?:a|an|one|two|three|four|five|six|\d+|half a|a few) (?:days?|weeks?|months?|years?|"
    r"quarters?) (?:later|on)|within (?:a|an|one|two|three|four|five|six|\d+|half a) "
    r"(?:days?|weeks?|months?|years?|quarters?|season|fortnight)|"
    r"once (?:it|they|we) (?:went|was|were) (?:live|out)|after (?:the )?(?:release|launch)|"
    # A judgement received: a rating, a score, a grade ("the inspection gave us five stars").
    r"(?:gave|got|earned|received|awarded) (?:us |me |them |him |her )?(?:a |an |the )?"
    r"(?:[\w-]+ ){0,2}(?:rating|score|grade|stars|marks))\b")
_TRADE_OFF = re.compile(
    r"\b(?:trade-?offs?|instead of|rather than|at the cost of|the downside|the cost was|"
    r"the price was|compromise|pros and cons|on the other hand|but it meant|we gave up|"
    r"we accepted|weigh(?:ed|ing)?)\b")
# A capitalised word after the start of a sentence names something (PgBouncer, Salesforce, ICU);
# all-capital words of two or more letters (EXPLAIN, SBAR, CRM) too.
_PROPER_NAME = re.compile(r"(?<=[\w,;:)] )(?!I\b|I'(?:m|ve|d|ll)\b)[A-Z][\w&+.-]*|\b[A-Z]{2,}\d*\b")

SPECIFIC_KINDS = ("number", "named_system", "own_action", "outcome", "trade_off")
# Weights of the kinds of detail (sum 1): a number and what the candidate did themselves say
# most about whether something really happened; a trade-off is rarer and counts a little.
SPECIFIC_WEIGHTS = {"number": 0.25, "named_system": 0.2, "own_action": 0.25, "outcome": 0.2,
                    "trade_off": 0.1}
SPECIFIC_FULL = 0.75


def _names_a_tool(text: str) -> bool:
    """A vocabulary skill named like a product (PostgreSQL, NEWS2, HubSpot), even at the start
    of a sentence, where `_PROPER_NAME` cannot tell it from any capitalised word. Plain skills
    ("Nursing", "regression") are not named systems: anyone can say them."""
    return any(any(c.isupper() or c.isdigit() for c in name[1:])
               and SKILLS[name].domain != "general" for name in skills_in_text(text))


# "How do you ..." asks about practice: "I review every pull request" is the candidate's own
# action there, as "I reviewed" is in a story. Verbs of opinion or intent are not actions.
_HABIT_QUESTION = re.compile(r"\bhow (?:do|would) you\b|\bwhat do you do\b", re.IGNORECASE)
_PRESENT_ACTION = re.compile(
    r"\b(?:i|we)\s+(?:always\s+|usually\s+|first\s+|then\s+|also\s+)?"
    r"(?!(?:think|believe|am|feel|guess|like|love|would|will|can|could|should|hope|want|try|"
    r"know|mean|have|do|just|really|need|am|was|were|say|said|must|might|may|enjoy|always|"
    r"usually|often|never|also|first|then|am|get|got|stay|keep|see|look)\b)"
    r"[a-z]{3,}\b")


@lru_cache(maxsize=4096)
def specific_kinds(text: str, habit_question: bool = False, *,
                   language: str = "en") -> tuple[str, ...]:
    """The kinds of concrete detail in `text` (SPECIFIC_KINDS order)."""
    if language != "en":
        return _specific_kinds_in(lexicon(language), text, habit_question)
    return _specific_kinds(text, habit_question)


# German writes every noun with a capital: there, only initials (SAP, CRM) and inner capitals
# (PgBouncer, HubSpot) name a system.
_INNER_CAPITAL_NAME = re.compile(r"\b[A-Z]{2,}\d*\b|\b[A-Z][a-z]+[A-Z]\w*")


def _specific_kinds_in(lex: Lexicon, text: str, habit_question: bool) -> tuple[str, ...]:
    folded = _fold(text)
    without_years = lex.terms["years_claim"].sub(" ", folded)
    names = _INNER_CAPITAL_NAME if lex.code == "de" else _PROPER_NAME
    found = {
        "number": bool(re.search(r"\d", without_years)
                       or lex.terms["number"].search(without_years)),
        "named_system": bool(names.search(text) or _names_a_tool(text)),
        "own_action": bool(lex.terms["own_action"].search(folded)
                           or (habit_question and lex.terms["habit_action"].search(folded))),
        "outcome": bool(lex.terms["outcome"].search(folded)) or _tells_consequence(
            text, lex.code),
        "trade_off": bool(lex.terms["trade_off"].search(folded)),
    }
    return tuple(kind for kind in SPECIFIC_KINDS if found[kind])


def _specific_kinds(text: str, habit_question: bool = False) -> tuple[str, ...]:
    # Word patterns run on folded text without IGNORECASE: four times faster in `re`.
    folded = _fold(text)
    without_years = _YEARS_CLAIM.sub(" ", folded)
    found = {
        "number": bool(_NUMBER.search(without_years) or _QUANTITY.search(without_years)),
        "named_system": bool(_PROPER_NAME.search(text) or _names_a_tool(text)),
        "own_action": bool(_OWN_ACTION.search(folded)
                           or (habit_question and _PRESENT_ACTION.search(folded))),
        "outcome": bool(_OUTCOME.search(folded)) or _tells_consequence(text),
        "trade_off": bool(_TRADE_OFF.search(folded)),
    }
    return tuple(kind for kind in SPECIFIC_KINDS if found[kind])


def _tells_consequence(text: str, language: str = "en") -> bool:
    """A story's last sentence, told in the past after the candidate's own action, tells what
    came of it ("He paid the same week", "the judge denied the motion", "the road stayed dry"),
    whatever the verb: outcomes are told in every trade's own verbs."""
    sentences = split_sentences(text)
    if len(sentences) < 2:
        return False
    own, past = ((_OWN_ACTION, _PAST) if language == "en" else
                 (lexicon(language).terms["own_action"], lexicon(language).terms["past"]))
    last = sentences[-1]
    return (any(own.search(_fold(s)) for s in sentences[:-1]) and bool(past.search(_fold(last)))
            and not _is_generic(last, language))


# --- reasoning ---------------------------------------------------------------------------

_REASONING_KINDS = {
    "cause": re.compile(r"\b(?:because|since|so that|which meant|that meant|that's why|"
                        r"that is why|due to|as a result|the reason|caused by|so (?:i|we)|"
                        r"in order to|to make sure|in case|otherwise|which is why|to prevent|"
                        r"to stop|so (?:it|they|he|she|nothing|nobody|no one|the|our|every|"
                        r"each|old|new|that it)|"
                        # A decision told with what it rested on ("prep set by covers booked").
                        r"based on|according to|depending on|by how (?:many|much))\b|,\s*so\b"),
    "diagnosis": re.compile(r"\b(?:measured|profiled|checked|found that|noticed|root cause|"
                            r"looked at|reproduced|narrowed|investigated|traced|compared|"
                            r"tested|verified|analy[sz]ed|dug into|explain analyze|suspected|"
                            r"spotted|assessed|reali[sz]ed|recogni[sz]ed|saw that|went through|"
                            r"asked (?:what|why|how)|confirmed|the data showed|the logs showed|"
                            r"turned out|reviewed|went through|matched|pulled the|"
                            r"logged every|looked for|worked out|looking at|(?:i|we) saw|"
                            r"went over|researched|studied|looked up|cross-checked|"
                            r"lined (?:\w+ )?up (?:with|against)|"
                            r"made (?:the same thing|it) happen|"
                            r"read (?:the|their|his|her|every|each|last)|"
                            # Finding out by looking, counting or asking, in any trade.
                            r"found (?:a|an|the|we|it|out)|checking|audited|surveyed|"
                            r"interviewed|observed|inspected|sampled|counted|timed|"
                            r"(?:ran|did|held|conducted|carried out|sent) (?:\w+ ){0,3}?"
                            r"(?:interviews|surveys?|questionnaires?|trials?|audits?|tests?|"
                            r"checks?|measurements?|readings?|calculations?)|"
                            r"weigh(?:ed)? (?:the|every|all|each|everything))\b"),
    "alternatives": re.compile(r"\b(?:instead|options?|alternatives?|considered|rather than|"
                               r"trade-?offs?|either|weighed|could have|decided against|"
                               r"ruled out|decided to|chose to|came first|priorit\w*)\b|"
                               r"\b(?:took|handled|put|answered|called|saw|fixed|did|"
                               r"dealt with)\b[^.;,]{1,40}?\bfirst\b|"
                               # Options weighed by what each would have brought: "replacing
                               # the boiler meant a week without heat", "a pump would have cost".
                               r"\b\w+ing (?:\w+ ){1,3}?(?:meant|would mean)\b|"
                               r"\bwould have (?:needed|meant|cost|taken|required)\b"),
    "sequence": re.compile(r"\b(?:first|then|after that|afterwards|next|finally|once that|"
                           r"step)\b"),
}
# Two kinds of reasoning make a reasoned answer; order of steps alone is the weakest kind.
REASONING_FULL = 2.0
_REASONING_WEIGHT = {"cause": 1.0, "diagnosis": 1.0, "alternatives": 1.0, "sequence": 0.5}


def _reasoning_kinds(text: str, language: str = "en") -> tuple[str, ...]:
    folded = _fold(text)
    patterns = _REASONING_KINDS if language == "en" else lexicon(language).reasoning
    return tuple(kind for kind, pattern in patterns.items() if pattern.search(folded))


# --- generic talk and keyword lists --------------------------------------------------------

# Beliefs and platitudes. Habits ("I usually check the chart first") are not here: they do
# answer a "how do you" question, though they give no detail of a real case.
_GENERIC = re.compile(
    r"\b(?:i believe|i think it'?s important|it'?s important to|i think it is important|"
    r"(?:so|very|really|extremely) important|the most important thing is|"
    r"in general|generally speaking|it depends|best practices?|passionate|team player|"
    r"hard[- ]working|at the end of the day|a lot of things|many things|various things|"
    r"all sorts of|and so on|and stuff|things like that|every situation is different|"
    r"i'?m the kind of person|i'?m someone who|i would say|obviously|of course|"
    r"i like to think|i'?m very|i am very|i really enjoy|i love|i guess|you have to|"
    r"you need to|one should|that is what i (?:always )?say|is the key|is key)\b")
_SUBJECT = re.compile(r"\b(?:i|we|he|she|they|it|you|my|our)\b", re.IGNORECASE)
LIST_ITEMS = 5  # this many short comma-separated items in one sentence make a list
_LIST_ITEM_WORDS = 3


# Claims about everyone or about oneself in the present tense ("Every warehouse has risks",
# "I am a calm person"): they describe no case. The same words in a past account ("every order
# still had a second check") do describe one, so a past tense keeps the sentence.
_GENERALISATION = re.compile(
    r"\b(?:every|everyone|everybody|nobody|no one|always|never|all|most|many|usually|"
    r"in my opinion|my philosophy|i(?:'ve| have) always)\b|"
    r"\bi(?:'m| am) (?:a|an|someone|good|great|strong|quite|always|never)\b")
_PAST = re.compile(r"\b(?:was|were|had|did|went|took|got|made|left|came|ran|gave|kept|found|"
                   r"sent|said|told|became|fell|rose|grew|won|lost|paid|sold|held|brought|"
                   r"began|wrote|saw|met|\w{3,}ed)\b")
_GO_THROUGH = re.compile(r"\b(?:i|we) go (?:through|over|back)\b")
_ALWAYS_HAD = re.compile(r"\bi(?:'ve| have) always\b")


def _is_generic(sentence: str, language: str = "en") -> bool:
    """A sentence that only states a belief, a habit or a generalisation: no number and no
    own action."""
    if language != "en":
        return _is_generic_in(lexicon(language), sentence)
    sentence = _fold(sentence)
    if _NUMBER.search(sentence) or _OWN_ACTION.search(sentence):
        return False
    if _GENERIC.search(sentence):
        return True
    # A habit told as one's own practice ("on Monday I go through every deal") is not one.
    return bool(_GENERALISATION.search(sentence)) and not _PRESENT_ACTION.search(sentence) \
        and not _GO_THROUGH.search(sentence) and (
        not _PAST.search(sentence) or bool(_ALWAYS_HAD.search(sentence)))


def _is_generic_in(lex: Lexicon, sentence: str) -> bool:
    folded = _fold(sentence)
    if re.search(r"\d", folded) or lex.terms["own_action"].search(folded):
        return False
    if lex.terms["generic"].search(folded):
        return True
    return bool(lex.terms["generalisation"].search(folded)) and not lex.terms["past"].search(
        folded)


def _is_keyword_list(text: str, sentences: Sequence[str], kinds: tuple[str, ...],
                     language: str = "en") -> bool:
    """Names strung together: most of the answer sits in lists of short items, or skill names
    make up much of it, and nothing says what was done with them."""
    if "own_action" in kinds and "outcome" in kinds:
        return False
    listed = 0
    for sentence in sentences:
        items = [i.strip() for i in re.split(r"[,;/]|\band\b", sentence) if i.strip()]
        # Listed names: short items that are capitalised, hold a capital or a digit.
        # In lower case, any short item is a name unless someone does something in the
        # sentence ("i checked the fridge, the freezer, ...").
        subject, past = (_SUBJECT, _PAST) if language == "en" else (
            lexicon(language).terms["subject"], lexicon(language).terms["past"])
        told = subject.search(sentence if language == "en" else _fold(sentence))
        names = [i for i in items if len(i.split()) <= _LIST_ITEM_WORDS
                 and (not told or any(c.isupper() or c.isdigit() for c in i))
                 and not past.match(_fold(i))]  # "restarted the pods" is an action
        if len(items) >= LIST_ITEMS and len(names) >= LIST_ITEMS - 1:
            listed += len(sentence.split())
    words = max(len(text.split()), 1)
    names = len(skills_in_text(text))
    return listed / words >= 0.5 or (names >= 6 and names / words >= 0.12)


# --- the reading ---------------------------------------------------------------------------

# The parts of a worked example that expected points name in many questions ("the result",
# "your own part", "how it was traced", "prevention afterwards"): they name the shape of an
# answer rather than a topic, so they are covered by that kind of content, in any words.
_EXAMPLE_POINT = re.compile(r"\b(?:example|instance|case|story)\b", re.IGNORECASE)
_SITUATION_POINT = re.compile(r"\b(?:situation|problem|concern|mistake|disagreement|objection|"
                              r"the task|the cost|"
                              r"challenge|context|signs noticed|why it was lost|the bug|"
                              r"what happened|what went wrong|what was wrong|what was unsafe|"
                              r"the difference|the finding|starting point|detection|noticed|"
                              r"spotted|observed|the drop|worry|the behaviou?r|"
                              # Where a story starts: a request, a baseline, a gap.
                              r"start\w*|set-?up|request|baseline|background|"
                              r"inconsisten\w*|the gap)\b",
                              re.IGNORECASE)
_OUTCOME_POINT = re.compile(r"\b(?:outcome|result|impact|how it turned out|improvement|"
                            r"resolution|what was agreed|decision taken|how it went|"
                            r"measured|effect|return|progress|what they decided|"
                            r"what was decided|saved|"
                            r"how it was (?:decided|settled))\b", re.IGNORECASE)
_OWN_PART_POINT = re.compile(r"\b(?:your own|own part|your part|your role|what you did|"
                             r"own contribution|your contribution|actions? taken|the change|"
                             r"how you|change made|what was changed|what was done|correction|"
                             r"what you (?:changed|built|made|wrote|set up|introduced|tried)|"
                             r"the fix|fix|repair|mitigation|immediate action|allocation|"
                             r"support or plan|staffing plan|redesign\w*|rework|"
                             r"what changed (?:in|to|about)|"
                             r"the training|coaching|mentoring|the approach)\b", re.IGNORECASE)
_DECISION_POINT = re.compile(r"\b(?:decision|decided|choice|chosen)\b", re.IGNORECASE)
# Finding out: covered by an answer that diagnoses (measured, traced, compared, went through).
_FINDING_POINT = re.compile(r"\b(?:diagnos\w*|investigat\w*|traced|the cause|cause found|"
                            r"root cause|finding the cause|how it was (?:checked|found|traced)|"
                            r"the method|data used|research|assessment|forecast\w*|"
                            r"finding out|options compared|"
                            r"what was (?:learned|learnt|found|seen|discovered)|"
                            r"problem seen|the findings?|insight|"
                            r"where the \w+ (?:was|were|came from))\b", re.IGNORECASE)
# The people in the story: covered by telling what was said, asked, explained or agreed.
_PEOPLE_POINT = re.compile(r"\b(?:conversation|listen\w*|who was (?:told|informed|involved)|"
                           r"each side|both sides|arguments|explained|the [\w']+ question|"
                           r"understood|communication with)\b", re.IGNORECASE)
_TALKED = re.compile(r"\b(?:asked|told|explained|showed|listened|agreed|talked|spoke|"
                     r"called|said|sat (?:down )?with|took \w+ aside|briefed|informed|"
                     r"wrote (?:up|down)|walked \w+ through|repl(?:y|ied)|emailed|messaged|"
                     r"heard back|heard \w+ out|wrote (?:to|one|a|an) (?:\w+ )?(?:message|email|note|letter|"
                     r"reply)|notice|announce\w*)\b")
# A cause given for what happened, in the words any trade uses for one.
_STATED_CAUSE = re.compile(r"\b(?:because|due to|caused by|the cause|the reason|came from|"
                           r"turned out|traced (?:\w+ ){0,3}?to|was down to|had been)\b")
# Priorities: covered by saying what came first or what was weighed.
_PRIORITY_POINT = re.compile(r"\b(?:prioriti[sz]\w*|priorit(?:y|ies)|triage|what came first|"
                             r"urgent)\b", re.IGNORECASE)
# Both sides of a disagreement: covered by two positions told ("she wanted", "I thought").
_SIDES_POINT = re.compile(r"\b(?:both sides|each side|arguments|views|positions)\b",
                          re.IGNORECASE)
_POSITION = re.compile(r"\b(?:wanted|proposed|suggested|argued|thought|felt|preferred|"
                       r"pushed for|insisted|worried|believed|was (?:sure|convinced))\b")
# Steps in order: covered by a sequence of steps with some concrete detail.
_STEPS_POINT = re.compile(r"\b(?:steps|order of|sequence|cadence|timeline|process)\b",
                          re.IGNORECASE)
_CHANGE_POINT = re.compile(r"\b(?:lesson|learned|learnt|what changed|prevent\w*|follow-up|"
                           r"afterwards|what was learned)\b", re.IGNORECASE)
_CHANGED = re.compile(r"\b(?:since then|from then on|now (?:i|we)|next time|learn(?:ed|t)|"
                      r"lesson|(?:i|we) (?:changed|added|introduced|wrote up|now)|so that it|"
                      r"never again|no longer|added an? (?:test|check|rule|step|alert|review)|"
                      r"(?:i|we) now|from then|ever since|has not (?:happened|recurred|come)|"
                      r"hasn't (?:happened|recurred)|not happened again|to stop it|"
                      r"(?:i|we) (?:fitted|installed|put in place)|"
                      r"(?:after that|afterwards),? (?:i|we)|"
                      r"to prevent|(?:i|we) (?:later|afterwards))\b|"
                      r"\b(?:happened|recurred|come back)\b[^.;]{0,20}\bsince\b")


# The parts of a story a question asks for by its wording, as points `_shape_covered` reads:
# "tell me about a time" asks for the situation, the candidate's part and the outcome; "how
# did you" for what was done; a problem for its cause, or what was changed so it would not
# happen again (a broken grill has no cause to find, only a spare to keep); "what you
# learned" for what changed; another person for what was said.
_QUESTION_SHAPES = (
    # A question about one occasion in the candidate's past, in any of the ways English asks
    # for one ("what was the hardest", "have you ever", "the last time", "an occasion").
    (re.compile(r"\b(?:tell me about|describe|walk me through|give (?:me )?an example|"
                r"a time|talk (?:me )?through|share an? (?:example|story|case)|"
                r"an occasion|the last time|have you ever|did you ever|can you recall|"
                r"what was the (?:hardest|toughest|biggest|worst|best|most|last|largest|"
                r"trickiest)|(?:what|which) (?:\w+ ){0,2}(?:did|have) you)\b", re.IGNORECASE),
     ("the situation", "what you did", "the outcome")),
    (re.compile(r"\bhow (?:did|do|would) you\b|\bhow you\b|\bwhat you did\b|"
                r"\bwhat (?:did|do|would) you do\b", re.IGNORECASE), ("what you did",)),
    (re.compile(r"\b(?:problem|fault|bug|incident|error|issue|mistake|complaint|went wrong|"
                r"did not work|didn't work|underperform\w*|dropped|slow)\b", re.IGNORECASE),
     ("the cause or what changed afterwards",)),
    (re.compile(r"\b(?:learn\w*|what you changed|what changed|prevent\w*)\b", re.IGNORECASE),
     ("what was learned",)),
    (re.compile(r"\b(?:colleague|teammate|team member|customer|client|parent|manager|"
                r"stakeholder|patient|family|disagree\w*|conversation|explain\w*)\b",
                re.IGNORECASE), ("the conversation",)),
)
# A story question answered with every part it asks for, in other words, is addressed this
# much: the parts show the question was answered, not that its topic was the one asked about.
STORY_CREDIT = 0.9
# What a story sharing no word or group with its question or the job keeps of that credit.
UNLINKED_STORY_SHARE = 0.6


def implied_points(question: str, language: str = "en") -> tuple[str, ...]:
    """The parts of a story `question` asks for by its wording, without a plan."""
    found: dict[str, None] = {}
    if language != "en" and lexicon(language).terms["story_question"].search(_fold(question)):
        found.update(dict.fromkeys(("the situation", "what you did", "the outcome")))
    for pattern, points in _QUESTION_SHAPES:
        if pattern.search(question):
            found.update(dict.fromkeys(points))
    return tuple(found)


@dataclass(frozen=True)
class _Told:
    """What kinds of content an answer tells, for points named by their part of a story."""

    kinds: tuple[str, ...]  # SPECIFIC_KINDS found
    reasoning: tuple[str, ...]  # reasoning kinds found
    changed: bool  # something changed for the future
    talked: bool  # what was said, asked or agreed with someone
    positions: int = 0  # positions told ("she wanted", "I thought"), up to two
    stated_cause: bool = False  # a cause given for what happened ("because", "caused by")


def _positions(text: str) -> int:
    """Positions told in `text`, up to two (enough for both sides of a disagreement)."""
    count = 0
    for _ in _POSITION.finditer(text):
        count += 1
        if count == 2:
            break
    return count


def _told_shape(told: str, kinds: tuple[str, ...], language: str = "en") -> _Told:
    """The kinds of content in `told` (an answer without its generic sentences)."""
    folded = _fold(told)
    if language != "en":
        terms = lexicon(language).terms
        positions = min(2, sum(1 for _ in zip(range(2), terms["position"].finditer(folded))))
        return _Told(kinds, _reasoning_kinds(told, language), bool(terms["changed"].search(
            folded)), bool(terms["talked"].search(folded)), positions)
    return _Told(kinds, _reasoning_kinds(told), bool(_CHANGED.search(folded)),
                 bool(_TALKED.search(folded)), _positions(folded),
                 bool(_STATED_CAUSE.search(folded)))


def tells_conversation(text: str, language: str = "en") -> bool:
    """Whether `text` tells what was said, asked or agreed with someone ("told front of house
    to warn the tables", "asked the floor staff"), in any trade's words."""
    folded = _fold(text)
    if language != "en":
        return bool(lexicon(language).terms["talked"].search(folded))
    return bool(_TALKED.search(folded))


def _shape_covered(point: str, told: _Told) -> bool:
    """A point naming a part of a worked example, covered by that kind of detail."""
    kinds = told.kinds
    if _EXAMPLE_POINT.search(point) and len(kinds) >= 3:
        return True
    if _SITUATION_POINT.search(point) and len(kinds) >= 2 and "own_action" in kinds:
        return True
    # A result counts when something concrete stands behind it, not "I make it faster".
    # A decision is covered by a choice told as one's own ("I decided to", "we chose").
    if _DECISION_POINT.search(point) and "alternatives" in told.reasoning \
            and "own_action" in kinds:
        return True
    if _OUTCOME_POINT.search(point) and "outcome" in kinds and (
            "number" in kinds or "own_action" in kinds):
        return True
    if _OWN_PART_POINT.search(point) and "own_action" in kinds:
        return True
    if _FINDING_POINT.search(point) and ("diagnosis" in told.reasoning or told.stated_cause) \
            and "own_action" in kinds:
        return True
    if _PEOPLE_POINT.search(point) and told.talked and "own_action" in kinds:
        return True
    if _PRIORITY_POINT.search(point) and "alternatives" in told.reasoning:
        return True
    if _SIDES_POINT.search(point) and told.positions >= 2:
        return True
    if _STEPS_POINT.search(point) and "sequence" in told.reasoning and len(kinds) >= 2:
        return True
    return bool(_CHANGE_POINT.search(point) and told.changed)


@dataclass(frozen=True)
class AnswerReading:
    """What one answer holds."""

    words: int
    sentences: int
    addressed: float  # 0-1: how much of what the question asked it answers
    covered_points: tuple[str, ...]  # expected points it covers ("" points unknown)
    specifics: tuple[str, ...]  # SPECIFIC_KINDS found
    reasoning: tuple[str, ...]  # reasoning kinds found
    generic_share: float  # 0-1
    keyword_list: bool

    @property
    def specific_score(self) -> float:
        # Three or four kinds of detail make a fully concrete answer; all five is rare.
        return min(1.0, sum(SPECIFIC_WEIGHTS[k] for k in self.specifics) / SPECIFIC_FULL)

    @property
    def reasoning_score(self) -> float:
        return min(1.0, sum(_REASONING_WEIGHT[k] for k in self.reasoning) / REASONING_FULL)


def _point_covered(point: str, answer_stems: set[str], answer_groups: frozenset[str],
                   told: _Told, echoed: set[str]) -> bool:
    """A point is covered by its own words (by stem), by a shared concept group, or, for the
    parts of a good example ("the outcome", "your own part"), by that kind of detail."""
    if _shape_covered(point, told):
        return True
    if point_groups(point) & answer_groups:
        return True
    stems = [s for s in content_stems(point) if s not in echoed] or list(content_stems(point))
    needed = 1 if len(stems) <= 2 else math.ceil(len(stems) / 2)
    return bool(stems) and sum(1 for s in stems if _shares_root(s, answer_stems)) >= needed


def _topic_overlap(question: str, answer_stems: set[str], answer_groups: frozenset[str],
                   language: str = "en") -> float:
    """Without expected points: the question's topic words and groups found in the answer."""
    asking = _QUESTION_WORDS | (lexicon(language).question_words if language != "en"
                                else frozenset())
    topic = content_stems(question, drop=asking, language=language)
    # Groups of the topic words only: "your team" in a question is not a topic.
    groups = concept_groups(" ".join(w for w in _TOKEN.findall(_fold(question))
                                     if w.rstrip(".") not in asking), language=language)
    if not topic and not groups:
        return -1.0  # no topic of its own ("a system you built"): the job's words decide
    shared = sum(1 for s in topic if _shares_root(s, answer_stems)) + len(groups & answer_groups)
    wanted = min(3, math.ceil((len(topic) + len(groups)) / 2))
    return min(1.0, shared / wanted)


@dataclass(frozen=True)
class JobContext:
    """The job's own words, for answers to questions too general to name a topic."""

    stems: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    words: tuple[str, ...] = ()  # its content words, for words an answer says in other forms

    @classmethod
    def of(cls, *texts: str) -> JobContext:
        joined = "\n".join(texts)
        return cls(frozenset(content_stems(joined)), concept_groups(joined),
                   tuple(dict.fromkeys(content_words(joined))))


def _linked_by_meaning(question: str, told: str, context: JobContext | None,
                       language: str) -> bool:
    """A word of the question's topic or of the job said by the answer in another form or a
    close synonym ("the vet" for a veterinary job), by the semantic model's word vectors: a
    story sharing no word with its question or job can still be about them."""
    if language != "en":
        return False
    wanted = [w for w in content_words(question) if w not in _QUESTION_WORDS]
    wanted += list(context.words if context is not None else ())
    said = content_words(told)
    return bool(wanted and said) and max(closest_word_similarity(wanted, said)) >= NEAR_WORD


# Shared job words or groups at which an answer is plainly about the job's work.
JOB_OVERLAP_FULL = 2
# An answer about the job's work, but not the question's topic, addresses it this much at most.
JOB_ONLY_CREDIT = 0.7


def _job_overlap(context: JobContext, answer_stems: set[str], groups: frozenset[str]) -> float:
    shared = len(context.groups & groups) + len(context.stems & answer_stems)
    return min(1.0, shared / JOB_OVERLAP_FULL)


def _story_parts_told(question: str, told: str, kinds: tuple[str, ...],
                      language: str) -> tuple[int, float]:
    """How many parts of a story the question's wording asks for, and the share of them the
    answer tells, in any words."""
    implied = implied_points(question, language)
    if not implied:
        return 0, 0.0
    shape = _told_shape(told, kinds, language)
    return len(implied), sum(1 for p in implied if _shape_covered(p, shape)) / len(implied)


def _addressed_unplanned(question: str, told: str, kinds: tuple[str, ...], stems: set[str],
                         groups: frozenset[str], context: JobContext | None,
                         language: str) -> float:
    """How far an answer addresses its question, read from the question's own words and the
    job's, without expected points."""
    addressed = _topic_overlap(question, stems, groups, language)
    job = _job_overlap(context, stems, groups) if context is not None else 1.0
    # A question without a topic ("Anything else?") is answered by talk about the job.
    addressed = job if addressed < 0 else max(addressed, JOB_ONLY_CREDIT * job)
    # A question asking for a story is answered by telling the parts it asks for, in any
    # words: fully when the story shares a word or group with the job's work or the
    # question's topic. One that shares none is told in plain words or is about something
    # else, which the words cannot tell apart: it keeps part of the credit when it tells
    # something done and what came of it (a holiday or a hobby told as chat does not).
    worked = "own_action" in kinds and "outcome" in kinds
    if addressed > 0 or worked:
        asked, told_parts = _story_parts_told(question, told, kinds, language)
        linked = 1.0 if addressed > 0 or _linked_by_meaning(
            question, told, context, language) else UNLINKED_STORY_SHARE
        addressed = max(addressed, STORY_CREDIT * told_parts * linked)
    return addressed


def _addressed_planned(question: str, told: str, kinds: tuple[str, ...], stems: set[str],
                       groups: frozenset[str], context: JobContext | None, language: str,
                       covered_share: float) -> float:
    """With expected points: the share covered, or the question's topic (points are a guide,
    not an exam), or a whole story of what the question's wording asks for, told in other
    words than the points (a story missing a part is judged by the points)."""
    topic = _topic_overlap(question, stems, groups, language)
    addressed = max(covered_share, 0.8 * topic * min(1.0, covered_share + 0.5))
    asked, told_parts = _story_parts_told(question, told, kinds, language)
    if asked >= 2 and told_parts == 1.0:
        job = _job_overlap(context, stems, groups) if context is not None else 0.0
        linked = 1.0 if topic > 0 or job > 0 or _linked_by_meaning(
            question, told, context, language) else UNLINKED_STORY_SHARE
        addressed = max(addressed, STORY_CREDIT * linked)
    return addressed


def read_answer(question: str, answer: str, expected_points: Sequence[str] = (),
                context: JobContext | None = None, language: str = "en") -> AnswerReading:
    """Read one answer against the question it answers (and the job, when given), in
    `language` (en, fr, de or es)."""
    sentences = split_sentences(answer) or ([answer] if answer.strip() else [])
    # Beliefs and habits ("I always put the patient first") answer nothing: what addresses the
    # question and what reasons are read from the other sentences.
    told = " ".join(s for s in sentences if not _is_generic(s, language))
    generic_share = (len(sentences) - len(split_sentences(told) if told else [])) / max(
        len(sentences), 1)
    habit = _HABIT_QUESTION.search(question) or (language != "en" and lexicon(
        language).terms["habit_question"].search(_fold(question)))
    kinds = specific_kinds(answer, bool(habit), language=language)
    stems = content_stems(told, language=language)
    # Words taken from the question say nothing about the answer's topic by themselves.
    # Small words stay, so a phrase ("wanted to know") is not broken by a "to" in the question.
    asked = {w.rstrip(".") for w in _TOKEN.findall(_fold(question))} - _STOPWORDS
    if language != "en":
        asked -= lexicon(language).stopwords
    groups = concept_groups(" ".join(w for w in _TOKEN.findall(_fold(told))
                                     if w.rstrip(".") not in asked), language=language)
    echoed = content_stems(question, language=language)
    # What the question asks, read from its own words and the job: its topic, and the parts
    # of a story its wording asks for, told in any words.
    covered: tuple[str, ...] = ()
    if expected_points:
        shape = _told_shape(told, kinds, language)
        covered = tuple(p for p in expected_points
                        if _point_covered(p, stems, groups, shape, echoed))
        addressed = _addressed_planned(question, told, kinds, stems, groups, context, language,
                                       len(covered) / len(expected_points))
    else:
        addressed = _addressed_unplanned(question, told, kinds, stems, groups, context,
                                         language)
    keyword_list = _is_keyword_list(answer, sentences, kinds, language)
    if keyword_list:
        # A list of names is not an account of anything: no credit for names or the topic.
        kinds = tuple(k for k in kinds if k not in ("named_system", "number"))
        addressed *= 0.4
    return AnswerReading(words=len(answer.split()), sentences=len(sentences),
                         addressed=round(addressed, 3), covered_points=covered,
                         specifics=kinds, reasoning=_reasoning_kinds(told, language),
                         generic_share=round(max(0.0, generic_share), 3),
                         keyword_list=keyword_list)
