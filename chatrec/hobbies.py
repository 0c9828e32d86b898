"""A wish said as what someone likes doing (issue 12, lead, stop 32): "a gift for my mum" then "she likes
listening to music, under 1000", "她喜欢听歌", "le encanta la música", "er zockt gern".

Shopping the electronics demo, each of these asked another category question (smart watches and laptop
sleeves for a mum who likes music), in every language. A shop assistant told what the person likes shows
things for it: headphones and speakers for music, gaming mice and pads for a gamer, a lamp for a reader,
blenders and scales for a cook. So a message that says someone likes a pastime (``likes`` and ``hobbies``
of ``data/hobbies.json``, per language), before any product type is wished and naming none, becomes a
search for the pastime's product types the catalogue has, shown at once, a few of each kind.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from chatrec.request import ShopperRequest
from chatrec.word_tables import folded, table

__all__ = ["adjust", "hobbies_said", "pastime_words"]

_DATA = str(Path(__file__).parent / "data" / "hobbies.json")
#: Set while the parts of a message are read again (they are read without this step's own rereading).
_REREADING = threading.local()
_LANGUAGES = ("en", "es", "de", "zh")


@lru_cache(maxsize=1)
def _compiled() -> tuple[dict[str, re.Pattern[str]], list[tuple[dict[str, re.Pattern[str]], list[str]]]]:
    data = table(_DATA)
    # stop 55: what a thing is for ("something to watch films in bed") says a pastime as a liking does
    likes = {lang: re.compile(f"{data['likes'][lang]}|{data['purpose'][lang]}") for lang in _LANGUAGES}
    hobbies = [({lang: re.compile(h["said"][lang]) for lang in _LANGUAGES}, list(h["types"])) for h in data["hobbies"]]
    return likes, hobbies


def hobbies_said(message: str, language: str) -> list[str]:
    """The product types of the pastimes the message says someone likes (in the table's order), none when it
    says no liking or no pastime."""
    likes, hobbies = _compiled()
    text = folded(message)
    languages = [language] if language in _LANGUAGES else []
    languages += [lang for lang in ("en",) if lang not in languages]  # "gaming", "gym" said in any language
    if not any(likes[lang].search(text) for lang in languages):
        return []
    return list(dict.fromkeys(t for said, types in hobbies if any(said[lang].search(text) for lang in languages)
                              for t in types))


def pastime_words(message: str, language: str) -> set[str]:
    """Stop 56: the words of the pastimes a message says someone likes, as said and as the lexicon puts them in
    English ("le gusta el café": cafe, brown), none when it says no liking: no feature to look for in titles."""
    if not hobbies_said(message, language):
        return set()
    from chatrec.language import Lexicon

    _, pastimes = _pastimes_apart(message, language)
    english = Lexicon.default().translate(pastimes, language) if pastimes else ""
    return set(pastimes.split()) | set(english.split())


def _pastimes_apart(message: str, language: str) -> tuple[str, str]:
    """The folded message without the pastimes it says, and those pastimes' words ("he loves watching films"
    -> ("he loves watching", "films"))."""
    _, hobbies = _compiled()
    text = folded(message)
    languages = [language] if language in _LANGUAGES else []
    languages += [lang for lang in ("en",) if lang not in languages]
    taken: list[str] = []
    for said, _types in hobbies:
        for lang in languages:
            taken += [m.group(0) for m in said[lang].finditer(text)]
            text = said[lang].sub(" ", text)
    return re.sub(r"\s+", " ", text).strip(), " ".join(taken)


#: A liking asked of the assistant, not said of the person shopped for: "do you like football?", "¿te gusta el fútbol?".
_ASKS_THE_ASSISTANT = re.compile(
    r"\b(?:do|did|does|would)\s+(?:you|u)\b|\b(?:you|u)\s+(?:like|love|play|enjoy)|\byour\b|\b(?:te gusta|te gustan|"
    r"juegas|magst du|mogen sie|spielst du|spielen sie)\b|你喜欢|你爱|你玩|你踢|你打")


def adjust(request: ShopperRequest, message: str, context: Any, vocabulary: Any,
           reread: Callable[[str], ShopperRequest] | None = None) -> ShopperRequest:
    """The request as a search for the pastime's products (see the module docstring), or unchanged.

    ``reread`` reads a text as understanding does: a product type read only from the pastime's own words
    ("he loves watching films" -> camera Film, "他喜欢看电影") is no product named (lead, stop 33)."""
    from chatrec.understanding import type_fields

    if vocabulary is None or request.intent not in ("recommend", "refine", "answer", "chitchat", "off_topic") \
            or request.references:
        return request
    types = ["category", *type_fields(list(vocabulary.fields))]
    current: Mapping[str, Sequence[str]] = getattr(context, "current", None) or {}
    wanted = hobbies_said(message, request.language)
    named = {n for n in types if request.include.get(n)}
    counts = getattr(vocabulary, "counts", {})
    sold = any(t in counts.get(n, {}) for n in types for t in wanted)  # the fashion demo sells no pastime's products
    if request.intent == "off_topic" and (not sold or _ASKS_THE_ASSISTANT.search(folded(message))):
        return request  # stop 65: "le gusta el fútbol", "他喜欢踢足球" say a pastime; "do you like football?" does not
    if sold and named and reread is not None and not any(set(request.include[n]) & set(wanted) for n in named) \
            and not getattr(_REREADING, "on", False):  # stop 55: "看电影" read again says its pastime again
        rest, pastimes = _pastimes_apart(message, request.language)
        _REREADING.on = True
        try:  # stop 55: what the words left read ("peliculas" alone is read as English, and names nothing)
            left = reread(rest).include if pastimes else request.include
        finally:
            _REREADING.on = False
        include = {n: [v for v in vs if n not in named or v in left.get(n, ())] for n, vs in request.include.items()}
        request = request.model_copy(update={"include": {n: vs for n, vs in include.items() if vs}})
    if any(request.include.get(n) or request.exclude.get(n) for n in types) or not wanted:
        return request  # a product named: the pastime is the story around it
    if any(current.get(n) for n in types):
        # lead, stop 33: "蓝牙音箱" then "他喜欢听老歌": a pastime the search under way suits neither narrows it to
        # the story's words ("old songs") nor is a message not understood: the list again, with a word that it suits
        # (chatrec.turn, prompts/dialogue_pastime_fits.txt)
        in_force = {v for n in types for v in current.get(n, ())}
        if in_force & set(wanted):
            return request.model_copy(update={"intent": "show_again", "query": "", "show_now": True, "answered": None})
        return request
    _, pastimes = _pastimes_apart(message, request.language)
    said = set(pastimes.split())
    # stop 56: "le gusta el café" read the brand Cafe from the pastime's own word
    include = {n: [v for v in vs if n in types or folded(str(v)) not in said] for n, vs in request.include.items()}
    include = {n: vs for n, vs in include.items() if vs}
    for name in types:
        have = [t for t in wanted if t in counts.get(name, {})]
        if have:
            return request.model_copy(update={"intent": "recommend", "include": {**include, name: have},
                                              "show_now": True, "answered": None})
    return request
