"""``GET /v1/items/{item_id}``: a catalogue item."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from chatrec.http.deps import ChatRecDep
from chatrec.http.schemas import ErrorResponse, ItemResponse

__all__ = ["router"]

router = APIRouter(prefix="/v1/items", tags=["items"])


@router.get(
    "/{item_id}",
    response_model=ItemResponse,
    responses={404: {"model": ErrorResponse, "description": "Unknown item"}},
    summary="A catalogue item",
)
def get_item(
    item_id: Annotated[str, Path(min_length=1, max_length=200)], chatrec: ChatRecDep
) -> ItemResponse:
    """The item with this id; 404 when the catalogue has none."""
    return ItemResponse.model_validate(chatrec.item(item_id).to_record())
