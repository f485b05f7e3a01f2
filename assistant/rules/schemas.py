"""The rule files' schemas: one pydantic model per file, with the checks they share (no unknown keys,
no word twice in a list, patterns that compile, keys from the closed vocabularies)."""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    NonNegativeInt,
    PositiveInt,
)
from pydantic_core import PydanticCustomError

from assistant import texts
from assistant.models import FITS, MAALFORMS, NEED_KINDS, OWNER_TYPES, PARTNER_TYPES, QUESTION_TYPES, SECTORS

# --- checks the models share ----------------------------------------------------------------------


def listing(values: list[str] | tuple[str, ...]) -> str:
    """«a», «b» og «c»."""
    quoted = [f"«{v}»" for v in values]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} {texts.AND} {quoted[-1]}"


def _unique(fold: Callable[[str], str]) -> Callable[[list[str]], list[str]]:
    def check(items: list[str]) -> list[str]:
        seen: set[str] = set()
        repeats: dict[str, int] = {}  # each repeated entry, folded, at its first repeat
        for index, item in enumerate(items):
            if fold(item) in seen:
                repeats.setdefault(fold(item), index)
            seen.add(fold(item))
        if repeats:
            values = listing([items[i] for i in repeats.values()])
            raise PydanticCustomError(
                "rule_duplicate", "repeated: {values}", {"values": values, "index": min(repeats.values())}
            )
        return items

    return check


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise PydanticCustomError(
            "rule_bad_pattern", "bad pattern {pattern}", {"pattern": pattern, "reason": str(exc)}
        ) from exc
    return pattern


def _valid_repair(pair: tuple[str, str]) -> tuple[str, str]:
    pattern, replacement = pair
    try:
        re.compile(pattern).sub(replacement, "")  # checks group references even without a match
    except re.error as exc:
        raise PydanticCustomError(
            "rule_bad_replacement",
            "bad replacement {replacement}",
            {"replacement": replacement, "reason": str(exc)},
        ) from exc
    return pair


def _one_of(allowed: tuple[str, ...]) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in allowed:
            raise PydanticCustomError(
                "rule_not_allowed", "{value} not allowed", {"value": value, "allowed": listing(allowed)}
            )
        return value

    return check


def _all_of(required: tuple[str, ...]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def check(mapping: dict[str, Any]) -> dict[str, Any]:
        if missing := [key for key in required if key not in mapping]:
            raise PydanticCustomError("rule_keys_missing", "missing {keys}", {"keys": listing(missing)})
        return mapping

    return check


def _date_template(template: str) -> str:
    fields = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    if fields != {"date"}:
        raise PydanticCustomError(
            "rule_bad_template", "bad template", {"template": template, "placeholder": "{date}"}
        )
    return template


# Words and phrases: one entry once, whatever its case (the code compares them lower-cased).
Words = Annotated[list[str], AfterValidator(_unique(str.casefold))]
# Exact lines (boilerplate): compared as written.
Lines = Annotated[list[str], AfterValidator(_unique(str))]
Pattern = Annotated[str, AfterValidator(_compiles)]
Patterns = Annotated[list[Pattern], AfterValidator(_unique(str))]
# [pattern, replacement], applied with re.sub.
Repair = Annotated[tuple[Pattern, str], AfterValidator(_valid_repair)]
OwnerType = Annotated[str, AfterValidator(_one_of(OWNER_TYPES))]
Sector = Annotated[str, AfterValidator(_one_of(SECTORS))]
PartnerType = Annotated[str, AfterValidator(_one_of(PARTNER_TYPES))]
Need = Annotated[str, AfterValidator(_one_of(NEED_KINDS))]
Fit = Annotated[str, AfterValidator(_one_of(FITS))]
Standard = Annotated[str, AfterValidator(_one_of(MAALFORMS))]
QuestionKind = Annotated[str, AfterValidator(_one_of(QUESTION_TYPES))]
PerStandard = Annotated[dict[Standard, str], AfterValidator(_all_of(MAALFORMS))]
DateTemplate = Annotated[str, AfterValidator(_date_template)]


class _Strict(BaseModel):
    # A misspelt key is an error, not a silently ignored field.
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleFile(_Strict):
    """The contents of one rule file."""


# --- the files ------------------------------------------------------------------------------------


class AskedFor(_Strict):
    question: Pattern | None = None  # the question asks for this kind of fact when it matches this …
    types: list[QuestionKind] = Field(default_factory=list)  # … or its asking sentence reads as one of these
    answer: Pattern  # … and an answer that has it matches this


class GuardRules(RuleFile):
    """answer/guard.yaml: instructions to drop the rules, facts an answer must have, other agencies."""

    instruction_override: Patterns = Field(default_factory=list)
    asks_for: dict[str, AskedFor] = Field(default_factory=dict)
    other_services: Patterns = Field(default_factory=list)
    contact_details: Patterns = Field(default_factory=list)
    measures: Words = Field(default_factory=list)
    much: Pattern | None = None  # "hvor mye": an amount, never a count of `not_much` (years, days …)
    not_much: Words = Field(default_factory=list)
    person_roles: Words = Field(default_factory=list)
    channels: Words = Field(default_factory=list)
    # Matters the documents never settle (pay, VAT, travel costs, appeals …): a question about one that the
    # documents don't use a word of is refused, naming it (answer/unspoken.py).
    unspoken_matters: Patterns = Field(default_factory=list)
    # A question whose focus is a word this rare in Norwegian at large (wordfreq Zipf) and that the documents
    # never use in any form asks after something they don't speak of.
    unspoken_focus_zipf: float = 3.5
    # First parts of a compound that only rank what its last part names ("hovedmålet" is a «mål»).
    ranking_heads: Words = Field(default_factory=list)
    # Words that name a year by its distance from this one ("i år": 0, "i fjor": -1, "neste år": 1): a
    # question asking an amount or a date "i år" binds its answer to that year as a written year does.
    relative_years: dict[str, int] = Field(default_factory=dict)
    # Kinds whose members have names of their own: "Hvilke universiteter …?" asks for the names.
    named_kinds: Words = Field(default_factory=list)
    # Kinds the documents use as categories, whose members are asked for by name only "i <place>" and not
    # as who may ("Hvilke kommuner i Nordland deltar?", not "Hvilke kommuner kan søke?").
    named_in_place: Words = Field(default_factory=list)
    # A question that asks what may or must be done ("Hvem kan søke …?", "Hva kan midlene brukes til …?",
    # "Hvordan melder vi …?") asks a rule, the same in every county: a place the documents never name in it
    # does not make it unanswerable, as it does a question after that place's own figures, dates or people.
    asks_rule: Pattern | None = None
    # "Hvor mye får hver kommune?", "… per skole?": one recipient's share (group `unit`), which the documents,
    # giving only totals, never state.
    share_unit: Pattern | None = None
    # "Vi er en kommune …", "skolen vår": an asker who is one such recipient (group `unit`); their "Hvor mye
    # får vi?" asks their own share, not the county's total.
    share_asker: Pattern | None = None
    # The asker in the asking sentence ("får vi", "til oss", "vår del").
    share_we: Pattern | None = None
    # Words for the money and for getting it ("penger", "kompetansemidler", "regne med"): what a share
    # question says besides what the money is for, which a passage with the totals need not repeat.
    money_words: Words = Field(default_factory=list)
    # A question after an amount of money ("Hvor mye …?", "Kva er beløpet …?", "Hvor mange kroner …?"): its
    # answer must be a figure for the scheme it names (answer/amounts.py).
    money_question: Pattern | None = None
    # What gives an amount of money in a line ("11 271 000,-", "28 mill"), not a count.
    money_figure: Pattern | None = None
    # A question about the whole country ("på landsbasis"), and the documents whose figures are one county's.
    national: Pattern | None = None
    regional_source: Pattern | None = None


class MeasureDefinition(_Strict):
    """A verbatim sentence that names activities as competence measures, and the words it names."""

    names: Words
    quote: str
    document: str


class ProcurementRules(_Strict):
    """Buying from a provider: the question's words, and the conditions that answer it."""

    words: Words
    bypass: Words
    rules: Words
    context: Words = Field(default_factory=list)
    openers: Words = Field(default_factory=list)


class SectorOwner(_Strict):
    """An owner named by what it owns ("barnehageeiere"), not by its type: the words, the plural the answer
    uses, and the sectors such an owner runs."""

    name: str
    words: Words
    sectors: Annotated[list[Sector], AfterValidator(_unique(str))]


class AdvisorRules(RuleFile):
    """schemes/advisor.yaml: the words the advisor reads a profile and an intent from, and its limits."""

    owner_type: dict[OwnerType, Words]
    sector: dict[Sector, Words]
    need: dict[Need, Words]
    match_phrases: Words
    match_context: Words
    eligibility_markers: Words
    participation_markers: Words
    scheme_bodies: Words = Field(default_factory=list)
    place_references: Words = Field(default_factory=list)
    eligibility_openers: Words
    leading_words: Words
    group_ends: Words
    group_noise: Words
    first_person: Words
    identity_openers: Words
    workplace_openers: Words = []
    # "Vi er en fagskole. Kan lærerne våre …?": after the group, these make it the asker's body's people.
    our_words: Words = Field(default_factory=list)
    # Words after a group that say which trade it is in ("for tømrerfaget", word ends) or what kind of owner
    # runs the workplace ("private"): they do not change who the group is.
    trade_ends: Words = Field(default_factory=list)
    owner_kinds: Words = Field(default_factory=list)
    # "Kan flere eiere gå sammen om å melde behov?": acting jointly asks how the scheme works, not who's in.
    joint_phrases: Words = Field(default_factory=list)
    # "Kan lærebedrifter få tilskudd direkte fra Udir?": which way the money goes, not who is in.
    channel_phrases: Words = Field(default_factory=list)
    # "Har PPT krav på midler?": a right to the money (a phrase here and a money word right after it).
    entitlement_phrases: Words = Field(default_factory=list)
    leader_words: Words = Field(default_factory=list)  # "leder for PP-tjenesten" is of the PP-tjeneste
    group_pronouns: Words = Field(default_factory=list)
    having_openers: Words = Field(default_factory=list)
    partner_type: dict[PartnerType, Words] = Field(default_factory=dict)
    partner_roles: Words = Field(default_factory=list)
    provider_rules: Words = Field(default_factory=list)
    use_verbs: Words
    # "Hvem kan søke om midler i yrkesfagordningen?": who applies, answered from the catalogue's who_applies.
    who_applies_question: Pattern | None = None
    # "Hvem tar vi kontakt med om Kompetanseløftet?": whom to contact, answered from the catalogue's apply_to.
    contact_question: Pattern | None = None
    # "Hvordan går det til fra vi melder behov til pengene kommer?": the scheme's process, step by step, for
    # a scheme whose catalogue process has at least `process_min_steps` steps (one step is no process).
    process_question: Pattern | None = None
    # "Er Kompetanseløftet en del av yrkesfagordningen?": whether one scheme is part of another (groups part,
    # whole), answered from scope.yaml `parts` and the quote that says it (`part_quotes`).
    part_of_question: Pattern | None = None
    # The quote that says a part scheme is part of its umbrella: part id -> [quote, document].
    part_quotes: dict[str, list[str]] = Field(default_factory=dict)
    # "Hvor sender vi behovsmeldingen?": where needs go, from the catalogue's apply_to.
    send_question: Pattern | None = None
    send_yes_no: Pattern | None = None
    send_bodies: dict[str, str] = Field(default_factory=dict)
    process_min_steps: int = 3
    # Of the places to apply, those whose quote says to contact them ("Ta kontakt med fylkeskommunen …").
    contact_words: Pattern | None = None
    applying_words: Pattern | None = None  # a who_applies quote that speaks of applying or of the money
    # "Hvem melder behov i X?": asked of who reports needs; and the words of a quote that says who does
    needs_question: Pattern | None = None
    needs_words: Pattern | None = None
    group_applies: Pattern | None = None  # a group of staff as the one who applies ("Kan lærerne søke …?")
    unit_applicants: Words = Field(default_factory=list)  # "Kan skolen søke …?": a unit, not its owner
    sector_owners: list[SectorOwner] = Field(default_factory=list)
    # "Gjelder <ordning> for barnehager?": the openers of such a question, the words between the scheme and
    # the place, and the sectors it is answered for from the scheme's sector sentences
    sector_openers: Words = Field(default_factory=list)
    sector_links: Words = Field(default_factory=list)
    sector_question_sectors: list[Sector] = Field(default_factory=list)
    owners_named: dict[str, Pattern] = Field(default_factory=dict)  # whom an applying quote names
    money_words: Words
    paying_verbs: Words
    use_prepositions: Words
    buying_verbs: Words = Field(default_factory=list)
    without_words: Words = Field(default_factory=list)
    paying_participles: Words = Field(default_factory=list)
    money_compound_min: PositiveInt = 3
    measure_words: Words = Field(default_factory=list)
    use_head_ends: Words = Field(default_factory=list)
    many_starts: Words = Field(default_factory=list)
    measure_funds: Words = Field(default_factory=list)
    measure_definition: MeasureDefinition | None = None
    procurement: ProcurementRules | None = None
    own_words: Words = Field(default_factory=list)
    self_words: Words = Field(default_factory=list)
    one_person: Words = Field(default_factory=list)
    one_article: Words = Field(default_factory=list)
    self_references: Words = Field(default_factory=list)
    getting_verbs: Words = Field(default_factory=list)
    many_words: Words = Field(default_factory=list)
    # Words that add the use to another at its end ("kurs for PPT-ansatte også"): no part of the group.
    also_words: Words = Field(default_factory=list)
    how_many: Words = Field(default_factory=list)
    owner_sectors: dict[OwnerType, Annotated[list[Sector], AfterValidator(_unique(str))]]
    school_words: Words
    # "Vi er en fylkeskommune og vil gi lærerne våre videreutdanning": teachers, with no sector named, are the
    # owner's schools.
    teacher_words: Words = Field(default_factory=list)
    school_sectors: Annotated[list[Sector], AfterValidator(_unique(str))]
    max_shown: Annotated[dict[Fit, NonNegativeInt], AfterValidator(_all_of(FITS))]
    max_group_words: PositiveInt
    # the kinds of scheme, and groups, a group's one scheme is looked for among ("Kan PPT delta?")
    group_scheme_kinds: Words = Field(default_factory=list)
    group_scheme_not_groups: Words = Field(default_factory=list)
    scheme_memory: PositiveInt
    # The scheme an owner's yes/no question about money or measures in general is read as about.
    # A scheme's own activity, by its words: a yes/no question naming no scheme that says one is about it.
    activity_schemes: dict[str, Words] = Field(default_factory=dict)
    owners_scheme: str | None = None
    # What such a question says of the money or measures (not a stipend, which is a scheme of its own).
    owners_scheme_asked: Pattern | None = None
    # The owner types and sectors whose process question ("Vi er en kommune. Hvordan går det til …?") is
    # about that scheme too (a fylkeskommune or a videregående school may be asking about the vocational one).
    negated_owner: Pattern | None = None  # "… selv om vi ikke er kommune": an owner the asker is not
    private_owner: Pattern | None = None  # "en privat eier": private, without saying of what
    private_owners: list[OwnerType] = Field(default_factory=list)
    owners_scheme_owners: Words = Field(default_factory=list)
    owners_scheme_sectors: Words = Field(default_factory=list)
    max_alternatives: NonNegativeInt
    follow_up_words: PositiveInt


class ConversationLimits(_Strict):
    min_topic_idf: float
    enough_topic: PositiveInt
    max_bare_words: PositiveInt
    max_ellipsis_words: PositiveInt
    min_head: PositiveInt


class ConversationRules(RuleFile):
    """conversation.yaml: the words follow-up resolution reads, and its limits."""

    pronouns: Words
    singular_pronouns: Words
    place_pronouns: dict[str, str]
    adverbs: Words
    # Adverbs of more than one word ("til sammen", "i alt"): they stand where `adverbs` do.
    adverb_phrases: Words = Field(default_factory=list)
    phrase_breaks: Words
    joiners: Words
    definite_endings: Words
    prepositions: Words
    pronoun_verbs: Words
    presentational_verbs: Words
    presentational_copulas: Words
    event_verbs: Words = Field(default_factory=list)
    anaphoric_nouns: Words
    # "disse samlingene": a demonstrative before a definite noun points back, whatever the noun.
    demonstratives: Words = Field(default_factory=list)
    kept_nouns: Words = Field(default_factory=list)
    # "Finnes det stipend til …?": the verbs whose «det» opens the thing asked to exist, kept with its phrase
    existence_verbs: Words = Field(default_factory=list)
    particles: Words = Field(default_factory=list)
    predicatives: Words = Field(default_factory=list)
    about_frame: str = ""
    generic: Words
    also: Words
    attach: dict[str, Words]
    default_attach: str
    scheme_markers: Words
    slots: list[Words]
    relative_years: dict[str, int] = Field(default_factory=dict)
    partitive: str = ""
    which_asked: str = ""
    audience_frame: str = ""
    plural_pronouns: Words = Field(default_factory=list)
    numbers: Words = Field(default_factory=list)
    limits: ConversationLimits


class Suffixes(_Strict):
    min_length: PositiveInt = 7
    nn: Words = Field(default_factory=list)
    nb: Words = Field(default_factory=list)


class LanguageRules(RuleFile):
    """language/language.yaml: bokmål and nynorsk markers, and repairs of Apertium's bokmål."""

    nn: Words
    nb: Words
    suffixes: Suffixes = Field(default_factory=Suffixes)
    repairs_nb: list[Repair] = Field(default_factory=list)


class FreshnessRules(RuleFile):
    """freshness.yaml: month names, the words for undated and "per <dato>", and time-bound statements."""

    months: Annotated[Words, Field(min_length=12, max_length=12)]
    undated: PerStandard
    as_of: Annotated[dict[Standard, DateTemplate], AfterValidator(_all_of(MAALFORMS))]
    time_bound: dict[str, Pattern]
    figure: Pattern


class TargetGroupRules(RuleFile):
    """schemes/target_groups.yaml: other words for a target group, narrower groups, place words."""

    synonyms: dict[str, Words] = Field(default_factory=dict)
    narrower: dict[str, Words] = Field(default_factory=dict)
    context: dict[Sector, Words] = Field(default_factory=dict)
    other_groups: Words = Field(default_factory=list)
    open_clauses: Words = Field(default_factory=list)
    admits_others: Words = Field(default_factory=list)
    filler: Words = Field(default_factory=list)
    at_work: dict[str, str] = Field(default_factory=dict)
    people: Words = Field(default_factory=list)
    home_sectors: dict[str, list[Sector]] = Field(default_factory=dict)
    works_only_in: dict[str, list[Sector]] = Field(default_factory=dict)
    bounding_sectors: list[Sector] = Field(default_factory=list)


class BoilerplateRules(RuleFile):
    """ingest/boilerplate.yaml: lines that web pages and slides carry around the real text."""

    lines: Lines = Field(default_factory=list)
    patterns: Patterns = Field(default_factory=list)
    # Links and datelines: kept in the passage text, never quoted as an answer sentence.
    navigation: Patterns = Field(default_factory=list)


class GlossaryGroup(_Strict):
    terms: Words


class GlossaryRules(RuleFile):
    """The corpus glossary: groups of terms that mean the same thing."""

    groups: list[GlossaryGroup] = Field(default_factory=list)


class MustSay(_Strict):
    """A yes/no question that asks `asked` ("hvem som helst", "hvert år", "bare") is answered yes only by a
    sentence that says `said`."""

    asked: Pattern
    said: Pattern

    def holds(self, asked: str, text: str) -> bool:
        """Whether `asked` asks it and `text` says it."""
        return bool(re.search(self.asked, asked, re.IGNORECASE) and re.search(self.said, text, re.IGNORECASE))


class Paraphrase(_Strict):
    """An everyday way to ask something (`pattern`) and the plain question it asks (`read_as`)."""

    pattern: Pattern
    read_as: str


class PlanRules(RuleFile):
    """answer/plan.yaml: how a question's type, focus and parts are read."""

    types: dict[QuestionKind, Patterns]
    # A "når" question that asks in which cases (read as "hva"), unless `dated` finds a time in it.
    conditional_when: Pattern | None = None
    dated: Pattern | None = None
    # A list's lead-in that states the cases it holds in («… fungerer best når det er»): such a "når"
    # question gets the whole list.
    condition_lead: Pattern | None = None
    answers: dict[QuestionKind, Pattern] = Field(default_factory=dict)
    max_units: dict[QuestionKind, PositiveInt] = Field(default_factory=dict)
    yes_coverage: float = Field(ge=0, le=1)
    literal_yes: Pattern | None = None
    # "Fikk A mer enn B?": the words that compare two quantities, by which way (answer/compare.py)
    more_words: Words = Field(default_factory=list)
    less_words: Words = Field(default_factory=list)
    # "Finnes det en ordning for det?": asks which scheme there is, so no scheme in scope bounds the answer.
    asks_for_scheme: Pattern | None = None
    examples: Pattern | None = None
    # Who asks, told beside "vi" ("vi tre små kommuner i regionen"): not what a yes/no question turns on.
    asker: Pattern | None = None
    state_question: Pattern | None = None
    planned: Pattern | None = None
    skipping: Pattern | None = None
    obligation: Pattern | None = None
    # What else says a thing is required of someone («har ansvaret for …», «plikt til …»): with `obligation`,
    # what a «Ja.» to "Må vi …?" needs; a sentence on what was done («Udir har utviklet …») requires nothing.
    duty: Pattern | None = None
    # What was done («har utviklet», «ble iverksatt»): a sentence that says only that requires nothing
    done: Pattern | None = None
    exception: Pattern | None = None
    # A role that is less than a member's («som observatør»), and what asks for more than it («fullverdig
    # medlem», «stemme»).
    limited_role: Pattern | None = None
    beyond_role: Pattern | None = None
    must_say: list[MustSay] = Field(default_factory=list)
    # What a question asks to skip (`skipping`, `asked`) that a sentence saying `said` makes needless: one
    # open to all needs no one to sign you up.
    skip_waived: list[MustSay] = Field(default_factory=list)
    # What a "Må vi …?" asks to be needed (`asked`) that a sentence saying `said` makes needless: «… er
    # åpen for alle» to "Må vi søke om å få bruke pakkene?".
    number: Pattern | None = None  # a number (group value) and what it counts (group unit)
    compares: Pattern | None = None
    past_question: Pattern | None = None
    contrary: list[MustSay] = Field(default_factory=list)  # asked, and the sentence says the contrary: «Nei»
    open_waives: list[MustSay] = Field(default_factory=list)
    # "Hva skal til for at tiltakene får midler?" (`asks_conditions`): of the sentences chosen, one that
    # names the conditions (`names_conditions`: «… to sentrale kriterier:») leads, not whom the measures
    # are for.
    asks_conditions: Pattern | None = None
    names_conditions: Pattern | None = None
    # "Hvilke kjennetegn …?" asks for several of a kind (`asks_several`): a list whose lead-in names that kind
    # is the answer whole, not the one item that shares the most of the question's other words.
    asks_several: Pattern | None = None
    wondering: Pattern | None = None  # «Jeg skjønner ikke hvordan …»: what the asker does not know
    asked_kind: Pattern | None = None  # the noun "Hvilke (adjectives) X …?" asks for (group kind)
    # "Må det være X?", "Er det bare X?": a question whether only one thing will do (`exclusive`), answered
    # «Nei» by a sentence that names more (`more_options`: "eller", "også" and a word the question lacks);
    # "Må vi X, eller kan vi Y?" (`requirement`) «Nei» by one that says Y.
    exclusive: Pattern | None = None
    requirement: Pattern | None = None
    open_to_all: Pattern | None = None
    more_options: Pattern | None = None
    # "Må vi samarbeide med et universitet?" (`required`) is answered «Nei, ikke nødvendigvis.» by a sentence
    # that gives the thing asked as one of alternatives (`alternatives`: «… universitet eller høyskole,
    # eller i samarbeid med fagskole …»), and gets no yes from one that only allows it (`permission`).
    # "Må vi melde behov alene?" (`alone`) is answered «Nei» by a sentence that lets them act together
    # (`together`: «Et nettverk av eiere kan velge å gå sammen om å melde behov»).
    alone: Pattern | None = None
    together: Pattern | None = None
    required: Pattern | None = None
    alternatives: Pattern | None = None
    permission: Pattern | None = None
    # "Kan midlene brukes til X?": what the money is asked to go to (group `use`); a word the documents
    # never use there is what the question turns on, so no sentence can say yes to it.
    use_of_money: Pattern | None = None
    amount_kinds: dict[str, Pattern] = Field(default_factory=dict)
    # "…, fordelt på barnehage og skole" asks for a breakdown, not for one kind of money, beside another kind
    amount_breakdown: Pattern | None = None
    # Frames whose content verb comes after them (named group `rest`): the focus is read there, so
    # "Hvem har ansvaret for å vurdere …?" asks after «vurdere», not «ansvaret».
    deferred_focus: list[Pattern] = Field(default_factory=list)
    definition: Pattern | None = None
    definition_verbs: Pattern | None = None
    role_question: Pattern | None = None
    # The body a sentence about who asks puts them in ("Jeg er saksbehandler hos Statsforvalteren."), by the
    # body's name (its genitive adds "s"): "Hva er vår rolle?" asks about that body's role.
    asker_bodies: dict[str, Pattern] = Field(default_factory=dict)
    # Of those, the bodies a «vi» in a yes/no question stands for (who acts in a scheme, not who owns).
    we_bodies: Words = Field(default_factory=list)
    # Who a body is made of ("Hvem sitter i samarbeidsforumet?"), and what a sentence naming its members says.
    members_question: Pattern | None = None
    members: Pattern | None = None
    member_bodies: Words = Field(default_factory=list)
    # "Er KS med i samarbeidsforumet?": whether one party (group member) is a member of a body.
    member_question: Pattern | None = None
    # Who a scheme is for ("Hvem er målgruppen for X?"), and the line that opens with its target groups.
    audience_question: Pattern | None = None
    audience: Pattern | None = None
    # The documents' word for who a scheme is for, searched for with an audience question that asks who may
    # join (`audience_joining`) without saying it.
    audience_word: str | None = None
    audience_joining: Pattern | None = None
    # How a thing is made up ("Hvordan er de delt opp?"), and what says it of a thing in the documents' words.
    composition_question: Pattern | None = None
    composition: Pattern | None = None
    # "Hvordan skal vi rapportere …?": a how-question whose verb (the focus, put for `{verb}`) is what it asks
    # after, and the verbs that only ask how something goes ("Hvordan fungerer …?").
    how_verb: str | None = None
    process_verbs: Words = Field(default_factory=list)
    # The clause after the body that only says which body it is (group clause).
    body_clause: Pattern | None = None
    question_words: Words
    part_openers: Words
    cleft: Pattern | None = None
    # "Betaler Udir ut midlene?": a yes/no question led by what a named body does, asked as the cleft
    # "Er det Udir som betaler ut midlene?" (groups verb, actor, rest).
    verb_cleft: Pattern | None = None
    # A later part asking only whether the body the first part's answer names is this one (group actor).
    confirm: Pattern | None = None
    actors: Words = Field(default_factory=list)
    # "Kan barnehageeiere søke …?": the bodies asked about (group subject), a sentence's first modal verb,
    # and which bodies are a kind of another (a kommune is an eier).
    subject_question: Pattern | None = None
    sentence_modal: Pattern | None = None
    actor_kinds: dict[str, list[str]] = Field(default_factory=dict)
    actor_excludes: dict[str, list[str]] = Field(default_factory=dict)
    # "Gir kompetansepakkene studiepoeng?": the thing a yes/no question asks something of (group thing, the
    # word after its opening verb); a sentence that names it nowhere («Videreutdanning gir … studiepoeng»)
    # says it of something else and gives no «Ja».
    thing_question: Pattern | None = None
    thing_not_named: Words = Field(default_factory=list)
    which_or_how_many: Words = Field(default_factory=list)
    # "Skal arbeidslivet være med å planlegge …?" asks whether a body takes part (`taking_part`): a body named
    # among the parties of a collaboration (`partners_of`: «… i samarbeid mellom fylkeskommunen, arbeidslivet
    # og …») takes part, though it is not the sentence's subject.
    taking_part: Pattern | None = None
    partners_of: Pattern | None = None
    contrast: Pattern | None = None
    contrast_back: Pattern | None = None
    contrast_part: str = "Hva er {term}?"
    # The pronoun that stands for a topic put before the question words ("…, hvem lager dem?").
    topic_pronoun: Pattern | None = None
    place_back: Pattern | None = None
    # What asks at the start of a part ("hvor mye", "når"): a part that is only this shares the verb and
    # subject of the part after it ("Når og hvor er de?").
    question_phrase: Pattern | None = None
    # What stands before a part's question and is no part of it: a joining word ("Og hva …?") or a lead-in
    # that announces the questions ("To ting: hvilke …?").
    part_lead_in: Pattern | None = None
    # Words besides "og" and a comma that join a second question to the first ("…, samt hva …?", "… i
    # tillegg til hvem …?"), and a yes/no part opened after a comma by any verb and a subject pronoun
    # ("…, og koster det noe?").
    part_joiners: Pattern | None = None
    inverted_part: Pattern | None = None
    # An indirect yes/no question ("Vi lurer på om vi kan delta?"), with named groups subject, verb, rest.
    indirect: Pattern | None = None
    # "… lurer på om X, hvem som Y og når Z.": the frame before questions asked as indirect ones, the words
    # that open each, and the finite verbs an "om" or question-word clause's subject is put after.
    asking_frame: Pattern | None = None
    embedded_openers: Words = Field(default_factory=list)
    # "Hva kan jeg svare?" after the questions a letter passes on asks nothing of its own.
    reply_request: Pattern | None = None
    finite_verbs: Words = Field(default_factory=list)
    fillers: Words = Field(default_factory=list)
    # "Hva skal vi sitte igjen med?", "Hva er poenget med X?": asked as what they mean ("Hva er målet …?").
    paraphrases: list[Paraphrase] = Field(default_factory=list)
    noun_phrase: Pattern | None = None
    # "Hva kan vi som kommune søke om?": who asks, said beside the pronoun; not what is asked after.
    asker_apposition: Pattern | None = None

    # "Hva kan midlene brukes til?": the verb done to the subject (named group `verb`) is what is asked after.
    verb_asked: Pattern | None = None
    verb_read_as: dict[str, str] = Field(default_factory=dict)
    # "Bør planen omfatte evaluering?", "Bestemmer Udir hvilke parter som …?": yes/no questions though a
    # list word or a clause of "hvilke" follows (read before `types`).
    yes_no_first: Pattern | None = None
    # "Hvem bestemmer …?": verbs of deciding, whose answer may say whose call it is in a verb of its own.
    deciding_verbs: Words = Field(default_factory=list)
    reported: Pattern | None = None
    # "Vi har hørt at X – stemmer det?": a claim heard, asked whether it holds (group claim).
    hearsay: Pattern | None = None
    # "Vi vurderer å gå sammen om X, er det lov?": a plan and a tag, asked if it may be done (group deed).
    tag_question: Pattern | None = None
    # "Stemmer det at Udir fordeler pengene?": a claim whose subject is a body and verb a deed (groups actor,
    # verb, rest), asked as the cleft "Er det Udir som fordeler pengene?".
    claim_cleft: Pattern | None = None
    # "Kan kommunen bestemme selv …?": whether a body may decide, read as a cleft (groups actor, verb, rest).
    decide_cleft: Pattern | None = None
    # "Har Udir ansvaret for å koordinere forumet?": whose duty a task is, read as a cleft (groups actor,
    # deed, rest).
    duty_cleft: Pattern | None = None
    request: Pattern | None = None
    tell_about: Pattern | None = None  # "Kan du fortelle om X?" asks "Hva er X?" (group topic)
    # "Jeg har hørt om noe som heter X. Hva går det ut på?" asks "Hva er X?": the name the sentence before
    # gives (named_before, group topic) is what the bare "what is it" question (named_back) asks about.
    named_before: Pattern | None = None
    named_back: Pattern | None = None
    min_part_words: PositiveInt
    max_parts: PositiveInt


class ScopeRules(RuleFile):
    """schemes/scope.yaml: phrases that put a text in a scheme's scope, and umbrella schemes' parts."""

    phrases: dict[str, Words] = Field(default_factory=dict)
    parts: dict[str, Words] = Field(default_factory=dict)
    compound_tails: Words = Field(default_factory=list)
    name_tails: Words = Field(default_factory=list)
    fields: dict[str, Words] = Field(default_factory=dict)
    alternatives: Words = Field(default_factory=list)
    members_words: Words = Field(default_factory=list)
    comparison: Pattern | None = None  # "…, sånn som i <scheme>": the scheme compared with, not asked about
    compares: Pattern | None = None  # "Hva er forskjellen på X i A og i B?": each named scheme answered
    compared_frame: Pattern | None = None  # the words of such a question that ask for the comparison
    compared_links: Words = Field(default_factory=list)  # "i", "for": what joins the subject to a scheme
    # "… A og B når det gjelder Z?": the words that open what is compared, said after the schemes' names
    compared_aspect: Pattern | None = None


# Each package rule file by its place under assistant/. Its file name is also its name in rules_dir.
PACKAGE_FILES: dict[type[RuleFile], str] = {
    GuardRules: "answer/guard.yaml",
    AdvisorRules: "schemes/advisor.yaml",
    ConversationRules: "conversation.yaml",
    LanguageRules: "language/language.yaml",
    FreshnessRules: "freshness.yaml",
    TargetGroupRules: "schemes/target_groups.yaml",
    BoilerplateRules: "ingest/boilerplate.yaml",
    PlanRules: "answer/plan.yaml",
    ScopeRules: "schemes/scope.yaml",
}
