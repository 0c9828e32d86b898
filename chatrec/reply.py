"""What chatrec answers: the reply of one turn, as every front end receives it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Question", "Recommendation", "Reply", "item_heading"]


@dataclass(frozen=True)
class Recommendation:
    """One recommended catalogue item, in ranked order.

    Attributes:
        item_id: The catalogue id; always an item of the index.
        title: The item's title.
        price: The item's price, or None when the catalogue has none.
        score: The final ranking score (higher is better).
        reason: One short sentence saying why this item fits.
        currency: The price's currency code, or None.
        image_url: Image address from the catalogue, or None.
        attributes: The item's key attributes, for display.
    """

    item_id: str
    title: str
    price: float | None
    score: float
    reason: str
    currency: str | None = None
    image_url: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the API: ``{item_id, title, price, score, reason, ...}``."""
        return asdict(self)


@dataclass(frozen=True)
class Question:
    """A question asked instead of a blind guess, with quick-reply options (2 to 6)."""

    text: str
    options: list[str]
    attribute: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the API: ``{text, options}`` (plus the attribute asked about)."""
        return {"text": self.text, "options": list(self.options), "attribute": self.attribute}


@dataclass(frozen=True)
class Reply:
    """chatrec's answer to one customer message.

    Attributes:
        session_id: The conversation this reply belongs to.
        text: What the assistant says.
        recommendations: Ranked items, possibly empty (for instance when asking first).
        question: A question with quick replies, or None.
        metadata: Diagnostics: which fallbacks were used, timings, the constraints understood.
    """

    session_id: str
    text: str
    recommendations: list[Recommendation] = field(default_factory=list)
    question: Question | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def as_text(self) -> str:
        """The reply as plain text, each item on its own line with its reason, as :meth:`ChatRec.stream` writes it."""
        return self.text + "".join(
            item_heading(n, rec.title) + rec.reason for n, rec in enumerate(self.recommendations, start=1)
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape shared by ``chatrec ask --json`` and ``POST /v1/chat``."""
        return {
            "session_id": self.session_id,
            "text": self.text,
            "question": self.question.to_dict() if self.question else None,
            "recommendations": [rec.to_dict() for rec in self.recommendations],
            "metadata": dict(self.metadata),
        }


def item_heading(position: int, title: str) -> str:
    """The line that introduces a recommended item in the reply's text: ``"\n2. Title: "``."""
    return f"\n{position}. {title}: "
