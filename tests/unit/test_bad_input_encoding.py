"""Text that cannot be encoded (an unpaired UTF-16 surrogate, which JSON's "\\ud800" escape can carry)
is a clear error, never a crash of the session store or a 500 (issue 12, branch i12h)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from chatrec import ChatRec
from chatrec.errors import InputError
from chatrec.http.app import create_app
from chatrec.settings import Settings


@pytest.mark.parametrize(
    ("message", "session", "user", "named"),
    [("\ud83d black shoes", None, None, "message"), ("shoes", "s\udc00", None, "session id"),
     ("shoes", None, "\udbff", "user id")],
)
def test_unencodable_text_is_a_clear_input_error(
    fashion_chatrec: ChatRec, message: str, session: str | None, user: str | None, named: str
) -> None:
    with pytest.raises(InputError, match=f"{named} has invalid characters"):
        fashion_chatrec.respond(message, session_id=session, user_id=user)
    assert fashion_chatrec.respond("black shoes", session_id="after").text  # the service goes on


@pytest.mark.parametrize("field", ["message", "session_id", "user_id"])
@pytest.mark.parametrize("path", ["/v1/chat", "/v1/chat/stream"])
def test_http_answers_unencodable_text_with_a_422_naming_the_field(
    settings: Settings, fashion_chatrec: ChatRec, path: str, field: str
) -> None:
    client = TestClient(create_app(settings, fashion_chatrec), raise_server_exceptions=False)
    body = {"message": "shoes", field: "x"}
    raw = str(__import__("json").dumps(body)).replace('"x"', '"\\udc80 x"')
    response = client.post(path, content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["body", field]
