"""The scheme advisor over HTTP and in the chat: catalogue, match, eligibility, routing."""

from __future__ import annotations

import re
from typing import get_args

import httpx
import pytest

from assistant.answer.citations import dangling_markers
from assistant.api.routes.schemes import Need, OwnerType, Sector
from assistant.models import OWNER_TYPES, SECTORS, Citation
from assistant.schemes.matching import NEEDS
from tests.api.test_validation_messages import assert_norwegian
from tests.conftest import normalize


def test_catalogue_lists_every_scheme_with_quotes(client: httpx.Client) -> None:
    schemes = client.get("/api/schemes").json()
    assert len(schemes) >= 15
    ids = {s["id"] for s in schemes}
    assert {"regional-ordning", "desentralisert-ordning", "kompetanseloftet", "fag-og-yrkesopplaering"} <= ids
    one = client.get("/api/schemes/regional-ordning").json()
    assert one["name"].startswith("Regional ordning")
    assert all(e["quote"] and e["document"] for e in one["sectors"])
    missing = client.get("/api/schemes/finnes-ikke")
    assert missing.status_code == 404 and missing.json()["code"] == "scheme_not_found"


def test_match_ranks_fits_first_and_cites_every_reason(client: httpx.Client) -> None:
    response = client.post(
        "/api/schemes/match", json={"owner_type": "privat_barnehageeier", "sector": "barnehage"}
    )
    assert response.status_code == 200
    matches = response.json()["matches"]
    fits = [m["fit"] for m in matches]
    order = {"passer": 0, "kan passe": 1, "passer ikke": 2}
    assert fits == sorted(fits, key=order.__getitem__)
    passer = [m["scheme_id"] for m in matches if m["fit"] == "passer"]
    assert "regional-ordning" in passer
    assert "desentralisert-ordning" not in passer
    near_miss = next(m for m in matches if m["fit"] == "passer ikke")
    assert near_miss["reasons"], "a near miss says why it does not fit"
    for m in matches:
        assert set(m) == {"scheme_id", "name", "fit", "reasons", "apply_to", "next_step"}
        for reason in m["reasons"]:
            assert reason["text"] and reason["citation"]["text"] and reason["citation"]["document"]


@pytest.mark.parametrize(
    ("body", "field", "allowed"),
    [
        ({"owner_type": "staten", "sector": "barnehage"}, "owner_type", OWNER_TYPES),
        ({"owner_type": "kommune", "sector": "universitet"}, "sector", SECTORS),
        ({"owner_type": "kommune", "sector": "barnehage", "need": "penger"}, "need", NEEDS),
    ],
)
def test_unknown_enum_values_list_the_allowed_ones_in_norwegian(
    client: httpx.Client, body: dict[str, str], field: str, allowed: tuple[str, ...]
) -> None:
    response = client.post("/api/schemes/match", json=body)
    assert response.status_code == 422 and response.json()["code"] == "invalid_request"
    message = response.json()["message"]
    assert_norwegian(message)
    listed = f"{', '.join(allowed[:-1])} eller {allowed[-1]}"
    assert f"{field}: «{body[field]}» er ikke en gyldig verdi. Tillatte verdier: {listed}" in message


def test_every_bad_choice_is_listed_at_once(client: httpx.Client) -> None:
    body = {"owner_type": "staten", "sector": "universitet", "need": "penger"}
    message = client.post("/api/schemes/match", json=body).json()["message"]
    assert_norwegian(message)
    for value in (*OWNER_TYPES, *SECTORS, *NEEDS):
        assert value in message


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"owner_type": "kommune"}, "sector mangler"),
        ({"owner_type": 3, "sector": "ppt"}, "owner_type: «3» er ikke en gyldig verdi"),
        ({"owner_type": "kommune", "sector": "ppt", "topic": "x" * 501}, "topic kan ha høyst 500 tegn"),
        ({"owner_type": "kommune", "sector": "ppt", "target_group": 7}, "target_group skal være en tekst"),
        ({"owner_type": "kommune", "sector": "ppt", "budget": 1}, "budget er ikke et kjent felt"),
    ],
)
def test_other_bad_profiles_get_norwegian_messages(
    client: httpx.Client, body: dict[str, object], expected: str
) -> None:
    response = client.post("/api/schemes/match", json=body)
    assert response.status_code == 422 and response.json()["code"] == "invalid_request"
    assert expected in response.json()["message"]
    assert_norwegian(response.json()["message"])


def test_the_api_choices_are_the_catalogue_constants() -> None:
    assert get_args(OwnerType) == OWNER_TYPES
    assert get_args(Sector) == SECTORS
    assert get_args(Need) == NEEDS


def test_eligibility_answers_from_the_catalogue(client: httpx.Client) -> None:
    response = client.post(
        "/api/schemes/fag-og-yrkesopplaering/eligibility", json={"group": "fagskolelærere"}
    )
    assert response.status_code == 200
    data = response.json()
    assert data["answer"] == "som hovedregel ikke"
    assert any("som hovedregel ikke" in normalize(c["text"]) for c in data["citations"])
    unknown = client.post("/api/schemes/regional-ordning/eligibility", json={"group": "vaktmestere"}).json()
    assert unknown["answer"] == "uklart"
    assert client.post("/api/schemes/finnes-ikke/eligibility", json={"group": "PPT"}).status_code == 404
    assert client.post("/api/schemes/regional-ordning/eligibility", json={"group": ""}).status_code == 422


def _citations(data: dict[str, object]) -> list[Citation]:
    return [Citation(**c) for c in data["citations"]]  # type: ignore[attr-defined]


def test_chat_routes_a_which_schemes_question_to_the_advisor(client: httpx.Client) -> None:
    data = client.post(
        "/api/chat", json={"message": "Vi er en privat barnehageeier, hvilke ordninger passer for oss?"}
    ).json()
    assert data["route"] == "advisor" and not data["abstained"]
    assert "Regional ordning for kompetanseutvikling i barnehage" in data["answer"]
    assert data["citations"] and dangling_markers(data["answer"], _citations(data)) == 0
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", data["answer"])}
    assert markers == {c["n"] for c in data["citations"]}


def test_advisor_asks_one_follow_up_then_uses_the_answer(client: httpx.Client) -> None:
    first = client.post("/api/chat", json={"message": "Hvilke ordninger passer for oss?"}).json()
    assert first["route"] == "advisor"
    assert first["answer"].count("?") >= 1 and "kommune, fylkeskommune" in first["answer"]
    second = client.post(
        "/api/chat",
        json={"message": "Vi er en kommune med barnehager.", "conversation_id": first["conversation_id"]},
    ).json()
    assert second["route"] == "advisor"
    assert "Regional ordning for kompetanseutvikling i barnehage" in second["answer"]
    assert "kommune, fylkeskommune" not in second["answer"]


def test_eligibility_question_in_the_chat(client: httpx.Client) -> None:
    data = client.post(
        "/api/chat",
        json={
            "message": "Er prøvenemndsmedlemmer målgruppe for tilskuddsordningen for fag- og yrkesopplæring?"
        },
    ).json()
    assert data["route"] == "advisor"
    assert data["answer"].startswith("Ja")
    assert any("prøvenemnd" in c["text"] for c in data["citations"])


def test_other_questions_still_go_to_retrieval(client: httpx.Client) -> None:
    data = client.post(
        "/api/chat", json={"message": "Hvem prioriterer hvilke tiltak som får tilskudd?"}
    ).json()
    assert data["route"] == "retrieval"


def _chat(client: httpx.Client, message: str, conversation_id: str | None = None) -> dict[str, object]:
    body: dict[str, str] = {"message": message}
    if conversation_id:
        body["conversation_id"] = conversation_id
    data: dict[str, object] = client.post("/api/chat", json=body).json()
    return data


def test_yes_no_follow_up_takes_the_scheme_from_the_conversation(client: httpx.Client) -> None:
    first = _chat(client, "Hva går den regionale ordningen ut på?")
    second = _chat(client, "Kan miljøarbeiderne våre være med?", str(first["conversation_id"]))
    assert second["route"] == "advisor"
    answer = str(second["answer"])
    assert answer.startswith("Ja. Miljøarbeiderne hører til gruppen «andre ansatte», som er i målgruppen for")
    assert dangling_markers(answer, _citations(second)) == 0
    assert any("andre ansatte" in c.text for c in _citations(second))


def test_owner_and_use_questions_lead_with_the_answer_in_the_chat(client: httpx.Client) -> None:
    owner = _chat(client, "Får en privat barnehage være med i den desentraliserte ordningen?")
    assert owner["route"] == "advisor" and str(owner["answer"]).startswith("Nei.")
    use = _chat(client, "Kan vi bruke Rekom-midlene på nye lærebøker?")
    assert use["route"] == "advisor"
    assert str(use["answer"]).startswith("Kildene sier ikke dette direkte.")
    assert _citations(use) and dangling_markers(str(use["answer"]), _citations(use)) == 0
    # Travel costs are a matter no document speaks of (guard.yaml unspoken_matters): refused, named.
    travel = _chat(client, "Kan vi bruke Rekom-midlene på reiseutgifter til en studietur?")
    assert travel["abstained"] and "«reiseutgifter»" in str(travel["answer"])
