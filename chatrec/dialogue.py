"""Dialogue state across turns, changed only by typed events.

The state holds what the customer wants (attribute values, price range), what they do not
want (negated values, rejected items), what was shown and asked. It changes only through
:meth:`DialogueState.apply`, one event at a time: :class:`Heard` folds one message's
:class:`~chatrec.request.ShopperRequest` in (a field named again replaces the earlier wish,
negations and rejections stay until the customer says otherwise, a wish is given up only when
the customer gives it up), :class:`Named`, :class:`Stated` (items the customer has or asks for),
:class:`Asked`, :class:`Shown` and :class:`Reacted` record the items named, the question
asked, the items shown and the customer's feedback.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from chatrec.request import ShopperRequest

__all__ = [
    "Asked",
    "Choosing",
    "DialogueState",
    "Event",
    "FitsMakes",
    "Heard",
    "Inferred",
    "NotSold",
    "Undone",
    "Restored",
    "Named",
    "PriceTier",
    "Reacted",
    "Reshown",
    "Shown",
    "SpecsChecked",
    "SpecsWanted",
    "Stated",
    "Wanted",
    "Wishes",
    "rounded_bound",
    "update_state",
]


@dataclass(frozen=True)
class Heard:
    """The customer said something: what it was understood to mean."""

    understanding: ShopperRequest


@dataclass(frozen=True)
class Named:
    """The customer named catalogue items ("like Inception")."""

    item_ids: tuple[str, ...]


@dataclass(frozen=True)
class Stated:
    """What the customer said about items they named (:mod:`chatrec.ownership`).

    Attributes:
        has: Items they own, have seen or did not like: never recommended.
        asks: Items they asked for by name ("do you have Inception?"): shown first, this turn.
    """

    has: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Asked:
    """The assistant asked about an attribute, offering these quick replies."""

    attribute: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class Shown:
    """The assistant recommended these items (with their prices, for "cheaper")."""

    item_ids: tuple[str, ...]
    prices: tuple[float, ...]


@dataclass(frozen=True)
class Reshown:
    """i12k: items shown before may be shown again in this reply (a wish named now narrows the
    search to items the shopper partly saw: "gold please" shows the gold ones, seen or not)."""


@dataclass(frozen=True)
class Reacted:
    """The customer reacted to an item: ``rejected``, ``clicked`` or ``liked``."""

    item_id: str
    kind: str


@dataclass(frozen=True)
class SpecsWanted:
    """i12o: numeric spec bounds the customer set, per unit family ("at least 43 inches" ->
    ``{"inch": (43, None)}``); a family named again replaces its bounds, ``(None, None)`` gives it up
    (:mod:`chatrec.spec_filters`)."""

    bounds: Mapping[str, tuple[float | None, float | None]]


@dataclass(frozen=True)
class SpecsChecked:
    """i12o: the items the spec bounds leave out this turn (derived from the catalogue; not stored)."""

    blocked: tuple[str, ...]


@dataclass(frozen=True)
class FitsMakes:
    """i12o: the accessory must fit a device of these makes ("for my Mi tv" -> ``("Mi",)``; the makes of
    the items shown for "a remote that works with these"): kept until the product type changes."""

    makes: tuple[str, ...]


@dataclass(frozen=True)
class PriceTier:
    """i12v: the price tier the customer's words set ("nothing fancy" -> ``modest``, "premium only" ->
    ``premium``; None: none), kept so that a new product type gets a budget of the same tier
    (:mod:`chatrec.price_tiers`)."""

    tier: str | None


@dataclass(frozen=True)
class Choosing:
    """i12v: the assistant asked which shown item the shopper takes ("I'll take it" after five items):
    the next bare "the second one" is that pick (True), or the question is over (False)."""

    active: bool


@dataclass(frozen=True)
class Wanted:
    """i12y: features the customer asked for in words no catalogue field holds ("braided", "white" of a
    cable): ``words`` added, or given up with ``dropped`` (nothing states them); kept like wishes."""

    words: tuple[str, ...]
    dropped: bool = False


@dataclass(frozen=True)
class NotSold:
    """Stop 41: a thing the customer asked for that the shop does not sell ("hair dryer"): its words are never
    credited as a feature of the items shown after ("with hair, as its description says" of a vacuum)."""

    thing: str


@dataclass(frozen=True)
class Undone:
    """Stop 41: "undo that": the wishes as they were before the last message that changed them (said twice, the
    change is made again)."""


@dataclass(frozen=True)
class Inferred:
    """Stop 48: values put in force that the shopper never said: whom a bought item is sold to ("I bought a red
    dress, now I need shoes": women's or girls' shoes), the audience of an item liked ("more like the second
    one": men's). They narrow the search; no reason calls them "the gender you asked for"."""

    include: Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class Restored:
    """Stop 42: the wishes of an earlier search put back ("vuelve a lo de mi hijo": the son's T-shirts), as a
    reply stored them (:meth:`DialogueState.constraints`: include, exclude, min_price, max_price)."""

    wishes: Mapping[str, Any]


Event = (Heard | Inferred | Named | Stated | Asked | Shown | Reshown | Reacted | SpecsWanted | SpecsChecked | FitsMakes | PriceTier
         | Choosing | Wanted | NotSold | Undone | Restored)


@dataclass
class DialogueState:
    """What is known about the customer's wish in one session (JSON round-trip).

    Attributes:
        include: Field to the values wanted.
        exclude: Field to the values not wanted.
        min_price: Lowest price wanted.
        max_price: Highest price wanted.
        shown: Ids of every item shown in the session, oldest first.
        last_shown: Ids shown in the last reply.
        last_prices: Prices of the items shown in the last reply (for "cheaper").
        rejected: Ids the customer turned down (never shown again).
        liked: Ids the customer liked or clicked.
        asked: Attributes asked about (never asked again).
        pending: The last question: ``{"attribute": ..., "options": [...]}``, or None.
        n_questions: Questions asked so far.
        queries: The customer's words for retrieval, one entry per turn (negations removed).
        mentioned: Ids of catalogue items the customer named.
        allow_shown: Show earlier items again in the next reply.
        avoid: Words the customer does not want in titles ("not skinny").
        last_references: Positions the last message pointed at (for "the other one").
        language: The language of the customer's last message.
        owned: Ids the customer said they own, have seen or did not like (never recommended).
        requested: Ids the customer's last message asked for by name (shown first).
        specs: i12o: spec bounds per unit family, ``[min, max]`` (None for open), kept like wishes.
        spec_blocked: i12o: ids the spec bounds leave out this turn (recomputed each turn, not stored).
        fits: i12o: makes the accessory's title must name ("for my Mi tv"), kept like wishes.
        price_tier: i12v: the price tier said in words ("nothing fancy"), or None; a budget given in
            figures, "price doesn't matter" and starting over end it.
        choosing: i12v: the last reply asked which shown item the shopper takes.
        wanted: i12y: features asked for in words ("braided", "white" of a cable) the items shown must state.
        not_sold: stop 41: things asked for that the shop does not sell ("hair dryer"), whose words no reason credits.
        before_last: stop 41: the wishes (include, exclude, budget) before the last message that changed them, for
            "undo that"; None before any change.
        relaxed_told: stop 44: the wishes the last search reply said were left out, so the next reply that leaves out
            the same ones says it in one short line rather than the whole note again.
        kind_changed: stop 56: the last message heard replaced the product kind searched, or started over.
        kind_colours: stop 57: the colour fields wished in a message that named a kind or while one was searched
            ("red dress", "in blue?" of jackets): they stay with that kind. A colour said of a person before any kind
            ("she basically only wears black") is a taste, kept for every kind.
        colours_left: stop 57: the colours the last message left with the kind it replaced (the reply says so).
        kind_message: stop 56: the shopper's message that asked for the kind searched now (set by the turn): the
            words said before it were about another kind, and no reason credits them ("video calls", then "a
            speaker": no speaker "with call, as its description says").
    """

    include: dict[str, list[str]] = field(default_factory=dict)
    exclude: dict[str, list[str]] = field(default_factory=dict)
    min_price: float | None = None
    max_price: float | None = None
    shown: list[str] = field(default_factory=list)
    last_shown: list[str] = field(default_factory=list)
    last_prices: list[float] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    liked: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    pending: dict[str, Any] | None = None
    n_questions: int = 0
    queries: list[str] = field(default_factory=list)
    mentioned: list[str] = field(default_factory=list)
    allow_shown: bool = False
    avoid: list[str] = field(default_factory=list)
    last_references: list[int] = field(default_factory=list)
    language: str = "en"
    owned: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)
    specs: dict[str, list[float | None]] = field(default_factory=dict)
    spec_blocked: list[str] = field(default_factory=list)
    fits: list[str] = field(default_factory=list)
    price_tier: str | None = None  # i12v
    choosing: bool = False  # i12v
    wanted: list[str] = field(default_factory=list)  # i12y
    not_sold: list[str] = field(default_factory=list)  # stop 41
    before_last: dict[str, Any] | None = None  # stop 41
    relaxed_told: list[str] = field(default_factory=list)  # stop 44
    inferred: dict[str, list[str]] = field(default_factory=dict)  # stop 48
    kind_changed: bool = False  # stop 56: the last message replaced the product kind searched (or started over)
    kind_message: str = ""  # stop 56: the message that asked for the kind searched now
    kind_colours: list[str] = field(default_factory=list)  # stop 57: colour fields said of a kind, not of a person
    colours_left: dict[str, list[str]] = field(default_factory=dict)  # stop 57: left with the kind the last message replaced
    liked_makes: list[str] = field(default_factory=list)  # stop 61: makes named as the model ("jeans like levis"), no wish
    owned_colours: dict[str, list[str]] = field(default_factory=dict)  # stop 62: the colour of a kind owned, left out
    # while that kind is searched ("I already have black sneakers"), given back when another kind is

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict that :meth:`from_dict` reads back."""
        data = asdict(self)
        data.pop("spec_blocked")  # i12o: derived from the catalogue each turn
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> DialogueState:
        """Rebuild a state from :meth:`to_dict`'s output (unknown keys are ignored)."""
        if not data:
            return cls()
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        return cls(**known)

    def constraints(self) -> dict[str, Any]:
        """The constraints in force, for the session view and reply metadata."""
        return {
            "include": {k: list(v) for k, v in self.include.items() if v},
            "exclude": {k: list(v) for k, v in self.exclude.items() if v},
            "min_price": self.min_price,
            "max_price": self.max_price,
            "rejected": list(self.rejected),
        }

    def query(self, max_turns: int = 3) -> str:
        """Text to retrieve with: the wanted values and the customer's last words."""
        # A field wished as one value says what is wanted ("Sandals"); several values of one field
        # ("AutomobileChargers", "GeneralPurposeBatteries&BatteryChargers", "WallChargers" for "a
        # charger") already filter, and their words would pull the search to one of them.
        values = [value for values in self.include.values() if len(values) == 1 for value in values]
        recent = [q for q in self.queries[-max_turns:] if q]
        return " ".join([*values, *recent]).strip()

    def apply(self, event: Event) -> DialogueState:
        """Change the state by one event (in place) and return it: the only way it changes."""
        if isinstance(event, Heard):
            before = self.wishes()
            self._hear(event.understanding)
            if self.wishes() != before:
                self.before_last = asdict(before)
        elif isinstance(event, Undone):  # stop 41
            if self.before_last is not None:
                now = asdict(self.wishes())
                self.include = {k: list(v) for k, v in self.before_last["include"].items()}
                self.exclude = {k: list(v) for k, v in self.before_last["exclude"].items()}
                self.min_price, self.max_price = self.before_last["min_price"], self.before_last["max_price"]
                self.before_last = now
        elif isinstance(event, Restored):  # stop 42
            before = self.wishes()
            self.include = {k: [str(v) for v in vs] for k, vs in (event.wishes.get("include") or {}).items() if vs}
            self.exclude = {k: [str(v) for v in vs] for k, vs in (event.wishes.get("exclude") or {}).items() if vs}
            self.min_price, self.max_price = event.wishes.get("min_price"), event.wishes.get("max_price")
            if self.wishes() != before:
                self.before_last = asdict(before)
        elif isinstance(event, Inferred):  # stop 48
            for name, values in event.include.items():
                held = [str(v) for v in values if str(v) in self.include.get(name, ())]
                if held:
                    self.inferred[name] = held
        elif isinstance(event, Named):
            self.mentioned.extend(i for i in dict.fromkeys(event.item_ids) if i not in self.mentioned)
        elif isinstance(event, Stated):
            # Asked for now overrides "has" said earlier; the request lasts one message.
            self.requested = list(dict.fromkeys(event.asks))
            self.owned.extend(i for i in dict.fromkeys(event.has) if i not in self.owned and i not in event.asks)
        elif isinstance(event, Asked):
            self.pending = {"attribute": event.attribute, "options": list(event.options)}
            self.n_questions += 1
        elif isinstance(event, Shown):
            self.last_shown = list(event.item_ids)
            self.last_prices = list(event.prices)
            self.shown.extend(i for i in event.item_ids if i not in self.shown)
        elif isinstance(event, Reshown):
            self.allow_shown = True
        elif isinstance(event, SpecsWanted):  # i12o
            self.specs.update({family: [low, high] for family, (low, high) in event.bounds.items()})
            self.specs = {family: pair for family, pair in self.specs.items() if pair != [None, None]}  # (None, None): given up
        elif isinstance(event, SpecsChecked):  # i12o
            self.spec_blocked = list(event.blocked)
        elif isinstance(event, FitsMakes):  # i12o
            self.fits = list(dict.fromkeys(event.makes))
        elif isinstance(event, PriceTier):  # i12v
            self.price_tier = event.tier
        elif isinstance(event, Choosing):  # i12v
            self.choosing = event.active
        elif isinstance(event, NotSold):  # stop 41
            if event.thing and event.thing not in self.not_sold:
                self.not_sold.append(event.thing)
        elif isinstance(event, Wanted):  # i12y
            if event.dropped:
                self.wanted = [w for w in self.wanted if w not in event.words]
            else:
                self.wanted.extend(w for w in event.words if w not in self.wanted)
        elif event.kind == "rejected":
            if event.item_id not in self.rejected:
                self.rejected.append(event.item_id)
        elif event.kind in ("clicked", "liked") and event.item_id not in self.liked:
            self.liked.append(event.item_id)
        return self

    def _hear(self, heard: ShopperRequest) -> None:
        """Fold one message's request in.

        A field named again replaces the earlier wish ("actually red"); a negated value is
        removed from the wishes and excluded from then on; a field is given up only when the
        customer says so ("any colour is fine"); a new budget replaces the old one and keeps
        every other wish ("I can go up to 25000" keeps the TV); a new product type during a
        search replaces the earlier type in every type field; "start over" clears everything
        but the items shown and rejected; "cheaper" sets the highest price below the cheapest
        item of the last reply; "none of these" rejects the items of the last reply. Questions
        about shown items, chit-chat and off-topic messages change no wish.
        """
        from chatrec.kind_colours import colours_left_behind
        from chatrec.refused_colours import colour_fields
        from chatrec.understanding import type_fields

        self.language = heard.language
        self.kind_changed = False
        self.colours_left = {}
        if heard.intent in ("ask_about_item", "compare", "off_topic", "chitchat"):
            self.last_references = heard.positions
            return
        if heard.intent == "start_over":
            self.inferred = {}  # stop 48
            self.specs, self.fits = {}, []  # i12o
            self.include, self.exclude, self.avoid = {}, {}, []
            self.wanted, self.not_sold = [], []  # i12y, stop 41
            self.kind_colours = []  # stop 57
            self.owned_colours = {}  # stop 62
            self.min_price = self.max_price = None
            self.price_tier = None  # i12v
            self.asked, self.n_questions, self.queries = [], 0, []
            self.kind_changed = True
        if heard.intent == "reject":
            self.rejected.extend(i for i in self.last_shown if i not in self.rejected)
        for name in heard.drop:
            if name == "price":
                self.min_price = self.max_price = None
                self.price_tier = None  # i12v
            else:
                self.include.pop(name, None)
                self.exclude.pop(name, None)  # i12br: "not black", then "any colour is fine now"
        types = set(type_fields([*self.include, *heard.include])) | {"category"}
        if heard.intent == "recommend" and any(name in types for name in heard.include):
            replaced = [n for n in self.include
                        if n in types and not set(heard.include.get(n, ())) & set(self.include[n])]
            for name in colours_left_behind(self.include, heard.include, sorted(types)) if replaced else ():
                if name in self.kind_colours:  # stop 57: "now a watch" after black shoes: any colour
                    self.colours_left[name] = list(self.include.pop(name))
            for name in [n for n in self.include if n in types and n not in heard.include]:
                del self.include[name]  # "now a belt": the jeans wish goes
            if replaced:
                self.kind_changed = True
                for name, owned in self.owned_colours.items():  # stop 62: "not black" was of the sneakers owned
                    self.exclude[name] = [v for v in self.exclude.get(name, []) if v not in owned]
                    if not self.exclude[name]:
                        del self.exclude[name]
                self.owned_colours = {}
                self.queries = []  # and so do the words about the jeans ("skinny", "32 inch")
                self.wanted = []  # i12y: and the features asked of them ("braided")
                self.specs, self.fits = {}, []  # i12o: and the sizes bounded for them, the device they fit
        kinded = any(self.include.get(n) for n in types) or any(heard.include.get(n) for n in types)
        for name in colour_fields(list(heard.include)):  # stop 57: said of a kind, or of a person
            self.kind_colours = [n for n in self.kind_colours if n != name] + ([name] if kinded else [])
        for name, values in heard.include.items():
            self.inferred.pop(name, None)  # stop 48: said now (an Inferred event after this one marks it again)
            self.include[name] = sorted(values)
            if name in self.exclude:
                self.exclude[name] = [v for v in self.exclude[name] if v not in values]
        for name, values in heard.exclude.items():
            self.exclude[name] = sorted(set(self.exclude.get(name, [])) | set(values))
            if name in self.include:
                self.include[name] = [v for v in self.include[name] if v not in values]
                if not self.include[name]:
                    del self.include[name]
        self.avoid.extend(w for w in heard.avoid_words if w not in self.avoid)
        if heard.price is not None and (heard.price.min is not None or heard.price.max is not None):
            self.min_price, self.max_price = heard.price.min, heard.price.max
        elif heard.relative_price == "cheaper" and self.last_prices:
            anchor = min(self.last_prices)
            if len(self.last_references) == 1 and not heard.positions and len(self.last_prices) == len(self.last_shown) \
                    and 1 <= self.last_references[0] <= len(self.last_prices):
                anchor = self.last_prices[self.last_references[0] - 1]  # asked about the 2nd, then "anything cheaper?"
            elif len(heard.positions) == 1 and len(self.last_prices) == len(self.last_shown) \
                    and 1 <= heard.positions[0] <= len(self.last_prices):
                anchor = self.last_prices[heard.positions[0] - 1]  # i12ab: "the second one but cheaper"
            self.max_price = rounded_bound(anchor * 0.999, down=True)  # "<= 8,490", not "<= 8,490.50"
            self.min_price = None
        elif heard.relative_price == "pricier" and self.last_prices:
            self.min_price = rounded_bound(max(self.last_prices) * 1.001, down=False)
            self.max_price = None
        if heard.answered and heard.answered not in self.asked:
            self.asked.append(heard.answered)
        if self.pending and heard.answered is None:
            # An unanswered question still counts as asked: never ask it again.
            attribute = self.pending.get("attribute")
            if attribute and attribute not in self.asked:
                self.asked.append(attribute)
        self.pending = None
        self.allow_shown = heard.intent == "show_again"
        self.last_references = heard.positions
        if heard.query:
            self.queries.append(heard.query)

    def wishes(self) -> Wishes:
        """The constraints the customer asked for, as a value (what retrieval filters by)."""
        return Wishes(
            include={k: tuple(v) for k, v in self.include.items() if v},
            exclude={k: tuple(v) for k, v in self.exclude.items() if v},
            min_price=self.min_price,
            max_price=self.max_price,
        )


@dataclass(frozen=True)
class Wishes:
    """Wanted and unwanted values and a price range: a state's constraints, or some of them.

    Attributes:
        include: Field to the values wanted.
        exclude: Field to the values not wanted.
        min_price: Lowest price wanted.
        max_price: Highest price wanted.
    """

    include: Mapping[str, Sequence[str]] = field(default_factory=dict)
    exclude: Mapping[str, Sequence[str]] = field(default_factory=dict)
    min_price: float | None = None
    max_price: float | None = None


def update_state(state: DialogueState, heard: ShopperRequest) -> DialogueState:
    """Shorthand for ``state.apply(Heard(heard))``."""
    return state.apply(Heard(heard))


def rounded_bound(price: float, down: bool) -> float:
    """A bound said to the shopper: whole units from 100 up (rounded away from the items it
    must leave out), cents below."""
    import math

    if price < 100:
        return round(price, 2)
    return float(math.floor(price) if down else math.ceil(price))
