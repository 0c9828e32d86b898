"""Chinese, Spanish and German wishes said in ways the rules before misread: classes of wording
found by blind set 43 (issue 12, brief i12ad).

Each mechanism covers a class of wording in the three languages, not one sentence:

- :func:`rewrite`, on the folded message before it is read:

  - a value named first and refused after it ("黑的不要", "三星的不考虑", "negras no,", "rosa no
    gracias", "Schwarz nicht, lieber blau"): "not X", its clause closed so the next wish is wanted
    (a shown item refused this way is left to :mod:`chatrec.foreign_replies`);
  - "除了三星都行", "除了黑色其他都可以": anything but that value;
  - a space after a Chinese refusal ends it, as a comma does ("不要白的 蓝色的", "黑色就算了
    棕色有吗"): the wish after it is wanted;
  - "not too big" ("不要太大", "别太长", "no muy grande", "nicht zu groß"): a degree, no refusal
    of the wishes after it (a price degree, "不要太贵", stays: it asks for cheaper);
  - a wish to spend more ("可以多花点", "预算可以再加点", "puedo gastar un poco más", "ich kann
    auch mehr ausgeben"): pricier;
  - a product's kind said after it with 的 ("耳机 入耳式的", "鞋 平底式的"): the kind before the
    product, as it is usually said;
  - a thousands apostrophe (Swiss "20'000", "1'500"): the number; "ab 2000 bis 4000", "desde 2000
    hasta 4000": a range;
  - "Tastatur-Maus-Set": a keyboard and a mouse as one set (see :func:`adjust`);
  - in Spanish, a word whose first letter is written as it sounds ("selular", "zapato" /
    "sapato", "bolso" / "volso"): the lexicon's word when exactly one fits.

- :func:`adjust`, after a message is read:

  - a wish with a question about delivery or stock ("电水壶 100元以内 包邮吗", "¿tenés stock?
    una pava", "Wasserkocher, ist der Versand kostenlos?"): the wish, read without the question;
  - a wish to spend more read as a question about paying ("ich würde auch etwas mehr zahlen"):
    pricier;
  - thanks and praise only ("jajaja gracias, sos un genio", "danke, du bist spitze", "谢谢
    你太棒了"): small talk;
  - the brand Mi written with its capital in Spanish, where "mi" is "my" ("Mi o Ambrane",
    "la de MI"): the brand (or the shown item of that brand);
  - a shown item refused and then thanked ("el de Dell no, gracias", "die von JBL nicht,
    danke", "戴尔那个不要 谢谢"): the refusal, read without the thanks;
  - a keyboard and a mouse named with a set word ("Maus und Tastatur Set", "键鼠套装", "combo
    de teclado y mouse", "keyboard and mouse set"): the catalogue's keyboard-and-mouse set.

The words are in ``chatrec/data/foreign_wishes.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chatrec import word_tables

__all__ = ["adjust", "rewrite"]

_DATA = Path(__file__).parent / "data" / "foreign_wishes.json"
_LANGUAGES = ("zh", "es", "de")
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: Chinese characters that point at a shown item or a person: such a phrase is no value refused.
_POINTER = re.compile(r"[你我他她它这那个件双款条只台部第都也]")


def _table() -> dict[str, Any]:
    """The word lists and patterns of this module (:mod:`chatrec.word_tables`)."""
    return word_tables.table(str(_DATA))


def _pattern(name: str, language: str) -> re.Pattern[str] | None:
    return word_tables.pattern(str(_DATA), name, language)


def _has(name: str, language: str, text: str) -> bool:
    pattern = _pattern(name, language)
    return bool(pattern and pattern.search(text))


def rewrite(text: str, language: str, lexicon: Any) -> str:
    """A folded message with the wordings of this module written the way the rules read them."""
    # "20'000", "1'500'000": the Swiss thousands apostrophe
    text = re.sub(r"(?<![\d.,'])\d{1,3}(?:'\d{3})+(?![\d'])", lambda f: f.group(0).replace("'", ""), text)
    if language not in _LANGUAGES:
        return text
    degree = _pattern("degree", language)
    if degree is not None:
        text = degree.sub(" , ", text)
    pricier = _pattern("pricier", language)
    if pricier is not None:
        text = pricier.sub(" pricier ", text)
    text = _two_of_a_colour(text, language, lexicon)
    if language == "zh":
        return _zh(text)
    if language == "es":
        return _es(text, lexicon)
    return _de(text, lexicon)


def _de(text: str, lexicon: Any) -> str:
    table = lexicon.entries.get("de", {})
    known = lexicon.words("de")
    stop = frozenset(_table()["de_not_values"])

    def value(word: str) -> bool:
        if word in stop:
            return False
        forms = {word} | {word[:-len(end)] for end in ("en", "es", "er", "e", "n") if word.endswith(end)}
        return any(form in table and table[form].strip() for form in forms) or not forms & known

    # "ab 2000 bis 4000": from one amount to the other
    text = re.sub(r"\bab (\d+(?:[.,]\d+)?k?) bis (?=\d)", r"von \1 bis ", text)
    # "Schwarz nicht, lieber blau", "schwarze eher nicht": a value (or a name) refused at the head of a clause
    text = re.sub(r"(^|[,.;:!?] ?)([a-z][a-z\-]{2,})(?: (?:eher|lieber|besser|bitte|auf keinen fall))? nicht\b(?=\s*(?:[,.;!]|$|danke|bitte|lieber|sondern|eher))",
                  lambda f: f"{f.group(1)}kein {f.group(2)}" if value(f.group(2)) else f.group(0), text)
    # "Tastatur-Maus-Set", "Maus-Tastatur-Kombi": a keyboard and a mouse as one set
    return re.sub(r"\b(tastatur|maus)-(maus|tastatur)-(set|kombi|kombo|paket)\b", r"\1 und \2 \3", text)


def _two_of_a_colour(text: str, language: str, lexicon: Any) -> str:
    """"die beiden schwarzen", "los dos negros": the two shown items of that colour ("the two
    black ones", which the rules read), not the first two."""
    endings: tuple[str, ...]
    if language == "de":
        pattern = r"\b(?:die|den|der) (?:beiden|zwei) ([a-z]+)\b"
        endings = ("en", "e", "n", "")
    elif language == "es":
        pattern = r"\b(?:los|las|esos|esas|estos|estas) dos ([a-z]+)\b"
        endings = ("os", "as", "es", "s", "")
    else:
        return text
    table = lexicon.entries.get(language, {})

    def colour(found: re.Match[str]) -> str:
        word = found.group(1)
        for end in endings:
            if end and not word.endswith(end):
                continue
            stem = word[:len(word) - len(end)] if end else word
            for form in (stem, stem + "o", stem + "a"):
                english = table.get(form, "").strip()
                if english and english in _COLOURS:
                    return f" the two {form} ones "
        return found.group(0)

    return re.sub(pattern, colour, text)


_COLOURS = frozenset(
    "black white blue red green yellow pink purple brown grey gray orange beige silver gold navy blue maroon olive "
    "cream multi steel khaki teal lavender peach turquoise blue mustard magenta bronze charcoal".split()
)


def _zh(text: str) -> str:
    # "除了三星都行", "除了黑色以外其他的都可以": anything but that value
    text = re.sub(r"除了([^\s，。,？?！!、]{1,8}?)(?:以外|之外)?(?:的)?(?:其他|其它|别的)?(?:的)?(?:都|全都|都是)(?:行|可以|好|ok|成|没问题|能接受)",
                  lambda f: f" 不要{f.group(1)} " if not _POINTER.search(f.group(1)) else f.group(0), text)
    # "黑的不要", "三星的不考虑", "白色不行": a value named at the head of a clause, then refused
    text = re.sub(r"(^|[\s，,。！!；;~～])([^\s，。,？?！!、；;]{1,8}?)(的?)(?:就|也)?(?:不要|不想要|不喜欢|不考虑|不行|免了|pass)了?(?=$|[\s，,。！!；;~～]|太|因为)",
                  lambda f: f"{f.group(1)} 不要{f.group(2)}{f.group(3)}，"
                  if not _POINTER.search(f.group(2)) and (_HAN.search(f.group(2)) or re.search(r"[a-z]", f.group(2)))
                  else f.group(0), text)
    # "不要白的 蓝色的", "黑色就算了 棕色有吗": a space closes a refusal's clause, as a comma does
    # (a shown item refused, "绿色那个不要 另外两个…", is left to the rules about shown items)
    text = re.sub(r"([^\s，。,；;！!？?]*(?:不要|别|不喜欢|不想要|不考虑|就算了|不用了|免了)[^\s，。,；;！!？?]{0,10})\s+(?=[\u4e00-\u9fffa-z0-9])",
                  lambda f: f.group(0) if re.search(r"[那这个件双款条只台部第]", f.group(1)) else f"{f.group(1)}，", text)
    # "耳机 入耳式的", "鞋 平底式的": the kind said after the product moves before it
    return re.sub(r"([\u4e00-\u9fff]{1,3})\s+([\u4e00-\u9fff]{1,3}式)的", r"\2\1", text)


def _es(text: str, lexicon: Any) -> str:
    table = lexicon.entries.get("es", {})
    known = lexicon.words("es")
    stop = frozenset(_table()["es_not_values"])

    def value(word: str) -> bool:
        if word in stop:
            return False
        forms = {word, re.sub(r"(?:as|os|a)$", "o", word), re.sub(r"e?s$", "", word)}
        # a lexicon word that means something, or a name the lexicon does not know ("Samsung no")
        return any(form in table and table[form].strip() for form in forms) or not forms & known

    # "negras no,", "rosa no gracias", "Samsung no": a value (or a name) refused at the clause's end
    text = re.sub(r"(?<![a-z] )(?<!\b(?:el|la|lo) )\b([a-z][a-z\-]{2,}) no\b(?=\s*(?:[,.;!]|$|gracias|porfa|por favor|che\b|eh\b|tampoco))",
                  lambda f: f"no {f.group(1)}" if value(f.group(1)) else f.group(0), text)

    # "desde 2000 hasta 4000": from one amount to the other
    text = re.sub(r"\bdesde (\d+(?:[.,]\d+)?k?) hasta (?=\d)", r"entre \1 y ", text)
    # "selular", "sapatillas", "volso": the first letter written as it sounds
    swaps = {"s": ("c", "z"), "c": ("s", "z"), "z": ("s", "c"), "b": ("v",), "v": ("b",), "y": ("ll",), "j": ("g",), "g": ("j",)}

    def sound(found: re.Match[str]) -> str:
        word = found.group(0)
        if word in known or word in table:
            return word
        candidates = {first + word[1:] for first in swaps.get(word[0], ())}
        candidates |= {"h" + word} | ({word[1:]} if word.startswith("h") else set())
        fits = [c for c in candidates if c in table and len(c) >= 5]
        return fits[0] if len(fits) == 1 else word

    return re.sub(r"\b[a-z]{5,}\b", sound, text)


def _reference_positions(request: Any) -> list[int]:
    return sorted({r.position for r in request.references if r.how != "all"})


def adjust(
    request: Any, raw: str, context: Any, vocabulary: Any = None, read_again: Callable[[str], Any] | None = None,
) -> Any:
    """The request read from ``raw``, corrected for the classes of this module (see the module)."""
    from chatrec.language import fold

    language = request.language
    text = re.sub(r"\s+", " ", fold(raw)).strip()
    request = _keyboard_and_mouse(request, text, vocabulary)
    if language not in _LANGUAGES:
        return request
    if read_again is not None:
        request = _shop_question(request, raw, language, read_again)
    request = _thanked_refusal(request, raw, language, context)
    request = _praise(request, text, language)
    request = _spend_more(request, text, language, context)
    if language == "es":
        request = _brand_mi(request, raw, context, vocabulary)
    return request


def _shop_question(request: Any, raw: str, language: str, read_again: Callable[[str], Any]) -> Any:
    """"电水壶 100元以内 包邮吗": a wish with a question about delivery or stock is the wish."""
    if request.intent not in ("off_topic", "chitchat") or request.references:
        return request
    pattern = _pattern("shop_question", language)
    if pattern is None or not pattern.search(fold_text(raw)):
        return request
    rest = pattern.sub(" ", fold_text(raw)).strip(" ,.?!？！，。")
    if not rest or not re.search(r"[^\W\d_]", rest):
        return request
    again = read_again(rest)
    if again.intent in ("recommend", "refine") and (again.include or again.price is not None):
        return again
    return request


def _thanked_refusal(request: Any, raw: str, language: str, context: Any) -> Any:
    """"el de Dell no, gracias": a shown item refused, then thanked, is refused."""
    if not getattr(context, "shown", None) or not _reference_positions(request):
        return request
    if request.intent not in ("more_like", "ask_about_item", "refine", "recommend"):
        return request
    pattern = _pattern("thanks_end", language)
    if pattern is None:
        return request
    folded = fold_text(raw)
    rest = pattern.sub("", folded).strip()
    if rest == folded or not rest:
        return request
    # read as foreign_replies reads a refusal at the end, in the language of the whole message
    from chatrec import foreign_replies

    again = foreign_replies.adjust(request, rest, context)
    return again if again.intent == "reject" else request


def _spend_more(request: Any, text: str, language: str, context: Any) -> Any:
    """"ich würde auch etwas mehr zahlen": a wish to spend more is no question about paying."""
    if request.intent not in ("off_topic", "chitchat") or request.references or not _has("pricier", language, text):
        return request
    searching = bool(getattr(context, "searching", False))
    return request.model_copy(update={"intent": "refine" if searching else "recommend", "relative_price": "pricier",
                                      "show_now": searching})


def _praise(request: Any, text: str, language: str) -> Any:
    """"jajaja gracias, sos un genio": thanks and praise, no wish."""
    if request.intent not in ("recommend", "refine") or request.references or request.include or request.exclude \
            or request.price is not None or request.relative_price:
        return request
    pattern = _pattern("praise", language)
    if pattern is None:
        return request
    core = _pattern("praise_core", language)
    if core is None or not core.search(text):
        return request
    if re.search(r"[^\W\d_]", pattern.sub(" ", text)):
        return request
    return request.model_copy(update={
        "intent": "chitchat", "include": {}, "exclude": {}, "price": None, "relative_price": None, "references": [],
        "avoid_words": [], "show_now": False, "query": "", "drop": [],
    })


def _brand_mi(request: Any, raw: str, context: Any, vocabulary: Any) -> Any:
    """"Mi o Ambrane", "la de MI": the capitalised Mi inside a Spanish sentence is the brand."""
    said = [f for f in re.finditer(r"\b(Mi|MI)\b", raw)
            if f.start() > 0 and not re.search(r"[.!?¿¡]\s*$|^\s*$", raw[:f.start()])]
    if not said:
        return request
    shown = list(getattr(context, "shown", ()) or ())
    pointed = re.search(r"\b(?:el|la|los|las|del) de (?:Mi|MI)\b|\b(?:el|la|lo|los|las|del|al) (?:Mi|MI)\b", raw)
    if pointed and shown:
        from chatrec.request import ItemReference

        have = {r.position for r in request.references}
        add = [ItemReference(position=p, item_id=str(getattr(item, "id", "")) or None, how="title")
               for p, item in enumerate(shown, start=1)
               if p not in have and fold_text(str(getattr(item, "brand", "") or "")) == "mi"]
        if not add:
            return request
        references = sorted([*request.references, *add], key=lambda r: r.position)
        update: dict[str, Any] = {"references": references}
        if len(references) >= 2 and _has("compare", "es", fold_text(raw)):
            update.update({"intent": "compare", "include": {}, "exclude": {}, "price": None, "relative_price": None,
                           "show_now": False, "avoid_words": []})
        return request.model_copy(update=update)
    if request.intent not in ("recommend", "refine") or vocabulary is None:
        return request
    brands = [b for b in getattr(vocabulary, "counts", {}).get("brand", ()) if fold_text(b) == "mi"]
    if not brands or set(request.include.get("brand", ())) & set(brands):
        return request
    negated = re.search(r"\b(?:no|ni|sin|menos|excepto|salvo)\s+(?:de\s+)?(?:Mi|MI)\b", raw)
    target = "exclude" if negated else "include"
    values = dict(getattr(request, target))
    values["brand"] = sorted({*values.get("brand", ()), *brands})
    return request.model_copy(update={target: values})


def _keyboard_and_mouse(request: Any, text: str, vocabulary: Any) -> Any:
    """"Maus und Tastatur Set", "键鼠套装": a keyboard and a mouse named as one set."""
    wanted = list(request.include.get("category", ()))
    if vocabulary is None or len(wanted) < 2:
        return request
    kinds = {v: v.lower() for v in wanted}
    keyboard = [v for v, low in kinds.items() if "keyboard" in low and "mouse" not in low and "mice" not in low]
    mouse = [v for v, low in kinds.items() if ("mouse" in low or "mice" in low) and "keyboard" not in low]
    if not keyboard or not mouse or not _has("set_word", "all", text):
        return request
    sets = [v for v in getattr(vocabulary, "counts", {}).get("category", ())
            if "keyboard" in v.lower() and ("mouse" in v.lower() or "mice" in v.lower())]
    if not sets:
        return request
    include = dict(request.include)
    include["category"] = sorted({v for v in wanted if v not in keyboard and v not in mouse} | {sets[0]})
    return request.model_copy(update={"include": include})


def fold_text(text: str) -> str:
    """Folded text (lower case, no accents, simplified Chinese), spaces collapsed."""
    from chatrec.language import fold

    return re.sub(r"\s+", " ", fold(text)).strip()
