"""The scheme advisor over HTTP: the cited catalogue, matching a profile, and target-group eligibility."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Literal

from fastapi import APIRouter
from pydantic import Field

from assistant import texts
from assistant.api.deps import BODY_ERRORS, ServicesDep
from assistant.api.errors import ApiError
from assistant.api.schemas import ErrorBody, RequestBody
from assistant.errors import SchemeNotFound
from assistant.schemes.advisor import eligibility_payload, match_payload
from assistant.schemes.catalogue import Catalogue, Scheme
from assistant.schemes.matching import Profile
from assistant.service import Services

# Every operation: 404 advisor_off when the corpus has no catalogue, 503 when its catalogue has errors.
router = APIRouter(
    prefix="/api/schemes",
    tags=["ordninger"],
    responses={
        404: {"model": ErrorBody, "description": "Rådgiveren er slått av, eller ukjent ordning."},
        503: {"model": ErrorBody, "description": "Ordningskatalogen har feil."},
    },
)

OwnerType = Literal["kommune", "fylkeskommune", "privat_barnehageeier", "privat_skoleeier"]
Sector = Literal["barnehage", "grunnskole", "videregaende", "fag_og_yrkesopplaering", "ppt", "sfo"]
Need = Literal["kollektiv", "individuell", "veiledning", "any"]


class ProfileRequest(RequestBody):
    owner_type: OwnerType
    sector: Sector
    need: Need = "any"
    target_group: str | None = Field(None, max_length=200)
    topic: str | None = Field(None, max_length=500)


class EligibilityRequest(RequestBody):
    group: str = Field(min_length=1, max_length=200, description="For eksempel «fagskolelærere».")


def _catalogue(services: Services) -> Catalogue:
    if services.catalogue_problem is not None:  # the file is there but has errors: ours to fix, not yours
        raise ApiError(503, "advisor_unavailable", texts.ADVISOR_BROKEN)
    if services.catalogue is None:
        raise ApiError(404, "advisor_off", texts.ADVISOR_OFF)
    return services.catalogue


def _scheme(services: Services, scheme_id: str) -> Scheme:
    scheme = _catalogue(services).get(scheme_id)
    if scheme is None:
        raise SchemeNotFound(texts.SCHEME_NOT_FOUND.format(id=scheme_id))
    return scheme


@router.get("")
def schemes(services: ServicesDep) -> list[dict[str, Any]]:
    """Alle ordningene i katalogen, med ordrette sitater for hver opplysning."""
    return [asdict(s) for s in _catalogue(services).schemes]


@router.get("/{scheme_id}")
def scheme(scheme_id: str, services: ServicesDep) -> dict[str, Any]:
    return asdict(_scheme(services, scheme_id))


@router.post("/match", responses={**BODY_ERRORS, 422: {"model": ErrorBody}})
def match(body: ProfileRequest, services: ServicesDep) -> dict[str, Any]:
    """Hvilke ordninger passer for denne eieren og sektoren? Rangert, med begrunnelse og kilde for hvert
    punkt, også for ordningene som ikke passer."""
    profile = Profile(body.owner_type, body.sector, body.need, body.target_group, body.topic)
    return {"matches": match_payload(_catalogue(services), profile, services.retriever.passages)}


@router.post("/{scheme_id}/eligibility", responses={**BODY_ERRORS, 422: {"model": ErrorBody}})
def scheme_eligibility(scheme_id: str, body: EligibilityRequest, services: ServicesDep) -> dict[str, Any]:
    """Er gruppen i ordningens målgruppe? «ja», «nei», «som hovedregel ikke» eller «uklart»."""
    _scheme(services, scheme_id)
    return eligibility_payload(
        _catalogue(services), scheme_id, body.group.strip(), services.retriever.passages
    )
