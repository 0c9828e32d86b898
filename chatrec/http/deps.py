"""Dependencies shared by the routers: the ChatRec engine and the settings kept on the app."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request

from chatrec.http.security import get_tenant
from chatrec.settings import Settings

__all__ = ["ChatRecDep", "SettingsDep", "TenantDep", "check_message_length", "get_chatrec", "get_settings"]


def get_chatrec(request: Request) -> Any:
    """The ChatRec engine built by :func:`chatrec.http.app.create_app` (one per app)."""
    return request.app.state.chatrec


def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


def check_message_length(message: str, settings: Settings) -> None:
    """Answer 422 to a message longer than ``settings.max_message_chars``.

    Raises:
        HTTPException: 422 with the limit in the message.
    """
    if len(message) > settings.max_message_chars:
        raise HTTPException(
            status_code=422,
            detail=(
                f"message is {len(message)} characters long; the limit is "
                f"{settings.max_message_chars}"
            ),
        )


#: The engine, as a route parameter type.
ChatRecDep = Annotated[Any, Depends(get_chatrec)]
#: The settings, as a route parameter type.
SettingsDep = Annotated[Settings, Depends(get_settings)]
#: The tenant (API key digest) owning the request's sessions; None without API keys.
TenantDep = Annotated[str | None, Depends(get_tenant)]
