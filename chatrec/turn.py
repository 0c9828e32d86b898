"""One turn of the conversation, as a short sequence of named steps over plain values.

:func:`prepare` reads top to bottom: begin the session → understand the message → update
the state → build the query → retrieve (dense, lexical and signals fused) → decide (ask or
recommend) → rank; :func:`answer` then explains each chosen item and lays out the
:class:`~chatrec.reply.Reply`. Each step is a plain function with one job, testable alone;
the parts they use (retriever, ranker, explainer, policy, wording, ...) come in one
:class:`Parts` value that :class:`~chatrec.recommender.ChatRec` builds and wires.
"""

from __future__ import annotations

import re
import time
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice
from typing import Any, Protocol

import numpy as np

from chatrec.accessories import accessories_last, accessory_test
from chatrec.not_carried import asked_for, bare_thing, best_asked, interest_in, not_carried
from chatrec.specs import specs_first
from chatrec.ellipsis import earlier_question  # "and the second?" after a question
from chatrec.summary_names import occasion_named, shown_kinds  # stop 57: the list's line names the kinds shown
from chatrec import clothes_words  # stop 66: "gym clothes for men"
from chatrec import fresh_starts  # stop 52: "scratch that, show me skirts" starts afresh
from chatrec import plural_refusals  # stop 52: "las negras no me gustan" turns black down
from chatrec import modifier_types  # stop 46: "laptop backpack" is a backpack
from chatrec import degree_words  # lead: "nothing too short"
from chatrec import list_counts  # lead, stop 35: "just show me 3", "zeig mir nur zwei"
from chatrec import known_brands  # lead, stop 35: "only well known brands"
from chatrec import audience_order  # lead, stop 35: grown-ups' items first unless a child is named
from chatrec import other_colours  # lead: "does the second one come in other colours?"
from chatrec import spec_filters  # i12o: "at least 43 inches", "under 200 grams"
from chatrec import shopper_moves  # i12o: "none of these are formal?", "never mind, thanks"
from chatrec import compatible  # i12o: "a remote for my Mi tv", "a remote that works with these"
from chatrec import other_version  # lead: "does the second one come in brown?": no, and brown ones
from chatrec import unshown_make  # lead: "the samsung or the lg?", "any from van heusen?" with no LG, no Van Heusen shown
from chatrec import absent_features
from chatrec import avoid_words  # stop 39: "sin Peter England", not "sin peter, sin england"
from chatrec import colour_families  # lead, stop 41: "not bright colours" said once
from chatrec import undo  # stop 41: "undo that"
from chatrec import person_recall  # stop 42: "vuelve a lo de mi hijo, pero en verde"
from chatrec import accessory_for  # stop 56: "a bag for it" is a laptop bag
from chatrec import use_wishes  # stop 56: "headphones for running"
from chatrec import bundles  # i12o: "a smart tv and an hdmi cable"
from chatrec import conversation_moves  # i12s: batch 7's moves
from chatrec import price_tiers  # i12v: "nothing fancy", "premium only"
from chatrec import outfit_mix  # lead: an outfit is several kinds of things
from chatrec import refused_colours  # i12ac: a colour turned down in two-colour items too
from chatrec import loud_words  # lead: "nothing too flashy": watches in loud colours last
from chatrec import kind_words  # i12v: "sneakers" keeps to sports and casual shoes
from chatrec import gaps_round7  # i12aq: shopping gaps round 7
from chatrec import gaps_round8  # i12aw: shopping gaps round 8
from chatrec import gaps_round9  # i12bb: shopping gaps round 9
from chatrec import gaps_round10  # i12bg: shopping gaps round 10
from chatrec import problem_words  # stop 48: a need said as a problem is no type asked for
from chatrec import gaps_round12  # i12bm: shopping gaps round 12
from chatrec import gaps_round13  # i12br: shopping gaps round 13
from chatrec import gaps_round14  # stop 58: shopping gaps round 14
from chatrec import gaps_round15  # stop 59: shopping gaps round 15
from chatrec import gaps_round16  # stop 60: shopping gaps round 16
from chatrec import gaps_round17  # stop 61: shopping gaps round 17
from chatrec import gaps_round18  # stop 62: shopping gaps round 18
from chatrec import gaps_round19  # stop 63: shopping gaps round 19
from chatrec import gaps_round20  # stop 64: shopping gaps round 20
from chatrec import gaps_round11  # i12bk: shopping gaps round 11
from chatrec import xfails_round3  # i12bq: the strict xfails of batches 13-17
from chatrec import wanted_words  # i12y: "only braided", "有没有白色的" of earphones
from chatrec import spec_comparatives  # "bigger screen please": past the figure of the items shown
from chatrec import liked_audience  # stop 43: whom the items liked are for
from chatrec import near_colours  # stop 44: the nearest shades of a colour no fitting item has
from chatrec import title_brands  # i12ab: brands named in titles, no brand field
from chatrec import pronoun_fits  # i12ab: "one for a Samsung TV" is a remote that fits it
from chatrec import vague_openings  # i12ab: "what do you have?" with no wish: ask which kind
from chatrec import injection, meant_items, question_choice, recalled_item, value_ones  # i12af: an injection inside a request; "show me the LG ones"
from chatrec import purposes  # i12ag: "something to store files": the categories that serve it
from chatrec import shopper_asks  # i12ak: batch 12's moves ("do you have a 2 metre one?")
from chatrec import colour_variant  # lead: "and in white?"
from chatrec import goes_with  # lead: "anything to go with it?"
from chatrec import hobbies  # lead: "she likes listening to music"
from chatrec import pointed_again  # i12ag: "the Nike one" when all was seen; brand questions about accessories
from chatrec import observability, ownership
from chatrec import device_question, not_carried_wish, one_shown, shown_pointing  # i12al: "similar to the second" of one item; "the 43 inch one"
from chatrec import batch13_fixes  # i12av: batch 13's open cases (brands as written, ...)
from chatrec import shopper_context  # i12ap: batch 13 (already owned, a device stated, a person corrected)
from chatrec import batch14_fixes  # i12ba: "no, bajalo a 9000" keeps the conversation's Spanish
from chatrec import batch14_classes  # i12au: batch 14 ("teh 2nd", "back to 20k", "new search. mens tshirts")
from chatrec import batch15_fixes  # i12bf: batches 13-15 xfails ("que sean nike")
from chatrec import batch15_classes  # i12az: batch 15 ("3 of the first one", "you guys are slow", "put samsung back")
from chatrec import batch16_classes  # i12be: batch 16 ("nt adidas", "difference between 1 and 2", "titan is fine actually")
from chatrec import batch17_classes  # i12bj: batch 17 ("boat ones?", "any colour's fine", "4k only pls")
from chatrec import shown_references  # i12db: batch 19, shown items pointed at by title words, place, exclusion
from chatrec import batch18_classes  # i12bp: batch 18 ("the first one is fine", "cheers", "nothing bigger than 32 inch")
from chatrec import wish_classes19  # i12dc: batch 19 ("none of these, I hate white shoes", "womens ones")
from chatrec.catalog import Item
from chatrec.conversation import asks_for_more, asks_to_restore, asks_to_see, asks_which_by_price  # i12h
from chatrec.conversation import asks_cheapest_overall  # i12k
from chatrec.conversation import asks_recap, asks_values_on_offer
from chatrec import assortment  # lead, stop 36: what brands / sizes / prices the shop has
from chatrec import unsold  # lead, stop 37: a product the shop does not sell, asked for
from chatrec import compound_products  # stop 51: "a washing machine" on a shop of coffee machines
from chatrec.dialogue import (
    Asked, Choosing, DialogueState, FitsMakes, Heard, Inferred, Named, NotSold, PriceTier, Reshown, Shown, SpecsWanted,
    Undone, Restored, Wanted, Wishes, rounded_bound,
)
from chatrec import followups  # i12k: conversation-level readings (relative budgets, shop terms, earlier lists)
from chatrec.linking import Mention
from chatrec.explain import Explainer, Explanation, explain_all, problem_counts
from chatrec.grounding import Request
from chatrec.fusion import PoolRanker
from chatrec.history import Profile, build_profile
from chatrec.labels import Labels
from chatrec.money import format_amount, parse_rates
from chatrec.policy import ElicitationPolicy, QuestionPlan, field_values, fitting_options, named_options
from chatrec.query import Filters, Query, filters_for, for_a_child, make_query, relax
from chatrec.ranking import Ranked, Ranker, RankingContext
from chatrec.reply import Question, Recommendation, Reply, item_heading
from chatrec.retrieval import Candidate, Retriever
from chatrec.sessions import SessionStore
from chatrec.settings import Settings
from chatrec.signals import AlignedSignals
from chatrec.request import ItemReference, ShopperRequest
from chatrec.language import detect_language, says_english
from chatrec.understanding import (
    TurnContext, ValueMatcher, _is_word, is_small_talk, is_thanks, normalise_tokens, type_fields, understand,
)
from chatrec.vocabulary import audience_fields
from chatrec.wording import Phrases

__all__ = [
    "Linker",
    "Parts",
    "Turn",
    "answer",
    "begin",
    "build_query",
    "cite_history",
    "decide",
    "distinct_titles",
    "hear",
    "prepare",
    "rank",
    "retrieve",
]

#: A recommended item this close to one the customer bought cites it in its reason.
CITE_SIMILARITY = 0.7


class Linker(Protocol):
    """Finds catalogue items named in a message."""

    def find_ids(self, text: str) -> list[str]:
        """The ids of the items named in ``text``, first mention order, without repeats."""
        ...

    def find(self, text: str) -> list[Mention]:
        """The items named in ``text`` with their positions (for what the shopper says of each)."""
        ...


@dataclass(frozen=True)
class Parts:
    """Everything a turn uses, built and wired by :class:`~chatrec.recommender.ChatRec`."""

    settings: Settings
    store: SessionStore
    retriever: Retriever
    ranker: Ranker
    explainer: Explainer
    policy: ElicitationPolicy
    phrases: Phrases
    vocabulary: ValueMatcher
    linker: Linker
    signals: AlignedSignals | None = None
    fusion: PoolRanker | None = None
    labels: Labels | None = None  # how values are shown to shoppers (chatrec.labels)
    multilingual: Any = None  # chatrec.multilingual.MultilingualIndex, for messages not in English
    understander: Any = None  # chatrec.llm_understanding.LLMUnderstander, with settings.understander "llm*"
    catalogue: Any = None  # chatrec.catalogue_taste.CatalogueTaste, with settings.content_weight > 0 (issue 14)


@dataclass
class Turn:
    """Everything decided for one turn before the reasons are written."""

    session_id: str
    message: str
    state: DialogueState
    heard: ShopperRequest
    profile: Profile | None
    context: RankingContext
    query: Query
    relaxed: list[str] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    plan: QuestionPlan | None = None
    chosen: list[Ranked] = field(default_factory=list)
    text: str = ""
    question: Question | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


# --- the steps ---------------------------------------------------------------------------------


#: Words of a wish given up ("colour is fine", "brand doesn't matter"): no product the shop lacks (lead, stop 33).
_GIVEN_UP = frozenset("colour color colours colors brand brands price prices budget size fine matter whatever".split())

def begin(store: SessionStore, session_id: str, user_id: str | None) -> tuple[str | None, DialogueState]:
    """Open (or create) the session: its customer and its stored state."""
    if not store.exists(session_id):
        store.create_session(session_id, user_id)
    elif user_id and store.user_of(session_id) != user_id:
        store.set_user(session_id, user_id)
    user = user_id or store.user_of(session_id)
    return user, DialogueState.from_dict(store.load_state(session_id))


def hear(
    message: str, vocabulary: ValueMatcher, state: DialogueState, *, shown: Sequence[Item] = (),
    catalog_currency: str | None = None, rates: dict[str, float] | None = None, lexicon: Any = None,
    labels: Labels | None = None,
) -> ShopperRequest:
    """What the shopper wants after this message: read against the question pending, the items
    shown last, the wishes in force and the catalogue's currency.

    A quick reply comes back as the label it was shown with ("USB cables"): it is read as
    the catalogue value it stands for ("USBCables").
    """
    pending = (state.pending["attribute"], list(state.pending["options"])) if state.pending else None
    answer = labels.raw(message, pending[1]) if pending and labels is not None else None
    message = answer or message
    context = TurnContext(
        pending=pending,
        shown=shown,
        searching=bool(
            state.include or state.exclude or state.queries or state.last_shown
            or state.min_price is not None or state.max_price is not None
        ),
        current=state.include,
        last_references=state.last_references,
        catalog_currency=catalog_currency,
    )
    if rates is not None:
        context.rates = rates
    heard = understand(message, vocabulary, context, lexicon=lexicon)
    heard = fresh_starts.adjust(heard, message, context, vocabulary)  # stop 52: "scratch that, show me skirts"
    heard = modifier_types.for_use_only(heard, message, lambda text: understand(  # stop 46: "laptop backpack"
        text, vocabulary, TurnContext(catalog_currency=catalog_currency), lexicon=lexicon))
    heard = shopper_moves.in_conversation_language(  # i12y: "lieber in Schwarz" in a German conversation
        message, heard, state.language, lambda text: understand(text, vocabulary, context, lexicon=lexicon), lexicon)
    if heard.language == "en" and state.language not in ("en", "other") \
            and (answer or not says_english(message, min_letters=2) or batch14_fixes.keeps_language(message, state.language)):
        # "egal", "da igual", a clicked quick reply: no language of its own, the conversation's stays.
        heard = heard.model_copy(update={"language": state.language})
    elif heard.language == "en" and state.language not in ("en", "other") and shown:
        from chatrec.answers import buys_in

        if buys_in(message, state.language):  # i12v: "me lo llevo" reads like English; it is the shopper's Spanish
            heard = heard.model_copy(update={"language": state.language})
    if heard.intent == "chitchat" and context.searching and asks_to_see(message):
        return heard.model_copy(update={"intent": "refine", "show_now": True})  # i12v: "ok show me", "zeig mir welche"
    if shown and not heard.include and heard.intent in ("chitchat", "ask_about_item", "compare") \
            and asks_for_more(message):  # i12h: a bare "more" / "others?" / "更多" after items: more of them
        return heard.model_copy(update={"intent": "refine", "show_now": True, "references": []})
    heard = as_question_about_shown(heard, message, shown, state.last_references)
    heard = one_shown.question_past_the_list(message, heard, len(shown))  # lead: "el segundo tiene micro?" after one item
    heard = pointed_again.by_figure(heard, message, shown)  # i12ag: "how much is the 1.78 inch one?"
    heard = shown_pointing.by_figure_alone(heard, message, shown)  # i12al: "the 1.78 inch one" with no question
    heard = shown_references.point(heard, message, shown, state.last_references)  # i12db: "the puma one, is it navy?", "the one before it"
    if shown:  # i12v: "the white ones only": a filter, not a reference to the white ones shown
        heard = followups.only_these(heard, message, lambda text: understand(
            text, vocabulary, TurnContext(current=state.include, catalog_currency=catalog_currency), lexicon=lexicon))
        heard = plural_refusals.also_refused(heard, message, lambda text: understand(  # stop 52: "las negras no me
            text, vocabulary, TurnContext(current=state.include, catalog_currency=catalog_currency), lexicon=lexicon))  # gustan"
    heard = followups.cheaper_items(heard, message, len(shown))  # i12k: "¿tienes algo más barato?"
    heard = followups.below_shown_item(heard, shown, message)  # i12k: "anything cheaper than the first one?"
    heard = shown_references.it_compared(heard, message, shown, state.last_references)  # stop 51: "how is it different from the 3rd?"
    return known_brands.as_wish(heard, message)  # lead, stop 35: "要名牌的", "any from a brand I'd know?"


def as_question_about_shown(
    heard: ShopperRequest, message: str, shown: Sequence[Item], last_references: Sequence[int] = ()
) -> ShopperRequest:
    """The request as a question about the shown items when the message asks one of them.

    "Does the second one come in red?" reads to the rules as a refinement (more like the
    second, in red); a question that names a shown item is answered about that item instead
    of changing the search (:func:`chatrec.answers.is_question_about_shown`). "Which is the
    best rated?" / "and the newest?" is about every item shown (or the ones it names).
    """
    from chatrec import answers

    if not shown or heard.intent in ("off_topic", "chitchat") and not answers.asks_to_buy(  # stop 42: "两个都要"
            message, len(shown), heard.language, shown):
        return heard
    if heard.intent == "recommend" and heard.show_now and goes_with.asks(message) or colour_variant.is_colour_wish(heard):
        return heard  # lead: "I'll take the first one, anything to go with it?", "还有白色的吗": items, shown
    if answers.asks_to_buy(message, len(shown), heard.language, shown):  # "I'll take the second one"
        positions = answers.find_reference(message, len(shown), heard.language) or []
        by_price = price_tiers.price_superlative(message)  # i12v: "I'll take the cheapest one"
        priced = [(item.price, n) for n, item in enumerate(shown, start=1) if item.price is not None]
        if by_price is not None and len(positions) != 1:  # stop 43: none priced: which one is asked, with why
            positions = [(min if by_price == "cheapest" else max)(priced)[1]] if priced else []
        elif len(positions) != 1 and ((figure := answers.figure_pick(message, shown, heard.language)) is not None
                                      or answers.asks_superlative(message, heard.language)):
            positions = [figure] if figure is not None else []  # stop 43: "I'll go with the best rated"; none rated: which
        elif len(heard.references) == 1:
            positions = list(heard.positions)
        elif len(positions) != 1 and len(last_references) == 1:  # asked about the second, then "I'll buy it"
            positions = list(last_references)
        several = answers.several_named(message, shown, heard.language, last_references)  # stop 42: "the first and the third"
        how = "position" if several or len(positions) == 1 else "all"  # "all": which one is asked
        positions = several or (positions if len(positions) == 1 else list(range(1, len(shown) + 1)))  # "both" of 5
        references = [ItemReference(position=p, item_id=shown[p - 1].id, how=how) for p in positions if 1 <= p <= len(shown)]
        if references:
            return heard.model_copy(update={"intent": "ask_about_item", "references": references,  # a pick, no
                                            "include": {}, "exclude": {}, "relative_price": None})  # search: stop 43
    if answers.asks_spec_of_shown(message, len(shown), heard.language):  # "and the screen size?", "内存呢？"
        positions = answers.find_reference(message, len(shown), heard.language) or []
        references = [ItemReference(position=p, item_id=shown[p - 1].id) for p in positions if 1 <= p <= len(shown)]
        return heard.model_copy(update={"intent": "compare" if len(references) > 1 else "ask_about_item",
                                        "references": references, "include": {}, "exclude": {}, "price": None,
                                        "show_now": False})
    if not heard.include and heard.price is None and asks_which_by_price(message):
        # i12h: "what's the cheapest of these?" compares the items shown (or the ones it names by place)
        named = [r for r in heard.references if r.how in ("position", "title") and 1 <= r.position <= len(shown)]
        chosen = [r.position for r in named] if len(named) >= 2 else list(range(1, len(shown) + 1))
        references = [ItemReference(position=p, item_id=shown[p - 1].id, how="all") for p in chosen]
        return heard.model_copy(update={"intent": "compare" if len(references) > 1 else "ask_about_item",
                                        "references": references, "exclude": {}, "relative_price": None,
                                        "show_now": False})
    if heard.drop and heard.intent in ("recommend", "refine"):
        return heard  # "forget the brand, just the best rated": a new search without it, not a question
    superlative = (len(shown) >= 2 and not heard.include and heard.price is None
                   and answers.asks_superlative(message, heard.language) and not followups.ASKS_FOR_ITEMS.search(message))
    if heard.intent in ("refine", "recommend", "more_like") and not re.search(r"[?？¿]", message) \
            and spec_filters.read_bounds(message) and not answers.asks_to_buy(message, len(shown), heard.language, shown):
        return heard  # stop 57: "no más grande de 32 pulgadas" is a bound said, no question on the biggest shown
    if heard.intent in ("ask_about_item", "compare") and not superlative:
        if heard.references:
            return heard
        return heard  # no item named: the item last spoken of, else all shown (followups.about_last_spoken)
    if heard.intent == "more_like" and not heard.include and not superlative \
            and not answers.checks_shown_item(message, heard.language):  # i12y: "la primera es azul" asks
        return heard  # i12e: "第二件有类似的吗", "the third one, any similar?" ask for more like it
    if not superlative and not answers.is_question_about_shown(message, len(shown), heard.language):
        return heard
    positions = answers.find_reference(message, len(shown), heard.language) or list(heard.positions)
    references = [
        ItemReference(position=p, item_id=shown[p - 1].id) for p in positions if 1 <= p <= len(shown)
    ]
    if not references:
        return heard
    if followups.states_a_wish(heard, message, len(references) == len(shown), len(shown)):
        return heard  # i12k: "white or blue would be best" names colours to search, asks nothing
    intent = "compare" if len(references) > 1 else "ask_about_item"
    return heard.model_copy(update={"intent": intent, "references": references, "include": {}, "exclude": {}})


_MONEY: weakref.WeakKeyDictionary[Any, tuple[bool, str | None]] = weakref.WeakKeyDictionary()


_VALUE_TOKENS: weakref.WeakKeyDictionary[Any, frozenset[str]] = weakref.WeakKeyDictionary()
_COLOUR_WORDS: weakref.WeakKeyDictionary[Any, frozenset[str]] = weakref.WeakKeyDictionary()


def _colour_words(parts: Any) -> frozenset[str]:
    """i12aw: the colour words of the catalogue and English (:func:`chatrec.gaps_round8.colour_words`), once per vocabulary."""
    known = _COLOUR_WORDS.get(parts.vocabulary)
    if known is None:
        known = _COLOUR_WORDS[parts.vocabulary] = gaps_round8.colour_words(parts.vocabulary.counts)
    return known


def _value_tokens(parts: Parts) -> frozenset[str]:
    """i12y: the words of the catalogue's values (:func:`chatrec.wanted_words.value_tokens`), once per vocabulary."""
    known = _VALUE_TOKENS.get(parts.vocabulary)
    if known is None:
        known = _VALUE_TOKENS[parts.vocabulary] = wanted_words.value_tokens(parts.vocabulary.counts)
    return known


def catalogue_money(retriever: Retriever) -> tuple[bool, str | None]:
    """Whether the catalogue lists prices, and its commonest currency (counted once per opened index)."""
    from collections import Counter

    index = retriever.index
    known = _MONEY.get(index)
    if known is not None:
        return known
    items = index.items
    counts = Counter(item.currency for item in items if item.currency)
    money = any(item.price is not None for item in items), (counts.most_common(1)[0][0] if counts else None)
    _MONEY[index] = money
    return money


#: Stop 53: words names use for the same look, by their stems ("not plain": no Solid Grey Tshirt either).
_SAME_WORDS = (frozenset({"plain", "solid"}), frozenset({"check", "checked", "checkered", "chequered"}),
               frozenset({"camo", "camouflage"}), frozenset({"floral", "flower"}))


#: One way only: "not tight" keeps "Slim Fit" away, "not slim" keeps no "Skinny" away (stop 54).
_CUTS_OF = {"tight": ("skinny", "slim", "fitted", "bodycon")}


def without_words(candidates: Sequence[Candidate], words: Sequence[str]) -> list[Candidate]:
    """The candidates whose titles have none of these words ("not skinny": no Skinny Fit jeans), in any
    form ("not stripes": no Striped shirt; "no prints": no Printed tee)."""
    unwanted = {_stem(w) for w in words}
    unwanted |= {same for group in ({_stem(w) for w in g} for g in _SAME_WORDS) if unwanted & group for same in group}
    unwanted |= {_stem(w) for word, cuts in _CUTS_OF.items() if word in unwanted for w in cuts}
    unwanted |= {_stem(w) for group in absent_features.SAME_AS if unwanted & {_stem(g) for g in group}
                 for name in group for w in name.split()}  # stop 60: "without mic" is no "Microphone" either
    return [c for c in candidates if (not unwanted & {_stem(w) for w in normalise_tokens(c.item.title)}
            or absent_features.kept_absent(c.item.title, words))  # stop 60: "without mic" keeps "..., Without Mic"
            and not xfails_round3.says_phrase(c.item.title, words)]  # i12bq: "not the 2 in 1 ones


def _stem(word: str) -> str:
    """"stripes", "striped", "stripe" -> "strip": one form for an unwanted word and a title's word."""
    if word.endswith(("sses", "xes", "ches", "shes", "zes")) and len(word) > 5:
        word = word[:-2]  # "dresses" -> "dress"
    elif word.endswith("ing") and len(word) > 6 or word.endswith("ed") and len(word) > 5:
        word = word[:-3] if word.endswith("ing") else word[:-2]  # stop 50: "hooded" is "hood" ("without a hood")
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 4:
        word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def like_anchors(candidates: Sequence[Candidate], anchors: Sequence[Item], vocabulary: ValueMatcher) -> list[Candidate]:
    """"More like the first one": candidates of the anchors' kind and audience come first.

    The kind is the product type (``type_fields``) and the audience the field saying whom an item
    is for (gender, age group); only values every anchor shares count, so a women's T-shirt
    brings more women's T-shirts before girls' ones. The order within each group is the
    retrieval order; nothing is dropped.
    """
    names = [*type_fields(vocabulary.fields), *audience_fields(vocabulary.fields)]
    shared: dict[str, str] = {}
    for name in names:
        values = {str(anchor.field_value(name) or "") for anchor in anchors}
        if len(values) == 1 and (value := values.pop()):
            shared[name] = value

    def overlap(candidate: Candidate) -> int:
        return sum(str(candidate.item.field_value(name) or "") == value for name, value in shared.items())

    if not shared:
        return list(candidates)
    return sorted(candidates, key=lambda candidate: -overlap(candidate))


def without_repeats(candidates: Sequence[Candidate], seen_titles: Iterable[str]) -> list[Candidate]:
    """The candidates minus look-alikes: an item whose name equals an item shown before or a
    better-placed candidate's (catalogues list one product under several ids)."""
    seen = {title.casefold().strip() for title in seen_titles}
    kept = []
    for candidate in candidates:
        title = candidate.item.title.casefold().strip()
        if title not in seen:
            seen.add(title)
            kept.append(candidate)
    return kept


def multilingual_candidates(parts: Parts, message: str, query: Query, k: int) -> list[Candidate]:
    """The allowed items ranked by the multilingual encoder for the shopper's own words."""
    from chatrec.multilingual import ranked

    assert parts.multilingual is not None
    return ranked(parts.multilingual, message, parts.retriever.allowed(query.filters, query.exclude_ids), k)


def prices_fitting(parts: Parts, wishes: Wishes, wanted: Sequence[str] = ()) -> list[float]:
    """i12v: the prices of the catalogue items that fit these wishes (for a tier's budget); stop 59: of those stating
    the ``wanted`` words when some do ("a cheap wireless keyboard": the cheap ones among the wireless keyboards, not
    the keyboards under ₹329, none of them wireless)."""
    mask = parts.retriever.allowed(filters_for(wishes))
    fitting = [i for n, i in enumerate(parts.retriever.index.items) if i.price is not None and (mask is None or mask[n])]
    stating = [i for i in fitting if wanted_words.states(i, wanted)] if wanted else []
    return [float(i.price) for i in stating or fitting if i.price is not None]


def price_third(candidates: Sequence[Candidate], relative: str) -> list[Candidate]:
    """"Cheap" with nothing shown yet: the cheaper third of the priced candidates ("pricier": the dearer third).

    Candidates without a price are kept only when none has one (a catalogue without prices).
    """
    prices = sorted(c.item.price for c in candidates if c.item.price is not None)
    if len(prices) < 3:
        return list(candidates)
    if relative == "cheaper":
        bound = prices[len(prices) // 3]
        return [c for c in candidates if c.item.price is not None and c.item.price <= bound]
    bound = prices[(2 * len(prices)) // 3]
    return [c for c in candidates if c.item.price is not None and c.item.price >= bound]


def short_reply(
    parts: Parts, heard: ShopperRequest, phrases: Phrases, message: str = "", session_id: str | None = None
) -> tuple[str, dict[str, Any]]:
    """The words of a turn that shows no items: off topic, chit-chat, or an answer about shown items.

    A question about the items referenced ("does the second one come in red?", "compare the
    first two") is answered from their catalogue data by :func:`chatrec.answers.answer_question`,
    which says plainly when the data does not say.
    """
    unshown = heard.intent in ("ask_about_item", "compare") and not heard.references  # i12d: nothing shown yet
    if heard.intent in ("off_topic", "chitchat") or unshown:
        field = product_type_field(parts)
        categories = parts.vocabulary.counts.get(field) if field else None
        shown = parts.labels.show if parts.labels is not None else str
        common = categories.most_common(3) if categories else []
        topics = ", ".join(phrases.summary_value(shown(v)) for v, _ in common)  # i12b: in the shopper's language (no quick reply: the summary's names)
        template = "nothing_shown" if unshown else heard.intent
        return phrases.render(template, topics=topics or "a product type"), {"decision": template}
    from chatrec import answers

    index = parts.retriever.index
    referenced = [r for r in heard.references if r.item_id and r.item_id in index]
    items = [index.get(r.item_id) for r in referenced if r.item_id]
    reasons: dict[str, str] = {}
    earlier = None
    shown_count = 0
    if session_id is not None:
        stored = parts.store.turns(session_id)
        last = next((t for t in reversed(stored) if t.payload.get("recommendations")), None)
        if last is not None:
            reasons = dict(zip(last.payload.get("recommendations", []), last.payload.get("reasons", [])))
            shown_count = len(last.payload.get("recommendations", []))
        earlier = earlier_question(stored)  # "and the second?" asks it again
    language = answers.wording_language(heard.language)
    question = answers.resolve_question(message, language, earlier)
    if question == message and earlier and any(r.how == "title" for r in referenced):  # i12db: "and the fossil one?"
        asked = answers.resolve_question(shown_references.without_pointing_words(message, items), language, earlier)
        question = asked if asked == earlier else question
    question = pointed_again.without_figure(question, items)  # stop 59: "how much is the 1.5 litre one?": its price
    positions = [r.position for r in referenced]
    rival = unshown_make.unshown_rival(  # "the samsung or the lg?" with no LG shown: the LG that fits, beside it
        heard.query, items, parts.vocabulary.counts.get("brand", {}), index.items,
        type_fields(list(parts.vocabulary.fields)), message) if heard.intent in ("compare", "ask_about_item") else None
    if rival is not None:
        items, positions = [*items, rival], [*positions, 0]
    answer = answers.answer_question(
        question, items, language, positions=positions,
        reasons=[reasons.get(item.id, "") for item in items],
        field_values=parts.vocabulary.counts,  # stop 41: "is it formal?" of a Casual shirt: no
        several=len(referenced) > 1 and all(r.how != "all" for r in referenced),  # stop 42: both taken
        shown=shown_count if rival is None else 0,
    )
    text = answer.text
    if rival is not None:
        answer = replace(answer, positions=[p for p in answer.positions if p])
        text = " ".join([phrases.render("unshown_make", make=rival.brand),
                         re.sub(r"(?m)^0\. ", "", text)])  # the item not shown has no place in the list
    return text, {"decision": heard.intent, "references": heard.positions,
                  "answer": {**answer.to_dict(), "question": question}}


def _avoided_as_said(state: DialogueState, message: str, language: str, turns_so_far: Callable[[], Sequence[Any]]) -> list[str]:
    """The words to avoid as the reply says them: in the reply's language only ("不要太贵" says no "expensive"); stop 51:
    in the shopper's own word when this message says it in theirs ("不要格子的": "不要格子", before nothing)."""
    if not state.avoid:
        return []
    earlier = [t.text for t in turns_so_far() if t.role == "customer"]
    shown = []
    for word, said_now in avoid_words.phrases(state.avoid, message, earlier):
        if language == "en" or said_now:
            shown.append(word)
        # stop 53: the shopper's word said in an earlier message too ("不要耐克的", then "第二个有别的颜色吗")
        elif (own := next((own for text in [message, *reversed(earlier)]
                           if (own := not_carried_wish.said_in(text, word, language)) != word), word)) != word:
            shown.append(own)
    return shown


#: Words of a search for the cheapest that name no product ("cheapest", "the lowest price").
_PRICE_WORDS = frozenset("cheapest cheaper cheap lowest low least price priced prices cost costs budget affordable "
                         "inexpensive one ones you have got".split())


def _named_by(items: Sequence[Item], query: str) -> list[Item]:
    """Stop 51: the items whose names say every word of the query that names no price ("cheapest iphone cable":
    iphone, cable), for a search for the cheapest that reads no product type; none when the query has no such word."""
    from chatrec.grounding import singular

    said = {singular(w) for w in re.findall(r"[a-z0-9]+", query.lower()) if len(w) > 2 and w not in _PRICE_WORDS}
    if not said:
        return []
    return [i for i in items if said <= {singular(w) for w in re.findall(r"[a-z0-9]+", i.title.lower())}]


def _wish_turns(turns: Sequence[tuple[str, str]], store: Any, session_id: str) -> list[tuple[str, str]]:
    """Stop 54: the turns without the shopper's questions that were answered about items shown: "does the second
    one come in black?" of jeans asks, and wishes no black (a black shirt shown next was "the type, colour and
    gender you asked for")."""
    stored = store.turns(session_id)
    asked = {turn.text for turn, answer in zip(stored, stored[1:])
             if turn.role == "customer" and answer.role == "assistant" and (answer.payload or {}).get("answered")}
    if not asked:
        return list(turns)
    last = len(turns) - 1  # this message is no answered question yet
    return [(role, text) for n, (role, text) in enumerate(turns) if n == last or role != "customer" or text not in asked]


def _since_kind(turns: Sequence[tuple[str, str]], state: DialogueState) -> list[tuple[str, str]]:
    """Stop 56: the turns from the shopper's message that asked for the kind searched now (all of them when it is
    not among them): "need something for video calls", then "a speaker I can take to the beach" showed speakers
    "with call, as its description says — the feature you asked for"."""
    said = [n for n, (role, text) in enumerate(turns) if role == "customer" and text == state.kind_message]
    return list(turns[said[-1]:]) if state.kind_message and said else list(turns)


def _turned_down_makes(state: DialogueState, parts: Parts) -> list[str]:
    """Stop 41: the makes of the items the shopper turned down ("the samsung one doesn't convince me"): a reason
    never says the next Samsung is "the brand you asked for"."""
    index = parts.retriever.index
    return list(dict.fromkeys(b for i in state.rejected if i in index and (b := index.get(i).brand)))


def out_of_range(message: str, heard: ShopperRequest, n_shown: int) -> str | None:
    """What to say when a question names a shown item by a place past the last list ("how much is
    the third one?" after two items), or None; only for a question about the items shown."""
    from chatrec import answers

    if heard.intent not in ("ask_about_item", "compare") or n_shown <= 0:
        return None
    if n_shown == 1 and answers.compares_two(message, heard.language):
        return None  # i12ac: "welcher von beiden?" with one shown: the answer says there is only one
    if any(r.how not in ("all", "other") for r in heard.references):
        return None  # named by title or attribute: a real item
    far = 99  # "the last" maps to it: never past the list; "which is cheapest?" maps to all 99
    found = answers.find_reference(message, far, heard.language) or []
    if len(found) == far:
        return None
    positions = [p for p in found if p != far]
    over = [p for p in positions if p > n_shown]
    if not over:
        return None
    wording = answers.load_answer_wording(answers.wording_language(heard.language))
    return str(wording["out_of_range_one" if n_shown == 1 else "out_of_range"]).format(count=n_shown, position=over[0])


def earlier_list(parts: Parts, session_id: str, message: str, state: DialogueState) -> list[str] | None:
    """i12k: the list shown before the last that the shopper comes back to ("the TVs from before"),
    or None (:func:`chatrec.followups.earlier_list`)."""
    from chatrec.conversation import refers_back

    if not state.shown or not (refers_back(message) or batch13_fixes.recalls(message)
                               or batch13_fixes.shown_before(message)) or not parts.store.exists(session_id):
        return None
    index = parts.retriever.index
    lists = [[i for i in t.payload.get("recommendations") or [] if i in index] for t in parts.store.turns(session_id)]
    fields = ["category", *type_fields(list(parts.vocabulary.fields))]

    def kinds(item_id: str) -> set[str]:
        item = index.get(item_id)
        return {str(v) for name in fields if (v := item.field_value(name))}

    said = understand(message, parts.vocabulary, TurnContext(), lexicon=_lexicon(parts.settings))
    named_types = followups.type_values(said.include, fields) or batch13_fixes.clause_types(  # i12av: "back to X, what ..."
        message, lambda clause: followups.type_values(
            understand(clause, parts.vocabulary, TurnContext(), lexicon=_lexicon(parts.settings)).include, fields))
    lists = [ids for ids in lists if ids]
    found = followups.earlier_list(message, lists, state.last_shown, kinds, named_types)
    found = found if found is not None else batch13_fixes.earlier_list_named(message, lists, state.last_shown, kinds, named_types)
    valued = {n: vs for n, vs in {**said.include, **other_version.colours_named(message, parts.vocabulary.counts)}.items()
              if n not in fields}  # i12av: "the red ones you showed" (a question about items carries no wish)
    return found if found is not None or named_types else batch13_fixes.earlier_list_of_value(
        message, lists, state.last_shown, lambda i: {str(index.get(i).field_value(n)) for n in valued},
        {v for vs in valued.values() for v in vs})


def named(linker: Linker, retriever: Retriever, message: str) -> tuple[str, ...]:
    """The catalogue items the message names."""
    return tuple(i for i in linker.find_ids(message) if i in retriever.index)


def customer_profile(user: str | None, store: SessionStore, retriever: Retriever) -> Profile | None:
    """The customer's history profile, or None when there is no customer or no history."""
    if not user:
        return None
    profile = build_profile(user, store, retriever.index)
    return None if profile.is_empty else profile


def ranking_context(
    store: SessionStore, session_id: str, message: str, profile: Profile | None, phrases: Phrases, max_turns: int
) -> RankingContext:
    """What the ranker and explainer know: the recent turns and the customer's history in words."""
    turns = [(t.role, t.text) for t in store.turns(session_id)] + [("customer", message)]
    text = phrases.render("profile", titles="; ".join(profile.titles)) if profile and profile.titles else None
    return RankingContext(turns=turns[-max_turns:], profile=text)


def excluded(state: DialogueState, profile: Profile | None, with_shown: bool = True) -> tuple[str, ...]:
    """Never again: turned down, owned, named by the customer, bought or disliked, and (unless
    asked) shown; except the items the last message asked for by name ("do you have Inception?")."""
    history = [*profile.positives, *profile.negatives] if profile else []
    ids = list(dict.fromkeys([*state.rejected, *state.owned, *state.mentioned, *history, *state.spec_blocked]))
    if with_shown and not state.allow_shown:
        ids.extend(i for i in state.shown if i not in ids)
    asked = set(state.requested)
    return tuple(i for i in ids if i not in asked)


def other_values_asked(
    parts: Parts, heard: ShopperRequest, message: str, state: DialogueState, phrases: Phrases
) -> ShopperRequest:
    """i12k: "any other colours?" after items: the same search with the colours in force (else those
    shown) left out (:func:`chatrec.followups.other_values`); the request unchanged otherwise."""
    from chatrec.conversation import asks_other_values

    what = asks_other_values(message) if state.last_shown and not heard.include else None
    if what is None:
        return heard
    field = _field_said(parts, what, phrases)
    if field is None:
        return heard
    index = parts.retriever.index
    pointed = [r.item_id for r in heard.references if r.item_id and r.item_id in index]
    if pointed and len(set(pointed)) < len(state.last_shown):
        # "does the third one come in other colours?": like that item, but for its own colour
        own = {str(v) for i in pointed if (v := index.get(i).field_value(field)) is not None}
        return followups.other_values_of(heard, field, sorted(own))
    shown = {str(v) for i in state.last_shown if i in index and (v := index.get(i).field_value(field)) is not None}
    return followups.other_values(heard, field, state.include.get(field) or sorted(shown))


def values_on_offer(parts: Parts, heard: ShopperRequest, message: str, state: DialogueState,
                    phrases: Phrases) -> str | None:
    """"What colours do you have?", "有哪些品牌": the field whose values the shopper asks the shop has
    (asked back as a question with them as quick replies), or None. A question naming a shown item
    ("what colours does the first one come in?") is left as it is; for a field whose value is in force
    the quick replies are the values of the items fitting the other wishes (i12ac)."""
    from chatrec.answers import find_reference
    what = asks_values_on_offer(message)
    # "which" alone points at every item shown; "the first one", "it" point at some
    pointed = find_reference(message, len(state.last_shown), heard.language) if state.last_shown else None
    if what is None or pointed and len(pointed) < len(state.last_shown) or re.search(r"\b(?:it|this|that)\b", message.lower()):
        return None
    field = _field_said(parts, what, phrases)
    # lead, stop 36: the product may be named in the same question ("what brands of usb cables do you sell?")
    return field if assortment.fields_allowed(heard.include, field) else None
    # i12ac: a field in force too ("what colours do you have?" after black: the others fitting the rest)


def assortment_asked(message: str, heard: ShopperRequest, state: DialogueState, has_prices: bool) -> str | None:
    """Lead, stop 36: "sizes" or "prices" when the shopper asks which sizes or what price range the shop has
    for the search (:mod:`chatrec.assortment`), not about an item pointed at; else None."""
    from chatrec.answers import find_reference

    pointed = find_reference(message, len(state.last_shown), heard.language) if state.last_shown else None
    if pointed and len(pointed) < len(state.last_shown):
        return None
    if assortment.asks_sizes(message):
        return "sizes"
    if has_prices and assortment.asks_prices(message) and (assortment.names_no_item(message) or not state.last_shown):
        return "prices"
    return None


def _variants(parts: Parts, item: Item, colours: Sequence[str]) -> list[Item]:
    """Stop 59: the item's product in the colours named, from the whole catalogue (:func:`gaps_round15.variants_in`)."""
    if not colours:
        return []
    fields = [name for name in parts.vocabulary.counts if "colo" in name.lower()]
    allowed = parts.retriever.allowed(Filters(include={name: frozenset(colours) for name in fields[:1]})) if fields else None
    return gaps_round15.variants_in(item, colours, [i for n, i in enumerate(parts.retriever.index.items)
                                                    if allowed is None or allowed[n]], _colour_words(parts))


def _once(said: str) -> str:
    """The wishes as said, each part once (stop 60: "funda" of the type and of the word "case", not "funda, funda")."""
    return ", ".join(dict.fromkeys(said.split(", ")))


def _allowed_items(parts: Parts, query: Query, state: DialogueState, profile: Profile | None) -> list[Item]:
    """Stop 59: every catalogue item the turn's search may show (its filters, without the items left out), in
    catalogue order: an order asked of the whole assortment ("the newest"), not of the retrieved pool."""
    mask = parts.retriever.allowed(query.filters, excluded(state, profile))
    return [i for n, i in enumerate(parts.retriever.index.items) if mask is None or mask[n]]


def _fitting_items(parts: Parts, state: DialogueState, leave_out: str | None = None) -> list[Item]:
    """The catalogue items that fit the wishes in force (shown ones too), but the wish on ``leave_out``."""
    wishes = state.wishes()
    if leave_out is not None:
        wishes = replace(wishes, include={k: v for k, v in wishes.include.items() if k != leave_out})
    mask = parts.retriever.allowed(filters_for(wishes))
    return [i for n, i in enumerate(parts.retriever.index.items) if mask is None or mask[n]]


def _field_said(parts: Parts, word: str, phrases: Phrases) -> str | None:
    """The catalogue field a shopper's attribute word names ("colours", "颜色", "Farben"), in their
    language's names or English, else None."""
    names = {name: [phrases.attribute(name), parts.phrases.attribute(name), name] for name in parts.vocabulary.fields}
    return followups.field_named(word, names)


def seen_fit(state: DialogueState, profile: Profile | None, parts: Parts, n: int) -> bool:
    """i12k: some but fewer than ``n`` unseen items fit the wishes, and some seen ones do too (with
    none unseen, the "all seen" rule of :func:`build_query` shows them again and says so)."""
    wishes = filters_for(state.wishes())
    unseen = parts.retriever.count(wishes, excluded(state, profile))
    return 0 < unseen < n and parts.retriever.count(wishes, excluded(state, profile, with_shown=False)) > unseen


def with_unisex(state: DialogueState, profile: Profile | None, parts: Parts) -> tuple[Wishes, str] | None:
    """i12h: when no item fits every wish and the wishes say whom the items are for ("Women"), the
    wishes with the catalogue's unisex value added, and that value, if some item fits them then:
    unisex items are for women too, and come before leaving out whom the items are for."""
    wishes = state.wishes()
    exclude_ids = excluded(state, profile)
    if parts.retriever.count(filters_for(wishes), excluded(state, profile, with_shown=False)) > 0:
        return None  # something fits, shown before or not: nothing to widen ("all seen" is build_query's)
    for name in audience_fields(list(wishes.include)):
        unisex = _unisex_of(parts, name)
        if unisex is None or unisex in wishes.include[name] or name in wishes.exclude and unisex in wishes.exclude[name]:
            continue
        wider = replace(wishes, include={**wishes.include, name: (*wishes.include[name], unisex)})
        if parts.retriever.count(filters_for(wider), exclude_ids) > 0:
            return wider, unisex
    # stop 56: "sports shoes for my son" (two unisex pairs shown), then "in blue": no blue pair for a boy, and the
    # blue ones left when "Boys" was given up were men's. A child's things keep whom they are for, with the unisex
    # ones, when leaving out another wish (the colour) lets some of them fit, shown before or not.
    for name in audience_fields(list(wishes.include)):
        unisex = _unisex_of(parts, name)
        if unisex is None or unisex in wishes.include[name] or not any(map(for_a_child, wishes.include[name])):
            continue
        wider = replace(wishes, include={**wishes.include, name: (*wishes.include[name], unisex)})
        kept, gone = _relaxed_wider(wider, state, profile, parts)
        if gone and name in kept.include and all(kind in kept.include for kind in type_fields([*wishes.include, "category"])
                                                 if kind in wishes.include):
            return wider, unisex
    return None


def _unisex_of(parts: Parts, name: str) -> str | None:
    """The catalogue's value of an audience field that is for everyone ("Unisex"), or None."""
    return next((v for v in parts.vocabulary.counts.get(name, {}) if str(v).lower() == "unisex"), None)


def _relaxed_wider(wider: Wishes, state: DialogueState, profile: Profile | None, parts: Parts) -> tuple[Wishes, list[str]]:
    """The unisex-widened wishes (:func:`with_unisex`) with as few wishes left out as let an item fit, shown before
    or not, and the words of those left out."""
    anyone = excluded(state, profile, with_shown=False)
    return relax(wider, fits=lambda w: parts.retriever.count(filters_for(w), anyone) > 0,
                 label=lambda w: parts.phrases.summary(w, labels=parts.labels))


def build_query(
    state: DialogueState, message: str, profile: Profile | None, parts: Parts,
    anchors: Sequence[str] = (), phrases: Phrases | None = None, strict: bool = False,
    named_now: Iterable[str] = (), wider: Wishes | None = None, after: list[str] | None = None,
) -> tuple[Query, Wishes, list[str], bool]:
    """The search for this turn, the wishes it enforces, the wishes it had to leave out, and
    whether they were left out only because every item fitting them all was shown already.

    ``anchors`` are shown items the shopper wants more like ("more like the first one"): the
    search is pulled towards them as towards items the shopper named. ``strict`` (the shopper
    took back a wish left out: "put it back") leaves nothing out: the items fitting every wish,
    shown before or not, or none. When every item fitting all the wishes was shown already and
    this message named a wish (``named_now``: "something in brown", "under 20000"), or the wish to
    leave out would be the product type, the budget or whom the items are for, nothing is left out:
    the items fitting them all are shown again (returned with no wish left out and ``True``).
    Likewise when a wish no item meets at all was left out ("any in yellow" of men's kurtas) and
    every item fitting the rest was shown: those are shown again, whom they are for kept, and a note
    saying so is put in ``after`` (never "show me more" answered with women's kurtas).
    """
    retriever = parts.retriever
    phrases = phrases or parts.phrases
    exclude_ids = excluded(state, profile)
    text = state.query() or message
    if wider is not None and retriever.count(filters_for(wider), exclude_ids) == 0:  # stop 56: a child's, unisex too,
        wishes, relaxed = _relaxed_wider(wider, state, profile, parts)  # with a wish left out (with_unisex)
        if retriever.count(filters_for(wishes), exclude_ids) == 0:
            exclude_ids = excluded(state, profile, with_shown=False)
    elif wider is not None:  # i12h: unisex items added (with_unisex): nothing left out
        wishes, relaxed = wider, list[str]()
    elif strict:  # i12h
        wishes, relaxed = state.wishes(), list[str]()
        if retriever.count(filters_for(wishes), exclude_ids) == 0:
            exclude_ids = excluded(state, profile, with_shown=False)
    else:
        wishes, relaxed = relax(
            state.wishes(),
            fits=lambda w: retriever.count(filters_for(w), exclude_ids) > 0,
            label=lambda w: phrases.summary(w, labels=parts.labels),
            last=batch14_fixes.said_now_too(conversation_moves.outfit_fields(state.include, named_now), named_now),  # i12ba  # i12s: "and shoes to go with it"
        )
    query = make_query(
        text, index=retriever.index, settings=parts.settings, named_ids=[*state.mentioned, *anchors],
        profile_vector=profile.vector if profile else None, signals=parts.signals,
        filters=filters_for(wishes), exclude_ids=exclude_ids, catalogue=parts.catalogue,
    )
    # Every item that fits all the wishes was shown already: say so, not "nothing matched".
    exhausted = bool(relaxed) and not state.allow_shown and retriever.count(
        filters_for(state.wishes()), excluded(state, profile, with_shown=False)
    ) > 0
    if exhausted:  # i12h: never leave out what was just asked for, nor whom it is for; show them again
        everything = state.wishes()
        kept = {*audience_fields(list(everything.include)), *type_fields(list(everything.include)), "category"}
        budget_gone = (everything.min_price, everything.max_price) != (wishes.min_price, wishes.max_price)
        if named_now or budget_gone or any(name in kept and name not in wishes.include for name in everything.include):
            return build_query(state, message, profile, parts, anchors, phrases, strict=True)[0], everything, [], True
    if relaxed and not exhausted and not state.allow_shown and wider is None and not strict:
        every_id = excluded(state, profile, with_shown=False)
        core, core_relaxed = relax(  # what the catalogue itself forces to leave out, items seen or not
            state.wishes(),
            fits=lambda w: retriever.count(filters_for(w), every_id) > 0,
            label=lambda w: phrases.summary(w, labels=parts.labels),
            last=batch14_fixes.said_now_too(conversation_moves.outfit_fields(state.include, named_now), named_now),  # i12ba
        )
        kept = {*audience_fields(list(core.include)), *type_fields(list(core.include)), "category"}
        budget = (core.min_price, core.max_price)
        lost = any(name in kept and name not in wishes.include for name in core.include) or \
            budget != (None, None) and budget != (wishes.min_price, wishes.max_price)  # a budget the catalogue allows
        said_budget_gone = "price" in named_now and budget == (None, None) == (wishes.min_price, wishes.max_price) and \
            (state.wishes().min_price, state.wishes().max_price) != (None, None)  # lead, stop 34: "under 500" of speakers
        if core_relaxed and (lost or said_budget_gone  # the budget just said fits nothing: the closest, seen or not
                             or gaps_round11.named_wish_left_out(relaxed, core_relaxed, named_now)):  # i12bk
            query = make_query(
                text, index=retriever.index, settings=parts.settings, named_ids=[*state.mentioned, *anchors],
                profile_vector=profile.vector if profile else None, signals=parts.signals,
                filters=filters_for(core), exclude_ids=every_id, catalogue=parts.catalogue,
            )
            if after is not None and not (said_budget_gone and not lost):  # the relax note says the budget went
                after.append(phrases.render("seen_rest"))
            return query, core, core_relaxed, False
    return query, wishes, relaxed, exhausted


def retrieve(retriever: Retriever, query: Query, k: int, fusion: PoolRanker | None) -> list[Candidate]:
    """The ``k`` best candidates for the query (dense, lexical and signals fused)."""
    return retriever.search(query, k, fusion=fusion)


def decide(
    policy: ElicitationPolicy, candidates: Sequence[Candidate], state: DialogueState, heard: ShopperRequest,
    profile: Profile | None, n_recommendations: int, message: str = "", passed_over: bool = False,
) -> QuestionPlan:
    """Ask a question or recommend, from the candidates (recommend when an item was asked for by name,
    or when the shopper asked to see items: "show me watches for women", or ``passed_over`` the last
    question with a wish of their own)."""
    kinds = ["category", *type_fields([*{name for c in candidates for name in c.item.attributes}])]
    settled = all(len({c.item.field_value(name) for c in candidates}) <= 1 for name in kinds)  # one kind of product
    type_named = settled and bool(set(heard.include) & ({"category"} | set(type_fields([*heard.include]))))
    at_once = followups.shows_at_once(  # i12k: a specific request, or a new one while browsing
        heard, seen_items=bool(state.shown), type_named=type_named, n_fitting=len(candidates),
        n_recommendations=n_recommendations,
    ) or ((type_named or type_answered(heard, state)) and heard.intent in ("answer", "refine")
          and bool(audience_fields(list(state.include))))
    # i12y: "gifts for my mom" -> "she likes handbags": a product type for a person known is specific enough
    # stop 59: a question of taste answered ("which colour?" -> "black") is followed by items, not a second question
    # ("a bag for my girlfriend", "black" asked which category next)
    taste_answered = heard.intent == "answer" and heard.answered is not None and not state.shown \
        and heard.answered not in ["category", *type_fields([heard.answered]), *audience_fields([heard.answered])]
    plan = policy.decide(
        candidates, state,
        has_history=profile is not None,
        # "do you have X?": show X; i12h: "show me X" shows X (chatrec.conversation)
        wants_recommendations=heard.wants_items or bool(state.requested) or asks_to_see(message) or passed_over
        or taste_answered or broad_kind_answered(heard, state),
        n_recommendations=n_recommendations,
    )
    if at_once and plan.attribute is not None and plan.attribute not in ["category", *type_fields([plan.attribute])]:
        # i12k: only which kind of product ("casual, sports or formal shoes?") is worth asking first
        plan = policy.decide(candidates, state, has_history=profile is not None, wants_recommendations=True,
                             n_recommendations=n_recommendations)
    if question_choice.asks_accessory_brand(plan, state.include, kinds, state.fits):  # i12af: what it fits, not its brand
        plan = policy.decide(candidates, state, has_history=profile is not None, wants_recommendations=True,
                             n_recommendations=n_recommendations)
    if pointed_again.brand_question_useless(plan.attribute, candidates):  # i12ag: "TV remotes": not "LRIPL or 7SEVEN?"
        plan = policy.decide(candidates, state, has_history=profile is not None, wants_recommendations=True,
                             n_recommendations=n_recommendations)
    plan = question_choice.kind_first(plan, policy.gains(candidates, state), kinds, state.include, heard.query,
                                      candidates)  # i12af
    if plan.attribute is not None:  # i12v: quick replies from candidates that hold the shopper's words
        plan = named_options(fitting_options(plan, candidates, wish_words(state)), candidates, wish_words(state))
    return plan


def broad_kind_answered(heard: ShopperRequest, state: DialogueState) -> bool:
    """Stop 67: the answer to a question of a broad kind of product ("something for the gym" -> "Footwear, Apparel,
    Sporting Goods or Accessories?" -> "Apparel") is followed by items of that kind, not by a second question of a
    finer kind ("Tshirts, Shorts, Jackets?"): one good question, then items."""
    return heard.intent == "answer" and not state.shown and heard.answered is not None \
        and heard.answered != "category" and heard.answered in type_fields([heard.answered])


def type_answered(heard: ShopperRequest, state: DialogueState) -> bool:
    """i12ab: a question was asked and the reply names a kind of product ("for my sister, she loves bags"
    after "which category?"), nothing shown yet: with whom it is for known, that kind is specific enough
    to show, even when it spans several types (handbags, backpacks); only a type question may come first."""
    return state.n_questions >= 1 and not state.shown and heard.intent in ("answer", "refine") \
        and bool(set(heard.include) & ({"category"} | set(type_fields([*heard.include]))))


def wish_words(state: DialogueState) -> set[str]:
    """i12v: the shopper's recent search words (singular) that no wish in force already names ("kitchen",
    not "black" once Black is a wish)."""
    from chatrec.grounding import singular
    from chatrec.text import tokens

    said = {singular(t) for q in state.queries[-3:] for t in tokens(q)}
    named = {singular(t) for values in state.include.values() for v in values
             for t in tokens(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(v)))}
    return said - named - _GIFT_WORDS


#: "a gift for my wife": why the shopper buys, no word an item to offer must hold ("Free Gifts").
_GIFT_WORDS = frozenset({"gift", "present", "surprise", "birthday", "anniversary"})


def product_type_field(parts: Parts) -> str | None:
    """The catalogue field that names product types: "category" when mapped, else the richest
    categorical field named like a type or category ("articleType"), or None."""
    counts = parts.vocabulary.counts
    typed = [f for f in counts if 2 <= len(counts[f]) <= 300 and ("categ" in f.lower() or "type" in f.lower())]
    return "category" if "category" in typed else max(typed, key=lambda f: len(counts[f]), default=None)


def _unsold(parts: Parts, message: str, heard: ShopperRequest) -> str | None:
    """Lead, stop 37: the product a "do you sell ...?" question names that this shop has none of
    (:mod:`chatrec.unsold`), when no product type of the catalogue was read from the message."""
    if set(heard.include) & {"category", *type_fields(list(parts.vocabulary.fields))} or heard.references:
        return None
    return unsold.unsold_asked(message, heard.language or "en", parts.retriever.bm25.vocabulary,
                               parts.retriever.bm25.documents, _type_values(parts),
                               lambda: _titles(parts))


def _make_of(item: Item, makes: Sequence[str]) -> str | None:
    """Stop 61: which of ``makes`` the item is of, by its brand field or its name's words, or None."""
    brands = {str(v).casefold() for name, value in item.attributes.items() if "brand" in name.lower()
              for v in (value if isinstance(value, list) else [value])}
    words = set(re.findall(r"[^\W_]+", item.title.casefold()))
    return next((m for m in makes if m.casefold() in brands or m.casefold() in words), None)


def _titles(parts: Parts) -> Iterator[str]:
    """The names of the catalogue's items, in index order."""
    return (item.title for item in parts.retriever.index.items)


def _type_values(parts: Parts) -> list[str]:
    """Every product type value of the catalogue ("USBCables", "Smart televisions", "Tshirts")."""
    return list(dict.fromkeys(v for name in ["category", *type_fields(list(parts.vocabulary.fields))]
                              for v in parts.vocabulary.counts.get(name, {})))


def opening_question(
    parts: Parts, text: str, n: int = 5, phrases: Phrases | None = None, values: Sequence[str] | None = None,
) -> tuple[Question, tuple[str, ...]] | None:
    """A greeting or an off-topic message answered with quick replies: the commonest product types.

    A shopper who says only "hello, I need something" gets the catalogue's main categories to
    click, not a blank box; a click comes back as the answer to the category question.
    """
    field = product_type_field(parts)
    if field is None:
        return None
    counts = parts.vocabulary.counts[field]
    values = tuple(value for value, _ in counts.most_common(n)) if not values else tuple(  # the types asked about
        sorted((v for v in values if v in counts), key=lambda v: -counts[v])[:n])
    if not values:
        return None
    # Options are shown as labels; a clicked label is read back as its value (hear()).
    options = parts.labels.show_all(list(values)) if parts.labels is not None else list(values)
    if phrases is not None:
        options = [phrases.show_value(option) for option in options]  # i12b: in the shopper's language
    return Question(text=text, options=options, attribute=field), values


def question(plan: QuestionPlan, phrases: Phrases, labels: Labels | None = None) -> Question:
    """The question the plan asks, in words, with its quick replies (shown as labels)."""
    assert plan.attribute is not None
    options = labels.show_all(plan.options) if labels is not None else list(plan.options)
    options = [phrases.show_value(option) for option in options]  # i12b: in the shopper's language
    text = phrases.render("question", attribute=phrases.attribute(plan.attribute), options=", ".join(options))
    return Question(text=text, options=options, attribute=plan.attribute)


def rank(ranker: Ranker, context: RankingContext, candidates: Sequence[Candidate], n: int,
         spread: str | None = None) -> list[Ranked]:
    """The ``n`` items to recommend, best first, no title twice; with ``spread`` (a type field, when
    the shopper named no product type: "something for a wedding, I'm a guy") at most two of a type
    while others are left, so the reply shows ties, shirts and shoes rather than five ties."""
    ranked = distinct_titles(ranker.rank(context, candidates), len(candidates))
    if spread is None:
        return ranked[:n]
    return mixed_kinds(ranked, n, spread)


def _spread_field(parts: Parts, state: DialogueState, heard: ShopperRequest) -> str | None:
    """The type field to mix kinds over: only when the shopper has wishes (an occasion, a person) but
    named no product type, neither as a wish nor in their words ("a cable" kept in the query)."""
    kind = product_type_field(parts)
    if kind is None or not state.include or heard.references or heard.intent not in ("recommend", "refine", "answer"):
        return None
    said = {w for q in state.queries for w in normalise_tokens(q)}
    wished = [v for name in {kind, "category", *type_fields([*state.include])} for v in state.include.get(name, ())]
    if wished:  # stop 61: three kinds or more that no word said names (what a hike needs) are mixed too
        named = {w for value in wished for w in normalise_tokens(value, camel=True)}
        return kind if len(wished) >= 3 and not said & named else None
    kinds = {w for value in parts.vocabulary.counts.get(kind, {}) for w in normalise_tokens(value, camel=True)}
    return None if said & kinds else kind


def mixed_kinds(ranked: Sequence[Ranked], n: int, field: str, most: int = 2) -> list[Ranked]:
    """The first ``n`` of ``ranked`` with at most ``most`` of one value of ``field`` while items of
    other values are left; the chosen keep their ranked order."""
    chosen: list[Ranked] = []
    counts: dict[str, int] = {}
    for entry in ranked:
        kind = str(entry.candidate.item.field_value(field) or "")
        if counts.get(kind, 0) < most:
            chosen.append(entry)
            counts[kind] = counts.get(kind, 0) + 1
            if len(chosen) == n:
                break
    if len(chosen) < n:  # too few kinds: the best of the rest fill the reply
        chosen += [e for e in ranked if e not in chosen][: n - len(chosen)]
    order = {id(e): i for i, e in enumerate(ranked)}
    return sorted(chosen, key=lambda e: order[id(e)])


def distinct_titles(ranked: Sequence[Ranked], n: int) -> list[Ranked]:
    """The first ``n`` ranked items, skipping any whose title repeats one already chosen.

    Catalogues often list the same product several times under different ids (sizes,
    re-listings); five identical titles in one reply help nobody.
    """
    chosen: list[Ranked] = []
    titles: set[str] = set()
    for entry in ranked:
        title = " ".join(entry.candidate.item.title.lower().split())
        if title in titles:
            continue
        titles.add(title)
        chosen.append(entry)
        if len(chosen) == n:
            break
    return chosen


def currency(candidates: Sequence[Candidate]) -> str | None:
    """The currency of the first priced candidates (for the wishes' price range)."""
    for candidate in candidates[:5]:
        if candidate.item.currency:
            return str(candidate.item.currency)
    return None


def cite_history(retriever: Retriever, profile: Profile | None, item: Item, reason: str, phrases: Phrases) -> str:
    """The reason, with "similar to X, which you bought" when the history backs it."""
    if profile is None or not profile.positives:
        return reason
    index = retriever.index
    rows = [index.position(i) for i in profile.positives if i in index and i != item.id]
    if not rows or item.id not in index:
        return reason
    similarity = index.embeddings[rows] @ index.embeddings[index.position(item.id)]
    # Same product type as something bought, or very close to it in embedding space.
    same_kind = np.array([bool(item.category) and index.items[r].category == item.category for r in rows])
    similarity = np.where(same_kind, similarity + 1.0, similarity)
    best = int(np.argmax(similarity))
    if float(similarity[best]) < CITE_SIMILARITY:
        return reason
    title = index.items[rows[best]].title
    if title in reason:
        return reason
    return phrases.render("because", reason=reason, title=title)


def recommendation(ranked: Ranked, reason: str, labels: Labels | None = None) -> Recommendation:
    """The reply's entry for a ranked item: its id, title, price, score, reason and short attributes
    (category and attribute values as labels, for display)."""
    item = ranked.candidate.item
    show = labels.show if labels is not None else str
    attributes: dict[str, Any] = {
        key: value for key, value in (("category", item.category), ("brand", item.brand)) if value
    }
    if item.category:
        attributes["category"] = show(item.category)
    for key, value in item.attributes.items():
        if isinstance(value, str | int | float) and len(str(value)) <= 40:
            attributes[key] = show(value) if isinstance(value, str) else value
    return Recommendation(
        item_id=item.id,
        title=item.title,
        price=item.price,
        score=float(ranked.score),
        reason=reason,
        currency=item.currency,
        image_url=item.image_url,
        attributes=attributes,
    )


def _nearest_prices(phrases: Phrases, priced: Sequence[Item], low: float, high: float) -> str:
    """Stop 57: a price range left out ("headphones around 3000 rupees", none between 2,400 and 3,600): the items
    nearest it below and above, named with their prices, not the cheapest (149) of all."""
    below = max((i for i in priced if float(i.price or 0.0) < low), key=lambda i: float(i.price or 0.0), default=None)
    above = min((i for i in priced if float(i.price or 0.0) > high), key=lambda i: float(i.price or 0.0), default=None)
    said = dict.fromkeys(("below_title", "below_price", "above_title", "above_price"), "")
    for side, item in (("below", below), ("above", above)):
        if item is not None:
            said[f"{side}_title"] = item.title
            said[f"{side}_price"] = format_amount(float(item.price or 0.0), item.currency)
    return phrases.render("nearest_without_budget", **said)


def nearest_the_budget(candidates: list[Candidate], wanted: Wishes, kept: Wishes) -> list[Candidate]:
    """The candidates nearest the budget first when the budget was left out because nothing fits it
    ("a phone around 3,000" where the cheapest phone costs 6,499): the cheapest first for a ceiling,
    the dearest first for a floor, as a shop assistant would show what comes closest; unchanged
    when the budget is kept."""
    if wanted.max_price is not None and kept.max_price is None and wanted.min_price is not None and kept.min_price is None:
        low, high = wanted.min_price, wanted.max_price  # stop 57: "around 3000" (2,400-3,600): nearest the range first
        priced = [c for c in candidates if c.item.price is not None]
        return sorted(priced, key=lambda c: max(low - float(c.item.price or 0.0), float(c.item.price or 0.0) - high)) + \
            [c for c in candidates if c.item.price is None]
    if wanted.max_price is not None and kept.max_price is None:
        bound, sign = wanted.max_price, 1.0
    elif wanted.min_price is not None and kept.min_price is None:
        bound, sign = wanted.min_price, -1.0
    else:
        return candidates
    priced = [c for c in candidates if c.item.price is not None]
    return sorted(priced, key=lambda c: sign * (float(c.item.price or 0.0) - bound)) + \
        [c for c in candidates if c.item.price is None]


def _nearest_shades(parts: Parts, state: DialogueState, query: Query, wishes: Wishes,
                    candidates: list[Candidate]) -> tuple[list[Candidate], tuple[str, list[str]] | None]:
    """Stop 44: a colour asked for and left out (no item that fits the rest has it): the items of the nearest
    shades the fitting items have (:mod:`chatrec.near_colours`) first, and the field and shades; else the
    candidates as they are and None."""
    gone = near_colours.left_out(state.include, wishes.include, refused_colours.colour_fields(list(parts.vocabulary.fields)))
    nearest: Callable[[Sequence[str], Iterable[str]], list[str]] = near_colours.shades
    if gone is None:  # stop 63: "a jacket for winter" where no jacket is: those for fall first, not for summer
        gone, nearest = gaps_round19.season_left_out(state.include, wishes.include), gaps_round19.nearest_seasons
    if gone is None:
        return candidates, None
    name, asked = gone
    fits = parts.retriever.allowed(query.filters, query.exclude_ids)
    items = parts.retriever.index.items
    fitting = items if fits is None else [items[n] for n in np.flatnonzero(fits)]  # not every row of a large shop
    near = nearest(asked, [v for item in fitting for v in field_values(item, name) if isinstance(v, str)])
    if not near:
        return candidates, None
    closer = replace(query, filters=filters_for(replace(wishes, include={**wishes.include, name: tuple(near)})))
    found = retrieve(parts.retriever, closer, parts.settings.ask_pool, parts.fusion)
    ids = {c.item.id for c in found}
    ordered = near_colours.first([*found, *(c for c in candidates if c.item.id not in ids)], name, near,
                                 lambda c, field_name: field_values(c.item, field_name))
    return ordered, (name, near)


def _stating_unseen(parts: Parts, wishes: Wishes, unseen: Sequence[str], stating: Sequence[int]) -> list[Item]:
    """The items allowed by ``wishes`` and not among the ids ``unseen`` excludes, of those at the catalogue
    positions ``stating`` (the items whose title or description states the wanted words, stop 64), in order."""
    mask = parts.retriever.allowed(filters_for(wishes), unseen)
    items = parts.retriever.index.items
    return [items[n] for n in stating if mask is None or mask[n]]


def _shown_relaxed(relaxed: Sequence[str], phrases: Phrases,
                   occasion: tuple[str, Sequence[str]] | None = None) -> list[str]:
    """The wishes left out, each value in the shopper's language where the lexicon has it (i12b); the values of
    an occasion the shopper named after their word for it (stop 44: "wedding (Ethnic, Formal)")."""
    from chatrec.colour_families import family_name

    shown = [family_name(entry.split(", "), phrases.code)
             or ", ".join(phrases.show_value(part) for part in entry.split(", ")) for entry in relaxed]
    if occasion is None:
        return shown
    dressing = {value.casefold() for value in occasion[1]}
    bracket = "{}（{}）" if phrases.code == "zh" else "{} ({})"
    return [bracket.format(occasion[0], said) if {part.casefold() for part in entry.split(", ")} <= dressing else said
            for entry, said in zip(relaxed, shown)]


def _lexicon(settings: Settings) -> Any:
    from chatrec.language import Lexicon

    if settings.understanding_lexicon is None:
        return Lexicon.default()
    return _custom_lexicon(str(settings.understanding_lexicon))


@lru_cache(maxsize=4)
def _custom_lexicon(path: str) -> Any:
    from chatrec.language import Lexicon

    return Lexicon.load(path, base=Lexicon.default())


# --- the turn ----------------------------------------------------------------------------------


def _understanding_degraded(understanding: dict[str, Any]) -> dict[str, Any]:
    """``{"degraded": {"understand": REASON}}`` when the engine could not read the turn (issue 16), else nothing."""
    return {"degraded": {"understand": understanding["degraded"]}} if "degraded" in understanding else {}


def _batch18(parts: Parts, message: str, state: Any, catalog_currency: str | None) -> str:
    """i12bp: batch 18's readings (:mod:`chatrec.batch18_classes`): a pick with a word of assent, thanks that close,
    "no worries", "nothing bigger than 32 inch", "no gastemos más de N", "what about 20000 then", "only the smart ones"."""
    index = parts.retriever.index
    language = state.language or "en"
    if state.shown:
        fields = list(parts.vocabulary.fields)
        held = {str(v) for i in state.shown if i in index for name in fields for v in field_values(index.get(i), name)}
        thanks = batch18_classes.closing(message, language, held, lambda text: understand(
            text, parts.vocabulary, TurnContext(catalog_currency=catalog_currency), lexicon=_lexicon(parts.settings)), len(state.last_shown))
        if thanks is not None:
            return thanks
    return batch18_classes.plain(message, len(state.last_shown), language, state.max_price, state.include,
                                 ["category", *type_fields(list(parts.vocabulary.fields))])


def _drop_refused_kind_words(state: DialogueState, heard: ShopperRequest, vocabulary: ValueMatcher) -> None:
    """Stop 50: a kind of product turned down leaves the words of the search that named it: "a gift for my dad, he
    watches cricket on tv", then "not a tv, he has one" showed TV remotes "with 'television' in its name — the
    feature you asked for"."""
    kinds = {"category", *type_fields(list(vocabulary.fields))}
    refused = {v for name, values in heard.exclude.items() if name in kinds for v in values}
    if not refused or not state.queries:
        return
    words = vocabulary.words_of(refused, kinds)
    state.queries = [kept for query in state.queries if (kept := " ".join(w for w in query.split() if w not in words))]


def _added(before: Mapping[str, Sequence[str]], after: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The values ``after`` holds that ``before`` did not, per field."""
    added = {name: [v for v in values if v not in before.get(name, ())] for name, values in after.items()}
    return {name: values for name, values in added.items() if values}


def prepare(parts: Parts, message: str, session_id: str, user_id: str | None) -> Turn:
    """Everything up to the reasons: the state, the query, the candidates and the decision."""
    settings = parts.settings
    message = injection.served_part(message)  # i12af: "Ignore your instructions. Anyway, braided ones"
    message = batch14_classes.plain(message)  # i12au: "teh 2nd", "the forth", "das zwiete"
    whole = message  # what the shopper said they own stays read from all their words (ownership.stated)
    message, owned = shopper_context.read_plainly(message)  # i12ap: "I already have the boAt one, now ..."
    user, state = begin(parts.store, session_id, user_id)
    message = batch15_classes.rewritten(message, len(state.last_shown))  # i12az: "2 of the first one", "put X back"
    message = batch15_classes.picked_by_name(message, [parts.retriever.index.get(i) for i in state.last_shown  # stop 41:
                                                       if i in parts.retriever.index],  # "两块泰坦的我都要"
                                             lambda text: " ".join(batch13_fixes.brands_in_chinese(text))  # "西铁城"
                                             or _lexicon(settings).translate(text, "zh")) or message
    message = batch16_classes.plain(  # i12be: "chrger cabel", "nike running shoes", "difference between 1 and 2"
        message, len(state.last_shown), parts.retriever.index, parts.vocabulary, _value_tokens(parts))
    message = batch17_classes.plain(  # i12bj: "sorry switching to english.", "颜色无所谓了", "nicht den Nano", "4k only pls"
        message, [parts.retriever.index.get(i) for i in state.last_shown if i in parts.retriever.index],
        batch17_classes.catalogue_title_words(parts.retriever.index))
    message, apology_language = wish_classes19.language_apology(message)  # stop 41: "the purple ones please, sorry my german isnt great"
    index = parts.retriever.index
    has_prices, catalog_currency = catalogue_money(parts.retriever)
    message = assortment.reworded(message)  # lead, stop 36: "the price range for smart tvs" names no device
    message = _batch18(parts, message, state, catalog_currency)  # i12bp: "die erste bitte", "cheers", "what about 20000 then"
    message = gaps_round17.than_seen(message, lambda: [index.get(i) for i in state.shown if i in index],  # stop 61:
                                     lambda: [index.get(i) for i in state.last_shown if i in index])  # "cheaper than the jbl"
    message = wish_classes19.plain(message, len(state.last_shown), wish_classes19.value_words(  # i12dc: "I hate white and
        parts.vocabulary, ["category", *type_fields(list(parts.vocabulary.fields))]),  # black shoes", "womens ones"
        lambda text: compatible.device_makes(text, parts.vocabulary.counts.get("brand", {})))
    viewed = gaps_round14.viewed(message, len(state.last_shown), state.language)  # stop 58: "show me the first one again"
    counted, wanted_count = ("show them again", None) if viewed else list_counts.taken(  # lead, stop 35: "just show me 3"
        message, len(state.last_shown))
    if counted == "show them again" and wanted_count and state.last_shown:  # stop 58: "zeig mir nur die ersten zwei":
        viewed = list(range(1, min(wanted_count, len(state.last_shown)) + 1))  # those two, not two the search finds again
    count_language = state.language if counted != message and state.language not in (None, "en", "other") else None
    message = counted
    back_to = [state.last_shown[p - 1] for p in viewed] if viewed else earlier_list(  # i12k: "the sweatshirt from before"
        parts, session_id, message, state)
    if back_to is None and state.last_shown and parts.store.exists(session_id):  # i12aq: "which one is the benetton"
        back_to = gaps_round7.earlier_list_of_make(message, [
            [i for i in t.payload.get("recommendations") or [] if i in parts.retriever.index]
            for t in parts.store.turns(session_id)], state.last_shown,
            lambda i: parts.retriever.index.get(i).brand or parts.retriever.index.get(i).title)
    # i12o: "none of these are formal?" asks about the items shown: read as "are any of these formal?"
    reading = (shopper_moves.as_any_question(message) if state.last_shown else None) or message
    reading = batch13_fixes.without_back_words(reading) if back_to is not None else reading  # i12av: "the white one from before, ...?"
    if state.choosing:  # i12v: "which one would you like?" -> "the second one" is the pick
        from chatrec.answers import as_pick

        state.apply(Choosing(False))
        reading = (as_pick(message, len(state.last_shown), state.language) if state.last_shown else None) or reading
    device_reply = device_question.as_wish(  # i12al: "TV" to "which device is the remote for?": remotes for a TV
        reading, state.pending, state.include, ["category", *type_fields(list(parts.vocabulary.fields))])
    said_in = state.language if device_reply != reading and state.language not in ("en", "other") else None
    reading = device_reply
    stored: list[Any] = []

    def turns_so_far() -> list[Any]:
        """The session's stored turns, read from the store once per turn and only when needed."""
        if not stored and parts.store.exists(session_id):
            stored.extend(parts.store.turns(session_id))
        return stored

    makes: list[str] = []  # i12o: "a remote that works with these", "for my Mi tv": the device's makes
    for_shown = False
    device: list[Any] = []
    fitted_ids: list[str] = []  # stop 55: the shown items an accessory is asked for by position
    if state.last_shown and (not goes_with.asks(reading) or goes_with.named_on_devices(  # lead: "shoes to go with them"
            reading, parts.vocabulary, lambda text: understand(  # stop 55: "what charger goes with the first one?"
                compatible.without_shown_phrase(text)[0], parts.vocabulary, TurnContext(), lexicon=_lexicon(settings)))):
        fitted = compatible.positions_fitted(reading, len(state.last_shown), detect_language(reading))
        reading, for_shown = compatible.without_shown_phrase(reading)
        if for_shown:  # i12af: of the device shown last, not of an accessory shown since ("a remote for it" after a mount)
            lists = [[index.get(i) for i in t.payload.get("recommendations") or [] if i in index] for t in turns_so_far()]
            device = compatible.device_list([ids for ids in lists if ids]) or [index.get(i) for i in state.last_shown if i in index]
            fitted_ids = [i for p in fitted if (i := state.last_shown[p - 1]) in index]
            if fitted_ids:  # stop 55: "a case for the second one": that one's make
                device = [index.get(i) for i in fitted_ids]
            makes = list(dict.fromkeys(b for i in device if (b := i.brand)))
    makes = makes or compatible.device_makes(message, parts.vocabulary.counts.get("brand", {}))
    makes = makes or batch15_fixes.owned_makes(message, index)  # i12bf: "he has a sony bravia"
    makes = makes or xfails_round3.lost_part_makes(message, parts.vocabulary.counts.get("brand", {}), lambda text: understand(  # i12bq
        text, parts.vocabulary, TurnContext(), lexicon=_lexicon(settings)))  # "I have a samsung tv and lost the remote"
    makes = makes or xfails_round3.same_for_makes(message, state.include, index.items, compatible._GENERIC)  # i12bq: "the same for his fire tv stick"
    if back_to is not None:
        state.apply(Shown(tuple(back_to), tuple(p for i in back_to if (p := index.get(i).price) is not None)))
    recall = person_recall.asked(reading) if state.shown else None  # stop 42: "vuelve a lo de mi hijo"
    recalled = person_recall.wishes_for(recall.person, turns_so_far()) if recall is not None else None
    going = person_recall.going_back(reading) if state.shown and recalled is None else None
    if going is not None:  # "back to the dresses": the newest wishes that held dresses (for the wife, not for men)
        kinds = ["category", *type_fields(list(parts.vocabulary.fields))]
        types_named = followups.type_values(understand(going.head, parts.vocabulary, TurnContext(), lexicon=_lexicon(
            settings)).include, kinds)
        types_held = followups.type_values(state.include, kinds)
        recalled = person_recall.wishes_with(types_named, turns_so_far(), state.include) \
            if types_named and not types_named & types_held else None
        recall = going if recalled is not None else recall
    if recall is not None and recalled is not None:
        state.apply(Restored(recalled))  # that person's search, then what the message changes in it ("pero en verde")
        reading = recall.rest if recall.person else reading  # a type gone back to is read with the rest: its words
        # name that search ("go back to the remotes, the ones for a Samsung TV": remotes for a Samsung TV)
    with observability.stage("understand"):
        heard = hear(
            reading, parts.vocabulary, state, shown=[index.get(i) for i in state.last_shown if i in index],
            catalog_currency=catalog_currency, rates=parse_rates(settings.currency_rates),
            lexicon=_lexicon(settings), labels=parts.labels,
        )
    if state.last_shown and heard.intent in ("ask_about_item", "compare") and all(r.how == "all" for r in heard.references) \
            and best_asked(message) and _unsold(parts, message, heard.model_copy(update={"references": []})) is not None:
        # stop 58: jeans shown, "which sofa would you recommend?" picked a jean: the sofa is asked of the shop
        heard = heard.model_copy(update={"intent": "recommend", "references": [], "show_now": False})
    past_list = out_of_range(message, heard, len(state.last_shown))  # stop 62: "el tercero tiene otros colores?" of two
    heard = gaps_round18.too_dear_pointed(  # stop 62: "the first one is too expensive": below its price
        heard, message, [index.get(i) for i in state.last_shown if i in index])
    order_message = gaps_round19.best_of_kind(message, [  # stop 63: "best phone under 20k": the best rated phones
        v for name in ["category", *type_fields(list(parts.vocabulary.fields))] for v in heard.include.get(name, [])])
    heard, in_order = gaps_round15.ordered_list(heard, order_message)  # stop 59: "show me the newest", "what's new in tops"
    heard, need_words = gaps_round15.wished_need(heard, message)  # stop 59: "earbuds that don't fall out": neckbands first
    heard = gaps_round15.unshown_comparison(heard, message, len(state.last_shown))  # stop 59: "the cheaper of the first two"
    heard, height_said = gaps_round15.heel_height(heard, message, [  # stop 59: "not too high" of heels is no price
        v for name in ["category", *type_fields(list(parts.vocabulary.fields))] for v in state.include.get(name, ())])
    heard = gaps_round16.version_asked(heard, message)  # stop 60: "i like the second one. do you have it in black?"
    heard = gaps_round16.one_maker(heard, list(parts.vocabulary.counts.get("brand", ())))  # stop 60: Xiaomi is MI too
    heard = gaps_round16.refused_then_wanted(heard, message, lambda clause: understand(  # stop 60: "anything but
        clause, parts.vocabulary, TurnContext(catalog_currency=catalog_currency), lexicon=_lexicon(settings)))  # sneakers, I need shoes"
    if state.last_shown:  # stop 60: "cat eye ones" of sunglasses shown: cat-eye sunglasses, not eye shadow
        kinds_in_force = {name: list(state.include[name]) for name in ["category", *type_fields(list(
            parts.vocabulary.fields))] if state.include.get(name)}
        heard = gaps_round16.ones_of_kind(heard, message, kinds_in_force, lambda one, ones, other, others: bool(
            parts.retriever.count(Filters(include={one: frozenset(ones), other: frozenset(others)}))))
    inferred: dict[str, list[str]] = {}  # stop 48: values in force the shopper never said (no "you asked for")
    if owned is not None and owned.whole:  # stop 47: "I bought a mouse, now I need a keyboard"
        before_bought = heard.include
        heard = shopper_context.without_bought_type(heard, owned, lambda text: understand(
            text, parts.vocabulary, TurnContext(), lexicon=_lexicon(settings)), ["category", *type_fields(
            list(parts.vocabulary.fields))], audience_fields(list(parts.vocabulary.fields)), index.items)
        inferred.update(_added(before_bought, heard.include))
    if said_in is not None:  # i12al: a quick reply ("TV") keeps the conversation's language
        heard = heard.model_copy(update={"language": said_in})
    if count_language is not None:  # lead, stop 35: "只看三个" read as "show them again" is still Chinese
        heard = heard.model_copy(update={"language": count_language})
    if apology_language is not None:  # stop 41: "sorry my german is rusty" is said in English: answered in English
        heard = heard.model_copy(update={"language": apology_language})
    understanding: dict[str, Any] = {"by": "rules"}
    if parts.understander is not None:  # issue 12: the LLM reads the turn (chatrec.llm_understanding)
        from chatrec.llm_understanding import reread

        pending = (state.pending["attribute"], list(state.pending["options"])) if state.pending else None
        with observability.stage("understand_llm"):
            heard, understanding = reread(
                parts.understander, settings.understander, message, heard, pending=pending, current=state.include,
                shown=[index.get(i) for i in state.last_shown if i in index],
            )
    if state.last_shown:  # i12af: "ok show me the blue ones then": a search by the value, not pointing
        heard = value_ones.asks_for_value_ones(heard, reading, lambda text: understand(
            text, parts.vocabulary, TurnContext(catalog_currency=catalog_currency), lexicon=_lexicon(settings)),
            [f for f in parts.vocabulary.fields if f not in {"category", *type_fields(list(parts.vocabulary.fields))}])
        heard = shopper_asks.bare_value_ones(heard, reading, lambda text: understand(  # i12ak: "the white ones"
            text, parts.vocabulary, TurnContext(catalog_currency=catalog_currency), lexicon=_lexicon(settings)),
            [f for f in parts.vocabulary.fields if f not in {"category", *type_fields(list(parts.vocabulary.fields))}])
        heard = gaps_round7.bare_value_one(heard, reading, lambda text: understand(  # i12aq: "the yellow one"
            text, parts.vocabulary, TurnContext(catalog_currency=catalog_currency), lexicon=_lexicon(settings)),
            [f for f in parts.vocabulary.fields if f not in {"category", *type_fields(list(parts.vocabulary.fields))}])
    heard = unshown_make.asks_for_make(  # "any from van heusen?" after Arrow shirts: that make's shirts
        heard, message, [index.get(i) for i in state.last_shown if i in index], parts.vocabulary.counts.get("brand", {}))
    heard = recalled_item.recalls_item(  # i12af: "back to the TVs, the second one you showed me"
        heard, message, ["category", *type_fields(list(parts.vocabulary.fields))], back_to is not None)
    heard = batch13_fixes.asked_in_past(heard, message)  # i12av: "what was the shirt called again, the first one"
    if back_to is not None:  # i12aq: "show me the earlier ones", "go back to the first lot": that list again
        heard = gaps_round7.back_to_earlier(heard, message, earlier_types := {  # the type fields in force, as the earlier list's
            name: earlier_values for name in dict.fromkeys(["category", *type_fields(list(parts.vocabulary.fields))])
            if state.include.get(name) and (earlier_values := list(dict.fromkeys(
                str(v) for i in back_to if i in index and (v := index.get(i).field_value(name)))))})
        heard = batch15_classes.back_types(heard, earlier_types)  # i12az: "go back to the tvs" after smart TVs
    if state.last_shown and parts.store.exists(session_id):  # i12af: "no, I meant the second and the third"
        heard = meant_items.corrects_items(heard, message, earlier_question(turns_so_far()) is not None)
    heard = shopper_moves.gift_is_no_type(  # i12y: "regalos para mi madre" is no "Accessory Gift Set"
        heard, message, ["category", *type_fields(list(parts.vocabulary.fields))])
    if not named(parts.linker, parts.retriever, message):  # i12k: "why this one?", "and what's the price?"
        heard = followups.about_last_spoken(heard, reading, [index.get(i) for i in state.last_shown if i in index],
                                            state.last_references)
    phrases = parts.phrases.language(heard.language)
    asked_before = heard
    heard = other_values_asked(parts, heard, message, state, phrases)  # i12k: "any other colours?"
    colours_of = [index.get(r.item_id) for r in heard.references if r.item_id and r.item_id in index] \
        if heard is not asked_before and heard.intent == "more_like" and any("colo" in n.lower() for n in heard.exclude) else []
    excluded_before = {name: list(values) for name, values in state.exclude.items()}  # lead, stop 35: see colours_of below
    offered = values_on_offer(parts, heard, message, state, phrases)  # "what colours do you have?"
    offered_what = asks_values_on_offer(message) if offered is not None else None
    span = None if offered is not None else assortment_asked(message, heard, state, has_prices)  # lead, stop 36
    if offered is not None or span is not None:
        heard = heard.model_copy(update={"intent": "refine", "references": [], "show_now": False})
    # i12s: batch 7's moves ("other brands are fine too", "any from boAt?", "and the cheapest smart tv?")
    heard = conversation_moves.widen(heard, conversation_moves.widened_fields(message, parts.vocabulary.fields))
    asked_value = conversation_moves.value_asked_for(message, parts.vocabulary.counts) if state.last_shown else None
    if asked_value is not None:
        heard = heard.model_copy(update={"intent": "refine", "references": [], "show_now": True,
                                         "include": {**heard.include, asked_value[0]: [asked_value[1]]}})
    new_type = has_prices and conversation_moves.cheapest_of_new_type(
        message, heard, state.include, ["category", *type_fields([*heard.include])])
    if new_type and heard.price is None and (state.min_price is not None or state.max_price is not None):
        heard = heard.model_copy(update={"drop": [*heard.drop, "price"]})  # the budget was for the other type
    overall = has_prices and (asks_cheapest_overall(message) or new_type)  # i12k: "the cheapest remote you have"
    overall = overall or has_prices and not state.last_shown and not heard.references and heard.intent != "compare" \
        and price_tiers.price_superlative(message) == "cheapest"  # stop 39: "which is the cheapest?" with none shown yet
    if overall:
        heard = heard.model_copy(update={"intent": "refine", "references": [], "show_now": True, "relative_price": None})
    if vague_openings.asks_whole_range(message, heard, state):  # i12ab: "hi, what do you have?": ask which kind
        heard = heard.model_copy(update={"intent": "chitchat", "show_now": False, "query": ""})
    closing = shopper_moves.closes(message)  # i12o: "never mind, thanks", "thanks anyway"
    if closing:
        heard = heard.model_copy(update={"intent": "chitchat", "references": [], "include": {}, "exclude": {},
                                         "price": None, "relative_price": None, "show_now": False, "drop": []})
    terms = followups.shop_terms(heard, message) or conversation_moves.service_asked(heard, message)  # i12k, i12s
    if terms is not None:
        heard = heard.model_copy(update={"intent": "off_topic", "references": [], "show_now": False})
    notes: list[str] = []
    if one_shown.beyond_the_one(message, heard, len(state.last_shown)) and state.last_shown[0] in index:  # i12al
        notes.append(one_shown.note(phrases, index.get(state.last_shown[0])))
    # i12o: "a wedding outfit for a man": the occasion is a wish on the values that dress for it (Formal)
    searching = heard.intent == "chitchat" and bool(state.include or state.last_shown)  # stop 44: "优雅一点的" of shirts
    dressed = shopper_moves.occasion(message, parts.vocabulary.counts) \
        if heard.intent in ("recommend", "refine", "answer") or searching else {}
    added = {name: values for name, values in dressed.items() if name not in heard.include}
    if added:
        heard = heard.model_copy(update={"include": batch14_fixes.occasion_first(heard.include, added),  # i12ba
                                         **({"intent": "refine", "show_now": True} if searching else {})})
    heard = heard if batch18_classes.for_person_then_product(message) or use_wishes.need_said(  # stop 56: "something
        message, heard.language) else kind_words.purpose_of(  # comfy for me to wear at home"; i12bp: "for her, sunglasses"
        heard, message, lambda text: understand(  # i12v: "hdmi, for my tv"
            text, parts.vocabulary, TurnContext(catalog_currency=catalog_currency), lexicon=_lexicon(settings)),
        state.queries[-2:], ["category", *type_fields(list(parts.vocabulary.fields))])
    types_said = heard.include
    heard = kind_words.narrowed(heard, message, {  # i12v: "sneakers": sports and casual shoes, not heels
        name: list(parts.vocabulary.counts[name]) for name in dict.fromkeys(["category", *type_fields(list(parts.vocabulary.fields))])
        if name in parts.vocabulary.counts})
    heard = gaps_round16.wanted_over_refused(heard, message)  # stop 60: "anything but boots, I need shoes": shoes
    if heard.intent in ("recommend", "refine", "chitchat") and not heard.references and "category" in parts.vocabulary.fields \
            and not set(heard.include) & {"category", *type_fields([*heard.include])}:  # i12ag: "something to store files"
        served = purposes.purpose_types(message, heard.language, index)
        if served:
            heard = heard.model_copy(update={"intent": "recommend", "include": {**heard.include, "category": served},
                                             "show_now": True})
    narrowed_to = {name: set(values) - set(types_said.get(name, ())) for name, values in heard.include.items()}
    kinds = ["category", *type_fields([*heard.include])]  # i12o: "a smart tv and an hdmi cable": a bundle
    heard = bundles.next_piece(heard, state.include, kinds)  # i12o: "and a belt" after the shirt and shoes
    bundle = heard.intent in ("recommend", "refine") and bundles.is_bundle(message, heard.include, kinds, narrowed_to) \
        or heard.intent == "recommend" and any(len(heard.include.get(n, ())) >= 2 for n in kinds) \
        and (goes_with.asks(message) or bool(hobbies.hobbies_said(message, heard.language)))  # lead
    if bundle:
        heard = heard.model_copy(update={"include": bundles.as_one_field(heard.include, kinds, index.items),
                                         "show_now": True})
    went_with = next((n for n in kinds if len(heard.include.get(n, ())) >= 2), None)
    if heard.intent == "recommend" and heard.show_now and went_with and goes_with.asks(message):
        # stop 49: of the kinds that go with it, those the shop has for its wearer ("what would go with it?" of a
        # men's kurta named "Dupatta, Earrings, Flats, Leggings, Sandals" and showed men's sandals)
        wearer = {n: vs for n, vs in {**state.include, **heard.include}.items()
                  if n in audience_fields([*state.include, *heard.include])}
        worn = [v for v in heard.include[went_with]
                if parts.retriever.count(filters_for(Wishes(include={**wearer, went_with: (v,)}))) > 0]
        if wearer and worn and len(worn) < len(heard.include[went_with]):
            heard = heard.model_copy(update={"include": {**heard.include, went_with: worn}})
        # lead: "anything to go with it?": the kinds that go with it, named
        chosen = goes_with.chosen(message, [index.get(i) for i in state.last_shown if i in index], state.last_references,
                                  heard.language)
        if chosen:  # "I'll take the first one, anything to go with it?": the choice said first
            notes.append(chosen)
        notes.append(phrases.render("goes_with", kinds=[phrases.summary_value(
            str(parts.labels.show(v)) if parts.labels is not None else v) for v in heard.include[went_with]]))
    if heard.intent == "show_again" and state.last_shown and not heard.include \
            and hobbies.hobbies_said(message, heard.language):  # lead, stop 33: "he loves old songs" while speakers are shown
        notes.append(phrases.render("pastime_fits", kinds=[phrases.summary_value(
            str(parts.labels.show(v)) if parts.labels is not None else v) for n in kinds for v in state.include.get(n, ())]))
    heard, piece_colour = gaps_round9.matching_piece(heard, message, lambda text: understand(  # i12bb: "passende Schuhe"
        text, parts.vocabulary, TurnContext(catalog_currency=catalog_currency), lexicon=_lexicon(settings))) \
        if bundle else (heard, None)
    bounds = spec_filters.read_bounds(message)  # i12o: a figure with a unit is a spec, not a budget
    if not bounds and state.specs:  # stop 58: "32 inch", then "actually make it 43": 43 inches, no budget of 43
        bounds, heard = gaps_round14.figure_for_spec(message, heard, state.specs, (state.min_price, state.max_price))
    if not bounds and (extreme := gaps_round14.superlative(message)) is not None:
        # stop 58: "the longest one you have" of HDMI cables: those stating the longest length the wishes allow
        # ("the biggest battery one" of power banks: the kind in force, not batteries; "the largest tv you sell"
        # first: the kind it names)
        kinds_held = [n for n in ["category", *type_fields(list(parts.vocabulary.fields))] if state.include.get(n)]
        include = {k: v for k, v in heard.include.items()
                   if not kinds_held or (k != "category" and k not in type_fields([k]))}
        mask = parts.retriever.allowed(filters_for(replace(state.wishes(), include={**state.include, **include})))
        bounds = gaps_round14.extreme_bounds(extreme, [figures for n, figures in enumerate(
            spec_filters.stated_by_item(index)) if mask is None or mask[n]])
        if bounds:
            heard = heard.model_copy(update={"intent": "refine", "references": [], "show_now": True, "query": "",
                                             "price": None, "relative_price": None, "avoid_words": [],
                                             "include": include})
    if not bounds and state.last_shown and heard.intent in ("ask_about_item", "compare", "refine", "more_like", "recommend",
                                                            "chitchat"):  # stop 44: "声音更大的" read as no request
        # "bigger screen please", "有没有屏幕更大的": new items past the figure of those shown, no answer
        pointed = [index.get(r.item_id) for r in heard.references
                   if r.item_id and r.item_id in index and r.how not in ("all", "other")]
        bounds = spec_comparatives.comparative_bounds(
            message, [index.get(i) for i in state.last_shown if i in index], pointed)
        bounds = batch14_fixes.figure_said(message, bounds)  # i12ba: "bigger ones, 43": 43 inches
        if bounds:  # the same kind of product: "bigger battery" of earphones asks for no batteries
            kind_names = {"category", *type_fields([*heard.include])}
            heard = heard.model_copy(update={"intent": "refine", "references": [], "show_now": True,
                                             "relative_price": None,
                                             "include": {k: v for k, v in heard.include.items() if k not in kind_names}})
        elif heard.intent in ("recommend", "refine") and spec_comparatives.comparative_said(message) is not None:
            # stop 48: "something with a longer battery" of smartwatches none of which states its battery life
            # showed AA batteries; a part of the product shown asked bigger is a wish for the same kind
            kind_names = {"category", *type_fields([*heard.include])}
            if any(v not in state.include.get(k, ()) for k in kind_names for v in heard.include.get(k, ())) \
                    and any(state.include.get(k) for k in kind_names):
                heard = heard.model_copy(update={"intent": "refine", "references": [], "show_now": True, "include": {
                    k: v for k, v in heard.include.items() if k not in kind_names}})
    if bounds:
        heard = spec_filters.drop_spec_price(heard, message)
        if heard.avoid_words and (bound_said := spec_filters.bound_words(message)):  # stop 57: "nicht größer als 32 Zoll"
            heard = heard.model_copy(update={"avoid_words": [w for w in heard.avoid_words if w.lower() not in bound_said]})
        if heard.intent == "chitchat" and state.include:  # lead, stop 35: "要长一点的 两米左右" of cables
            heard = heard.model_copy(update={"intent": "refine", "show_now": True})
        heard = shopper_asks.spec_asked_for(heard, message, bounds)  # i12ak: "do you have a 2 metre one?"
        heard = batch13_fixes.figure_proposed(heard, message, bounds)  # i12av: "what about 50 inch then"
    for family in [*spec_comparatives.given_up(message, list(state.specs)),  # "forget the capacity, just the best rated"
                   *batch15_classes.lengths_given_up(message, list(state.specs))]:  # i12az: "forget the length"
        bounds[family] = (None, None)
        heard = heard.model_copy(update={"intent": "refine", "show_now": True, "references": []})
    heard, qualifiers = batch15_fixes.qualified_type(  # i12bf: "a vga adapter": the HDMI to VGA adapter, another
        heard, message, index, ["category", *type_fields(list(parts.vocabulary.fields))])  # product: the cable's specs go
    if qualifiers:
        state.apply(Wanted(tuple(qualifiers)))
        bounds.update({family: (None, None) for family in state.specs})
    if heard.language == "other":
        notes.append(phrases.render("other_language"))
    compares_prices = bool(heard.relative_price)  # kept: a shop without prices clears it below
    if (heard.price is not None or heard.relative_price) and not has_prices:
        if heard.intent not in ("ask_about_item", "compare"):  # an answer about shown items says it itself
            notes.append(phrases.render("no_prices"))  # never an invented range on a catalogue without prices
        only_price = heard.intent in ("refine", "recommend") and not (
            heard.include or heard.exclude or heard.avoid_words or heard.references or heard.drop)
        heard = heard.model_copy(update={"price": None, "relative_price": None})
        if only_price and state.last_shown:  # stop 57: "有没有便宜点的" of dresses: the same list, no wish left out
            heard = gaps_round13.shown_again(heard)
    elif heard.price is not None and heard.price.converted and heard.price.note:
        notes.append(phrases.render("converted", note=heard.price.note))
        # stop 59: a budget converted from another currency is approximate: whole units from 100 up ("<= 5,764
        # 卢比", not the "<= 5,763.89" of ¥500 in rupees)
        heard = heard.model_copy(update={"price": heard.price.model_copy(update={
            bound: float(round(value)) for bound in ("min", "max")
            if (value := getattr(heard.price, bound)) is not None and value >= 100})})
    heard = heard if batch18_classes.for_person_then_product(message) else pronoun_fits.device_is_no_new_type(  # i12ab:
        heard, message, state.include, ["category", *type_fields(list(parts.vocabulary.fields))], makes,  # "one for a
        # Samsung TV?" while remotes are shown; stop 42: not "for my wife too, a handbag"
        read=lambda text: understand(text, parts.vocabulary, TurnContext(catalog_currency=catalog_currency),
                                     lexicon=_lexicon(settings)))
    heard = shopper_asks.complained_of(  # i12ak: "the remote never works ... a smart tv is the way to go"
        heard, message, ["category", *type_fields(list(parts.vocabulary.fields))],
        read=lambda text: understand(text, parts.vocabulary, TurnContext(catalog_currency=catalog_currency),
                                     lexicon=_lexicon(settings)))
    heard = shopper_asks.device_opening(  # i12ak: "for fire tv stick actually" while remotes are sought
        heard, message, state.include, ["category", *type_fields(list(parts.vocabulary.fields))], makes)
    heard, makes = shopper_context.in_context(  # i12ap: owned, "its a samsung tv", "for my mum not my gf"
        heard, message, owned, state.include, ["category", *type_fields(list(parts.vocabulary.fields))],
        parts.vocabulary.counts.get("brand", {}), audience_fields(list(parts.vocabulary.fields)),
        lambda text: understand(text, parts.vocabulary, TurnContext(catalog_currency=catalog_currency),
                                lexicon=_lexicon(settings)), makes)
    refused_before_owned = {name: list(values) for name, values in heard.exclude.items()}  # stop 62
    if owned is not None:  # stop 62: "I already have black sneakers, want something different": sneakers, not black
        heard = gaps_round18.owned_kind(
            heard, owned, understand(owned.text, parts.vocabulary, TurnContext(catalog_currency=catalog_currency),
                                     lexicon=_lexicon(settings)),
            ["category", *type_fields(list(parts.vocabulary.fields))],
            [name for name in parts.vocabulary.fields if "colo" in name.lower()])
    if for_shown:  # stop 56: "a bag for it" (a laptop shown) is a laptop bag, not the laptop again
        heard = accessory_for.for_shown_kind(heard, reading, list(dict.fromkeys(
            str(i.category) for i in (device or []) if i is not None and i.category)), parts.vocabulary,
            lambda text: understand(text, parts.vocabulary, TurnContext(catalog_currency=catalog_currency),
                                    lexicon=_lexicon(settings)))
    if for_shown and makes and "brand" not in heard.include and heard.intent in ("recommend", "refine", "answer"):
        heard = heard.model_copy(update={"drop": [*heard.drop, "brand"]})  # i12o: the TVs' make is the remote's fit
    elif makes and not for_shown:  # "给我的iPhone买个充电器": the device's make is what the charger fits, not its maker
        heard = compatible.device_not_maker(heard, makes, ["category", *type_fields([*heard.include])], message)
        heard = batch15_fixes.device_of_type_in_force(  # i12bf: "for my oneplus 9" while cables are sought
            heard, makes, state.include, ["category", *type_fields(list(parts.vocabulary.fields))], message)
    said_tier = None if gaps_round18.sort_asked(message) else price_tiers.tier_said(message)  # stop 62: "cheapest first"
    if price_tiers.asks_tier_search(message, heard, said_tier):  # "anything more basic?" after TVs: the plainer TVs, no question
        heard = heard.model_copy(update={"intent": "refine", "references": [], "show_now": True, "query": ""})
    if heard.relative_price and said_tier is not None and said_tier.bound is None:
        heard = heard.model_copy(update={"relative_price": None})  # i12y: "forget the budget" is no "cheaper"
    tier = state.price_tier
    if has_prices and not overall:  # i12v: "nothing fancy", "premium only": a budget from the fitting items' prices
        stated = [*state.wanted, *wanted_words.asked(message, heard, _value_tokens(parts), state.include)]
        heard, tier = price_tiers.steer(heard, message, state, lambda wishes: prices_fitting(parts, wishes, stated),
                                        type_fields(list(parts.vocabulary.fields)))
    variants_first: list[str] = []
    if heard.intent == "ask_about_item" and state.last_shown:  # stop 59: "i'll take the brown one", one shown comes in brown
        named_colours = [v for values in other_version.colours_named(message, parts.vocabulary.counts).values() for v in values]
        heard = gaps_round15.variant_pointed(heard, [index.get(i) for i in state.last_shown if i in index], named_colours,
                                             _colour_words(parts), lambda item: _variants(parts, item, named_colours))
    if heard.intent == "ask_about_item" and len(heard.references) == 1 and heard.references[0].item_id in index:
        asked_of = index.get(str(heard.references[0].item_id))  # "does the second one come in brown?": say no, show brown ones
        plain = understand(message, parts.vocabulary, TurnContext(catalog_currency=catalog_currency),
                           lexicon=_lexicon(settings))  # its search words are English ("第二个有棕色的吗": brown)
        version = other_version.version_wanted(heard, asked_of, {**other_version.colours_named(
            f"{message} {plain.query}", parts.vocabulary.counts), **plain.include})
        version = {} if shopper_context.only_asks_is(message) else version  # i12ap: "is the first one gold?"
        if version:
            variants = _variants(parts, asked_of, [v for values in version.values() for v in values])
            variants_first = [i.id for i in variants]  # stop 59: "does the fifth come in brown?": its brown one first
            notes.append(phrases.render("other_colours", title=asked_of.title, colours=list(dict.fromkeys(
                phrases.show_value(str(gaps_round10.colour_of(i, _colour_words(parts)))) for i in variants)))
                if variants else short_reply(parts, heard, phrases, reading, session_id)[0])
            heard = heard.model_copy(update={"intent": "more_like", "include": version, "show_now": True})
    heard = batch14_classes.read(  # i12au: "first one what brand", "back to 20k", "start over, I want ..."
        heard, message, budget_in_force=state.max_price is not None or state.min_price is not None,
        has_prices=has_prices, kinds=["category", *type_fields(list(parts.vocabulary.fields))], specs=bool(bounds))
    heard = batch15_classes.read(  # i12az: "this is taking forever" is chit-chat; "go back to the tvs"
        heard, message, [index.get(i) for i in state.last_shown if i in index], ["category", *type_fields(list(parts.vocabulary.fields))])
    budget_before = (state.min_price, state.max_price)
    include_before = {name: list(values) for name, values in state.include.items()}
    # a question the shopper passed over with a wish of their own ("I'm a guy", "under 1000?"), after an
    # earlier wish (stop 46: or earlier words to search: "something nice for a beach holiday", then "for women"):
    # show items now, never a second question in a row
    passed_over = state.pending is not None and heard.answered is None and bool(include_before or wish_words(state)) \
        and heard.intent in ("recommend", "refine", "answer")
    heard = shopper_context.bare_brand(heard, message, lambda text: title_brands.asked(  # i12ap: "nike" after sports shoes
        text, index, _value_tokens(parts), state.avoid), bool(state.include))
    heard = heard if shown_references.points_by_title(heard, message) else batch13_fixes.bare_brand_wish(  # i12db: not "and the fossil one?"
        heard, message, lambda text: title_brands.asked(text, index, _value_tokens(parts), state.avoid), bool(state.include))  # i12av: "titan?"
    heard = batch17_classes.brand_question(  # i12bj: "boat ones?", "puma?", "any ray ban?", "阿迪的有吗"
        heard, message, wishes=bool(state.include), brand_values=batch17_classes.brand_values(parts.vocabulary.counts),
        asked=lambda text: title_brands.asked(text, index, _value_tokens(parts), state.avoid),
        chinese_names=batch13_fixes._chinese_names())
    heard = batch17_classes.budget_given_up(heard, message)  # i12bj: "olvida el presupuesto", "预算无所谓了"
    heard = batch17_classes.narrowed_type(  # i12bj: "que sea smart" of smart and standard televisions
        heard, state.include, ["category", *type_fields(list(parts.vocabulary.fields))])
    heard = batch17_classes.turned_down_words(  # i12bj: "not the printed ones" turns the word down too
        heard, message, {i: index.get(i).title for i in state.last_shown if i in index})
    heard = batch18_classes.also_new_type(  # i12bp: "oh wait, also need a belt" after formal shoes: the belts
        heard, message, include_before, ["category", *type_fields(list(parts.vocabulary.fields))],
        lambda text: understand(text, parts.vocabulary, TurnContext(catalog_currency=catalog_currency), lexicon=_lexicon(settings)))
    heard = batch15_fixes.for_me(  # i12bf: "and for me ..." after "one for me and one for my wife"
        heard, message, [t.text for t in turns_so_far() if t.role == "customer"], parts.vocabulary.counts)
    heard = batch15_fixes.on_screen_type(  # i12bf: "for men obviously" after "and a wallet too": the wallets
        heard, state.include, [index.get(i) for i in state.last_shown if i in index], type_fields(list(parts.vocabulary.fields)))
    heard, makes, had_makes, owned_note = gaps_round12.owned_context(  # i12bm: "he has a samsung phone" while speakers are sought
        heard, makes, message, state.include, ["category", *type_fields(list(parts.vocabulary.fields))],
        heard.language if heard.language in ("es", "de", "zh") else state.language)
    notes.extend([owned_note] if owned_note else [])
    heard = gaps_round13.kept_list(heard, owned_note, bool(state.last_shown))  # i12br: the list shown stays
    size_note = gaps_round12.size_note(message, list(parts.vocabulary.fields), heard.language) \
        if heard.intent in ("recommend", "refine", "answer", "more_like") else None  # i12bm: "size 9" on a shop without sizes
    notes.extend([size_note] if size_note else [])
    kinds_now = ["category", *type_fields(list(parts.vocabulary.fields))]
    heard, length_said = gaps_round14.short_as_length(  # stop 58: "something short" of party dresses is no shorts
        heard, message, [v for name in kinds_now for v in state.include.get(name, ())], kinds_now,
        "gender" in parts.vocabulary.fields)
    fit_said = (degree_words.said(message) if heard.intent == "show_again" else None) or length_said or height_said
    notes.extend([phrases.render("fit_unlisted", said=fit_said)] if fit_said else [])  # lead: "nothing too short"
    heard = gaps_round12.without_sizes(heard, message, list(parts.vocabulary.fields))  # searched without "size 9"
    heard = gaps_round17.without_age(heard, message)  # stop 61: "she is 75" searched no "75" (a 75 ml perfume)
    pointer_note = gaps_round12.pointing_note(message, state.last_shown, heard, heard.language)  # i12bm: "the third in black"
    notes.extend([pointer_note] if pointer_note else [])
    if heard.intent == "recommend" and heard.language in ("zh", "es", "de") and not heard.include and not state.include \
            and heard.price is None and _unsold(parts, message, heard) is not None:  # lead, stop 37: "¿tienen lavadoras?"
        heard = heard.model_copy(update={"intent": "off_topic", "query": "", "avoid_words": [], "show_now": False})
    if recalled is not None and recall is not None and recall.person and heard.intent not in ("recommend", "refine"):
        # "back to my son's": shown again (a type gone back to is read from the whole message: "going back to the
        # jeans - the first pair you showed, what colour was it?" asks about it)
        heard = heard.model_copy(update={"intent": "refine", "show_now": True, "query": "", "references": [], "drop": [],
                                         "avoid_words": []})
    undone = undo.asks_to_undo(message) and state.before_last is not None and not heard.include \
        and not heard.exclude and heard.price is None  # stop 41: "undo that": the wishes before the last change, shown
    nothing_to_undo = undo.asks_to_undo(message) and state.before_last is None and not heard.include \
        and not heard.exclude and heard.price is None  # stop 42: "undo" before any change: said so, nothing kept
    if nothing_to_undo:
        heard = heard.model_copy(update={"intent": "chitchat", "show_now": False, "query": "", "references": [],
                                         "drop": [], "avoid_words": []})
        notes.append(phrases.render("nothing_to_undo"))
    if undone:
        state.apply(Undone())
        heard = heard.model_copy(update={"intent": "refine", "show_now": True, "query": "", "references": [], "drop": [],
                                         "avoid_words": []})
        if state.wishes() == Wishes():  # stop 42: back to no wishes: asked again, no items "you asked for"
            heard = heard.model_copy(update={"intent": "chitchat", "show_now": False})
            notes.append(phrases.render("undone"))
            nothing_to_undo, undone = True, False
    started_over = False
    before_liked = heard.include
    heard = liked_audience.with_audience(  # stop 43: more like a women's dress is for a woman, no girls' dresses
        heard, index, list(parts.vocabulary.fields), state.include)
    inferred.update(_added(before_liked, heard.include))
    if heard.intent in ("recommend", "refine") and (problem_words.product_for(message) or gaps_round10.need_for(message)):
        need_kinds = {"category", *type_fields([*heard.include])}  # "she feels cold a lot": jackets meet the need, not asked
        inferred.update({name: list(values) for name, values in heard.include.items() if name in need_kinds})
    heard = clothes_words.section_of_clothes(  # stop 66: "gym clothes for men" showed sports shoes
        heard, message, getattr(parts.vocabulary, "counts", {}), type_fields(list(parts.vocabulary.fields)))
    before_sport = heard.include
    heard = use_wishes.sport_use(heard, message, parts.vocabulary)  # stop 56: "headphones for running" are in-ear
    inferred.update(_added(before_sport, heard.include))  # ones: the kind is inferred, not asked for
    kinds_before = any(state.include.get(name) for name in ["category", *type_fields([*state.include])])
    heard = gaps_round17.new_kind(heard, state.include, ["category", *type_fields(list(parts.vocabulary.fields))],
                                  lambda kinds: parts.retriever.count(Filters(include={  # stop 61: "then a laptop bag"
                                      name: frozenset(values) for name, values in kinds.items()})))
    liked_makes = gaps_round17.likened(  # stop 61: "earphones similar to boat": boAt's and other makes' alike
        message, [v for name, values in heard.include.items() if "brand" in name.lower() for v in values],
        batch13_fixes.brands_in_chinese) if heard.intent in ("recommend", "refine", "more_like") else []
    if liked_makes:
        heard = heard.model_copy(update={"include": {
            name: kept for name, values in heard.include.items() if (kept := [v for v in values if v not in liked_makes])}})
        if heard.intent == "more_like" and all(r.how == "all" for r in heard.references) \
                and any(heard.include.get(name) for name in ["category", *type_fields([*heard.include])]):
            # "earphones similar to boat" with speakers shown: like the make, not like the speakers
            heard = heard.model_copy(update={"intent": "recommend", "references": []})
    if heard.relative_price and heard.price is None and state.last_prices and gaps_round19.another_kind(
            heard.include, state.include, ["category", *type_fields(list(parts.vocabulary.fields))]):
        state.last_prices = []  # stop 63: "budget 4k tv" after phones: the cheap TVs, not TVs cheaper than the phones
    state.apply(Heard(heard))
    if owned is not None and (owned_out := {name: [v for v in values if v not in refused_before_owned.get(name, ())]
                                            for name, values in heard.exclude.items() if "colo" in name.lower()}):
        state.owned_colours = {name: values for name, values in owned_out.items() if values}  # stop 62
    state.allow_shown = state.allow_shown or in_order  # stop 59: the whole list in that order, items seen before too
    if state.kind_changed:  # stop 56: the words said before this message were about another kind
        state.kind_message = message
    elif state.not_sold and not kinds_before and any(state.include.get(name) for name in [  # stop 58: "what's the best
            "category", *type_fields([*state.include])]):  # washing machine?" (none sold), then "a tv": not "best"
        state.kind_message = message  # for the TVs ("the type and rating you asked for")
    if state.colours_left:  # stop 57: "now a watch" after black shoes: any colour, and said so
        left = " / ".join(phrases.show_value(v) for values in state.colours_left.values() for v in values)
        notes.append(phrases.render("colour_left_behind", values=left[:1].upper() + left[1:]))
    _drop_refused_kind_words(state, heard, parts.vocabulary)
    if heard.intent == "start_over" and not heard.query and state.wishes() == Wishes():
        # stop 49: a bare fresh start ("start over", "forget everything i said") is said done and opens as a new
        # conversation does; it asked "Kitchen & home appliances, Heating, cooling & air quality, ...?"
        heard = heard.model_copy(update={"intent": "chitchat", "show_now": False})
        notes.append(phrases.render("started_over"))
        started_over = True
    if inferred:
        state.apply(Inferred(inferred))
    if undone or recalled is not None:
        state.apply(Reshown())  # the items of those wishes, seen or not: the shopper goes back to them
    if undone:
        notes.append(phrases.render("undone"))
    xfails_round3.cheaper_with_room(heard, state, lambda: parts.retriever.count(filters_for(state.wishes())))  # i12bq
    state.apply(PriceTier(tier))  # i12v
    batch16_classes.avoided_as_written(state.avoid, message)  # i12be: "not adidas" avoids "adidas", not "adida"
    taken_back, see_them = batch16_classes.taken_back(message, state.avoid, state.exclude)  # i12be: "titan is fine actually"
    if taken_back and see_them:
        state.apply(Wanted(tuple(taken_back)))
    if batch16_classes.brand_of_other_type(heard, include_before, state.include, ["category", *type_fields(list(parts.vocabulary.fields))]) \
            and parts.retriever.count(filters_for(state.wishes())) == 0:
        state.include.pop("brand", None)  # i12be: TP-Link was the wifi adapters' brand; none of the remotes is one
    gone = wanted_words.given_up(message, heard.language, state.wanted)  # i12y: "没有蓝色的就算了"
    gone += shopper_context.brands_given_up(message, state.wanted, lambda word: bool(title_brands.asked(  # i12ap
        word.capitalize(), index, _value_tokens(parts))))  # "ok forget the brand", "olvida la marca"
    if gone:
        state.apply(Wanted(tuple(gone), dropped=True))
    wanted_now = wanted_words.asked(message, heard, _value_tokens(parts), state.include)  # i12y: features no field holds
    wanted_now = [w for w in wanted_now if w not in gone]  # stop 51: "没有蓝色的就算了" names blue to give it up
    piece = goes_with.piece_words(message)  # stop 60: "what can i wear with a black skirt": no black tops wished
    wanted_now = [w for w in wanted_now if not set(w.lower().split()) <= piece] if piece else wanted_now
    pastimes = hobbies.pastime_words(message, heard.language)  # stop 56: "le gusta el café" wants no brown item
    wanted_now = [w for w in wanted_now if not set(w.lower().split()) <= pastimes] if pastimes else wanted_now
    if known_brands.asked(message):  # lead, stop 35: "only well known brands": no word a title must state
        wanted_now = [w for w in wanted_now if not set(w.split()) & known_brands.WORDS]
    wanted_now = [w for w in wanted_now if w.casefold() not in {m.casefold() for m in had_makes}]  # i12bm: a device had
    state.avoid = batch15_fixes.covers_wanted_again(message, state.avoid)  # i12bf: a cover after "just the remote"
    covers_now, covers_gone = batch15_fixes.cover_wanted(message, heard, state.wanted, state.include)  # i12bf: "a case for my remote"
    if covers_gone:
        state.apply(Wanted(tuple(covers_gone), dropped=True))
    wanted_now = [*wanted_now, *(w for w in covers_now if w not in wanted_now)]
    if wanted_now:
        if before_colours := wanted_words.replaced_colours(state.wanted, wanted_now):  # lead: pink, then black
            state.apply(Wanted(tuple(before_colours), dropped=True))
        state.apply(Wanted(tuple(wanted_now)))
    brands_now = batch13_fixes.brands_asked(message, lambda text: title_brands.asked(  # i12av: "要耐克的", "nike"
        text, index, _value_tokens(parts), state.avoid, heard.language)) \
        if heard.intent in ("recommend", "refine", "more_like", "answer") else []  # i12ab: "the Titan ones", no brand field
    brands_now += [b for b in batch15_fixes.framed_brands(message, heard.language, lambda text: title_brands.asked(  # i12bf
        text, index, _value_tokens(parts), state.avoid, heard.language)) if b not in brands_now] \
        if heard.intent in ("recommend", "refine", "more_like", "answer") else []  # "que sean nike", "any colour but nike"
    brands_now = [b for b in brands_now if b.casefold() not in {m.casefold() for m in had_makes}]  # i12bm
    models = gaps_round17.likened_words(message)  # stop 61: "like levis" (the brand patterns read only when said)
    liked_titles = gaps_round17.likened(message, [*brands_now, *(title_brands.asked(
        models, index, _value_tokens(parts), state.avoid, heard.language) if models else [])],
        batch13_fixes.brands_in_chinese)
    liked_makes += [b for b in liked_titles if b not in liked_makes]
    brands_now = [b for b in brands_now if b not in liked_titles]
    liked_said = bool(liked_makes) or not state.last_shown  # the note once: when said, or when items first show
    if liked_makes:  # kept for the turns after ("in white" after a question), until a make or another kind is asked
        state.liked_makes = liked_makes
    elif brands_now or state.kind_changed or heard.intent == "start_over" \
            or any("brand" in name.lower() for name in heard.include):
        state.liked_makes = []
    liked_makes = list(state.liked_makes)
    if known_brands.asked(message):  # lead, stop 35: "only well known brands": "Known" is no brand
        brands_now = [b for b in brands_now if not set(b.casefold().split()) & known_brands.WORDS]
    if brands_now:
        brands_now = wanted_words.alternatives(brands_now)  # stop 63: "adidas or puma shoes": either make
        if before := title_brands.replaced(state.wanted, brands_now, index, _value_tokens(parts)):
            state.apply(Wanted(tuple(before), dropped=True))
        state.apply(Wanted(tuple(brands_now)))
        wanted_now = [*wanted_now, *brands_now]
    state.apply(Named(named(parts.linker, parts.retriever, message)))
    state.apply(ownership.stated(parts.linker, whole, parts.retriever.index))
    if bounds and heard.intent not in ("off_topic", "chitchat", "ask_about_item", "compare"):
        state.apply(SpecsWanted(bounds))  # i12o
    if makes and heard.intent in ("recommend", "refine", "answer"):
        state.apply(FitsMakes(tuple(makes)))  # i12o
    elif overall and state.fits:
        state.apply(FitsMakes(()))  # i12o: "the cheapest remote you have" asks about the whole shop
    types_now = set(heard.include) & ({"category"} | set(type_fields([*heard.include])))
    if heard.intent in ("recommend", "refine", "answer") and audience_fields(list(state.include)) and (
            dressed or types_now and shopper_moves.dressed_for(state.include, parts.vocabulary.counts)):
        heard = heard.model_copy(update={"show_now": True})  # i12o: an occasion for a person: show, no quiz
    profile = customer_profile(user, parts.store, parts.retriever)
    context = ranking_context(parts.store, session_id, message, profile, phrases, settings.max_history_turns)
    # What a grounded reason may refer to: the shopper's words, wishes, budget and history.
    wish_turns = _wish_turns(context.turns, parts.store, session_id)  # stop 54: answered questions wish nothing
    context = replace(context, request=Request.from_turns(_since_kind(wish_turns, state), state,
                                                          profile.titles if profile else (),
                                                          turned_down=_turned_down_makes(state, parts)))
    asks_unshown = heard.intent in ("ask_about_item", "compare") and not heard.references and not state.shown  # i12d
    beyond = out_of_range(message, heard, len(state.last_shown)) or past_list  # i12h: "the third one" when two were shown
    recap = None
    if asks_recap(message):  # stop 49: "what did I ask for so far?" said the items do not mention "ask so far"
        wished = ", ".join(filter(None, [phrases.summary(state.wishes(), catalogue_money(parts.retriever)[1], parts.labels),
                                         wanted_words.shown_words(state.wanted, heard.language)]))
        recap = phrases.render("recap", wishes=wished) if wished else phrases.render("recap_none")
    if heard.intent in ("off_topic", "chitchat") or (heard.intent in ("ask_about_item", "compare") and heard.references) \
            or asks_unshown or beyond or recap is not None:
        text, decision = (recap, {"decision": "recap"}) if recap is not None \
            else (beyond, {"decision": "out_of_range"}) if beyond else (
            (phrases.render("shop_terms", topic=terms), {"decision": "shop_terms"}) if terms is not None
            else short_reply(parts, heard, phrases,  # i12af: "back to the TVs, ..." asks what follows
                             recalled_item.asked_part(reading) if back_to is not None else reading, session_id))
        named_one: Any = decision.get("answer")
        if isinstance(named_one, dict) and named_one.get("kind") == "chosen" and not named_one.get("supported", True):
            state.apply(Choosing(True))  # i12v: "which one would you like?" was asked
        if isinstance(named_one, dict) and named_one.get("kind") in ("best", "cheaper", "pricier") \
                and len(named_one.get("positions", [])) == 1:
            state.last_references = list(named_one["positions"])  # "the cheapest?" then "I'll take that one"
        turn = Turn(session_id, message, state, heard, profile, context, Query(text=""))
        turn.text = " ".join([*notes, text])
        turn.metadata = {"understood": heard.summary(), "understanding": understanding,
                         **_understanding_degraded(understanding),
                         "constraints": state.constraints(), "relaxed": [],
                         "policy": decision, **({"intent": heard.intent} if "answer" in decision else {}),
                         **({"answer": decision["answer"]} if "answer" in decision else {})}
        unsold_thing = _unsold(parts, message, heard) if heard.intent in ("off_topic", "chitchat") else None
        kinds, unlisted = unsold.kinds_asked(message, parts.retriever.bm25.vocabulary, _type_values(parts),
                                             _titles(parts)) \
            if heard.intent == "off_topic" and unsold_thing is None and not heard.references else ([], None)
        if unsold_thing is not None or unlisted or len(kinds) >= 2:  # lead, stop 37: "do you stock mattresses?", "你们有冰箱吗",
            # "do you sell cables?" (stop 49: one kind is no question to ask: the reply was empty)
            said = unsold_thing or unlisted
            if said:
                state.apply(NotSold(said))  # stop 41: "hair" of a hair dryer is no feature of a vacuum shown later
            elif (head := unsold.asked_head(message)) is not None:
                # stop 54: "do you sell cables?", then "the cheapest one" showed a ₹39 lamp: the cables are searched
                state.apply(Heard(ShopperRequest(intent="recommend", query=head, language=heard.language)))
            turn.text = " ".join([*notes, *([phrases.render("not_sold", thing=said)] if said else [])])
            turn.metadata["policy"] = {"decision": "not_carried" if said else "kinds", "thing": said}
            opening = opening_question(parts, "", phrases=phrases, values=kinds or None)
            if opening is not None:
                opened, values = opening
                turn.question = replace(opened, text=phrases.render(
                    "question", attribute=phrases.attribute(opened.attribute or "category"), options=", ".join(opened.options)))
                turn.text = ("" if phrases.code == "zh" else " ").join(t for t in [turn.text, turn.question.text] if t)
                state.apply(Asked(opened.attribute or "category", values))
            return turn
        if nothing_to_undo and state.shown and state.wishes() != Wishes():
            turn.metadata["policy"] = {"decision": "nothing_to_undo"}  # the note alone: the list shown stays
        elif nothing_to_undo:  # no wishes at all: the opening question again
            turn.metadata["policy"] = {"decision": "nothing_to_undo"}
            opening = opening_question(parts, turn.text, phrases=phrases)
            if opening is not None:
                turn.question, values = opening
                state.apply(Asked(turn.question.attribute or "category", values))
        elif started_over:  # stop 49: the opening question, as a new conversation has
            turn.metadata["policy"] = {"decision": "started_over"}
            opening = opening_question(parts, turn.text, phrases=phrases)
            if opening is not None:
                turn.question, values = opening
                state.apply(Asked(turn.question.attribute or "category", values))
        elif heard.intent == "chitchat" and (closing or state.shown and is_thanks(message, _lexicon(settings))):
            turn.text = " ".join([*notes, phrases.render("welcome")])  # "thanks" after items: no new opening
            turn.metadata["policy"] = {"decision": "welcome"}
        elif heard.intent == "chitchat" and state.shown and is_small_talk(message, _lexicon(settings)):
            turn.text = " ".join([*notes, phrases.render("carry_on")])  # "ok", "how are you?" after items: no new opening
            turn.metadata["policy"] = {"decision": "carry_on"}
        elif heard.intent == "chitchat" and (state.shown or state.include) \
                and not is_small_talk(message, _lexicon(settings)):
            # "不要太暴露的", "something less loud": words nothing was read from, mid-search: the search is kept
            # and the reply says so, instead of greeting the shopper as if the conversation had just begun
            turn.text = " ".join([*notes, phrases.render("unread", wishes=phrases.summary(
                state.wishes(), catalogue_money(parts.retriever)[1], parts.labels) or "-")])
            turn.metadata["policy"] = {"decision": "unread"}
        elif heard.intent == "chitchat" and not state.pending:  # off-topic gets a redirect, no quick replies
            opening = opening_question(parts, turn.text, phrases=phrases)
            if opening is not None:
                turn.question, values = opening
                state.apply(Asked(turn.question.attribute or "category", values))
        return turn
    if heard.relative_price == "cheaper" and heard.price is None and state.last_prices:  # i12bk: counted at the size in force
        sized = {} if gaps_round7.keeps_size(message) else state.specs  # "cheaper that size?": the make gives way (below)
        exclude_ids = excluded(state, profile)
        if gaps_round11.fitting_count(sized, parts.retriever, filters_for(state.wishes()), exclude_ids) == 0:
            # Nothing is cheaper than the cheapest item shown: cheaper than most of them, else
            # the budget the shopper had (never no budget at all).
            state.max_price = rounded_bound(float(np.median(state.last_prices)) * 0.999, down=True)  # "<= 748", not 748.25
            if len(state.last_prices) < 2 or gaps_round11.fitting_count(sized, parts.retriever, filters_for(state.wishes()), exclude_ids) == 0:
                if len(state.last_prices) >= 2 and gaps_round11.fitting_count(sized, parts.retriever,
                        filters_for(state.wishes()), excluded(state, profile, with_shown=False)) > 0:
                    state.apply(Reshown())  # i12ag: nothing new is: the cheapest ones seen, again, and said so
                    notes.append(phrases.render("cheapest_seen"))
                else:
                    state.min_price, state.max_price = budget_before
                    notes.append(phrases.render("no_cheaper"))
    if heard.relative_price == "pricier" and heard.price is None and state.last_prices and gaps_round11.fitting_count(
            state.specs, parts.retriever, filters_for(state.wishes()), excluded(state, profile, with_shown=False)) == 0:
        # stop 49: "something more premium" of speakers under 2000 where none costs more than those shown: the
        # budget stays and the reply says so (it left out ">= 2,001" and showed a cheaper speaker)
        state.min_price, state.max_price = budget_before
        notes.append(phrases.render("no_pricier"))
    if heard.relative_price and heard.price is not None and state.last_prices:  # i12k: "cheaper than the first"
        if parts.retriever.count(filters_for(state.wishes()), excluded(state, profile, with_shown=False)) == 0:
            state.min_price, state.max_price = budget_before  # nothing is: the budget stays, and the reply says so
            notes.append(phrases.render("no_cheaper" if heard.relative_price == "cheaper" else "no_pricier"))
    type_unsold = False  # stop 39: the thing asked for is no product of the shop (then its kinds are asked, not a brand)
    not_sold_name: str | None = None  # stop 61: its name, as the shopper wrote it
    named_type = set(heard.include) & ({"category"} | set(type_fields([*heard.include])))
    refines = bool(heard.include) and bool(set(state.include) & ({"category"} | set(type_fields([*state.include]))))
    if heard.intent not in ("off_topic", "chitchat", "start_over", "show_again") and not named_type and not refines \
            and not compares_prices and not owned_note and not pointer_note and not outfit_mix.asks_outfit(message) \
            and not overall and not known_brands.asked(message) and not in_order:  # lead: "有没有便宜一点的", "un conjunto"; stop 39:
        # "muéstrame los más baratos"; stop 58: "any from a known brand?" is no product called "from a known brand"
        # i12h: "any black ones?" during a search for backpacks refines it: nothing to call not carried
        thing = not_carried_wish.thing_not_carried(  # i12y: "white" is no type; i12al: "a red dress", "un vestido"
            gaps_round13.unsized(message), heard.language, wanted_now, parts.retriever.bm25.vocabulary, parts.retriever.bm25.documents)
        if thing is None and heard.language in ("zh", "es", "de") and not heard.include:
            thing = _unsold(parts, message, heard)  # lead, stop 37: "Habt ihr Waschmaschinen?", a word the lexicon lacks
        if thing is None and heard.language == "en" and not heard.include:  # stop 51: "a washing machine", where
            thing = compound_products.unsold_compound(  # one item is a lint remover "for Washing Machine"
                asked_for(message) or bare_thing(message), lambda: _titles(parts))
        gave_up = bool(heard.drop) and bool(set(re.findall(r"[a-z]+", f"{thing or ''} {message}".lower())) & _GIVEN_UP)
        if gave_up:  # lead, stop 33: "颜色无所谓了" ("colour is fine"), "any colour is fine now": no product named
            pass
        elif thing is not None and not batch13_fixes.only_a_figure(thing):  # "what about sherwanis?" on a shop that has none
            thing = interest_in(message) or thing  # stop 45: "he loves football": football, not the sentence
            thing = gaps_round17.as_written(thing, whole)  # stop 61: "frying pan" as written, not respelt "flying pan"
            whole_name = gaps_round17.named_whole(thing, message)  # stop 61: "a non stick pan" on a fashion shop: no
            named_with_it = [w for w in wanted_now if w.lower() in whole_name.lower()  # pan, so no non-stick either
                             or heard.language in ("zh", "es", "de") and w not in covers_now]  # ("一个插线板": 防浪涌)
            if named_with_it:  # ("a case for my remote": "cover" is still looked for)
                thing = gaps_round17.as_written(whole_name, whole)
                state.apply(Wanted(tuple(named_with_it), dropped=True))
            type_unsold = True
            not_sold_name = thing
            state.apply(NotSold(thing))
            notes.append(phrases.render("not_carried", thing=thing))
            notes[:] = [n for n in notes if n != size_note]  # i12br: no size of a thing not sold
        elif not heard.include and not state.requested and batch16_classes.no_feature_only(message, wanted_now) and (missing := shopper_moves.no_such_type(message, [
                v for name in ["category", *type_fields(list(parts.vocabulary.fields))]
                for v in parts.vocabulary.counts.get(name, {})])) is not None and not batch13_fixes.only_a_figure(missing) \
                and not shopper_moves.styles_sold_items(missing, _titles(parts)):
            missing = gaps_round17.as_written(missing, whole)
            type_unsold = True
            not_sold_name = missing
            state.apply(NotSold(missing))
            named_with = shopper_moves.named_in_titles(missing, _titles(parts))
            notes.append(phrases.render("no_such_type" if named_with else "no_such_type_plain",  # stop 41: no "made to go with" a hair dryer
                                        thing=missing))  # i12o: "a laptop" where cables name laptops
            if wanted_now:  # i12be: "bluetooth" was asked of the headphones the shop does not sell
                state.apply(Wanted(tuple(wanted_now), dropped=True))
        elif offered is None and not wanted_now and heard.language in ("en", "zh", "es", "de") and not bounds \
                and heard.intent in ("recommend", "refine", "reject") and heard.query \
                and not heard.include and any(
                state.include.get(name) for name in ["category", *type_fields([*state.include])]):
            fitting = _fitting_items(parts, state)  # "cotton" after men's kurtas: none says it
            for audience in audience_fields([*state.include]):  # stop 53: no boys' backpack, unisex ones shown
                fitting = fitting or _fitting_items(parts, state, leave_out=audience)
            held = [v for wished in (state.include, state.exclude) for vs in wished.values() for v in vs]
            kinds = ["category", *type_fields(list(parts.vocabulary.fields))]  # i12ac: "shoes" of flats is their type
            # stop 53: in another language the English words the lexicon gave ("有卡通图案的吗": cartoon, asked "with"
            # as "any with a cartoon print?" is; a word left as written, "guter", "buena", is none), said back in the
            # shopper's own words
            written = set() if heard.language == "en" else set(normalise_tokens(message))
            english = message if heard.language == "en" else "with " + " ".join(
                w for w in heard.query.split() if _is_word(w) and w not in written)
            kept_away = {w.lower() for w in heard.avoid_words}  # stop 56: "too tight, looser ones" wants no "tight"
            kept_away |= gaps_round17.LIKENING_WORDS if liked_makes else set()  # stop 61: "类似耐克的" asks no "类似"
            word = followups.not_mentioned(" ".join(w for w in heard.query.split() if w.lower() not in kept_away), english, (
                f"{i.title} {i.description} " + " ".join(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(i.field_value(k) or ""))
                                                         for k in kinds) for i in fitting),
                                           parts.retriever.bm25.vocabulary, held) if fitting else None
            if word is not None and heard.language != "en":
                word = not_carried_wish.said_in(message, word, heard.language)
            if word is not None:
                notes.append(phrases.render("not_mentioned", thing=word, wishes=phrases.summary(
                    state.wishes(), labels=parts.labels)))
    elif named_type and heard.intent in ("recommend", "refine"):  # i12k: "a sony tv" on a shop with no Sony TV
        fitting = _fitting_items(parts, state)
        read = [v for vs in heard.include.values() for v in vs]
        read += [parts.labels.show(v) for v in read] if parts.labels is not None else []
        word = followups.not_among(message, (f"{i.title} {i.brand or ''}" for i in fitting),
                                   parts.retriever.bm25.vocabulary, named=read) if fitting else None
        if word is not None:
            notes.append(phrases.render("not_among", thing=word, wishes=phrases.summary(
                state.wishes(), labels=parts.labels)))
    if type_unsold and state.last_shown and heard.intent in ("refine", "recommend") and not (
            heard.include or heard.exclude or heard.price is not None or heard.avoid_words or heard.references):
        # stop 57: "do you have laptops?" during a search for dresses: none sold, and the dresses stay as they were
        # (a new search for "laptop" left the wedding out and showed other dresses)
        if state.queries and state.queries[-1] == heard.query:
            state.queries.pop()
        heard = gaps_round13.shown_again(heard)
        state.allow_shown = True
    spec_notes = gaps_round7.checked_keeping_size(  # i12o; i12aq: "anything cheaper that size?" keeps the size
        message, state, parts.retriever, ["category", *type_fields(list(parts.vocabulary.fields))],
        lambda wishes: spec_filters.checked(state, parts.retriever, filters_for(wishes), phrases,
                                            quiet=[f for f in state.specs if f not in bounds] if named_type else ()))
    spec_notes = wish_classes19.size_over_budget(spec_notes, state, bounds, heard.price, lambda: spec_filters.checked(  # i12dc:
        state, parts.retriever, filters_for(state.wishes()), phrases), phrases)  # "I want a bigger screen" past the budget
    notes.extend(spec_notes)
    notes.extend(batch13_fixes.size_before_type(  # i12av: "nothing good here" after the only 55-inch TV: other TVs
        state, parts.retriever, filters_for(state.wishes()), excluded(state, profile, with_shown=False),
        lambda words: phrases.render("relaxed", dropped=words), turned_down=heard.intent == "reject"))
    if (bounds or makes) and state.spec_blocked and heard.intent in ("recommend", "refine", "answer"):
        heard = heard.model_copy(update={"show_now": True})  # i12o: a spec the items state is specific enough
    elif bounds and spec_notes and heard.intent in ("recommend", "refine", "answer"):
        heard = heard.model_copy(update={"show_now": True})  # i12be: the note says "here is what fits your other wishes"
    reshown = followups.narrows(heard, include_before, type_fields([*state.include, *heard.include])) \
        and bool(state.shown) and not state.allow_shown and seen_fit(state, profile, parts, settings.n_recommendations) \
        or batch13_fixes.refills(heard, gone, brands_now, state, parts.retriever, filters_for(state.wishes()),  # i12av
                                 excluded(state, profile), excluded(state, profile, with_shown=False), settings.n_recommendations)
    if reshown:  # i12k: "gold please" after jewellery: the gold ones, those seen before after the new ones
        state.apply(Reshown())
    anchors = [r.item_id for r in heard.references if r.item_id] if heard.intent == "more_like" else []
    strict = heard.intent not in ("start_over", "reject") and asks_to_restore(message)  # i12h: "put it back"
    widened = None if strict else with_unisex(state, profile, parts)  # i12h
    if widened is not None:
        notes.append(phrases.render("widened", value=phrases.show_value(
            parts.labels.show(widened[1]) if parts.labels is not None else widened[1])))
    seen_rest: list[str] = []  # "show me more" when only the wishes left out could bring new items
    query, wishes, relaxed, exhausted = build_query(state, message, profile, parts, anchors, phrases, strict,
                                                    named_now=[*heard.include, *(["price"] if heard.price else []),
                                                               *(["avoid"] if heard.avoid_words else []),  # i12ak: "not nike"
                                                               *(["refused"] if heard.exclude else []),  # lead, stop 35: "not black though"
                                                               *(["given_up"] if gone or heard.drop else []),  # i12bj: "ok forget the brand"
                                                               *(["specs"] if bounds else [])],  # stop 60: "两万毫安的" of Xiaomi's
                                                    wider=widened[0] if widened else None, after=seen_rest)
    pointed_now = pointed_again.pointed_items(heard, index) if exhausted and anchors \
        and pointed_again.only_points(message, heard) else []
    if pointed_now and relaxed:  # i12ag: "the Nike one" when nothing new fits every wish: that item again, no wish left out
        query, wishes, relaxed = build_query(state, message, profile, parts, anchors, phrases, strict=True)[0], state.wishes(), []
    fits_now = parts.retriever.allowed(query.filters, excluded(state, profile, with_shown=False)) \
        if exhausted and heard.relative_price == "cheaper" else None
    bottom = gaps_round12.cheapest_seen(heard, exhausted, relaxed, [  # i12bm: "something cheaper" at the bottom
        index.get(i) for i in dict.fromkeys(state.shown) if i in index and (fits_now is None or fits_now[index.position(i)])])
    if bottom is not None:  # the cheapest that fits named, a wish offered to drop, the budget as it was
        state.min_price, state.max_price = budget_before
        wishes = replace(wishes, min_price=state.min_price, max_price=state.max_price)
        for said_before in ("no_cheaper", "cheapest_seen"):  # the cheapest named says it
            gaps_round12.without_note(notes, phrases.render(said_before))
        notes.extend([phrases.render("cheapest_overall", title=bottom.title, price=format_amount(
            float(bottom.price), bottom.currency)), gaps_round12.drop_offer(state.language or heard.language)])
    elif exhausted and not relaxed:  # i12h: every item fitting was seen: shown again, and said so
        notes.append(phrases.render("seen_all"))
    with observability.stage("retrieve"):
        candidates = retrieve(parts.retriever, query, settings.ask_pool, parts.fusion)
        candidates = gaps_round17.each_kind(  # stop 61: what a hike needs: backpacks, caps, shoes ... not 20 backpacks
            candidates, query, _spread_field(parts, state, heard), lambda q: retrieve(parts.retriever, q, 4, parts.fusion))
    if parts.multilingual is not None and heard.language != "en":
        candidates = multilingual_candidates(parts, message, query, settings.ask_pool)
    candidates, near = _nearest_shades(parts, state, query, wishes, candidates) if relaxed and not exhausted \
        else (candidates, None)  # stop 44: "any in red?" where no dress is red: rust and maroon ones first
    if state.avoid:
        candidates = loud_words.calm_first(without_words(candidates, state.avoid), state.avoid)  # "nothing flashy"
        if not candidates and heard.avoid_words and not state.allow_shown:  # i12bk: "not catwalk": the seen ones that fit, again
            candidates = gaps_round11.seen_fitting(index, state.shown, parts.retriever.allowed(
                query.filters, excluded(state, profile, with_shown=False)), lambda found: without_words(found, state.avoid), notes,
                phrases.render("seen_rest" if relaxed else "seen_all"))
    if heard.price is not None:  # "phones around 3000" said now, with none that cheap: the cheapest first
        candidates = nearest_the_budget(candidates, state.wishes(), wishes)
    candidates = refused_colours.without_refused(candidates, state.exclude)  # i12ac: "not white": no "White Black Shoe"
    candidates = accessories_last(candidates, state.query() or message)  # earphones before earphone cases
    if known_brands.asked(message) and heard.intent in ("recommend", "refine", "more_like"):
        candidates, known_now = known_brands.known_first(candidates, index)  # lead, stop 35: the most-rated brands first
        notes.extend([phrases.render("known_brands", brands=", ".join(known_now))] if known_now else [])
        notes.extend([phrases.render("brands_unlisted")] if not known_brands.known(index)[0] else [])  # stop 58: fashion
    candidates = audience_order.in_order(  # lead, stop 35: a dress for a wedding is a grown-up's, unless a child is named
        candidates, state.include, wishes.include, audience_fields(list(parts.vocabulary.fields)),
        f"{' '.join(state.queries)} {message}")
    candidates = outfit_mix.mixed(  # lead: "an outfit for a job interview": shirt, trousers, shoes in turns
        candidates, f"{' '.join(state.queries)} {message}", state.include, ["category", *type_fields(list(parts.vocabulary.fields))])
    candidates = device_question.named_first(  # i12al: "remotes for a TV": those naming a TV first
        candidates, reading, state.include, ["category", *type_fields(list(parts.vocabulary.fields))])
    # "43 inch", "wireless": the items stating them first (Chinese words stay out of the query: "43寸" is read here)
    candidates = specs_first(candidates, f"{state.query()} {message}" if heard.language == "zh" else state.query())
    candidates, failed = wanted_words.stating(candidates, state.wanted)  # i12y: the items state "braided"
    seen_only = False
    if failed:  # i12y: beyond the retrieved pool, the allowed items that state every wanted word
        mask = parts.retriever.allowed(query.filters, excluded(state, profile, with_shown=False))  # shown ones too
        stating_at = [n for n, i in enumerate(index.items) if wanted_words.states(i, state.wanted)]
        found = [index.items[n] for n in stating_at if mask is None or mask[n]]
        unseen_ids = excluded(state, profile)
        seen_only = batch15_fixes.only_seen_left(found, state.shown, heard, bool(candidates))  # i12bf: a bare "more"
        lifted = gaps_round20.lifted_for_words(  # stop 64: "any with stripes" when the only green striped one was seen
            found, set(state.shown), bool(wanted_now) and not state.allow_shown and not relaxed, state.wishes(),
            lambda w: _stating_unseen(parts, w, unseen_ids, stating_at),
            lambda w: phrases.summary(w, labels=parts.labels),
            lambda w: {*audience_fields(list(w.include)), *type_fields(list(w.include)), "category"}, last=list(heard.include))
        if lifted is not None:  # the wish said earlier left out, named and offered back; the words kept
            wishes, relaxed, exhausted, query = lifted[0], lifted[1], True, replace(query, filters=filters_for(lifted[0]))
            restated = [c for c in retrieve(parts.retriever, query, settings.ask_pool, parts.fusion)
                        if wanted_words.states(c.item, state.wanted)]
            candidates, failed = restated or [Candidate(item=i, score=-float(n)) for n, i in enumerate(lifted[2])], []
        elif found and not seen_only:
            candidates, failed = [Candidate(item=i, score=-float(rank)) for rank, i in enumerate(found[: settings.ask_pool])], []
    if (state.wanted or bounds) and not failed and not reshown and not state.allow_shown and state.shown \
            and 0 < len(candidates) < settings.n_recommendations and (wanted_now or bounds or followups.narrows(
                heard, include_before, type_fields([*state.include, *heard.include]))):
        # lead: "under 5000" after noise cancelling headphones: those seen that fit too, after the new ones;
        # stop 47: "10000 mah or more" after power banks that all have it: the one new, then those seen
        mask = parts.retriever.allowed(query.filters, excluded(state, profile, with_shown=False))
        listed = {c.item.id for c in candidates}
        by_title = all(wanted_words.states(c.item, state.wanted, title_only=True) for c in candidates)  # as those listed
        fit_seen = without_words([Candidate(item=index.get(i), score=-float(n + 1)) for n, i in enumerate(
            dict.fromkeys(reversed(state.shown))) if i in index and i not in listed and (mask is None or mask[index.position(i)])
            and wanted_words.states(index.get(i), state.wanted, title_only=by_title)], state.avoid)
        if fit_seen:
            candidates = [*candidates, *fit_seen]
            state.apply(Reshown())
            reshown = True
    failed = failed or (wanted_now if not candidates else [])
    if failed and not candidates:  # i12y: "wireless please" when every gaming mouse left was shown: the closest again
        mask = parts.retriever.allowed(query.filters, excluded(state, profile, with_shown=False))
        fitting = [i for n, i in enumerate(index.items) if mask is None or mask[n]]
        candidates = without_words([Candidate(item=i, score=-float(rank)) for rank, i in enumerate(fitting[: settings.ask_pool])],
                                   state.avoid)
    if wanted_now and candidates and not failed and heard.intent in ("recommend", "refine", "more_like", "answer", "ask_about_item"):
        heard = heard.model_copy(update={"show_now": True})  # i12y: "有没有白色的": the white ones, no quiz first
    if failed:  # i12y: the wish that failed is named, the closest items shown, looking without it offered
        state.apply(Wanted(tuple(failed), dropped=True))
        gaps_round12.without_note(notes, phrases.render("seen_all"))  # i12bm: said alone
        notes.append(phrases.render("wanted_seen", words=wanted_words.shown_words(failed, heard.language),  # i12bf
                                    wishes=phrases.summary(state.wishes(), labels=parts.labels)) if seen_only and candidates
                     else phrases.render("wanted_none", words=wanted_words.shown_words(failed, heard.language),  # i12bm: the
                                         wishes=phrases.summary(replace(state.wishes(), min_price=None, max_price=None),  # budget
                                                                labels=parts.labels), closest=bool(candidates),  # outside
                                         budget=phrases.summary(Wishes(min_price=state.min_price, max_price=state.max_price),
                                                                catalogue_money(parts.retriever)[1])))
    if not failed:  # i12bq: "其实我更想要编织的那种": the one or two whose titles say it, and said so
        candidates = xfails_round3.stated_in_titles(candidates, state.wanted, wanted_now, notes, heard.language)
    budget_gone_now = heard.price is not None and (wishes.min_price, wishes.max_price) == (None, None) and \
        (state.min_price, state.max_price) != (None, None)  # lead, stop 34: "under 500" of speakers: the closest, seen or not
    if not state.allow_shown and not seen_rest and not budget_gone_now:  # the same product under another id is no new
        asked = set(state.requested)  # suggestion (seen_rest: those fitting what the catalogue allows, seen or not, are meant)
        repeats = without_repeats(candidates, [index.get(i).title for i in state.shown if i in index and i not in asked])
        candidates = repeats if repeats or not candidates else candidates
    if reshown:
        candidates = sorted(candidates, key=lambda c: c.item.id in state.shown)
    if overall:  # i12k: every item fitting the wishes, seen or not, cheapest first, and the cheapest named
        mask = parts.retriever.allowed(query.filters, excluded(state, profile, with_shown=False))
        priced = sorted((i for n, i in enumerate(index.items) if (mask is None or mask[n]) and i.price is not None),
                        key=lambda i: float(i.price or 0.0))
        if state.wanted:  # stop 60: "cheapest bluetooth earphones": the cheapest saying bluetooth, not a wired pair
            priced = [i for i in priced if wanted_words.states(i, state.wanted)] or priced
        if not any(state.include.get(name) for name in ["category", *type_fields([*state.include])]):
            # stop 51: "cheapest iphone cable": cables, not a ₹39 skin; stop 54: "the cheapest one" after "i need a
            # cable" was answered with a question: the cables (the words of the earlier messages, latest first)
            priced = next((named for said in [heard.query, *reversed(state.queries[-3:])]
                           for named in [_named_by(priced, said)] if named), priced)
        # stop 51: "what is your cheapest smartwatch": a watch, not a watch's charger filed with them
        accessory = accessory_test(re.findall(r"[a-z]+", f"{state.query()} {message}".lower()))
        priced = list(islice((i for i in priced if not accessory(i.title)), settings.ask_pool)) or priced
        candidates = [Candidate(item=i, score=-float(rank)) for rank, i in enumerate(priced[: settings.ask_pool])]
        if priced:
            state.apply(Reshown())
            notes.append(phrases.render("cheapest_overall", title=priced[0].title,
                                        price=format_amount(float(priced[0].price or 0.0), priced[0].currency)))
    if heard.intent == "show_again" and not heard.include and state.last_shown:  # i12k: "those once more": the last list
        again = [c for c in candidates if c.item.id in state.last_shown]
        candidates = sorted(again, key=lambda c: state.last_shown.index(c.item.id)) or candidates
    if heard.intent == "show_again" and back_to:  # i12aq: the earlier list itself, whatever the wishes retrieve
        candidates = [Candidate(item=index.get(i), score=-float(n)) for n, i in enumerate(back_to) if i in index]
    candidates = gaps_round9.colour_on_piece(candidates, piece_colour)  # i12bb: the red dress, shoes in any colour
    if bundle:  # i12o: each product of the bundle in the list
        field_ = next((n for n in kinds if len(state.include.get(n, ())) >= 2), None)
        candidates = bundles.interleave(candidates, field_) if field_ else candidates
    candidates = batch15_fixes.interleaved(candidates, message, parts.vocabulary.counts)  # i12bf: "one for me and one for my wife"
    if anchors:
        candidates = like_anchors(candidates, [index.get(i) for i in anchors if i in index], parts.vocabulary)
    if heard.relative_price and heard.price is None and not state.last_prices:
        candidates = price_third(candidates, heard.relative_price)
    if state.specs and not state.spec_blocked:  # stop 52: "a bigger screen" past every one stated: the largest first
        candidates = spec_filters.closest_first(candidates, index, state.specs, lambda: parts.retriever.allowed(
            query.filters, excluded(state, profile)), lambda item: Candidate(item=item, score=0.0))  # the mask, only if needed
    if need_words:  # stop 59: the neckbands of "earbuds that don't fall out", first
        candidates = gaps_round15.named_first(candidates, need_words, _allowed_items(parts, query, state, profile),
                                              lambda item: Candidate(item=item, score=0.0))
    if heard.intent in ("recommend", "refine") and not anchors:  # "forget the brand, just the best rated"
        from chatrec.answers import by_superlative, superlative_unlisted

        if in_order and not gaps_round15.words_beyond(heard.query, state.include):
            # stop 59: "show me the newest": the newest of all that fit, not of the retrieved pool
            candidates = gaps_round15.in_figure_order(candidates, _allowed_items(parts, query, state, profile), order_message,
                                                      heard.language, lambda item: Candidate(item=item, score=0.0))
        else:
            candidates = by_superlative(order_message, candidates, heard.language, len(candidates) if in_order else 20)
        if unlisted := superlative_unlisted(order_message, candidates, heard.language):  # stop 46: "dresses on sale"
            notes.append(unlisted)
        elif in_order and (ordered := gaps_round15.order_note(order_message, heard.language, [c.item for c in candidates[:5]])):
            notes.append(ordered)  # stop 59: "Newest first, by the year the catalogue gives (2017 to 2016)."
    # i12aw: one slot per model, not its colours, in a list for wishes (not "anything else?" as the pool thins)
    if not pointed_now and not back_to and heard.intent not in ("show_again", "reject", "more_like"):
        candidates = gaps_round10.one_per_model(candidates, message, max((len(v) for n, v in state.include.items()
                                               if "colo" in n.lower()), default=0), _colour_words(parts), state.shown)
    if pointed_now:  # i12ag
        candidates = [Candidate(item=item, score=1.0) for item in pointed_now]
    candidates = gaps_round17.some_of_make_first(  # stop 61: "jeans like levis": two of Levis', then other makes
        candidates, liked_makes, lambda c: _make_of(c.item, liked_makes))
    if not pointed_now and heard.intent not in ("show_again", "reject"):  # stop 63: "adidas or puma": in turn
        candidates = gaps_round19.alternated(candidates, state.wanted, lambda c: str(c.item.title))
        asked_makes = {v.casefold() for name, values in state.include.items()  # "sony or jbl headphones": JBL, Sony, …
                       if "brand" in name.lower() and len(values) > 1 for v in values}
        if asked_makes:
            candidates = gaps_round19.in_turns(
                candidates, lambda c: make if (make := c.item.brand.casefold()) in asked_makes else None)
    candidates = ownership.requested_first(index, [*variants_first, *state.requested], candidates)  # "do you have X?"
    candidates, no_case_for = gaps_round9.nearest_cases(candidates, message, [  # i12bb: "and a case for it?"
        index.get(i) for i in ([r.item_id for r in heard.references if r.item_id] or fitted_ids or state.last_shown) if i in index])
    if no_case_for:
        notes.append(phrases.render("no_case_for", models=" / ".join(no_case_for[:2]) + (" …" if len(no_case_for) > 2 else "")))

    if type_unsold:  # stop 41: the thing not sold is no feature of the items shown instead
        context = replace(context, request=Request.from_turns(_since_kind(wish_turns, state), state,
                                                              profile.titles if profile else (),
                                                              turned_down=_turned_down_makes(state, parts)))
    turn = Turn(session_id, message, state, heard, profile, context, query, relaxed, candidates)
    turn.metadata = {
        "understood": heard.summary(),
        "understanding": understanding,
        **_understanding_degraded(understanding),
        "constraints": state.constraints(),
        "relaxed": relaxed,
        "all_shown": exhausted,
        "profile": profile.to_dict() if profile else None,
        "n_candidates": len(candidates),
    }
    said_extras = [spec_filters.in_force(state, spec_notes, heard.language),  # i12o: ">= 43 inches"
                   wanted_words.shown_words([title_brands.spelt(w, index, _value_tokens(parts))  # i12y:
                                             for w in state.wanted], heard.language),  # "braided", "Citizen"
                   *(phrases.render("wish", values=[word], count=1, negated=True)  # "no polo"
                     for word in _avoided_as_said(state, message, heard.language, turns_so_far)
                     if not colour_families.said_by_family(word, wishes, heard.language))]  # "not bright colours", no "not bright"
    said = ", ".join(filter(None, [phrases.summary(wishes, currency(candidates), labels=parts.labels), *said_extras]))
    said = _once(said)
    if not candidates:
        turn.text = " ".join([*notes, phrases.render("empty", wishes=said or message)])
        turn.metadata["policy"] = {"decision": "nothing found"}
        return turn

    plan = decide(parts.policy, candidates, state, heard, profile, settings.n_recommendations, message, passed_over)
    on_offer: Counter[str] = Counter()
    if offered is not None:  # the values the shop has for the search, to pick from
        counts = Counter(v for c in candidates for v in dict.fromkeys(field_values(c.item, offered)))
        if state.include.get(offered):  # i12ac: "what colours do you have?" with black in force: those of the rest
            counts = Counter(v for i in _fitting_items(parts, state, leave_out=offered)
                             for v in dict.fromkeys(field_values(i, offered)))
        counts = assortment.one_spelling(counts)  # "tizum" and "Tizum" are one brand to pick
        if len(counts) >= 2:
            plan = QuestionPlan(offered, [v for v, _ in counts.most_common(parts.policy.max_options)], 0.0, plan.gains,
                                f"the shopper asked which {offered} values there are")
            on_offer = assortment.one_spelling(Counter(  # lead, stop 36: all there is
                v for i in _fitting_items(parts, state, leave_out=offered) for v in dict.fromkeys(field_values(i, offered))))
    if span is not None:  # lead, stop 36: "what sizes do the tvs come in?", "what's the price range?"
        fitting, types = _fitting_items(parts, state), type_fields(list(parts.vocabulary.fields))
        spanned = assortment.prices_answer(phrases, fitting, state.include, types, parts.labels, format_amount) \
            if span == "prices" else assortment.sizes_answer(phrases, fitting, state.include, types, parts.labels,
                                                              parts.policy.max_options)
        if spanned is not None:
            turn.text, turn.question = spanned  # the answer alone: no note on sizes the search cannot filter by
            turn.metadata["policy"] = {"decision": "answer", "attribute": span, "reason": f"the shopper asked which {span} there are"}
            kind_field = product_type_field(parts)
            if spanned[1] is not None and kind_field is not None:  # a clicked size or budget then shows items
                state.apply(Asked(kind_field, ()))
            return turn
    kind_field = product_type_field(parts)
    unrelated = type_unsold and gaps_round17.nothing_goes_with(  # stop 61: "a non stick pan": nothing goes with one
        not_sold_name if heard.language in (None, "en") or not not_sold_name
        else _lexicon(settings).translate(not_sold_name, heard.language), _titles(parts))
    if type_unsold and kind_field is not None and (plan.attribute not in (None, kind_field) or plan.attribute is None
                                                   and not state.last_shown and not state.requested
                                                   and (best_asked(message) or unrelated and not gaps_round17.shown_now(message))) \
            and not any(state.include.get(name) for name in ["category", *type_fields([*state.include])]):
        # "do you have earphones?" where none is sold: which of the shop's kinds, not "which brand?"; stop 58: nor
        # five things near it ("which fridge would you recommend?" showed vacuum sealers and milk frothers)
        near_kinds = Counter(v for c in candidates for v in dict.fromkeys(field_values(c.item, kind_field)))
        if len(near_kinds) >= 2:
            plan = QuestionPlan(kind_field, [v for v, _ in near_kinds.most_common(parts.policy.max_options)], 0.0, plan.gains,
                                "the thing asked for is not sold: which of the shop's kinds instead")
            if state.queries and state.queries[-1] == heard.query:  # stop 58: "what's the best washing machine?" then
                state.queries.pop()  # "a tv": no "best" (a rating asked for) carried to the TVs' reasons
    turn.plan = plan
    turn.metadata["policy"] = {
        "decision": "ask" if plan.attribute else "recommend",
        "attribute": plan.attribute,
        "reason": plan.reason,
        "gains": plan.gains,
    }
    relaxed_before, state.relaxed_told = state.relaxed_told, []
    if relaxed and not (offered is not None and plan.attribute == offered and state.include.get(offered)):
        # nothing lost silently, also when a question follows (i12ac: but the values asked for show nothing); said
        # in full once, then in one line while the same wishes stay left out (stop 44: the note repeated every turn)
        told_already = not exhausted and sorted(relaxed) == sorted(relaxed_before)
        wording = "exhausted" if exhausted else "relaxed_again" if told_already else "relaxed"
        state.relaxed_told = list(relaxed)
        notes.append(phrases.render(wording, dropped="; ".join(_shown_relaxed(
            relaxed, phrases, shopper_moves.occasion_said(" ".join([*state.queries[-3:], message]))))))
        if has_prices and not exhausted and state.max_price is not None and wishes.max_price is None \
                and not any(n.startswith(phrases.render("cheapest_overall", title="", price="")[:12]) for n in notes):
            # lead, stop 35: the budget left out: how far it is from what the shop has
            fits = parts.retriever.allowed(filters_for(wishes), excluded(state, profile, with_shown=False))
            priced = [i for n, i in enumerate(index.items) if (fits is None or fits[n]) and i.price is not None]
            if priced and state.min_price is not None and wishes.min_price is None:
                notes.append(_nearest_prices(phrases, priced, state.min_price, state.max_price))  # stop 57: "around 3000"
            elif priced:
                low = min(priced, key=lambda i: float(i.price or 0.0))
                notes.append(phrases.render("cheapest_without_budget", title=low.title,
                                            price=format_amount(float(low.price or 0.0), low.currency)))
    notes.extend(seen_rest)
    notes[:0] = gaps_round10.turn_notes(message, heard, state.language or heard.language)  # i12bg: the need read, a total's split
    if plan.attribute is not None:
        turn.question = question(plan, phrases, parts.labels)
        if offered is not None and plan.attribute == offered and on_offer and offered_what:  # lead, stop 36
            turn.question = replace(turn.question, text=assortment.field_answer(
                phrases, offered, offered_what, on_offer, plan.options, state.include,
                type_fields(list(parts.vocabulary.fields)), parts.labels, phrases.show_value))
        turn.text = " ".join([*notes, turn.question.text])
        state.apply(Asked(plan.attribute, tuple(plan.options)))
        return turn

    with observability.stage("rank"):
        spread = _spread_field(parts, state, heard)
        ranked = rank(parts.ranker, context, candidates[: settings.n_candidates],
                      settings.n_candidates if spread is None else settings.n_recommendations, spread)
        turn.chosen = gaps_round10.distinct_products(  # i12bg: one slot per product, not its colours
            ranked, settings.n_recommendations, message, max((len(v) for n, v in state.include.items() if "colo" in n.lower()),
            default=0), _colour_words(parts), state.shown, on=not pointed_now and not back_to and not heard.references
            and heard.intent not in ("show_again", "reject", "more_like"))
        turn.chosen = ownership.asked_first([*variants_first, *state.requested], candidates, turn.chosen,
                                            settings.n_recommendations)
        if liked_makes:  # stop 61: a ranker may have put them back together
            turn.chosen = gaps_round17.some_of_make_first(turn.chosen, liked_makes,
                                                          lambda r: _make_of(r.candidate.item, liked_makes))
            if liked_said and (spelt := gaps_round17.makes_shown([r.candidate.item.title for r in turn.chosen],
                                                                 liked_makes)):
                notes.append(phrases.render("liked_make", make=" / ".join(spelt)))
    observability.count_ranking(parts.ranker, turn.metadata, settings.use_llm)
    if colours_of:  # lead, stop 34: "does the second one come in other colours?" answered, its other colours first
        allowed = parts.retriever.allowed(query.filters, excluded(state, profile, with_shown=False))
        turn.chosen, colours_note = other_colours.first(colours_of[0], turn.chosen, _colour_words(parts), phrases,
                                                        phrases.show_value, [i for n, i in enumerate(index.items)
                                                                             if allowed is None or allowed[n]])
        notes.append(colours_note)
        # lead, stop 35: the pointed item's own colour was left out to answer the question, not as a wish: it does not
        # carry into the next search ("now a wallet" after "does the second handbag come in other colours?")
        for name in [n for n in heard.exclude if "colo" in n.lower()]:
            if excluded_before.get(name):
                state.exclude[name] = excluded_before[name]  # "not black" said before stays
            else:
                state.exclude.pop(name, None)
    if near is not None:
        turn.chosen = near_colours.first(turn.chosen, near[0], near[1], lambda r, name: field_values(r.candidate.item, name))
        shown_shades = [v for v in near[1] if any(v in field_values(r.candidate.item, near[0]) for r in turn.chosen)]
        notes.extend([phrases.render("near_shades" if near[0] in refused_colours.colour_fields([near[0]]) else "near_seasons",
                                     shades=("、" if phrases.code == "zh" else ", ").join(
            phrases.show_value(v) for v in shown_shades))]
                     if shown_shades else [])
    if wanted_count:  # lead, stop 35: "just show me 3": that many
        turn.chosen = turn.chosen[:wanted_count]
    said = ", ".join(filter(None, [phrases.summary(  # stop 57: "Jackets or Gloves", not "Gloves or 6 similar"
        occasion_named(shown_kinds(wishes, [r.candidate.item for r in turn.chosen], ["category", *type_fields(
            list(parts.vocabulary.fields))]), shopper_moves.occasion_said(
            message) or shopper_moves.occasion_said(" ".join(t.text for t in turns_so_far() if t.role == "customer"))),
        currency(candidates), labels=parts.labels),
        *said_extras]))
    text = phrases.render("recommend", count=len(turn.chosen), wishes=_once(said))
    have = [r.candidate.item.title for r in turn.chosen if r.candidate.item.id in state.requested]
    if have:  # "do you have Inception?": say yes before the list
        text = phrases.render("have", titles=", ".join(dict.fromkeys(have))) + " " + text
    if in_order and (ordered := gaps_round15.order_note(order_message, heard.language, [r.candidate.item for r in turn.chosen])):
        notes[:] = [ordered if gaps_round15.is_order_note(n, order_message, heard.language) else n for n in notes]  # stop 62:
    turn.text = " ".join([*notes, text])  # the figures the list shown runs between, not the pool's first five
    items = [r.candidate.item for r in turn.chosen]
    state.apply(Shown(tuple(i.id for i in items), tuple(i.price for i in items if i.price is not None)))
    return turn


def in_shoppers_language(parts: Parts, turn: Turn, explanations: list[Explanation]) -> list[Explanation]:
    """The reasons in the shopper's language when it has a reason wording (``prompts/<lang>/reasons.json``:
    zh, es, de): the template's facts, the same ones, in that language's words, each checked for
    grounding (:mod:`chatrec.reasons_local`). Languages without one, and explainers without a fact
    list, keep the English reasons."""
    from chatrec.explain import request_of
    from chatrec.reasons_local import in_language, local_writer

    facts_batch = getattr(parts.explainer, "facts_batch", None)
    writer = local_writer(turn.heard.language, parts.settings.prompts_dir)
    if writer is None or not callable(facts_batch):
        return explanations
    items = [r.candidate.item for r in turn.chosen]
    return in_language(writer, explanations, facts_batch(turn.context, items), items, request_of(turn.context))


def answer(parts: Parts, turn: Turn) -> Iterator[str | Reply]:
    """The turn's words as they are written: the opening, each item and its reason, then the Reply."""
    yield turn.text
    if turn.question is not None or not turn.chosen:
        yield Reply(turn.session_id, turn.text, [], turn.question, turn.metadata)
        return
    # The reasons of all items are written together (one batch for the LLM writer) and checked
    # before any is shown (chatrec.explain, chatrec.grounding); the opening above streams at once.
    written = time.perf_counter()
    with observability.stage("explain"):
        explanations = explain_all(parts.explainer, turn.context, [r.candidate.item for r in turn.chosen])
        explanations = in_shoppers_language(parts, turn, explanations)
    writes_with_llm = parts.settings.use_llm and parts.settings.reason_writer == "llm"
    also = gaps_round10.also_in_list(turn, _colour_words(parts))  # i12bg: "Also in Deep Blue, Scarlet Red."
    recommendations = []
    for position, (ranked, explanation) in enumerate(zip(turn.chosen, explanations), start=1):
        item = ranked.candidate.item
        yield item_heading(position, item.title)
        reason = explanation.text
        if parts.labels is not None:
            reason = parts.labels.clean(reason)  # a raw value the model repeated, as its label
        observability.count_explanation(explanation, turn.metadata, writes_with_llm)
        cited = cite_history(parts.retriever, turn.profile, item, reason, parts.phrases)
        said_in = turn.state.language or turn.heard.language
        shown_as = [parts.phrases.language(said_in).show_value(c) for c in also.get(item.id, [])]
        shown_as = [c[:1].upper() + c[1:] for c in shown_as] if said_in == "de" else shown_as  # "auch in Rot": a noun
        cited = gaps_round10.also_in_text(cited, shown_as, said_in) if item.id in also else cited  # lead, stop 35: "也有棕色"
        yield cited
        recommendations.append(recommendation(ranked, cited, parts.labels))
    counts = problem_counts(explanations)
    turn.metadata["explanation_fallbacks"] = counts["fallbacks"]
    turn.metadata["reasons"] = {**counts, "seconds": round(time.perf_counter() - written, 3)}
    yield Reply(turn.session_id, turn.text, recommendations, None, turn.metadata)
