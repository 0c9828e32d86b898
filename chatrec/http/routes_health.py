"""``GET /healthz``: liveness, open without an API key."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from fastapi import APIRouter

from chatrec.http.schemas import HealthResponse

__all__ = ["router"]

router = APIRouter(tags=["health"])


def _version() -> str:
    try:
        return version("chatrec")
    except PackageNotFoundError:
        return "unknown"


@router.get("/healthz", response_model=HealthResponse, summary="Liveness check")
def healthz() -> HealthResponse:
    """Answer 200 while the server runs (no API key needed)."""
    return HealthResponse(version=_version())
