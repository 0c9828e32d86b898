"""The shopper's language: detection per message and a small lexicon into the catalogue's words.

Detection needs no model: Han characters mean Chinese; Latin text is scored by the
function words and letters typical of Spanish, German and English. Translation is a lexicon
(``chatrec/data/lexicon.json``: colours, genders, common product types, negations, price
words) applied before the catalogue's vocabulary is matched, so "男士黑色鞋子" and "zapatos
negros para hombre" constrain the same fields as "black shoes for men".
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from chatrec import foreign_phrasing
from chatrec.errors import ConfigError

__all__ = ["Lexicon", "detect_language", "fold", "normalise_foreign", "says_english"]

_DATA = Path(__file__).parent / "data"
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")
# Greek, Cyrillic, Armenian, Hebrew, Arabic (and its presentation forms), Syriac, Thaana, Indic
# scripts, Thai, Georgian, Hangul jamo, Ethiopic: scripts the assistant does not read.
_OTHER_SCRIPT = re.compile(
    r"[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u06ff\u0700-\u08ff\u0900-\u0dff\u0e00-\u0eff"
    r"\u10a0-\u10ff\u1100-\u11ff\u1200-\u139f\ufb1d-\ufdff\ufe70-\ufeff]"
)
_LATIN_WORD = re.compile(r"[a-zà-ÿß]+")
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the a an for and i want show me with not under some please my looking need something any is are "
        "of to in on this that these those do you have can what which how why it one but no or does did from "
        "by at as if so than then there they he she we your our be was were will would should could has had "
        "get got see just only also more less much very both each other same off up out over about after".split()
    ),
    "es": frozenset(
        "el la los las de del para un una unos unas quiero busco que y con sin por menos hola gracias "
        "algo mi me muestra muestrame necesito barato es son más mas pero este esta estos otro".split()
        # Frequent Spanish words that are no English words (short messages: "me da igual").
        + "al da dame igual vamos empezar empecemos cero nuevo buenas buenos tardes noches dias adios "
        "cualquier cualquiera nada ningun ninguno ninguna tienes tiene hay como cuanto cuanta cual cuales "
        "quien donde cuando porque pues bueno muy tambien todo todos toda todas ya aqui eso esto esa ese "
        "esas esos estas mis tus su sus nos te le les ni entre desde sobre solo gusta gustan prefiero mejor "
        "otra otras otros ahora estoy eres soy mucho muchas muchos hasta luego favor antes despues siempre".split()
        + "lo mismo misma".split()  # i12n: "me da lo mismo"
    ),
    "de": frozenset(
        "der die das und ich ein eine einen für fur nicht mit ohne unter bitte möchte mochte suche zeig "
        "zeige mir etwas kein keine günstig gunstig ist sind aber dieser diese andere für auch noch".split()
        # Frequent German words that are no English words ("lass uns nochmal neu anfangen").
        + "uns lass lasst nochmal mal neu anfangen guten abend morgen tag tschuss vielen dank wars bist "
        "habe haben wie wer wann warum welche welcher welches davon dazu sowas nichts nur sehr gerne gern "
        "schon vorhin wieder mehr weniger zwischen von vom zum zur im ins beim aus bei nach den dem des sie "
        "er wir ihr dich dir mich mein meine meinen meinem deine dein kann gibt fuer ueber uber oder "
        "geht gehts alles danke hallo".split()
        # i12n: spoken forms typed as said ("ich such so nen Hoodie", "hab", "brauch")
        + "nen nem ner hab brauch such isch net ned".split()
        # i12ab: a preference said in one or two words ("lieber in Silber", "doch eher blau")
        + "lieber eher doch eigentlich stattdessen vielleicht passende passenden habt gibts".split()
        # i12ag: short openings ("was habt ihr so?", "was gibt's?", "was hast du da"): "was" is German too
        + "was so du hast euch denn euer eure gibt's".split()
    ),
}
_LETTERS = {"es": re.compile(r"[ñ¿¡áíóú]"), "de": re.compile(r"[äöüß]")}
#: i12as: German words that are English words too, no evidence of German beside English function words.
_SHARED_WORDS: dict[str, frozenset[str]] = {
    "de": frozenset("die fast also will hat bald gift kind arm hose rock mist bad brief handy".split()),
}


def fold(text: str) -> str:
    """Lower case, compatibility forms (full-width digits) and accents folded ("Crème" -> "creme").

    Traditional Chinese characters become simplified ("運動鞋" -> "运动鞋"), so one lexicon
    serves both scripts; other scripts are kept as they are.
    """
    from chatrec.text import fold as fold_text

    if _HAN.search(text):
        text = _simplified(text)
    return fold_text(text.replace("’", "'").replace("‘", "'"))


def _simplified(text: str) -> str:
    """Chinese text in simplified characters (OpenCC's traditional-to-simplified table)."""
    return str(_t2s().convert(text))


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _english_loans() -> frozenset[str]:
    """English shop words a Spanish or German lexicon also lists ("polo", "gala"): no evidence either way (i12ae)."""
    from chatrec.text import word_table

    return frozenset(word_table("world_english")["english_loans"])


def detect_language(text: str) -> str:
    """The language of one message: ``zh``, ``es``, ``de``, ``en`` or ``other``.

    A message with no letters (emoji, digits) counts as English.
    """
    if _HAN.search(text) and not _KANA_HANGUL.search(text):
        return "zh"
    if _KANA_HANGUL.search(text) or _OTHER_SCRIPT.search(text):
        return "other"
    lowered = unicodedata.normalize("NFC", text.lower())
    words = _LATIN_WORD.findall(lowered)
    if not words:
        return "en"
    # A capitalised word inside a sentence is a name ("the Mi TV"), never a function word.
    names = {
        found.group(0).lower() for found in re.finditer(r"(?<=[^\W\d_][\s,])[A-ZÀ-Þ][\w-]*", text)
    } - {found.group(0).lower() for found in re.finditer(r"\b[a-zà-ÿß]+\b", text)}
    scores = {
        lang: sum(word in vocab and word not in names for word in words) for lang, vocab in _FUNCTION_WORDS.items()
    }
    for lang, letters in _LETTERS.items():
        scores[lang] += 2 * len(letters.findall(lowered))
    from chatrec.batch16_classes import is_english_word

    lexicon = Lexicon.default()
    english = lexicon.english_words()
    for lang in ("es", "de"):
        # a lexicon word, or one inflected ("dorados", "schwarzen")
        # i12ae: a word English has too ("polo", "gala") is no evidence of the language; lead: nor, twice, a
        # function word English has too ("son" is a Spanish function word and lexicon word, and English)
        scores[lang] += sum(1 for word in words if word not in _english_loans()
                            and not (word in _FUNCTION_WORDS[lang] and word in english) and (lexicon.is_word(lang, fold(word)) or (
            len(word) >= 6 and any(fold(word).endswith(end) and lexicon.is_word(lang, fold(word)[:-len(end)])
                                   for end in _ENDINGS[lang]))))
        # Only two-letter words ("no mi or redmi": "mi" is the brand Mi, "no" English too) beside
        # English words: no evidence of the language (accented letters still count).
        own = {w for w in words if w not in names and (w in _FUNCTION_WORDS[lang] or lexicon.is_word(lang, fold(w)))}
        # stop 60: "mi power banks": only English words beside it count as English too
        rest = [w for w in words if w not in own]
        if own and all(len(w) <= 2 for w in own) and (scores["en"] > 0 or len(rest) >= 2 and all(map(is_english_word, rest))):
            scores[lang] = 2 * len(_LETTERS[lang].findall(lowered)) if lang in _LETTERS else 0
        # i12as: only words German spells as English does ("cheap ones die fast") beside English words
        if own and own <= _SHARED_WORDS.get(lang, frozenset()) and scores["en"] > 0:
            scores[lang] = 2 * len(_LETTERS[lang].findall(lowered)) if lang in _LETTERS else 0
    if "in" in words:  # i12ac: "in grun", "in blau" (not "in gold"): "in" before a German word English spells otherwise
        german = lexicon.entries.get("de", {})
        scores["de"] += sum(1 for i, w in enumerate(words[:-1]) if w == "in"
                            and german.get(fold(words[i + 1]), fold(words[i + 1])).strip() != fold(words[i + 1]))
    for lang, bonus in foreign_phrasing.syntax_scores(lowered).items():
        scores[lang] += bonus  # i12i: "de 20 a 40 euros", "von 20 bis 40"
    # German compounds open with a known word: "Damenuhr", "Herrenschuhe".
    scores["de"] += sum(  # i12q: two, as "in" or "gold" beside it ("Damenuhr in Gold") are English too
        2 for word in words if len(word) >= 8 and any(
            fold(word).startswith(head) for head in ("damen", "herren", "kinder", "madchen", "jungen")
        )
    )
    # ... or close with one: "Lederjacke", "Bluetoothkopfhoerer" (a German compound's head comes last).
    heads = _german_heads(lexicon)
    scores["de"] += sum(
        1 for word in words if len(word) >= 8 and any(
            fold(word).rstrip("ns").endswith(head) and len(word) - len(head) >= 3 for head in heads
        )
    )
    best = max(scores, key=lambda lang: (scores[lang], lang == "en"))
    if not any(scores.values()):
        # i12i: no function word of any language ("Kopfhoerer", "Fernsehr"): a German or Spanish word
        return foreign_phrasing.language_hint(words, lexicon) or "en"
    return best if scores[best] > scores["en"] else "en"


def _german_heads(lexicon: Lexicon) -> frozenset[str]:
    """German lexicon nouns of four letters or more that stand for a product or a person."""
    cached = lexicon.__dict__.get("_german_heads")
    if cached is None:
        cached = frozenset(
            k for k, v in lexicon.entries.get("de", {}).items() if k.isalpha() and len(k) >= 4 and v.strip() == v and v
        )
        lexicon.__dict__["_german_heads"] = cached
    return cached


def says_english(text: str, min_letters: int = 1) -> bool:
    """True when the message has an English function word ("show me more"); False for words that
    belong to no language in particular ("egal", "da igual", a clicked quick reply "Casual Shoes"),
    which :func:`detect_language` also reads as English. With ``min_letters=2`` a one-letter word
    does not count: "vuelve a ponerlo" has only "a", which Spanish, French and Portuguese share."""
    words = _LATIN_WORD.findall(text.lower())
    return any(len(word) >= min_letters and word in _FUNCTION_WORDS["en"] for word in words)


class Lexicon:
    """Words in several languages mapped to the English words catalogue values are matched with.

    Args:
        entries: Language code to ``{phrase: replacement}``.
    """

    def __init__(self, entries: Mapping[str, Mapping[str, str]]) -> None:
        self.entries = {
            lang: {fold(k): v for k, v in table.items()}
            for lang, table in entries.items() if not lang.startswith("_")
        }
        # The phrases as written ("T恤", not the folded "t恤"), for showing them to shoppers.
        self._written = {
            lang: {fold(k): k for k in table} for lang, table in entries.items() if not lang.startswith("_")
        }
        # Phrases that only name a catalogue value ("televisores inteligentes"): read and shown, but
        # their words are not single words of the language (set by the packaged lexicon's loader)
        self.names_only: dict[str, frozenset[str]] = {}
        self._patterns: dict[str, re.Pattern[str]] = {}
        for lang, table in self.entries.items():
            keys = sorted(table, key=len, reverse=True)
            if lang == "zh":
                self._patterns[lang] = re.compile("|".join(re.escape(k) for k in keys))
            else:
                self._patterns[lang] = re.compile(
                    r"(?<![\w'])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w'])"
                )

    @classmethod
    def default(cls) -> Lexicon:
        """The packaged lexicon (``chatrec/data/lexicon.json``)."""
        return _default_lexicon()

    @classmethod
    def load(cls, path: Path | str, base: Lexicon | None = None) -> Lexicon:
        """A lexicon file (same shape as the packaged one), added over ``base``.

        Raises:
            ConfigError: The file is missing or not a JSON object of objects.
        """
        return cls._over(_read_lexicon(Path(path)), base)

    @classmethod
    def _over(cls, data: dict[str, dict[str, str]], base: Lexicon | None) -> Lexicon:
        merged: dict[str, dict[str, str]] = {lang: dict(t) for lang, t in (base.entries if base else {}).items()}
        for lang, table in data.items():
            merged.setdefault(lang, {}).update(table)
        lexicon = cls(merged)
        for lang, written in (base._written if base else {}).items():  # i12ac: "lässig", not the folded "lassig"
            own = {fold(k) for k in data.get(lang, {})}
            lexicon._written[lang].update({k: v for k, v in written.items() if k not in own and k in lexicon._written[lang]})
        return lexicon

    def english_words(self) -> frozenset[str]:
        """The single words of the English table (the targets of typo correction)."""
        cached = self.__dict__.get("_english")
        if cached is None:
            cached = frozenset(k for k in self.entries.get("en", {}) if k.isalpha())
            self.__dict__["_english"] = cached
        return cached

    def words(self, language: str) -> frozenset[str]:
        """The single words of ``language``: its lexicon's keys and their words, and its function words."""
        cache: dict[str, frozenset[str]] = self.__dict__.setdefault("_words", {})
        if language not in cache:
            names = self.names_only.get(language, frozenset())
            words = {w for key in self.entries.get(language, {}) if key not in names for w in key.split() if w.isalpha()}
            cache[language] = frozenset(words | _FUNCTION_WORDS.get(language, frozenset()))
        return cache[language]

    def is_word(self, language: str, word: str) -> bool:
        """True when the lexicon of ``language`` has this (folded) word."""
        return word in self.entries.get(language, {})

    def native(self, text: str, language: str) -> str | None:
        """The shopper's word for a catalogue value ("Black" -> "黑色", "Formal Shoes" -> "皮鞋"), or None.

        The first phrase of the language's table that stands for exactly these words (singular
        or plural) and that reads back to them, so a quick reply shown in the shopper's language
        is understood when it is clicked.
        """
        if language == "en" or language not in self.entries:
            return None
        wanted = _plain(fold(text))
        if not wanted:
            return None
        for phrase, words in self.entries[language].items():
            if _plain(words) == wanted and _plain(self.translate(phrase, language)) == wanted:
                return self._written[language].get(phrase, phrase)
        return None

    def split_compounds(self, text: str, language: str) -> str:
        """German compounds of two lexicon words split ("damenuhr" -> "damen uhr", "herrenschuhe")."""
        if language != "de":
            return text
        table = self.entries.get("de", {})
        words = [k for k in table if k.isalpha() and len(k) >= 3]
        # "Puma-Uhr", "Bluetooth-Kopfhoerer": a hyphen before a German word joins a name to it
        text = re.sub(r"(?<=[a-z0-9])-([a-z]{3,})\b", lambda f: f" {f.group(1)}" if f.group(1) in table else f.group(0), text)

        def split(found: re.Match[str]) -> str:
            word = found.group(0)
            if word in table:
                return word
            for head in words:
                rest = word[len(head):]
                if word.startswith(head) and len(rest) >= 3 and (rest in table or len(head) >= 5):
                    return f"{head} {rest}"
            # A German compound's head noun comes last: "lederguertel" is a belt ("leder gurtel").
            for head in sorted(words, key=len, reverse=True):
                if len(head) >= 4 and word.endswith(head) and len(word) - len(head) >= 3 \
                        and word not in _FUNCTION_WORDS["de"]:
                    return f"{word[:-len(head)]} {head}"
            return word

        return re.sub(r"[a-z]{6,}", split, text)

    def translate(self, text: str, language: str, keep: frozenset[str] | set[str] | Mapping[str, int] = frozenset()) -> str:
        """``text`` (folded) with the phrases of ``language`` and then of English replaced.

        Words in ``keep`` (the catalogue's own words) are left as they are: a shop that sells
        "Crème" means crème, not cream.
        """
        text = self.split_compounds(text, language)
        # "da igual, muéstrame", "egal, zeig mir": a bare "show me" closing a message shows items now
        text = re.sub(r"\b(?:muestrame|ensename|muestramelos|zeig(?:e)? (?:mir|mal|her)|zeig)\W*$", " just show me ", text)
        if language == "zh":
            text = self._zh_references(text)
        if language == "es":
            text = self._es_references(text)
        if language == "de":
            text = self._de_references(text)
        # i12i: "en" in a Spanish sentence is "in", not the brand EN
        grammar = foreign_phrasing.GRAMMAR_WORDS.get(language, frozenset())
        keep = {k for k in keep if k not in grammar} if grammar else keep
        for lang in dict.fromkeys([language, "en"]):
            pattern = self._patterns.get(lang)
            if pattern is None:
                continue
            table = self.entries[lang]
            pad = " " if lang == "zh" else ""
            text = pattern.sub(_replacer(table, pad, keep), text)
        return text


    def _es_references(self, text: str) -> str:
        """A Spanish article before a lone adjective names a shown item: "me gusta la azul," ->
        "the azul one" (translated afterwards to "the blue one"), as "the blue one" does."""
        table = self.entries.get("es", {})
        phrases = [k for k in table if " " in k]
        known = self.words("es")

        def one(found: re.Match[str]) -> str:
            word = found.group(1)
            english = table.get(word, "").strip()
            if not english or " " in english:
                return found.group(0)  # "la primera" is already "the first one"
            if any(found.group(0) in k and k in text for k in phrases):
                return found.group(0)  # "gracias por la ayuda": a phrase of the lexicon
            return f" the {word} one "

        # i12i: "al" / "del" before a name are "a el" / "de el" ("algo parecido al JBL")
        text = re.sub(r"\b(al|del) ([a-z0-9][a-z0-9\-]*)\b", lambda f: f.group(0) if f.group(2) in known
                      else f"{f.group(1)[:-1]} el {f.group(2)}", text)
        text = re.sub(r"\b(?:el|la|los|las) ([a-z]+)\b(?=\s*(?:[,.;:!?¿¡]|\b(?:y|o|pero|es|son|tiene|tienen|viene|vienen|se|me|te|le|nos|esta|estan|queda|quedan|luce|lucen|parece|parecen|cuesta|cuestan)\b|$))",  # i12n: "las blancas se ven bien"
                      one, text)
        # "el de Dell", "la de Nike": the one of that name
        def named(found: re.Match[str]) -> str:
            word, second = found.group(1), found.group(2)
            if word in table or word in _FUNCTION_WORDS["es"]:
                return found.group(0)  # "los de antes", "la de siempre": no name
            if second and second not in known and second not in _FUNCTION_WORDS["es"]:
                return f" the {word} {second} one "  # lead, stop 38: "las de Peter England", a name of two words
            return f" the {word} one" + (f" {second}" if second else " ")

        text = re.sub(r"\b(?:el|la|los|las) de ([a-z0-9][a-z0-9\-]*)(?: ([a-z0-9][a-z0-9\-]*))?", named, text)
        # "el JBL o el boAt": an article before a name the lexicon does not know
        return re.sub(r"\b(?:el|la|los|las) ([a-z0-9][a-z0-9\-]*)\b",
                      lambda f: f.group(0) if f.group(1) in known or f.group(1) == "the" else f" the {f.group(1)}", text)

    def _de_references(self, text: str) -> str:
        """German articles that point at a shown item: "wie der JBL" -> "like the jbl", "wie die
        erste" -> "like the first one" (an article before a German word stays silent)."""
        known = self.words("de")
        # i12i: "wie die schwarze Uhr" points at a shown item: the article stays ("like the black watch")
        table = self.entries.get("de", {})
        text = re.sub(r"\bwie (?:der|die|das|den|dem) (?=([a-z]+) [a-z]+\b)", lambda f: " like the " if f.group(1) in table
                      and f.group(1) not in _FUNCTION_WORDS["de"] else f.group(0), text)
        text = re.sub(r"\bwie (?=(?:der|die|das|den|dem)\b)", " like ", text)

        def article(found: re.Match[str]) -> str:
            word = found.group(1)
            if word in known or not re.search(r"[a-z]", word):
                return found.group(0)
            return f" the {word}"

        # "die von JBL": the one of that name
        text = re.sub(r"\b(?:der|die|das|den|dem) von ([a-z0-9]+)\b(?: ([a-z0-9]+)\b)?",
                      lambda f: f.group(0) if f.group(1) in known else (
                          f" the {f.group(1)} {f.group(2)} one " if f.group(2) and f.group(2) not in known
                          and f.group(2) not in _FUNCTION_WORDS["de"]  # lead, stop 38: "die von Peter England"
                          else f" the {f.group(1)} one" + (f" {f.group(2)}" if f.group(2) else " ")), text)
        # i12i: "das rote," / "die schwarze ist…": an article before a lone adjective names a shown item
        table = self.entries.get("de", {})

        def lone(found: re.Match[str]) -> str:
            word = found.group(1)
            stem = next((word[:-len(e)] for e in ("en", "e", "es", "er") if word.endswith(e) and word[:-len(e)] in table), word)
            english = table.get(word, table.get(stem, "")).strip()
            if not english or " " in english or stem in _FUNCTION_WORDS["de"]:
                return found.group(0)
            return f" the {word} one "

        text = re.sub(r"\b(?:der|die|das) ([a-z]+)\b(?=\s*(?:[,.;:!?]|\b(?:und|oder|aber|ist|sind|hat|haben|gefallt|gefallen|sieht|sehen)\b|$))",
                      lone, text)
        text = re.sub(r"\b(?:der|die|das|den|dem) ([a-z0-9]+)\b", article, text)
        # "welche ist enger?": a comparative the lexicon does not know still compares
        return re.sub(r"\b(ist|sind|wirkt|wirken|sieht|klingt|halt)\s+([a-z]{3,}er)\b",
                      lambda f: f.group(0) if f.group(2) in known else f"{f.group(1)} better", text)

    def _zh_references(self, text: str) -> str:
        """Chinese references to shown items in English words, whatever the measure word.

        "第二件" / "第三双" / "第1款" -> "the second one", "最后一条" -> "the last one", and
        "LG的那个" / "黑色的这件" / "三星的那台" -> "the LG one": the name before "的" is a Latin
        word or the longest Chinese lexicon phrase ending there (translated afterwards).
        """
        text = _ZH_ORDINAL.sub(lambda found: f" the {_ZH_ORDINALS[found.group(1)]} one ", text)
        # i12i: "什么颜色都行" / "哪个牌子都可以": any colour (brand) is fine, no question
        text = re.sub(rf"(?:什么|哪一?{_ZH_MEASURE}?)((?:(?!都)[^\s，。,？?！!]){{0,4}})都(?:行|可以|好|ok|没问题)",
                      r" any \1 is fine ", text)
        text = re.sub(rf"最后一?{_ZH_MEASURE}", " the last one ", text)
        # i12i: "中间那个": the middle one; "最便宜的那个" / "最贵的那款": the cheapest / dearest shown
        text = re.sub(rf"中间(?:的)?(?:那|这)?一?{_ZH_MEASURE}", " the middle one ", text)
        text = re.sub(rf"最便宜的?(?:那|这)?一?{_ZH_MEASURE}", " the cheapest one ", text)
        text = re.sub(rf"最贵的?(?:那|这)?一?{_ZH_MEASURE}", " the most expensive one ", text)
        # "黑色以外的": anything but black (after 除了 the lexicon's "except" says it already)
        text = re.sub(r"(?<!除了)([^\s，。,？?！!]{1,6}?)(?:以外|之外)的?", lambda f: f.group(0) if "除了" in f.group(1) else f" not {f.group(1)} ", text)
        # "前两个" / "后三款": the first / last few shown
        text = re.sub(rf"([前后])面?的?([两二三2-3]){_ZH_MEASURE}",
                      lambda f: f" the {'first' if f.group(1) == '前' else 'last'} {_ZH_COUNTS[f.group(2)]} ", text)
        # "刚才那几件" / "之前那些": the items shown before
        text = _ZH_EARLIER.sub(" the earlier ones again ", text)
        text = re.sub(rf"(?:这几{_ZH_MEASURE}|这些)", " these ", text)
        # i12i: "黑的和棕的都不要": the wishes named before 都不要 are all unwanted ("这些都不要" stays a rejection)
        text = re.sub(r"([^，。,？?！!]{1,12}?)都不(?:要|想要|喜欢|考虑)了?",
                      lambda f: f" not {f.group(1)} " if _HAN.search(f.group(1)) and "这" not in f.group(1)
                      and "那" not in f.group(1) else f.group(0), text)
        # i12i: "还有别的吗" / "有其他的吗": anything else; "这两个": these two; "LG那台有…的吗": the LG one
        text = re.sub(r"(?:还)?有(?:没有)?(?:别的|其他的?|其它的?|别款|其他款)(?:吗|么|嘛|没有)?(?=\s*(?:[?？!！。，,~～]|$))",
                      " something else ", text)
        text = re.sub(rf"[这那]([两二三2-3]){_ZH_MEASURE}", lambda f: f" these {_ZH_COUNTS[f.group(1)]} ", text)
        text = re.sub(rf"([a-z0-9][a-z0-9\-]*)\s*[那这]一?{_ZH_MEASURE}", r" the \1 one ", text)
        # "第二条，有黑色的吗": the item asked for in another colour (or size, price...)
        # without an item named ("有黑色的吗？" after handbags) it asks for such ones, as "any black ones?" does
        said_item = re.search(r"\bthe (?:\w+ )?one\b", text) is not None
        text = re.sub(r"有(?:没有)?((?:(?!有)[^，。,？?！!\s]){1,6}?)的(?:吗|么|嘛)",
                      r" do you have it in \1 ? " if said_item else r" do you have \1 ones ? ", text)
        # "白色的就算了" / "粉色就不要了": a wish named and then given up is not wanted
        text = re.sub(r"([^\s，。,？?！!]{1,6}?)的?(?:就算了|就不要了|就免了|不用了|就不用了)", r" not \1 ", text)
        # "哪个...最好" / "哪款更...": which of the shown items
        text = re.sub(rf"哪一?{_ZH_MEASURE}?(?=[^，。？?！!,]{{0,8}}(?:最|更))", " which of these ", text)
        keys = sorted((k for k in self.entries.get("zh", {}) if _HAN.search(k)), key=len, reverse=True)
        # "LG那台" / "耐克那双" / "红米那个": a name right before "那" + a measure word
        text = re.sub(rf"([a-z0-9][a-z0-9\-]*)\s*[那这]一?{_ZH_MEASURE}", r" the \1 one ", text)
        for key in keys:
            meaning = set(self.entries["zh"][key].split())
            if (key + "那" in text or key + "这" in text) and meaning and not meaning & _ZH_VERBS:
                text = re.sub(rf"{re.escape(key)}[那这]一?{_ZH_MEASURE}", f" the {key} one ", text)
        # "那双紫色的" / "这台黑色的": the item of that colour (or name); "那样的" is no item
        text = re.sub(rf"[那这]一?{_ZH_MEASURE}((?:(?![那这样])[a-z0-9\-\u4e00-\u9fff]){{1,6}}?)的",
                      lambda f: f" the {f.group(1)} one ", text)

        def name(found: re.Match[str]) -> str:
            before = text[:found.start()]
            latin = re.search(r"([a-z0-9][a-z0-9\-]*)\s*$", before)
            if latin:
                return f"{before[:latin.start()]} the {latin.group(1)} one "
            key = next((k for k in keys if before.endswith(k)), None)
            if key is None:
                return f"{before} that one "
            return f"{before[:-len(key)]} the {key} one "

        found = _ZH_NAMED.search(text)
        while found is not None:
            text = name(found) + text[found.end():]
            found = _ZH_NAMED.search(text)
        # A question word anywhere makes a Chinese sentence a question ("三星的那台多少钱").
        if _ZH_QUESTION.search(text) and not re.search(r"[?？]\s*$", text):
            text += " ?"
        return text


#: Chinese measure words of a shown item ("个", "件", "双", ...).
_ZH_MEASURE = "(?:个|件|双|款|条|只|块|台|部|套|顶|副|把|支|瓶|对|本)"
_ZH_ORDINALS = {
    "一": "first", "二": "second", "两": "second", "三": "third", "四": "fourth", "五": "fifth", "六": "sixth",
    "1": "first", "2": "second", "3": "third", "4": "fourth", "5": "fifth", "6": "sixth",
}
_ZH_ORDINAL = re.compile(rf"第([一二三四五六1-6]){_ZH_MEASURE}")
#: What a Chinese phrase before "那个" may mean without naming an item ("喜欢那双" likes it).
_ZH_VERBS = frozenset({"like", "love", "want", "need", "show", "buy", "recommend", "prefer", "i", "me", "not", "don't"})
_ZH_COUNTS = {"两": "two", "二": "two", "三": "three", "2": "two", "3": "three"}
_ZH_EARLIER = re.compile(
    rf"(?:刚才|刚刚|上次|一开始|最开始)(?:的|给我看的|推荐的|看的)?(?:那几{_ZH_MEASURE}|那些|那批|的)|"
    rf"(?:之前|前面)(?:的)?(?:那几{_ZH_MEASURE}|那些|那批)"
)
_ZH_QUESTION = re.compile(r"多少|几[个款种块根寸]|多大|多重|多长|多久|多高|什么|怎么|是否|是不是|能不能|可不可以|哪|吗|呢")
_ZH_NAMED = re.compile(rf"的(?:那|这)一?{_ZH_MEASURE}")


def _plain(words: str) -> str:
    """Words compared without case, spacing or a plural -s: "Formal Shoes" ~ "formal shoe"."""
    return " ".join(_singular_word(w) for w in words.lower().split())


def _singular_word(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("sses"):  # "dresses" ~ "dress"
        return word[:-2]
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


#: Plurals in -ves of nouns in -f or -fe (stop 55: the rules read "a scarf" as no product, "scarves" as Scarves).
F_PLURALS = {"scarves": "scarf", "knives": "knife", "shelves": "shelf", "wolves": "wolf", "loaves": "loaf",
             "halves": "half", "wives": "wife", "calves": "calf"}
_IRREGULAR = {"mice": "mouse", "mouses": "mouse",  # "Gaming mice" is what "游戏鼠标" (gaming mouse) names
              # stop 49: "scarf" (a reason's type noun) is "scarves": a Chinese reason said "女士款粉色scarf"
              **F_PLURALS}


def _replacer(
    table: Mapping[str, str], pad: str, keep: frozenset[str] | set[str] | Mapping[str, int]
) -> Callable[[re.Match[str]], str]:
    def replace(found: re.Match[str]) -> str:
        if found.group(0) in keep or ("-" in found.group(0) and found.group(0).replace("-", "") in keep):
            return found.group(0)  # "in-ear" where the shop's category is In-Ear
        words = table[found.group(0)]
        said = words.strip()
        if said and found.string.startswith(said, found.start()) and not (
            found.string[found.start() + len(said):found.start() + len(said) + 1].isalpha()
        ):  # ("poema" is no "poem ..." already said)
            return found.group(0)  # "navy blue" already says what "navy" stands for
        # (a word that stands for nothing, "的", "una", is always dropped: every text starts with "")
        return f"{pad}{words}{pad}"

    return replace


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    # i12n: regional and colloquial words (set 28) in a file of their own, over the main table
    regional = Lexicon.load(_DATA / "lexicon_regional.json", base=Lexicon.load(_DATA / "lexicon.json"))
    set36 = Lexicon.load(_DATA / "lexicon_set36.json", base=regional)  # i12q: colours
    set37 = Lexicon.load(_DATA / "lexicon_set37.json", base=set36)  # i12t: product and family words
    set39 = Lexicon.load(_DATA / "lexicon_set39.json", base=set37)  # i12w: words of blind set 39
    set40 = Lexicon.load(_DATA / "lexicon_set40.json", base=set39)  # i12x: American, British, Indian product words
    round4 = Lexicon.load(_DATA / "lexicon_round4.json", base=set40)  # i12ac: wifi adapters ("无线网卡")
    set41 = Lexicon.load(_DATA / "lexicon_set41.json", base=round4)  # i12z: comparing verbs, polo shirts, dialect "ned"
    set43 = Lexicon.load(_DATA / "lexicon_set43.json", base=set41)  # i12ad: pinyin typos, 高跟的, hooded, steel
    batch11 = Lexicon.load(_DATA / "lexicon_batch11.json", base=set43)  # i12af: Chinese names of fashion types
    set46 = Lexicon.load(_DATA / "lexicon_set46.json", base=batch11)  # i12ai: 闺蜜, 個仔, chandal, Jackn, "passt net"
    round6 = Lexicon.load(_DATA / "lexicon_round6.json", base=set46)  # i12al: "遥控器"
    set50 = Lexicon.load(_DATA / "lexicon_set50.json", base=round6)  # i12ao: 板鞋, baratico, casaca, "fürs Büro"
    set52 = Lexicon.load(_DATA / "lexicon_set52.json", base=set50)  # i12at: 連身裙, 背囊, 細路女, chaval, koa, suech
    set54 = Lexicon.load(_DATA / "lexicon_set54.json", base=set52)  # i12ay: 大裤衩, 能煮饭的, 书标, franela, bambas, Olle
    round9 = Lexicon.load(_DATA / "lexicon_round9.json", base=set54)  # i12bb: "carcasa"
    set56 = Lexicon.load(_DATA / "lexicon_set56.json", base=round9)  # i12bd: 牛崽裤, polerón, bluyín, Hemad, Natel
    set58 = Lexicon.load(_DATA / "lexicon_set58.json", base=set56)  # i12bi: 新娘, 条裙, pelado, Braut, Boxe, hald
    set61 = Lexicon.load(_DATA / "lexicon_set61.json", base=set58)  # i12bo: 啡色, 耳筒, 冷衫, morral, Haube
    lead35 = Lexicon.load(_DATA / "lexicon_lead35.json", base=set61)  # lead, stop 35: Fliegerbrille, 蛤蟆镜
    stop50 = Lexicon.load(_DATA / "lexicon_stop50.json", base=lead35)  # stop 50: "AC", "ohne Kabel", 显示器
    stop51 = Lexicon.load(_DATA / "lexicon_stop51.json", base=stop50)  # stop 51: 格子, "a cuadros", geblümt
    stop52 = Lexicon.load(_DATA / "lexicon_stop52.json", base=stop51)  # stop 52: 无线网, WLAN
    stop53 = Lexicon.load(_DATA / "lexicon_stop53.json", base=stop52)  # stop 53: 摄像头, Kamera, Akku, "que tenga"
    stop60 = Lexicon.load(_DATA / "lexicon_stop60.json", base=stop53)  # stop 60: power strips, 插线板, Steckdosenleiste
    names = _read_lexicon(_DATA / "lexicon_labels.json")  # the demo catalogues' type names in zh/es/de
    lexicon = Lexicon._over(names, stop60)
    lexicon.names_only = {lang: frozenset(fold(k) for k in table if " " in k or "-" in k)
                          for lang, table in names.items()}
    return lexicon


def _read_lexicon(path: Path) -> dict[str, dict[str, str]]:
    """A lexicon file's tables by language code (keys starting "_" are comments).

    Raises:
        ConfigError: The file is missing or not a JSON object of objects.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the lexicon {path}: {exc}") from exc
    if not isinstance(data, dict) or not all(
        isinstance(v, dict) for k, v in data.items() if not str(k).startswith("_")
    ):
        raise ConfigError(f"the lexicon {path} must map a language code to {{phrase: words}}")
    return {str(lang): {str(k): str(v) for k, v in table.items()}
            for lang, table in data.items() if not str(lang).startswith("_")}


_ARITHMETIC = re.compile(r"(\d+)\s*(?:por|mal|x|乘以|乘|times)\s*(\d+)")
_UMLAUT_SPELLING = re.compile(r"[a-z]*(?:ae|oe|ue)[a-z]*")
_GERMAN_ENDINGS = ("", "e", "n", "en", "er", "es", "s")
_ENDINGS = {"de": ("nen", "en", "er", "es", "n", "e", "s"), "es": ("es", "s")}


def normalise_foreign(text: str, language: str, lexicon: Lexicon, keep: frozenset[str] | set[str] = frozenset()) -> str:
    """A folded message in Chinese, Spanish or German written the way the lexicon knows it.

    Before budgets are read and words translated: a sum ("15 por 8", "3乘4") is written
    ``15 * 8``; in German, umlauts typed as ``ae``/``oe``/``ue`` become the folded letter when that
    gives a word of the language ("Kopfhoerer" -> "kopfhorer", "fuer" -> "fur"); in Spanish and
    German a word that sounds like exactly one word of the language's lexicon, or (8 letters and
    more) is a typo or two away from it, is corrected ("zapatiyas" -> "zapatillas",
    "Sonnenbrile" -> "sonnenbrille"). Words in ``keep`` (the
    catalogue's own words) are never changed.
    """
    if language not in ("zh", "es", "de"):
        return text
    text = _ARITHMETIC.sub(r"\1 * \2", text)
    text = foreign_phrasing.rewrite(text, language, lexicon)  # i12i: budgets and word forms
    if language == "zh":
        return text
    known = lexicon.words(language)
    if language == "de":
        def umlaut(found: re.Match[str]) -> str:
            word = found.group(0)
            if word in lexicon.entries.get("de", {}) or word in keep:
                return word
            plain = word.replace("ae", "a").replace("oe", "o").replace("ue", "u")
            if _known_form(plain, known) or lexicon.split_compounds(plain, "de") != plain:
                return plain
            return word

        text = _UMLAUT_SPELLING.sub(umlaut, text)

    table = lexicon.entries.get(language, {})

    def correct(found: re.Match[str]) -> str:
        word = found.group(0)
        if word in keep or word in known:
            return word
        # an inflected form of a lexicon word: "sonnenbrillen" is "sonnenbrille", "relojes" "reloj"
        stem = next((word[:-len(end)] for end in _ENDINGS[language] if word.endswith(end) and word[:-len(end)] in table), None)
        if stem is not None:
            return stem
        # i12n: a German diminutive is its noun ("handtaschchen" is "handtasche", "kleidchen" "kleid")
        if language == "de" and word.endswith(("chen", "lein")) and len(word) >= 8:
            base = word[:-4]  # the umlaut of "Täschchen" is folded already
            noun = next((c for c in (base + "e", base) if c in table), None)
            if noun is not None:
                return noun
        # i12n: a Spanish adjective agrees with its noun: "moradas", "rojas", "blancos" are the
        # lexicon's "morado", "rojo", "blanco"
        if language == "es":
            masculine = re.sub(r"(?:as|os|a)$", "o", word)
            if masculine != word and masculine in table:
                return masculine
        if _known_form(word, known):
            return word
        # A short word one letter from a lexicon word is as often another word ("schule" is no
        # "schuhe"): below 8 letters only a spelling that sounds the same is corrected.
        limit = 0 if len(word) < 8 else 1 if len(word) < 10 else 2
        sound = _sound(word, language)
        close = sorted(
            (min(_edit_distance(word, key, limit), _edit_distance(sound, _sound(key, language), limit)), key)
            for key in known if len(key) >= 5 and key[:1] == word[:1] and abs(len(key) - len(word)) <= limit + 1
        )
        if close and close[0][0] <= limit and (len(close) == 1 or close[1][0] > close[0][0]):
            return close[0][1]
        return word

    return re.sub(r"[a-z]{5,}", correct, text)


def _known_form(word: str, known: frozenset[str]) -> bool:
    """True when ``word`` or ``word`` less a common ending is a known word."""
    return any(word.endswith(end) and word[:len(word) - len(end)] in known for end in _GERMAN_ENDINGS if len(word) > len(end) + 2)


def _sound(word: str, language: str) -> str:
    """A spelling that ignores what often goes wrong: doubled letters, and in Spanish ll/y, v/b,
    z/s, a silent h ("zapatiyas" ~ "zapatillas")."""
    if language == "es":
        word = word.replace("ll", "y").replace("v", "b").replace("z", "s").replace("h", "")
        # i12n: "ge/gi" and "je/ji" sound alike, and a closing g/j ("relog" ~ "reloj"); so do
        # "ce/ci" and "se/si" where "c" is seseo ("calsetines" ~ "calcetines")
        word = re.sub(r"g(?=[ei]|$)", "j", word)
        word = re.sub(r"c(?=[ei])", "s", word)
    return re.sub(r"(.)\1+", r"\1", word)


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` once it is sure to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
