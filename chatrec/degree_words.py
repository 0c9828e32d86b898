"""A length or size said with a degree ("nothing too short", "not too long", "nada demasiado corto")
is no product type and no word to avoid in titles.

The rules read "short" of "nothing too short" as the type Shorts (the lexicon folds "short" into the
catalogue's "Shorts") and turn it down, and "long" of "jeans, not too long" as a word to avoid, so a
"Long Sleeve" item would be left out. A degree word before the adjective ("too", "overly",
"zu", "demasiado") makes it a wish about the item's length or size,
which no catalogue field lists: the exclusion and the avoided word go, the rest of the request stays.
Stop 54: a tight fit is the exception: names say it ("Slim Fit", "Skinny"), so "not too tight" and "too tight"
keep those names away (stop 55: in Chinese, Spanish and German too).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

__all__ = ["adjust", "said"]

#: stop 45: a cut ("nothing too revealing", "不要太暴露的"): no field lists it either; said of clothes only (on a
#: shop with no clothes, "不要太暴露的" is read as nothing).
_CUTS = ("revealing", "skimpy", "sheer", "see-through", "low-cut", "low cut", "freizügig", "freizugig", "knapp",
         "durchsichtig", "escotado", "escotada", "revelador", "reveladora", "atrevido", "atrevida", "transparente",
         "暴露", "露", "透", "性感")
#: Adjectives of length, size and fit that name no kind of product when a degree word comes before them.
#: Sizes ("nothing too big") are chatrec.gaps_round11's size wish.
_ADJECTIVES = ("short", "long", "tight", "loose", "baggy", "kurz", "lang", "eng", "weit", "corto", "corta", "cortos",
               "cortas", "largo", "larga", "largos", "largas", "ajustado", "ajustada", "apretado", "apretada",
               "ajustados", "ajustadas", "apretados", "apretadas",
               *(cut for cut in _CUTS if not re.search(r"[\u4e00-\u9fff]", cut)))
#: The Chinese adjectives after 太: lengths and fits, then the cuts of _CUTS written in Chinese (the longest first).
_HAN_ADJECTIVES = ("短", "长", "紧", "松", "宽", "肥", "窄",
                   *sorted((cut for cut in _CUTS if re.search(r"[\u4e00-\u9fff]", cut)), key=len, reverse=True))
_DEGREE = re.compile(
    r"\b(?:too|overly|zu|allzu|demasiado|muy|tan|so)\s+(" + "|".join(_ADJECTIVES) + r")\b"
    r"|(?:别|不要|不能|不想要)?太(" + "|".join(_HAN_ADJECTIVES) + r")(?:的)?",  # lead, stop 35: "别太短", "不要太紧的"
    re.IGNORECASE)
#: A tight fit in each language (the names of tight cuts are kept away).
_TIGHT = frozenset({"tight", "eng", "ajustado", "ajustada", "apretado", "apretada", "ajustados", "ajustadas",
                    "apretados", "apretadas", "紧"})
#: "no muy corto", "nicht so kurz": "muy", "tan", "so" are degrees only after a negation.
_WEAK = re.compile(r"\b(?:muy|tan|so)\s+\w+", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:no|not|nicht|nada|kein\w*|nothing|nichts)\b", re.IGNORECASE)


def _plain(word: str) -> str:
    """"see-through" and "seethrough", "freizügig" and "freizugig": one spelling to compare."""
    return re.sub(r"[\s-]+", "", "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c)))


def _head(value: str) -> str:
    word = _plain(value.lower().split()[-1]) if value.split() else ""
    return word[:-1] if word.endswith("s") else word


def _found(message: str) -> list[re.Match[str]]:
    """The degree phrases of the message; "muy", "tan", "so" only in a message that negates."""
    return [m for m in _DEGREE.finditer(message) if not _WEAK.fullmatch(m.group(0)) or _NEGATION.search(message)]


def said(message: str) -> str | None:
    """The first length, size or fit said with a degree ("too short", "nicht zu lang"), as written; None if none."""
    found = _found(message)
    return found[0].group(0) if found else None


#: What a length or fit is said about in a sentence that names no other wish: nothing to search for.
_NOTHING_ELSE = ("include", "exclude", "avoid_words", "references")


def adjust(request: Any, message: str, clothing: bool = True) -> Any:
    """``request`` without the type turned down or the word avoided that a degree-qualified adjective gave.

    When nothing else is left ("nothing too short" after party dresses), the items shown are shown again
    (``show_again``): the turn says the shop does not list lengths or fits (``dialogue_fit_unlisted``)
    rather than leaving out an earlier wish to find new items."""
    said = {_plain(match.group(1) or match.group(2)) for match in _found(message)}
    if not clothing:
        said -= {_plain(cut) for cut in _CUTS}
    if not said:
        return request
    if request.intent == "chitchat" and not any(request.model_dump().get(name) for name in _NOTHING_ELSE) \
            and not request.price and len(re.findall(r"\w+", message)) <= 6:  # "nicht zu kurz bitte": nothing else read
        if clothing and said & _TIGHT:  # stop 56: "these are too tight": the tight cuts kept away, as "not too tight"
            return request.model_copy(update={"intent": "refine", "show_now": True, "avoid_words": [
                *request.avoid_words, "tight"], "query": ""})
        return request.model_copy(update={"intent": "show_again", "show_now": True})
    exclude = {name: [v for v in values if _head(str(v)) not in said] for name, values in request.exclude.items()}
    exclude = {name: values for name, values in exclude.items() if values}
    # stop 52: "these are too short" after dresses read the type Shorts as wanted
    include = {name: [v for v in values if _head(str(v)) not in said] for name, values in request.include.items()}
    include = {name: values for name, values in include.items() if values}
    avoid = [w for w in request.avoid_words if _plain(w) not in said and _head(w) not in said]
    if clothing and said & _TIGHT and request.intent != "chitchat" and "tight" not in avoid:
        # stop 54: "jeans that aren't too tight", "these are too tight": the names saying a tight cut ("Slim Fit",
        # "Skinny": chatrec.turn.without_words reads "tight" so) are kept away; stop 55: in every language
        # ("不要太紧的牛仔裤", "Jeans, nicht zu eng", "que no sean muy apretados")
        avoid = [*avoid, "tight"]
    if exclude == request.exclude and avoid == request.avoid_words and include == request.include:
        return request
    update: dict[str, Any] = {"exclude": exclude, "avoid_words": avoid, "include": include}
    if include != request.include and request.intent == "recommend":
        update["intent"] = "refine"
    if update.get("intent", request.intent) == "refine" and not request.price and not any(
            ({**request.model_dump(), **update}).get(name) for name in _NOTHING_ELSE):
        update.update(intent="show_again", show_now=True)
    return request.model_copy(update=update)
