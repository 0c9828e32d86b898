"""Chinese, Spanish and German wording found by blind set 61 (issue 12, brief i12bo) that the rules
before misread: classes of wording, each covered by one mechanism, not one sentence.

:func:`adjust` runs at the end of the rules' chain, on the shopper's words:

- Austrian, Bavarian and Swiss German written as spoken (:func:`_dialect`: "Kriag i a Sackerl dazu?",
  "a Haube bräucht i, aber bloß ka rosane", "alles usser Samsung", "es Hemd für under 50 Stutz",
  "Chopfhörer ... ohni Kabel"): read again in standard German, as German;
- wording read again the way the rules read it (the table's "reword"): Cantonese 呢個 (this one), Shanghainese
  伐要 (don't want), 避雷 (steer clear of), "type-c线", a currency after the hedge ("五百上下 rmb"), "三五百",
  100-yuan notes ("一张以内"), "三百 别超", 男宝 / 女宝, 带娃, a self-correction after 不对; Mexican "padre" (cool),
  "800 de lana", "traigo como N", "unas N", Colombian "barras", the usted forms of "don't show me", "tacos"
  (heels), "para la oficina", "el tercer televisor"; German inflected "pinken";
- a German word written without its umlaut (:func:`_umlauts`: "Handyhuelle"): read with the umlaut when only
  then a product type is read;
- questions and talk with no shopping in them although they name a product (the table's "off_topic"): when an
  order comes, the warehouse, an illness, "怎么办", a story of something broken, a bag at the till, mobile plans;
- a colour said only in the clause giving the reason for a refusal ("bloß kein Weiß, das ist nach einmal
  Waschen grau", "nada de blanco porque se pone gris"): no wish;
- a colour named acceptable when colour is given up in the same message ("其實白色也可以啦 顏色不拘"): no wish;
- a shown item asked for cheaper ("第二个有没有便宜一点的"): more like it, cheaper; a more-like turn that says
  cheaper ("gibts sowas auch billiger?") asks for cheaper ones (never "the cheapest one" named as a reference);
- a question about a shown item named by its place that names a feature also in another item's title
  ("¿el tercer televisor tiene Android?"): about the item named by its place only;
- a brand that is also a common word, written in the brand's own mixed case beside another brand wanted
  ("JBL或boAt都可以"): wanted too;
- a shirt or trousers worn to the office ("衬衫 上班穿"): the formal usage.

The word patterns are in ``chatrec/data/set61_classes.json``; the words the lexicon lacked (啡色, 耳筒, 冷衫,
morral, Haube, Überspannungsschutz) in ``chatrec/data/lexicon_set61.json``.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chatrec import word_tables

__all__ = ["adjust"]

_DATA = str(Path(__file__).parent / "data" / "set61_classes.json")
_LANGUAGES = ("zh", "es", "de")
_NO_WISH = ("off_topic", "chitchat")
_WISHES = ("recommend", "refine")
_COLOUR = "baseColour"
_FORMAL = "Formal"
# A message read again is read by the whole pipeline, this step included: it must not rewrite again.
_reading_again: contextvars.ContextVar[bool] = contextvars.ContextVar("set61_reading_again", default=False)


def adjust(
    request: Any, message: str, context: Any, vocabulary: Any, read_again: Callable[[str], Any],
) -> Any:
    """The request read from ``message``, corrected for the classes of this module (see the module).

    Args:
        request: The request the rules read.
        message: The shopper's words (after the shared normalisation of :func:`understand`).
        context: The turn's context (items shown, wishes in force, pending question).
        vocabulary: The catalogue's values.
        read_again: Reads the message reworded in the same context.

    Returns:
        The corrected request (the same object when no class applies).
    """
    if _reading_again.get():
        return request
    text = word_tables.folded(message)
    again = word_tables.guarded(_reading_again, read_again)
    request = _dialect(request, text, again)
    language = str(request.language)
    if language not in _LANGUAGES:
        return request
    request = word_tables.read_reworded(_DATA, "reword", request, text, language, again)
    request = _umlauts(request, text, language, again)
    request = _off_topic(request, text, language)
    if request.intent in _NO_WISH:
        return request
    request = _variant_of_shown(request, text, language)
    request = _cheaper_variant(request, text, language)
    request = _placed_question(request)
    if request.intent not in _WISHES:
        return request
    request = _cased_brand(request, message, vocabulary)
    request = _reason_clause(request, text, language, again)
    request = _colour_given_up(request, text, language)
    return _office_wear(request, text, language, vocabulary)


def _dialect(request: Any, text: str, again: Callable[[str], Any]) -> Any:
    """"Kriag i a Sackerl dazu?", "alles usser Samsung": Austrian, Bavarian or Swiss German read again in
    standard German (the table's words, then an initial ch- that stands for k- in a German word)."""
    if str(request.language) not in ("de", "en", "es", "other"):  # "es Handy" (Swiss: ein) looks Spanish
        return request
    return word_tables.read_in_german(
        request, text, word_tables.table(_DATA)["dialect"], (r"\bch(\w{3,})", _k_for_ch), again, _NO_WISH)


def _k_for_ch(found: re.Match[str]) -> str:
    """"chopfhorer" -> "kopfhorer", "chappe" -> "kappe": Swiss ch- for k-, when the k- word is German."""
    from chatrec.language import Lexicon

    word = found.group(0)
    lexicon = Lexicon.default()
    if lexicon.is_word("de", word):
        return word
    candidate = "k" + found.group(1)
    return candidate if lexicon.is_word("de", candidate) else word


def _umlauts(request: Any, text: str, language: str, again: Callable[[str], Any]) -> Any:
    """"ne Handyhuelle": a German word written with ue / oe / ae for ü / ö / ä, read again without the e
    (folded, ü is u) when only then a product type is read."""
    if language != "de" or not re.search(r"[aou]e", text):
        return request
    from chatrec.language import Lexicon

    lexicon = Lexicon.default()

    def plain(found: re.Match[str]) -> str:
        word = found.group(0)
        if lexicon.is_word("de", word):
            return word
        candidate = re.sub(r"([aou])e", r"\1", word)
        return candidate if lexicon.is_word("de", candidate) else word

    reworded = re.sub(r"\b\w*[aou]e\w*\b", plain, text)
    if reworded == text:
        return request
    heard = again(reworded)
    types = _types(heard)
    if heard.intent not in _WISHES or not types or types == _types(request):
        return request
    return heard.model_copy(update={"language": language})


def _types(request: Any) -> dict[str, list[str]]:
    """The product types a request wants (category, subcategory, subCategory, articleType)."""
    return {name: values for name, values in request.include.items()
            if name in ("category", "subcategory", "subCategory", "articleType")}


def _off_topic(request: Any, text: str, language: str) -> Any:
    """A message that shops for nothing though it may name a product (see the table's "off_topic")."""
    if request.intent == "off_topic" or request.references:
        return request
    if not word_tables.has(_DATA, "off_topic", language, text) or word_tables.has(_DATA, "wish", language, text):
        return request
    return request.model_copy(update={
        "intent": "off_topic", "include": {}, "exclude": {}, "price": None, "relative_price": None,
        "avoid_words": [], "show_now": False,
    })


def _variant_of_shown(request: Any, text: str, language: str) -> Any:
    """"第二个有没有便宜一点的": one shown item wanted cheaper is more like it, cheaper (another colour or size
    of it stays a question about it, as the earlier sets label "第二双有别的颜色吗", "第三件有没有大一号的")."""
    if request.intent != "ask_about_item" or len(request.references) != 1:
        return request
    if not word_tables.has(_DATA, "variant", language, text):
        return request
    update: dict[str, Any] = {"intent": "more_like"}
    if _says_cheaper(text, language):
        update["relative_price"] = "cheaper"
    return request.model_copy(update=update)


def _cheaper_variant(request: Any, text: str, language: str) -> Any:
    """"die dritten sind krass, gibts sowas auch billiger?": more like a shown item, and cheaper."""
    if request.intent != "more_like" or not request.references or request.relative_price or request.price:
        return request
    if not _says_cheaper(text, language):
        return request
    return request.model_copy(update={"relative_price": "cheaper"})


def _says_cheaper(text: str, language: str) -> bool:
    """Whether the message asks for a lower price, in its language."""
    source = word_tables.table(_DATA)["variant"]["cheaper"].get(language)
    return bool(source and re.search(source, text))


def _placed_question(request: Any) -> Any:
    """"¿el tercer televisor tiene Android?": a question about an item named by its place asks about that
    item; a feature word that also stands in another shown item's title names no second item."""
    if request.intent != "ask_about_item":
        return request
    placed = [ref for ref in request.references if ref.how == "position"]
    if len(placed) != 1 or len(placed) == len(request.references):
        return request
    if any(ref.how not in ("title", "attribute") for ref in request.references if ref not in placed):
        return request
    return request.model_copy(update={"references": placed})


def _cased_brand(request: Any, message: str, vocabulary: Any) -> Any:
    """"藍牙喇叭 JBL或boAt都可以": a brand whose name is also a common word ("boat") is a brand when written
    with the brand's own mixed case and listed beside another brand the request wants."""
    wanted = request.include.get("brand") or []
    if not wanted:
        return request
    brands = (getattr(vocabulary, "counts", {}) or {}).get("brand") or {}
    said = set(re.findall(r"[A-Za-z][A-Za-z0-9-]*", message))
    refused = {str(v).casefold() for v in request.exclude.get("brand") or []}
    taken = {str(v).casefold() for v in wanted} | refused
    added = [brand for brand in brands if brand in said and brand not in (brand.lower(), brand.upper(), brand.capitalize())
             and brand.casefold() not in taken]
    if not added:
        return request
    return request.model_copy(update={"include": {**request.include, "brand": [*wanted, *added]}})


def _reason_clause(request: Any, text: str, language: str, again: Callable[[str], Any]) -> Any:
    """"bloß kein Weiß, das ist nach einmal Waschen grau", "nada de blanco porque se pone amarillo": a colour
    said only in the clause that gives the reason for a refusal describes what happens, neither wanted nor
    refused; the colours said before it are kept as read."""
    said = set(request.include.get(_COLOUR) or []) | set(request.exclude.get(_COLOUR) or [])
    if not said or not request.exclude:
        return request
    found = word_tables.pattern(_DATA, "reason", language)
    hit = found.search(text) if found else None
    if hit is None or hit.start() == 0:
        return request
    heard = again(text[: hit.start()])
    before = set(heard.include.get(_COLOUR) or []) | set(heard.exclude.get(_COLOUR) or [])
    if heard.intent not in _WISHES or not before or before == said or not before <= said:
        return request
    update: dict[str, Any] = {}
    for slot in ("include", "exclude"):
        values = getattr(request, slot)
        kept = {name: vals for name, vals in values.items() if name != _COLOUR}
        colours = [c for c in values.get(_COLOUR) or [] if c in before]
        if colours:
            kept[_COLOUR] = colours
        update[slot] = kept
    return request.model_copy(update=update)


def _colour_given_up(request: Any, text: str, language: str) -> Any:
    """"其實白色也可以啦 顏色不拘": a colour named acceptable while colour is given up is no wish."""
    if _COLOUR not in request.include or not word_tables.has(_DATA, "colour_given_up", language, text):
        return request
    include = {name: values for name, values in request.include.items() if name != _COLOUR}
    drop = list(request.drop) if _COLOUR in request.drop else [*request.drop, _COLOUR]
    return request.model_copy(update={"include": include, "drop": drop})


def _office_wear(request: Any, text: str, language: str, vocabulary: Any) -> Any:
    """"阿拉老公要件衬衫 ... 上班穿额": a shirt or trousers worn to the office is for formal use."""
    table = word_tables.table(_DATA)["office_wear"]
    source = table.get(language)
    if not isinstance(source, str) or not re.search(source, text) or "usage" in request.include:
        return request
    if not set(table["garments"]) & set(request.include.get("category") or []):
        return request
    if _FORMAL not in (getattr(vocabulary, "counts", {}).get("usage") or {}):
        return request
    return request.model_copy(update={"include": {**request.include, "usage": [_FORMAL]}})
