"""chatrec as an MCP server: a product expert that agents (support bots, a shop's assistant) call as tools.

Built with the official ``mcp`` Python SDK (``MCPServer``); ``chatrec mcp`` serves it over
stdio (an agent starts it as a subprocess) or streamable HTTP. The tools, each with a JSON
schema for its arguments and its result:

- ``recommend``: one chat turn in a session (the reply's text, a question with quick replies
  or ranked items with reasons, and the session id to continue with);
- ``search_catalog``: the catalogue's best matches for a query, with price and attribute filters;
- ``get_item``: one item by id;
- ``feedback``: what the customer did with a shown item (shown, clicked, liked, rejected).

A :class:`~chatrec.errors.ChatRecError` (unknown item, empty message, ...) becomes a tool error
whose text names the problem, never a crash of the server.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, Field

from chatrec.errors import ChatRecError
from chatrec.http.schemas import ChatResponse, FeedbackResponse, ItemResponse

__all__ = ["SearchHit", "SearchResult", "build_mcp_server"]

logger = logging.getLogger(__name__)

_INSTRUCTIONS = """\
chatrec knows this shop's catalogue. To help a customer choose, call `recommend` with their
words and keep the returned session_id for the next turn of the same customer; it may ask a
question (offer its options to the customer) or return ranked items with a reason each. Use
`search_catalog` for a plain lookup with filters, `get_item` for an item's details, and
`feedback` to report what the customer did with a shown item (a rejected item is never
recommended again in that session)."""

_T = TypeVar("_T")


class SearchHit(BaseModel):
    """One catalogue match."""

    item_id: str
    title: str
    score: float = Field(description="Retrieval score, higher is better.")
    price: float | None = None
    currency: str | None = None
    category: str = ""
    brand: str = ""
    url: str | None = None
    attributes: dict[str, Any] = Field(default_factory=dict)


class SearchResult(BaseModel):
    """The best matches, best first."""

    query: str
    hits: list[SearchHit]


def _tool_errors(call: Callable[[], _T]) -> _T:
    """Run a tool body; chatrec's own errors become a tool error the agent can read."""
    from mcp.server.mcpserver.exceptions import ToolError

    from chatrec.observability import count_error

    try:
        return call()
    except ChatRecError as exc:
        count_error(type(exc).__name__)
        logger.info("tool error: %s", exc)
        raise ToolError(f"{type(exc).__name__}: {exc}") from exc


def build_mcp_server(chatrec: Any, name: str = "chatrec") -> Any:
    """An ``MCPServer`` whose tools answer from ``chatrec``.

    Args:
        chatrec: The engine (a :class:`~chatrec.recommender.ChatRec`, or anything with its
            ``respond``/``feedback``/``item`` contract and a ``retriever``).
        name: The server's name as agents see it.

    Returns:
        ``mcp.server.mcpserver.MCPServer``; run it with ``.run("stdio")`` or
        ``.run("streamable-http", host=..., port=...)``.
    """
    from mcp.server.mcpserver import MCPServer

    server = MCPServer(name, instructions=_INSTRUCTIONS)
    guarded = _tool_errors

    @server.tool(title="Recommend products (one chat turn)")
    def recommend(
        message: Annotated[str, Field(min_length=1, max_length=4000, description="The customer's words.")],
        session_id: Annotated[
            str | None, Field(max_length=200, description="The conversation to continue; omit to start one.")
        ] = None,
        user_id: Annotated[
            str | None, Field(max_length=200, description="The customer's id, for personalised results.")
        ] = None,
    ) -> ChatResponse:
        """Answer one customer message: a question with quick replies, or ranked items with a reason each.

        Keep the returned session_id and pass it with the customer's next message.
        """
        reply = guarded(lambda: chatrec.respond(message, session_id=session_id, user_id=user_id))
        return ChatResponse.model_validate(reply.to_dict())

    @server.tool(title="Search the catalogue")
    def search_catalog(
        query: Annotated[str, Field(min_length=1, max_length=1000, description="What to look for.")],
        limit: Annotated[int, Field(ge=1, le=50, description="How many items.")] = 10,
        min_price: Annotated[float | None, Field(ge=0, description="Lowest price.")] = None,
        max_price: Annotated[float | None, Field(ge=0, description="Highest price.")] = None,
        include: Annotated[
            dict[str, list[str]] | None,
            Field(description='Allowed values per field, e.g. {"brand": ["Nike"], "baseColour": ["Black"]}.'),
        ] = None,
        exclude: Annotated[
            dict[str, list[str]] | None,
            Field(description='Values not allowed per field, e.g. {"baseColour": ["Red"]}.'),
        ] = None,
    ) -> SearchResult:
        """The catalogue's best matches for a query (dense and keyword search fused), with filters."""
        from mcp.server.mcpserver.exceptions import ToolError

        from chatrec.query import Filters, Query

        if min_price is not None and max_price is not None and min_price > max_price:
            raise ToolError(f"InputError: min_price {min_price:g} is above max_price {max_price:g}")
        filters = Filters(
            min_price=min_price,
            max_price=max_price,
            include={k: frozenset(v) for k, v in (include or {}).items() if v},
            exclude={k: frozenset(v) for k, v in (exclude or {}).items() if v},
        )
        candidates = guarded(lambda: chatrec.retriever.search(Query(query, filters=filters), limit))
        hits = []
        for candidate in candidates:
            item = candidate.item
            record = item.to_record()
            hits.append(SearchHit(
                item_id=item.id, title=item.title, score=float(candidate.score), price=item.price,
                currency=item.currency, category=item.category or "", brand=item.brand or "",
                url=item.url, attributes=record.get("attributes") or {},
            ))
        return SearchResult(query=query, hits=hits)

    @server.tool(title="Get a catalogue item")
    def get_item(
        item_id: Annotated[str, Field(min_length=1, max_length=200, description="The item's id.")],
    ) -> ItemResponse:
        """Everything the catalogue says about one item."""
        item = guarded(lambda: chatrec.item(item_id))
        return ItemResponse.model_validate(item.to_record())

    @server.tool(title="Report the customer's feedback on an item")
    def feedback(
        session_id: Annotated[str, Field(min_length=1, max_length=200, description="The conversation.")],
        item_id: Annotated[str, Field(min_length=1, max_length=200, description="The item shown.")],
        kind: Annotated[
            Literal["shown", "clicked", "liked", "rejected"],
            Field(description="rejected: never recommend it again in this session; clicked/liked: a positive."),
        ],
    ) -> FeedbackResponse:
        """Record what the customer did with a shown item."""
        guarded(lambda: chatrec.feedback(session_id, item_id, kind))
        return FeedbackResponse(session_id=session_id, item_id=item_id, kind=kind)

    return server
