"""Matching and eligibility: what the advisor says follows what the corpus says, quote for quote."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant import texts
from assistant.errors import SchemeNotFound
from assistant.models import FITS, OWNER_TYPES, SECTORS
from assistant.schemes import matching as schemes_match
from assistant.schemes.catalogue import Catalogue, Scheme
from assistant.schemes.matching import (
    ANSWERS,
    NEEDS,
    Profile,
    Reason,
    SchemeMatch,
    eligibility,
    find_scheme,
    match_schemes,
)
from tests.conftest import normalize
from tests.schemes.conftest import entry, load_edited

# --- the advisor: matching a profile --------------------------------------------------------------

L, R, D, K = "lokal-kompetanseutvikling", "regional-ordning", "desentralisert-ordning", "kompetanseloftet"
FYO = "fag-og-yrkesopplaering"


@dataclass(frozen=True)
class Expected:
    profile: Profile
    passer: frozenset[str]  # exactly these: a wrong "passer" costs an owner money
    kan_passe: frozenset[str]  # at least these
    passer_ikke: frozenset[str]  # at least these


def case(profile: Profile, passer: set[str], kan_passe: set[str], passer_ikke: set[str]) -> Expected:
    return Expected(profile, frozenset(passer), frozenset(kan_passe), frozenset(passer_ikke))


# Each row cites what the corpus says that decides it. "SF Oslo og Viken" is
# statsforvalteren-oslo-viken-lokal-kompetanseutvikling.txt, "Udir støtte" is
# udir-statlig-stotte-til-kompetanseutvikling.txt, "Udir velge" is udir-velge-kompetansetiltak.md and
# "Udir FYO" is udir-tilskuddsordning-fag-og-yrkesopplaering.txt.
MATCH_CASES = [
    # SF Oslo og Viken: "barnehage- og skoleeiere ... melde behov"; Udir støtte: "Regional ordning for
    # kompetanseutvikling i barnehage", "barnehage-eiere søke om tilretteleggingsmidler"; Dekom is
    # "i grunnskole og videregående skole".
    case(
        Profile("kommune", "barnehage"),
        {L, R, K, "videreutdanning-barnehagelaerere"},
        {"fagskoleutdanning-barnehage", "kompetansepakker", "ablu"},
        {D, FYO},
    ),
    # SF Oslo og Viken: "offentlige og private barnehager"; the collective need rules out videreutdanning.
    case(
        Profile("privat_barnehageeier", "barnehage", "kollektiv"),
        {L, R, K},
        {"kompetansepakker"},
        {"videreutdanning-barnehagelaerere", D},
    ),
    # Udir støtte: "barnehage-eiere søke om tilretteleggingsmidler"; Rekom is collective.
    case(
        Profile("privat_barnehageeier", "barnehage", "individuell"),
        {"videreutdanning-barnehagelaerere"},
        {"fagskoleutdanning-barnehage", "stipend-ppu-yfl"},
        {R},
    ),
    # Udir støtte: Dekom "i grunnskole og videregående skole"; Rekom is for barnehage only.
    case(
        Profile("kommune", "grunnskole", "kollektiv"),
        {L, D, K},
        {"kompetansepakker", "laeringsmiljoprosjektet"},
        {R, "videreutdanning-kfk"},
    ),
    # Udir støtte: "skoleeier søke om vikar- eller stipendmidler", "Skoleeiere kan søke om utdanningsstipend",
    # Udir velge: "Kommuner, fylkeskommuner og private skoler kan også søke om rekrutteringsstipend".
    case(
        Profile("kommune", "grunnskole", "individuell"),
        {"videreutdanning-kfk", "utdanningsstipend", "rekrutteringsstipend"},
        {"stipend-ppu-yfl", "styrer-og-rektorutdanning", "laererspesialistutdanning"},
        {D, "videreutdanning-barnehagelaerere"},
    ),
    # Udir støtte: "Kommuner som over tid har svake resultater ... får tilbud om statlig støtte og
    # veiledning".
    case(
        Profile("kommune", "grunnskole", "veiledning"),
        {"oppfolgingsordningen"},
        {"kompetansepakker"},
        {D, "videreutdanning-kfk"},
    ),
    # Udir FYO: "Vi utbetaler midlene til fylkeskommunene"; Dekom covers videregående skole.
    case(
        Profile("fylkeskommune", "videregaende", "kollektiv"),
        {L, D, K, FYO},
        {"yrkesfaglaerer-2", "hospiteringsordning"},
        {R, "videreutdanning-yrkesfaglaerere"},
    ),
    # Udir støtte: "videreutdanningstilbud for yrkesfaglærere kan skoleeier søke om vikar- eller
    # stipendmidler".
    case(
        Profile("fylkeskommune", "videregaende", "individuell"),
        {
            "videreutdanning-kfk",
            "videreutdanning-yrkesfaglaerere",
            "utdanningsstipend",
            "rekrutteringsstipend",
        },
        {"stipend-ppu-yfl"},
        {FYO, D},
    ),
    # Udir FYO: "Tilskudd til lokal kompetanseutvikling i fag- og yrkesopplæringen", and "Fag- og
    # yrkesopplæringen inngår som målgruppe i Kompetanseløftet". Udir støtte: Yrkesfaglærer 2 is to "øke
    # yrkesfaglærernes kompetanse i fagene", and "Videreutdanning for yrkesfaglærere": the vocational
    # teachers are the school part of fag- og yrkesopplæringen, not another sector.
    case(
        Profile("fylkeskommune", "fag_og_yrkesopplaering"),
        {FYO, K, "yrkesfaglaerer-2", "videreutdanning-yrkesfaglaerere"},
        {"hospiteringsordning", "kompetansepakker", "kompetansepakke-opplaering-i-bedrift"},
        {D, "videreutdanning-kfk"},
    ),
    # Udir FYO: målgrupper "prøvenemndsmedlemmer."; Kompetanseløftet names no such group: unknown, not "nei".
    case(
        Profile("fylkeskommune", "fag_og_yrkesopplaering", target_group="prøvenemndsmedlemmer"),
        {FYO},
        {K, "kompetansepakker"},
        {D},
    ),
    # Udir FYO: "Fagskolelærere er som hovedregel ikke definert som en målgruppe for ordningen".
    case(
        Profile("fylkeskommune", "fag_og_yrkesopplaering", target_group="fagskolelærere"),
        set(),
        {FYO, K},
        {D},
    ),
    # Udir FYO: "instruktører og faglige ledere som gir opplæring i bedrift"; Udir støtte (hospitering):
    # "gi instruktører og faglige ledere i bedriftene muligheten", but nobody is named as applicant.
    case(
        Profile("fylkeskommune", "fag_og_yrkesopplaering", target_group="instruktører i lærebedrifter"),
        {FYO},
        {"hospiteringsordning"},
        {D},
    ),
    # SF Oslo og Viken: "barnehager, skoler og PPT skal delta i kompetansetiltak"; Udir støtte:
    # Kompetanseløftet "tiltak for en bredere målgruppe, inkludert PPT".
    case(Profile("kommune", "ppt"), {L, K}, {"kompetansepakker"}, {R, D}),
    # SF Oslo og Viken: Kompetanseløftet "omfatter ... ansatte i PP-tjenesten"; the general target group
    # ("lærere, ledere og andre ansatte i barnehager og skoler") does not name PPT.
    case(Profile("kommune", "ppt", target_group="PP-tjenesten"), {K}, {L, "kompetansepakker"}, {D}),
    # No document ties a scheme to SFO.
    case(Profile("kommune", "sfo"), set(), {"stipend-ppu-yfl"}, {L, D, K}),
    # SF Oslo og Viken: "private barnehager og skoler"; Udir velge: "private skoler kan også søke om
    # rekrutteringsstipend"; the oppfølgingsordning is for "Kommuner".
    case(
        Profile("privat_skoleeier", "grunnskole"),
        {L, D, K, "videreutdanning-kfk", "utdanningsstipend", "rekrutteringsstipend"},
        {"kompetansepakker"},
        {R, "oppfolgingsordningen"},
    ),
    # Udir FYO: "Private videregående skoler med yrkesfag ... skal være representert i samarbeidsforumet";
    # Yrkesfaglærer 2: "Fylkeskommunene skal ...".
    case(
        Profile("privat_skoleeier", "videregaende"),
        {L, D, K, FYO, "videreutdanning-kfk", "videreutdanning-yrkesfaglaerere", "utdanningsstipend"}
        | {"rekrutteringsstipend"},
        {"hospiteringsordning"},
        {"yrkesfaglaerer-2", R},
    ),
    # A group the catalogue does not name is never "passer", whatever else fits.
    case(
        Profile("kommune", "grunnskole", target_group="fagskolelærere"),
        set(),
        {L, D, K, "videreutdanning-kfk"},
        {R},
    ),
    # SF Oslo og Viken: "lærere, ledere og andre ansatte"; Udir støtte (oppfølging): "skoleeier og ledelse".
    case(
        Profile("kommune", "grunnskole", target_group="rektorer"),
        {L, D, K, "oppfolgingsordningen"},
        {"videreutdanning-kfk", "utdanningsstipend"},
        {R},
    ),
    # Assistants are "andre ansatte i barnehager"; Udir støtte: "Fagskoleutdanning for fagarbeidere og
    # assistenter i barnehagen" names no applicant; videreutdanning is "for barnehagelærere".
    case(
        Profile("kommune", "barnehage", target_group="assistenter"),
        {L, R, K},
        {"fagskoleutdanning-barnehage", "videreutdanning-barnehagelaerere"},
        {D},
    ),
    # Udir støtte: "Skoleeiere kan søke om utdanningsstipend for ansatte som mangler godkjent lærerutdanning".
    case(
        Profile("kommune", "grunnskole", target_group="ansatte uten godkjent lærerutdanning"),
        {"utdanningsstipend"},
        {L, D, "videreutdanning-kfk"},
        {R},
    ),
    # Udir FYO: "yrkesfaglærere i videregående skoler"; Udir støtte (Yrkesfaglærer 2): "Fylkeskommunene".
    # Yrkesfaglærere are teachers in videregående skole, so the schemes for "lærere" (SF Oslo og Viken:
    # "lærere, ledere og andre ansatte i barnehager og skoler"; KFK "for lærere") fit as well.
    case(
        Profile("fylkeskommune", "videregaende", target_group="yrkesfaglærere"),
        {FYO, "videreutdanning-yrkesfaglaerere", "yrkesfaglaerer-2", L, D, K, "videreutdanning-kfk"},
        {"hospiteringsordning"},
        {R},
    ),
]


def _fits(matches: list[SchemeMatch], fit: str) -> set[str]:
    return {m.scheme_id for m in matches if m.fit == fit}


@pytest.mark.parametrize("expected", MATCH_CASES, ids=lambda e: repr(e.profile)[8:-1])
def test_match_follows_what_the_corpus_says(catalogue: Catalogue, expected: Expected) -> None:
    matches = match_schemes(catalogue, expected.profile)
    assert len(matches) == len(catalogue.schemes)
    assert _fits(matches, "passer") == expected.passer
    assert expected.kan_passe <= _fits(matches, "kan passe")
    assert expected.passer_ikke <= _fits(matches, "passer ikke")


def _quotes(scheme: Scheme) -> set[str]:
    return {normalize(item.quote) for _, item in scheme.evidence()}


def _assert_backed(catalogue: Catalogue, scheme_id: str, reasons: tuple[Reason, ...]) -> None:
    scheme = catalogue.get(scheme_id)
    assert scheme is not None
    for reason in reasons:
        assert reason.text and reason.quote, reason
        assert normalize(reason.quote) in _quotes(scheme), reason
        assert reason.document in scheme.sources


PROFILES = [
    Profile(owner, sector, need, group)
    for owner in OWNER_TYPES
    for sector in SECTORS
    for need in NEEDS
    for group in (None, "fagskolelærere", "astronauter")
]


def test_every_reason_rests_on_a_verbatim_quote_of_its_scheme(catalogue: Catalogue) -> None:
    for profile in PROFILES:
        for m in match_schemes(catalogue, profile):
            assert m.fit in FITS and 0.0 <= m.score <= 1.0
            _assert_backed(catalogue, m.scheme_id, m.reasons)
            if m.fit == "passer ikke":
                assert m.reasons, m  # a near miss always says why


def test_unknowns_never_make_a_scheme_fit(catalogue: Catalogue) -> None:
    for profile in PROFILES:
        for m in match_schemes(catalogue, profile):
            scheme = catalogue.get(m.scheme_id)
            assert scheme is not None
            if not scheme.who_applies or not scheme.sectors or profile.target_group == "astronauter":
                assert m.fit != "passer", (profile, m.scheme_id)
            if profile.need != "any" and scheme.kind is None:
                assert m.fit != "passer", (profile, m.scheme_id)


def test_ranked_by_fit_class(catalogue: Catalogue) -> None:
    matches = match_schemes(catalogue, Profile("kommune", "grunnskole"))
    ranks = [FITS.index(m.fit) for m in matches]
    assert ranks == sorted(ranks)
    assert [m.scheme_id for m in match_schemes(catalogue, Profile("kommune", "grunnskole"), limit=3)] == [
        m.scheme_id for m in matches[:3]
    ]


def test_near_miss_names_the_sector_that_does_not_fit(catalogue: Catalogue) -> None:
    dekom = next(m for m in match_schemes(catalogue, Profile("kommune", "barnehage")) if m.scheme_id == D)
    assert dekom.fit == "passer ikke"
    first = dekom.reasons[0]
    assert first.text == "Ordningen gjelder ikke barnehage; den gjelder grunnskole og videregående opplæring."
    assert first.quote == "Desentralisert ordning for kompetanseutvikling i grunnskole og videregående skole"
    assert dekom.next_step == texts.NEXT_NO_FIT


def test_near_miss_names_the_owner_that_does_not_fit(catalogue: Catalogue) -> None:
    matches = match_schemes(catalogue, Profile("kommune", "fag_og_yrkesopplaering"))
    fyo = next(m for m in matches if m.scheme_id == FYO)
    assert fyo.fit == "passer ikke"
    assert fyo.reasons[0].text == "Ordningen er ikke for kommuner; den er for fylkeskommuner."
    assert fyo.reasons[1].text == "Den er også for private skoleeiere."


def test_mainly_excluded_group_caps_the_fit_and_leads_the_reasons(catalogue: Catalogue) -> None:
    profile = Profile("fylkeskommune", "fag_og_yrkesopplaering", target_group="fagskolelærer")
    fyo = next(m for m in match_schemes(catalogue, profile) if m.scheme_id == FYO)
    assert fyo.fit == "kan passe"
    assert fyo.reasons[0].text == "Fagskolelærere er som hovedregel ikke i målgruppen."
    assert "som hovedregel ikke definert som en målgruppe" in fyo.reasons[0].quote
    assert any(r.text.startswith("Unntak:") for r in fyo.reasons)


def test_next_step_says_where_to_turn(catalogue: Catalogue) -> None:
    matches = {m.scheme_id: m for m in match_schemes(catalogue, Profile("kommune", "barnehage"))}
    assert matches[R].next_step.startswith("Ta kontakt med Statsforvalteren i fylket ditt.")
    assert matches[R].apply_to == ("Statsforvalteren",)
    assert "hvem som kan søke" in matches["fagskoleutdanning-barnehage"].next_step
    assert matches["kompetansepakker"].next_step.startswith("Dette er en ressurs")
    fyo = next(
        m for m in match_schemes(catalogue, Profile("fylkeskommune", "videregaende")) if m.scheme_id == FYO
    )
    assert fyo.next_step.startswith("Ta kontakt med samarbeidsforum") and "fylkeskommunen" in fyo.next_step


def test_topic_orders_within_a_class_and_never_changes_it(catalogue: Catalogue) -> None:
    plain = match_schemes(catalogue, Profile("kommune", "grunnskole"))
    topical = match_schemes(catalogue, Profile("kommune", "grunnskole", topic="mobbing og krenkelser"))
    assert {m.scheme_id: m.fit for m in plain} == {m.scheme_id: m.fit for m in topical}
    first_maybe = next(m for m in topical if m.fit == "kan passe")
    assert first_maybe.scheme_id == "inkluderende-barnehage-og-skolemiljo"
    assert any(r.text.startswith("Om temaet:") and "mobbing" in r.quote for r in first_maybe.reasons)
    coding = match_schemes(catalogue, Profile("kommune", "grunnskole", topic="programmering"))
    assert next(m for m in coding if m.fit == "kan passe").scheme_id == "kompetansepakke-programmering"


def test_topic_words_most_schemes_share_order_nothing(catalogue: Catalogue) -> None:
    """«ordning» and «barnehage» are with many schemes; «spesialpedagogikk» tells them apart."""
    topic = "en ordning som styrker spesialpedagogikken i barnehagene"
    ranked = [m.scheme_id for m in match_schemes(catalogue, Profile("kommune", "barnehage", topic=topic))]
    assert ranked.index(K) < ranked.index(R)


def test_profile_outside_the_vocabularies_is_refused() -> None:
    with pytest.raises(ValueError, match="owner_type"):
        Profile("skole", "grunnskole")
    with pytest.raises(ValueError, match="need"):
        Profile("kommune", "grunnskole", "ressurs")


# --- the advisor: target-group eligibility --------------------------------------------------------

ELIGIBILITY_CASES = [
    # Udir FYO: "Fagskolelærere er som hovedregel ikke definert som en målgruppe for ordningen".
    (FYO, "fagskolelærere", "som hovedregel ikke"),
    (FYO, "fagskolelærer", "som hovedregel ikke"),
    (FYO, "fagskulelærarar", "som hovedregel ikke"),
    # Udir FYO: målgrupper "yrkesfaglærere i videregående skoler", "instruktører og faglige ledere som gir
    # opplæring i bedrift", "prøvenemndsmedlemmer."
    (FYO, "prøvenemndsmedlemmer", "ja"),
    (FYO, "prøvenemdsmedlemer", "ja"),  # two typos in a long group word
    (FYO, "instruktørane", "ja"),
    (FYO, "medlemmer av prøvenemnda", "ja"),
    (FYO, "instruktør", "ja"),
    (FYO, "instruktører i lærebedrifter", "ja"),
    (FYO, "faglige ledere", "ja"),
    (FYO, "yrkesfaglærere", "ja"),
    # Lærlinger are pupils, not a target group; the scheme only lets fylkeskommuner "inkludere andre
    # yrkesgrupper": the honest answer is "uklart".
    (FYO, "lærlinger", "uklart"),
    (FYO, "renholdere", "uklart"),
    # SF Oslo og Viken: Kompetanseløftet "omfatter ... ansatte i PP-tjenesten".
    (K, "PPT", "ja"),
    (K, "PP-tjenesten", "ja"),
    (K, "pedagogisk-psykologisk tjeneste", "ja"),
    # The general target group does not name PPT; the scheme does not exclude it either.
    (L, "PPT", "uklart"),
    (D, "PPT", "uklart"),
    # Udir støtte (hospitering): "gi instruktører og faglige ledere i bedriftene muligheten".
    ("hospiteringsordning", "instruktører", "ja"),
    ("hospiteringsordning", "lærlinger", "uklart"),
    # Udir velge: kompetansepakker for "barnehager, skoler, PP-tjenesten, lærebedrifter og prøvenemder".
    ("kompetansepakker", "prøvenemndsmedlemmer", "ja"),
    # SF Oslo og Viken: "lærere, ledere og andre ansatte i barnehager og skoler".
    (R, "styrere", "ja"),
    (R, "assistenter", "ja"),
    # Dekom is for grunnskole and videregående skole (its sector sentences), and a teacher in a barnehage
    # works in neither: «Nei», not «Kildene sier ikke dette direkte»
    (D, "lærere i barnehagen", "nei"),
    (R, "lærere i videregående skole", "nei"),  # Rekom is for barnehage
    (D, "barnehagelærarar", "nei"),  # target_groups.yaml `works_only_in`: barnehagelærere work in barnehage
    ("hospiteringsordning", "lærarar i barnehagen", "nei"),  # for yrkesfag: videregående, lærebedrift
    ("fagskoleutdanning-barnehage", "assistenter i skolen", "nei"),  # «… assistenter i barnehagen»
    (R, "rektorene", "nei"),  # skoleledere work in schools
    (D, "de som jobber på SFO", "uklart"),  # SFO is no bounding sector: Dekom may still reach it
    (K, "lærere i barnehagen", "ja"),  # Kompetanseløftet covers barnehage
    (L, "fagskolelærere", "uklart"),  # a fagskolelærer is not one of the "lærere ... i barnehager og skoler"
    # Udir støtte: "utdanningsstipend for ansatte som mangler godkjent lærerutdanning".
    ("utdanningsstipend", "ansatte uten godkjent lærerutdanning", "ja"),
    ("utdanningsstipend", "ansatte med godkjent lærerutdanning", "uklart"),
    # Udir støtte: "rekrutteringsstipend til personer som ennå ikke er ansatt i skolen".
    ("rekrutteringsstipend", "personer som ikke er ansatt i skolen", "ja"),
    ("rekrutteringsstipend", "personer som er ansatt i skolen", "uklart"),
    # Udir støtte: "Kompetansepakken er åpen for alle."
    ("kompetansepakke-programmering", "bibliotekarer", "ja"),
    # Udir støtte: "Videreutdanningstilbud for lærere" is not the offer "for barnehagelærere".
    # KFK is for the schools («kan skoleeier søke om vikar- eller stipendmidler for sine lærere»).
    ("videreutdanning-kfk", "barnehagelærere", "nei"),
    # Udir støtte: "Målet er at skoleeier og ledelse får styrket sin kompetanse".
    ("oppfolgingsordningen", "rektorer", "ja"),
    # The catalogue names no target group for the PPU/YFL stipend.
    ("stipend-ppu-yfl", "lærere", "uklart"),
    (FYO, "", "uklart"),
]


@pytest.mark.parametrize(("scheme_id", "group", "answer"), ELIGIBILITY_CASES)
def test_eligibility_follows_what_the_corpus_says(
    catalogue: Catalogue, scheme_id: str, group: str, answer: str
) -> None:
    result = eligibility(catalogue, scheme_id, group)
    assert result.answer == answer, result
    assert result.answer in ANSWERS and result.explanation
    _assert_backed(catalogue, scheme_id, result.reasons)
    if answer != "uklart":
        assert result.reasons


def test_mainly_excluded_group_carries_the_exception(catalogue: Catalogue) -> None:
    result = eligibility(catalogue, FYO, "fagskolelærere")
    quotes = [r.quote for r in result.reasons]
    assert quotes[0].startswith("Fagskolelærere er som hovedregel ikke definert som en målgruppe")
    assert any("inkludere fagskolelærere i etablerte kompetansetiltak" in q for q in quotes)
    assert "; unntak:" in result.explanation


def test_unnamed_group_gets_the_quote_that_leaves_the_door_open(catalogue: Catalogue) -> None:
    result = eligibility(catalogue, FYO, "lærlinger")
    assert [r.quote for r in result.reasons] == [
        "Fylkeskommunene kan inkludere andre yrkesgrupper eller aktører i sine tiltak, dersom de finner det "
        "hensiktsmessig for kompetansebyggingen lokalt."
    ]
    assert "yrkesfaglærere" in result.explanation  # the groups that are named


def test_absence_is_never_read_as_no(catalogue: Catalogue) -> None:
    for scheme in catalogue.schemes:
        result = eligibility(catalogue, scheme.id, "astronauter")
        open_to_all = any(g.group == "alle" for g in scheme.target_groups)
        assert result.answer == ("ja" if open_to_all else "uklart"), scheme.id
        _assert_backed(catalogue, scheme.id, result.reasons)


def test_narrower_group_says_which_group_it_belongs_to(catalogue: Catalogue) -> None:
    result = eligibility(catalogue, D, "yrkesfaglærere")
    assert result.answer == "ja"
    assert result.explanation.startswith("Yrkesfaglærere hører til gruppen «lærere», som er i målgruppen for")


def test_group_stated_as_not_included_is_no_and_rules_the_scheme_out(
    tmp_path: Path, entries: list[dict[str, Any]]
) -> None:
    # No scheme in the corpus says "nei" to a group today; an edited catalogue checks the rule.
    regional = entry(entries, R)
    quote = {
        "quote": "Regional ordning for kompetanseutvikling i barnehage",
        "document": regional["sectors"][0]["document"],
    }
    regional["target_groups"].append({"group": "skoleledere", "status": "nei", **quote})
    edited = load_edited(tmp_path, entries)
    result = eligibility(edited, R, "rektorer")
    assert result.answer == "nei" and result.reasons[0].text == "Skoleledere er ikke i målgruppen."
    profile = Profile("kommune", "barnehage", target_group="skoleledere")
    rekom = next(m for m in match_schemes(edited, profile) if m.scheme_id == R)
    assert rekom.fit == "passer ikke"
    assert rekom.reasons[0].text == "Skoleledere er ikke i målgruppen."


def test_eligibility_for_an_unknown_scheme_is_refused(catalogue: Catalogue) -> None:
    with pytest.raises(SchemeNotFound):
        eligibility(catalogue, "finnes-ikke", "lærere")


def test_group_word_lists_name_real_groups_and_sectors(catalogue: Catalogue) -> None:
    data = yaml.safe_load((Path(schemes_match.__file__).parent / "target_groups.yaml").read_text("utf-8"))
    groups = {g.group for s in catalogue.schemes for g in s.target_groups}
    assert set(data["synonyms"]) <= groups
    assert set(data["narrower"]) <= groups
    assert set(data["context"]) <= set(SECTORS)
    assert not {"ikke", "uten", "ikkje", "utan"} & set(data["filler"])


# --- the advisor: naming a scheme in free text -----------------------------------------------------

FIND_CASES = [
    ("Kompetanseløftet", K),
    ("Er PPT med i Kompetanseløftets målgruppe?", K),
    ("kompetanseloftet", K),  # the id
    ("Rekom", R),
    ("Hvor mye fikk vi i rekom-midler i fjor?", R),
    ("Hva er den regionale ordningen?", R),
    ("Gjelder den regionale ordninga for oss?", R),
    ("Hva er den desentraliserte ordningen?", D),
    ("Dekom", D),
    ("desentralisert ordning innen yrkesfag", FYO),  # the longer name wins over "desentralisert ordning"
    ("Kan vi søke tilskuddsordningen for fag- og yrkesopplæringen?", FYO),
    ("KFK", "videreutdanning-kfk"),
    ("hospiteringsordninga", "hospiteringsordning"),
    ("Oppfølgingsordninga", "oppfolgingsordningen"),
    ("Kompetansepakken for programmering", "kompetansepakke-programmering"),
    ("Yrkesfaglærer 2-ordningen", "yrkesfaglaerer-2"),
]


@pytest.mark.parametrize(("text", "scheme_id"), FIND_CASES)
def test_find_scheme_by_id_name_or_alias(catalogue: Catalogue, text: str, scheme_id: str) -> None:
    found = find_scheme(catalogue, text)
    assert found is not None and found.id == scheme_id


@pytest.mark.parametrize(
    "text", ["Hvilke ordninger finnes for lærere?", "kompetanse og kvalitet i skolen", "", "regional"]
)
def test_find_scheme_returns_none_when_no_scheme_is_named(catalogue: Catalogue, text: str) -> None:
    assert find_scheme(catalogue, text) is None


def test_a_narrower_groups_own_sector_said_of_the_scheme_is_quoted(catalogue: Catalogue) -> None:
    """Yrkesfaglærere are «lærere» in Kompetanseløftet; that the scheme takes in their sector as a target
    group («Fag- og yrkesopplæringen inngår som målgruppe …») says it of them, and is the one quote: the
    broader group's sentence («lærere … i barnehager og skoler») would be a second, looser source of the
    same yes. Lektorer work in no such listed sector."""
    vocational = eligibility(catalogue, "kompetanseloftet", "yrkesfaglærere")
    assert vocational.answer == "ja"
    said = [r.quote for r in vocational.reasons]
    assert [q.startswith("Fag- og yrkesopplæringen inngår som målgruppe") for q in said] == [True], said
    assert "fag- og yrkesopplæring" in vocational.explanation, vocational.explanation
    lecturers = eligibility(catalogue, "kompetanseloftet", "lektorer")
    assert not any("yrkesopplæringen" in r.quote for r in lecturers.reasons)


@pytest.mark.parametrize("asked", ["fag- og yrkesopplæringen", "fag og yrkesopplæringa"])
def test_a_sector_asked_as_a_group_is_yes_from_the_sentence_that_makes_it_one(
    catalogue: Catalogue, asked: str
) -> None:
    """A sector the scheme's sources make a target group in so many words is one, asked by its own name;
    a sector the scheme only works in (barnehage in the vocational scheme) stays unclear."""
    sector = eligibility(catalogue, "kompetanseloftet", asked)
    assert sector.answer == "ja", sector.explanation
    said = [r.quote for r in sector.reasons]
    assert [q.startswith("Fag- og yrkesopplæringen inngår som målgruppe") for q in said] == [True], said
    assert eligibility(catalogue, "fag-og-yrkesopplaering", "barnehagen").answer == "uklart"
