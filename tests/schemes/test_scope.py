"""Scheme scope: which schemes a text names, how passages are tagged, and how hits are ordered for a
question about one scheme."""

from __future__ import annotations

import re

import pytest

from assistant.answer.plan import asking_sentence
from assistant.index.lexical import words
from assistant.models import Passage, ScoredPassage
from assistant.schemes.catalogue import Catalogue, Scheme
from assistant.schemes.matching import _as_named, _mentions_of, _name_keys
from assistant.schemes.scope import SchemeScope, _with_scope_phrases, named_schemes, related
from tests.conftest import CORPUS


def passage(text: str, section: str = "", title: str = "Et dokument") -> Passage:
    return Passage(f"p{abs(hash(text))}", "doc.txt", title, section, text, 0, "h")


def test_the_longer_name_wins_over_a_name_inside_it(catalogue: Catalogue) -> None:
    assert named_schemes(catalogue, "Om desentralisert ordning innen yrkesfag") == ["fag-og-yrkesopplaering"]
    assert named_schemes(catalogue, "Rekom og Dekom") == ["regional-ordning", "desentralisert-ordning"]


def test_a_topic_phrase_puts_a_text_in_a_schemes_scope(catalogue: Catalogue) -> None:
    assert named_schemes(catalogue, "forumet for fag- og yrkesopplæringa") == ["fag-og-yrkesopplaering"]
    assert named_schemes(catalogue, "midler til kompetanseutvikling i barnehage og grunnopplæring") == [
        "lokal-kompetanseutvikling"
    ]
    # the forum for barnehage and skole is the local scheme's; the vocational scheme serves no barnehage
    assert named_schemes(catalogue, "Hvem sitter i samarbeidsforumet for barnehager og skoler?") == [
        "lokal-kompetanseutvikling"
    ]


def test_everyday_scheme_names_from_the_catalogue(catalogue: Catalogue) -> None:
    assert named_schemes(catalogue, "Hvem får penger fra yrkesfagordningen?") == ["fag-og-yrkesopplaering"]
    local = named_schemes(catalogue, "Søker vi i den lokale kompetanseordningen?")
    assert local == ["lokal-kompetanseutvikling"]


def test_a_name_whose_ordning_is_said_in_a_compound_names_its_scheme(catalogue: Catalogue) -> None:
    """ "den regionale kompetanseordningen" got the vocational scheme's target groups: it named no scheme."""
    assert named_schemes(catalogue, "Hvem er den regionale kompetanseordningen for?") == ["regional-ordning"]
    assert named_schemes(catalogue, "Hva går regionalordningen ut på?") == ["regional-ordning"]
    assert named_schemes(catalogue, "i den desentraliserte tilskuddsordningen") == ["desentralisert-ordning"]
    assert named_schemes(catalogue, "Hva kan midlene i den lokale ordningen brukes til?") == [
        "lokal-kompetanseutvikling"
    ]


def test_a_one_word_name_joined_with_a_money_word_names_its_scheme(catalogue: Catalogue) -> None:
    assert named_schemes(catalogue, "Hvem fordeler yrkesfagpengane?") == ["fag-og-yrkesopplaering"]
    assert named_schemes(catalogue, "Rapport om bruken av Dekommidlene") == ["desentralisert-ordning"]
    assert named_schemes(catalogue, "Hvem får tilretteleggingsmidler?") == [
        "videreutdanning-barnehagelaerere"
    ]
    assert named_schemes(catalogue, "Vi har fått midler til yrkesfag") == []  # the words apart name nothing


def test_a_grant_schemes_name_may_say_ordning_for_tilskuddsordning(catalogue: Catalogue) -> None:
    assert named_schemes(catalogue, "Gjelder dette for den kollektive ordninga?") == [
        "lokal-kompetanseutvikling"
    ]
    assert named_schemes(catalogue, "Det er en kollektiv satsing") == []


def test_a_one_word_definite_name_names_the_scheme_only_in_that_form(catalogue: Catalogue) -> None:
    assert named_schemes(catalogue, "Vi vil søke om et kompetanseløft på språk for personalet.") == []
    assert named_schemes(catalogue, "Kompetanseløftets tiltak") == ["kompetanseloftet"]
    assert named_schemes(catalogue, "Hva gjør Kpl?") == ["kompetanseloftet"]


def test_a_rare_word_of_another_schemes_name_points_away_from_the_scope(catalogue: Catalogue) -> None:
    scope = SchemeScope(catalogue)
    common = {"skole", "skolene", "lærere", "barnehage"}

    def rare(word: str) -> bool:
        return word not in common

    kfk = ["videreutdanning-kfk"]
    assert scope.points_elsewhere("Finnes det et stipend for assistenten?", kfk, rare)
    assert not scope.points_elsewhere("Hva kan skolene søke om for lærere?", kfk, rare)
    # A word of the scope's own names points nowhere else: "yrkesfag" for the vocational scheme.
    assert not scope.points_elsewhere("Hvem får midler til yrkesfag?", ["fag-og-yrkesopplaering"], rare)
    # More words of another scheme's name than of the scope's own: «stipend» is in both names, «mangler» and
    # «godkjent» only in the Utdanningsstipend's.
    asked = "Kan vi søke om stipend for ansatte som mangler godkjent lærerutdanning?"
    assert scope.points_elsewhere(asked, ["rekrutteringsstipend"], rare)
    recruiting = ["rekrutteringsstipend"]
    assert not scope.points_elsewhere("Kan vi søke om stipend for nye lærere?", recruiting, rare)


def test_who_asks_does_not_outweigh_what_the_asking_sentence_points_at(catalogue: Catalogue) -> None:
    """A letter's question led by who asks: «barnehager» in «Vi eier to barnehager.» shares a word with the
    local scheme's name and outweighed «videreutdanning»; the asking sentence alone points elsewhere."""
    scope = SchemeScope(catalogue)
    local = ["lokal-kompetanseutvikling"]

    def rare(word: str) -> bool:
        return not word.startswith(("barnehage", "ansatt", "støtte"))

    led = "Vi eier to barnehager. Får vi støtte dersom ansatte tar videreutdanning?"
    assert not scope.points_elsewhere(led, local, rare)
    assert scope.points_elsewhere(asking_sentence(led), local, rare)


def test_an_umbrella_scheme_speaks_for_its_parts_and_they_for_it() -> None:
    assert "regional-ordning" in related(["lokal-kompetanseutvikling"])
    assert "lokal-kompetanseutvikling" in related(["regional-ordning"])
    assert "fag-og-yrkesopplaering" not in related(["regional-ordning"])


def test_a_passage_naming_no_scheme_takes_its_documents(catalogue: Catalogue) -> None:
    scope = SchemeScope(catalogue)
    title = "Tilskuddsordning til kompetanseutvikling i fag- og yrkesopplæring"
    tags = scope.tags_of(passage("Forumet møtes to ganger i året.", title=title))
    assert tags == {"fag-og-yrkesopplaering"}
    assert scope.tags_of(passage("Kompetanseløftet gjelder PPT.", title=title)) == {"kompetanseloftet"}


def test_hits_about_another_scheme_only_go_to_the_back(catalogue: Catalogue) -> None:
    scope = SchemeScope(catalogue)
    other = ScoredPassage(passage("Forumet i fag- og yrkesopplæringen ledes av fylkeskommunen."), 0.9)
    general = ScoredPassage(passage("Et forum møtes jevnlig."), 0.8)
    asked = ScoredPassage(passage("Forumet i den regionale ordningen har disse medlemmene."), 0.7)
    ordered = scope.prefer([other, general, asked], ["regional-ordning"])
    assert ordered == [general, asked, other]
    assert scope.prefer([other, general], []) == [other, general]


def test_the_schemes_own_passage_comes_before_general_text_that_scores_about_as_well(
    catalogue: Catalogue,
) -> None:
    scope = SchemeScope(catalogue)
    general = ScoredPassage(passage("Eierne melder behov hvert år."), 1.0)
    asked = ScoredPassage(passage("I Rekom melder eierne behov til Statsforvalteren."), 0.95)
    far_behind = ScoredPassage(passage("Rekom har et samarbeidsforum."), 0.5)
    assert scope.prefer([general, asked], ["regional-ordning"]) == [asked, general]
    assert scope.prefer([general, far_behind], ["regional-ordning"]) == [general, far_behind]


def test_hits_about_schemes_only_for_other_sectors_go_to_the_back(catalogue: Catalogue) -> None:
    scope = SchemeScope(catalogue)
    vocational = ScoredPassage(passage("Yrkesfagordningen har et samarbeidsforum."), 0.9)
    general = ScoredPassage(passage("Et forum møtes jevnlig."), 0.8)
    regional = ScoredPassage(passage("Rekom har et samarbeidsforum."), 0.7)
    assert scope.prefer_sectors([vocational, general, regional], ["barnehage"]) == [
        general,
        regional,
        vocational,
    ]
    # PP-tjenesten works across sectors: it narrows nothing
    assert scope.prefer_sectors([vocational, general], ["ppt"]) == [vocational, general]


def test_a_name_x_for_y_is_also_said_x_om_y(catalogue: Catalogue) -> None:
    assert named_schemes(catalogue, "Hva er kompetansepakken om programmering?") == [
        "kompetansepakke-programmering"
    ]


def _plain_mentions(scheme: Scheme, lowered: str, sequence: tuple[str, ...]) -> list[tuple[int, int]]:
    """`_mentions_of` as it was before it skipped names whose first word the text lacks."""
    found = []
    literal = re.search(rf"(?<![\w-]){re.escape(scheme.id)}(?![\w-])", lowered)
    if literal:
        found.append((1000, -literal.start()))
    raw = words(lowered)
    for term in (scheme.name, *scheme.aliases):
        keys = _name_keys(term)
        for start in range(len(sequence) - len(keys) + 1):
            if keys and sequence[start : start + len(keys)] == keys and _as_named(term, raw, start):
                found.append((len(keys), -start))
                break
    return found


def test_the_quick_mention_scan_finds_what_the_plain_scan_finds(catalogue: Catalogue) -> None:
    texts = [
        *(p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt"))),
        "Hvem får penger fra yrkesfagordningen, og hva med Rekom og Dekom?",
        "Kompetanseløftets tiltak og et kompetanseløft på språk",
        "desentralisert-ordning og desentralisert ordning innen yrkesfag",
    ]
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    assert len(lines) > 100
    schemes = list(_with_scope_phrases(catalogue))
    found = 0
    for line in lines:
        lowered, sequence = line.casefold(), _name_keys(line)
        for scheme in schemes:
            plain = _plain_mentions(scheme, lowered, sequence)
            assert list(_mentions_of(scheme, lowered, sequence)) == plain, (scheme.id, line)
            found += len(plain)
    assert found > 50  # the texts do name schemes


def test_named_schemes_remembered_per_text_gives_each_caller_its_own_list(catalogue: Catalogue) -> None:
    text = "Rekom og Dekom"
    first = named_schemes(catalogue, text)
    first.append("noe annet")
    assert named_schemes(catalogue, text) == ["regional-ordning", "desentralisert-ordning"]


def test_a_field_word_scopes_only_a_question_and_only_by_itself(catalogue: Catalogue) -> None:
    """ "yrkesfag" is the field of fag- og yrkesopplæring (scope.yaml `fields`): a question about the forum
    "for yrkesfag" is about that scheme; a passage that says "inkludert … yrkesfagene" is not tagged by it."""
    scope = SchemeScope(catalogue)
    assert scope.field_of("Kan Statsforvalteren være med i samarbeidsforumet for yrkesfag?") == [
        "fag-og-yrkesopplaering"
    ]
    assert scope.field_of("Hva er Yrkesfaglærer 2?") == []  # another word
    assert "fag-og-yrkesopplaering" not in named_schemes(
        catalogue, "inkludert videregående opplæring og yrkesfagene"
    )


def test_the_alternatives_found_are_those_with_a_passage_about_them_alone(catalogue: Catalogue) -> None:
    scope = SchemeScope(catalogue)
    lokal = passage("Statsforvalteren utbetaler midlene.", "Samarbeidsforum", "Lokal kompetanseutvikling")
    fag = passage(
        "Vi utbetaler midlene.", "Udir", "Tilskuddsordning til kompetanseutvikling i fag- og yrkesopplæring"
    )
    both = passage(
        "Fag- og yrkesopplæringen inngår i lokal kompetanseutvikling i barnehage og grunnopplæring."
    )
    hits = [ScoredPassage(p, 1.0) for p in (lokal, fag)]
    assert scope.alternatives_in(hits) == ["lokal-kompetanseutvikling", "fag-og-yrkesopplaering"]
    assert scope.alternatives_in([ScoredPassage(both, 1.0), hits[1]]) == ["fag-og-yrkesopplaering"]


def test_the_local_scheme_as_people_call_it_is_the_one_for_barnehage_and_grunnopplaering(
    catalogue: Catalogue,
) -> None:
    """ "den lokale ordningen" is the lokal scheme; "lokal ordning for yrkesfag" is still the vocational."""
    assert named_schemes(catalogue, "Hvem utbetaler midlene i den lokale ordningen?") == [
        "lokal-kompetanseutvikling"
    ]
    assert named_schemes(catalogue, "Kven er målgruppa for den lokale ordninga?") == [
        "lokal-kompetanseutvikling"
    ]
    assert named_schemes(catalogue, "Hvem sitter i den lokale ordningen for yrkesfag?") == [
        "fag-og-yrkesopplaering"
    ]


def test_a_passage_mentioning_the_scheme_under_another_schemes_breadcrumb_is_not_its_own(
    catalogue: Catalogue,
) -> None:
    """The fag- og yrkesopplæring guidelines' list of the fylkeskommune's duties mentions Kompetanseløftet;
    for a question about the lokal scheme it is no more that scheme's than general text (not boosted)."""
    scope = SchemeScope(catalogue)
    vocational = "Tilskuddsordning til kompetanseutvikling i fag- og yrkesopplæring"
    mention = ScoredPassage(
        passage(
            "De har ansvaret for koordinering av samarbeidsforum, blant annet i tiltak knyttet til "
            "Kompetanseløftet for spesialpedagogikk og inkluderende praksis.",
            section=f"{vocational} > Fylkeskommunene",
            title=vocational,
        ),
        1.0,
    )
    general = ScoredPassage(passage("Et forum møtes jevnlig."), 0.97)
    own = ScoredPassage(
        passage("Statsforvalteren har sekretariatsansvar for samarbeidsforum i Kompetanseløftet."), 0.95
    )
    assert scope.prefer([mention, general, own], ["lokal-kompetanseutvikling"]) == [own, mention, general]
    assert scope.breadcrumb_tags(mention.passage) == {"fag-og-yrkesopplaering"}


def test_the_scheme_for_barnehage_and_skole_as_people_call_it_is_the_local_one(catalogue: Catalogue) -> None:
    assert named_schemes(catalogue, "Er det slik i ordningen for barnehage og skole?") == [
        "lokal-kompetanseutvikling"
    ]


def test_a_scheme_compared_with_is_not_the_one_asked_about(catalogue: Catalogue) -> None:
    scope = SchemeScope(catalogue)
    assert scope.asked("Er det Statsforvalteren, sånn som i ordningen for barnehage og skole?") == []
    assert scope.asked("Gjør fylkeskommunen det på samme måte som i Rekom?") == []
    assert scope.asked("Er det Udir i yrkesfagordningen, slik som i Rekom?") == ["fag-og-yrkesopplaering"]


def test_a_passage_naming_the_scheme_only_in_passing_goes_behind_the_schemes_own_document(
    catalogue: Catalogue,
) -> None:
    """A general article that lists "fag- og yrkesopplæringen" among the sectors is tagged with that
    scheme, but is not what its guidelines say: beside the guidelines' passages it is not answered from."""
    scope = SchemeScope(catalogue)
    vocational = "Tilskuddsordning til kompetanseutvikling i fag- og yrkesopplæring"
    article = "Å velge kompetansetiltak"
    passing = ScoredPassage(
        passage(
            "Ordningene skal styrke kollektiv kompetanse i barnehager, skoler og fag- og yrkesopplæringen.",
            section=f"{article} > Tilskuddsordninger",
            title=article,
        ),
        1.0,
    )
    own = ScoredPassage(passage("Målet er å styrke kompetansen i lærebedrifter.", title=vocational), 0.9)
    far = ScoredPassage(passage("Forumet møtes to ganger i året.", title=vocational), 0.5)
    other = ScoredPassage(passage("Rekom har et samarbeidsforum."), 0.95)
    asked = ["fag-og-yrkesopplaering"]
    assert scope.in_passing([passing, own], asked) == {passing.passage.id}
    assert scope.own_first([passing, own, far, other], asked) == [own, passing, far, other]
    # Without the scheme's own document among the hits, or far below, the passage stays where it is.
    assert scope.own_first([passing, other], asked) == [passing, other]
    assert scope.own_first([passing, far], asked) == [passing, far]
    # For a question about another scheme, or about none, nothing moves.
    assert scope.in_passing([passing, own], ["regional-ordning"]) == set()
    assert scope.in_passing([passing, own], []) == set()


def test_a_topic_phrase_said_as_one_compound_with_ordning_or_midler_names_its_scheme(
    catalogue: Catalogue,
) -> None:
    assert named_schemes(catalogue, "Gjelder det i fag- og yrkesopplæringsordningen?") == [
        "fag-og-yrkesopplaering"
    ]
    assert named_schemes(catalogue, "Kven får fag- og yrkesopplæringsmidlar?") == ["fag-og-yrkesopplaering"]
    assert named_schemes(catalogue, "barnehage og grunnopplæringsmidlene") == ["lokal-kompetanseutvikling"]
    # Not a word alone: "opplæringsmidler" names no scheme.
    assert named_schemes(catalogue, "Hvem får opplæringsmidler?") == []


def test_a_question_without_its_schemes_name_keeps_what_it_asks(catalogue: Catalogue) -> None:
    scope = SchemeScope(catalogue)
    bare = scope.without_names("Hvem utbetaler pengene i Dekom?", ["desentralisert-ordning"])
    assert bare == "hvem utbetaler pengene i"
    long = "Hvem bestemmer i den desentraliserte ordningen?"
    assert "desentraliserte" not in scope.without_names(long, ["desentralisert-ordning"])
    # a scheme that is not in scope, or no name at all, leaves the text as it is
    assert scope.without_names("Hvem utbetaler pengene i Dekom?", ["regional-ordning"]).startswith("Hvem")
    assert scope.without_names("Hvem betaler?", ["desentralisert-ordning"]) == "Hvem betaler?"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Hva er forskjellen på samarbeidsforumet i Dekom og i yrkesfagordningen?",
            {
                "desentralisert-ordning": "Samarbeidsforumet i dekom?",
                "fag-og-yrkesopplaering": "Samarbeidsforumet i yrkesfagordningen?",
            },
        ),
        (
            "Kva er skilnaden mellom målgruppene i Kompetanseløftet og i Rekom?",
            {
                "kompetanseloftet": "Målgruppene i kompetanseløftet?",
                "regional-ordning": "Målgruppene i rekom?",
            },
        ),
        (
            "Hva er forskjellen på hvem som betaler ut pengene i Rekom og i Dekom?",
            {
                "regional-ordning": "Hvem betaler ut pengene i rekom?",
                "desentralisert-ordning": "Hvem betaler ut pengene i dekom?",
            },
        ),
        ("Hva er forskjellen på Rekom og Dekom?", {}),  # nothing asked of them but what they are
        (  # what is compared, said after the names
            "Hva er forskjellen på Dekom og yrkesfagordningen når det gjelder hvem som fordeler midlene?",
            {
                "desentralisert-ordning": "Hvem fordeler midlene i dekom?",
                "fag-og-yrkesopplaering": "Hvem fordeler midlene i yrkesfagordningen?",
            },
        ),
        (
            "Hva skiller Rekom og yrkesfagordningen med tanke på målgruppene?",
            {
                "regional-ordning": "Målgruppene i rekom?",
                "fag-og-yrkesopplaering": "Målgruppene i yrkesfagordningen?",
            },
        ),
        (
            "Kva er skilnaden på Dekom og yrkesfagordninga når det gjeld kven som søkjer?",
            {
                "desentralisert-ordning": "Kven søkjer i dekom?",
                "fag-og-yrkesopplaering": "Kven søkjer i yrkesfagordninga?",
            },
        ),
        ("Hva skiller Rekom og Dekom?", {}),
    ],
)
def test_a_comparison_asks_the_same_of_each_scheme_it_names(
    catalogue: Catalogue, question: str, expected: dict[str, str]
) -> None:
    scope = SchemeScope(catalogue)
    assert scope.asked_of_each(question, scope.asked(question)) == expected
