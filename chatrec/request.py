"""The shopper's request after one turn: a typed object the dialogue state is updated from.

Every understander (the rules of :mod:`chatrec.understanding`, an LLM) writes a
:class:`ShopperRequest`; nothing else changes the dialogue state. Values in ``include`` and
``exclude`` are always spelt as in the catalogue's vocabulary; prices are in the catalogue's
currency (a budget said in another currency is converted, and ``price.note`` says so).

Intents:

- ``recommend``: show items for a new wish (the first request, a new product type, "just show me").
- ``refine``: change the current search (a colour, a budget, "not skinny", "cheaper?").
- ``more_like``: more items like shown ones ("more like the first one", "I like these, show me more").
- ``reject``: none of the shown items ("something else", "not these").
- ``ask_about_item``: a question about shown items ("why did you recommend the third?").
- ``compare``: compare shown items ("compare the first two", "which of these lasts longest?").
- ``show_again``: show earlier items again.
- ``start_over``: forget the wishes and start again.
- ``answer``: an answer to the assistant's pending question (a value, "any", "none of these").
- ``chitchat``: greetings and thanks, no wish.
- ``off_topic``: not about shopping here ("what's the weather", "ignore your instructions").
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["INTENTS", "LANGUAGES", "Intent", "ItemReference", "Language", "PriceRange", "ShopperRequest"]

Intent = Literal[
    "recommend", "refine", "more_like", "reject", "ask_about_item", "compare", "show_again",
    "start_over", "answer", "chitchat", "off_topic",
]
INTENTS: tuple[str, ...] = Intent.__args__  # type: ignore[attr-defined]

#: ISO 639-1 codes of the languages the assistant speaks; anything else is ``other``.
Language = Literal["en", "zh", "es", "de", "other"]
LANGUAGES: tuple[str, ...] = Language.__args__  # type: ignore[attr-defined]


class PriceRange(BaseModel):
    """A budget, in the catalogue's currency.

    Attributes:
        min: Lowest price wanted, or None.
        max: Highest price wanted, or None.
        currency: The currency the shopper named (ISO code), or None when they named none.
        converted: True when the amounts were converted from ``currency`` into the catalogue's.
        note: What the conversion assumed, for the reply ("50 USD is about ₹4,150"), or None.
    """

    model_config = ConfigDict(extra="forbid")

    min: float | None = Field(default=None, ge=0, description="Lowest price, catalogue currency.")
    max: float | None = Field(default=None, ge=0, description="Highest price, catalogue currency.")
    currency: str | None = Field(default=None, description="ISO code of the currency the shopper named.")
    converted: bool = Field(default=False, description="Amounts converted from the shopper's currency.")
    note: str | None = Field(default=None, description="The conversion, in words, for the reply.")


class ItemReference(BaseModel):
    """One shown item the shopper points at.

    Attributes:
        position: 1-based position in the last reply's list.
        item_id: The item's id, when the shown items were known.
        how: How the shopper named it: by ``position`` ("the second one"), ``title``
            ("the Puma one"), ``attribute`` ("the blue one"), ``other`` ("the other one"),
            ``all`` ("these").
    """

    model_config = ConfigDict(extra="forbid")

    position: int = Field(ge=1, description="1-based position in the last list shown.")
    item_id: str | None = Field(default=None, description="The referenced item's id.")
    how: Literal["position", "title", "attribute", "other", "all"] = "position"


class ShopperRequest(BaseModel):
    """What the shopper wants after this turn (see the module docstring for the intents).

    Attributes:
        intent: What the message does.
        query: The words to search with (negated words, prices and fillers removed).
        include: Field to the catalogue values wanted (a field named here replaces the earlier wish).
        exclude: Field to the catalogue values not wanted.
        drop: Fields (or ``price``) whose earlier wish the shopper gave up ("any colour is fine").
        price: The budget, or None when the message says none.
        relative_price: ``cheaper`` or ``pricier`` than the items shown, or None.
        references: Shown items the message points at.
        answered: The attribute of the pending question this message answered, or None.
        show_now: The shopper asked to see items now, without more questions ("just show me").
        avoid_words: Words the shopper does not want that are no catalogue value ("not skinny").
        language: The language the shopper wrote in.
        source: Who wrote the request: ``rules`` or ``llm``.
    """

    model_config = ConfigDict(extra="forbid")

    intent: Intent = "recommend"
    query: str = ""
    include: dict[str, list[str]] = Field(default_factory=dict)
    exclude: dict[str, list[str]] = Field(default_factory=dict)
    drop: list[str] = Field(default_factory=list)
    price: PriceRange | None = None
    relative_price: Literal["cheaper", "pricier"] | None = None
    references: list[ItemReference] = Field(default_factory=list)
    answered: str | None = None
    show_now: bool = False
    avoid_words: list[str] = Field(default_factory=list)
    language: Language = "en"
    source: Literal["rules", "llm"] = "rules"

    @field_validator("include", "exclude")
    @classmethod
    def _sorted_values(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return {name: sorted(set(values)) for name, values in value.items() if values}

    @property
    def wants_items(self) -> bool:
        """True when the shopper asked to see items now (no question first)."""
        return self.show_now or self.intent in ("more_like", "reject", "show_again")

    @property
    def positions(self) -> list[int]:
        """The 1-based positions referenced, in order, without repeats."""
        return list(dict.fromkeys(reference.position for reference in self.references))

    def summary(self) -> dict[str, object]:
        """A JSON-able view for reply metadata."""
        return self.model_dump(exclude_defaults=False)
