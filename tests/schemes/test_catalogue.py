"""The scheme catalogue: the real file checks out against the real corpus, and a bad edit is caught."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.errors import AssistantError
from assistant.models import OWNER_TYPES, SECTORS
from assistant.schemes.catalogue import (
    KINDS,
    STATUSES,
    Catalogue,
    SchemeCatalogueError,
    load_catalogue,
)
from tests.conftest import CORPUS
from tests.schemes.conftest import entry, load_edited

CATALOGUE = CORPUS / "schemes.yaml"

# Every scheme the feature request names; each must be found by id, name or alias.
REQUESTED_SCHEMES = [
    "Rekom",
    "regional ordning",
    "Dekom",
    "desentralisert ordning",
    "Kompetanseløftet for spesialpedagogikk og inkluderende praksis",
    "Desentralisert ordning for kompetanseutvikling innen yrkesfag",
    "tilskuddsordningen for fag- og yrkesopplæring",
    "Kompetanse for kvalitet",
    "Videreutdanning for barnehagelærere",
    "tilretteleggingsmidler",
    "fagskoleutdanning i barnehagen",
    "Stipendordning PPU/YFL",
    "Styrer- og rektorutdanning",
    "Lærerspesialistutdanning",
    "Videreutdanning for yrkesfaglærere",
    "utdanningsstipend",
    "rekrutteringsstipend",
    "kompetansepakker",
    "Yrkesfaglærer 2",
    "hospiteringsordning",
    "oppfølgingsordningen",
]


def rejected(tmp_path: Path, entries: list[Any]) -> SchemeCatalogueError:
    with pytest.raises(SchemeCatalogueError) as caught:
        load_edited(tmp_path, entries)
    return caught.value


def test_real_catalogue_loads_against_real_corpus(catalogue: Catalogue) -> None:
    assert len(catalogue.schemes) >= 15
    assert len({s.id for s in catalogue.schemes}) == len(catalogue.schemes)
    assert all(s.sources for s in catalogue.schemes)


@pytest.mark.parametrize("term", REQUESTED_SCHEMES)
def test_every_requested_scheme_is_in_the_catalogue(catalogue: Catalogue, term: str) -> None:
    names = {t.casefold() for s in catalogue.schemes for t in (s.id, s.name, *s.aliases)}
    assert term.casefold() in names


def test_catalogue_values_come_from_the_closed_vocabularies(catalogue: Catalogue) -> None:
    for scheme in catalogue.schemes:
        assert scheme.kind is None or scheme.kind.value in KINDS
        assert all(e.value in OWNER_TYPES for e in scheme.who_applies)
        assert all(e.value in SECTORS for e in scheme.sectors)
        assert all(g.status in STATUSES for g in scheme.target_groups)


def test_exclusions_are_recorded_with_their_quote(catalogue: Catalogue) -> None:
    scheme = catalogue.get("fag-og-yrkesopplaering")
    assert scheme is not None
    statuses = {g.group: g.status for g in scheme.target_groups}
    assert statuses["fagskolelærere"] == "som_hovedregel_ikke"
    assert {"instruktører", "faglige ledere", "prøvenemndsmedlemmer", "yrkesfaglærere"} <= {
        g for g, status in statuses.items() if status == "ja"
    }


def test_get_returns_none_for_an_unknown_id(catalogue: Catalogue) -> None:
    regional = catalogue.get("regional-ordning")
    assert regional is not None and "Rekom" in regional.aliases
    assert catalogue.get("finnes-ikke") is None


def test_wrong_quote_is_rejected_naming_entry_field_and_document(
    tmp_path: Path, entries: list[dict[str, Any]]
) -> None:
    group = entry(entries, "regional-ordning")["target_groups"][0]
    group["quote"] = "lærere, ledere og alle andre ansatte i barnehager og skoler"
    error = rejected(tmp_path, entries)
    assert isinstance(error, AssistantError)
    assert error.code == "scheme_catalogue_invalid"
    assert len(error.problems) == 1
    problem = error.problems[0]
    assert "«regional-ordning»" in problem and "target_groups" in problem
    assert group["document"] in problem and "alle andre ansatte" in problem
    assert problem in error.message


def test_quote_differing_only_in_whitespace_and_line_breaks_is_accepted(
    tmp_path: Path, entries: list[dict[str, Any]]
) -> None:
    kind = entry(entries, "regional-ordning")["kind"]
    kind["quote"] = kind["quote"].replace(" ", "\n   ", 3).replace(" ", "  ")
    loaded = load_edited(tmp_path, entries)
    regional = loaded.get("regional-ordning")
    assert regional is not None and regional.kind is not None and "\n" in regional.kind.quote


def test_quote_from_removed_page_furniture_is_rejected(tmp_path: Path, entries: list[dict[str, Any]]) -> None:
    # The line is in the raw file but not in the indexed text, so it could never be cited.
    entry(entries, "oppfolgingsordningen")["process"][0]["quote"] = "Fant du det du lette etter?"
    error = rejected(tmp_path, entries)
    assert "«oppfolgingsordningen», felt process" in error.message


@pytest.mark.parametrize(
    ("field", "bad"),
    [("kind", "kollektivt"), ("who_applies", "kommunen"), ("sectors", "vgs"), ("target_groups", "kanskje")],
)
def test_value_outside_the_vocabulary_is_rejected(
    tmp_path: Path, entries: list[dict[str, Any]], field: str, bad: str
) -> None:
    scheme = entry(entries, "kompetanseloftet")
    item = scheme[field] if field == "kind" else scheme[field][0]
    item["status" if field == "target_groups" else "value"] = bad
    error = rejected(tmp_path, entries)
    assert f"«kompetanseloftet», felt {field}" in error.message
    assert f"«{bad}»" in error.message


def test_duplicate_id_is_rejected(tmp_path: Path, entries: list[dict[str, Any]]) -> None:
    copy = dict(entry(entries, "ablu"), name="En annen ordning", aliases=[])
    entries.append(copy)
    error = rejected(tmp_path, entries)
    assert "«ablu», felt id" in error.message


def test_alias_shared_by_two_schemes_is_rejected(tmp_path: Path, entries: list[dict[str, Any]]) -> None:
    entry(entries, "desentralisert-ordning")["aliases"].append("Rekom")
    error = rejected(tmp_path, entries)
    assert "«desentralisert-ordning», felt aliases" in error.message and "«regional-ordning»" in error.message


@pytest.mark.parametrize("document", ["finnes-ikke.txt", "../README.md", "glossary.yaml"])
def test_unknown_or_unreadable_document_is_rejected(
    tmp_path: Path, entries: list[dict[str, Any]], document: str
) -> None:
    scheme = entry(entries, "hospiteringsordning")
    scheme["sectors"][0]["document"] = document
    scheme["sources"].append({"document": document})
    error = rejected(tmp_path, entries)
    assert "«hospiteringsordning», felt sectors" in error.message
    assert f"«{document}»" in error.message


def test_cited_document_missing_from_sources_is_rejected(
    tmp_path: Path, entries: list[dict[str, Any]]
) -> None:
    entry(entries, "hospiteringsordning")["sources"] = [{"document": "udir-velge-kompetansetiltak.md"}]
    error = rejected(tmp_path, entries)
    assert "«hospiteringsordning», felt sources" in error.message
    assert "udir-statlig-stotte-til-kompetanseutvikling.txt" in error.message


def test_misspelt_field_and_missing_quote_are_rejected(tmp_path: Path, entries: list[dict[str, Any]]) -> None:
    scheme = entry(entries, "rekrutteringsstipend")
    scheme["target_group"] = scheme.pop("target_groups")
    del scheme["who_applies"][0]["quote"]
    error = rejected(tmp_path, entries)
    assert "«rekrutteringsstipend», felt target_group:" in error.message
    assert "«rekrutteringsstipend», felt who_applies nr. 1: «quote» mangler" in error.message


def test_all_problems_are_reported_together(tmp_path: Path, entries: list[dict[str, Any]]) -> None:
    entry(entries, "ablu")["sectors"][0]["value"] = "barnehager"
    entry(entries, "utdanningsstipend")["what_it_funds"][0]["quote"] = "Skoleeiere kan søke om penger."
    with_stray_item: list[Any] = [*entries, "ikke en ordning"]
    error = rejected(tmp_path, with_stray_item)
    assert len(error.problems) == 3
    assert any("«ablu»" in p for p in error.problems)
    assert any("«utdanningsstipend»" in p for p in error.problems)
    assert any(f"Ordning nr. {len(with_stray_item)}" in p for p in error.problems)


def test_file_that_is_not_a_list_or_not_yaml_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "schemes.yaml"
    path.write_text("id: regional-ordning\n", "utf-8")
    with pytest.raises(SchemeCatalogueError, match="liste"):
        load_catalogue(path, CORPUS)
    path.write_text("- id: [uavsluttet\n", "utf-8")
    with pytest.raises(SchemeCatalogueError, match="kunne ikke leses"):
        load_catalogue(path, CORPUS)
