"""Grammatical frames that recur at the FIRST score of the blind sets (issue 12, brief i12bs).

Blind sets 41-59 failed again and again on the same grammar in new words
(``bench/understanding_report/recurring_first_failures.md``). This step reads three such frames by
their shape, with small tables of the frame's words (``chatrec/data/recurring_classes.json``), never
with a list of the sets' sentences:

- a refusal predicate that follows or leads the refused words ("粉色的我不喜欢", "blaue mag ich gar
  nicht", "el de samsung no me convence", "paso del negro", "drop the black one", "ugh black again?
  hard pass"): the clause is read again as the language's plain refusal ("不要粉色的", "blaue nicht",
  "no quiero el de samsung", "not the black one"), so what the rules know of refusals (values turned
  down, a shown item rejected) applies to every such predicate;
- a floor inside a refusal ("鼠标 三百以上的不要", "mas de 3000 no", "über 50 Euro nicht", "anything over
  2k is a no"): read again as the ceiling it is;
- the device an accessory is bought for, said before it in Chinese ("给手机买个充电头", "给电视配个支架"): the
  device's type is no wish when another type is wanted;
- the thing set apart by 除了 said bare ("除了JBL 其他两个比一下", "除了红米 另外两个"): read with the classifier
  the rules know a pointing by ("除了JBL那个"), so the others are the items meant;
- a typo of a Spanish or German word of the lexicon ("una mochlia azul", "ein Rucksak"), when the
  message names no product type: the one lexicon word closest to it (one edit, two from eight letters,
  a swap of two letters counting one), kept when the message then names a type;
- a how-to, repair, return or order question, or a text to write ("¿me puedes escribir un cuento sobre
  unos zapatos?", "Wie verbinde ich meine Kopfhörer mit dem Laptop?", "Ich möchte meine Jacke
  zurückgeben"), with no word of buying and no item shown: off topic, whatever product it names.

A reading is kept only when it says more of the same kind (a new refusal, a rejected item, a ceiling)
and wants nothing the first reading did not.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chatrec import word_tables

__all__ = ["adjust"]

_DATA = str(Path(__file__).parent / "data" / "recurring_classes.json")
_LANGUAGES = ("en", "zh", "es", "de")
_NO_WISH = ("off_topic", "chitchat")
_SHOPPING = ("recommend", "refine")
_TYPE_FIELDS = ("category", "subCategory", "subcategory", "articleType")
# A clause ends at punctuation or at a "but" word: a refusal turns down its own clause only.
_CLAUSE = re.compile(r"[,，。.!！?？;；]+|\s+(?:but|pero|aber|sondern)\s+|但是|可是|不过")
# Words around a refused object that are no part of it ("ugh black again", "auf Schwarz").
_EDGE = {
    "en": r"^(?:ugh|nah|no|eh|hmm|well|and|also|the colour|the color)\s+|\s+(?:again|tbh|pls|please|lol|though|anymore)$",
    "es": r"^(?:y|uy|ay|bueno|pues|eh|no se)\s+|\s+(?:porfa|por favor|la verdad|eh)$",
    "de": r"^(?:auf|also|naja|hm+|und)\s+|\s+(?:bitte|echt|halt|hald|eher|wirklich)$",
    "zh": r"^(?:那个|这个|呃|嗯|哎)|(?:啊|呀|哦|喔|吧|了)$",
}
# A message read again is read by the whole pipeline, this step included: it must not rewrite again.
_reading_again: contextvars.ContextVar[bool] = contextvars.ContextVar("recurring_reading_again", default=False)


def adjust(
    request: Any, message: str, context: Any, vocabulary: Any, read_again: Callable[[str], Any],
) -> Any:
    """The request read from ``message``, corrected for the frames of this module (see the module).

    Args:
        request: The request the rules read.
        message: The shopper's words (after the shared normalisation of ``understand``).
        context: The turn's context (items shown, wishes in force, pending question).
        vocabulary: The catalogue's values (unused: the frames are read through ``read_again``).
        read_again: Reads a reworded message in the same context.

    Returns:
        The request, or a new one when a frame was found and its reading says more.
    """
    del vocabulary
    if _reading_again.get() or request.intent in _NO_WISH:
        return request
    text = word_tables.folded(message)
    again = word_tables.guarded(_reading_again, read_again)
    request = _off_topic(request, text, context)
    if request.intent in _NO_WISH:
        return request
    request = _ceiling(request, text, again)
    request = _complement(request, text, context, again)
    request = _for_device(request, text, again)
    request = _foreign_typo(request, text, again)
    return _refusal(request, text, again, context)


def _off_topic(request: Any, text: str, context: Any) -> Any:
    """A how-to / return / order question or a text to write, with no buying word and nothing shown."""
    if request.intent not in _SHOPPING or request.references or list(getattr(context, "shown", ()) or ()):
        return request
    if request.exclude or request.price is not None:
        return request  # "不要蓝的 也不要黑的 咋整": a shopper turning values down is shopping
    frames = word_tables.table(_DATA)["offtopic"]
    for language in _LANGUAGES:
        framed = any(re.search(frames[kind][language], text) for kind in ("howto", "task"))
        if framed and not re.search(frames["buying"][language], text):
            return request.model_copy(update={
                "intent": "off_topic", "include": {}, "exclude": {}, "price": None, "relative_price": None,
                "show_now": False, "drop": [], "avoid_words": []})
    return request


def _ceiling(request: Any, text: str, again: Callable[[str], Any]) -> Any:
    """"三百以上的不要", "anything over 2k is a no": a floor turned down is a ceiling."""
    for language, (found, replacement) in word_tables.table(_DATA)["ceiling"].items():
        reworded = re.sub(found, replacement, text)
        if reworded == text:
            continue
        heard = again(reworded)
        if heard.price is None or heard.price.max is None or heard.intent in _NO_WISH:
            continue
        return request.model_copy(update={"price": heard.price, "relative_price": None})
    return request


#: Other values of a field asked for after 除了 ("除了三星还有别的牌子吗", "除了黑色还有其他颜色吗").
_OTHER_VALUES = re.compile(r"(?:别的|其他的?|其它的?|另外的?)(?:牌子|品牌|颜色|色|款式|款|型号|尺寸)")


def _complement(request: Any, text: str, context: Any, again: Callable[[str], Any]) -> Any:
    """"除了JBL 其他两个比一下": the items other than the one set apart, when it was said without a classifier."""
    shown = list(getattr(context, "shown", ()) or ())
    if len(shown) < 3 or _OTHER_VALUES.search(text):
        return request  # "除了三星还有别的牌子吗": other brands asked for, no shown items set apart
    for language, (found, replacement) in word_tables.table(_DATA)["complement"].items():
        reworded = re.sub(found, replacement, text)
        if reworded == text or language != str(request.language):
            continue
        heard = again(reworded)
        if heard.intent in _NO_WISH or len(heard.references) <= len(request.references):
            continue
        return request.model_copy(update={name: getattr(heard, name) for name in (
            "intent", "include", "exclude", "references")})
    return request


def _for_device(request: Any, text: str, again: Callable[[str], Any]) -> Any:
    """"给手机买个充电头": the phone is what the charger is for; only the charger is wanted."""
    found = word_tables.pattern(_DATA, "for_device", str(request.language))
    match = found.search(text) if found else None
    if match is None:
        return request
    device = again(match.group(1))
    device_types = {(name, v) for name in _TYPE_FIELDS for v in device.include.get(name, [])}
    wanted = {(name, v) for name in _TYPE_FIELDS for v in request.include.get(name, [])}
    if not device_types & wanted or not wanted - device_types:
        return request  # the device is not among the wishes, or is the only one
    include = {name: [v for v in vs if (name, v) not in device_types] for name, vs in request.include.items()}
    return request.model_copy(update={"include": {name: vs for name, vs in include.items() if vs}})


def _refused_clauses(text: str) -> tuple[str, str] | None:
    """The message with every clause a refusal predicate governs said as the plain refusal, and the
    predicate's language; None when no clause holds one."""
    table = word_tables.table(_DATA)["refusal"]
    clauses = [c.strip() for c in _CLAUSE.split(text)]
    clauses = [c for c in clauses if c]
    changed: str | None = None
    out = list(clauses)
    for i, clause in enumerate(clauses):
        for language in _LANGUAGES:
            canonical = table["canonical"][language]
            post = re.search(f"(?:{table['post'][language]})\\s*$", clause)
            pre = re.match(f"\\s*(?:{table['pre'][language]})\\s*", clause)
            if post:
                target = clause[:post.start()].strip()
                if not target and i > 0:  # "ugh black again? hard pass": the clause before is refused
                    target, out[i - 1] = out[i - 1], ""
            elif pre:
                target = clause[pre.end():].strip()
            else:
                continue
            target = re.sub(_EDGE[language], "", target).strip()
            if target:
                out[i] = canonical.replace("{x}", target)
                changed = language
            break
    if changed is None:
        return None
    return " , ".join(c for c in out if c), changed


def _refusal(request: Any, text: str, again: Callable[[str], Any], context: Any = None) -> Any:
    """A refusal predicate the rules do not know, read as the language's plain refusal."""
    found = _refused_clauses(text)
    if found is None:
        return request
    reworded, language = found
    heard = again(reworded)
    if heard.intent in _NO_WISH:
        return request
    wanted = {(name, v) for name, vs in request.include.items() for v in vs}
    if any((name, v) not in wanted for name, vs in heard.include.items() for v in vs):
        return request  # the reworded message wants something the shopper did not say
    before = {(name, v) for name, vs in request.exclude.items() for v in vs}
    # Only a value the first reading wanted is turned down: "these are giving grandpa, hard pass" refuses
    # the items, not the men's range.
    refused = {(name, v) for name, vs in heard.exclude.items() for v in vs} - before
    # stop 41: "the samsung one doesn't convince me": what is refused is the shown item pointed at, as "el segundo
    # no me convence" rejects the second
    pointed = [item for item in getattr(context, "shown", ()) or ()
               if item.id in {r.item_id for r in request.references if r.item_id}]
    if refused and pointed and request.intent != "reject" and all(
            any(str(item.field_value(name) or "").casefold() == str(v).casefold() for item in pointed) for name, v in refused):
        return request.model_copy(update={"intent": "reject", "show_now": True, "query": ""})
    if refused - wanted:
        refused = set()
    rejected = heard.intent == "reject" and heard.references and request.intent != "reject"
    if not refused and not rejected:
        return request
    update = {name: getattr(heard, name) for name in (
        "intent", "include", "exclude", "references", "price", "relative_price", "avoid_words", "drop")}
    if heard.language == language:
        update["language"] = heard.language  # "el de samsung no me convence" is Spanish, however short
    return request.model_copy(update=update)


def _distance(a: str, b: str, limit: int) -> int:
    """Edits from ``a`` to ``b`` (a swap of two neighbouring letters is one), or ``limit + 1`` past it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        before, row = row, current
    return min(row[-1], limit + 1)


def _foreign_typo(request: Any, text: str, again: Callable[[str], Any]) -> Any:
    """"una mochlia azul": a Spanish or German word one typo from a lexicon word, when no type was read."""
    language = str(request.language)
    if language not in ("es", "de") or any(request.include.get(name) for name in _TYPE_FIELDS):
        return request
    if request.intent not in _SHOPPING or request.references:
        return request  # "braucht die Batterien?": a question about a shown item names no type to correct
    from chatrec.language import Lexicon

    lexicon = Lexicon.default()
    keys = sorted(k for k in lexicon.entries.get(language, {}) if k.isalpha() and len(k) >= 5)
    known = lexicon.words(language) | lexicon.english_words()
    for word in sorted(set(re.findall(r"[a-z]{5,}", text))):
        if word in known:
            continue
        limit = 1 if len(word) < 8 else 2
        close = sorted((_distance(word, key, limit), key) for key in keys if key[:1] == word[:1])
        close = [(d, key) for d, key in close if d <= limit]
        if not close or (len(close) > 1 and close[1][0] == close[0][0]):
            continue  # no lexicon word near, or two as near: no guess
        heard = again(re.sub(rf"\b{word}\b", close[0][1], text))
        if heard.intent in _NO_WISH or not any(heard.include.get(name) for name in _TYPE_FIELDS):
            continue
        if any(v not in heard.include.get(name, []) for name, vs in request.include.items() for v in vs):
            continue  # the corrected reading lost a wish: not this word
        if any(v not in heard.exclude.get(name, []) for name, vs in request.exclude.items() for v in vs):
            continue  # or a refusal ("que no me mostrara zapatos de tacón" is no "mostaza"): not this word
        return heard.model_copy(update={"language": request.language})
    return request
