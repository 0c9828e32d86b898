"""Chinese, Spanish and German shoppers' wording the rules before misread: classes found by
blind set 46 (issue 12, brief i12ai).

Each mechanism covers a class of wording, not one sentence:

- :func:`normalise`, on the message before it is read (Spanish only):

  - Rioplatense voseo and clipped words as the forms the lexicon knows ("mostrame", "volvé a
    mostrarme", "pasame", "decime"; "pa" / "pal" for "para" / "para el");
  - budget words the budget reader lacks: "tipo 2 mil" (about), "mi tope es 25 mil", "como tope
    15 mil" (at most).

- :func:`adjust`, after a message is read:

  - a value refused with "show others" and no shown item named ("不要红米的，换一批", "kein
    Samsung, was anderes"): a refinement leaving the value out, not a rejection of every item;
  - a shown item asked for in another size ("紅色嗰件有冇其他尺碼", "¿la roja la tienen en otra
    talla?"): a question about it, not a wish for similar items;
  - a pronoun for the item pointed at last, then "is there X" ("它有黑色的吗", "这个有没有白的"),
    and the Spanish "la rosa la tienen en azul?", "y lo tienen en negro?": more like that item,
    in the value asked for;
  - another shop's price: with a wish for cheaper items ("en mercado libre está más barato,
    ¿tienen algo más económico?", "bei Amazon günstiger, habt ihr was Billigeres?") a cheaper
    search; asking the shop itself to lower its price ("拼多多上便宜五百，你们能不能便宜点") is
    off topic;
  - two shown items joined by "和 / y / und" around a comparing verb ("LG那台和小米那台比一下",
    "戴尔那个鼠标跟罗技的差在哪", "die grüne und die schwarze Tasche vergleichen"): a comparison
    of both, each named by its brand, colour or place;
  - the brand Mi in lower case beside another brand in Spanish ("de boat o de mi"), where "mi"
    is otherwise "my";
  - a writing task in Chinese ("帮我写个请假条"): off topic;
  - thanks with agreeing words only ("dale gracias genio", "listo gracias capo", "passt, danke",
    "好的谢谢"): small talk.

The words are in ``chatrec/data/foreign_constraints.json``; the words the lexicon lacks
(闺蜜, 個仔, chándal, "Jackn", "passt net") in ``chatrec/data/lexicon_set46.json``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chatrec import word_tables

__all__ = ["adjust", "normalise"]

_DATA = Path(__file__).parent / "data" / "foreign_constraints.json"
_LANGUAGES = ("zh", "es", "de")
_QUESTION_INTENTS = ("ask_about_item", "compare")


def _table() -> dict[str, Any]:
    """The word lists and patterns of this module (:mod:`chatrec.word_tables`)."""
    return word_tables.table(str(_DATA))


def _pattern(name: str, language: str) -> re.Pattern[str] | None:
    return word_tables.pattern(str(_DATA), name, language)


def _has(name: str, language: str, text: str) -> bool:
    pattern = _pattern(name, language)
    return bool(pattern and pattern.search(text))


_fold = word_tables.folded


def normalise(raw: str) -> str:
    """A Spanish message with voseo, clipped words and budget words written the way the rules read them.

    Messages in other languages are returned unchanged. A voseo form is read with or without its
    stress accent ("volvé", "volve").
    """
    from chatrec.language import detect_language

    if detect_language(raw) != "es":
        return raw
    words = _table()["voseo"]
    text = re.sub(r"[^\W\d_]+", lambda found: words.get(_fold(found.group(0)), found.group(0)), raw)
    phrases, pattern = _spanish_phrases()
    text = pattern.sub(lambda found: phrases[found.group(0).lower()], text) if phrases else text
    budget = _table()["budget"]
    # "15 mil un celular": the article after "mil" starts the product, it is no "mil uno" (1001)
    text = re.sub(r"(\d\s*mil)\s+(un|una)\b(?=\s+[^\W\d_])", r"\1, \2", text, flags=re.IGNORECASE)
    text = re.sub(budget["about"], "unos ", text, flags=re.IGNORECASE)
    return re.sub(budget["at_most"], "hasta", text, flags=re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _spanish_phrases() -> tuple[dict[str, str], re.Pattern[str]]:
    """Spanish phrases to the lexicon's spelling: the table's own, and the singular of a plural
    phrase the lexicon has only in the plural ("una batidora de mano" as "batidoras de mano",
    "plancha de vapor" as "planchas de vapor")."""
    from chatrec.language import Lexicon

    table = Lexicon.default().entries.get("es", {})
    phrases = {k: v for k, v in _table()["phrases"].items() if not k.startswith("_")}
    for key in table:
        head, _, rest = key.partition(" ")
        if not rest or not rest.startswith(("de ", "a ", "para ")) or not head.endswith("s"):
            continue
        # "cargadores" -> "cargador" (-es after a consonant), "planchas" -> "plancha"
        single = head[:-2] if head.endswith("es") and head[-3:-2] in set("rlndjy") else head[:-1]
        phrase = f"{single} {rest}"
        if len(single) >= 4 and single[-1] in "aeiourlndjy" and phrase not in table:
            phrases.setdefault(phrase, key)
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(k) for k in sorted(phrases, key=len, reverse=True))
                         + r")(?![\w])", re.IGNORECASE)
    return phrases, pattern


def adjust(
    request: Any, raw: str, context: Any, vocabulary: Any = None, read_again: Callable[[str], Any] | None = None,
) -> Any:
    """The request read from ``raw``, corrected for the classes of this module (see the module)."""
    language = request.language
    if language not in _LANGUAGES:
        return request
    text = _fold(raw)
    shown = list(getattr(context, "shown", ()) or ())
    request = _refused_not_rejected(request, context)
    if shown:
        request = _none_of_them(request, text, language, context)
    request = _thanks_only(request, text, language)
    if language == "zh":
        request = _writing_task(request, text)
    request = _other_shop(request, text, language, context)
    if shown:
        request = _earlier_ones(request, text, language)
        request = _other_size(request, text, language, context, read_again)
        if read_again is not None:
            request = _pointed_in_value(request, text, language, context, read_again)
            request = _two_compared(request, text, language, context, read_again)
    if language == "es":
        request = _lower_case_mi(request, text, vocabulary)
    return request


def _cleared(request: Any, intent: str, **update: Any) -> Any:
    """``request`` with another intent and no wishes (a question, small talk, off topic)."""
    values: dict[str, Any] = {
        "intent": intent, "include": {}, "exclude": {}, "price": None, "relative_price": None,
        "avoid_words": [], "show_now": False, "drop": [],
    }
    values.update(update)
    return request.model_copy(update=values)


def _refused_not_rejected(request: Any, context: Any) -> Any:
    """"不要红米的，换一批": a refused value with "show others" refines the search (no item named)."""
    if request.intent != "reject" or not request.exclude or request.references:
        return request
    searching = bool(getattr(context, "searching", False))
    return request.model_copy(update={"intent": "refine" if searching else "recommend", "show_now": searching})


def _none_of_them(request: Any, text: str, language: str, context: Any) -> Any:
    """"beide passen net, was anderes", "两台都不行": every shown item refused is a rejection naming none
    (as "both r mid, something else"), also when "something else" made it read as "more like these"."""
    positions = {r.position for r in request.references}
    every = len(context.shown) >= 2 and positions == set(range(1, len(context.shown) + 1))
    if request.intent == "reject" and every:
        return request.model_copy(update={"references": []})
    if request.intent == "more_like" and (every or not positions) and _has("refusal", language, text) \
            and _has("something_else", language, text) and not request.include:
        return request.model_copy(update={"intent": "reject", "references": [], "relative_price": None})
    return request


def _thanks_only(request: Any, text: str, language: str) -> Any:
    """"dale gracias genio", "passt, danke", "好的谢谢": thanks with agreeing words only."""
    if request.intent not in ("recommend", "refine") or request.references or request.include or request.exclude \
            or request.price is not None or request.relative_price:
        return request
    words, core = _pattern("thanks_only", language), _pattern("thanks_core", language)
    if words is None or core is None or not core.search(text) or re.search(r"[^\W\d_]", words.sub(" ", text)):
        return request
    return _cleared(request, "chitchat", references=[], query="")


def _writing_task(request: Any, text: str) -> Any:
    """"帮我写个请假条": a writing task is no shopping (a product named makes it a wish)."""
    if request.intent not in ("chitchat", "recommend", "refine") or request.include or request.price is not None:
        return request
    if not _has("writing_task", "zh", text):
        return request
    return _cleared(request, "off_topic", references=[])


def _other_shop(request: Any, text: str, language: str, context: Any) -> Any:
    """Another shop's price: a wish for cheaper items searches cheaper; haggling is off topic."""
    if not _has("competitor", "all", text):
        return request
    if _has("haggle", language, text) and not _has("cheaper_wish", language, text):
        return _cleared(request, "off_topic", references=[])
    if request.intent in ("off_topic", "refine", "recommend", "more_like") and _has("cheaper_wish", language, text):
        searching = bool(getattr(context, "searching", False))
        return request.model_copy(update={
            "intent": "refine" if searching else "recommend", "relative_price": "cheaper", "references": [],
            "show_now": searching,
        })
    return request


def _earlier_ones(request: Any, text: str, language: str) -> Any:
    """"muéstrame las de antes", "zeig mir die von vorhin": the items shown before, again."""
    if request.intent not in ("refine", "recommend") or request.include or request.exclude or request.price is not None \
            or request.relative_price or not _has("earlier_ones", language, text):
        return request
    return _cleared(request, "show_again", references=[])


def _other_size(
    request: Any, text: str, language: str, context: Any, read_again: Callable[[str], Any] | None,
) -> Any:
    """"紅色嗰件有冇其他尺碼", "¿la roja la tienen en otra talla?": a shown item in another size is a
    question about it."""
    if not _has("other_size", language, text):
        return request
    positions = [r for r in request.references if r.how != "all"]
    if language == "zh" and len(positions) > 1 and re.search(r"[大小]一[码号]", text):
        positions = [r for r in positions if r.position != 1]  # "大一号" is a size bigger, no "number one"
        if request.intent == "ask_about_item":
            return request.model_copy(update={"references": positions})
    if request.intent not in ("more_like", "refine", "recommend"):
        return request
    if not positions and read_again is not None:
        positions = _pointed_before(text, language, context, read_again)
    if not positions:
        return request
    return _cleared(request, "ask_about_item", references=positions)


def _pointed_before(text: str, language: str, context: Any, read_again: Callable[[str], Any]) -> list[Any]:
    """The shown items named before "la tienen en" ("la rosa", "el de LG"), else the ones pointed at last."""
    found = _pattern("in_colour_es", language) if language == "es" else None
    match = found.search(text) if found else None
    if match is None:
        return []
    before = text[:match.start()].strip(" ,.¿?¡!")
    if before:
        named = read_again(before)
        positions = [r for r in named.references if r.how != "all"] or _named_by_value(named.include, context)
        if positions:
            return positions
    if re.search(r"[a-z]", re.sub(r"\b(?:y|e|pero|entonces|bueno|che)\b", "", before)):
        return []
    return [_item(context, p) for p in getattr(context, "last_references", ()) if 0 < p <= len(context.shown)]


def _item(context: Any, position: int) -> Any:
    from chatrec.request import ItemReference

    item = context.shown[position - 1]
    return ItemReference(position=position, item_id=str(getattr(item, "id", "")) or None, how="attribute")


def _pointed_in_value(request: Any, text: str, language: str, context: Any, read_again: Callable[[str], Any]) -> Any:
    """"它有黑色的吗", "la rosa la tienen en azul?": the item pointed at, in the value asked for."""
    if language == "zh":
        found = _pattern("it_zh", "zh")
        match = found.search(text) if found else None
        if match is None or request.intent not in ("ask_about_item", "more_like", "refine"):
            return request
        wanted = read_again(f"有{match.group(1)}的吗")
        positions = [r for r in request.references if r.how != "all"] or [
            _item(context, p) for p in getattr(context, "last_references", ()) if 0 < p <= len(context.shown)]
    elif language == "es":
        found = _pattern("in_colour_es", "es")
        match = found.search(text) if found else None
        if match is None or request.intent not in ("refine", "recommend", "more_like", "ask_about_item"):
            return request
        wanted = read_again(f"en {text[match.end():]}")
        positions = [r for r in request.references if r.how != "all"] or _pointed_before(text, language, context, read_again)
    else:
        return request
    if not positions or not wanted.include:
        return request
    return request.model_copy(update={
        "intent": "more_like", "include": dict(wanted.include), "exclude": {}, "references": positions,
        "price": None, "relative_price": None, "show_now": False,
    })


def _named_by_value(include: dict[str, list[str]], context: Any) -> list[Any]:
    """The shown items that hold every value of ``include`` ("la rosa": the pink one)."""
    if not include:
        return []
    out = []
    for position, item in enumerate(context.shown, start=1):
        field_value = getattr(item, "field_value", None)
        if field_value is None:
            continue
        if all(_fold(str(field_value(name) or "")) in {_fold(v) for v in values} for name, values in include.items()):
            out.append(_item(context, position))
    return out if len(out) < len(context.shown) else []


def _two_compared(request: Any, text: str, language: str, context: Any, read_again: Callable[[str], Any]) -> Any:
    """"LG那台和小米那台比一下", "die grüne und die schwarze Tasche vergleichen": both items compared."""
    if request.intent not in (*_QUESTION_INTENTS, "more_like") or not _has("compare_word", language, text):
        return request
    joiner = _pattern("joiner", language)
    if joiner is None or not joiner.search(text):
        return request
    positions: dict[int, Any] = {r.position: r for r in request.references if r.how != "all"}
    found: list[int] = []
    for part in (p.strip(" ,.?!？！，。") for p in joiner.split(text)):
        if not part:
            continue
        named = [r.position for r in read_again(part).references if r.how != "all"]
        named = named or [r.position for r in _named_by_brand(part, language, context)]
        if len(named) == 1:
            found.append(named[0])
    for position in found:
        positions.setdefault(position, _item(context, position))
    if len(positions) < 2 or len(set(found)) < 2:
        return request
    return _cleared(request, "compare", references=[positions[p] for p in sorted(positions)])


def _named_by_brand(part: str, language: str, context: Any) -> list[Any]:
    """The shown items whose brand a part of a message names (through the lexicon: 罗技 is Logitech)."""
    from chatrec.language import Lexicon

    said = set(re.findall(r"[a-z0-9-]+", Lexicon.default().translate(part, language)))
    out = []
    for position, item in enumerate(context.shown, start=1):
        brand = _fold(str(getattr(item, "brand", "") or ""))
        first = _fold(str(getattr(item, "title", "") or "")).split(" ")[0] if not brand else ""
        if (brand and brand in said) or (first and first in said):
            out.append(_item(context, position))
    return out


def _lower_case_mi(request: Any, text: str, vocabulary: Any) -> Any:
    """"de boat o de mi": "mi" joined to another brand is the brand Mi, not "my"."""
    if request.intent not in ("recommend", "refine") or vocabulary is None or not request.include.get("brand"):
        return request
    if not re.search(r"\b(?:o|u|y|ni)\s+(?:de\s+|del\s+)?mi\b(?!\s+(?!hasta|por|de|que|entre|menos|max|maximo|no\b)[a-z])",
                     text):
        return request
    brands = [b for b in getattr(vocabulary, "counts", {}).get("brand", ()) if _fold(b) == "mi"]
    if not brands:
        return request
    include = dict(request.include)
    include["brand"] = sorted({*include["brand"], *brands})
    return request.model_copy(update={"include": include})
