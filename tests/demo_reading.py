"""Reading one message with the rules on a demo catalogue, as the understanding tests do."""

from __future__ import annotations

import itertools
from typing import Any

from chatrec.request import ShopperRequest
from chatrec.understanding import TurnContext, understand


def read(catalogues: Any, name: str, message: str, shown: tuple[str, ...] = (), **context: Any) -> ShopperRequest:
    """The request the rules read from ``message`` on the demo catalogue ``name``, with the items
    ``shown`` (ids) as the last reply and ``context`` as further :class:`TurnContext` fields."""
    vocabulary, items = catalogues[name]
    return understand(
        message, vocabulary,
        TurnContext(shown=[items[i] for i in shown], catalog_currency="INR" if name == "electronics" else None,
                    searching=bool(shown or context.get("current")), **context),
    )


def read_demo(catalogues: dict[str, Any], message: str, catalogue: str = "electronics", **context: Any) -> Any:
    """The request the rules read from ``message`` on the ``catalogue`` demo with ``context`` as the
    :class:`TurnContext` fields, as given (the shopper-probe tests, stops 52 to 54)."""
    vocabulary, _ = catalogues[catalogue]
    currency = "INR" if catalogue == "electronics" else None
    return understand(message, vocabulary, TurnContext(catalog_currency=currency, **context))


def shown_attributes(rec: Any, reply: Any) -> list[dict[str, Any]]:
    """The attributes of the items a reply shows."""
    return [rec.item(r.item_id).attributes for r in reply.recommendations]


_sessions = itertools.count()


def talk(rec: Any, *messages: str, prefix: str = "talk") -> Any:
    """The reply to the last of ``messages``, said in one new session of ``rec`` (the shopper-probe tests)."""
    session = f"{prefix}-talk-{next(_sessions)}"  # apart from the ids a test file counts itself
    reply = None
    for message in messages:
        reply = rec.respond(message, session_id=session)
    return reply
