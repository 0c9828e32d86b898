"""Questions about shown items, judging them, and turns that are no wish: English the rules still misread (issue 12, set 40).

Blind set 40 (English shoppers: non-native, terse, chatty, dictated, buying for someone else)
showed classes of turns that :mod:`chatrec.understanding` and the English steps after it read
wrong. Two steps correct them by class, never by sentence; their words are in
``chatrec/data/english_questions.json``.

:func:`normalise` rewrites the English message before the rules read it:

- slang that is no wish ("no cap", "frfr", "deadass", "istg") goes: "kicks no cap" turns no caps down;
- a filler "like" after a verb or a pause ("does it have like bluetooth calling", "so like does
  the boat one have gps") goes, never a "like" pointing at something ("is it like the first one");
- "red isn't her colour", "blue is not his style": a value turned down for the person the search
  is for, as "red isn't my colour" (the possessive names no gender to turn down).

:func:`adjust` corrects the request after the rules:

- a personal pronoun inside a negation never turns a gender down ("tshirts for my son, not white
  pls he spills everything" turns white down, not men);
- a relative who judged a shown item ("my sister liked the black one, show more like that") is
  no gender wished for, unless the message says who the item is for;
- a shown item named by a word of its title that is also a value turned down ("neither the jbl
  nor the boat", "not the oneplus, the others are fine") points at that item;
- shown items named and disliked ("dont like the puma", "second n third are both ugly",
  "neither the jbl nor the boat"), with nothing else asked, are turned down (reject);
- shown items criticised beside others liked ("the first speaker is too small, something like
  the jbl one", "the rest are meh, only the MI one is ok, more like it", "not the oneplus, the
  others are fine, more like them"): more like the liked ones only;
- a yes/no or wh- question on a pointed item after it is named ("the noise one does it have
  bluetooth calling", "the white one is it formal or casual") asks about it, no search;
  "the other phone" with one item talked about last is the other one;
- values offered as an either-or in a question on a pointed item ("the red one is for sports or
  casual?") point at nothing;
- questions on sales and discounts with no product asked for ("will prices drop on black
  friday?") are off topic; a message of made-up words only ("asdkjh qwpeoi zzz") is chit-chat.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Literal

from chatrec.request import ItemReference, ShopperRequest
from chatrec.text import alternation, word_table

__all__ = ["adjust", "normalise"]


def _table() -> dict[str, Any]:
    return word_table("english_questions")  # read once per process (chatrec.text.word_table)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    table = _table()
    pronouns = alternation(table["pronouns"])
    kin = alternation(table["kin"])
    return {
        "no_cap": re.compile(r"\bno cap\b(?=\s*(?:$|[,.!?;:]|\b(?:fr|tho|bro|though|lol|fam)\b))", re.IGNORECASE),
        "slang": re.compile(rf"\b(?:{alternation([w for w in table['slang_markers'] if w != 'no cap'])})\b", re.IGNORECASE),
        "filler_like": re.compile(
            rf"\b(?P<before>{alternation(table['filler_like_after'])})\s*,?\s+like\s*,?\s+"
            r"(?!(?:it|this|that|these|those|them|the|one|ones|number|#|\d|a|an|what|which|any|something|anything)\b)",
            re.IGNORECASE),
        "taste_of": re.compile(
            rf"\b(?P<neg>isn'?t|is not|ain'?t|aint|not)\s+(?:{alternation(['her', 'his', 'their'])})\s+"
            rf"(?P<noun>{alternation(table['taste_nouns'])})\b", re.IGNORECASE),
        "pronoun": re.compile(rf"\b(?:{pronouns})\b"),
        "judged": re.compile(rf"\b(?:my|our|the) (?P<kin>{kin})(?:'s)? (?:{alternation(table['judged_by'])})\b"),
        "recipient": re.compile(r"\bfor (?:my|her|him|his|a|an|the|our|me)\b"),
        # "don't really like", "too flashy", "too tight looking"; never "too expensive" (that asks for cheaper)
        "dislike": re.compile(
            rf"(?<![\w'])(?:{alternation(table['dislike'])}"
            r"|(?:don'?t|do not|didn'?t|did not) (?:really |quite |much |even |so |particularly )?(?:like|love|fancy|dig)"
            r"|too (?!expensive|pricey|costly|dear|much|many|cheap|good|nice|cute)[a-z]+)(?![\w'])"
            r"(?![- ]?(?:range|priced?|tier|level)\b)"),  # "mid-range" is a price, no verdict "mid"
        "approval": re.compile(rf"(?<![\w'])(?:{alternation(table['approval'])})(?![\w'])"),
        "more_wanted": re.compile(
            r"\b(?:similar|more like|anything like|something like|ones like|stuff like|more of|show (?:me )?more"
            r"|(?:any|got|have) (?:more|others?)|find (?:me )?(?:more|others?))\b"),
        "likeness": re.compile(r"(?<!n't )(?<!dont )(?<!not )\blike (?:it|this|that|these|those|them|the|one|number)\b"),
        "others": re.compile(rf"\b(?:{alternation(table['others_words'])})\b"),
        "opens_negative": re.compile(rf"^\W*(?:(?:{alternation(table['interjections'])})\W+)?(?:no|not|neither|nor)\b"),
        "asks": re.compile(rf"^\W*(?:{alternation(table['asks'])})\b|\bor (?:nah|not|no)\W*$"),
        "clauses": re.compile(r"[,;.!?]+|\bbut\b"),
        "pointed_question": re.compile(
            r"\b(?:does|do|is|are|can|will|would|did|was|could)\s+(?:it|this|that|they|this one|that one)\b"
            r"|\b(?:how|what|which)\b[\w\s]{0,30}\b(?:does|do|is|are|can|has)\s+(?:it|they)\b"),
        # a clause opening with an auxiliary asks ("my daughter is 14, would the nike fit her"); never "can you ..."
        "aux_clause": re.compile(
            r"^(?:(?:so|and|ok|okay|hmm|but|also|then)\s+)*(?:would|will|does|do|is|are|can|could|should|did|has|was)\b"
            r"(?!\s+(?:you|u|ya|we|i|there)\b)"),
        # "which one would go with jeans": a choice among the shown items, whatever they go with
        "which_one": re.compile(r"^\W*(?:(?:so|and|ok|okay|hmm)\s+)*which (?:one|ones|of (?:these|them|those|the))\b"),
        # "is it better than the zebronics": the item talked about last against the one named
        "than_it": re.compile(r"\b(?:it|this|that|this one|that one)\b.*\b(?:better|worse|[a-z]{3,}er|more \w+|less \w+) than\b"),
        "other_noun": re.compile(r"\bthe other (?!one\b|ones\b|two\b|three\b)(?P<noun>[a-z]+)\b"),
        "either_or": re.compile(r"\b(?:for\s+)?(?P<a>[a-z]+)\s+or\s+(?P<b>[a-z]+)\s*\??\s*$"),
        # "the 2 and the 3", "the 1 & 3": bare digits after "the" are positions (never "2 and 3 gb")
        "digit_pair": re.compile(
            r"\bthe (?P<a>[1-9]) ?(?:and|&|,|n) ?(?:the )?(?P<b>[1-9])\b(?! ?(?:gb|tb|mah|inch|inches|k|rs|rupees|pcs|pieces|hours|days|x|%))"),
        # "both the red and the white", "the red and the white ones": two shown items by a word each
        "word_pair": re.compile(
            r"(?<!\bof )(?<!\bbetween )(?<!\bthan )\b(?:both )?the (?P<a>[a-z][\w-]*(?: [a-z][\w-]*)?) (?:and|&|n) the (?P<b>[a-z][\w-]*(?: [a-z][\w-]*)??)(?: ones?)?\b"),
        "sale": re.compile(rf"\b(?:{alternation(table['sale_words'])})\b"),
        "question": re.compile(rf"\?\s*$|^\W*(?:{alternation(table['question_openers'])})\b"),
        "slang_only": re.compile(rf"^\W*(?:(?:{alternation(table['slang_interjections'])})[a-z]*\W*)+$"),
        "abilities": re.compile(
            rf"^\W*(?:can|could|do|will) (?:you|u) (?:even |also |actually )?(?:{alternation(table['assistant_abilities'])})\b"),
        "secrets": re.compile(rf"(?<![\w.])(?:{alternation(table['secrets'])})\b"),
        "freebies": re.compile(rf"\b(?:{alternation(table['freebies'])})\b"),
        "insult": re.compile(
            r"\b(?:you'?re|youre|your|ur|u r|you are|u)\s+(?:(?:so|really|such an?|very|kinda|literally|damn|just|soo+)\s+)*"
            rf"(?:{alternation(table['insult_adjectives'])})\b"),
        "human": re.compile(
            r"\b(?:talk|speak|chat|connect me|put me through)\s+(?:to|with)\s+(?:a |an |some |your )?(?:real |actual |live )?"
            rf"(?:{alternation(table['human_help'])})\b"),
        "order_status": re.compile(
            r"\b(?:status of (?:my |the |an? )?order|order status|track(?:ing)? (?:my |the )?(?:order|package|parcel|shipment)"
            r"|where(?:'s| is|s) my (?:order|package|parcel|refund|delivery|shipment)"
            r"|(?:order|package|parcel|refund|delivery)\b.{0,20}\b(?:hasn'?t|has not|didn'?t|did not|never|not yet)\s+"
            r"(?:arrived|come|came|reached|been))"),
        "role_play": re.compile(rf"\b(?:{alternation(table['role_play'])})\b"),
    }


def normalise(message: str) -> str:
    """The English message with slang, filler "like" and "isn't her colour" said plainly (module docstring)."""
    patterns = _patterns()
    text = patterns["no_cap"].sub(" ", message)
    text = patterns["slang"].sub(" ", text)
    text = patterns["filler_like"].sub(lambda found: f"{found.group('before')} ", text)
    text = patterns["taste_of"].sub(lambda found: f"{found.group('neg')} my {found.group('noun')}", text)
    return re.sub(r"[ \t]+", " ", text).strip() or message


def _named(request: ShopperRequest) -> list[int]:
    """Positions of the shown items the message points at (not "these" by default)."""
    return [r.position for r in request.references if r.how != "all"]


def _refs(positions: list[int], shown: list[Any], how: Literal["other", "position"]) -> list[ItemReference]:
    return [ItemReference(position=p, item_id=str(getattr(shown[p - 1], "id", "")) or None, how=how)
            for p in positions]


def _wishless(request: ShopperRequest) -> bool:
    return not (request.include or request.price or request.relative_price)


def _disliked(text: str) -> bool:
    patterns = _patterns()
    return bool(patterns["dislike"].search(text) or patterns["opens_negative"].search(text))


def _approved(text: str) -> bool:
    patterns = _patterns()
    masked = patterns["dislike"].sub(" ", text)
    return bool(patterns["approval"].search(masked) or patterns["likeness"].search(masked))


def _wants_more(text: str) -> bool:
    """Asks for items like some ("similar", "more like that"), beyond praising them ("looks nice")."""
    patterns = _patterns()
    masked = patterns["dislike"].sub(" ", text)
    return bool(patterns["more_wanted"].search(masked) or patterns["likeness"].search(masked))


def _titles(shown: list[Any]) -> list[set[str]]:
    from chatrec.understanding import normalise_tokens

    return [set(normalise_tokens(str(getattr(item, "title", "")))) for item in shown]


def _point_at_turned_down(
    request: ShopperRequest, lowered: str, shown: list[Any], reread: Callable[[str], ShopperRequest],
) -> ShopperRequest:
    """"neither the jbl nor the boat": a value turned down that is a title word of some shown items names them."""
    if not request.exclude or request.include or _named(request):
        return request
    from chatrec.understanding import normalise_tokens

    titles = _titles(shown)
    turned_down = {" ".join(normalise_tokens(v)) for values in request.exclude.values() for v in values}

    def number(found: re.Match[str]) -> str:
        words = normalise_tokens(found.group("word"))
        word = words[0] if len(words) == 1 else ""
        hits = [p for p, title in enumerate(titles, start=1) if word in title]
        if word in turned_down and hits and len(hits) < len(shown):
            return found.group("neg") + " " + " and ".join(f"number {p}" for p in hits)
        return found.group(0)

    # "not the oneplus" points at the shown OnePlus; "skip the boAt ones" turns the brand down
    said = re.sub(r"\b(?P<neg>not|nor|neither) the (?P<word>[a-z][\w-]*)(?: one)?\b(?! ones)", number, lowered)
    if said == lowered:
        return request
    # a bare "not the Samsung" turns the brand down; "neither ... nor", or with the others liked, points
    patterns = _patterns()
    if not (re.search(r"\bneither\b.*\bnor\b", lowered) or patterns["others"].search(lowered) and _approved(lowered)):
        return request
    again = reread(said)
    return again if _named(again) and not again.exclude else request


def _judged(
    request: ShopperRequest, lowered: str, shown: list[Any], reread: Callable[[str], ShopperRequest],
) -> ShopperRequest:
    """Shown items disliked (reject them) or criticised beside others liked (more like those only)."""
    patterns = _patterns()
    named = _named(request)
    if not named or request.intent not in ("more_like", "refine", "ask_about_item", "reject") or not _wishless(request):
        return request
    lowered = re.sub(r"\bnot (?:too |that |so |half )?bad\b", "fine", lowered)  # "the puma is not bad actually"
    clauses = [c.strip() for c in patterns["clauses"].split(lowered) if c.strip()]
    negative = [c for c in clauses if _disliked(c) and not _approved(c)]
    if not negative:
        return request
    positive = [c for c in clauses if c not in negative]
    if len(clauses) > 1 and re.fullmatch(
            rf"(?:(?:{alternation(_table()['interjections'])})\s+)?(?:no+|nope|nah|not that one|not this one|i meant)",
            clauses[0]):
        return request  # "no, the puma": a bare "no" first corrects which item is meant, it dislikes none
    if not any(_approved(c) for c in positive):
        if request.intent == "reject" or patterns["pointed_question"].search(lowered) or "?" in lowered \
                or patterns["asks"].search(lowered):
            return request
        return request.model_copy(update={"intent": "reject", "show_now": True, "exclude": {}, "avoid_words": []})
    liked = reread(", ".join(positive))
    if liked.intent == "more_like" and _named(liked):
        if sorted(_named(liked)) != sorted(named):
            return liked.model_copy(update={"show_now": True})
        return request
    if any(patterns["others"].search(c) for c in positive):
        turned = _named(reread(", ".join(negative)))
        rest = [p for p in range(1, len(shown) + 1) if p not in turned]
        if turned and rest and sorted(rest) != sorted(named):
            return request.model_copy(update={
                "intent": "more_like", "references": _refs(rest, shown, "other"), "exclude": {}, "show_now": True})
    return request


def _listed(request: ShopperRequest, lowered: str, shown: list[Any], reread: Callable[[str], ShopperRequest]) -> ShopperRequest:
    """Two shown items listed by bare digits or by one word each ("the 2 and the 3", "both the red and the white")."""
    patterns = _patterns()
    digits = patterns["digit_pair"].search(lowered)
    if digits and not request.price:
        wanted = sorted({int(digits.group("a")), int(digits.group("b"))})
        if wanted[-1] <= len(shown) and sorted(_named(request)) != wanted:
            again = reread(lowered[:digits.start()] + " and ".join(f"number {p}" for p in wanted) + lowered[digits.end():])
            if sorted(_named(again)) == wanted:
                return again
    pair = patterns["word_pair"].search(lowered)
    # "the pricey one and the cheap one" is already said with "one": rewording it again would loop
    if pair and (request.include or len(_named(request)) != 2) \
            and not {pair.group("a").split()[-1], pair.group("b").split()[-1]} & {"one", "ones"}:
        again = reread(lowered[:pair.start()] + f"the {pair.group('a')} one and the {pair.group('b')} one" + lowered[pair.end():])
        kept = all(set(v) <= set(request.include.get(k, [])) for k, v in again.include.items())
        if len(_named(again)) == 2 and kept and len(again.include) <= len(request.include) \
                and sum(map(len, again.include.values())) < sum(map(len, request.include.values())) + (not request.include):
            return again
    return request


def _question(
    request: ShopperRequest, lowered: str, context: Any, shown: list[Any], reread: Callable[[str], ShopperRequest],
) -> ShopperRequest:
    """A question on a pointed item; "the other phone"; an either-or of values asked about."""
    patterns = _patterns()
    last = [p for p in (getattr(context, "last_references", None) or []) if 1 <= p <= len(shown)]
    other = patterns["other_noun"].search(lowered)
    if other and last and len(shown) - len(last) == 1 and set(_named(request)) <= set(last):
        again = reread(lowered[:other.start()] + "the other one" + lowered[other.end():])
        if _named(again):
            request = again
    named = _named(request)
    clauses = [c.strip() for c in patterns["clauses"].split(lowered) if c.strip()]
    asks = patterns["pointed_question"].search(lowered) or any(patterns["aux_clause"].match(c) for c in clauses)
    if named and request.intent in ("more_like", "refine") and not request.price and not request.relative_price \
            and asks and not _wants_more(lowered):
        request = request.model_copy(update={
            "intent": "ask_about_item", "include": {}, "exclude": {}, "avoid_words": [], "show_now": False})
    if request.intent in ("refine", "recommend", "ask_about_item") and not _named(request) and len(shown) > 1 \
            and not request.price and patterns["which_one"].search(lowered):
        request = request.model_copy(update={
            "intent": "compare", "include": {}, "exclude": {}, "avoid_words": [], "relative_price": None,
            "show_now": False, "references": [ItemReference(
                position=p, item_id=str(getattr(item, "id", "")) or None, how="all") for p, item in enumerate(shown, start=1)]})
    named = _named(request)
    if request.intent == "ask_about_item" and named and last and not set(last) & set(named) \
            and patterns["than_it"].search(lowered):
        request = request.model_copy(update={"intent": "compare", "references": sorted(
            [*request.references, *_refs(last, shown, "position")], key=lambda r: r.position)})
        named = _named(request)
    either = patterns["either_or"].search(lowered)
    if either and request.intent == "ask_about_item" and len(named) > 1:
        again = reread(lowered[:either.start()].rstrip() + "?")
        kept = _named(again)
        if again.intent == "ask_about_item" and kept and len(kept) < len(named):
            request = request.model_copy(update={"references": [r for r in request.references if r.position in kept]})
    return request


def _no_wish(request: ShopperRequest) -> bool:
    return not (request.include or request.exclude or request.price or request.relative_price or request.references)


def _made_up(lowered: str, vocabulary: Any) -> bool:
    """Every word unknown: no English word, no catalogue word, no number (keyboard mashing with vowels)."""
    from chatrec.understanding import _is_word

    words = re.findall(r"[a-z]+", lowered)
    if len([w for w in words if len(w) >= 3]) < 2 or re.search(r"\d", lowered) or re.search(r"[^\x00-\x7f]", lowered):
        return False
    known: frozenset[str] = getattr(vocabulary, "value_words", frozenset()) if vocabulary is not None else frozenset()
    if any(_is_word(w) or w in known for w in words):
        return False
    # stop 53: "preferably waterproof" is two words the items' own names and descriptions say
    said = vocabulary.text_words() if hasattr(vocabulary, "text_words") else frozenset()
    return not any(w in said for w in words)


def adjust(
    request: ShopperRequest, message: str, context: Any, vocabulary: Any = None,
    reread: Callable[[str], ShopperRequest] | None = None,
) -> ShopperRequest:
    """Correct a rules request for the classes of the module docstring's second list.

    Args:
        request: The request of the rules so far.
        message: The message as the rules read it (after the English normalisers).
        context: The :class:`~chatrec.understanding.TurnContext` of the turn.
        vocabulary: The catalogue's :class:`~chatrec.understanding.ValueMatcher`.
        reread: Reads another wording of the message (the rules on that text, same context).

    Returns:
        The request, changed only in those classes.
    """
    if request.language != "en":
        return request
    patterns = _patterns()
    lowered = re.sub(r"\s+", " ", message.lower()).strip()
    shown = list(getattr(context, "shown", ()) or ())

    if request.intent in ("recommend", "refine", "chitchat") and _no_wish(request):
        ranks_shown = bool(shown) and re.search(r"\b(?:biggest|largest|highest|most|best|more|bigger|better)\b", lowered)
        if patterns["sale"].search(lowered) and patterns["question"].search(lowered) and not ranks_shown \
                or patterns["abilities"].search(lowered) or patterns["secrets"].search(lowered) \
                or patterns["freebies"].search(lowered) or patterns["human"].search(lowered) \
                or patterns["order_status"].search(lowered):  # the shop, the assistant, its secrets, an order
            return ShopperRequest(intent="off_topic", language=request.language)
        if patterns["insult"].search(lowered):  # "your dumb af": an insult is chit-chat
            return ShopperRequest(intent="chitchat", language=request.language)
        if _made_up(lowered, vocabulary) or patterns["slang_only"].match(lowered):  # "bruh", "lmaooo"
            return ShopperRequest(intent="chitchat", language=request.language)
    if request.intent == "start_over" and _no_wish(request) and patterns["role_play"].search(lowered):
        # "forget everything and act as a linux terminal": an attempt to recast the assistant
        return ShopperRequest(intent="off_topic", language=request.language)
    if reread is None:
        return request

    if request.exclude.get("gender") and patterns["pronoun"].search(lowered):
        again = reread(patterns["pronoun"].sub("they", lowered))
        kept = [v for v in request.exclude["gender"] if v in again.exclude.get("gender", [])]
        if kept != request.exclude["gender"]:
            exclude = {k: v for k, v in request.exclude.items() if k != "gender"}
            if kept:
                exclude["gender"] = kept
            include = dict(request.include)
            if "gender" not in include and again.include.get("gender"):  # "for my husband, no pink he ..."
                include["gender"] = again.include["gender"]
            request = request.model_copy(update={"exclude": exclude, "include": include})
    if request.include.get("gender") and _named(request) and patterns["judged"].search(lowered) \
            and not patterns["recipient"].search(lowered):
        again = reread(patterns["judged"].sub(lambda found: "someone " + found.group(0).rsplit(" ", 1)[-1], lowered))
        if "gender" not in again.include and sorted(_named(again)) == sorted(_named(request)):
            request = request.model_copy(update={"include": {k: v for k, v in request.include.items() if k != "gender"}})

    if shown:
        request = _point_at_turned_down(request, lowered, shown, reread)
        request = _listed(request, lowered, shown, reread)
        request = _question(request, lowered, context, shown, reread)
        request = _judged(request, lowered, shown, reread)
    return request
