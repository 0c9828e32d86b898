"""Wishes and rejections found by blind conversation batch 19 (issue 12, branch i12dc).

Each step rewrites one class of shopper wording into the plain wording the rules already read, the same in
every conversation and language:

- **A rejection of the list followed by what is wanted instead** (:func:`rejection_with_wish`): "these are all
  tiny 32 inch ones, I want a bigger screen", "Die gefallen mir alle nicht, zu bunt. Lieber was Schlichtes in
  Weiß", "no me gusta ninguno, mejor en azul": the wish after the rejection is the request (its reason is said
  by the wish); the shown items are not all turned down, so a wish they partly hold still shows them.
- **A rejection whose only reason is a comparison** (:func:`rejection_with_wish`): "these are too small" asks
  for bigger ones, "too expensive" for cheaper ones, "zu klein" for größere, "muy caros" for más baratos.
- **Values the shopper hates** (:func:`hated_values`): "none of these, I hate white and black shoes", "I can't
  stand brown", "ich mag kein Schwarz" avoid those values ("no white or black ones"), the type kept.
- **A bare audience with "ones"** (:func:`bare_audience`): "womens ones", "mens ones pls", "kids ones" after a
  list replace the audience wish ("for women").
- **An apology for one's language** (:func:`without_language_apology`): "the purple ones please, sorry my
  german isnt great" is read without the apology ("the purple ones please").
- **A German compound type in the dative plural** (:func:`german_compound_plural`): "bei HDMI-Kabeln",
  "mit USB-Kabeln", "Ladekabeln" are the types "HDMI-Kabel", "USB-Kabel", "Ladekabel".
- **"what do you have for X" of a named device** (:func:`for_device_question`): "what do you have for iphones
  then?", "anything for my fire stick?" ask for accessories of that device ("accessories for my iphone").

The words are data: ``chatrec/data/wish_classes19.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["size_over_budget", "value_words", "bare_audience", "for_device_question", "german_compound_plural", "hated_values", "self_audience", "plain",
           "rejection_with_wish", "without_language_apology"]

_DATA = Path(__file__).parent / "data" / "wish_classes19.json"
_LINKS = frozenset({"and", "or", "und", "oder", "y", "o", "nor"})


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_DATA.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=None)
def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(_table()[name], re.IGNORECASE)


def _tidy(text: str) -> str:
    return " ".join(text.split()).strip(" ,;.")


def without_language_apology(message: str) -> str:
    """The message without an apology for the shopper's language ("sorry my german isnt great"), when
    something else is said beside it."""
    rest = _tidy(_pattern("language_apology").sub(" ", message))
    return rest if rest and rest != _tidy(message) else message


#: Stop 41: the language an apology is written in, by its first word, and the language it names.
_APOLOGY_IN = (("en", re.compile(r"\b(?:sorry|sry|apologies)\b", re.IGNORECASE)),
               ("es", re.compile(r"\b(?:perd[oó]n|disculp[ae]|lo siento)\b", re.IGNORECASE)),
               ("de", re.compile(r"\bentschuldig(?:ung|e)\b", re.IGNORECASE)))
_NAMED = {"english": "en", "englisch": "en", "ingles": "en", "inglés": "en", "german": "de", "deutsch": "de",
          "aleman": "de", "alemán": "de", "spanish": "es", "spanisch": "es", "espanol": "es", "español": "es",
          "chinese": "zh", "chino": "zh"}


def language_apology(message: str) -> tuple[str, str | None]:
    """The message without an apology for the shopper's language, and the language to answer in: the apology's
    own when it names another ("the purple ones please, sorry my german isnt great": English), else None (an
    apology for the language it is written in says nothing of a switch). The message as it was without one."""
    found = _pattern("language_apology").search(message)
    rest = without_language_apology(message)
    if found is None or rest == message:
        return message, None
    said = found.group(0)
    written = next((lang for lang, cue in _APOLOGY_IN if cue.search(said)), None)
    named = next((_NAMED[w] for w in re.findall(r"[a-zñéá]+", said.lower()) if w in _NAMED), None)
    return rest, written if written is not None and named is not None and written != named else None


def german_compound_plural(message: str) -> str:
    """"HDMI-Kabeln", "Ladekabeln": the compound type in the singular the catalogue's German names use."""
    return _pattern("compound_plural").sub(lambda m: m.group(0)[:-1], message)


def bare_audience(message: str, n_shown: int) -> str:
    """"womens ones", "mens ones pls" after a list: "for women" / "for men"; the message as it was otherwise."""
    if n_shown <= 0:
        return message
    match = _pattern("bare_audience").fullmatch(_tidy(message))
    if match is None:
        return message
    word = match.group("who").lower().replace("'", "").replace("’", "")
    audience = _table()["audiences"].get(word)
    return f"for {audience}" if audience else message


def self_audience(message: str) -> str:
    """Stop 42: "im a girl" / "soy chica" / "ich bin ein Mädchen" said of the shopper: "I'm a woman", "soy mujer",
    "ich bin eine Frau" (women's items, not a child's); the message as it was otherwise."""
    for pattern, words in _table()["self_audience"]["patterns"]:
        message = re.sub(pattern, words, message, flags=re.IGNORECASE)
    return message


def hated_values(message: str, value_tokens: Collection[str]) -> str:
    """"I hate white and black shoes", "can't stand brown": "no white or black ones" when every hated word is a
    catalogue value word; the message as it was otherwise."""
    match = _pattern("hated").search(message)
    if match is None:
        return message
    words = [w.strip().lower() for w in re.split(r"[\s,/&]+", match.group("values")) if w.strip()]
    values: list[str] = []
    used = 0
    for word in words:  # the values first ("white and black"), then the product's noun ("shoes")
        if word in _LINKS and values:
            used += 1
            continue
        if word not in value_tokens:
            break
        values.append(word)
        used += 1
    tail = words[used:]
    if not values or len(tail) > 2:  # "I hate waiting", "I don't like how long delivery takes"
        return message
    kept = _tidy(message[:match.start()])
    asked = "no " + " or ".join(values) + " ones"
    after = _tidy(message[match.end():])  # stop 58: "i hate pink. show me tops for my daughter" keeps the tops
    return ", ".join(part for part in (kept, asked, after) if part)


def rejection_with_wish(message: str, n_shown: int) -> str:
    """A rejection of the shown list followed by a wish: the wish alone; a rejection with only a comparative
    reason ("too small"): the opposite comparison ("bigger ones"); the message as it was otherwise."""
    if n_shown <= 0:
        return message
    rejected = _pattern("rejection").search(message)
    if rejected is None:
        return message
    wish = _pattern("wish_after").search(message, rejected.end())
    if wish is not None:
        asked = _tidy(_pattern("filler").sub(" ", message[wish.start():]))
        return asked if len(asked.split()) >= 3 else message  # "none of these are what I want": no wish
    rest = message[rejected.start():]
    if re.search(r"\d", rest):  # "too pricey, max 5000": the figure says how
        return message
    for pattern, opposite in _table()["too"]:
        if re.search(pattern, rest, re.IGNORECASE):
            return opposite
    return message


def for_device_question(message: str, device_makes: Callable[[str], list[str]]) -> str:
    """"what do you have for iphones then?": "accessories for my iphone" when the words after "for" name a
    device by its make or model; the message as it was otherwise."""
    match = _pattern("what_for").search(message)
    if match is None:
        return message
    words = [w for w in match.group("device").split() if w.lower() not in {"then", "please", "pls", "now", "too", "also"}]
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[:size])
        for said in (phrase, re.sub(r"(?<=\w)s$", "", phrase)):
            if device_makes(f"for my {said}"):
                return f"accessories for my {said}"
    return message

#: The last vocabulary's value words (one entry: a cache keyed by every vocabulary ever seen kept each one,
#: and its catalogue's counts, alive; the conversation bench grew by 700 MB a batch).
_VALUE_WORDS: list[tuple[Any, frozenset[str]]] = []


def value_words(vocabulary: Any, kinds: Collection[str]) -> frozenset[str]:
    """The lower-case words of the catalogue's values other than brands and product types ("white", "navy",
    "casual"), computed again only when the vocabulary changes."""
    if _VALUE_WORDS and _VALUE_WORDS[0][0] is vocabulary:
        return _VALUE_WORDS[0][1]
    from chatrec.wanted_words import value_tokens

    words = value_tokens({n: v for n, v in vocabulary.counts.items() if n not in kinds})
    _VALUE_WORDS[:] = [(vocabulary, words)]
    return words


def size_over_budget(notes: list[str], state: Any, bounds: Any, price_said: Any, check: Callable[[], list[str]],
                     phrases: Any) -> list[str]:
    """A size asked for this turn ("I want a bigger screen") that no item within the budget in force reaches, though
    items over it do: the budget is left out (and said), not the size just asked for; ``notes`` otherwise."""
    asked = any(tuple(pair) != (None, None) for pair in (bounds or {}).values())
    if not notes or not asked or price_said is not None or (state.min_price is None and state.max_price is None):
        return notes
    budget = (state.min_price, state.max_price)
    state.min_price = state.max_price = None
    if not check():
        return [phrases.render("size_over_budget")]
    state.min_price, state.max_price = budget
    return check()


def plain(message: str, n_shown: int, value_tokens: Collection[str],
          device_makes: Callable[[str], list[str]]) -> str:
    """The message with batch 19's wish and rejection wordings said plainly (see the module's docstring)."""
    # without_language_apology is not applied: the reply's language is read from the rewritten words, and
    # 'hmm actually brown, sorry my german is rusty' (b18) would be answered in German
    message = german_compound_plural(message)
    message = self_audience(message)
    message = bare_audience(message, n_shown)
    message = hated_values(message, value_tokens)
    message = rejection_with_wish(message, n_shown)
    return for_device_question(message, device_makes)
