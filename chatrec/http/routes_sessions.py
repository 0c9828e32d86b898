"""``GET /v1/sessions/{session_id}``: the state of a conversation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from chatrec.http.deps import ChatRecDep, TenantDep
from chatrec.http.schemas import ErrorResponse, SessionResponse
from chatrec.http.tenancy import check_owner

__all__ = ["router"]

router = APIRouter(prefix="/v1/sessions", tags=["sessions"])


@router.get(
    "/{session_id}",
    response_model=SessionResponse,
    responses={404: {"model": ErrorResponse, "description": "Unknown session"}},
    summary="A conversation's state",
)
def get_session(
    session_id: Annotated[str, Path(min_length=1, max_length=200)], chatrec: ChatRecDep, tenant: TenantDep
) -> SessionResponse:
    """Turns, constraints understood and items shown; 404 for an unknown session or another API key's."""
    check_owner(chatrec, session_id, tenant)
    return SessionResponse.model_validate(chatrec.session(session_id))
