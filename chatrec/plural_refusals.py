"""Turning down "the black ones" turns down the colour, not one item shown (issue 12, stop 52).

Men's T-shirts shown, one of them black, "no me gustan las negras" (I don't like the black ones) turned
down that one T-shirt and the next list showed another black one; "I don't like the black ones" and "die
schwarzen mag ich nicht" did the same. "las negras no", "los negros no, gracias", "ich mag die schwarzen
nicht" and "die schwarzen nicht" were even read as a wish for black. A value said in the plural ("the
black ones", "las negras", "die schwarzen") names every item of it, shown or not: the message is read
again in the form the rules read as a refusal ("not the black ones", "no negras", "keine schwarzen"), and
that reading is kept when it turns a value down. Where the rules read the shown items of that value turned
down, the request says so (the labelled sets read it so), and the turn turns the value down as well
(:func:`also_refused`). "the black one" (one item) and "la negra no" stay a reference to the item shown.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Callable
from typing import Any

from chatrec import word_tables

__all__ = ["adjust", "also_refused", "reworded"]

_reading_again: contextvars.ContextVar[bool] = contextvars.ContextVar("plural_refusals_reading_again", default=False)

_EN_REFUSE = r"(?:i\s+)?(?:really\s+)?(?:don'?t|do not|didn'?t|dont|won'?t)\s+(?:really\s+)?(?:like|want|love|fancy|need)"
_ES_PLURAL = r"(?:las|los|esas|esos|estas|estos|aquellas|aquellos)\s+([a-z]+(?:as|os|es))"
_DE_PLURAL = r"(?:die|diese|den)\s+([a-z]+(?:en|ern))"
#: (pattern, rewording) by language, on folded text: the plural refused, in the form the rules read.
_FORMS: dict[str, list[tuple[str, str]]] = {
    "en": [(rf"\b{_EN_REFUSE}\s+(?:the|those|these|any|all the)\s+([a-z]+(?: [a-z]+)?)\s+ones\b", r"not the \1 ones")],
    "es": [(rf"\b(?:no me gustan|no quiero|odio|no me convencen|no me molan)\s+{_ES_PLURAL}\b", r"no \1"),
           (rf"\b{_ES_PLURAL}\s+no\s+(?:me gustan|me convencen|me molan|las quiero|los quiero)\b", r"no \1"),
           (rf"\b(?:la|el)\s+([a-z]+[ao])\s+no\b(?!\s+(?:me|te|se|lo|la|los|las|es|esta|quiero|tiene|hay|va|queda))",
            r"no la \1"),  # "la negra no": the one shown, as "no la negra" reads
           (rf"\b{_ES_PLURAL}\s+no\b(?!\s+(?:me|te|se|lo|la|los|las|son|estan|quiero|tienen|hay|van|quedan))",
            r"no \1")],
    "de": [(rf"\b(?:ich\s+)?(?:mag|will|moechte|möchte)\s+{_DE_PLURAL}\s+(?:wirklich\s+)?nicht\b", r"keine \1"),
           (rf"\b{_DE_PLURAL}\s+(?:mag ich|will ich|moechte ich|möchte ich|gefallen mir)\s+(?:wirklich\s+)?nicht\b",
            r"keine \1"),
           (rf"^\W*(?:nein\W+)?{_DE_PLURAL}\s+nicht\b", r"keine \1")],
}


def reworded(message: str, language: str) -> str | None:
    """The message's plural refusal in the form the rules read ("las negras no" -> "no negras"), or None."""
    text = word_tables.folded(message)
    for pattern, replacement in _FORMS.get(language, []):
        if re.search(pattern, text):
            return re.sub(pattern, replacement, text, count=1)  # the rest of the message read as it is
    return None


def adjust(request: Any, message: str, vocabulary: Any, read_again: Callable[[str], Any]) -> Any:
    """The request turning down the value said in the plural (see the module docstring)."""
    if _reading_again.get() or vocabulary is None or request.intent not in ("reject", "refine", "more_like"):
        return request
    if _by_attribute(request) or request.avoid_words or request.exclude:
        # the black items shown, as read (the turn also turns black down: :func:`also_refused`); "I don't like the
        # Peter England ones": a name already kept out
        return request
    said = reworded(message, str(request.language))
    if said is None:
        return request
    heard = word_tables.guarded(_reading_again, read_again)(said)
    if heard.intent == "reject" and heard.references:  # "la negra no": the black one shown, not black wanted
        return heard.model_copy(update={"language": request.language})
    if not heard.exclude:
        return request
    intent = "refine" if heard.intent in ("reject", "more_like") else heard.intent
    return heard.model_copy(update={"language": request.language, "intent": intent, "show_now": True})


def _by_attribute(request: Any) -> bool:
    """Whether the request turns down shown items named by a value of theirs ("the black ones")."""
    return request.intent == "reject" and bool(request.references) and all(r.how == "attribute" for r in request.references)


def also_refused(request: Any, message: str, read_again: Callable[[str], Any]) -> Any:
    """The turn's reading of "no me gustan las negras" with black items shown: those items turned down, and
    the value turned down too, so that the next list holds no other black one."""
    if not _by_attribute(request):
        return request
    said = reworded(message, str(request.language))
    if said is None:
        return request
    heard = word_tables.guarded(_reading_again, read_again)(said)
    if not heard.exclude:
        return request
    exclude = {name: sorted({*request.exclude.get(name, []), *values}) for name, values in heard.exclude.items()}
    return request.model_copy(update={"exclude": {**request.exclude, **exclude}})
