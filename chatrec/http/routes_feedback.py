"""``POST /v1/feedback``: what the customer did with a shown item."""

from __future__ import annotations

from fastapi import APIRouter

from chatrec.http.deps import ChatRecDep, TenantDep
from chatrec.http.schemas import ErrorResponse, FeedbackRequest, FeedbackResponse
from chatrec.http.tenancy import check_owner

__all__ = ["router"]

router = APIRouter(prefix="/v1", tags=["feedback"])


@router.post(
    "/feedback",
    response_model=FeedbackResponse,
    responses={404: {"model": ErrorResponse, "description": "Unknown session or item"}},
    summary="Record feedback on an item",
)
def post_feedback(body: FeedbackRequest, chatrec: ChatRecDep, tenant: TenantDep) -> FeedbackResponse:
    """Record ``shown``, ``clicked``, ``liked`` or ``rejected`` for an item of a session."""
    check_owner(chatrec, body.session_id, tenant)
    chatrec.feedback(body.session_id, body.item_id, body.kind)
    return FeedbackResponse(session_id=body.session_id, item_id=body.item_id, kind=body.kind)
