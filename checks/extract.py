"""Rule-based, offline extraction of *draft* claims from an article's text.

What it finds, sentence by sentence (a sentence never ends inside a quotation):

* **quotations** with the speaker from the attribution around them: after the
  quote (``"...," said X`` / ``"...," X said`` / ``"...," the statement added``)
  or before it (``X said he was "..."``, ``X on Friday accused Y of "..."``);
* **reported speech** without quotation marks: ``X said (that) ...``,
  ``..., she added``, ``X told Reuters ...``, ``according to X``;
* **figures**: a number with its comparator and unit (``more than 40,000
  troops``, ``26 Ukrainian soldiers``, ``at least 100 countries``, ``20 of
  their fighters``; ``compared with 50`` takes the unit of the figure before
  it), with the registered places after it as scope; ``N troops in A and N
  troops in B`` becomes one figure stated for each;
* **time expressions** near the verb (when it was said) and in the content
  (when it happened), kept only when :mod:`checks.timeexpr` resolves them
  against the publication date;
* **vague sources** (``some analysts``, ``observers``, ``evidence``: no one a
  reader could identify), mode ``vague``, and **unnamed** ones (``officials
  said``, ``Western diplomats``, ``its security chief``: a role or body without
  a name), mode ``unnamed``: a body's name before a role or "officials" (``a NATO
  spokeswoman``, ``Ukrainian officials``) makes them that body's, with it as speaker;
* **own-voice statements**: a sentence with no attribution or quotation, about a
  registered party, that the article dates or that names a vocabulary event by
  every word of its id (not one with a figure, a "said", a question).

Speakers are resolved against the entity registry: names and aliases, role
wordings (``Zelenskiy's spokeswoman`` -> the registered holder of that role on
the publication date; ``the Kremlin spokesman``: the wording holds the name, the
holder speaks), ``his office`` (the office the person heads), pronouns and document nouns (``it said``, ``the
statement added``: the previous speaker; an entity that released the statement
becomes ``via``); a registered outlet or person right after ``told`` or ``in an
interview with`` in the attribution is whom the words were said to, ``by.to``, and a
quote after it with a bare attribution by the same speaker ('"...," she said.') takes
that day and addressee (the passage's occasion, until another speaks). A
capitalised name that is not registered is never written as an id: the draft names it
in ``by.as``, and :class:`UnknownName` lists it with a suggested registry entry and the
nearest registered name when it looks like a misspelling.

A place does not speak: "Kyiv said" means a government. A registered place
whose ``side`` is a registered government is drafted as that government
(speaker, intermediary, subject and object alike); any other place is left out of
``by``, and the note asks the curator for the entity meant.

A byline ("JANE ROE and JOHN DOE Associated Press") is furniture: no draft, no
name. A heading (the headline, a live blog's post heading after its time, or a
subheading: a short line of its own that does not end like a sentence) is drafted so:
'Speaker: "quote"' gives the speaker, "Subject verbs ..." a claim about the subject in
the outlet's own voice; only the headline and post headings are part headline, a
subheading is part of the body (H701 reads no section heading as the headline).
"That same day" is dated by the day the text named last, "shortly before midnight"
by the day in play.

Evidence is always a verbatim slice of the text, so drafts validate. The
predicate is guessed from the vocabulary (the note says so): one whose id words
the sentence all holds, else the one sharing most words of its id and label,
never one of a tie; every draft has ``draft: true`` for a curator to review.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import difflib
import math
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .fields import MAX_FIGURE
from .model import Entity, EntityKind, Predicate, PredicateKind
from .rules._names import distance, is_derived
from .rules._parties import Heads, heads_of
from .textnorm import name_key, name_keys, single_quote_spans
from .timeexpr import PATTERNS as TIME_PATTERNS
from .timeexpr import resolve
from .units import plural

# ------------------------------------------------------------------ word lists

# Plain reporting verbs win over verbs of stance ("Ukraine fears ..., its chief said").
STRONG_VERBS = ("said", "says", "say", "added", "adds", "told", "tells", "stated", "states",
                "announced", "wrote", "writes", "tweeted")
SPEECH_VERBS = (
    "said", "says", "say", "added", "adds", "told", "tells", "stated", "states", "announced",
    "warned", "warns", "urged", "urges", "accused", "accuses", "denied", "denies", "claimed",
    "claims", "insisted", "insists", "noted", "wrote", "writes", "tweeted", "argued", "argues",
    "suggested", "suggests", "condemned", "condemns", "confirmed", "confirms", "acknowledged",
    # a statement's words, as translations from French write "dénoncer"
    "denounced", "denounces",
    "reported", "reports", "explained", "asked", "asks", "demanded", "demands", "vowed", "pledged",
    "promised", "predicted", "estimated", "estimates", "brushed aside", "rejected", "fears",
    "feared", "hopes", "hoped", "believes", "believed", "alleged", "alleges", "declared",
    # a plural subject's present tense: "some observers believe", "officials warn"
    "believe", "fear", "hope", "warn", "claim", "insist", "argue", "allege", "demand", "urge",
    # a demand: 'G7 ministers called on Russia to "cease its provocations"'
    "called on", "calls on", "call on",
    # blame is an attributed claim: "Kyiv blames the separatists for a surge in violations"
    "blames", "blamed", "blame", "stressed", "stresses", "informed", "informs",
)
_VERB = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b")
_STRONG = re.compile(r"\b(?:" + "|".join(STRONG_VERBS) + r")\b")
# Verbs that are also plural (or mass) nouns: after a determiner or an adjective ("Western
# estimates vary", "the claims", "renewed fears") they are the subject, not a speech verb.
_NOUN_VERBS = frozenset({"estimates", "claims", "claim", "fears", "fear", "hopes", "hope",
                         "reports", "demands", "states", "pledges", "promises", "blame"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "my", "your",
                          "these", "those", "such", "some", "many", "any", "no", "new",
                          "recent", "earlier", "initial", "official", "other", "own", "both",
                          "several", "various", "all", "whose", "of", "and", "or", "s"})
_ADJECTIVE = re.compile(r"(?:[A-Z]\w*(?:ern|ian|ean|ese|ish|ic)"
                        r"|[a-z]\w*(?:ern|ian|ean|ese|ish|ic|al|ive|ous|ed|ing|ful|ary|ent|ant))$")
_VERB_START = re.compile(r"^\s*(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
                         + r")\b")
# Words that may stand between a speaker and the verb: "X has also said", "X on Monday said".
# Possessive (*+), "on Twitter" before "on": a matched word is never split again, so a
# hostile "had had had ... x" fails in linear time, not exponential ("-ly" adverbs, which
# overlap "repeatedly", are taken once too).
_SKIPPABLE = re.compile(
    r"^(?:\s|,|\(|\)|\b(?:on Twitter|[a-z]{2,}ly|has|have|had|also|later|earlier|again|then|"
    r"previously|"
    r"further|repeatedly|publicly|separately|reportedly|who|would|will|may|might|could|once|"
    r"already|recently|often|last|this|week|month|year|on|in|a|an|the|statement|interview|"
    r"post|at|briefing|news|conference|told|reporters)\b)*+$", re.I)
_PRONOUNS = {"he": "person", "she": "person", "it": "other", "they": "other"}
_PRONOUN = re.compile(r"\b(?:he|she|it|they|He|She|It|They)\b")
_DOC = re.compile(
    r"\b(?:the|a|an|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|communiqu[eé]|report|tweet|post|letter|release|readout|declaration|notice)"
    r"(?:\s+(?:released|issued|published|posted)\s+by\s+[^,;]{0,120}[\w)])?", re.I)
# Mode vague names no one a reader could identify ("some analysts", "evidence"); a
# group named by its office ("officials", "Western diplomats") is a role without a name,
# mode unnamed, as "its security chief" is (A402 versus A403).
_GROUP_WORDS = (r"\b(?:(?:some|many|several|most|few|other|western|senior|unnamed|anonymous|"
                r"two|three|U\.S\.|European|Ukrainian|Russian|military|government|intelligence|"
                r"local|foreign|state|news)"
                r"\s+){0,4}")
_VAGUE = re.compile(
    _GROUP_WORDS + r"(?:analysts|experts|observers|sources|critics|commentators|"
    r"residents|witnesses|evidence|reports|concerns|people familiar with the matter"
    r"|aid workers|workers|activists|locals|rescuers|researchers|campaigners|insiders|economists"
    r"|media reports|media outlets|media"
    r"|a source)\b", re.I)
_UNNAMED_GROUP = re.compile(_GROUP_WORDS + r"(?:officials|diplomats|lawmakers)\b", re.I)
_UNNAMED = re.compile(
    r"\b(?:its|his|her|their|a|an|one)\s+(?:(?:senior|top|chief|former|deputy)\s+)?"
    r"(?:[a-z]+\s+)?(?:adviser|advisor|official|spokesman|spokeswoman|spokesperson|aide|"
    r"minister|chief|commander|diplomat|source|envoy|representative|negotiator|lawyer)\b", re.I)
# ", a spokesman for X,", ", Zelensky's chief of staff,", ", speaking on condition of
# anonymity," and ", for its part," between a speaker and the verb
_POSSESSOR = r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}['’]s"
_APPOSITIVE = re.compile(r"^\s*,\s+(?:(?:an?|the|his|her|its|their|" + _POSSESSOR + r")\s+[^,;.]{1,60}"
                         r"|speaking\b[^,;.]{0,60}|for\s+(?:its|his|her|their)\s+part),\s*"
                         r"(?:has\s+|had\s+|have\s+)?$")
_UNNAMED_START = re.compile(r"^(?:its|his|her|their|a|an|one)\b", re.I)
# "including the United States, Britain, and France," lists inside a subject, and a
# relative clause after it ("Blinken, who met Kuleba in Brussels on April 14, said").
_PARENTHETICAL = re.compile(r",\s+(?:including|such as|among them|who|which)\s+[^;]*?,\s+"
                            r"(?=(?!and\b|or\b)[a-z])")
# A label in brackets right after a name: a US legislator's state or party ("Sen. Jim Risch
# (Idaho)", "(D-N.J.)"), a European minister's party ("Eva-Maria Liimets (Center)"). It says
# where the named person stands: it is neither the speaker nor a name of its own.
_NAME_LABEL = re.compile(r"(?<=[A-Za-z.])(?P<label>\s*\([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}\))")
# The US form of the label, set off by commas: "Sen. Jim Risch, R-Idaho, chairman ..."
_PARTY_STATE = re.compile(r"(?<=[A-Za-z.]),\s*[DRI]-[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?=\s*,)")
_NAME_WORD_END = re.compile(r"\b[A-Z][\w’'-]*\.?$")


def _unlabelled(text: str) -> str:
    """``text`` with a bracketed label after a capitalised name blanked (offsets kept)."""
    def blank(m: re.Match[str]) -> str:
        if not _NAME_WORD_END.search(text, max(0, m.start() - 40), m.start()):
            return m.group()
        return " " * len(m.group())
    return _PARTY_STATE.sub(blank, _NAME_LABEL.sub(blank, text))


# "Separatists in Donetsk and Luhansk regions have said": a place phrase after a speaker.
_PLACE_PHRASE = re.compile(r"^\s+(?:in|from|of|at|for)\s+[\w’'\s-]{1,60}?"
                           r"(?:\s+(?:has|have|had|also))*\s*$")
# Axios's ", per Reuters" / ", per Ukrainian officials" is "according to": "per" after a
# comma and before a capitalised name or an article ("per cent", "per day" never are).
_ACCORDING = re.compile(r"\b(?:according to|as reported by|as quoted by|cited by"
                        r"|(?<=, )per(?=\s+(?:(?:the|a|an)\s+)?(?-i:[A-Z])))\s+", re.I)
# "He was quoted by the Interfax news agency as saying" (or "was quoted as saying by
# Interfax"): the subject is the speaker, the agency passes the words on.
_QUOTED_BY = re.compile(r"\b(?:was|were|is|are|has been|have been|had been)\s+"
                        r"(?:also\s+|widely\s+)?(?:quoted|cited)\s+(?:as\s+saying\s+)?by\s+",
                        re.I)
# A source described by what it stands near: "sources close to the Kremlin", "a diplomat
# in Kyiv" (a place says where they are) do not speak for the name; "officials at / from /
# in the ministry" do, unnamed.
_NEAR = re.compile(r"^\s+(?:close to|familiar with|loyal to|near|linked to)\s+(?:the\s+)?$",
                   re.I)
_AT = re.compile(r"^\s+(?:in|at|from|within|inside)\s+(?:the\s+)?$", re.I)
# Whom an unnamed source works for: "a spokesperson for (Foreign Minister) Marise Payne", "an
# aide to the president", "an official of the ministry" (a title may stand before the name).
_FOR = re.compile(r"^\s+(?:for|of|to)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}$")

_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
                 "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                 "eighty": 80, "ninety": 90}
# "twenty-eight": a compound number word (tens, a hyphen, units), as a sentence opens with
# one where it may not open with digits.
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_COMPOUND_NUMBER = re.compile(rf"(?:{_TENS})-(?:{_UNITS})", re.I)


def _word_number(raw: str) -> float | None:
    """The value of a number word, compound ones too ('twenty-eight' 28), or None."""
    parts = raw.lower().split("-")
    if len(parts) > 2 or any(w not in _WORD_NUMBERS for w in parts):
        return None
    return float(sum(_WORD_NUMBERS[w] for w in parts))


_CMP = (("more than", "gt"), ("over", "gt"), ("upwards of", "gt"), ("at least", "ge"),
        ("no fewer than", "ge"), ("nearly", "lt"), ("almost", "lt"), ("fewer than", "lt"),
        ("less than", "lt"), ("under", "lt"), ("up to", "le"), ("at most", "le"),
        ("about", "about"), ("around", "about"), ("some", "about"), ("roughly", "about"),
        ("approximately", "about"), ("an estimated", "about"), ("some", "about"),
        # "as many as 80,000": the most said, so at most; "to exceed 120,000": more than
        ("as many as", "le"), ("as much as", "le"), ("exceeding", "gt"), ("exceeded", "gt"),
        ("exceeds", "gt"), ("exceed", "gt"))
# Thousands grouped by spaces or dots, as French and German texts (and their translations)
# write them: "80 000" (a no-break, narrow no-break, thin or plain space) and "40.000". The
# space-grouped "80 000 soldiers" was drafted as 0 soldiers (the last group alone), the dotted
# one as 40. A dotted figure before "million" stays a decimal ("1.500 million").
_GROUP_SPACE = "[ \u00a0\u202f\u2009]"
_THOUSANDS = re.compile(rf"\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}})+|\d{{1,3}}(?:\.\d{{3}})+")
_NUMBER = re.compile(
    r"(?<![\w.,:/-])(?:(?P<cmp>" + "|".join(sorted({c for c, _ in _CMP}, key=len, reverse=True))
    + r")\s+)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:" + _GROUP_SPACE + r"\d{3})+"
    r"|\d{1,3}(?:\.\d{3})+(?!\d|\s+(?:thousand|million|billion))|\d+(?:\.\d+)?|"
    r"(?:" + _TENS + r")-(?:" + _UNITS + r")|(?:" + "|".join(_WORD_NUMBERS) + r")"
    # a count's noun follows, maybe after a demonym: "Twenty-eight Ukrainian servicemen"
    r"(?=\s+(?:[A-Z][a-z]+\s+)?[a-z]))"
    r"(?:\s+(?P<mult>thousand|million|billion))?(?![\w:/-]|,\d|\.\d)", re.I)
_IRREGULAR_UNITS = {"people", "children", "men", "women", "police", "personnel", "staff",
                    "military", "equipment", "aircraft", "infantry"}
_TIME_UNITS = {"hours", "hour", "days", "day", "weeks", "week", "months", "month", "years",
               "year", "minutes", "minute", "seconds", "percent", "per", "cent", "times", "am",
               "pm", "a.m.", "p.m.", "languages"}
_NOT_UNITS = {"of", "the", "and", "in", "on", "at", "to", "for", "from", "with", "by", "as",
              "his", "her", "its", "their", "our", "were", "was", "had", "have", "has", "are",
              "is", "be", "been", "will", "would", "that", "than", "more", "who", "which"}
# Words before a figure that counts what the figure before it counts: a comparison, a range,
# another, or a part of it ("80 000 soldiers ..., including more than 40.000 on the peninsula").
_INHERIT = re.compile(r"(?:compared\s+(?:with|to)|up\s+from|down\s+from|against|versus|vs\.?|"
                      r"from|to|and|or|including|of\s+(?:whom|them|which)|among\s+them)\s+$"
                      r"|(?P<another>\b(?:and|or|with)\s+"
                      r"(?:another|a\s+further|an\s+additional)\s+)$", re.I)
# "the number of Russian servicemen ... at more than 80,000", "brings the number of soldiers
# killed ... to 28": the counted noun named before the figure.
_NUMBER_OF = re.compile(r"\b(?:number|toll|total|count)\s+of\s+(?:[A-Z][\w’'-]*\s+)?([a-z][a-z-]*)")
_TO_FIGURE = re.compile(r"\b(?:to|at|reach(?:es|ed)?)\s+[“\"]?$")
_STOPWORDS = {"the", "a", "an", "of", "to", "in", "on", "and", "or", "for", "with", "by", "at",
              "is", "was", "were", "be", "been", "has", "have", "had", "that", "this", "it",
              "its", "as", "from", "not", "but", "he", "she", "they", "we", "said", "says",
              "will", "would", "which", "who", "about", "any", "some", "their", "our", "his",
              "her", "when", "what", "so", "if", "than", "also", "more", "there", "one"}
_NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|cannot)\b|n['’]t\b", re.I)
_STANCES = (("not-aware", re.compile(r"\b(?:not aware|unaware|not seen|has not seen)\b", re.I)),
            ("denies", re.compile(r"\b(?:den(?:y|ies|ied|ying)|rejects?)\b", re.I)),
            ("hopes", re.compile(r"\bhop(?:e|es|ed|ing)\b", re.I)),
            ("fears", re.compile(r"\bfears?\b|\bfeared\b|\bconcerns? that\b", re.I)),
            ("expects", re.compile(r"\bexpect(?:s|ed)?\b|\bis due to\b", re.I)),
            ("suggests", re.compile(r"\bsuggest(?:s|ed)?\b|\bmay be\b", re.I)))
# Capitalised words that do not start a name on their own.
_NOT_NAMES = {
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "When", "While", "As", "It",
    "He", "She", "They", "We", "I", "You", "This", "That", "These", "Those", "There", "Despite",
    "Since", "After", "Before", "Earlier", "Later", "Some", "Many", "Most", "Several", "Its",
    "His", "Her", "Their", "Our", "Unfortunately", "Within", "With", "Without", "For", "From",
    "To", "By", "Of", "What", "Who", "Why", "How", "Where", "Meanwhile", "However", "Also",
    "Yet", "Still", "Mr", "Mrs", "Ms", "Dr", "President", "Minister", "Secretary", "Foreign",
    "Prime", "General", "Chief", "Spokesman", "Spokeswoman", "Image", "Accessibility", "Breaking",
    "News", "Last", "Next", "Both", "Each", "Every", "Such", "Already", "Asked", "According",
    "Now", "Then", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
}
# Of _NOT_NAMES, the words that open a title ("Foreign Minister", "General Secretary")
# and also a body's name ("Foreign Affairs Council", "General Staff Office").
_BODY_LEADS = frozenset({"Foreign", "General", "Chief", "Prime"})
_MONTH_DAY = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|"
                        r"October|November|December|(?:Monday|Tuesday|Wednesday|Thursday|"
                        r"Friday|Saturday|Sunday)(?:['’]s)?)$")  # "Tuesday's call", not "May's"
# The word a clock time takes in the languages of the outlets' house styles ("17.32 Uhr",
# "17 h 32", "kl. 17"): a closed class, no one's name.
_CLOCK_WORDS = r"Uhr|Hrs?|Heures?"
# Abbreviated calendar words and time zones: alone (a dateline's "Thu 15 Apr 2021 18.42
# BST"), they name no one; in a run of names "Jan" is a given name (Jan Kowalski).
_CALENDAR_ABBREVIATION = re.compile(
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|"
    r"Sat|Sun|UTC|GMT|BST|IST|CET|CEST|EET|EEST|WET|WEST|MSK|[ECMP][SD]?T|AE[SD]T|NZ[SD]T|JST|KST|"
    r"HKT|SGT|" + _CLOCK_WORDS + r")\.?")
_NAME_SEQ = re.compile(r"(?<![\w@#])(?:[A-Z][\w’'.-]*[\w]|[A-Z])(?:\s+(?:(?:of|for|the|and|de|"
                       r"von|al)\s+)?[A-Z][\w’'.-]*[\w])*")
_ORG_WORDS = re.compile(r"\b(?:Ministry|Office|Council|Agency|Service|Department|Forum|Union|"
                        r"Committee|Party|Bank|Army|Forces|Organization|Organisation|Institute|"
                        r"Commission|Parliament|Assembly|Court|Group|News|Times|Post|Press)\b")
# Last words of names of things that are no one: agreements, formats, meetings.
_THING_WORDS = re.compile(r"\b(?:Format|Document|Agreements?|Accords?|Treaty|Summit|Talks|"
                          r"Process|Declaration|Pact|Initiative|Plan|Protocol|Memorandum|"
                          r"Charter|Convention|Doctrine|Strategy|Deal|Conference)$")
# Words inside a capitalised run that join names: "Biden-Putin", "French and German".
_JOINERS = re.compile(r"-|\s+(?:and|&)\s+")
_THE = re.compile(r"\bthe\s+", re.I)
_THE_QUALIFIER = re.compile(r"(?:so-called|new|former)\s+", re.I)
_PLACE_WORDS = re.compile(r"\b(?:region|Oblast|Republic|City|Peninsula|Sea|River|Mountains)\b")
_DEMONYM_ENDINGS = ("ians", "ans", "ian", "ese", "ern", "an", "n", "i", "s")
_ABBREVIATIONS = re.compile(r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Col|Lt|Jan|Feb|"
                            r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|Jr|Sr)\.)$")

MAX_EVIDENCE = 1500


# ------------------------------------------------------------------ results


@dataclass(frozen=True)
class UnknownName:
    """A capitalised name in the text that the registry does not hold."""

    name: str
    kind: str  # suggested registry kind
    nearest: str | None  # the registered name it may misspell
    nearest_id: str | None

    @property
    def suggested_id(self) -> str:
        return slug(self.name, 60)

    def entry(self) -> str:
        """A registry entry to paste into facts/entities.yaml."""
        return f"- {{id: {self.suggested_id}, name: {_flow(self.name)}, kind: {self.kind}}}"

    def describe(self) -> str:
        hint = (f"; looks like a misspelling of '{self.nearest}' ({self.nearest_id}): if it is an "
                "accepted spelling add it as an alias" if self.nearest else "")
        return f"'{self.name}' is not registered{hint}; suggested entry: {self.entry()}"


@dataclass
class Extraction:
    drafts: list[dict[str, Any]] = field(default_factory=list)
    unknown: list[UnknownName] = field(default_factory=list)
    agencies: list[dict[str, str]] = field(default_factory=list)  # source.agencies drafts


def _flow(text: str) -> str:
    return text if re.fullmatch(r"[A-Za-z][\w .’-]*", text) else '"' + text.replace('"', '\\"') + '"'


def slug(text: str, limit: int = 48) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))
    out = "-".join(words)[:limit].strip("-")
    return out or "x"


# ------------------------------------------------------------------ the registry


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    entity: str | None  # None: pronoun, document, vague or unknown name
    kind: str  # name, role, pronoun, doc, vague, unknown
    possessive: bool = False
    role: str | None = None  # the title an appositive gives the name, as written


class Registry:
    """Registered names, aliases and role wordings, found in text with one regex."""

    def __init__(self, entities: Mapping[str, Entity], published: dt.date | None,
                 units: Collection[str] = ()) -> None:
        self.entities = dict(entities)
        self.published = published
        # The vocabulary's units, each spelling's plural ('military-personnels', 'soldiers'):
        # a figure of "military personnel" or "one soldier" is drafted in its listed unit.
        self.units = frozenset(units)
        self.names: dict[str, str] = {}
        self.roles: dict[str, list[str]] = {}
        self._sided: dict[tuple[str, str], str | None] = {}
        self._heads: Heads | None = None
        self._demonyms: dict[str, str] | None = None
        self._bodies: dict[tuple[str, str, str | None], str | None] = {}
        for entity in self.entities.values():
            # A name or wording of spaces alone (the registry's text only has to be
            # non-empty) folds to "": an empty alternative in the patterns, and as a
            # single name it ended `entities`, `new` and `recall` in a traceback.
            for name in (entity.name, *entity.alias_names()):
                for key in name_keys(name):  # I012 reports a key two entities share
                    if key.strip():
                        self.names.setdefault(key, entity.id)
                        # English-language outlets drop diacritics ("Erdogan" for the
                        # registered "Erdoğan"): the plain spelling names the entity too
                        if _plain(key) != key and _plain(key).strip():
                            self.names.setdefault(_plain(key), entity.id)
            for role in entity.roles:
                if self._active(role.start, role.end):
                    for wording in (role.title, *role.aliases):
                        if _fold(wording).strip():
                            self.roles.setdefault(_fold(wording), []).append(entity.id)
        self._name_rx = _alternation(self.names, case_exact_single=True)
        self._role_rx = _alternation(self.roles, case_exact_single=False)
        self.tokens = {w for name in self.names for w in name.split()}
        # Capitalised words of role wordings: the adjectives a registry gives ("French
        # President"), which need no entity of their own.
        self.role_words = {_fold(w) for e in self.entities.values() for r in e.roles
                           for t in (r.title, *r.aliases) for w in t.split() if w[:1].isupper()}
        # Words of registered names as capitalised in the registry (for misspellings).
        self.name_words = {w.casefold() for e in self.entities.values()
                           for n in (e.name, *e.alias_names()) for w in re.findall(r"[\w’'-]+", n)
                           if w[:1].isupper() and len(w) >= 5}

    def _active(self, start: str | None, end: str | None) -> bool:
        if self.published is None:
            return True
        day = self.published.isoformat()
        return (start is None or start <= day) and (end is None or day <= end)

    def mentions(self, text: str) -> list[Mention]:
        names = [self._mention(m, text, "name") for m in self._name_rx.finditer(text)]
        taken = _covered(text, ((m.start, m.end) for m in names))
        found: list[Mention] = []
        inside: set[int] = set()
        for m in self._role_rx.finditer(text):
            if not any(taken[m.start():m.end()]):
                found.append(self._mention(m, text, "role"))
                continue
            over = self._role_over_names(text, m, names)
            if over is not None:
                found.append(over[0])
                inside.update(over[1])
        found += [n for i, n in enumerate(names) if i not in inside]
        return self.qualified(text, sorted(found, key=lambda m: m.start))

    def _role_over_names(self, text: str, m: re.Match[str],
                         names: list[Mention]) -> tuple[Mention, range] | None:
        """A role wording that holds whole names is the role ("the Kremlin spokesman" is
        its holder, not the Kremlin), with the names it holds; one that cuts a name in
        two (but for the name's "the") is no wording."""
        first = bisect.bisect_left(names, m.start(), key=lambda n: n.start)
        start = m.start()
        if first and names[first - 1].end > start:
            first -= 1
            start = names[first].start
            if _fold(text[start:m.start()]) != "the":
                return None
        last = bisect.bisect_left(names, m.end(), key=lambda n: n.start)
        if last == first or names[last - 1].end > m.end():
            return None
        role = self._mention(m, text, "role")
        return dataclasses.replace(role, start=start, text=text[start:m.end()]), range(first, last)

    def qualified(self, text: str, found: list[Mention]) -> list[Mention]:
        """A body's name right before a role ("a NATO spokeswoman", "the alliance
        spokesman", "a senior EU official") is one phrase: that body's role holder when
        the registry has one for it, else an unnamed source speaking for the body, never
        the body itself nor another body's holder of a bare wording ("spokeswoman")."""
        out: list[Mention] = []
        i = 0
        while i < len(found):
            m = found[i]
            nxt = found[i + 1] if i + 1 < len(found) else None
            merged = self._with_role(text, m, nxt) if m.kind == "name" else None
            if merged is None:
                out.append(m)
                i += 1
                continue
            out.append(merged)
            i += 2 if nxt is not None and nxt.start < merged.end else 1
        return out

    def _with_role(self, text: str, name: Mention, nxt: Mention | None) -> Mention | None:
        body = self._body(name)
        if body is None:
            return None
        if nxt is not None and nxt.kind == "role" and not text[name.end:nxt.start].strip():
            end, holder = nxt.end, self._holder_of(_fold(nxt.text), body)
        elif members := _MEMBERS.match(text, name.end):
            # "G7 foreign ministers said": the body's members, who speak for it, named
            return Mention(name.start, members.end(), text[name.start:members.end()], body, "name")
        else:
            noun = _ROLE_NOUN.match(text, name.end)
            if noun is None:
                return None
            end, holder = noun.end(), None
        det = _DETERMINER_END.search(text[max(0, name.start - _PHRASE_WINDOW):name.start])
        start = name.start - (len(det.group()) if det else 0)
        kind = "role" if holder else "unnamed"
        return Mention(start, end, text[start:end], holder or body, kind,
                       bool(re.match(r"['’]s?\b", text[end:end + 2])))

    def _body(self, name: Mention) -> str | None:
        """The body a name before a role stands for: not a person (a person's aide is
        not the person), a place as its government."""
        if name.possessive or name.entity is None:
            return None
        kind = self.kind(name.entity)
        if kind is EntityKind.person:
            return None
        return self.voice_of(name.entity)

    def _holder_of(self, key: str, body: str) -> str | None:
        """The one registered holder of a role wording whose role is held for ``body``
        (or its side)."""
        side = self.entities[body].side or body
        holders = {h for h in self.roles.get(key, []) for r in self.entities[h].roles
                   if r.of in (body, side) and self._active(r.start, r.end)}
        return holders.pop() if len(holders) == 1 else None

    def _mention(self, m: re.Match[str], text: str, kind: str) -> Mention:
        poss = bool(re.match(r"['’]s?\b", text[m.end():m.end() + 2]))
        key = _fold(m.group())
        if kind == "name" and key not in self.names:
            key = _fold(_MIDDLE_INITIAL.sub("", m.group(), count=1))
        if kind == "name":
            entity = self._owned(self.names.get(key), key, text[:m.start()])
        else:
            entity = self._role_holder(key, text, m.start())
        return Mention(m.start(), m.end(), m.group(), entity, kind, poss)

    def _owned(self, entity: str | None, key: str, before: str) -> str | None:
        """A body named after a possessive of another side is that side's: "Russia's
        Foreign Ministry" where "Foreign Ministry" is registered for Ukraine's is the one
        registered name of Russia's side ending in those words, else no entity."""
        found = self.entities.get(entity or "")
        # Only the words right before count: a bounded window keeps every mention O(1).
        tail = before[-_PHRASE_WINDOW:]
        owned = found is not None and found.side and _POSSESSIVE_END.search(tail)
        owner = self._owner(tail) if owned else None
        if found is None or owner is None:
            return entity
        side = self.entities[owner].side or owner
        if found.side == side:
            return entity
        if (key, side) not in self._sided:  # once per wording and side, not per mention
            mine = {e.id for e in self.entities.values() if e.side == side and any(
                _fold(n).endswith(key) for n in (e.name, *e.alias_names()))}
            self._sided[(key, side)] = mine.pop() if len(mine) == 1 else None
        return self._sided[(key, side)]

    def _role_holder(self, key: str, text: str, start: int) -> str | None:
        holders = sorted(set(self.roles.get(key, [])))
        if len(holders) <= 1:
            return holders[0] if holders else None
        owner = self._owner(text[:start])
        if owner:
            side = self.entities[owner].side or owner
            close = [h for h in holders if self.entities[h].side == side or h == owner or any(
                r.of == owner for r in self.entities[h].roles)]
            if len(close) == 1:
                return close[0]
        return None

    def _owner(self, before: str) -> str | None:
        m = re.search(r"([\w’'. -]+?)['’]s\s+$", before)
        return self.names.get(_fold(m.group(1).split(",")[-1].strip())) if m else None

    def government_word(self, word: str) -> str | None:
        """The government a word names: its name or alias ("U.S.", "US" for "U.S."), or
        the demonym of a one-word name ("Ukrainian", "American" for "America")."""
        if self._demonyms is None:
            self._demonyms = {}
            for e in self.entities.values():
                if e.kind is EntityKind.government:
                    for name in (e.name, *e.alias_names()):
                        key = _fold(name)
                        self._demonyms.setdefault(key.replace(".", ""), e.id)
        key = _fold(word).replace(".", "")
        if key in self._demonyms:
            return self._demonyms[key]
        found = {e for k, e in self._demonyms.items() if " " not in k and len(k) >= 4
                 and _derived(key, {k})}
        return found.pop() if len(found) == 1 else None

    def office_of(self, person: str | None) -> str | None:
        """The office ``person`` heads, where the registry says so unambiguously."""
        if self._heads is None:
            self._heads = heads_of(self.entities)
        head = self._heads.links.get(person or "")
        return head.office if head is not None else None

    def body_of(self, government: str, noun: str, branch: str | None) -> str | None:
        """The one registered body on ``government``'s side that a common noun names
        ("defence ministry", "army", "presidency"); "government" is the government."""
        if noun == "government":
            return government
        key = (government, noun, branch)
        if key not in self._bodies:
            self._bodies[key] = _unique_body(self.entities.values(), government, noun, branch)
        return self._bodies[key]

    def spoken_for(self, entity_id: str | None) -> str | None:
        """Whom an unnamed aide of ``entity_id`` speaks for: a body (a place as its
        government); for a person, the office they head, else the government or
        organisation their role held on the publication date is of; else no one."""
        if entity_id is None or self.kind(entity_id) is not EntityKind.person:
            return self.voice_of(entity_id) if entity_id else None
        office = self.office_of(entity_id)
        if office is not None:
            return office
        bodies = (EntityKind.government, EntityKind.organisation)
        held = [r.of for r in self.entities[entity_id].roles
                if r.of and self._active(r.start, r.end) and self.kind(r.of) in bodies]
        return held[0] if len(set(held)) == 1 else None

    def kind(self, entity_id: str | None) -> EntityKind | None:
        entity = self.entities.get(entity_id or "")
        return entity.kind if entity else None

    def voice_of(self, entity_id: str) -> str | None:
        """Who speaks when a text makes ``entity_id`` speak: itself, or for a place the
        government it stands for (its ``side``); None for a place without one."""
        entity = self.entities.get(entity_id)
        if entity is None or entity.kind is not EntityKind.place:
            return entity_id
        side = entity.side
        return side if side and self.kind(side) is EntityKind.government else None


_fold = name_key


def _unique_body(entities: Iterable[Entity], government: str, noun: str,
                 branch: str | None) -> str | None:
    if noun.endswith("ministry"):
        wanted: tuple[tuple[str, ...], ...] = (("ministry", _spelt(branch or "")),)
    else:
        wanted = tuple((w,) for w in _BODY_WORDS[noun])
    fits = {e.id for e in entities if e.side == government and e.id != government
            and e.kind in (EntityKind.government, EntityKind.organisation)
            and any(all(w in _spelt(_fold(n)) for w in words)
                    for n in (e.name, *e.alias_names()) for words in wanted)}
    return fits.pop() if len(fits) == 1 else None


def _spelt(text: str) -> str:
    """One spelling of the words that house styles spell two ways."""
    return text.casefold().replace("defense", "defence").replace("’", "'")
_POSSESSIVE_END = re.compile(r"['’]s\s+$")
# A role noun right after a body's name: "a NATO spokeswoman", "a senior EU official",
# "alliance officials".
_ROLE_NOUN = re.compile(r"\s+(?:(?:senior|top|chief|deputy|press|defen[cs]e|foreign)\s+)?"
                        r"(?:spokesman|spokeswoman|spokesperson|officials?|advisers?|advisors?|"
                        r"aides?|diplomats?|envoys?|representatives?|negotiators?|sources?)\b")
# A body's members after its name, who speak as the body: "G7 foreign ministers", "EU
# leaders" (knowable people, not an unnamed official).
_MEMBERS = re.compile(r"\s+(?:(?:foreign|defen[cs]e|finance|interior|health|economy)\s+)?"
                      r"(?:ministers|leaders)\b")
_DETERMINER_END = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Tt]he)\s+(?:(?:senior|top|unnamed)\s+)?$")


# A middle initial between a registered name's first word and the rest, as some house
# styles write every name ("Antony J. Blinken", "Vladimir V. Putin"): the same person.
_MIDDLE_INITIAL = re.compile(r"(?<=\w)\s+[A-Z]\.(?=\s)")


def _plain(key: str) -> str:
    """``key`` without its combining marks ("erdoğan" -> "erdogan"); letters that are no
    letter with a mark ("ł", "ø") stay as they are."""
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


def _alternation(names: Iterable[str], *, case_exact_single: bool) -> re.Pattern[str]:
    parts = []
    for name in sorted(names, key=len, reverse=True):
        body = re.escape(name).replace("'", "['’]").replace(r"\ ", r"\s+")
        if case_exact_single and " " in name:
            body = body.replace(r"\s+", r"(?:\s+(?-i:[A-Z])\.)?\s+", 1)
        single = " " not in name
        if case_exact_single and single:
            continue  # added below with its registered capitalisation
        parts.append(f"(?i:{body})")
    if case_exact_single:
        parts.extend(_exact(name) for name in sorted(names, key=len, reverse=True) if " " not in name)
    if not parts:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w@#-])(?:" + "|".join(parts) + r")(?![\w-])")


def _exact(folded: str) -> str:
    # Single-word names match capitalised ("Mendel", "NATO"), never as a common word.
    body = re.escape(folded).replace("'", "['’]")
    first = body[0]
    if first.isalpha():
        return f"[{first.upper()}](?i:{body[1:]})" if len(body) > 1 else first.upper()
    return f"(?i:{body})"


# ------------------------------------------------------------------ sentences


@dataclass(frozen=True)
class Sentence:
    start: int
    text: str
    part: str
    quotes: tuple[tuple[int, int], ...]  # (open, close) offsets within text, marks included
    whole: bool = False  # the sentence is its line's whole text, not a piece of a paragraph
    para: int = -1  # where its paragraph starts in the article


# A live blog's post time on a line of its own ("00:40", "12:48 p.m. ET, April 14, 2021"):
# no claim, and the line after it, unless it ends like a sentence, is the post's heading.
_POST_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?"
                        r"(?:,\s+[\w ,]{3,20}\d{4})?$", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*$")


def sentences(text: str, *, headline: str | None = None,
              skip: Iterable[str] = ()) -> Iterator[Sentence]:
    """Sentences of the article, skipping furniture lines and repeated lines."""
    skipped = {s.strip() for s in skip}
    seen: set[str] = set()
    offset = 0
    stamped = False  # the line before was a live blog's post time
    lines = text.splitlines(keepends=True)
    deck = _deck(lines, headline)
    bylines = _bare_bylines(lines, headline)
    for number, line in enumerate(lines):
        stripped = line.strip()
        start = offset + (len(line) - len(line.lstrip()))
        offset += len(line)
        if not stripped:
            continue
        if _POST_TIME.match(stripped):  # furniture or repeated, it still opens a post
            stamped = True
            continue
        if stripped in skipped or stripped in seen or number in bylines:
            continue
        seen.add(stripped)
        heading = stamped and not _SENTENCE_END.search(stripped)
        stamped = False
        part = "headline" if heading or (headline and stripped == headline.strip()) else \
            "summary" if number in deck else "body"
        yield from _split(stripped, start, part)


MAX_DECK_LINES = 3
# A byline of the author's name alone ("Daniel Okafor", under NPR's stamp): two to four
# capitalised words, on the line next to the publication stamp near the top.
_BARE_NAME = re.compile(r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}")
MAX_TOP_LINES = 16


def _bare_bylines(lines: Sequence[str], headline: str | None) -> set[int]:
    """The lines near the top that hold a name alone beside the stamp (the line before or
    after it, blank lines aside): furniture, not a name to register."""
    top = [(i, line.strip()) for i, line in enumerate(lines[:MAX_TOP_LINES]) if line.strip()]
    found: set[int] = set()
    for k, (i, line) in enumerate(top):
        if not _BARE_NAME.fullmatch(line) or (headline and line == headline.strip()):
            continue
        near = [top[j][1] for j in (k - 1, k + 1) if 0 <= j < len(top)]
        if any(is_stamp(n) for n in near):
            found.add(i)
    return found


def _deck(lines: Sequence[str], headline: str | None) -> set[int]:
    """The lines between the headline and the byline or publication stamp under it: the
    deck (standfirst, key points) that sums the article up, its part `summary`, not
    `body`. Without a byline or stamp within a few lines, nothing is a deck."""
    if not headline:
        return set()
    top = next((i for i, line in enumerate(lines[:MAX_STAMP_TOKENS])
                if line.strip() == headline.strip()), None)
    if top is None:
        return set()
    found: set[int] = set()
    for i in range(top + 1, min(len(lines), top + 1 + 2 * MAX_DECK_LINES + 1)):
        line = lines[i].strip()
        if not line:
            continue
        if _POST_TIME.match(line):  # a live blog's post time: its posts are no deck
            return set()
        if is_byline(line) or is_stamp(line) or _BYLINE_START.match(line):
            return found
        if len(found) == MAX_DECK_LINES:
            return set()
        found.add(i)
    return set()


_BYLINE_START = re.compile(r"By\s+[A-Z]")


# A dateline opening a paragraph: the place in capitals, maybe a date and the agency, and a
# dash, maybe the agency after it ("MOSCOW (Sputnik) -", "MOSCOW, April 12 - RIA Novosti.",
# "MOSCOW. April 12 (Interfax) -"). Furniture: no subject, object or time of a claim.
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
_DATELINE = re.compile(
    r"[A-Z][A-Z’'.-]{2,}(?:[ /][A-Z][A-Z’'.-]+){0,3}(?:,\s+[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)?)?"
    r"(?:\s*\([^()]{1,40}\))?"
    r"(?:[,.]?\s+(?:" + _MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTH + r")(?:,?\s+\d{4})?)?"
    r"(?:\s*\([^()]{1,40}\))?\s*[-–—]+\s+"
    r"(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}\.\s+(?=[\"“‘]?[A-Z]))?")


# A label in capitals and a colon opening a line: a transcript's speaker ("REID:", "PAUL
# HALE, BYLINE:") or a live update's mark ("UPDATE:", "18:40 UPDATE:"). Furniture too: no
# name to register, and the words after it are the sentence.
_LABEL = re.compile(r"(?:\d{1,2}:\d{2}\s+)?[A-Z][A-Z’'.-]+(?:\s+[A-Z][A-Z’'.-]+){0,3}"
                    r"(?:,\s+[A-Z][A-Z’'.-]+(?:\s+[A-Z][A-Z’'.-]+)?)?:(?:\s+|$)")

# The same in title case, as sites that republish wire copy print it ("Moscow (AFP) - ",
# "Washington (CNN) -", "Kyiv, April 12 (Reuters) -"): only with the agency's name in
# brackets before the dash, where a sentence has a lower-case aside ("(pictured) -") if any.
# An agency that writes its short name in lower case does so in two to four letters
# ("Kiev/Moscow (dpa) -"); an aside is a word.
# UPI's has the date alone ("April 13 (UPI) -- "): the date is the story's, not the claim's.
_TITLE_DATELINE = re.compile(
    r"(?:[A-Z][a-z’'.-]+(?:[ /][A-Z][a-z’'.-]+){0,3}"
    r"(?:,\s+(?:" + _MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTH + r")(?:,?\s+\d{4})?)?"
    r"|(?:" + _MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTH + r")(?:,?\s+\d{4})?)"
    r"\s*\((?:[A-Z][^()]{0,39}|[a-z]{2,4})\)\s*[-–—]+\s+")


def dateline_end(para: str, *, dateline: bool = True) -> int:
    """Where a paragraph's text starts after its dateline or label (0 without one)."""
    m = _LABEL.match(para) or (
        (_DATELINE.match(para) or _TITLE_DATELINE.match(para)) if dateline else None)
    return m.end() if m else 0


# An agency credit: a line of its own ("Source: PAP, IAR", "(With inputs from Reuters and
# AFP)", "Additional reporting by ...") or the agency in brackets closing a paragraph after
# its last sentence ("... talks with Moscow. (Kyodo)"). Furniture: it says who supplied the
# words, it is no claim, no speaker and no name to register.
_CREDIT_LINE = re.compile(
    r"\(?\s*(?:(?:with\s+)?(?:additional\s+)?(?:inputs?|reporting|writing|editing|files|"
    r"contributions?)\s+(?:from|by)\b|sources?\s*:|compiled\s+by\b|edited\s+by\b)"
    r"[^.!?]{0,200}\)?\.?"
    # "Reuters contributed to this report.", "NPR's Lucy Hart contributed to this report
    # from Moscow.", "Some material for this report came from AP."
    r"|[^.!?]{1,200}\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)"
    r"(?:\s+from\s+[^.!?]{1,60})?\.?"
    r"|(?:some\s+)?material\s+for\s+this\s+(?:report|story|article)\s+came\s+from\b"
    r"[^.!?]{0,200}\.?", re.I)
_CLOSING_CREDIT = re.compile(r"(?<=[.!?\"”’])\s+\((?:[A-Z][\w’'&/.-]*\s*){1,4}\)\s*$")


def is_credit(line: str) -> bool:
    line = line.strip()
    return bool(_CREDIT_LINE.fullmatch(line))


# Where a paragraph's claims part: a sentence's end, a semicolon, ", while", and ", but"
# before a named subject that speaks ("..., but the Kremlin says it hasn't heard about the
# request": the clause before it is not the Kremlin's words).
_SENTENCE_JOINT = re.compile(
    r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|(?<=,)\s+(?=while\s)|(?<=;)\s+"
    r"|(?<=,)\s+(?=but\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Za-z][\w’'.-]*){0,3}\s+"
    r"(?:says|said|insists|insisted|denies|denied|told|tells)\b)")


def credited_agencies(registry: Registry, text: str, outlet: str) -> list[dict[str, str]]:
    """The registered agencies the text credits, for the record's ``source.agencies``:
    the one in the story's dateline ("Kyiv, April 12 (Reuters) -") or byline ("By AFP") is
    the agency whose story it is (``republishes``); a credit line ("Reuters contributed to
    this report.", "With files from AP", "By Euronews with AFP, AP", a line of agencies'
    names alone) or an agency in brackets closing a paragraph ("... (AFP)")
    ``contributes``. Each with its credit as written (``as``); the outlet itself, and
    agencies the registry does not hold, are left out."""
    found: dict[str, dict[str, str]] = {}
    dated = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if is_credit(line) or (_AGENCY_LINE.fullmatch(line) and _all_outlets(registry, line)):
            _credit(registry, found, outlet, line, line, "contributes")
            continue
        byline = _BY_AGENCY.fullmatch(line)
        if byline is not None and _agency_byline(registry, line, byline):
            _credit(registry, found, outlet, byline.group("by"), line, "republishes")
            _credit(registry, found, outlet, byline.group("with") or "", line, "contributes")
            continue
        dateline = None if dated else (_DATELINE.match(line) or _TITLE_DATELINE.match(line))
        if dateline is not None:
            dated = True
            for bracket in re.finditer(r"\([^()]{1,40}\)", dateline.group()):
                _credit(registry, found, outlet, bracket.group(), bracket.group(), "republishes")
        closing = _CLOSING_CREDIT.search(line)
        if closing is not None:
            words = closing.group().strip()
            _credit(registry, found, outlet, words, words, "contributes")
    return list(found.values())


# A line of names alone, with "/", "," or "and" between them ("Reuters, Agence
# France-Presse, Bloomberg", "ABC/Reuters"): the agencies among them contributed.
_NAME_PIECE = r"(?:The\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,3}"
_AGENCY_LINE = re.compile(rf"{_NAME_PIECE}(?:\s*(?:/|,|\band\b|&)\s*{_NAME_PIECE}){{0,5}}")
# A byline naming its story's agency, maybe with contributors ("By AFP - Agence France
# Presse", "By Euronews with AFP, AP", "Le Monde with AFP", "With AFP").
_BY_AGENCY = re.compile(rf"(?:By\s+)?(?P<by>(?:{_NAME_PIECE}(?:\s*(?:[-–—/,]|and)\s*)?){{0,3}}?)"
                        rf"(?:\s*\b[Ww]ith\s+(?P<with>{_NAME_PIECE}(?:\s*(?:,|and|&)\s*"
                        rf"{_NAME_PIECE}){{0,5}}))?\.?")


def _credit(registry: Registry, found: dict[str, dict[str, str]], outlet: str, words: str,
            credit: str, how: str) -> None:
    for entity in _agencies_in(registry, words):
        if entity != outlet and entity not in found:
            found[entity] = {"id": entity, "how": how, "as": credit}


def _agency_byline(registry: Registry, line: str, byline: re.Match[str]) -> bool:
    """A byline of agencies: "By" and an agency first ("By AFP - Agence France Presse"), or
    outlets with contributors ("Le Monde with AFP")."""
    named = byline.group("by")
    if not _all_outlets(registry, byline.group("with") or ""):
        return False
    if line.startswith("By ") and named.strip():
        first = _PIECES.split(named.strip(), maxsplit=1)[0]
        return _all_outlets(registry, first)
    return bool(byline.group("with")) and _all_outlets(registry, named)


_PIECES = re.compile(r"[(),/&]|\band\b|\s[-–—]\s|^\s*[-–—]|[-–—]\s*$")


def _all_outlets(registry: Registry, words: str) -> bool:
    """Whether every name in a list of names ("AFP, AP", "ABC/Reuters") is a registered
    outlet's: a line or byline of such names is a credit, a headline that names one
    ("Putin Tells CNN ...") is not."""
    pieces = [p.strip() for p in _PIECES.split(words) if p.strip()]
    return all(any(registry.kind(e) is EntityKind.outlet
                   for key in name_keys(p) if (e := registry.names.get(key)))
               for p in pieces)


_DATELINE_DAY = re.compile(r"(?:" + _MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTH + r")(?:,?\s+\d{4})?")
MAX_WIRE_DAYS = 7  # a paper prints a wire story within days of it


def story_date(text: str, published: dt.date | None) -> dt.date | None:
    """The date the story's dateline gives ("KYIV, April 12 (Reuters) -"), when it is
    before the publication date (a wire story printed days later), else None."""
    if published is None:
        return None
    for raw in text.splitlines():
        line = raw.strip()
        dateline = _DATELINE.match(line) or _TITLE_DATELINE.match(line)
        if dateline is None:
            continue
        day = _DATELINE_DAY.search(dateline.group())
        found = resolve(day.group(), published) if day else None
        if found is None or found.start != found.end:
            return None
        ahead = (published - found.start).days
        return found.start if 0 < ahead <= MAX_WIRE_DAYS else None
    return None


def _agencies_in(registry: Registry, words: str) -> list[str]:
    """The registered outlets ``words`` names: by the registry's mentions, or piece by
    piece (an agency in brackets may write its name in lower case: "(dpa)")."""
    ids = [m.entity for m in registry.mentions(words) if m.entity]
    for piece in _PIECES.split(words):
        ids += [e for key in name_keys(piece.strip()) if (e := registry.names.get(key))]
    return [e for e in dict.fromkeys(ids) if registry.kind(e) is EntityKind.outlet]


def _split(para: str, base: int, part: str) -> Iterator[Sentence]:
    if part != "headline" and (is_byline(para) or is_stamp(para) or is_credit(para)):
        return  # the authors, the time stamp, the agencies: furniture, no claim, no entity
    if part == "headline" or (part == "summary" and not _ENDS_SENTENCE.search(para)):
        # A deck set as a headline (no full stop: "Kremlin 'not aware' of any request as
        # G7 condemns 'threatening' build-up") strings its clauses together as one does.
        yield from _headline_clauses(para, base, part)
        return
    credit = _CLOSING_CREDIT.search(para)
    para = para[:credit.start()] if credit else para
    quotes = _quote_spans(para)
    inside = {i for a, b in quotes for i in range(a, b)}
    start = dateline_end(para, dateline=part == "body")
    for m in _SENTENCE_JOINT.finditer(para):
        if m.start() in inside or m.end() - 1 in inside or m.end() <= start:
            continue
        # The longest abbreviation is a few characters: a short window keeps this linear.
        if _ABBREVIATIONS.search(para[max(0, m.start() - 10): m.start() + 1]):
            continue
        yield from _clauses(para, base, start, m.end(), quotes, part)
        start = m.end()
    if start < len(para):
        yield from _clauses(para, base, start, len(para), quotes, part)


# A deck strings its claims together as a headline does ("The Kremlin says it knows
# nothing of a request, as Nato and the G7 demand that Moscow pull back its forces"): a
# clause after "as" or "while" before a capitalised subject ("as Nato", "as the G7") is a
# claim of its own.
_DECK_JOINT = re.compile(r",?\s+(?:as|while)\s+(?=(?:the\s+)?[A-Z])")


def _clauses(para: str, base: int, a: int, b: int, quotes: list[tuple[int, int]],
             part: str) -> Iterator[Sentence]:
    if part == "summary":
        inside = {i for qa, qb in quotes for i in range(qa, qb)}
        for m in _DECK_JOINT.finditer(para, a, b):
            if m.start() in inside or not para[a:m.start()].strip():
                continue
            yield _sentence(para, base, a, m.start(), quotes, part)
            a = m.end()
    yield _sentence(para, base, a, b, quotes, part)


# A headline strings its claims together with a dash, a semicolon or "as" before a new
# subject ("Ukraine Asks for Putin Call as Russia Masses 80,000 Troops—Kremlin Says It's
# 'Not Aware' of Request"): each clause is a claim of its own, with its own speaker.
_HEADLINE_JOINT = re.compile(r"\s*(?:—|–|;)\s*|\s+-\s+|\s+(?:as|As|while|While)\s+(?=[A-Z])")


_ENDS_SENTENCE = re.compile(r"[.!?][\"”’)]*\s*$")


def _headline_clauses(para: str, base: int, part: str = "headline") -> Iterator[Sentence]:
    quotes = _quote_spans(para)
    inside = {i for a, b in quotes for i in range(a, b)}
    start = 0
    for m in _HEADLINE_JOINT.finditer(para):
        if m.start() in inside or m.end() - 1 in inside or not para[start:m.start()].strip():
            continue
        yield from _clauses(para, base, start, m.start(), quotes, part)
        start = m.end()
    if para[start:].strip():
        # A deck set as a headline also joins clauses as a deck does (", as the G7 ...").
        yield from _clauses(para, base, start, len(para), quotes, part)


_CAPS_TOKEN = re.compile(r"[A-Z][A-Z’'.-]*")
MAX_BYLINE_WORDS = 16

# The words of a publication stamp besides its dates and times: "Posted Tue 13 Apr 2021 at
# 6:02am, updated ...", "Published: 12.04.2021, 17.32 Uhr", "Last updated on April 12".
_STAMP_WORDS = frozenset({
    "posted", "updated", "published", "modified", "created", "first", "last", "at", "on",
    "and", "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "time", "local", "um", "stand",
    "aktualisiert", "veröffentlicht", "publié", "mis", "jour", "le", "à"})
_STAMP_TOKEN = re.compile(r"[^\W\d_][\w.’']*|\d")
MAX_STAMP_TOKENS = 32
MAX_STAMP_CHARS = 240


def is_stamp(line: str) -> bool:
    """Whether a line is only a publication stamp: a date or time and the closed class of
    words around one (weekdays, months, time zones, "posted", "updated", "at", "Uhr").
    Furniture: "Posted Tue" and "Uhr" are no names, the dates no claim's time."""
    if len(line) > MAX_STAMP_CHARS:  # a stamp is short: a long paragraph is not read
        return False
    tokens = _STAMP_TOKEN.findall(line)
    if not tokens or len(tokens) > MAX_STAMP_TOKENS or not any(t.isdigit() for t in tokens):
        return False
    return all(t.isdigit() or t.casefold() in _STAMP_WORDS or _MONTH_DAY.match(t)
               or _CALENDAR_ABBREVIATION.fullmatch(t) for t in tokens)


def is_byline(line: str) -> bool:
    """Whether a line names the article's authors: "By Jane Roe and John Doe", or names
    in capitals joined by "and" or commas, or followed by an outlet ("JANE ROE and JOHN
    DOE Associated Press", "JANE ROE, Harbor News"); not a headline in capitals."""
    by = re.match(r"By\s+", line)
    tokens = re.findall(r"[^\s,|]+|[,|]", line[by.end():] if by else line)
    if not tokens or len(tokens) > MAX_BYLINE_WORDS:
        return False
    if by:
        return all(t[:1].isupper() or t in (",", "|", "and", "of") for t in tokens)
    at = 0
    while at < len(tokens) and (_CAPS_TOKEN.fullmatch(tokens[at]) or tokens[at] in (",", "and")):
        at += 1
    names, rest = tokens[:at], tokens[at:]
    if len([t for t in names if t not in (",", "and")]) < 2:
        return False
    joined = "and" in names or "," in names
    outlet = bool(rest) and len(rest) <= 5 and all(t[:1].isupper() or t == "|" for t in rest)
    return (joined and not rest) or outlet


def _sentence(para: str, base: int, a: int, b: int, quotes: list[tuple[int, int]],
              part: str) -> Sentence:
    text = para[a:b].rstrip()
    inner = tuple((qa - a, qb - a) for qa, qb in quotes if a <= qa and qb <= a + len(text))
    return Sentence(base + a, text, part, inner, whole=a == 0 and len(text) == len(para),
                    para=base)


# Each opening quotation mark and the marks that close it: English, French, and German
# („...“ closes with the English opening mark; »...« points inward).
_CLOSERS = {"“": ("”",), '"': ('"',), "«": ("»",), "„": ("“", "”"), "»": ("«",)}


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close+1) of top-level quotations; an unclosed double one runs to the end.
    Single marks quote as the quote rules read them (British style: 'We have not
    received an answer yet,' she said), never an apostrophe, outside double quotations,
    when they hold more than one word: one marked word is as often a scare quote as
    someone's ("Blames NATO 'Threat'" is Russia's word, not NATO's)."""
    double = _double_quote_spans(text)
    single = [(a - 1, b + 1) for a, b in single_quote_spans(text)
              if " " in text[a:b].strip() and not any(qa <= a - 1 < qb for qa, qb in double)]
    return sorted(double + single)


def _double_quote_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    found: dict[str, int] = {}  # each closing mark's next position (-1: none): one scan each
    i = 0
    while i < len(text):
        closers = _CLOSERS.get(text[i])
        if closers is None:
            i += 1
            continue
        ends = [j for c in closers if (j := _next(text, c, i + 1, found)) >= 0]
        if text[i] == "»" and not ends:
            i += 1  # an inward » opens only with its « to close it (alone: a "more" arrow)
            continue
        end = min(ends) + 1 if ends else len(text)
        spans.append((i, end))
        i = end
    return spans


def _next(text: str, mark: str, at: int, found: dict[str, int]) -> int:
    """``text.find(mark, at)``, remembered: a text of many stray marks ("»" arrows) was
    searched to its end once per mark."""
    last = found.get(mark)
    if last is None or (last != -1 and last < at):
        last = found[mark] = text.find(mark, at)
    return last


# ------------------------------------------------------------------ attribution


@dataclass
class Who:
    speaker: str | None
    as_: str | None
    mode: str
    via: list[str] = field(default_factory=list)
    said: str | None = None
    span: tuple[int, int] = (0, 0)  # the attribution's words in the sentence
    unknown: str | None = None
    place: str | None = None  # the registered place the words name as the speaker
    to: list[str] = field(default_factory=list)  # whom the words were said to
    relay_at: int = -1  # where a closing relay ("according to TASS") starts: not the claim's
    role: str | None = None  # the speaker's title as the sentence writes it
    carried: str | None = None  # no attribution: the paragraph 'before' or 'after' names it


class Context:
    """Per-article state: the registry and the last speaker (for 'it said')."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.last: dict[str, str] = {}  # "person"/"other"/"any" -> entity id
        self.heads: dict[str, str] = {}  # last word of a speaker's name -> that speaker
        self.seen: list[str] = []  # the sentences so far, read for a day only when asked
        self._day: tuple[int, dt.date | None] = (0, None)
        # (speaker, said, to) of the passage's attribution that named when or to whom the
        # words were said, while the sentences after it are the same speaker's
        self.occasion: tuple[str, str | None, tuple[str, ...]] | None = None
        # (paragraph, attribution) of the sentence before, when it quoted a found speaker
        self.quoted: tuple[int, Who] | None = None
        # the story's own date, when its dateline gives one ("April 12 (Reuters) -") and it
        # is not the publication's: a republished wire story's relative times are its own
        self.wire: dt.date | None = None
        self.ahead: Sentence | None = None  # the sentence after the one being drafted
        # (paragraph, attribution) of the sentence before, when it named its speaker and no
        # other person: a quotation alone in the next paragraph is that speaker's
        self.carry: tuple[int, Who] | None = None

    def of_occasion(self, who: Who) -> Who:
        """Words with a bare attribution ('"...," Mendel said.', '..., she said.', 'He said
        ...') right after the same speaker's words 'told CNN on Wednesday' are of that
        occasion (CONTRIBUTING: a quote that follows "told Reuters" in the same passage; the
        curators date and address the passage's paraphrases so too): they take its day and
        addressee."""
        last = self.occasion
        if last is None or who.speaker != last[0] or who.said or who.to:
            return who
        return dataclasses.replace(who, said=who.said or last[1], to=list(last[2]))

    def passage(self, who: Who | None) -> None:
        """Keep the occasion while the same speaker speaks; a new one, or anyone else
        (or an unattributed sentence), ends it."""
        if who is not None and who.speaker and (who.said or who.to):
            self.occasion = (who.speaker, who.said, tuple(who.to))
        elif who is None or self.occasion is None or who.speaker != self.occasion[0]:
            self.occasion = None

    def day(self) -> dt.date | None:
        """The single day the sentences so far named last: read when a time needs it,
        each sentence once, so an article without "that same day" pays nothing."""
        read, day = self._day
        for text in self.seen[read:]:
            day = _day_named(text, self.registry.published, day)
        self._day = (len(self.seen), day)
        return day

    def remember(self, speaker: str | None) -> None:
        if speaker is None:
            return
        kind = "person" if self.registry.kind(speaker) is EntityKind.person else "other"
        self.last[kind] = speaker
        self.last["any"] = speaker
        entity = self.registry.entities.get(speaker)
        if entity is not None and kind == "other":
            for name in (entity.name, *entity.alias_names()):
                self.heads[_fold(name).split()[-1]] = speaker


def _masked(sentence: Sentence) -> str:
    """The sentence with quoted words blanked (offsets kept)."""
    chars = list(sentence.text)
    for a, b in sentence.quotes:
        for i in range(a + 1, max(a + 1, b - 1)):
            chars[i] = " "
    return "".join(chars)


def candidates(ctx: Context, text: str) -> list[Mention]:
    """Everything that can be a speaker in ``text`` (quoted words already blanked)."""
    clean = _unlabelled(_PARENTHETICAL.sub(lambda m: " " * len(m.group()), text))
    found = [m for m in _registered_mentions(ctx, clean) if not m.possessive]
    found += [Mention(m.start(), m.end(), m.group(), None, "pronoun")
              for m in _PRONOUN.finditer(clean)]
    found += [Mention(m.start(), m.end(), m.group(), None, "doc") for m in _DOC.finditer(clean)]
    heads = [Mention(m.start(), m.end(), m.group(), None, "vague")
             for m in _VAGUE.finditer(clean)]
    heads += [Mention(m.start(), m.end(), m.group(), None, "unnamed")
              for m in _UNNAMED.finditer(clean)]
    found += heads + [q for m in heads for q in _qualified(clean, m)]
    found += [_group_of(ctx.registry, clean, m) for m in _UNNAMED_GROUP.finditer(clean)]
    found += _offices(ctx, clean)
    found += _owned_bodies(ctx.registry, clean, found)
    taken = _covered(clean, ((m.start, m.end) for m in found))
    for m in _NAME_SEQ.finditer(clean):
        name = _trim_name(m.group())
        if name and not any(taken[m.start():m.end()]):
            # The trimmed name is rejoined with single spaces; the text may have more
            # between its words (a blanked "(JFO)"), so it is found word by word.
            at = re.search(r"\s+".join(map(re.escape, name.split())), m.group())
            if at is not None:
                found.append(Mention(m.start() + at.start(), m.start() + at.end(), name,
                                     None, "unknown"))
    return found


# What describes a faceless source between it and its verb: "a source familiar with the
# matter", "a source in the Ukrainian delegation", "sources close to the talks".
_QUALIFIER = re.compile(r"\s+(?P<prep>in|at|from|within|inside|close\s+to|familiar\s+with|"
                        r"with\s+knowledge\s+of|briefed\s+on|involved\s+in)\s+"
                        r"(?:(?:the|a|an|its|his|her|their)\s+)?")
_QUALIFIER_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_BODY_PREPOSITIONS = ("in", "at", "from", "within", "inside")


def _qualified(text: str, head: Mention) -> list[Mention]:
    """The source with the words describing it, each reading (one to four words) whose
    rest up to the end of ``text`` (a verb's position) can be skipped: with no registered
    name in them the head alone was no speaker ("A source in the delegation said" had no
    draft). A source in a body ('in', 'at' ...) is one of its people: unnamed."""
    m = _QUALIFIER.match(text, head.end)
    if m is None:
        return []
    out, at = [], m.end()
    kind = "unnamed" if m["prep"] in _BODY_PREPOSITIONS else head.kind
    for _ in range(4):
        word = _QUALIFIER_WORD.match(text, at)
        if word is None:
            break
        at = word.end()
        if _skippable(text[at:]):
            out.append(Mention(head.start, at, text[head.start:at], None, kind))
        at += len(text[at:]) - len(text[at:].lstrip(" "))
    return out


# Capitalised words right before "officials" that may name whose they are ("American").
_BODY_WORDS_END = re.compile(r"(?:\b[A-Z][\w.]*\s+){1,2}$")


def _group_of(registry: Registry, text: str, m: re.Match[str]) -> Mention:
    """'Ukrainian officials', 'U.S. officials', 'American officials': a government's
    unnamed officials, when one registered government (its name, or the demonym of a
    one-word name) stands among the words before the noun; else no one's."""
    start = m.start()
    before = _BODY_WORDS_END.search(text[max(0, start - 40):start])
    if before is not None:
        start -= len(before.group())
    words = re.findall(r"[A-Z][\w.]*", text[start:m.end()])
    bodies = {b for w in words if (b := registry.government_word(w)) is not None}
    if len(bodies) != 1:
        return Mention(m.start(), m.end(), m.group(), None, "unnamed")
    return Mention(start, m.end(), text[start:m.end()], bodies.pop(), "unnamed")


_OFFICE = re.compile(r"\b(?:(?P<pronoun>[Hh]is|[Hh]er)|['’]s)\s+office\b")


def _offices(ctx: Context, text: str) -> list[Mention]:
    """"His office", "Zelensky's office": the office the person heads, where the registry
    links one (a role's title or the office's `head`); "his" is the person the sentence
    names first (its subject: "Zelensky has asked Putin ..., his office said"), else the
    last person who spoke."""
    out: list[Mention] = []
    offices = list(_OFFICE.finditer(text))
    if not offices:
        return out
    people = [x for x in ctx.registry.mentions(text) if x.entity
              and ctx.registry.kind(x.entity) is EntityKind.person]
    ends = {x.end: x for x in people}
    for m in offices:
        owner = None if m["pronoun"] else ends.get(m.start())
        if m["pronoun"]:
            first = people[0].entity if people and people[0].end <= m.start() else None
            person = first or ctx.last.get("person")
        else:
            person = owner.entity if owner else None
        office = ctx.registry.office_of(person)
        if office is not None:
            start = owner.start if owner else m.start()
            out.append(Mention(start, m.end(), text[start:m.end()], office, "name"))
    return out


# A government's body named by a common noun: "Russia's defence ministry", "the Ukrainian
# army", "the Ukrainian presidency"; the registry writes them otherwise ("Ministry of
# Defence of the Russian Federation", "Armed Forces of Ukraine").
_OWNED_BODY = re.compile(
    r"(?:\b(?P<owner>[A-Z][\w.]*)['’]s\s+|\b[Tt]he\s+(?P<demonym>[A-Z][a-z]+)\s+)"
    r"(?P<body>(?:(?P<branch>defen[cs]e|foreign|interior|health|finance|justice|emergencies)"
    r"\s+)?ministry|army|military|armed\s+forces|presidency|navy|government)\b")
# The words a registered name of each body holds.
_BODY_WORDS = {"army": ("army", "armed forces"), "military": ("army", "armed forces", "military"),
               "armed forces": ("armed forces",), "navy": ("navy",),
               "presidency": ("presidency", "office of the president", "president's office",
                              "presidential office")}


def _owned_bodies(registry: Registry, text: str, found: list[Mention]) -> list[Mention]:
    """The registered body of the government a possessive or demonym names, where one
    body on its side fits the noun; none where the registry names the phrase itself."""
    if not _OWNED_BODY.search(text):
        return []
    taken = _covered(text, ((m.start, m.end) for m in found if m.entity and not m.possessive))
    out = []
    for m in _OWNED_BODY.finditer(text):
        start = m.start("owner") if m["owner"] else m.start()
        if any(taken[start:m.end()]):
            continue
        government = registry.government_word(m["owner"] or m["demonym"])
        body = government and registry.body_of(government, " ".join(m["body"].split()),
                                                m["branch"])
        if body:
            out.append(Mention(start, m.end(), text[start:m.end()], body, "name"))
    return out


def _registered_mentions(ctx: Context, text: str) -> list[Mention]:
    """Registered names and roles, and "the ministry" after "the Norland Health Ministry
    said" (the last word of a body that spoke); a body's word before a role is the role's
    phrase ("the alliance spokesman" after NATO spoke: NATO's unnamed spokesman)."""
    found = ctx.registry.mentions(text)
    named = _covered(text, ((m.start, m.end) for m in found))
    heads = [Mention(m.start(), m.end(), m.group(), ctx.heads[m.group(1)], "name")
             for m in re.finditer(r"\b[Tt]he\s+([a-z]+)\b", text)
             if m.group(1) in ctx.heads and not any(named[m.start():m.end()])]
    if heads:
        found = ctx.registry.qualified(text, sorted([*found, *heads], key=lambda m: m.start))
    return [_of_a_body(text, m) if m.kind == "role" else m for m in found]


# A common noun for a body before a bare role wording: "the ministry spokesman" is that
# body's, not whoever the registry holds "spokesman" for.
_BODY_NOUN_END = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Oo]ne)\s+(?:[a-z]+\s+)?(?:ministry|alliance|"
    r"government|army|military|department|office|embassy|mission|council|commission|union|"
    r"bloc|agency|committee|party|administration|company|navy|police|court|parliament|"
    r"cabinet|regime|coalition|organisation|organization)\s+$")


def _of_a_body(text: str, role: Mention) -> Mention:
    """A role mention as it stands: after a common noun for a body ("the alliance
    spokesman"), an unnamed source of that body, whom the registry cannot name."""
    before = _BODY_NOUN_END.search(text[max(0, role.start - _PHRASE_WINDOW):role.start])
    if before is None:
        return role
    start = role.start - len(before.group())
    return Mention(start, role.end, text[start:role.end], None, "unnamed", role.possessive)


def _covered(text: str, spans: Iterable[tuple[int, int]]) -> bytearray:
    """A flag per character inside any span: overlap tests in linear, not quadratic, time."""
    flags = bytearray(len(text))
    for a, b in spans:
        flags[a:b] = b"\x01" * max(0, min(b, len(text)) - a)
    return flags


# No name runs longer; a longer run of capitalised words is title-case text, not a name.
MAX_NAME = 120


def _trim_name(seq: str) -> str | None:
    if len(seq) > MAX_NAME * 4:  # trimming drops a few short words at either end at most
        return None
    words = seq.split()
    # "Foreign Affairs Council": before a body's last word a title's word is the body's
    body = len(words) > 1 and _ORG_WORDS.fullmatch(words[-1]) is not None
    while words and (words[0] in _NOT_NAMES or _MONTH_DAY.match(words[0])
                     or _COMPOUND_NUMBER.fullmatch(words[0])):  # "Twenty-eight Ukrainian"
        if body and words[0] in _BODY_LEADS:
            break
        words = words[1:]
    while words and (words[-1] in _NOT_NAMES or _MONTH_DAY.match(words[-1])
                     or words[-1].islower()):  # "Narvik and" of "Narvik and Southport"
        words = words[:-1]
    if not words or not words[0][:1].isupper() or len(" ".join(words)) > MAX_NAME:
        return None
    if len(words) == 1 and _CALENDAR_ABBREVIATION.fullmatch(words[0]):
        return None
    return " ".join(words)


def subject_before(ctx: Context, text: str, verb_at: int, floor: int = 0) -> Mention | None:
    """The speaker phrase ending nearest before ``verb_at`` with only skippable words
    between; the longest one when several end at the same place."""
    text = _unlabelled(_PARENTHETICAL.sub(lambda m: " " * len(m.group()), text))
    found = [m for m in candidates(ctx, text[:verb_at]) if m.start >= floor]
    for places in (False, True):
        best: Mention | None = None
        for m in found:
            if not _skippable(text[m.end:verb_at], places=places and m.kind == "name"):
                continue
            if best is None or _rank(m) > _rank(best):
                best = m
        if best is not None:
            best = _apposed(text, found, best, verb_at) or best
            return _described(ctx, text, found, _named_before(ctx.registry, text, found, best))
    return None


# An appositive between a name and its verb that describes the name ("Anna Petrenko, a
# lecturer in Russian politics at the University of Melbourne, said"): longer than the
# skippable one, as a title and an affiliation may be.
# A bare title that names whom it serves ("spokeswoman for President X", "adviser to X",
# "head of the office"), as NPR and AP write it, is one too: without its article.
_APPOSED = re.compile(r"\s*,\s+(?:(?:an?|the|his|her|its|their|" + _POSSESSOR
                      + r")\s+[^,;.()]{1,160}?|(?!(?:who|which|whose|whom|that|however|though)\b)"
                      r"(?:[a-z][\w-]*\s+){1,3}(?:for|of|to)\s+[^,;.()]{1,160}?)"
                      r",\s*(?:has\s+|had\s+|have\s+)?")


MAX_APPOSED = 240  # the longest appositive (160 characters) with times around it


def _apposed(text: str, found: list[Mention], best: Mention, verb_at: int) -> Mention | None:
    """The name an appositive holding ``best`` describes, with the appositive's title as
    its role: a body named inside it is the person's affiliation ("at the University of
    Melbourne"), not the speaker."""
    for m in found:
        if m.kind not in ("name", "unknown") or not text[m.end:m.end + 40].lstrip().startswith(",") \
                or not (m is best or m.end <= best.start < verb_at) \
                or verb_at - m.end > MAX_APPOSED:  # bounded: linear over many names
            continue
        gap = _strip_times(text[m.end:verb_at])
        if _APPOSED.fullmatch(gap):
            title = re.sub(r"^(?:an?|the|his|her|its|their)\s+", "",
                           text[m.end:verb_at].strip(" ,"), flags=re.I)
            # "lecturer in Russian politics at the University of Melbourne": the title is
            # what comes before the place of work
            title = re.split(r"\s+(?:at|with)\s+", title, maxsplit=1)[0].strip()
            # the appositive is the attribution's words too: its body is no subject or object
            end = text.rindex(",", m.end, verb_at) + 1
            return dataclasses.replace(m, end=end, role=title or None)
    return None


def _named_before(registry: Registry, text: str, found: list[Mention], best: Mention) -> Mention:
    """The name a role stands in apposition to ("Dmitry Peskov, a Kremlin spokesman,
    said"): the named person speaks, not an unnamed spokesman."""
    if best.kind != "role" or best.entity is None:
        return best
    named = (m for m in found if m.kind == "name" and m.entity == best.entity
             and m.end <= best.start
             and _fold(text[m.end:best.start].strip(" ,")) in ("", "a", "an", "the"))
    same = next(named, None)
    if same is not None:
        return same
    # "Sen. Jim Risch, R-Idaho, chairman of the committee, said": a title set off by commas
    # after another registered person's name describes that person, whoever the registry
    # gives the title to (an outlet's wrong title is the outlet's claim, A-rules judge it)
    other = (m for m in found if m.kind == "name" and m.entity is not None
             and registry.kind(m.entity) is EntityKind.person and m.end <= best.start
             and re.fullmatch(r"\s*,\s*(?:(?:the|a|an)\s+)?", text[m.end:best.start]))
    person = next(other, None)
    if person is None:
        return best
    return dataclasses.replace(person, end=best.end, role=best.text)


def _described(ctx: Context, text: str, found: list[Mention], best: Mention) -> Mention:
    """The vague or unnamed source whose phrase ends in ``best`` ("sources close to the
    Kremlin", "a diplomat in Kyiv"), or ``best`` itself: the head noun speaks, the name
    only says where it stands."""
    if best.kind not in ("name", "role", "unknown"):
        return best
    for head in found:
        if head.kind not in ("vague", "unnamed") or head.end > best.start:
            continue
        link = text[head.end:best.start]
        if _NEAR.match(link):
            return Mention(head.start, best.end, text[head.start:best.end], None, head.kind)
        if head.kind == "unnamed" and head.entity is None and _FOR.match(link):
            # "a spokesperson for Foreign Minister Marise Payne": her unnamed spokesperson,
            # who speaks for her office, not the minister in person
            return Mention(head.start, best.end, text[head.start:best.end],
                           ctx.registry.spoken_for(best.entity), "unnamed")
        if _AT.match(link):
            # an unregistered name after "in" is a place as much as a registered one; a
            # place says where a faceless group is ("some analysts in Moscow": still
            # vague), a body whose people they are ("sources in the ministry": unnamed)
            place = ctx.registry.kind(best.entity) in (EntityKind.place, None)
            return Mention(head.start, best.end, text[head.start:best.end],
                           None if place else best.entity,
                           head.kind if place else "unnamed")
    return best


def _rank(m: Mention) -> tuple[int, int, int]:
    """Nearest end first; then a document ("the statement released by X") over the names
    inside it, a registered name over a bare description; then the longest."""
    kind = {"doc": 3, "name": 2, "role": 2}.get(m.kind, 1)
    return (m.end, kind, -m.start)


def subject_after(ctx: Context, text: str, at: int) -> Mention | None:
    """The speaker phrase starting right after ``at`` ("said Mendel")."""
    options = [m for m in candidates(ctx, text) if m.start >= at and _skippable(text[at:m.start])]
    return min(options, key=lambda m: (m.start, -m.end), default=None)


# Words between a speaker and the verb are a short phrase; a longer gap is not skippable.
# The cap keeps subject_before linear: it tries every candidate before the verb.
MAX_GAP = 300


def _skippable(gap: str, *, places: bool = False) -> bool:
    if len(gap) > MAX_GAP:
        return False
    gap = _strip_times(gap)
    if "." in gap or ";" in gap:
        return False
    return (bool(_SKIPPABLE.match(gap)) or bool(_APPOSITIVE.match(gap))
            or (places and bool(_PLACE_PHRASE.match(gap))))


def _strip_times(text: str) -> str:
    for pattern, _ in (*TIME_PATTERNS, *_CONTEXT_TIMES):
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def resolve_who(ctx: Context, sentence: Sentence, m: Mention) -> Who:
    """Turn the chosen phrase into an attribution; a place speaks through its government."""
    return _voiced(ctx.registry, _resolve(ctx, sentence, m))


def _voiced(registry: Registry, who: Who) -> Who:
    if who.speaker is not None and registry.kind(who.speaker) is EntityKind.place:
        who.place, who.speaker = who.speaker, registry.voice_of(who.speaker)
    who.via = _voices(registry, who.via, who.speaker)
    return who


def _voices(registry: Registry, ids: Iterable[str], speaker: str | None) -> list[str]:
    """Intermediaries as entities that can pass words on: no place, no repeat, not the
    speaker."""
    out = (registry.voice_of(e) for e in ids)
    return [e for e in dict.fromkeys(out) if e is not None and e != speaker]


def _resolve(ctx: Context, sentence: Sentence, m: Mention) -> Who:
    text = sentence.text
    if m.kind in ("name", "role"):
        mode = "unnamed" if (m.kind == "role" and _UNNAMED_START.match(_phrase_start(text, m)))\
            else "paraphrase"
        if m.kind == "role" and _UNNAMED_START.match(_phrase_start(text, m)):
            return Who(m.entity, _phrase_start(text, m) + m.text, mode, span=(m.start, m.end))
        role = m.role if ctx.registry.kind(m.entity) is EntityKind.person else None
        return Who(m.entity, m.text, mode, span=(m.start, m.end), role=role)
    if m.kind == "pronoun":
        kind = _PRONOUNS[m.text.lower()]
        speaker = ctx.last.get(kind) or ctx.last.get("any")
        return Who(speaker, m.text, "paraphrase", span=(m.start, m.end))
    if m.kind == "doc":
        via = [x.entity for x in ctx.registry.mentions(m.text) if x.entity and not x.possessive]
        speaker = ctx.last.get("any")
        return Who(speaker, m.text, "paraphrase", [v for v in via if v != speaker],
                   span=(m.start, m.end))
    if m.kind == "vague":
        return Who(None, m.text, "vague", span=(m.start, m.end))
    if m.kind == "unnamed":  # "officials at the ministry" speak for it, unnamed
        return Who(m.entity, m.text, "unnamed", span=(m.start, m.end))
    return Who(None, m.text, "paraphrase", span=(m.start, m.end), unknown=m.text, role=m.role)


_PHRASE_WINDOW = 120


def _phrase_start(text: str, m: Mention) -> str:
    """Possessive words right before a role: 'its ' in 'its security chief'."""
    # Only the last words matter; a window keeps the right-anchored search linear.
    before = re.search(r"(?:\b(?:its|his|her|their|a|an|one)\s+)$|(?:[\w’'.-]+['’]s\s+)$",
                       text[max(0, m.start - _PHRASE_WINDOW): m.start], re.I)  # "His aide"
    return before.group() if before else ""


def attribution(ctx: Context, sentence: Sentence) -> Who | None:
    """Who the sentence attributes its words to, or None (the outlet's own voice)."""
    masked = _masked(sentence)
    who = (_from_passive(ctx, sentence, masked) or _from_quote_end(ctx, sentence, masked)
           or _from_verbs(ctx, sentence, masked))
    according = _ACCORDING.search(masked)
    if according:
        src = subject_after(ctx, masked, according.end())
        if src is not None:
            outlet = src.entity if ctx.registry.kind(src.entity) is EntityKind.outlet else None
            if who is None and outlet is not None:
                # "According to Kommersant, ...": another outlet relays its reporting;
                # whose word it had, the sentence does not say.
                who = Who(None, None, "vague", [outlet], span=(src.start, src.end))
            elif who is None:
                who = resolve_who(ctx, sentence, src)
            elif _document_speaks(masked, according.start(), src):
                who = _issued(ctx, sentence, src)
            elif src.entity:
                who.via = _voices(ctx.registry, [*who.via, src.entity], who.speaker)
    if who is not None:
        _relayed(ctx, masked, who)
    if who is not None and who.said is None:
        who.said = _said_time(masked, who.span) or _opening_time(masked, who.span)
    if who is not None:
        who.to = _addressees(ctx, masked, who)
    return who


def _document_speaks(masked: str, according: int, src: Mention) -> bool:
    """'Biden "voiced our concerns ...," according to the White House readout': with no
    speech verb before it, the document the words are according to is their source, and
    the person it names is what it reports on."""
    return src.kind == "doc" and next(_speech_verbs(_VERB, masked[:according]), None) is None


def _issued(ctx: Context, sentence: Sentence, doc: Mention) -> Who:
    """The document's issuer, named inside it ("the White House readout"), speaks."""
    named = [x.entity for x in ctx.registry.mentions(doc.text) if x.entity]
    if not named:
        return resolve_who(ctx, sentence, doc)
    return _voiced(ctx.registry, Who(named[0], doc.text, "paraphrase",
                                     span=(doc.start, doc.end)))


# Whom the words were said to: "X told AFP", "X said in an interview with Reuters".
_TOLD = re.compile(r"\b(?:told|tells)\s+(?:the\s+)?|\bin\s+an?\s+interview\s+with\s+(?:the\s+)?",
                   re.I)


def _addressees(ctx: Context, masked: str, who: Who) -> list[str]:
    """The registered outlet or person named right after "told" or "in an interview
    with", where that phrase follows the speaker (a speech verb, an appositive or a time
    between them); never a place, never the speaker ("told reporters" names no one)."""
    for told in _TOLD.finditer(masked, who.span[1]):
        if not _skippable(_VERB.sub(" ", masked[who.span[1]:told.start()])):
            return []
        to = [m.entity for m in candidates(ctx, masked) if m.start == told.end() and m.entity
              and ctx.registry.kind(m.entity) is not EntityKind.place and m.entity != who.speaker]
        return to[:1]
    return []


# A relay closing the sentence: whoever passed the speaker's words on ("..., Peskov said,
# according to Russia's state news agency TASS", '"...," Russian media report').
_RELAY = re.compile(r"(?:,\s*(?P<kw>according\s+to|as\s+reported\s+by|citing"
                    r"|per(?=\s+(?:(?:the|a|an)\s+)?(?-i:[A-Z])))\s+[^,;]{1,80}?"
                    r"|[,\s](?P<src>[^,;]{1,60}?)\s+(?:reports?|reported))\s*[.!]?\s*$", re.I)


MAX_RELAY = 160


def _relayed(ctx: Context, masked: str, who: Who) -> None:
    """The intermediary of a closing relay goes to ``via``, and its words are no subject
    or object of the claim (they were drafted as the object)."""
    # Only the sentence's tail: a relay is short, and a long blank (a masked quotation)
    # must not be searched from every position.
    base = max(0, len(masked) - MAX_RELAY)
    m = _RELAY.search(masked, base)
    if m is None or m.start() < who.span[1] <= m.end():
        return  # the relay is the attribution itself ("Russian media report" alone)
    phrase = m.start("kw") if m.group("kw") else m.start("src")
    named = [x for x in ctx.registry.mentions(masked[phrase:m.end()])
             if x.entity and not x.possessive]
    agency = named[-1].entity if named else None
    if agency is None or agency == who.speaker:
        return
    who.via = _voices(ctx.registry, [*who.via, agency], who.speaker)
    who.relay_at = m.start() if m.group("kw") else phrase + named[-1].start


def _from_passive(ctx: Context, sentence: Sentence, masked: str) -> Who | None:
    """'X was quoted by Y as saying ...': X speaks, Y passes the words on."""
    quoted = _QUOTED_BY.search(masked)
    if quoted is None:
        return None
    subject = subject_before(ctx, masked, quoted.start())
    if subject is None:
        return None
    who = resolve_who(ctx, sentence, subject)
    agency = subject_after(ctx, masked, quoted.end())
    if agency is not None and agency.entity:
        who.via = _voices(ctx.registry, [*who.via, agency.entity], who.speaker)
    return who


def _from_quote_end(ctx: Context, sentence: Sentence, masked: str) -> Who | None:
    """'"...," X said' / '"...," said X' after a quotation."""
    for opened, close in sentence.quotes:
        rest_at = close
        m = re.match(r"\s*[,.!?]?\s*", masked[rest_at:])
        at = rest_at + (m.end() if m else 0)
        verb = _VERB_START.match(masked[at:])
        if verb:
            who = subject_after(ctx, masked, at + verb.end())
            if who:
                return resolve_who(ctx, sentence, who)
            continue
        verb2 = next(_speech_verbs(_VERB, masked, at), None)
        if verb2 and _relays_the_sentence(masked, opened, verb2):
            continue  # 'X said ... "...", Bloomberg reported.': X speaks, via Bloomberg
        if verb2 and masked[at - 2:at].strip() in (",", "", ",\u201d"):
            who = subject_before(ctx, masked, verb2.start(), floor=at)
            if who:
                return resolve_who(ctx, sentence, who)
    return None


def _relays_the_sentence(masked: str, opened: int, verb: re.Match[str]) -> bool:
    """A reporting verb closing a sentence whose quotation it does not open: a relay of
    the sentence's own attribution, not the speaker of the quotation."""
    return (verb.group().lower().startswith("report") and bool(masked[:opened].strip())
            and not masked[verb.end():].strip(" .!\"”’"))


def _from_verbs(ctx: Context, sentence: Sentence, masked: str) -> Who | None:
    """'X said ...' / '..., X said.' / 'X on Friday accused Y of "..."'."""
    for verbs in (_STRONG, _VERB):
        for verb in _by_quote(sentence, _speech_verbs(verbs, masked), verbs is _VERB):
            who = subject_before(ctx, masked, verb.start())
            if who is not None:
                return resolve_who(ctx, sentence, who)
    if sentence.quotes:  # 'Peskov on April 12 brushed aside "..."': the sentence's subject
        first = sorted(candidates(ctx, masked[: sentence.quotes[0][0]]), key=lambda m: m.start)
        if first and first[0].kind in ("name", "role") and (
                _skippable(masked[: first[0].start])
                or _MEMBERS_OF.fullmatch(masked[: first[0].start])):
            return resolve_who(ctx, sentence, _head_of(masked, first))
    return None


# A body's members before its name, who speak as the body: "The foreign ministers of the
# G7 group of leading industrialised nations ... called on Russia to "cease ..."" (as
# "G7 foreign ministers" after it).
_MEMBERS_OF = re.compile(r"\s*(?:the\s+)?(?:(?:foreign|defen[cs]e|finance|interior|health|"
                         r"economy)\s+)?(?:ministers|leaders)\s+of\s+(?:the\s+)?", re.I)


def _by_quote(sentence: Sentence, verbs: Iterable[re.Match[str]],
              nearest: bool) -> list[re.Match[str]]:
    """Speech verbs in the order to try: the sentence's, or (``nearest``) with a
    quotation, the one nearest before it first ("Nato has demanded ..., and Blinken
    warned Moscow of "costs"": Blinken's words)."""
    found = list(verbs)
    if not nearest or not sentence.quotes:
        return found
    at = sentence.quotes[0][0]
    before = [v for v in found if v.end() <= at]
    return [*reversed(before), *(v for v in found if v.end() > at)]


def _head_of(text: str, ordered: list[Mention]) -> Mention:
    """The last of the names and roles that open a sentence one after another ("NATO
    Secretary General Jens Stoltenberg": Stoltenberg)."""
    head = ordered[0]
    for m in ordered[1:]:
        if m.start < head.end or m.kind == "unknown":
            continue  # inside the head, or title words ("Secretary General")
        gap = text[head.end:m.start].replace(",", " ").split()
        if m.kind not in ("name", "role") or not all(w[:1].isupper() for w in gap):
            break
        head = m
    return head


def _speech_verbs(verbs: re.Pattern[str], masked: str, at: int = 0) -> Iterator[re.Match[str]]:
    """The speech verbs of ``masked`` from ``at``, without a noun's use of one, nor a
    claim of lives ("the conflict has claimed more than 13,000 lives")."""
    return (v for v in verbs.finditer(masked, at)
            if not _noun_use(masked, v) and not _TOLL.match(masked, v.end())
            and not (v.group() in ("asked", "asks") and _REQUEST.match(masked, v.end())))


# "Asked" making a request, not reporting words: "has asked to speak with", "asked for a
# call" (the request is the claim; a question is '"Why?" Kovacs asked').
_REQUEST = re.compile(r"\s+(?:to\s+[a-z]+|for)\b")


# What a toll "claims": lives, a figure of them, victims ("claimed more than 13,000 lives",
# "claims the lives of", "has claimed thousands of victims").
_TOLL = re.compile(r"\s++(?:the\s++)?(?:(?:more\s+than|over|at\s+least|about|some|nearly|"
                   r"almost|around|up\s+to|another)\s++)?(?:(?:\d[\d.,\u00a0\u202f]*+(?: \d{3})*+"
                   r"|[a-z]++)\s++)?(?:(?:thousands?|millions?|hundreds?|dozens?)\s++)?"
                   r"(?:of\s++)?(?:lives|life|victims|casualties)\b", re.I)


def _noun_use(text: str, verb: re.Match[str]) -> bool:
    """Whether a word that is also a noun ("estimates", "claims") is used as one: right
    after a determiner or an adjective ("Western estimates vary", "the claims"); a
    subject before it ("Norland claims", "officials fear") keeps it a verb."""
    if verb.group() not in _NOUN_VERBS:
        return False
    before = re.search(r"([A-Za-z’']+)\s+$", text[max(0, verb.start() - 40):verb.start()])
    if before is None:
        return False
    word = before.group(1)
    return word.lower() in _DETERMINERS or bool(_ADJECTIVE.search(word))


def _said_time(masked: str, span: tuple[int, int]) -> str | None:
    """A time expression next to the attribution: 'said on Monday', 'last week said'."""
    window_start, window_end = span[1], min(len(masked), span[1] + 40)
    found = _times(masked[window_start:window_end])
    return found[0][2] if found else None


# What may come before a sentence's opening time: "And this morning, Shoigu ...", "In a
# statement on April 12, the ministry said", "In a joint statement published on Sunday,";
# "Later on Monday", "On March 30" are part of the time the words were said.
_OPENING_LEAD = re.compile(
    r"\s*(?:(?:and|but|well|so|also),?\s+)?(?:in\s+an?\s+(?:(?:joint|written|brief)\s+)?"
    r"(?:statement|interview|briefing|post|speech|address|message|video|report)\s*"
    r"(?:(?:published|released|issued|posted|made|given)\s*)?)?"
    r"(?P<said>(?:(?:later|earlier|early|late)\s*)?(?:on\s*)?)",
    re.I)


def _opening_time(masked: str, span: tuple[int, int]) -> str | None:
    """The time that opens the sentence before its speaker ("On Monday, April 12, the
    press secretary ... said"): when the words were said, its adjacent parts joined."""
    found = _times(masked[: span[0]])
    lead = _OPENING_LEAD.fullmatch(masked, 0, found[0][0]) if found else None
    if lead is None:
        return None
    start = lead.start("said") if lead.group("said") else found[0][0]
    end = found[0][1]
    for a, b, _ in found[1:]:
        if masked[end:a].strip() not in ("", ","):
            break
        end = b
    return masked[start:end].strip()


# Times the calendar cannot date but the article can: "that same day" is the day it named
# last; "shortly before midnight" is late on the day in play (that one, else the day of
# publication). Drafted with the date they mean (a time's 'date').
_SAME_DAY = re.compile(r"\b(?:(?:later|earlier)\s+)?(?:on\s+)?(?:that(?:\s+same)?|the\s+same)\s+"
                       r"(?:day|morning|afternoon|evening|night)\b", re.I)
_BEFORE_MIDNIGHT = re.compile(r"\b(?:(?:shortly|just|minutes|hours|moments|an\s+hour)\s+)?"
                              r"before\s+midnight\b", re.I)
_CONTEXT_TIMES = ((_SAME_DAY, None), (_BEFORE_MIDNIGHT, None))


def _time_value(words: str, article: Article, ctx: Context | None,
                before: str = "") -> str | dict[str, str] | None:
    """A time for a draft: the words when the calendar dates them, the words and the
    date when the article does ("That same day": the day named last, in ``before`` (the
    sentence up to the words) or the sentences before it), else None. In a story whose
    dateline dates it before the publication (a wire story a paper prints the next day),
    words that mean another day on the story's date than on the paper's ("yesterday",
    "on Monday") are the words and the days they mean on the story's date."""
    found = resolve(words, article.published)
    if found is not None:
        wire = ctx.wire if ctx is not None else None
        own = resolve(words, wire) if wire is not None else None
        if own is None or own == found:
            return words
        if own.start == own.end:
            return {"text": words, "date": own.start.isoformat()}
        return {"text": words, "start": own.start.isoformat(), "end": own.end.isoformat()}
    same, midnight = _SAME_DAY.fullmatch(words), _BEFORE_MIDNIGHT.fullmatch(words)
    if ctx is None or not (same or midnight):
        return None
    day = _day_named(before, article.published, ctx.day())
    meant = day if same else day or article.published
    return {"text": words, "date": meant.isoformat()} if meant else None


def _day_named(text: str, published: dt.date | None, day: dt.date | None) -> dt.date | None:
    """The last single day a sentence names, or ``day`` when it names none."""
    for _, _, words in _times(text):
        found = resolve(words, published)
        if found is not None and found.start == found.end:
            day = found.start
    return day


def _times(text: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for pattern, _ in (*TIME_PATTERNS, *_CONTEXT_TIMES):
        for m in pattern.finditer(text):
            words = m.group().strip()
            if words and not any(a < m.end() and m.start() < b for a, b, _ in out):
                out.append((m.start(), m.end(), words))
    return sorted(out)


# ------------------------------------------------------------------ figures


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    value: float
    cmp: str
    unit: str
    scope: tuple[str, ...] = ()
    each: bool = False
    stop: int = -1  # where the next figure starts (this one's time is read up to there)


def figures(registry: Registry, text: str) -> list[Figure]:
    """Figures in a sentence: number, comparator, unit and scope."""
    found: list[Figure] = []
    numbers = list(_NUMBER.finditer(text))
    ends = _clause_ends(text) if numbers else []
    for m in numbers:
        raw = m["num"].lower()
        word = _word_number(raw)
        base = word if word is not None else _figure_value(raw, grouped=not m["mult"])
        value = base * _MULTIPLIERS.get((m["mult"] or "").lower(), 1)
        if _is_year_or_date(text, m, value) or _names_no_count(text, m):
            continue
        unit, unit_end = _unit(text, m.end(), registry.units, one=value == 1)
        cmp = dict(_CMP).get((m["cmp"] or "").lower(), "eq")
        joined = _INHERIT.search(text[found[-1].end:m.start()]) if found else None
        if unit is None and joined:
            unit, unit_end = found[-1].unit, m.end()
            if joined["another"] and cmp == "eq" and value == found[-1].value:
                cmp = found[-1].cmp  # "more than 40,000 ... and another 40,000": more than
        if unit is None and value != 1:
            unit = _unit_named_before(text, m.start())
        if unit is None or unit in _TIME_UNITS:
            continue
        found.append(Figure(m.start(), unit_end, value, cmp, unit, ()))
    return _merge_each(text, _scoped(registry, text, found, ends))


# "the two leaders", "these three members": a number word after a definite determiner points
# back at people already named, it counts nothing new.
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|both|all)\s+$", re.I)


def _names_no_count(text: str, m: re.Match[str]) -> bool:
    """A number word that is part of a name ("the Group of Seven", capitalised mid-sentence)
    or refers back to ones already named ("the two leaders")."""
    raw = m["num"]
    if m["cmp"] or _word_number(raw) is None:
        return False
    before = text[:m.start()].rstrip()
    # capitalised after a word, not opening a sentence or a quotation: a name's word
    if raw[0].isupper() and before and (before[-1].isalnum() or before[-1] in ",;"):
        return True
    return bool(_DEFINITE_BEFORE.search(text, max(0, m.start() - 8), m.start()))


def _scoped(registry: Registry, text: str, found: list[Figure], ends: list[int]) -> list[Figure]:
    """Each figure with its scope and its stop: the scope runs to the clause's end, but
    never into the next figure's words; a year or a duration is no figure, so "50 in all of
    2020" keeps its year as its time."""
    out = []
    for i, f in enumerate(found):
        stop = found[i + 1].start if i + 1 < len(found) else len(text)
        scope = _scope(registry, text[f.end:max(min(stop, _clause_end(text, f.end, ends)),
                                                f.end)])
        out.append(dataclasses.replace(f, scope=scope, stop=stop))
    return out


def _figure_value(raw: str, grouped: bool) -> float:
    """'40,000', '80 000', '40.000' -> 40000.0 / 80000.0; '1.5' -> 1.5. Not ``grouped``
    (a multiplier follows): '1.500' is a decimal."""
    if grouped and _THOUSANDS.fullmatch(raw):
        return float(re.sub(r"\D", "", raw))
    return float(raw.replace(",", ""))


def _is_year_or_date(text: str, m: re.Match[str], value: float) -> bool:
    raw = m["num"]
    if re.fullmatch(r"(1[89]|20)\d\d", raw) and not m["cmp"]:
        return True
    before = text[max(0, m.start() - 12):m.start()]
    return bool(re.search(r"(?:January|February|March|April|May|June|July|August|September|"
                          r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|"
                          r"Oct|Nov|Dec)\.?\s+$", before)) or not math.isfinite(value) \
        or abs(value) > MAX_FIGURE  # beyond what a record may hold: no count of anything


MAX_UNIT_LOOKBACK = 200


def _unit_named_before(text: str, at: int) -> str | None:
    """'the number of Russian servicemen near its borders at more than 80,000': the noun
    counted, when the figure follows 'to' or 'at' (a window: bounded time on long lines)."""
    before = text[max(0, at - MAX_UNIT_LOOKBACK):at]
    if not _TO_FIGURE.search(before):
        return None
    named = [m.group(1) for m in _NUMBER_OF.finditer(before)]
    return named[-1].lower() if named and _plural(named[-1]) else None


_UNIT_WORDS = re.compile(r"\s+([A-Za-z][A-Za-z’'-]*)")


def _listed_unit(units: frozenset[str], text: str, at: int,
                 one: bool = False) -> tuple[str | None, int]:
    """A unit the vocabulary lists, of up to three words, after a number and at most one
    capitalised adjective: "40,000 military personnel" is 'military-personnel', "one
    Ukrainian soldier" 'soldiers' (after "one", a one-word unit is drafted in the plural;
    after any other figure as written: "14,000 people" is 'people', not 'peoples', where
    the vocabulary lists the unit 'people')."""
    words: list[tuple[str, int]] = []
    pos = at
    while len(words) < 4 and (w := _UNIT_WORDS.match(text, pos)):
        pos = w.end()
        words.append((w.group(1), pos))
    first = 1 if words and words[0][0][0].isupper() else 0
    for n in (3, 2, 1):
        run = words[first:first + n]
        if len(run) < n or any(not w[:1].islower() for w, _ in run):
            continue
        joined = "-".join(w.lower() for w, _ in run)
        if plural(joined) in units:
            return (plural(joined) if n == 1 and one else joined), run[-1][1]
    return None, at


def _unit(text: str, at: int, units: frozenset[str] = frozenset(),
          one: bool = False) -> tuple[str | None, int]:
    """The counted noun after a number: skip up to two adjectives; 'of their X' too. After
    "one" only a unit the vocabulary lists ("one soldier"): "one day", "one source" are
    no figures."""
    listed = _listed_unit(units, text, at, one) if units else (None, at)
    if listed[0] is not None or one:
        return listed
    rest = text[at:]
    m = re.match(r"\s+of\s+(?:their|the|its|his|her|our|them|these|those)\s+([a-z][a-z-]+)", rest)
    if m and _plural(m.group(1)):
        return m.group(1), at + m.end()
    pos = at
    for _ in range(3):
        w = re.match(r"\s+([A-Za-z][A-Za-z’'-]*)", text[pos:])
        if w is None:
            return None, at
        word = w.group(1)
        if word.lower() in _NOT_UNITS:
            return None, at
        pos += w.end()
        if word[0].islower() and _plural(word):
            # "police officers", "aid workers": the counted noun is the last of a compound.
            nxt = re.match(r"\s+([a-z][a-z-]*)", text[pos:])
            if nxt and _plural(nxt.group(1)) and nxt.group(1) not in _NOT_UNITS:
                return nxt.group(1), pos + nxt.end()
            return word.lower(), pos
        if word[0].islower() and word not in ("armed", "military", "civilian", "active"):
            # "three airborne formations", "two combat-ready units": an adjective right
            # before a plural noun; otherwise ("two were killed") no unit.
            nxt = re.match(r"\s+([a-z][a-z-]*)", text[pos:])
            if nxt and _plural(nxt.group(1)) and nxt.group(1) not in _NOT_UNITS:
                return nxt.group(1), pos + nxt.end()
            unit, end = _compound(text, pos, word, nxt)
            return (unit, end) if unit else (None, at)
    return None, at


def _compound(text: str, pos: int, word: str, nxt: re.Match[str] | None) -> tuple[str | None, int]:
    """'28 battalion tactical groups': two modifiers before a plural noun name one unit,
    written as the records write it ('battalion-tactical-groups')."""
    if nxt is None or nxt.group(1) in _NOT_UNITS:
        return None, -1
    last = re.match(r"\s+([a-z][a-z-]*)\b", text[pos + nxt.end():])
    if last is None or not _plural(last.group(1)) or last.group(1) in _NOT_UNITS:
        return None, -1
    return f"{word.lower()}-{nxt.group(1)}-{last.group(1)}", pos + nxt.end() + last.end()


def _plural(word: str) -> bool:
    low = word.lower()
    # "servicemen", "policemen": -men is a plural as "women" is
    return low in _IRREGULAR_UNITS or (low.endswith("s") and not low.endswith("ss") and
                                       len(low) > 3) or (low.endswith("men") and len(low) > 5)


_CLAUSE_END = re.compile(r",|;|\.(?:\s|$)|\s(?:according|who|which|since|compared|when)\b")


def _clause_ends(text: str) -> list[int]:
    """Where the sentence's clauses end, found once: a search per figure from its unit to
    the next comma was quadratic in a long sentence of figures."""
    return [m.start() for m in _CLAUSE_END.finditer(text)]


def _clause_end(text: str, at: int, ends: list[int]) -> int:
    i = bisect.bisect_left(ends, at)
    return ends[i] if i < len(ends) else len(text)


def _scope(registry: Registry, text: str) -> tuple[str, ...]:
    out: list[str] = []
    for m in registry.mentions(text):
        if m.entity and registry.kind(m.entity) is EntityKind.place and m.entity not in out:
            out.append(m.entity)
    return tuple(out)


def _merge_each(text: str, found: list[Figure]) -> list[Figure]:
    """'N troops on A and N troops in B': one figure stated for each of A and B."""
    merged: list[Figure] = []
    for f in found:
        prev = merged[-1] if merged else None
        if (prev is not None and (prev.value, prev.cmp, prev.unit) == (f.value, f.cmp, f.unit)
                and re.search(r"\band\s+(?:another\s+)?$", text[prev.end:f.start])
                and prev.scope and f.scope):
            merged[-1] = Figure(prev.start, f.end, f.value, f.cmp, f.unit,
                                tuple(dict.fromkeys(prev.scope + f.scope)), each=True,
                                stop=f.stop)
        else:
            merged.append(f)
    return merged


# ------------------------------------------------------------------ propositions


def _words(text: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z]+", text.lower())
            if w not in _STOPWORDS and len(w) >= 3}


def _stem(word: str) -> str:
    """One form for a word's inflections: "talks", "talk"; "moved", "move"; "massing",
    "mass" (a stem keeps three letters; "-ss" is no plural)."""
    m = re.match(r"(\w{3,}?)(?:ing|ed|es|e|s)$", word)
    return m.group(1) if m and not word.endswith("ss") else word


class Predicates:
    """Guesses a vocabulary predicate for a draft, first from the words of its id: one
    whose id words the sentence all holds, the one with the most of them
    ('call-to-de-escalate' over 'de-escalate'). A one-word id fits so only when that
    word is in no other id: in "call for talks", 'talks' is also what 'request-talks'
    and 'refuse-talks' ask for. Failing that, the one sharing the most words of its id
    and label with the sentence (not of its description, which names other things). Two
    predicates that fit equally give no guess: a wrong guess is worse than none."""

    def __init__(self, predicates: Mapping[str, Predicate]) -> None:
        self.predicates = dict(predicates)
        self.index = {p.id: _words(p.id.replace("-", " ")) for p in self.predicates.values()}
        self.strong = {p.id: self.index[p.id] | _words(p.label) for p in self.predicates.values()}
        counts: dict[str, int] = {}
        for own in self.index.values():
            for word in own:
                counts[word] = counts.get(word, 0) + 1
        self.shared = {w for w, n in counts.items() if n > 1}

    def guess(self, text: str, *, figure: bool) -> tuple[str | None, str]:
        words = _words(text)
        pick = self._by_id(words, figure) or self._by_overlap(words, figure)
        if pick is not None:
            return pick, "guessed from the article's words"
        if "say" in self.predicates:
            return "say", "the generic statement term; choose a specific one"
        statements = sorted(p.id for p in self.predicates.values()
                            if p.kind is PredicateKind.statement)
        return (statements[0] if statements else None,
                "a placeholder, no vocabulary term fits the words; choose one")

    def event(self, text: str) -> str | None:
        """The predicate whose id words the text all holds (see :meth:`guess`), or None."""
        return self._by_id(_words(text), False)

    def _measure(self, pid: str, figure: bool) -> bool:
        return figure and self.predicates[pid].kind is PredicateKind.measure

    def _by_id(self, words: set[str], figure: bool) -> str | None:
        ranked = sorted(((len(own), self._measure(pid, figure)), pid)
                        for pid, own in self.index.items()
                        if own and own <= words and (len(own) > 1 or not own & self.shared))
        return _unique_best(ranked)

    def _by_overlap(self, words: set[str], figure: bool) -> str | None:
        ranked = sorted(((len(words & self.strong[pid]), self._measure(pid, figure)), pid)
                        for pid in self.predicates if words & self.strong[pid])
        return _unique_best(ranked)


def _unique_best(ranked: Sequence[tuple[Any, str]]) -> str | None:
    """The last (highest) of ``ranked``, unless the one before it ranks the same."""
    if not ranked or (len(ranked) > 1 and ranked[-1][0] == ranked[-2][0]):
        return None
    return ranked[-1][1]


# ------------------------------------------------------------------ the extractor


@dataclass
class Article:
    text: str
    published: dt.date | None
    outlet: str
    headline: str | None = None
    furniture: Sequence[str] = ()


def extract(article: Article, entities: Mapping[str, Entity],
            predicates: Mapping[str, Predicate], units: Collection[str] = ()) -> Extraction:
    """Draft claims for an article (see the module docstring); ``units`` are the plurals of
    the vocabulary's unit spellings (``Corpus.units``)."""
    registry = Registry(entities, article.published, units)
    ctx = Context(registry)
    ctx.wire = story_date(article.text, article.published)
    preds = Predicates(predicates)
    result = Extraction()
    ids: set[str] = set()
    tried: dict[str, int] = {}
    unknown: dict[str, UnknownName] = {}
    drafts: list[dict[str, Any]] = []
    listed = list(sentences(article.text, headline=article.headline, skip=article.furniture))
    for i, sentence in enumerate(listed):
        ctx.ahead = listed[i + 1] if i + 1 < len(listed) else None
        for draft in _drafts(ctx, preds, article, sentence):
            draft["id"] = _unique(draft["id"], ids, tried)
            _wire_note(ctx, article, draft)
            drafts.append(draft)
        # A line of an article in title case is a heading ("Kovacs Rejects Talks With
        # Okafor"), though one name alone (a source's, in `entities`) is written so too.
        for name in () if _title_case(sentence.text) else _unknown_names(registry, sentence):
            if unknown.setdefault(name.name, name).kind != "place" and name.kind == "place":
                unknown[name.name] = name  # "London said", then "in London": a place
    _named_elsewhere(registry, drafts)
    result.drafts = [_ordered(d) for d in drafts]
    result.unknown = sorted(unknown.values(), key=lambda u: u.name)
    result.agencies = credited_agencies(registry, article.text, article.outlet)
    return result


def _wire_note(ctx: Context, article: Article, draft: dict[str, Any]) -> None:
    """Say so when a time's words are read on the story's dateline date, not on the
    publication date (the checks read a time's words on the latter: D604 shows the two)."""
    if ctx.wire is None:
        return
    times = [draft.get("when"), (draft.get("by") or {}).get("said")]
    read = [t["text"] for t in times if isinstance(t, dict)
            and resolve(t["text"], article.published) is not None]
    if read:
        draft["note"] += (f" '{read[0]}' is read on the story's date in its dateline "
                          f"({ctx.wire.isoformat()}), not on the publication date "
                          f"({article.published}); the checks read the words on the "
                          "latter, so D604 shows the two: keep the date if the paper "
                          "prints the story as written.")


def _named_elsewhere(registry: Registry, drafts: list[dict[str, Any]]) -> None:
    """A role the article names elsewhere is no unnamed source: "his spokeswoman said
    Monday" in a lede whose next paragraph quotes "Iuliia Mendel" is Mendel, named."""
    named = {by["speaker"] for d in drafts if (by := d.get("by")) and by.get("speaker")
             and registry.names.get(_fold(by.get("as") or "")) == by["speaker"]}
    for draft in drafts:
        by = draft.get("by") or {}
        named_mode = by.pop("_named_mode", None)
        if named_mode and by.get("speaker") in named:
            by["mode"] = named_mode


def _unique(base: str, ids: set[str], tried: dict[str, int] | None = None) -> str:
    # ``tried`` remembers the last suffix per base: thousands of equal sentences stay linear.
    n = 2 if tried is None else tried.get(base, 2)
    candidate = base
    while candidate in ids:
        candidate = f"{base}-{n}"
        n += 1
    if tried is not None:
        tried[base] = n
    ids.add(candidate)
    return candidate


_ORDER = ("id", "part", "evidence", "by", "says", "when", "quantity", "draft", "note")


def _ordered(draft: dict[str, Any]) -> dict[str, Any]:
    return {k: draft[k] for k in _ORDER if k in draft and draft[k] not in (None, {}, [])}


def _as_own_voice(draft: dict[str, Any]) -> dict[str, Any]:
    """A speech draft whose speaker is the outlet itself, without the attribution."""
    out = {k: v for k, v in draft.items() if k != "by"}
    out["note"] = draft["note"] + " The outlet cites its own reporting: its own voice."
    return out


def _own_report(who: Who | None, article: Article, sentence: Sentence) -> bool:
    """The outlet's own earlier reporting given as the source of unquoted words: its own
    voice, not a speaker's (a quote it names itself for is kept: an interview it gave)."""
    return (who is not None and who.speaker is not None and who.speaker == article.outlet
            and not who.via and not sentence.quotes)


MAX_SPLITS = 3  # clauses a sentence is cut into, at most, is one more


def _drafts(ctx: Context, preds: Predicates, article: Article,
            sentence: Sentence, splits: int = 0) -> Iterator[dict[str, Any]]:
    who = attribution(ctx, sentence) or _quote_goes_on(ctx, sentence) \
        or _quote_runs_on(ctx, sentence)
    halves = _coordinated(ctx, sentence, who) if splits < MAX_SPLITS else None
    if halves is not None:  # "He met Kovacs and the alliance said no": two claims
        for half in halves:
            yield from _drafts(ctx, preds, article, half, splits + 1)
        return
    if who is not None:
        who = ctx.of_occasion(who)
    ctx.quoted = (sentence.para, who) if who is not None and who.speaker \
        and sentence.quotes else None
    ctx.carry = (sentence.para, who) if who is not None and _carries(ctx, sentence, who) \
        else None
    ctx.passage(who)
    evidence = _evidence(sentence)
    heading = _is_heading(sentence)
    if who is None and heading:
        who, subject = _from_heading(ctx, sentence, _masked(sentence))
        if subject is not None:
            yield _heading_draft(ctx, preds, article, sentence, subject, evidence)
    speakers = _speakers(ctx, sentence, who)
    if who is not None and not _asks(sentence):
        for one in speakers:
            draft = _speech_draft(ctx, preds, article, sentence, one, evidence)
            yield _as_own_voice(draft) if _own_report(one, article, sentence) else draft
    found = figures(ctx.registry, _counted_lower(sentence))
    for fig in found:
        yield _figure_draft(ctx, preds, article, sentence, who, fig, evidence)
    if who is None and not heading and not found:
        own = _own_voice_draft(ctx, preds, article, sentence, evidence)
        if own is not None:
            yield own
    if who is not None:
        ctx.remember(who.speaker)
    else:
        ctx.remember(_last_person(ctx.registry, _masked(sentence)))
    ctx.seen.append(sentence.text)


_TITLE_CASE_COUNT = re.compile(r"(?<=\d\s)[A-Z][a-z]+\b")


def _counted_lower(sentence: Sentence) -> str:
    """A title-case headline's counted noun in lower case ("Masses 80,000 Troops"), as the
    body writes it, so its figure is read; offsets kept."""
    if sentence.part != "headline" or not _title_case(sentence.text):
        return sentence.text
    return _TITLE_CASE_COUNT.sub(lambda m: m.group().lower(), sentence.text)


# A heading: the headline (a live blog's post heading too), or a subheading: a short line of
# its own that does not end like a sentence, drafted as part of the body, where H701 (a
# headline stronger than its body) does not read it as the article's headline.
MAX_HEADING_WORDS = 14
# The verb after a heading's subject, in the present ("Kyiv asks", "Norland Rejects").
_HEADING_VERB = re.compile(r"\s+(?:[a-z]+ly\s+)?([A-Za-z][a-z]+(?<!s)s)\b(?!['’])")
_HEADING_COLON = re.compile(r"([^:\"“”]{2,80}?):\s+(?=[\"“‘])")


def _is_heading(sentence: Sentence) -> bool:
    """The headline, or a subheading; never a piece of a paragraph cut at a semicolon or
    ", while" ("Moscow accuses Ukraine of provocations in Donbas,")."""
    text = sentence.text
    return sentence.part == "headline" or (sentence.whole and not _SENTENCE_END.search(text)
                                           and len(text.split()) <= MAX_HEADING_WORDS)


def _from_heading(ctx: Context, sentence: Sentence,
                  masked: str) -> tuple[Who | None, Mention | None]:
    """A heading without a reporting verb: 'Speaker: "quote"' gives the speaker (an
    unregistered one by its words: "Okafor's office"); 'Subject verbs ...' gives the
    subject, the speaker when the verb is a speech verb ("Norland Says"), else the
    subject of a claim in the outlet's own voice ("Norburg asks for talks")."""
    colon = _HEADING_COLON.match(masked)
    if colon:
        phrase = colon.group(1)
        named = [m for m in candidates(ctx, phrase) if m.kind in ("name", "role", "unnamed")
                 and m.entity and _skippable(phrase[:m.start]) and _skippable(phrase[m.end:])]
        if named:
            return resolve_who(ctx, sentence, named[0]), None
        words = phrase.strip()
        if any(m.kind == "unnamed" and not phrase[m.end:].strip()
               for m in candidates(ctx, phrase)):  # "The alliance spokesman": no one named
            return Who(None, words, "unnamed", span=(0, len(phrase))), None
        return Who(None, words, "paraphrase", span=(0, len(phrase)), unknown=words), None
    said_by = _heading_speaker(ctx, masked)
    if said_by is not None:
        mention, span = said_by
        who = resolve_who(ctx, sentence, mention)
        who.span = span  # the words are the rest: "Kuleba in Brussels:" is none of them
        return who, None
    named = [m for m in candidates(ctx, masked) if m.kind in ("name", "role") and m.entity
             and not m.possessive]
    first = min(named, key=lambda m: m.start, default=None)
    if first is None or not _skippable(masked[: first.start]):
        return None, None
    verb = _HEADING_VERB.match(masked, first.end)
    if verb is None:
        return None, None
    if verb.group(1).lower() in SPEECH_VERBS:
        return resolve_who(ctx, sentence, first), None
    return None, first


# "Kuleba in Brussels: Ukraine does not want war ..." (a person, perhaps where they are,
# before the colon); "... for drills: defense minister" (a speaker after the last colon).
_HEADING_LEAD = re.compile(r"([^:\"“”]{2,60}?):\s+(?=\S)")
_HEADING_TRAIL = re.compile(r":\s+([^:\"“”]{2,60}?)[\s.]*$")
_WHERE = re.compile(r"^\s+in\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s*$")


def _heading_speaker(ctx: Context, masked: str) -> tuple[Mention, tuple[int, int]] | None:
    """The speaker of a heading that gives its words unquoted, with the span of the words
    that attribute them: a registered person alone before its colon (a topic there,
    "Ukraine crisis: ...", is no speaker), or a registered name or role alone after its last
    colon (Xinhua's "...: defense minister")."""
    lead = _HEADING_LEAD.match(masked)
    if lead:
        phrase = lead.group(1)
        for m in candidates(ctx, phrase):
            if m.kind in ("name", "role") and m.entity and not m.possessive \
                    and ctx.registry.kind(m.entity) is EntityKind.person \
                    and not phrase[:m.start].strip() \
                    and (not phrase[m.end:].strip() or _WHERE.match(phrase[m.end:])):
                return m, (m.start, lead.end())
    trail = _HEADING_TRAIL.search(masked)
    if trail:
        phrase, at = trail.group(1), trail.start(1)
        for m in candidates(ctx, phrase):
            if m.kind in ("name", "role") and m.entity and not m.possessive \
                    and _skippable(phrase[:m.start]) and not phrase[m.end:].strip():
                return (dataclasses.replace(m, start=m.start + at, end=m.end + at),
                        (trail.start(), len(masked)))
    return None


def _heading_draft(ctx: Context, preds: Predicates, article: Article, sentence: Sentence,
                   subject: Mention, evidence: str) -> dict[str, Any]:
    """A heading's claim in the outlet's own voice: its subject (a place as the
    government it stands for) and the next registered name as object."""
    registry, text = ctx.registry, sentence.text
    entity = subject.entity or ""
    voice = registry.voice_of(entity) or entity
    rest = (m.entity for m in registry.mentions(text[subject.end:]) if m.entity)
    obj = next((e for e in rest if (registry.voice_of(e) or e) != voice), None)
    predicate, how = preds.guess(text, figure=False)
    stance, negated = _stance(text)
    says = {"subject": voice, "predicate": predicate, "object": obj,
            "negated": negated or None, "stance": stance}
    when = next((v for a, _, w in _times(text)
                 if (v := _time_value(w, article, ctx, text[:a]))), None)
    return {"id": f"h-{slug(voice, 20)}-{slug(text, 28)}", "part": sentence.part,
            "evidence": evidence, "says": {k: v for k, v in says.items() if v is not None},
            "when": when, "draft": True,
            "note": _note(None, predicate, how) + " A heading in the outlet's own voice: "
                    "attribute it if the article gives its source."
                    + _place_subject(registry, subject.text, voice)}


def _place_subject(registry: Registry, words: str, subject: str) -> str:
    """A place left as the subject (the registry gives it no government): it does not act."""
    if registry.kind(subject) is not EntityKind.place:
        return ""
    return (f" '{words}' is the place '{subject}', and a place does not act: set says.subject "
            "to the government or body meant (a place whose side in facts/entities.yaml is a "
            "government is drafted as that government).")


MIN_STATEMENT_WORDS = 5


def _asks(sentence: Sentence) -> bool:
    """An unquoted question ("What has Russia said?", an explainer's heading): it asserts
    nothing, though it may name a party and a speech verb."""
    return not sentence.quotes and sentence.text.rstrip("\"”’) ").endswith("?")


def _quote_goes_on(ctx: Context, sentence: Sentence) -> Who | None:
    """A sentence that is one quotation and nothing else, in the paragraph of a quote whose
    speaker was found ('"...," Garneau said. "We call on Russia to de-escalate."'), or
    opening the paragraph after one whose last sentence named its speaker and no one else
    ('..., Peskov said.' / '"We have no such information."'): the same speaker's words go
    on, as a curator reads them (the draft's note says the speaker was carried over)."""
    if len(sentence.quotes) != 1:
        return None
    a, b = sentence.quotes[0]
    if sentence.text[:a].strip() or sentence.text[b:].strip(" .,!?"):
        return None
    before = ctx.quoted
    if before is not None and before[0] == sentence.para:
        return dataclasses.replace(before[1], span=(0, 0), relay_at=-1)
    carry = ctx.carry
    if carry is None or carry[0] == sentence.para or sentence.start != sentence.para \
            or sentence.part != "body":
        return None
    return dataclasses.replace(carry[1], span=(0, 0), relay_at=-1, carried="before")


_OPENING_MARKS = "“\"«„‘"


def _quote_runs_on(ctx: Context, sentence: Sentence) -> Who | None:
    """A paragraph that is one quotation left open (no closing mark), before a paragraph
    that opens with a quotation mark: news style for one speaker's words running over
    paragraphs ('“The Kremlin has the request.' / '“We have no answer,” Mendel said.'); the
    words are the next paragraph's speaker's, when it names one."""
    nxt = ctx.ahead
    if nxt is None or len(sentence.quotes) != 1 or sentence.start != sentence.para \
            or nxt.para == sentence.para or nxt.start != nxt.para or sentence.part != "body" \
            or not nxt.text.startswith(tuple(_OPENING_MARKS)):
        return None
    a, b = sentence.quotes[0]
    text = sentence.text
    if a or b < len(text) or text.rstrip().endswith(("”", "»", "’")) \
            or (text.count('"') != 1 and text[0] == '"'):
        return None  # not one quotation left open
    who = attribution(ctx, nxt)
    if who is None or not who.speaker or who.mode in ("vague", "unnamed") or who.place:
        return None
    return dataclasses.replace(who, span=(0, 0), relay_at=-1, carried="after", said=None,
                               to=[])


def _carries(ctx: Context, sentence: Sentence, who: Who) -> bool:
    """Whether a quotation alone in the next paragraph may take this sentence's speaker:
    a body sentence whose speaker is named (a person or body the registry holds), that
    names no other person outside its quotations ("Peskov said Zelensky should ..." may be
    followed by Zelensky's words)."""
    if not who.speaker or who.mode in ("vague", "unnamed") or sentence.part != "body" \
            or who.place:
        return False
    others = {m.entity for m in ctx.registry.mentions(_masked(sentence))
              if m.entity and not m.possessive and m.entity != who.speaker
              and ctx.registry.kind(m.entity) is EntityKind.person}
    return not others


def _own_voice_draft(ctx: Context, preds: Predicates, article: Article, sentence: Sentence,
                     evidence: str) -> dict[str, Any] | None:
    """A body sentence in the outlet's own voice (no attribution, no quotation) that
    states something checkable about a registered party: when it happened (a time the
    article dates) or an event the vocabulary names by every word of its id ("Biden
    called Putin on Tuesday", "Russia annexed Crimea in 2014"). Background without
    either ("The standoff has sparked concern") is left to the curator (V901 shows it):
    a draft of every sentence would bury the ones worth checking."""
    text = sentence.text
    if sentence.part != "body" or sentence.quotes or not any(
            m.entity for m in ctx.registry.mentions(text)):
        return None
    if _STRONG.search(text):
        return None  # someone speaks whom the attribution did not find: no guess
    if _asks(sentence) or len(text.split()) < MIN_STATEMENT_WORDS:
        return None  # a question asserts nothing; a dateline ("MOSCOW, April 12.") neither
    when = next((v for a, _, w in _times(text)
                 if (v := _time_value(w, article, ctx, text[:a]))), None)
    event = preds.event(text)
    if when is None and event is None:
        return None
    subject, obj = _subject_object(ctx, text, None, article.outlet)
    predicate, how = (event, "guessed from the article's words") if event else \
        preds.guess(text, figure=False)
    stance, negated = _stance(text)
    says = {"subject": subject, "predicate": predicate, "object": obj,
            "negated": negated or None, "stance": stance}
    return {"id": f"o-{slug(subject, 20)}-{slug(text, 28)}", "part": sentence.part,
            "evidence": evidence, "says": {k: v for k, v in says.items() if v is not None},
            "when": when, "draft": True,
            "note": _note(None, predicate, how) + " The outlet's own voice: keep it only if "
                    "it is worth checking, and attribute it if the article gives its source."}


def _last_person(registry: Registry, text: str) -> str | None:
    """The person an own-voice sentence names last, not in a possessive: the one a
    following "he said" means ("... but Mr Zelensky has called for membership." /
    '"Nato is the only way," he said.')."""
    people = [m.entity for m in registry.mentions(text)
              if m.entity and not m.possessive and registry.kind(m.entity) is EntityKind.person]
    return people[-1] if people else None


def _speakers(ctx: Context, sentence: Sentence, who: Who | None) -> list[Who]:
    """The attribution, and a second speaker joined by 'and' ('Washington and NATO said')."""
    if who is None:
        return []
    out = [who]
    before = _masked(sentence)[: who.span[0]]
    joined = _and_at_end(before)
    if joined is not None and (who.speaker or who.place):
        other = subject_before(ctx, before, joined)
        if other and other.entity and other.kind == "name" \
                and not _clause_before(before, joined, other):
            second = _voiced(ctx.registry, Who(other.entity, other.text, who.mode, list(who.via),
                                               who.said, (other.start, other.end)))
            if (second.speaker, second.place) != (who.speaker, who.place):
                out.insert(0, second)
    return out


# A finite verb of the closed class no list of speakers holds ("The port was closed and
# the alliance said ...").
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does)\b")
_CLAUSE_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t|[Yy]ou)\b")
# Words that may follow a name inside the name of a list's first speaker ("officials of
# Norland and the alliance said"); another lower-case word after a name is its verb.
_PHRASE_WORDS = frozenset({"of", "for", "in", "from", "at", "and", "the", "on", "de", "da",
                           "von", "van", "al", "bin"})


def _coordinated(ctx: Context, sentence: Sentence,
                 who: Who | None) -> tuple[Sentence, Sentence] | None:
    """Two clauses with their own subjects joined by 'and' or 'but', the second one
    attributed ("He met Kovacs and the alliance said no", "Kovacs met Okafor, but Norland
    said ..."): the halves, each a sentence of its own, so the second's words are not given
    to the first clause's names (nor to its subject) and the first's are not the second's
    speaker's. A list of speakers ("Norland and the alliance said") is one clause."""
    if who is None or who.carried:
        return None
    masked = _masked(sentence)
    before = masked[: who.span[0]]
    joined = _joint_at_end(before) if who.span[0] > 0 else None
    joint = re.match(r"[\s,]*(?:and|but)\s+", before[joined:]) if joined is not None else None
    if joined is not None and joint is not None and before[:joined].strip() \
            and not _straddles(sentence, joined, joined + joint.end()) \
            and _is_clause(ctx, before[:joined]):
        return _piece(sentence, 0, joined), _piece(sentence, joined + joint.end(),
                                                   len(sentence.text))
    return _later_clause(ctx, sentence, masked, who.span[1])


def _straddles(sentence: Sentence, *at: int) -> bool:
    return any(a < i < b for a, b in sentence.quotes for i in at)


# The word alone, not ",?\s+and": a search from every space of a blanked quotation's run
# would be quadratic.
_JOINT = re.compile(r"(?<=\s)(?:and|but)\s+(?!that\b)")
MAX_SUBJECT_TO_VERB = 3  # words between a clause's subject and its speech verb ("also")
MAX_JOINT_SPACE = 8  # spaces and a comma before "and"
MAX_JOINTS = 4  # clauses tried after the first attribution
_SUBJECT_WORDS = re.compile(r"(?:[\w’'.-]+\s+){1,8}?(?=(?:" + "|".join(
    sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b)")


def _subject_words(masked: str, at: int) -> str:
    """The few words between 'and' and a speech verb ("the Coastal Alliance also "), or ""."""
    m = _SUBJECT_WORDS.match(masked, at)
    return m.group() if m else ""


def _later_clause(ctx: Context, sentence: Sentence, masked: str,
                  after: int) -> tuple[Sentence, Sentence] | None:
    """The first attribution's clause, then 'and'/'but' and a clause opening with another
    subject and its speech verb ("Kovacs said the port was closed and Okafor said the
    talks were over"): two sentences, each with its own speaker."""
    tried = 0
    for joint in _JOINT.finditer(masked, after):
        window = masked[max(0, joint.start() - MAX_JOINT_SPACE): joint.start()]
        start = joint.start() - len(window) + len(window.rstrip(" \t,"))
        if _straddles(sentence, start, joint.end()) or not _VERB.match(
                masked, joint.end() + len(_subject_words(masked, joint.end()))):
            continue
        tried += 1
        if tried > MAX_JOINTS:  # a hostile run of "and X said": each try reads the rest
            return None
        rest = _piece(sentence, joint.end(), len(sentence.text))
        other = attribution(ctx, rest)
        if other is None or not (other.speaker or other.unknown) \
                or _fold(rest.text[: other.span[0]]).strip() not in ("", "the") \
                or not re.match(rf"(?:\s+\S+){{0,{MAX_SUBJECT_TO_VERB}}}?\s+{_VERB.pattern}",
                                rest.text[other.span[1]:]):
            continue
        return _piece(sentence, 0, start), rest
    return None


def _joint_at_end(text: str) -> int | None:
    """Where the spaces (and comma) before a final 'and' or 'but' start."""
    joined = _and_at_end(text)
    if joined is None:
        tail = text.rstrip()
        if tail.endswith(("the", "The")) and len(tail) > 4 and tail[-4].isspace():
            tail = tail[:-3].rstrip()
        if tail.endswith("but") and len(tail) > 4 and tail[-4].isspace() \
                and len(tail) < len(text):
            joined = len(tail[:-3].rstrip())
    if joined is not None and text[:joined].endswith(","):
        joined -= 1
    return joined


def _is_clause(ctx: Context, lead: str) -> bool:
    """Whether the words before 'and' are a clause of their own (a subject and its verb:
    "He met Kovacs", "Kovacs met Okafor on Monday"), not a speaker joined to the next
    one: its last part (after a comma) holds a pronoun subject, or a name followed by a
    lower-case word that is no part of a name or title."""
    part = re.split(r"[,;:]", lead)[-1]
    if _CLAUSE_PRONOUN.search(part) or _AUXILIARY.search(part) or _VERB.search(part):
        return True
    found = ctx.registry.mentions(part)
    starts = {m.start for m in found}
    for m in found:
        if m.possessive or m.kind == "pronoun":
            continue
        nxt = re.match(r"\s+([a-z][\w'’-]*)", part[m.end:])
        if nxt is not None and nxt.group(1) not in _PHRASE_WORDS \
                and m.end + nxt.start(1) not in starts \
                and not _ROLE_NOUN.match(part[m.end:]) and not _MEMBERS.match(part[m.end:]):
            return True
    return False


def _piece(sentence: Sentence, a: int, b: int) -> Sentence:
    text = sentence.text[a:b]
    trimmed = text.rstrip(" ,")
    lead = len(trimmed) - len(trimmed.lstrip())
    return Sentence(sentence.start + a + lead, trimmed.strip(), sentence.part,
                    tuple((qa - a - lead, qb - a - lead) for qa, qb in sentence.quotes
                          if a <= qa and qb <= b),
                    para=sentence.para)


def _clause_before(before: str, joined: int, other: Mention) -> bool:
    """Whether ', and' joins two clauses ("Zelensky wants to call Putin, and the Kremlin
    says"), not a list of speakers ("Washington, London, and Paris said"): in a list the
    name before the comma follows a comma too, or opens the sentence."""
    if not before[:joined].endswith(","):
        return False
    lead = before[:other.start].rstrip()
    return bool(lead) and not lead.endswith(",")


def _and_at_end(text: str) -> int | None:
    """Where the spaces before a final ' and ' start; string methods, not a '\\s+and\\s+$'
    search, which is quadratic on a long run of spaces (a blanked quotation)."""
    tail = text.rstrip()
    if len(tail) == len(text):
        return None
    if tail.endswith(("the", "The")) and len(tail) > 4 and tail[-4].isspace():
        tail = tail[:-3].rstrip()  # "Nato and the G7 demand": the article before a name
    if not tail.endswith("and") or len(tail) < 4 or not tail[-4].isspace():
        return None
    return len(tail[:-3].rstrip())


def _evidence(sentence: Sentence) -> str:
    text = sentence.text
    if len(text) <= MAX_EVIDENCE:
        return text
    cut = text[:MAX_EVIDENCE]
    return cut[: cut.rfind(" ")] if " " in cut else cut


def _content(sentence: Sentence, who: Who | None) -> str:
    text = sentence.text
    if who is None:
        return text
    a, b = who.span
    # a label bracketed after the speaker's name ("(Idaho)") is the attribution's words too
    label = _NAME_LABEL.match(text, b)
    b = label.end() if label else b
    text = text[:a] + " " * (b - a) + text[b:]
    return text if who.relay_at < 0 else text[: who.relay_at]


def _subject_object(ctx: Context, text: str, speaker: str | None,
                    fallback: str) -> tuple[str, str | None]:
    ents = [m.entity for m in ctx.registry.mentions(text) if m.entity]
    ents = list(dict.fromkeys(ents))
    # A place that acts or is acted on stands for its government, where the registry
    # gives it one ("Moscow has pointed the finger at Kyiv": Russia blames Ukraine).
    ents = list(dict.fromkeys(ctx.registry.voice_of(e) or e for e in ents))
    subject = ents[0] if ents else (speaker or fallback)
    rest = [e for e in ents if e != subject]
    return subject, (rest[0] if rest else None)


def _stance(text: str) -> tuple[str, bool]:
    for stance, rx in _STANCES:
        if rx.search(text):
            return stance, False
    return "asserts", bool(_NEGATION.search(text))


def _mode(sentence: Sentence, who: Who) -> str:
    if not sentence.quotes or who.mode in ("vague", "unnamed"):
        return who.mode
    first_open = sentence.quotes[0][0]
    return "direct-quote" if not sentence.text[:first_open].strip() else "partial-quote"


def _by(sentence: Sentence, who: Who, article: Article,
        ctx: Context | None = None) -> dict[str, Any]:
    by: dict[str, Any] = {"speaker": who.speaker, "as": who.as_, "role": who.role,
                          "mode": _mode(sentence, who)}
    if who.mode == "unnamed" and who.speaker and ctx is not None \
            and ctx.registry.kind(who.speaker) is EntityKind.person:
        # the mode should the article name the speaker elsewhere (_named_elsewhere); a
        # body named elsewhere ("NATO said") does not name its unnamed spokeswoman
        by["_named_mode"] = _mode(sentence, Who(who.speaker, who.as_, "paraphrase"))
    if who.via:
        by["via"] = list(dict.fromkeys(who.via))
    if who.to:
        by["to"] = who.to
    if who.said:
        by["said"] = _time_value(who.said, article, ctx, sentence.text[: who.span[0]])
    return {k: v for k, v in by.items() if v}


def _speech_draft(ctx: Context, preds: Predicates, article: Article, sentence: Sentence,
                  who: Who, evidence: str) -> dict[str, Any]:
    content = _content(sentence, who)
    subject, obj = _subject_object(ctx, content, who.speaker, who.speaker or article.outlet)
    predicate, how = preds.guess(content, figure=False)
    stance, negated = _stance(content)
    by = _by(sentence, who, article, ctx)
    tag = "q" if by["mode"] in ("direct-quote", "partial-quote") else "s"
    says = {"subject": subject, "predicate": predicate, "object": obj,
            "negated": negated or None, "stance": stance}
    return {
        "id": f"{tag}-{slug(who.speaker or who.as_ or 'unnamed', 20)}-{slug(content, 28)}",
        "part": sentence.part, "evidence": evidence, "by": by,
        "says": {k: v for k, v in says.items() if v is not None},
        "when": _event_time(content, who, article, ctx), "draft": True,
        "note": _note(who, predicate, how),
    }


def _figure_draft(ctx: Context, preds: Predicates, article: Article, sentence: Sentence,
                  who: Who | None, fig: Figure, evidence: str) -> dict[str, Any]:
    text = sentence.text
    content = _content(sentence, who)
    subject, obj = _subject_object(ctx, content[: fig.start] + content[fig.end:],
                                   who.speaker if who else None, article.outlet)
    predicate, how = preds.guess(text, figure=True)
    quantity: dict[str, Any] = {"value": _number(fig.value), "unit": slug(fig.unit, 40)}
    if fig.cmp != "eq":
        quantity["cmp"] = fig.cmp
    if fig.scope:
        quantity["scope"] = list(fig.scope)
    if fig.each:
        quantity["each"] = True
    by = _by(sentence, who, article, ctx) if who else None
    if by and by["mode"] in ("direct-quote", "partial-quote"):
        by["mode"] = "paraphrase" if not _in_quote(sentence, fig.start) else by["mode"]
    when = _times(text[fig.end:fig.stop if fig.stop >= fig.end else len(text)])
    return {
        "id": f"n-{slug(str(_number(fig.value)), 12)}-{slug(fig.unit, 20)}",
        "part": sentence.part, "evidence": evidence, "by": by,
        "says": {"subject": subject, "predicate": predicate, **({"object": obj} if obj else {})},
        "when": next((v for a, _, w in when
                      if (v := _time_value(w, article, ctx, text[: fig.end + a]))),
                     None),
        "quantity": quantity, "draft": True,
        "note": _note(who, predicate, how),
    }


def _in_quote(sentence: Sentence, at: int) -> bool:
    return any(a <= at < b for a, b in sentence.quotes)


def _number(value: float) -> float | int:
    return int(value) if value == int(value) else value


def _event_time(content: str, who: Who, article: Article,
                ctx: Context) -> str | dict[str, str] | None:
    for start, _, words in _times(content):
        if who.said and words in who.said:
            continue  # a part of the said time ("On Monday" of "On Monday, April 12")
        value = _time_value(words, article, ctx, content[:start])
        if value is not None:
            return value
    return None


def _note(who: Who | None, predicate: str | None, how: str) -> str:
    parts = [f"Machine draft: review every field. Predicate '{predicate}': {how}."]
    if who is not None and who.unknown:
        parts.append(f"Speaker '{who.unknown}' is not in the registry: register it, then set "
                     "by.speaker.")
    elif who is not None and who.place:
        parts.append(_place_note(who))
    elif who is not None and who.speaker and who.mode == "unnamed":
        parts.append(f"'{who.as_}' is drafted as '{who.speaker}' without a name (mode "
                     "unnamed): check whom it means, and name the person if the article does.")
    elif who is not None and who.speaker is None and who.mode == "unnamed":
        parts.append(f"'{who.as_}' names no one: set by.speaker only if the article identifies "
                     "who spoke.")
    elif who is not None and who.speaker is None and who.mode != "vague":
        parts.append(f"Could not resolve '{who.as_}' to a registered speaker.")
    if who is not None and who.carried == "before":
        parts.append(f"No attribution in this paragraph: the speaker '{who.speaker}' is carried "
                     "over from the paragraph before; check that the words are theirs.")
    elif who is not None and who.carried == "after":
        parts.append(f"No attribution in this paragraph: its quotation does not close and runs "
                     f"on into the next, whose speaker '{who.speaker}' is carried over; check "
                     "that the words are theirs.")
    return " ".join(parts)


def _place_note(who: Who) -> str:
    if who.speaker:
        return (f"'{who.as_}' is the place '{who.place}': drafted as its government "
                f"'{who.speaker}' (the place's side); check that it is the body meant.")
    return (f"'{who.as_}' is the place '{who.place}', and a place does not speak: set "
            "by.speaker to the government or body meant (a place whose side in "
            "facts/entities.yaml is a government is drafted as that government).")


# ------------------------------------------------------------------ unknown names


def _unknown_names(registry: Registry, sentence: Sentence) -> Iterator[UnknownName]:
    if sentence.part == "headline":
        return  # headlines are in title case: every word is capitalised
    text = _unlabelled(sentence.text)
    taken = _covered(text, ((m.start, m.end) for m in registry.mentions(text)))
    first_word = re.match(r"\W*\w+", text)
    after_the: set[int] | None = None
    for m in _NAME_SEQ.finditer(text):
        for start, piece in _pieces(m, taken):
            name = _trim_name(piece)
            if name is None or _known_word(registry, name):
                continue
            at_start = first_word is not None and start < first_word.end()
            if " " not in name and (at_start or len(name) < 3):
                continue
            if after_the is None:
                after_the = _after_the(text)
            found = unknown_name(registry, name, start in after_the)
            whole = _trim_name(m.group())
            if found.nearest is None and whole and whole != name \
                    and not re.search(r"\s(?:and|&)\s", whole):
                # "Vienna Document": a name that contains a registered one is another name.
                found = unknown_name(registry, whole, m.start() in after_the)
            if found.kind in ("person", "group") and _in_place_position(
                    registry, text, start, start + len(name), found.kind == "person"):
                found = UnknownName(found.name, "place", found.nearest, found.nearest_id)
            yield found


_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "of", "for", "in", "on", "at",
                          "to", "by", "with", "as", "vs", "from", "into", "over"})


def _title_case(text: str) -> bool:
    """A heading in title case: three words or more, every one capitalised but the small
    ones ("Kovacs Rejects Talks With Okafor", "Talks in the Delta Fail Again")."""
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    return len(words) >= 3 and all(w[0].isupper() or w in _SMALL_WORDS for w in words)


def _after_the(text: str) -> set[int]:
    """Where a word may start right after "the" (or "the so-called", "the new", "the
    former"): found in one pass over the sentence, where searching its text up to each
    name was quadratic (48 s for a 200 KB sentence of capitalised words)."""
    ends: set[int] = set()
    for m in _THE.finditer(text):
        ends.add(m.end())
        qualified = _THE_QUALIFIER.match(text, m.end())
        if qualified:
            ends.add(qualified.end())
    return ends


# Words that put a place after them: "in London", "the British capital, London".
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|near|outside|inside|across|throughout|into|towards?)"
                           r"|\b(?:capital|city|town|village|port)(?:\s+of)?,?)\s+$", re.I)
_FROM_BEFORE = re.compile(r"(?<!\bcall )(?<!\bletter )(?<!\bmessage )\bfrom\s+$", re.I)
_LIST_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|or)\s+")


def _in_place_position(registry: Registry, text: str, start: int, end: int,
                       person: bool) -> bool:
    """Whether the text puts the name where a place stands: after "in" or a word for a
    city ("in London", "the capital, London"; "from London" for a one-word name, which
    a person's full name is not), before a registered place or country ("Minsk,
    Belarus"), or listed with a registered place ("Norburg, London and Southport")."""
    before = text[max(0, start - 30):start]
    if re.match(r"['’]s\b", text[end:end + 3]) or re.search(r"['’]s$", text[start:end]):
        return False  # "in Jane Roe's view"
    if _PLACE_BEFORE.search(before) or (not person and _FROM_BEFORE.search(before)):
        return True
    places = [m for m in registry.mentions(text) if m.entity and registry.kind(m.entity)
              in (EntityKind.place, EntityKind.government)]
    after = [m for m in places if m.start >= end and re.fullmatch(r"\s*,\s*",
                                                                     text[end:m.start])]
    listed = [m for m in places if registry.kind(m.entity) is EntityKind.place and (
        _LIST_SEP.fullmatch(text[m.end:start]) or _LIST_SEP.fullmatch(text[end:m.start]))]
    return bool(after or listed)


def _pieces(m: re.Match[str], taken: bytearray) -> Iterator[tuple[int, str]]:
    """The runs of words of a capitalised sequence outside registered names."""
    run: list[str] = []
    run_start = m.start()
    for w in re.finditer(r"\S+", m.group()):
        a, b = m.start() + w.start(), m.start() + w.end()
        if any(taken[a:b]):
            if run:
                yield run_start, " ".join(run)
            run = []
            continue
        if not run:
            run_start = a
        run.append(w.group())
    if run:
        yield run_start, " ".join(run)


def _known_word(registry: Registry, name: str) -> bool:
    """A registered name or role wording (or one word of a role), a demonym of one (Ukrainian, Western), or
    registered names and their demonyms joined ("Biden-Putin", "French and German",
    "Russian-backed": a lowercase word joined to a registered one is a compound)."""
    low = _fold(name)
    if low in registry.names or low in registry.roles:
        return True
    # A capitalised word of a registered title ("Chancellor" of "Chancellor of Germany",
    # before "Angela Merkel"): a title, as "President" is, not a name of its own.
    if " " not in low and (low in registry.role_words or _derived(low, registry.tokens)):
        return True
    parts = [p for p in _JOINERS.split(name) if p]
    return len(parts) > 1 and any(p[:1].isupper() for p in parts) and all(
        not p[:1].isupper() or _registered_word(registry, p) for p in parts)


def _registered_word(registry: Registry, part: str) -> bool:
    low = _fold(part)
    return (low in registry.names or low in registry.role_words
            or (" " not in low and _derived(low, registry.tokens)))


def _derived(word: str, tokens: set[str]) -> bool:
    """Demonyms and plurals of registered words: Ukrainian, Russians, Western, German."""
    if is_derived(word, tokens):
        return True
    for ending in _DEMONYM_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            if any(stem + e in tokens for e in ("", "e", "a")):
                return True
    return False


def unknown_name(registry: Registry, name: str, after_the: bool = False) -> UnknownName:
    """``name`` as an unknown name with a guessed kind; ``after_the``: the text writes
    "the" before it, which a person's name does not take."""
    nearest, nearest_id = _nearest(registry, name)
    kind = _guess_kind(name, after_the)
    if kind == "person" and any(_fold(w) in registry.tokens for w in name.split()):
        kind = "group"  # "Vienna Document": built on a registered name, not a person's
    return UnknownName(name, kind, nearest, nearest_id)


def _nearest(registry: Registry, name: str) -> tuple[str | None, str | None]:
    """The registered name (or one of its words) the unknown name most resembles."""
    folded = _fold(name)
    close = difflib.get_close_matches(folded, list(registry.names), n=1, cutoff=0.8)
    if close:
        return _registered(registry, close[0]), registry.names[close[0]]
    for word in folded.split():
        if len(word) < 5 or word in registry.tokens or _derived(word, registry.tokens):
            continue  # "German" is Germany's adjective, not a misspelling of it
        # A word is a misspelling as N501 reads one: one edit (a transposition counts as
        # one), two from nine letters; "Steve" is not "Seven" (difflib's ratio said 0.8).
        edits = 2 if len(word) >= 9 else 1
        hit = [w for w in difflib.get_close_matches(word, sorted(registry.name_words), n=3,
                                                     cutoff=0.6) if distance(word, w) <= edits]
        if hit:
            full = next(n for n in sorted(registry.names, key=len, reverse=True)
                        if hit[0] in n.split())
            if _same_rest(folded.split(), word, full.split()):
                return _registered(registry, full), registry.names[full]
    return None, None


def _same_rest(words: list[str], near: str, registered: list[str]) -> bool:
    """Whether the unknown name's other words are the registered name's (or a letter
    off): "Daria Litvinova" is no misspelling of "Maria Zakharova", one letter off in
    the first name only; "Iouliia Mendel" is one of "Iuliia Mendel"."""
    return all(any(distance(w, r) <= 1 for r in registered)
               for w in words if w != near and len(w) >= 3)


def _registered(registry: Registry, folded: str) -> str:
    entity = registry.entities[registry.names[folded]]
    for name in (entity.name, *entity.alias_names()):
        if _fold(name) == folded:
            return name
    return entity.name


def _guess_kind(name: str, after_the: bool = False) -> str:
    if _ORG_WORDS.search(name):
        return "organisation"
    if _PLACE_WORDS.search(name):
        return "place"
    return "person" if _person_shaped(name) and not after_the else "group"


def _person_shaped(name: str) -> bool:
    """Given name and surname (and at most one more name): two or three capitalised
    words, none an initialism or a word naming a thing ("Normandy Format")."""
    words = name.split()
    return (2 <= len(words) <= 3 and not _THING_WORDS.search(name)
            and all(w[:1].isupper() and not w.isupper() for w in words))


def unknown_names(registry: Registry, text: str, part: str = "body") -> list[UnknownName]:
    """Capitalised names in ``text`` (an excerpt or a source's name) not in the registry;
    none in a headline, which is written in title case."""
    found: dict[str, UnknownName] = {}
    for sentence in _split(text.strip(), 0, part):
        for name in _unknown_names(registry, sentence):
            found.setdefault(name.name, name)
    return list(found.values())
