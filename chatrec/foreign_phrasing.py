"""Chinese, Spanish and German phrasing the lexicon alone cannot carry: budgets, morphology, language.

:func:`chatrec.language.normalise_foreign` calls :func:`rewrite` on a folded message before its
budget is read and its words translated:

- budgets said the way these languages say them: Spanish "10 mil" / "mil" (a thousand, not the
  English "mil" = million), "que no pase de", "como máximo"; German "2 Tausend", "höchstens",
  "über", "nicht mehr als" (folded: "hochstens", "uber"); "so um die"; "5k以内" (the "k" touching a
  Chinese word), "1.5w以内" (w = 万), "两三千" (two to three thousand);
- Spanish morphology: diminutives ("baratito" is "barato", "camisetita" "camiseta") and
  pronouns joined to a verb ("compárame" is "compara me", "enséñamelos" "ensena me los") when
  the stem is a word of the lexicon.

:func:`language_hint` names the language of a message that has no function word of any language
("Kopfhoerer", "Fernsehr"): a word that is a German or Spanish lexicon word once its umlauts
or a typo are corrected, and no English word. :func:`noun_first` puts a Spanish modifier back
before its noun ("bocina bluetooth"); :func:`other_brand` reads "like the LG but another brand".
"""

from __future__ import annotations

import re
from typing import Any

from chatrec import foreign_pointing, foreign_shoppers, regional_wording
from chatrec import foreign_reading  # i12w
from chatrec import foreign_replies  # i12z
from chatrec import foreign_wishes  # i12ad

__all__ = ["GRAMMAR_WORDS", "language_hint", "noun_first", "other_brand", "rewrite"]

#: The Chinese digit after each ("两三千": two to three thousand).
_HAN_NEXT: dict[str, str] = {"一": "二", "二": "三", "两": "三", "三": "四", "四": "五", "五": "六", "六": "七", "七": "八", "八": "九"}

# Budget words, folded, written as the words chatrec.money reads ("hasta", "maximal", "mindestens").
_BUDGET: dict[str, list[tuple[re.Pattern[str], Any]]] = {
    "es": [
        # "10 mil", "1,5 mil": thousands; "mil pesos" alone is one thousand
        (re.compile(r"(\d+(?:[.,]\d+)?)\s*mil\b"), r"\1k"),
        (re.compile(r"(?<![\d\s])(\s*)\bmil\b"), r"\g<1>1000"),
        (re.compile(r"(?:^|(?<=\s))(?:un|una) 1000\b"), "1000"),
        (re.compile(r"\b(?:que )?no (?:pase|pasen|supere|superen|exceda|excedan|sobrepase|sobrepasen) (?:de |los |las )?"), " hasta "),
        (re.compile(r"\b(?:no mas de|como maximo|a lo sumo|maximo de|tope de|tope)\s+(?=\d)"), " hasta "),
        (re.compile(r"\b(?:mas de|minimo|como minimo|por lo menos|al menos)\s+(?=\d)"), " mas de "),
        (re.compile(r"\b(?:alrededor de|aproximadamente|mas o menos|como unos|como)\s+(?=\d)"), " cerca de "),
        # "un celular de 10 mil": "de" before thousands is the price
        (re.compile(r"\bde (?=\d+(?:[.,]\d+)?k\b)"), " por "),
    ],
    "de": [
        (re.compile(r"(\d+(?:[.,]\d+)?)\s*tausend\b"), r"\1k"),
        (re.compile(r"\b(?:hochstens|hoechstens|maximal|max\.?|nicht mehr als|nicht teurer als|bis zu|bis max\.?)\s*(?=\d)"),
         " maximal "),
        (re.compile(r"\bnicht (?:uber|ueber|hoher als|mehr als)\s*(?=\d)"), " maximal "),
        (re.compile(r"\b(?:uber|ueber|mindestens|ab)\s+(?=\d)"), " mindestens "),
        # "für 2 Tausend": "für" folded is "fur", which the money patterns do not know
        (re.compile(r"\bfur\s+(?=\d)"), " for "),
        (re.compile(r"\b(?:so um die|um die|so um|rund|ungefahr|ca\.?|circa)\s+(?=\d)"), " etwa "),
    ],
    "zh": [
        # colloquial words as the lexicon writes them: 啥 = 什么, 咋 = 怎么, 木有 / 没得 = 没有
        # "3000块上下": about (上下 after an amount is 左右)
        (re.compile(r"(?<=[\d块元钱千万百十kK])\s*上下"), "左右"),
        (re.compile(r"啥"), "什么"), (re.compile(r"咋"), "怎么"), (re.compile(r"木有|没得"), "没有"),
        # "两三千" / "四五百": two to three thousand (neighbouring digits before a unit are a range)
        (re.compile(r"([一二两三四五六七八])([二三四五六七八九])([十百千万])"),
         lambda f: f"{f.group(1)}{f.group(3)}到{f.group(2)}{f.group(3)}" if _HAN_NEXT.get(f.group(1)) == f.group(2) else f.group(0)),
        # "5k以内": "k" then a Chinese word has no word boundary for the money patterns
        (re.compile(r"(\d)\s*([kK])(?=[\u3400-\u9fff])"), r"\1\2 "),
        # "1.5w以内": w is 万 in a budget (not the watts of "1000w的")
        (re.compile(r"(\d)\s*[wW](?=\s*(?:以内|以下|之内|左右|上下|块|元|的预算))"), r"\1万"),
    ],
}

_ES_DIMINUTIVE = re.compile(r"\b([a-z]{3,}?)(?:it|cit)(o|a|os|as)\b")
# read whole by chatrec.language ("muéstrame" closing a message shows items now)
_SHOW_ME = frozenset({"muestrame", "ensename", "muestramelos", "ensenamelos", "dame"})
_ES_ENCLITIC = re.compile(r"\b([a-z]{4,}?)(melos|melas|melo|mela|noslos|me|nos|lo|la|los|las|le|les)\b")


def rewrite(text: str, language: str, lexicon: Any) -> str:
    """A folded message with budget words and (Spanish) word forms written the way the rules read them."""
    # i12n: amounts as words ("unter tausend", "mil quinientos"), items by place ("左边那条", "el de la izquierda")
    text = foreign_wishes.rewrite(text, language, lexicon)  # i12ad: "黑的不要", "不要太大", "20'000", "selular"
    text = foreign_replies.rewrite(text, language)  # i12z: Cantonese "幾錢", "JBL will ich nicht", "女士的别推给我"
    text = foreign_reading.rewrite(text, language)  # i12w: Cantonese "邊隻" (which), "nich", "看不上"
    text = regional_wording.rewrite(text, language)
    text = foreign_shoppers.rewrite(text, language, lexicon)  # i12q: homophone typos, "拍照要好", "sowas in Grün"
    text = foreign_pointing.rewrite(text, language, lexicon)  # i12t: "伍佰", "1.5w", "倒数第二", "las negras", "keine von denen"
    for pattern, replacement in _BUDGET.get(language, []):
        text = pattern.sub(replacement, text)
    if language == "de":
        # "weder rot noch pink": neither one nor the other
        text = re.sub(r"\bweder ([a-z]+) noch ([a-z]+)\b", r"kein \1 und kein \2", text)
        # "von den beiden letzten", "die ersten zwei": the last / first two shown
        text = re.sub(r"\b(?:den|die|der) (?:beiden|zwei) (letzten|ersten)\b|\b(?:den|die|der) (letzten|ersten) (?:beiden|zwei)\b",
                      lambda f: f" the {'last' if (f.group(1) or f.group(2)) == 'letzten' else 'first'} two ", text)
    if language == "es":
        text = _spanish_forms(text, lexicon)
        # "para mi esposa", "con mi tarea": "mi" after a preposition is "my", not the brand Mi
        # (i12n: unless the lexicon has the phrase: "mi viejo" is my dad)
        phrases = lexicon.entries.get("es", {})
        text = re.sub(r"\b(para|de|con|a|en|por|sin|que|y|o|es|del|al) mi\b(?=(?:\s+([a-z]+))?)",
                      lambda f: f.group(0) if f.group(2) and f"mi {f.group(2)}" in phrases else f"{f.group(1)} my", text)
    return text


def _spanish_forms(text: str, lexicon: Any) -> str:
    known = lexicon.words("es")
    table = lexicon.entries.get("es", {})

    def diminutive(found: re.Match[str]) -> str:
        word = found.group(0)
        if word in known:
            return word
        stem, ending = found.group(1), found.group(2)
        for candidate in (stem + ending, stem):  # "baratito" -> "barato", "cafecito" -> "cafe"
            if candidate in known or candidate.rstrip("s") in table:
                return candidate
        return word

    def enclitic(found: re.Match[str]) -> str:
        word = found.group(0)
        if word in known or word in table or word in _SHOW_ME:
            return word
        stem, pronoun = found.group(1), found.group(2)
        if stem in table:
            return f"{stem} {pronoun}"
        return word

    text = _ES_DIMINUTIVE.sub(diminutive, text)
    return _ES_ENCLITIC.sub(enclitic, text)


def _translations(lexicon: Any) -> frozenset[str]:
    """The English words the German and Spanish lexicon entries translate to ("projector", "headphones")."""
    cached = lexicon.__dict__.get("_translations")
    if cached is None:
        cached = frozenset(w for lang in ("de", "es") for value in lexicon.entries.get(lang, {}).values()
                           for w in str(value).lower().split() if w.isalpha())
        lexicon.__dict__["_translations"] = cached
    return frozenset(cached)


def language_hint(words: list[str], lexicon: Any) -> str | None:
    """``de`` or ``es`` when a word that is no English word is one of that lexicon once its
    umlauts typed as ae/oe/ue or one typo are corrected ("kopfhoerer", "fernsehr"); else None."""
    from chatrec.language import _edit_distance, fold
    from chatrec.understanding import _is_word

    found: dict[str, int] = {}
    english = _translations(lexicon)
    for raw in words:
        word = fold(raw)
        if len(word) < 5 or _is_word(word) or word in english:  # stop 46: "projector" is the English of "proyector"
            continue
        for lang in ("de", "es"):
            entries = lexicon.entries.get(lang, {})
            plain = word.replace("ae", "a").replace("oe", "o").replace("ue", "u") if lang == "de" else word
            if plain in entries or word in entries:
                found[lang] = found.get(lang, 0) + 2
                continue
            if len(word) >= 7 and any(
                abs(len(key) - len(plain)) <= 1 and key[:1] == plain[:1] and _edit_distance(plain, key, 1) <= 1
                for key in entries if len(key) >= 6 and key.isalpha()
            ):
                found[lang] = found.get(lang, 0) + 1
    if not found:
        # a phrase of the lexicon ("lentes oscuros"), or a German compound closing with a lexicon
        # noun ("ledergurtel")
        text = " ".join(fold(w) for w in words)
        for lang in ("de", "es"):
            entries = lexicon.entries.get(lang, {})
            if any(" " in key and len(key) >= 8 and f" {key} " in f" {text} " for key in entries):
                found[lang] = found.get(lang, 0) + 2
        heads = [k for k, v in lexicon.entries.get("de", {}).items() if k.isalpha() and len(k) >= 4 and v.strip()]
        for word in text.split():
            plain = word.replace("ae", "a").replace("oe", "o").replace("ue", "u")
            if len(plain) >= 8 and not _is_word(word) and any(
                    plain.endswith(head) and len(plain) - len(head) >= 3 for head in heads):
                found["de"] = found.get("de", 0) + 1
    if not found:
        return None
    ranked = sorted(found.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


#: Short grammar words of a language that a shopper writing in it never means as a catalogue
#: value, even where a brand is spelt the same ("en" is "in", not the brand EN).
GRAMMAR_WORDS: dict[str, frozenset[str]] = {
    "es": frozenset({"en", "de", "y", "o", "a", "con", "sin", "por", "para", "que", "al", "del", "un", "una"}),
    "de": frozenset({"in", "mit", "und", "oder", "fur", "von", "an", "am", "zu", "ein", "eine", "bis", "ab"}),
}


def noun_first(text: str, language: str, phrases: frozenset[str] | set[str]) -> str:
    """Spanish puts a modifier after its noun ("bocina bluetooth", "reloj inteligente"): once the
    words are English, two that form a catalogue value only the other way round are swapped
    ("speakers bluetooth" -> "bluetooth speakers")."""
    if language != "es":
        return text
    words = text.split(" ")
    for i in range(len(words) - 1):
        # i12n: a comma or stop after the pair stays where it was ("parlante bluetooth, hasta 1500")
        first, second = words[i], words[i + 1]
        bare = second.rstrip(",.;:!?")
        if first.isalpha() and bare.isalpha() and f"{first} {bare}" not in phrases \
                and f"{bare} {first}" in phrases:
            words[i], words[i + 1] = bare, first + second[len(bare):]
    return " ".join(words)


_OTHER_BRAND = re.compile(r"\b(?:another|other|different|some other|a different) (?:brand|make|maker)s?\b")


def other_brand(request: Any, lowered: str, shown: list[Any]) -> None:
    """"like the LG but from another brand" ("von einer anderen Marke", "de otra marca"): the
    brands of the items referenced are not wanted (``request`` is changed in place)."""
    if not request.references or not _OTHER_BRAND.search(lowered):
        return
    brands = {
        str(shown[ref.position - 1].field_value("brand") or "")
        for ref in request.references
        if ref.position <= len(shown) and hasattr(shown[ref.position - 1], "field_value")
    } - {""}
    if brands:
        request.exclude["brand"] = sorted(set(request.exclude.get("brand", [])) | brands)
        if "brand" in request.include and set(request.include["brand"]) <= brands:
            del request.include["brand"]


#: Constructions of one language around numbers ("de 20 a 40", "von 20 bis 40"): evidence of the
#: language in a message whose other words are English product words.
_SYNTAX = {
    "es": re.compile(r"\bde \d+(?:[.,]\d+)? a \d+|\bentre \d+(?:[.,]\d+)? y \d+|\bmenos de \d|\bhasta \d"
                     r"|\bpresupuesto\b"),  # i12t: "se me van de presupuesto"
    "de": re.compile(r"\bvon \d+(?:[.,]\d+)? bis \d+|\bzwischen \d+(?:[.,]\d+)? und \d+|\bunter \d+ euro|\bbis \d+ euro"
                     r"|\bbis (?:max\.?|maximal|h(?:ö|o|oe)chstens|zu) ?\d|\bum \d[\d.,]* ?(?:rum|herum)\b"  # i12t: "bis max. 1.000", "um 500 rum"
                     r"|\bab \d+(?:[.,]\d+)? bis \d+"),  # i12ad: "ab 2000 bis 4000"
}


def syntax_scores(text: str) -> dict[str, int]:
    """Two points per construction of Spanish or German around numbers in ``text`` (lower case)."""
    return {lang: 2 * len(pattern.findall(text)) for lang, pattern in _SYNTAX.items() if pattern.search(text)}


_WISH_BEFORE_UNKNOWN = re.compile(
    r"\b(?:buy|buy a|buy a pair of|find me|i want to buy|do you have|looking for|recommend)\s*[\u3400-\u9fff]{2,}"
    # "我想要个吹风机": a measure word before the unknown word says it is a thing to buy
    r"|\b(?:i want|i need|want|need)\s*[个件双台条把部款只][\u3400-\u9fff]{2,}"
)


def unknown_product_wish(request: Any, lowered: str) -> None:
    """"买个吹风机" (buy a hair dryer): a Chinese product word neither the lexicon nor the catalogue
    knows, after a word of buying, is still a wish to shop, not small talk (``request`` changed in place)."""
    if request.language == "zh" and request.intent == "chitchat" and _WISH_BEFORE_UNKNOWN.search(lowered):
        request.intent = "recommend"
