"""Shopping gaps round 8 (issue 12, branch i12aw): classes the lead found shopping the demos.

- A colour said in a story about the past or about someone else ("she wore red at her wedding",
  "my old one was black", "he already has a blue one", "mi vieja era negra", "mein altes war schwarz",
  "他已经有一件蓝色的了") is no wish: :func:`adjust` (a step of :func:`chatrec.understanding.understand`)
  drops the colour that only such a clause names.
- One model in several colours ("Redmi A1 (Black, ...)", "Redmi A1 (Light Blue, ...)"; "Puma Men White
  T-shirt", "Puma Men Black T-shirt") takes one slot in a list unless the shopper asked about colours:
  :func:`one_per_model` (a step of :func:`chatrec.turn` before the list is chosen).
- "The most RAM" reads the RAM figures of a title, "the most storage" the others: :func:`spec_part`
  (used by :func:`chatrec.answers._spec_value`).

Elsewhere in this round: equal prices said once (``price_all_same`` of the answer wording), a spec
answer quoting the figure (:func:`chatrec.answers.figure_said`), two-word makes of the titles
(:func:`chatrec.title_brands.brand_pairs`), "größerer Bildschirm" (``prompts/spec_comparatives.json``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

__all__ = ["adjust", "colour_words", "model_key", "one_per_model", "same_model", "spec_part", "story_clauses",
           "story_colours"]

#: Where a message's clauses part: punctuation and the words joining a story to a wish.
_CLAUSE_SPLIT = re.compile(
    r"[,;.!?，。；！？、\n]+|\s+(?:but|and|because|since|cause|cuz|coz|as|so|though|although|pero|porque|y|aunque|"
    r"aber|weil|und|denn|obwohl)\s+|但是|可是|因为|不过|所以", re.IGNORECASE)

#: A clause telling what was, or what someone already has: past tense, "my old one", "already has".
_STORY = re.compile(
    r"\b(?:(?:i|he|she|it|they|we|that|this|mine|hers|his|one|ones|pair|\w+ one)\s+(?:\w+\s+)?(?:was|were)|wore|had|bought|owned|broke|used to|chose|picked|gave|gifted|received|"
    r"(?:he|she|they|we|i|my \w+|his \w+|her \w+)\s+(?:already\s+)?(?:has|have|owns|own)|already (?:has|have|got|owns|own)|"
    r"(?:my|his|her|their|our) (?:old|last|previous|current|existing|former) \w+)\b"
    r"|\b(?:era|fue|eran|fueron|llevó|llevaba|usó|usaba|tenía|tuvo|compré|compró|regalé|ya tiene|ya tengo|ya tienen|"
    r"(?:mi|su|el|la) (?:viejo|vieja|antiguo|antigua|anterior))\b"
    r"|\b(?:war|waren|trug|hatte|hatten|kaufte|gekauft|getragen|(?:hat|habe|hab|haben) (?:schon|bereits)|"
    r"(?:mein|meine|meinen|sein|seine|ihr|ihre)\s+(?:alte|alter|altes|alten|letzte|letzter|letztes))\b"
    r"|已经有|以前|之前|原来的|旧的|上次|穿过|用过|买过|那件|那个旧",
    re.IGNORECASE,
)

#: A clause that still wishes, whatever its tense: "I was looking for red", "she loves red", "to match her red dress".
_STILL_WISH = re.compile(
    r"\b(?:want\w*|wish\w*|need\w*|lik\w+|love\w*|prefer\w*|favou?rite|look\w* for|looking|search\w*|think\w*|"
    r"thought|hop\w+|going for|match\w*|go(?:es)? with|same|similar|again|another|quiero|quiere|gusta\w*|"
    r"prefier\w*|encanta\w*|busc\w+|combin\w+|mismo|misma|otra vez|möchte\w*|will|wollen|mag|liebt|sucht?|passend\w*|"
    r"gleiche\w*|nochmal|wieder|has to|have to|must|should|muss|tiene que)\b|想要|喜欢|搭配|配|一样|同款|再来",
    re.IGNORECASE,
)


def story_clauses(message: str) -> tuple[list[str], list[str]]:
    """The message's clauses telling a story (what was, what someone already has) and the others."""
    stories, others = [], []
    for clause in (c.strip() for c in _CLAUSE_SPLIT.split(message)):
        if not clause:
            continue
        if _STORY.search(clause) and not _STILL_WISH.search(clause):
            stories.append(clause)
        else:
            others.append(clause)
    return stories, others


def _colour_fields(include: dict[str, list[str]]) -> list[str]:
    from chatrec.refused_colours import colour_fields

    return colour_fields(include)


def story_colours(request: Any, message: str, reread: Callable[[str], Any]) -> Any:
    """The request without the colours only a story clause names ("a kurta for my sister, she wore red
    at her wedding": no red); unchanged when no clause tells a story, the message is only a story, or
    a wishing clause names the colour too."""
    fields = [f for f in _colour_fields(request.include) if request.include.get(f)]
    if not fields or request.intent not in ("recommend", "refine", "answer", "more_like"):
        return request
    stories, others = story_clauses(message)
    rest = " ".join(others)
    if not stories or not re.search(r"\w", rest):
        return request
    kept = reread(rest)
    told = reread(" ".join(stories))  # a colour the story itself names; one from earlier turns stays
    include = {name: list(values) for name, values in request.include.items()}
    dropped: list[str] = []
    for name in fields:
        still = set(kept.include.get(name, []))
        gone = [v for v in include[name] if v not in still and v in told.include.get(name, [])]
        if gone:
            dropped += gone
            include[name] = [v for v in include[name] if v in still]
    if not dropped:
        return request
    said = {w for value in dropped for w in value.casefold().split()}
    query = " ".join(w for w in request.query.split() if w.casefold() not in said)
    return request.model_copy(update={"include": {k: v for k, v in include.items() if v}, "query": query})


def adjust(request: Any, message: str, context: Any, vocabulary: Any, reread: Callable[[str], Any]) -> Any:
    """The request after this round's understanding steps (see :func:`chatrec.plain_shoppers.adjust`)."""
    return story_colours(request, message, reread)


#: The parts of a title a colour name may fill: "(Luscious Black)", ", Midnight Blue,", "| Black".
_PARTS = re.compile(r"[()\[\],|/]")
_CAPACITY = re.compile(r"^(\d+(?:\.\d+)?)(gb|tb|mah|ft|feet|m|cm|mm|inch(?:es)?|w|watts?|l|litres?|liters?|ml|kg)$")
_WORDS = re.compile(r"[\w&+.'-]+")
#: The shopper asks about colours: near-duplicates in other colours are what they want to see.
_ASKS_COLOURS = re.compile(r"\b(?:colou?rs?|shades?|colou?r ?ways?|colou?res|farben?|farbt[oö]ne?)\b|颜色|顏色|色", re.IGNORECASE)


Key = tuple[frozenset[str], frozenset[str], frozenset[str], tuple[str, ...]]
_INCHES = re.compile(r"(\d+(?:\.\d+)?)(?:\"|”|″)")
#: The share of words two titles of one model have in common.
_SHARED = 0.85


def model_key(title: str, colours: frozenset[str]) -> Key:
    """What a title names apart from its colour: its words (colour words, and a short part naming a
    colour, "(Luscious Black)", left out), its model codes ("32LM563BPTC", "A1") and the capacities,
    lengths and sizes it states ("2GB", "1.5m"), and its make and model (the words before the first part)."""
    words: list[str] = []
    head: list[str] = []
    for part in _PARTS.split(title.casefold()):
        said = re.sub(r"(\d)\s+(?=[a-z])", r"\1", part)  # "64 GB" -> "64gb"
        found = _WORDS.findall(said)
        if any(w in colours for w in found) and len(found) <= 3:
            continue
        words += [w.strip(".'-") for w in found if w not in colours]
        head = head or [w for w in words if w]
    capacities = frozenset([*(w for w in words if _CAPACITY.match(w)), *(f"{n}inch" for n in _INCHES.findall(title))])
    codes = frozenset(w for w in words if re.search(r"\d", w) and re.search(r"[a-z]", w) and w not in capacities)
    return frozenset(w for w in words if w), codes, capacities, tuple(head)


def same_model(one: Key, other: Key) -> bool:
    """Whether two :func:`model_key` keys name one model: the same codes and capacities, and nearly all
    words shared (a different word in a short title is another product: "Polo T-shirt"), one make and model."""
    if one[1] != other[1] or one[2] != other[2] or not one[0] or not other[0] or one[3] != other[3]:
        return False
    return len(one[0] & other[0]) / len(one[0] | other[0]) >= _SHARED


#: How far down the list near-duplicates are looked for and moved (twice the usual list of five).
_LOOK = 10


def one_per_model(candidates: list[Any], message: str, colour_wishes: int, colours: frozenset[str],
                  shown: Collection[str] = ()) -> list[Any]:
    """The candidates with each model's other colours after every other model (so a list of five shows
    five models), unchanged when the shopper asked about colours (``colour_wishes`` values in force, or
    a colour word in the message). An item shown before (``shown`` ids: left out of the list later) keeps
    no other colour of its model out of it."""
    if colour_wishes >= 2 or _ASKS_COLOURS.search(message) or len(candidates) < 2:
        return candidates
    kept: list[Key] = []
    first: list[Any] = []
    later: list[Any] = []
    for candidate in candidates[:_LOOK]:
        key = model_key(str(getattr(candidate.item, "title", "") or ""), colours)
        if any(same_model(key, other) for other in kept):
            later.append(candidate)
        else:
            if str(getattr(candidate.item, "id", "")) not in shown:
                kept.append(key)
            first.append(candidate)
    # the other colours go after the other models near the top only: an item ranked far lower (a cable
    # of another connector) never jumps ahead of a colour of a model that fits
    return [*first, *later, *candidates[_LOOK:]] if later else candidates


def colour_words(counts: Any) -> frozenset[str]:
    """The colour words of the catalogue's colour values and of the English colour names, lower case."""
    from chatrec.refused_colours import colour_fields
    from chatrec.wanted_words import colour_words as english

    words = {w.casefold() for w in english()}
    for name in colour_fields(counts):
        for value in counts[name]:
            words.update(w.casefold() for w in re.findall(r"\w+", str(value)))
    return frozenset(words)


#: A RAM figure: "8GB RAM", "4 GB LPDDR4X RAM", "RAM: 6GB", "8GB运行内存".
_RAM = re.compile(r"\d+(?:\.\d+)?\s*(?:gb|mb|tb)\s*(?:of\s+)?(?:(?:lp)?ddr\w*\s+)?(?:ram\b|运行内存|运存)"
                  r"|\bram\s*[:-]?\s*\d+(?:\.\d+)?\s*(?:gb|mb)\b", re.IGNORECASE)


def spec_part(text: str, part: str | None) -> str:
    """The part of a title or description a spec is read from: its RAM figures for ``"ram"``, everything
    but them for ``"storage"`` ("6GB RAM, 128GB Storage": RAM 6 GB, storage 128 GB), all of it otherwise."""
    if part == "ram":
        return " ".join(m.group(0) for m in _RAM.finditer(text))
    if part == "storage":
        return _RAM.sub(" ", text)
    return text
