"""Yes/no verdicts: groups read through the word lists, owner types and uses of the money, each answered
from what the catalogue states, quote for quote."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.rules import AdvisorRules, rule_file
from assistant.schemes import matching
from assistant.schemes.catalogue import Catalogue, normalize_quote
from assistant.schemes.verdicts import (
    Verdict,
    group_verdict,
    owner_verdict,
    partner_verdict,
    procurement_verdict,
    sector_verdict,
    use_verdict,
)
from tests.conftest import CORPUS

L, R, D, K = "lokal-kompetanseutvikling", "regional-ordning", "desentralisert-ordning", "kompetanseloftet"
FYO = "fag-og-yrkesopplaering"
ALL_GROUPS = "lærere, ledere og andre ansatte i barnehager og skoler"
MONEY = rule_file(AdvisorRules).money_words
PROVIDER_RULES = rule_file(AdvisorRules).provider_rules


def _quotes_are_in_the_catalogue(catalogue: Catalogue, verdict: Verdict) -> None:
    quotes = {normalize_quote(e.quote) for s in catalogue.schemes for _, e in s.evidence()}
    for reason in (*verdict.reasons, *verdict.said):
        assert normalize_quote(reason.quote) in quotes, reason


def _scheme(catalogue: Catalogue, scheme_id: str) -> matching.Scheme:
    found = catalogue.get(scheme_id)
    assert found is not None
    return found


# --- groups in everyday words -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scheme_id", "group", "answer", "document_group"),
    [
        # SF Oslo og Viken: "lærere, ledere og andre ansatte i barnehager og skoler".
        (R, "miljøarbeiderne", "ja", "andre ansatte"),
        (D, "barne- og ungdomsarbeidere", "ja", "andre ansatte"),
        (D, "spesialpedagogene", "ja", "andre ansatte"),
        (R, "ansatte i barnehagen", "ja", "andre ansatte"),
        (D, "rektorene", "ja", "skoleledere"),
        (R, "pedagogiske ledere", "ja", "barnehagelærere"),
        # SF Oslo og Viken: Kompetanseløftet also "andre tverrfaglige tjenester … i laget rundt barnet".
        (K, "helsesykepleiere", "ja", "andre tverrfaglige tjenester"),
        # Teachers named by the subject they teach are teachers.
        (D, "norsklærerne", "ja", "lærere"),
        (K, "matematikklærere", "ja", "lærere"),
        (D, "fellesfaglærerne", "ja", "lærere"),
    ],
)
def test_everyday_group_says_which_document_group_it_is(
    catalogue: Catalogue, scheme_id: str, group: str, answer: str, document_group: str
) -> None:
    verdict = group_verdict(catalogue, _scheme(catalogue, scheme_id), group)
    assert verdict.answer == answer
    assert verdict.explanation.startswith(
        f"{group[:1].upper()}{group[1:]} hører til gruppen «{document_group}», som "
    )
    assert any(ALL_GROUPS in r.quote or "tverrfaglige" in r.quote for r in verdict.reasons)


@pytest.mark.parametrize(
    ("scheme_id", "group"),
    [
        (D, "helsesykepleiere"),  # a service around the pupil, not one of the school's "andre ansatte"
        (R, "vaktmesterne"),  # not said either way
        (D, "de som jobber på SFO"),  # Dekom lists grunnskole and videregående, not SFO
        (FYO, "miljøarbeidere"),  # the scheme has no "andre ansatte"
    ],
)
def test_a_group_the_scheme_does_not_state_is_unclear_with_the_groups_it_names(
    catalogue: Catalogue, scheme_id: str, group: str
) -> None:
    verdict = group_verdict(catalogue, _scheme(catalogue, scheme_id), group)
    assert verdict.answer == "uklart"
    assert verdict.said, "an unclear answer says what the sources do say"
    _quotes_are_in_the_catalogue(catalogue, verdict)


def test_a_mapping_never_says_yes_unless_the_mapped_group_is_included(catalogue: Catalogue) -> None:
    lists = yaml.safe_load((Path(matching.__file__).parent / "target_groups.yaml").read_text("utf-8"))
    for broad, narrower in lists["narrower"].items():
        for scheme in catalogue.schemes:
            included = {g.group for g in scheme.target_groups if g.status == "ja"}
            for group in narrower:
                verdict = group_verdict(catalogue, scheme, group)
                if verdict.answer == "ja":
                    assert broad in included or group in included or "alle" in included, (scheme.id, group)


# --- owner types ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scheme_id", "owner", "answer"),
    [
        (R, "privat_barnehageeier", "ja"),  # "offentlige og private barnehager og skoler"
        (FYO, "privat_skoleeier", "ja"),  # "Private videregående skoler med yrkesfag …"
        (D, "privat_barnehageeier", "nei"),  # Dekom is for grunnskole and videregående skole
        (R, "fylkeskommune", "nei"),  # Rekom is for barnehage; fylkeskommuner run none
        (R, "privat_skoleeier", "nei"),
        (FYO, "kommune", "uklart"),  # paid to fylkeskommunene, but a kommune may be a lærebedrift
        ("stipend-ppu-yfl", "kommune", "uklart"),  # the catalogue says nothing about who applies
        ("kompetansepakker", "privat_barnehageeier", "ja"),  # a resource for barnehager, not money
        ("kompetansepakke-programmering", "fylkeskommune", "ja"),  # "åpen for alle"
    ],
)
def test_owner_type_is_answered_from_who_applies_and_sectors(
    catalogue: Catalogue, scheme_id: str, owner: str, answer: str
) -> None:
    verdict = owner_verdict(_scheme(catalogue, scheme_id), owner, rule_file(AdvisorRules).owner_sectors)
    assert verdict.answer == answer
    assert verdict.reasons or verdict.said
    _quotes_are_in_the_catalogue(catalogue, verdict)


def test_yes_for_an_owner_also_cites_what_owners_may_do(catalogue: Catalogue) -> None:
    """«… i offentlige og private barnehager og skoler» says private owners are in; the quote that says owners
    may report their needs for money says what they may do, and goes with it."""
    verdict = owner_verdict(
        _scheme(catalogue, "lokal-kompetanseutvikling"),
        "privat_barnehageeier",
        rule_file(AdvisorRules).owner_sectors,
    )
    assert verdict.answer == "ja"
    quotes = [r.quote for r in verdict.reasons]
    assert len(quotes) == 2 and "private" in quotes[0] and "melde behov" in quotes[1], quotes
    _quotes_are_in_the_catalogue(catalogue, verdict)


def test_no_for_an_owner_cites_the_sectors_the_scheme_is_for(catalogue: Catalogue) -> None:
    verdict = owner_verdict(
        _scheme(catalogue, D), "privat_barnehageeier", rule_file(AdvisorRules).owner_sectors
    )
    assert [r.quote for r in verdict.reasons] == [
        "Desentralisert ordning for kompetanseutvikling i grunnskole og videregående skole"
    ]


# --- uses of the money ----------------------------------------------------------------------------


def test_use_named_by_what_the_scheme_funds_is_yes(catalogue: Catalogue) -> None:
    verdict = use_verdict(catalogue, _scheme(catalogue, R), "å planlegge kompetansetiltak")
    assert verdict.answer == "ja"
    assert (
        verdict.reasons[0].quote
        == "Midlene kan brukes til å vurdere, planlegge og gjennomføre kompetansetiltak."
    )


def test_one_persons_further_education_from_collective_money_is_no_with_the_schemes_for_it(
    catalogue: Catalogue,
) -> None:
    verdict = use_verdict(catalogue, _scheme(catalogue, D), "videreutdanning for en lærer", "individuell")
    assert verdict.answer == "nei"
    assert "kollektiv kompetanseutvikling" in verdict.reasons[0].quote
    assert verdict.said and verdict.said[0].text.startswith(
        "Videreutdanning for lærere gjennom Kompetanse for"
    )
    _quotes_are_in_the_catalogue(catalogue, verdict)


def test_a_common_course_from_individual_money_is_no(catalogue: Catalogue) -> None:
    verdict = use_verdict(
        catalogue, _scheme(catalogue, "videreutdanning-kfk"), "kurs for hele personalet", "kollektiv"
    )
    assert verdict.answer == "nei"


def test_a_use_the_catalogue_does_not_settle_is_unclear_with_what_the_money_is_for(
    catalogue: Catalogue,
) -> None:
    verdict = use_verdict(catalogue, _scheme(catalogue, R), "reiseutgifter til en studietur")
    assert verdict.answer == "uklart" and not verdict.reasons
    quotes = [r.quote for r in verdict.said]
    assert "Midlene kan brukes til å vurdere, planlegge og gjennomføre kompetansetiltak." in quotes
    assert len(quotes) == len(set(quotes))  # each quote cited once
    # A word inside a compound is not the word: "vikar-" funds do not settle "vikarutgifter".
    kfk = use_verdict(catalogue, _scheme(catalogue, "videreutdanning-kfk"), "vikarutgifter")
    assert kfk.answer == "uklart"


def test_a_yes_for_a_group_also_cites_what_the_scheme_says_it_is_for_when_that_names_the_group(
    catalogue: Catalogue,
) -> None:
    """Kompetanseløftet names PPT both among its target groups and in what its money may go to; a yes to
    a PPT group cites both, the one that says «PPT» in the group's own word among them."""
    found = group_verdict(catalogue, _scheme(catalogue, K), "PPT-ansatte")
    assert found.answer == "ja"
    quotes = [normalize_quote(r.quote) for r in found.reasons]
    assert "tiltak for en bredere målgruppe, inkludert PPT" in quotes, quotes
    assert len(quotes) == len(set(quotes))
    _quotes_are_in_the_catalogue(catalogue, found)
    # A group the statement of use does not name gets no such quote.
    teachers = group_verdict(catalogue, _scheme(catalogue, K), "lærerne")
    assert "tiltak for en bredere målgruppe, inkludert PPT" not in [
        normalize_quote(r.quote) for r in teachers.reasons
    ]


# --- one person's own use of collective money -------------------------------------------------------


def test_one_persons_own_course_from_collective_money_is_no_with_the_rule_on_the_money(
    catalogue: Catalogue,
) -> None:
    verdict = use_verdict(catalogue, _scheme(catalogue, R), "sitt eget kurs", for_one=True, money_words=MONEY)
    assert verdict.answer == "nei"
    assert [normalize_quote(r.quote) for r in verdict.reasons] == [
        "Midlene fra tilskuddsordningen skal støtte tiltak som gir kollektiv kompetanseutvikling i "
        "barnehager og skoler."
    ]
    _quotes_are_in_the_catalogue(catalogue, verdict)


def test_a_collective_scheme_whose_sentence_names_no_money_does_not_rule_one_person_out(
    catalogue: Catalogue,
) -> None:
    """Fag- og yrkesopplæring's kind rests on a goal («… som fremmer kollektiv utvikling»), not a rule
    on the money: one person's course stays unclear."""
    fyo = _scheme(catalogue, FYO)
    verdict = use_verdict(catalogue, fyo, "mitt eget kurs", for_one=True, money_words=MONEY)
    assert verdict.answer == "uklart"


# --- partners and providers -----------------------------------------------------------------------------


def test_a_fagskole_may_be_a_partner_where_the_sources_name_it(catalogue: Catalogue) -> None:
    local = partner_verdict(_scheme(catalogue, D), "fagskole", PROVIDER_RULES)
    assert local.answer == "ja"
    assert any("i samarbeid med fagskole" in normalize_quote(r.quote) for r in local.reasons)
    fyo = partner_verdict(_scheme(catalogue, FYO), "fagskole", PROVIDER_RULES)
    assert fyo.answer == "ja"
    quotes = [normalize_quote(r.quote) for r in fyo.reasons]
    assert any("fagskoler, universiteter og høgskoler" in q for q in quotes)
    assert any("regelverket for offentlige anskaffelser" in q for q in quotes)  # what a provider must know
    for verdict in (local, fyo):
        _quotes_are_in_the_catalogue(catalogue, verdict)


def test_a_partner_the_sources_do_not_name_is_unclear_never_no(catalogue: Catalogue) -> None:
    none_listed = partner_verdict(_scheme(catalogue, "videreutdanning-kfk"), "universitet_hogskole")
    assert none_listed.answer == "uklart"
    other = partner_verdict(_scheme(catalogue, FYO), "kompetansemiljo")
    assert other.answer == "uklart" and other.reasons


@pytest.mark.parametrize(
    ("scheme_id", "asked", "answer"),
    [
        ("fag-og-yrkesopplaering", "bypass", "nei"),
        ("fag-og-yrkesopplaering", "tender", "uklart"),
        ("desentralisert-ordning", "bypass", "uklart"),  # its sources name no procurement rule
    ],
)
def test_buying_from_a_provider_is_answered_from_the_procurement_condition(
    catalogue: Catalogue, scheme_id: str, asked: str, answer: str
) -> None:
    scheme = catalogue.get(scheme_id)
    assert scheme is not None
    verdict = procurement_verdict(scheme, asked, ["anskaffelse"], ["partnerskap"])
    assert not verdict.explanation if answer == "nei" else verdict.explanation  # «Nei.» led by the rule
    _quotes_are_in_the_catalogue(catalogue, verdict)
    assert verdict.answer == answer
    if scheme_id == "fag-og-yrkesopplaering":
        assert "regelverket for offentlige anskaffelser" in verdict.reasons[0].quote
    else:
        assert not verdict.reasons and verdict.said  # what the sources say of who carries the measures out


def test_the_measure_definition_is_verbatim_in_its_document() -> None:
    rules = rule_file(AdvisorRules)
    found = rules.measure_definition
    assert found is not None
    text = " ".join((CORPUS / found.document).read_text("utf-8").split())
    assert " ".join(found.quote.split()) in text


@pytest.mark.parametrize(("scheme_id", "group"), [(D, "ansatte i PP-tjenesten"), (R, "instruktører")])
def test_a_group_not_plainly_in_the_scheme_is_pointed_to_the_schemes_that_name_it(
    catalogue: Catalogue, scheme_id: str, group: str
) -> None:
    """PPT is no named group of Dekom, but Kompetanseløftet names «ansatte i PP-tjenesten»: the answer
    says where the group is named, with those quotes."""
    verdict = group_verdict(catalogue, _scheme(catalogue, scheme_id), group)
    assert verdict.answer in {"uklart", "nei"}
    (elsewhere,) = verdict.then
    named = [s for s in catalogue.schemes if s.name in elsewhere.text]
    assert named and scheme_id not in {s.id for s in named}, elsewhere.text
    assert all(any(g.quote == r.quote for s in named for g in s.target_groups) for r in elsewhere.reasons)


def test_a_group_many_schemes_name_or_one_in_the_scheme_gets_no_pointer(catalogue: Catalogue) -> None:
    """«Lærere» is named by most schemes: pointing to them all says nothing. A group in the target group
    needs no pointer; nor one in it as a narrower group."""
    assert group_verdict(catalogue, _scheme(catalogue, FYO), "lærere").then == ()
    assert group_verdict(catalogue, _scheme(catalogue, K), "PPT").then == ()
    assert group_verdict(catalogue, _scheme(catalogue, D), "helsesykepleiere").then == ()


def test_money_for_a_school_kind_the_scheme_does_not_serve_is_no_with_the_scheme_that_does(
    catalogue: Catalogue,
) -> None:
    """Desentralisert ordning is for the schools, Regional ordning for barnehager: the one's money for the
    other's kind is «nei», citing the scheme's own sectors and naming the scheme for that kind, not an
    umbrella over both. PPT is no school kind, so it is never a no from a list of sectors."""
    verdict = use_verdict(catalogue, _scheme(catalogue, D), "kurs i barnehagene")
    assert verdict.answer == "nei", verdict.explanation
    assert [r.text.split(":")[0] for r in verdict.said] == [
        "Regional ordning for kompetanseutvikling i barnehage"
    ]
    assert use_verdict(catalogue, _scheme(catalogue, D), "kurs i skolene").answer != "nei"
    assert use_verdict(catalogue, _scheme(catalogue, D), "tiltak for PP-tjenesten").answer != "nei"


@pytest.mark.parametrize("group", ["PP-tjenesten", "PP-tjenesten vår", "ansatte i PP-tjenesten"])
def test_a_yes_whose_target_group_sentence_says_the_group_in_the_askers_word_needs_no_second_quote(
    catalogue: Catalogue, group: str
) -> None:
    """The target-group sentence of Kompetanseløftet says «ansatte i PP-tjenesten»: asked in that word, the
    sentence on what the money may go to («… inkludert PPT») only pads the yes. Asked as «PPT», it is the
    sentence in the asker's word, and stays (the test above)."""
    found = group_verdict(catalogue, _scheme(catalogue, K), group)
    assert found.answer == "ja"
    quotes = [normalize_quote(r.quote) for r in found.reasons]
    assert not any("inkludert PPT" in q for q in quotes), quotes
    assert any("ansatte i PP-tjenesten" in q for q in quotes), quotes


def test_a_part_not_for_the_sector_asked_points_to_the_part_of_its_umbrella_that_is(
    catalogue: Catalogue,
) -> None:
    """«Gjelder dette også for barnehagene?» after a Dekom question got only «Nei. Desentralisert ordning …
    gjelder grunnskole og videregående opplæring, ikke barnehage»: where the barnehager go was not said."""
    dekom = catalogue.get("desentralisert-ordning")
    assert dekom is not None
    verdict = sector_verdict(dekom, ["barnehage"], catalogue)
    assert verdict.answer == "nei"
    assert [s.text for s in verdict.then] == [
        "For barnehage er det Regional ordning for kompetanseutvikling i barnehage"
    ]
    assert "Regional ordning for kompetanseutvikling i barnehage" in verdict.then[0].reasons[0].quote
    assert sector_verdict(dekom, ["barnehage"]).then == ()  # no catalogue, no pointer
    yes = sector_verdict(dekom, ["grunnskole"], catalogue)
    assert yes.answer == "ja" and yes.then == ()


@pytest.mark.parametrize(
    ("scheme_id", "group"),
    [
        (D, "ansatte i PP-tjenesten"),  # Kompetanseløftet names PPT in addition to the ordinary groups
        (D, "prøvenemndsmedlemmer"),  # the yrkesfag scheme names them
        (R, "instruktører"),
        (R, "faglige ledere"),
        (R, "PP-rådgivere"),
    ],
)
def test_a_group_only_a_sibling_scheme_names_is_no_with_the_groups_this_one_names(
    catalogue: Catalogue, scheme_id: str, group: str
) -> None:
    """A collective scheme that does not name a group that another collective scheme (for other sectors)
    names as its target group: «Nei», cited with the groups it does name, and pointed to the other."""
    scheme = _scheme(catalogue, scheme_id)
    verdict = group_verdict(catalogue, scheme, group)
    assert verdict.answer == "nei", verdict.explanation
    named = {g.quote for g in scheme.target_groups if g.status == "ja"}
    assert verdict.reasons and all(r.quote in named for r in verdict.reasons)
    (elsewhere,) = verdict.then
    assert scheme.name not in elsewhere.text
    _quotes_are_in_the_catalogue(catalogue, verdict)


@pytest.mark.parametrize(
    ("scheme_id", "group"),
    [
        (FYO, "PPT"),  # «Fylkeskommunene kan inkludere andre yrkesgrupper …»
        (K, "instruktører"),  # Kompetanseløftet covers fag- og yrkesopplæringen too
        (K, "prøvenemndsmedlemmer"),
        (D, "alle"),
    ],
)
def test_a_group_named_elsewhere_stays_unclear_where_the_scheme_may_take_it_in(
    catalogue: Catalogue, scheme_id: str, group: str
) -> None:
    assert group_verdict(catalogue, _scheme(catalogue, scheme_id), group).answer == "uklart"
