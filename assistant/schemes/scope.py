"""Which schemes a text is about: the schemes a question names, and the schemes each passage concerns.

Two schemes can share words ("samarbeidsforum", "Statsforvalteren", "fylkeskommunen") and differ on
what they say about them, so a question about one scheme must be answered from that scheme's passages.
A passage is tagged with the schemes its own text and breadcrumb name; a passage that names none takes
the schemes of its document's title (a guideline document is about its scheme throughout).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from assistant.index.lexical import stem, words
from assistant.models import Passage, ScoredPassage
from assistant.rules import ScopeRules, rule_file
from assistant.schemes.catalogue import Catalogue, Scheme
from assistant.schemes.matching import _mentions_of, _name_keys


def named_schemes(catalogue: Catalogue, text: str) -> list[str]:
    """The ids of every scheme the text names (by id, name or alias, in any inflection), in order of
    first mention. Of two names where one lies inside the other ("desentralisert ordning" in
    "desentralisert ordning innen yrkesfag"), only the longer counts.

    Remembered per text for the catalogue and rule file in use: a request asks this of the same
    question and passages many times over (about 200 times, most of a request's own CPU)."""
    extended = _extended(catalogue)
    found = extended.named.get(text)
    if found is None:
        found = _named(extended.schemes, text)
        if len(extended.named) >= _NAMED_CACHE_LIMIT:  # a long-running service sees endless texts
            extended.named.clear()
        extended.named[text] = found
    return list(found)


def _named(schemes: Sequence[Scheme], text: str) -> tuple[str, ...]:
    lowered = text.casefold()
    sequence = _name_keys(text)
    spans: list[tuple[int, int, str]] = []  # (start, end, id) in the text's word sequence
    for scheme in schemes:
        best = _longest_mention(scheme, lowered, sequence)
        if best is not None:
            spans.append((*best, scheme.id))
    kept = [s for s in spans if not any(_inside(s, other) for other in spans if other is not s)]
    return tuple(scheme_id for _, _, scheme_id in sorted(kept))


_NAMED_CACHE_LIMIT = 20_000


def _with_scope_phrases(catalogue: Catalogue) -> Iterator[Scheme]:
    """The catalogue's schemes, each with the topic phrases of scope.yaml and the compounds of its
    one-word names as extra aliases."""
    yield from _extended(catalogue).schemes


@dataclass
class _Extended:
    """The schemes as `_with_scope_phrases` gives them, and what `named_schemes` found per text, for one
    catalogue and one version of the rule file."""

    catalogue: Catalogue
    rules: ScopeRules
    schemes: tuple[Scheme, ...]
    named: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _extended(catalogue: Catalogue) -> _Extended:
    """Built once per catalogue and rule file: every question and passage is matched against them."""
    rules = rule_file(ScopeRules)
    kept = _EXTENDED.get(id(catalogue))
    if kept is None or kept.catalogue is not catalogue or kept.rules is not rules:
        extended = []
        for scheme in catalogue.schemes:
            phrases = (*scheme.aliases, *rules.phrases.get(scheme.id, ()))
            extra = (
                *rules.phrases.get(scheme.id, ()),
                *_compounds(scheme, rules),
                *_phrase_compounds(rules.phrases.get(scheme.id, ()), rules),
                *_shortened(scheme),
                *_about(phrases),
            )
            extended.append(replace(scheme, aliases=(*scheme.aliases, *extra)) if extra else scheme)
        kept = _Extended(catalogue, rules, tuple(extended))
        _EXTENDED[id(catalogue)] = kept
    return kept


_EXTENDED: dict[int, _Extended] = {}


_GRANT_SCHEME = re.compile(r"\b(?:tilskudds|tilskots)(ordning\w*)", re.IGNORECASE)


def _about(names: Sequence[str]) -> list[str]:
    """A name "X for Y" said as "X om Y" ("kompetansepakken om programmering"): what it is about."""
    return [re.sub(r"\bfor\b", "om", n) for n in names if re.search(r"\bfor\b", n)]


def _shortened(scheme: Scheme) -> list[str]:
    """A name with "tilskuddsordning" said with "ordning" alone ("den kollektive ordningen" for
    "kollektiv tilskuddsordning"), when the name has more words than that one."""
    return [
        short
        for name in scheme.aliases
        if len(words(name)) > 1 and (short := _GRANT_SCHEME.sub(r"\1", name)) != name
    ]


# Shorter one-word names would make compounds of common words.
_MIN_COMPOUND_STEM = 4


def _compounds(scheme: Scheme, rules: ScopeRules) -> list[str]:
    """A one-word name joined with a money word ("yrkesfagmidlene" from "yrkesfagordningen", "Dekom" +
    "midler"): owners name a scheme by its money. The matching is by word key, so inflections count."""
    stems: set[str] = set()
    for name in scheme.aliases:
        name_words = words(name)
        if len(name_words) != 1:
            continue
        word = name_words[0]
        if any(tail in word for tail in rules.compound_tails):  # a money word already
            continue
        tail = next((t for t in rules.name_tails if word.endswith(t) and len(word) > len(t)), "")
        stems.add(word[: len(word) - len(tail)])
    return [f"{s}{t}" for s in sorted(stems) if len(s) >= _MIN_COMPOUND_STEM for t in rules.compound_tails]


def _phrase_compounds(phrases: Sequence[str], rules: ScopeRules) -> list[str]:
    """A topic phrase ending in a word in -ing, that word joined with "ordning" or a money word by the
    linking s ("fag- og yrkesopplæringsordningen", "barnehage og grunnopplæringsmidlene"): the phrase
    said as one compound at its end."""
    tails = [*rules.compound_tails, *sorted(rules.name_tails, key=len)[:1]]
    found: list[str] = []
    for phrase in phrases:
        head, _, last = phrase.rpartition(" ")
        if not head or not last.endswith("ing") or any(t in last for t in rules.name_tails):
            continue
        found.extend(f"{head} {last}s{tail}" for tail in tails)
    return found


def _longest_mention(scheme: Scheme, lowered: str, sequence: tuple[str, ...]) -> tuple[int, int] | None:
    mentions = list(_mentions_of(scheme, lowered, sequence))
    if not mentions:
        return None
    length, negative_start = max(mentions)
    start = -negative_start
    if length >= 1000:  # a literal id: its position is a character offset, and it names nothing else
        return (start, start)
    return (start, start + length)


def _inside(span: tuple[int, int, str], other: tuple[int, int, str]) -> bool:
    """`span` lies within `other`, and `other` is longer."""
    return other[0] <= span[0] and span[1] <= other[1] and (other[1] - other[0]) > (span[1] - span[0])


def in_scope(tags: frozenset[str], scope: Sequence[str]) -> bool | None:
    """Whether a passage with `tags` speaks for a question about `scope`: True when it names a scheme
    in scope (or a scheme that the scope's schemes belong to), False when it names only other schemes,
    None when it names none (general text)."""
    if not tags or not scope:
        return None
    return bool(tags & related(scope))


def related(scope: Sequence[str]) -> set[str]:
    """The schemes in scope, their umbrellas and their parts: a question about the regional ordning is
    answered by a passage about the umbrella scheme that holds it, and the other way round."""
    parts = {umbrella: set(held) for umbrella, held in rule_file(ScopeRules).parts.items()}
    wanted = set(scope)
    for umbrella, held in parts.items():
        if umbrella in wanted:
            wanted |= held
        if held & set(scope):
            wanted.add(umbrella)
    return wanted


class SchemeScope:
    """The catalogue as a scope for retrieval: the schemes a question names, and each passage's tags,
    computed once per passage text (the index may change under it; a changed passage is tagged anew)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._passage_tags: dict[tuple[str, str, str], frozenset[str]] = {}
        self._title_tags: dict[str, frozenset[str]] = {}
        self._fields: tuple[ScopeRules, tuple[Scheme, ...]] | None = None  # scope.yaml's fields as names

    def named(self, text: str) -> list[str]:
        return named_schemes(self.catalogue, text)

    def asked(self, text: str) -> list[str]:
        """The schemes a question names as what it asks about: not one it compares with ("…, sånn som i
        ordningen for barnehage og skole?"), which is context."""
        comparison = rule_file(ScopeRules).comparison
        return self.named(re.sub(comparison, " ", text, flags=re.IGNORECASE) if comparison else text)

    def points_elsewhere(self, text: str, scope: Sequence[str], rare: Callable[[str], bool]) -> bool:
        """Whether the text uses rare words of another scheme's name, more of them than of any name in
        scope: "stipend" ("Utdannings- og rekrutteringsstipend") in a letter about Kompetanse for kvalitet
        asks about another scheme than the letter's, and so does "stipend for ansatte som mangler godkjent
        lærerutdanning" (the Utdanningsstipend's name) in a letter whose other question named the
        Rekrutteringsstipend, though «stipend» is in that name too. Common words ("skole", "barnehage")
        name no scheme."""
        wanted = related(scope)
        schemes = list(_with_scope_phrases(self.catalogue))
        own = {w for s in schemes if s.id in wanted for w in _name_words(s)}
        asked = {w for w in words(text) if len(w) >= _MIN_NAME_WORD}
        said_own = sum(any(_shares_word(a, o) for o in own) for a in asked)
        for scheme in (s for s in schemes if s.id not in wanted):
            others = {w for w in _name_words(scheme) - own if rare(w)}
            if sum(any(_shares_word(a, o) for o in others) for a in asked) > said_own:
                return True
        return False

    def without_names(self, text: str, scope: Sequence[str]) -> str:
        """The text with its mentions of the schemes in `scope` left out ("Hvem utbetaler pengene i Dekom?"
        as "hvem utbetaler pengene i"): what it asks about, for a search that the name's own words do not
        crowd with passages that only list the scheme. The text as it is when it names none of them."""
        raw, sequence = words(text.casefold()), _name_keys(text)
        if len(raw) != len(sequence):
            return text
        dropped: set[int] = set()
        for scheme in _with_scope_phrases(self.catalogue):
            if scheme.id in scope and (span := _longest_mention(scheme, text.casefold(), sequence)):
                dropped.update(range(*span))
        return " ".join(w for i, w in enumerate(raw) if i not in dropped) if dropped else text

    def asked_of_each(self, text: str, scope: Sequence[str]) -> dict[str, str]:
        """What a question comparing the schemes it names asks of each (scope.yaml `compared_frame`): "Hva er
        forskjellen på samarbeidsforumet i Dekom og i yrkesfagordningen?" asks "samarbeidsforumet i dekom?"
        and "samarbeidsforumet i yrkesfagordningen?". Empty when a scheme's mention can't be placed or
        nothing is said before the first one."""
        rules = rule_file(ScopeRules)
        raw, sequence = words(text.casefold()), _name_keys(text)
        if len(raw) != len(sequence) or not rules.compared_frame:
            return {}
        spans: dict[str, tuple[int, int]] = {}
        for scheme in _with_scope_phrases(self.catalogue):
            if scheme.id in scope and (span := _longest_mention(scheme, text.casefold(), sequence)):
                if span[0] == span[1]:
                    return {}
                spans[scheme.id] = span
        if len(spans) != len(set(scope)):
            return {}
        first = min(start for start, _ in spans.values())
        lead = raw[:first]
        link = lead.pop() if lead and lead[-1] in rules.compared_links else "i"
        said, before = " ".join(lead), ""
        aspect = _compared_aspect(rules, raw[max(end for _, end in spans.values()) :])
        if aspect and not re.sub(rules.compared_frame, " ", said, flags=re.IGNORECASE).strip():
            said, link = aspect, "i"  # "… A og B når det gjelder hvem som fordeler midlene?"
        while said != before:  # «hvem som …» is left once «hva er forskjellen på» is taken away
            said, before = (
                " ".join(re.sub(rules.compared_frame, " ", said, flags=re.IGNORECASE).split()),
                said,
            )
        if not said:
            return {}
        asked = {scheme_id: " ".join([said, link, *raw[a:b]]) + "?" for scheme_id, (a, b) in spans.items()}
        return {scheme_id: question[0].upper() + question[1:] for scheme_id, question in asked.items()}

    def tags_of(self, passage: Passage) -> frozenset[str]:
        key = (passage.id, passage.section, passage.text)
        if key not in self._passage_tags:
            own = frozenset(named_schemes(self.catalogue, f"{passage.section}\n{passage.text}"))
            if not own:
                if passage.title not in self._title_tags:
                    self._title_tags[passage.title] = frozenset(named_schemes(self.catalogue, passage.title))
                own = self._title_tags[passage.title]
            self._passage_tags[key] = own
        return self._passage_tags[key]

    def of_region(self, names: set[str], passages: Iterable[Passage]) -> list[str]:
        """The schemes that the documents of a region named are about, of scope.yaml's `alternatives`: the
        pages of «Statsforvalteren i Oslo og Viken» are about the scheme their title names, so its forum is
        the one meant by "Hvem sitter i samarbeidsforumet i Viken?". `names` are the question's capitalised
        words as `named_in` gives them (lower case, their first five letters); a document's region is what its
        publisher's name says after «i» (`Passage.region`). Empty when no region is named, or its documents
        name no such scheme."""
        if not names:
            return []
        alternatives = rule_file(ScopeRules).alternatives
        found: set[str] = set()
        for title, region in {(p.title, p.region) for p in passages}:
            if region_names(region) & names:
                if title not in self._title_tags:
                    self._title_tags[title] = frozenset(named_schemes(self.catalogue, title))
                found |= self._title_tags[title] & set(alternatives)
        return sorted(found)

    def breadcrumb_tags(self, passage: Passage) -> frozenset[str]:
        """The schemes a passage's breadcrumb names (its document's title is the breadcrumb's first part)."""
        return frozenset(self.named(passage.section))

    def covers(self, text: str, scope: Sequence[str]) -> bool | None:
        """Whether `text` speaks for the schemes in `scope`: None when it names no scheme."""
        return in_scope(frozenset(self.named(text)), scope)

    def field_of(self, text: str) -> list[str]:
        """The schemes whose field (scope.yaml `fields`) the text speaks of, for a question that names no
        scheme: "Kan Statsforvalteren være med i samarbeidsforumet for yrkesfag?"."""
        rules = rule_file(ScopeRules)
        if self._fields is None or self._fields[0] is not rules:
            known = {s.id: s for s in self.catalogue.schemes}
            fields = tuple(
                replace(known[i], name=field_words[0], aliases=tuple(field_words[1:]))
                for i, field_words in rules.fields.items()
                if i in known and field_words
            )
            self._fields = (rules, fields)
        return list(_named(self._fields[1], text)) if self._fields[1] else []

    def alternatives_in(self, hits: Sequence[ScoredPassage]) -> list[str]:
        """Of scope.yaml's `alternatives`, those with a passage among `hits` that is about it and none of
        the others (in the order of the list): a question these hits answer may mean either."""
        alternatives = rule_file(ScopeRules).alternatives
        found = []
        for scheme_id in alternatives:
            others = [a for a in alternatives if a != scheme_id]
            for hit in hits:
                tags = self.tags_of(hit.passage)
                if in_scope(tags, [scheme_id]) and all(in_scope(tags, [o]) is False for o in others):
                    found.append(scheme_id)
                    break
        return found

    def prefer(self, hits: Sequence[ScoredPassage], scope: Sequence[str]) -> list[ScoredPassage]:
        """The hits with those about other schemes only moved behind the rest: a question about one
        scheme is answered from its passages (or general ones) before another scheme's."""
        if not scope:
            return list(hits)
        kept: list[tuple[float, ScoredPassage]] = []
        elsewhere: list[ScoredPassage] = []
        for hit in hits:
            fits = in_scope(self.tags_of(hit.passage), scope)
            if fits is False:
                elsewhere.append(hit)
            else:  # the scheme's own passages before general text that scores about as well
                # A passage under another scheme's breadcrumb that mentions this one in passing (the fag-
                # og yrkesopplæring guidelines on Kompetanseløftet) is no more its own than general text.
                own = fits and in_scope(self.breadcrumb_tags(hit.passage), scope) is not False
                kept.append((hit.score * (1 + _OWN_BOOST if own else 1.0), hit))
        kept.sort(key=lambda pair: -pair[0])
        return [hit for _, hit in kept] + elsewhere

    def own_first(self, hits: Sequence[ScoredPassage], scope: Sequence[str]) -> list[ScoredPassage]:
        """The hits with each that names a scheme asked about only in passing (`in_passing`) moved behind
        the passages that score at least `_PASSING_RATIO` of it: the answer is written from the first few,
        and the scheme's own guidelines say what the scheme is. Passages about other schemes only stay
        last."""
        passing = self.in_passing(hits, scope)
        if not passing:
            return list(hits)
        elsewhere = [hit for hit in hits if in_scope(self.tags_of(hit.passage), scope) is False]
        return _behind_own([hit for hit in hits if hit not in elsewhere], passing) + elsewhere

    def own_document(self, passage: Passage, scope: Sequence[str]) -> bool:
        """Whether the passage's document is the guidelines of a scheme asked about: its title names it
        ("Tilskuddsordning til kompetanseutvikling i fag- og yrkesopplæring"). Not an umbrella's document
        for one of its parts: Kompetanseløftet is only listed in the lokal ordning's."""
        if passage.title not in self._title_tags:
            self._title_tags[passage.title] = frozenset(named_schemes(self.catalogue, passage.title))
        return bool(self._title_tags[passage.title] & set(scope))

    def in_passing(self, hits: Sequence[ScoredPassage], scope: Sequence[str]) -> set[str]:
        """The ids of hits that speak of a scheme asked about only in their text, in another document than
        the scheme's own guidelines, when those are among the hits: a general article that lists "fag- og
        yrkesopplæringen" among the sectors is not what the fag- og yrkesopplæring scheme says. Their
        breadcrumb names no scheme asked about (a section on the scheme in an overview is its own)."""
        if not scope or not any(self.own_document(h.passage, scope) for h in hits):
            return set()
        return {
            hit.passage.id
            for hit in hits
            if not self.own_document(hit.passage, scope)
            and in_scope(self.tags_of(hit.passage), scope)
            and not in_scope(self.breadcrumb_tags(hit.passage), scope)
        }

    def prefer_sectors(self, hits: Sequence[ScoredPassage], sectors: Sequence[str]) -> list[ScoredPassage]:
        """The hits with those only about schemes for other sectors moved behind the rest: a kommune
        asking about "barnehagene og skolene" is not answered from the fag- og yrkesopplæring scheme.
        A scheme that lists no sectors, and general text, stay where they are."""
        kept: list[ScoredPassage] = []
        elsewhere: list[ScoredPassage] = []
        for hit in hits:
            tags = self.tags_of(hit.passage)
            (elsewhere if self.serve_other_sectors(tags, sectors) else kept).append(hit)
        return kept + elsewhere

    def serve_other_sectors(self, scheme_ids: Iterable[str], sectors: Sequence[str]) -> bool:
        """Whether every one of the schemes (at least one) lists its sectors, and none of them is asked:
        the schemes are for others than a question about `sectors`."""
        asked = set(sectors) - _CROSS_SECTORS
        ids = list(scheme_ids)
        return bool(ids and asked) and all(self._serves_other(i, asked) for i in ids)

    def _serves_other(self, scheme_id: str, sectors: set[str]) -> bool:
        scheme = self.catalogue.get(scheme_id)
        served = {e.value for e in scheme.sectors} if scheme is not None else set()
        return bool(served) and not served & sectors


def _behind_own(hits: Sequence[ScoredPassage], passing: set[str]) -> list[ScoredPassage]:
    """The hits in order, with each of `passing` moved behind the other hits that score at least
    `_PASSING_RATIO` of it (the scheme's own passages first among them, as `prefer` put them)."""
    ordered: list[ScoredPassage] = []
    waiting: list[ScoredPassage] = []
    for hit in hits:
        if hit.passage.id in passing:
            waiting.append(hit)
            continue
        ahead = [w for w in waiting if hit.score < _PASSING_RATIO * w.score]
        ordered.extend(ahead)
        waiting = [w for w in waiting if w not in ahead]
        ordered.append(hit)
    return ordered + waiting


# A passage that names the scheme asked about only in passing comes after the passages that score at least
# this share of it.
_PASSING_RATIO = 0.8

# Sectors too narrow to judge a scheme by: PP-tjenesten works for barnehager and skoler alike.
_CROSS_SECTORS = frozenset({"ppt", "sfo"})

# How much better general text must score to come before a passage about the scheme asked about.
_OWN_BOOST = 0.08

# Shorter words of scheme names are mostly small ones ("for", "innen"), not what names a scheme.
_MIN_NAME_WORD = 6


def _name_words(scheme: Scheme) -> set[str]:
    return {w for name in (scheme.name, *scheme.aliases) for w in words(name) if len(w) >= _MIN_NAME_WORD}


def _shares_word(asked: str, name_word: str) -> bool:
    """The same word, inflected, or a compound of it ("stipend" in "rekrutteringsstipend")."""
    return stem(asked) == stem(name_word) or name_word.startswith(asked) or name_word.endswith(asked)


def _compared_aspect(rules: ScopeRules, tail: Sequence[str]) -> str:
    """What a comparison asks of each scheme when it says it after their names ("… når det gjelder hvem som
    fordeler midlene": "hvem som fordeler midlene"); "" when the words after them open no such phrase."""
    if not rules.compared_aspect or not tail:
        return ""
    said = " ".join(tail)
    found = re.match(rules.compared_aspect, said, re.IGNORECASE)
    return said[found.end() :].strip() if found else ""


def region_names(region: str) -> set[str]:
    """A region's capitalised words as `named_in` gives a question's («Oslo og Viken» → {"oslo", "viken"}),
    so that the two meet."""
    return {w.lower()[:5] for w in re.findall(r"\b[\wÆØÅæøå]+\b", region) if w[:1].isupper()}
