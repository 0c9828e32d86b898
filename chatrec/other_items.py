"""Asking for other items than those shown, in Spanish and German (issue 12, lead, stop 38).

Tried in the chat UI, "quiero ver otras" after five shirts answered "I found nothing called «ver otras»",
"¿tienes otros?" and "gibt es noch andere?" asked which brand the shopper prefers, and "quiero ver más"
said the shop sells no "ver mas": the English rule for "show me others" / "any others?"
(:data:`chatrec.informal.SHOW_OTHERS`) reads the English message only. The lexicon now puts these
phrases into English ("ver otras" -> "show me others", "hay otros" -> "any others", "noch andere" ->
"any others"); here a Spanish or German message whose English reading asks for others or more, with
no wish, budget or item named, sets the shown items aside and shows new ones, as the English does.

"no me gustan las de Peter England" / "die von Peter England gefallen mir nicht" on a catalogue with no
make field turned down the one Peter England shirt shown, and the next "quiero ver otras en blanco"
showed another Peter England shirt. The name's words are now kept out of every later search
(``avoid_words``) when the name is in a shown item's title, in English ("I don't like the Peter England
ones", "no Peter England please"; stop 39: it turned down the one shown) as in Spanish and German.
"""

from __future__ import annotations

import re
from typing import Any

from chatrec.informal import SHOW_OTHERS
from chatrec.language import Lexicon, fold, normalise_foreign
from chatrec.request import ShopperRequest

__all__ = ["adjust"]

#: "show me more" / "more please" with nothing after it but politeness.
_MORE = re.compile(r"\b(?:show me|have|any) more\b|^\W*more please\W*$")
#: "andere bitte": others, and nothing else said.
_BARE_OTHERS = re.compile(r"^\W*others?(?: please)?\W*$")
#: Words the English reading may keep besides the ask: politeness, "I want", fillers.
_FILLER = frozenset(
    "i want please show me see any others more other have do you something else the some of a por favor bitte "
    "noch mal doch vielleicht also pues bueno vale ok okay hola hallo hey models modelos modelle options opciones "
    "optionen cosas sachen".split()
)
#: Intents an ask for others is misread as (a question about the shown items, a search for "ver", chit-chat).
_MISREAD = ("refine", "recommend", "chitchat", "ask_about_item", "compare", "more_like")


#: "don't like the peter england one", "the peter england one don't like": the English reading of a
#: Spanish or German dislike of the items of a name.
_DISLIKED_NAME = re.compile(
    r"\bdon't like (?:any of )?the (?P<a>[a-z0-9][a-z0-9\- ]*?) ones?\b|\bthe (?P<b>[a-z0-9][a-z0-9\- ]*?) ones? +don't like\b"
    r"|^ ?(?:(?:please|bitte|por favor) )?(?:no|not|without) (?:more )?(?P<c>[a-z0-9][a-z0-9\- ]*?)"
    r" ?(?:more ?)?(?:please|thanks|bitte|gracias|danke)? ?$"  # "nada de Peter England", "kein Peter England mehr"
)


def adjust(request: ShopperRequest, message: str, context: Any, lexicon: Lexicon | None = None,
           values: frozenset[str] | set[str] = frozenset()) -> ShopperRequest:
    """The request with a Spanish or German ask for other items, or dislike of a name's items, read as one
    (see the module docstring)."""
    shown = list(getattr(context, "shown", None) or ())
    if request.language in ("es", "de", "en") and shown and request.intent in ("reject", "more_like") \
            and not request.avoid_words and not request.exclude and not request.include:
        return _disliked_name(request, message, shown, lexicon or Lexicon.default(), values)
    if request.language not in ("es", "de") or not shown or request.intent not in _MISREAD:
        return request
    if request.include or request.exclude or request.price or request.relative_price or request.avoid_words:
        return request
    if request.intent in ("ask_about_item", "compare", "more_like") and any(r.how != "all" for r in request.references):
        return request  # "¿tiene otros colores la segunda?": a question about one item
    lexicon = lexicon or Lexicon.default()
    folded = fold(message)
    english = lexicon.translate(normalise_foreign(folded, request.language, lexicon), request.language)
    english = re.sub(r"[^\w\s]", " ", english)
    english = re.sub(r"\s+", " ", english).strip()
    others = SHOW_OTHERS.search(english) is not None or _BARE_OTHERS.search(english) is not None
    if not others and _MORE.search(english) is None:
        return request
    if set(english.split()) - _FILLER:
        return request  # "hay otros en rojo?": a wish besides the ask is left to the rules
    if others:
        return request.model_copy(update={"intent": "reject", "show_now": True, "query": "", "references": [],
                                          "relative_price": None})
    return request.model_copy(update={"intent": "more_like", "show_now": True, "query": "", "references": []})


def _disliked_name(request: ShopperRequest, message: str, shown: list[Any], lexicon: Lexicon,
                   values: frozenset[str] | set[str]) -> ShopperRequest:
    """"no me gustan las de Peter England": the name's words kept out of the searches, as in English
    (``values``: the words of the catalogue's values, a colour or a type named is no name)."""
    english = fold(message).lower() if request.language == "en" else lexicon.translate(
        normalise_foreign(fold(message), request.language, lexicon), request.language)
    english = re.sub(r"\b(?:do not|dont)\b", "don't", english)
    found = _DISLIKED_NAME.search(re.sub(r"\s+", " ", re.sub(r"[^\w\s'-]", " ", english)))
    if found is None:
        return request
    words = (found.group("a") or found.group("b") or found.group("c") or "").split()
    titles = [re.findall(r"[a-z0-9]+", fold(str(getattr(item, "title", ""))).lower()) for item in shown]
    # the name opens a shown title, as a maker's name does ("Peter England Men White Shirt"; "wired" does not)
    if not words or not any(title[:len(words)] == words for title in titles) \
            or set(words) & (lexicon.english_words() | values):
        return request  # "the blue one", "the first one": a shown item, no name to keep out
    makes = {w for item in shown for w in re.findall(r"[a-z0-9]+", fold(str(getattr(item, "brand", "") or "")))}
    if set(words) <= makes:
        return request  # "I dont want the zebronics one": a make the catalogue names, left to the rules on makes
    return request.model_copy(update={"intent": "refine", "avoid_words": words, "references": [], "show_now": True,
                                      "query": ""})
