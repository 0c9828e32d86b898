"""Whether a shown item works with a make or model the shopper names (stop 45).

"the first one, will it work with a dell inspiron 15?", "is the second compatible with my HP laptop?", "does it
fit a samsung tv?", "¿el primero funciona con un Lenovo?", "passt der zweite zu meinem Dell?" were answered "the
catalogue data ... does not say anything about “work dell inspiron”". A shop assistant looks for the make in
what the item's name and description say: where it is named, the words are quoted; where it is not, the answer
says the data does not name it (so fit is not confirmed) and quotes what the item says it is for, when it says.
A kind of device alone ("will it work with my phone?") is :mod:`chatrec.connect_questions`'s to answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from chatrec.text import word_table

__all__ = ["asked_make", "answer"]

#: "work with", "compatible with", "fit", "funciona con", "passt zu": the cue before the make or model.
_CUE = re.compile(
    r"\b(?:work|works|working|compatible|suitable|usable)\s+(?:with|for|on)\s+|\bfits?\s+(?=(?:a|an|my|the|our)\s)"
    r"|\b(?:funciona|funcionan|sirve|sirven|compatible|compatibles|vale)\s+(?:con|para)\s+"
    r"|\b(?:passt|passen|funktioniert|funktionieren|kompatibel|geht)\b(?:\s+\w+){0,3}?\s+(?:zu|mit|f(?:ü|ue|u)r|an)\s+"
    r"|(?:适用于|兼容|能用在|可以用在|能用于|可以用于|适合|配)",
    re.IGNORECASE)
#: Words before the make ("my", "a", "mi", "meinem") and kinds of device after it ("laptop", "tv").
_DETERMINERS = frozenset("my a an the our his her your this that mi mis un una el la tu su mein meinem meinen meine "
                         "meiner ein einem einen eine den dem der die das 我的 我".split())
_KINDS = frozenset("laptop laptops notebook pc computer desktop tv tvs television phone phones mobile smartphone tablet "
                   "printer camera car bike console monitor speaker speakers headphones charger model one ones device "
                   "portatil portátil ordenador movil móvil celular telefono teléfono televisor tele handy fernseher rechner "
                   "drucker "
                   "too also as well please inch inches cm mm "
                   # a device any Bluetooth or cable item pairs with: chatrec.connect_questions answers it
                   "iphone iphones ipad android bluetooth windows mac".split())

#: Spanish kinds of device said before their make ("una tele samsung", "un portátil Dell").
_NAMED_BEFORE_MAKE = frozenset("portatil portátil ordenador movil móvil celular telefono teléfono televisor tele".split())


def asked_make(question: str) -> list[str]:
    """The make and model words a question asks the item to work with ("dell inspiron 15" -> ["dell", "inspiron",
    "15"]), or [] when it names none (a kind of device alone, a figure, no such question)."""
    found = _CUE.search(question)
    if found is None:
        return []
    rest = question[found.end():]
    words = re.findall(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9+-]*|\d+(?:\.\d+)?|[\u4e00-\u9fff]+", rest)
    if words and re.fullmatch(r"[\u4e00-\u9fff]+", words[0]):  # stop 61: "适合三星电视吗": the make's Chinese name
        from chatrec.batch13_fixes import brands_in_chinese

        makes = brands_in_chinese(words[0])
        return [makes[0].lower()] if makes else []
    picked: list[str] = []
    for at, word in enumerate(words):
        lower = word.lower()
        if not picked and lower in _DETERMINERS:
            continue
        if not picked and lower in _NAMED_BEFORE_MAKE and at + 1 < len(words) and words[at + 1].lower() not in _KINDS | _DETERMINERS \
                and not re.fullmatch(r"[\u4e00-\u9fff]+|\d+(?:\.\d+)?", words[at + 1]):
            continue  # stop 61: "una tele samsung", "un portátil Dell": the kind of device before its make
        if lower in _KINDS or re.fullmatch(r"[\u4e00-\u9fff]+", word) or len(picked) >= 4:
            break
        picked.append(lower)
    while picked and not re.search(r"[a-z]{2}", picked[0]):
        picked.pop(0)  # "fit a 15.6 inch laptop": a figure, no make
    if picked and _everyday(picked[0]) and not re.search(
            rf"(?<![A-Za-z])(?:{re.escape(picked[0].capitalize())}|{re.escape(picked[0].upper())})(?![a-z])", rest):
        return []  # "does it fit a black dress?": an everyday word, not a make (unless written as a name: "Apple")
    return picked


@lru_cache(maxsize=1)
def _make_lines() -> dict[str, tuple[str, ...]]:
    return {make: tuple(lines) for make, lines in word_table("make_lines")["lines"].items()}


def _lines(make: str) -> tuple[str, ...]:
    """The product lines of a make that items name without it ("samsung": "galaxy")."""
    return _make_lines().get(make.lower(), ())


def _everyday(word: str) -> bool:
    from chatrec.understanding import _common_words

    return word in _common_words() or word.rstrip("s") in _common_words()


def _quote(text: str, word: str, snippet: Callable[[str, int, int], str]) -> str | None:
    """The words around the make in ``text``: where it is said as what the item is for ("for HP Pavilion")
    rather than as the item's own brand ("HP 65W Charger"), when the text says both."""
    found = list(re.finditer(rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])", text, re.IGNORECASE))
    if not found:
        return None
    best = next((m for m in found if re.search(r"(?:for|with|fits?|compatible)\W+(?:\w+\W+){0,2}$",
                                                 text[max(0, m.start() - 30):m.start()], re.IGNORECASE)), found[0])
    return snippet(text, best.start(), best.end())


_FOR = re.compile(r"\b(?:compatible|compatable|compatibility|for use)\s+(?:with|for)\s+[^|;.()\[\]]{3,60}"
                  r"|\bfor\s+(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z0-9])[\w-]*){0,3}", re.IGNORECASE)  # stop 61: a name, not "for only"


def answer(question: str, items: Sequence[Any], wording: Mapping[str, Any], title: Callable[[Any], str],
           snippet: Callable[[str, int, int], str]) -> tuple[str, bool] | None:
    """The answer (text, whether the data says) to "will it work with a Dell Inspiron?" about ``items``, or None
    when the question names no make or the wording has no sentences for it."""
    words = asked_make(question)
    if not words or "make_said" not in wording:
        return None
    make = words[0]
    written = re.search(r"(?<![A-Za-z0-9])" + r"\W+".join(re.escape(w) for w in words) + r"(?![A-Za-z0-9])", question,
                        re.IGNORECASE)
    device = written.group(0) if written else " ".join(words).title()  # "Dell Inspiron 15" as the shopper wrote it
    lines, said_any = [], False
    for item in items:
        quote = None
        for where, text in (("name", str(item.title)), ("description", str(getattr(item, "description", "") or ""))):
            quote = next((q for name in (make, *_lines(make)) for q in [_quote(text, name, snippet)] if q is not None),
                         None)  # stop 54: "work with samsung" of a charger "for ... Galaxy 10/9/8"
            if quote is not None:
                lines.append(wording["make_said"].format(title=title(item), where=wording["where_names"].get(where, where),
                                                         said=quote))
                said_any = True
                break
        if quote is not None:
            continue
        line = wording["make_unsaid"].format(title=title(item), device=device)
        stated = next((_whole_words(m.group(0)) for text in (str(item.title), str(getattr(item, "description", "") or ""))
                       for m in [_FOR.search(text)] if m), None)
        if stated:
            line += wording["make_stated"].format(said=stated)
        lines.append(line)
    return " ".join(lines), said_any


def _whole_words(said: str) -> str:
    """A quote cut at 60 characters ends on a whole word: "... Back Side Remot" -> "... Back Side"."""
    said = said.strip()
    return said if len(said) < 60 or " " not in said else said.rsplit(" ", 1)[0]
