"""Answers to questions about the items already shown, from the catalogue data alone.

"does it come in red?", "is the second one good for running?", "why did you recommend the
third?", "which is cheaper?", "compare the first two": :func:`find_reference` tells which
shown items a message is about (ordinals, "the first two", "both", pronouns), and
:func:`answer_question` answers from those items' data, saying plainly when the data does not
say. Wording per language in ``prompts/answers_<language>.json``: a language's file holds its
sentences and any words of its own; a message in Chinese, Spanish or German is first put into
the lexicon's English words (:class:`chatrec.language.Lexicon`: "第二个" -> "the second one"),
so the English word lists find what it asks and the answer is written in the shopper's language.

Until the typed request (intents ``ask_about_item`` / ``compare`` with resolved references)
lands, :func:`is_question_about_shown` is the minimal trigger the recommender uses: a question
(or "compare"/"why") that refers to the shown items.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from chatrec import clothing_sizes, connect_questions, item_details, make_fits
from chatrec.catalog import Item
from chatrec.display import format_amount as _written_amount
from chatrec.ellipsis import is_elliptical
from chatrec.family_answers import family_fits  # stop 41: "is it pastel?"
from chatrec.errors import PromptError
from chatrec.grounding import Wording
from chatrec.grounding import display_value as _display
from chatrec.grounding import format_number as _format_number
from chatrec.grounding import singular as _singular
from chatrec.grounding import type_noun as _noun
from chatrec.grounding import word_tokens as _tokens
from chatrec.informal import ACCEPT
from chatrec.language import Lexicon, detect_language, fold
from chatrec.money import DEFAULT_RATES, convert, format_amount, named_currency, parse_budget
from chatrec.reasons_local import local_writer
from chatrec.prompting import default_prompts_dir, read_json_wording
from chatrec.ranking import ordered_attributes, value_text
from chatrec.specs import feature_spellings, spec_matches, specs
from chatrec.versus import sets_against  # i12ag: "erster gegen dritter"
from chatrec.german_nouns import written  # i12ag

__all__ = [
    "Answer",
    "answer_question",
    "asks_superlative",
    "by_superlative",
    "superlative_unlisted",
    "checks_shown_item",
    "find_reference",
    "asks_spec_of_shown",
    "is_question_about_shown",
    "load_answer_wording",
    "asked_superlative",
    "field_name",
    "figure_of",
    "number_text",
    "wording_for",
]

Kind = Literal["chosen", "why", "cheaper", "pricier", "best", "price", "compare", "attribute", "unknown", "no_reference"]


@dataclass(frozen=True)
class Answer:
    """The answer to a question about shown items.

    Attributes:
        text: What the assistant says.
        kind: ``why``, ``cheaper``, ``pricier``, ``best`` (the highest or lowest of a numeric
            field: rating, year...), ``price``, ``compare``, ``attribute``,
            ``unknown`` (the data does not say) or ``no_reference``.
        positions: The 1-based positions (in the last reply) of the items it is about.
        supported: False when the catalogue data does not answer the question.
    """

    text: str
    kind: Kind
    positions: list[int] = field(default_factory=list)
    supported: bool = True

    def to_dict(self) -> dict[str, Any]:
        """JSON shape for reply metadata."""
        return {"text": self.text, "kind": self.kind, "positions": list(self.positions), "supported": self.supported}


@lru_cache(maxsize=8)
def _load(language: str, prompts_dir: str) -> Mapping[str, Any]:
    return read_json_wording(Path(prompts_dir) / f"answers_{language}.json", "answer", language)


def load_answer_wording(language: str = "en", prompts_dir: Path | None = None) -> Mapping[str, Any]:
    """The answer wording of a language.

    Raises:
        PromptError: The file is missing or not valid JSON.
    """
    return _load(language, str(prompts_dir or default_prompts_dir()))


@lru_cache(maxsize=8)
def _merged(language: str, prompts_dir: str) -> Mapping[str, Any]:
    """English wording under the language's: its sentences replace, its word lists add."""
    english = _load("en", prompts_dir)
    if language == "en":
        return english
    own = _load(language, prompts_dir)
    merged: dict[str, Any] = dict(english)
    for key, value in own.items():
        if isinstance(value, list) and isinstance(english.get(key), list):
            merged[key] = [*english[key], *value]
        elif isinstance(value, dict) and isinstance(english.get(key), dict):
            merged[key] = {**english[key], **value}
        else:
            merged[key] = value
    return merged


def _wording(language: str) -> Mapping[str, Any]:
    return _merged(wording_language(language), str(default_prompts_dir()))


def _in_english_words(message: str, language: str) -> str:
    """The message with the lexicon's phrases of its language as English words, lower case."""
    if language == "en":
        return message.lower()
    return Lexicon.default().translate(fold(message), language).lower()


def wording_language(language: str, prompts_dir: Path | None = None) -> str:
    """``language`` when its answer wording exists, else English (the wording every install has)."""
    folder = Path(prompts_dir or default_prompts_dir())
    return language if (folder / f"answers_{language}.json").is_file() else "en"


_HAN = re.compile(r"[\u3400-\u9fff]")


def _has_phrase(text: str, phrases: Sequence[str]) -> bool:
    # Chinese has no spaces between words: a Chinese phrase is found anywhere in the text.
    return any(p in text if _HAN.search(p) else re.search(rf"\b{re.escape(p)}\b", text) for p in phrases)


def _named_places(text: str, tokens: Sequence[str], wording: Mapping[str, Any], n_shown: int) -> list[int]:
    """The places a message names ("the first two", "the second", "#3", "3rd"), in the order said."""
    ordinals: Mapping[str, int] = wording["ordinals"]
    counts: Mapping[str, int] = wording["counts"]
    for i, token in enumerate(tokens):
        if token == "first" and i + 1 < len(tokens) and tokens[i + 1] in counts:
            return list(range(1, min(counts[tokens[i + 1]], n_shown) + 1))
    found = [ordinals[t] for i, t in enumerate(tokens) if t in ordinals and (t != "last" or _last_is_a_place(tokens, i))]
    found += [int(n) for n in re.findall(r"(?:#|\bnumber\s+|\bno\.?\s*|\bitem\s+|\boption\s+)(\d{1,2})\b", text)]
    found += [int(n) for n in re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)\b", text)]
    return list(dict.fromkeys(n_shown if p == -1 else p for p in found))


#: Words before "last" that make it a place in the list ("the last one", "first and last", "how about last?").
_BEFORE_LAST = frozenset("the that this very your ur and or vs versus with to than about only just then".split())
#: Words after "last" that make it a place ("last one", "last two").
_AFTER_LAST = frozenset("one ones item items option options pick product model two three".split())


def _last_is_a_place(tokens: Sequence[str], i: int) -> bool:
    """Stop 65: whether "last" at ``tokens[i]`` names the last item shown, not what lasts ("how long does the
    battery last on the first one?" asked about the first and the last)."""
    return i == 0 or tokens[i - 1] in _BEFORE_LAST or (i + 1 < len(tokens) and tokens[i + 1] in _AFTER_LAST)


def make_of(item: Any) -> str:
    """An item's make, lower case: its brand, else its title's first word ("Citizen Men Black Watch": citizen)."""
    words = str(getattr(item, "title", "") or "").split()
    return str(getattr(item, "brand", "") or (words[0] if words else "")).lower()


def several_named(message: str, shown: Sequence[Item], language: str = "en",
                  last_references: Sequence[int] = ()) -> list[int]:
    """Stop 42: the places of the shown items a message names one by one, when it names two or more: by place
    ("the first and the third", "第一个和第三个", "den ersten und den dritten"), by make ("the titan and the
    guess": each make names exactly one shown item), or "both" of two (two shown, or the two just asked
    about); else []. "both" of five names nothing: which two is asked."""
    wording = _wording(language)
    text = _in_english_words(message, language)
    tokens = _tokens(text)
    places = [p for p in _named_places(text, tokens, wording, len(shown)) if 1 <= p <= len(shown)]
    if len(places) >= 2:
        return places
    from chatrec.batch13_fixes import brands_in_chinese

    said = set(_tokens(message.lower())) | set(tokens) | {b.lower() for b in brands_in_chinese(message)}  # "泰坦和盖尔斯"
    makes: dict[str, list[int]] = {}
    for n, item in enumerate(shown, start=1):
        makes.setdefault(make_of(item), []).append(n)
    by_make = sorted(ns[0] for make, ns in makes.items() if len(ns) == 1 and make and make in said)
    if len(by_make) >= 2:
        return by_make
    if "both" in tokens or _has_phrase(message.lower(), wording.get("both_words", [])):
        if len(shown) == 2:
            return [1, 2]
        if len(set(last_references)) == 2:
            return list(dict.fromkeys(last_references))
    return []


def find_reference(message: str, n_shown: int, language: str = "en") -> list[int] | None:
    """The 1-based positions of the shown items a message refers to.

    "the second one" -> [2], "the first two" -> [1, 2], "the last" -> [n], "#3" / "number 3"
    -> [3], "both" -> [1, 2]; a pronoun or "which" alone ("does it come in red?", "which is
    cheaper?") -> every shown item. None when the message refers to no shown item.
    """
    if n_shown <= 0:
        return None
    wording = _wording(language)
    text = _in_english_words(message, language)
    tokens = _tokens(text)
    ordinals: Mapping[str, int] = wording["ordinals"]
    counts: Mapping[str, int] = wording["counts"]
    found = _named_places(text, tokens, wording, n_shown)
    if found:
        return found
    if "both" in tokens:
        return [1, 2][:n_shown]
    if any(t in wording["pronouns"] for t in tokens) or _superlative_rule(text, wording) is not None \
            or _superlative_rule(message.lower(), wording) is not None \
            or _spec_rule(f"{message.lower()} {text}", wording) is not None \
            or _has_phrase(f"{message.lower()} {text}", wording["price_superlatives"]):
        return list(range(1, n_shown + 1))
    return None


def asks_to_buy(message: str, n_shown: int, language: str = "en", shown: Sequence[Item] = ()) -> bool:
    """Whether the message picks a shown item to buy ("I'll take the second one", "add it to
    cart", "我要买第一个"); "I want to buy a phone" names no shown item and is a new request. With the
    ``shown`` items, stop 42: "I'll take the titan and the guess" names two of them by make."""
    if n_shown <= 0:
        return False
    text = _in_english_words(message, language)
    return _buy_said(message, text, language) and (
        find_reference(message, n_shown, language) is not None or len(_tokens(text)) <= 4
        or bool(shown) and bool(several_named(message, shown, language)))


def as_pick(message: str, n_shown: int, language: str) -> str | None:
    """i12v: the answer to "which one would you like?" ("the second one", "el segundo", "第二个") as a pick
    ("I'll take the second one"), or None when the message names no shown item, more than three, or says more."""
    wording = _wording(language)
    found = find_reference(message, n_shown, language)
    if not found or len(found) > 3 or len(_tokens(_in_english_words(message, language))) > 5 + 3 * (len(found) - 1):
        return None  # stop 42: "the first and the fourth", "第一个和第四个" name two
    prefix = str(wording.get("pick_prefix", _wording("en")["pick_prefix"]))
    return f"{prefix}{'' if _HAN.search(prefix[-1:]) else ' '}{message}"


def buys_in(message: str, language: str) -> bool:
    """i12v: whether the message holds a buy phrase of ``language`` as written ("me lo llevo", "nehme ich"):
    a short pick keeps the conversation's language even when it reads like English."""
    if language == "en" or wording_language(language) != language:
        return False
    english = set(_wording("en")["buy_words"])  # stop 44: "I will take the second one" is English, said in English
    return _has_phrase(message.lower(), [w for w in _wording(language)["buy_words"] if len(w) > 1 and w not in english])


#: Stop 43: "我要最便宜的那个", "就要评分最高的那款": "I want that one", a shown item taken ("的那种" is a kind, a wish).
_ZH_WANT_THAT_ONE = re.compile(r"(?:我|就)(?:要|选|拿)(?:了)?[^，。,！!？?\s]{1,8}?的(?:那|这)(?:一)?(?:个|款|件|双|条|只|块|台|部|顶|副|把|支|瓶|本)(?![^，。,！!？?]*[?？吗])")


def _buy_said(message: str, text: str, language: str) -> bool:
    """Whether the message says the shopper takes an item: its buy words in the lexicon's English
    (``text``), or i12v: any language's buy words in the shopper's own words ("好的，就要这个" reads to
    the lexicon as "好 , 就要 this one"; a short "me lo llevo" may be taken for English). A bare
    "买" is no pick: "我想买一部手机" is a new request."""
    if _has_phrase(text, _wording(language)["buy_words"]) or ACCEPT.match(message.lower()):  # "fine, that one"
        return True
    raw = message.lower()
    if _ZH_WANT_THAT_ONE.search(raw):  # stop 43: "我要最便宜的那个", "我要黑色的那件"; "我要黑色的" is a wish
        return True
    for code in dict.fromkeys([language, "en", "zh", "es", "de"]):
        if wording_language(code) == code and _has_phrase(raw, [w for w in _wording(code)["buy_words"] if len(w) > 1]):
            return True
    return False


#: Words a bare spec question is made of besides its spec: "and the screen size?", "what about battery on these".
_SPEC_ASIDES = frozenset("and what about on of for like y qué que und wie e".split()) | set("那呢吗的和还有怎么样如何多大少是什这些款它们个")


def asks_spec_of_shown(message: str, n_shown: int, language: str = "en") -> bool:
    """Whether the message asks only for a spec of the items shown ("and the screen size?", "what about
    battery on these", "¿y qué tamaño de pantalla?", "内存呢？"), naming no product to search for."""
    if n_shown <= 0:
        return False
    wording = _wording(language)
    said = f"{message.lower()} {_in_english_words(message, language)}"
    rules = [*wording.get("spec_questions", []), *(_wording("en").get("spec_questions", []) if language != "en" else [])]
    phrases = [p for r in rules for p in r["words"] if _has_phrase(said, [p])]
    if not phrases:
        return False
    rest = message.lower()
    for phrase in sorted(phrases, key=len, reverse=True):
        rest = rest.replace(phrase, " ")
    rest = re.sub(r"[\u3400-\u9fff]", lambda m: f" {m.group(0)} ", rest)  # one Chinese character a word
    asides = {*_SPEC_ASIDES, *wording.get("filler_words", []), *_wording("en")["filler_words"],
              *wording.get("pronouns", []), *wording.get("these_words", []), *wording.get("ordinals", [])}
    return all(t in asides for t in re.findall(r"[^\W\d_]+|\d+", rest))


def is_question_about_shown(message: str, n_shown: int, language: str = "en") -> bool:
    """The minimal trigger: a question (or "compare ..."/"why ...") that refers to the items shown last."""
    if n_shown <= 0:
        return False
    wording = _wording(language)
    text = _in_english_words(message, language).strip()
    if n_shown >= 2 and asks_superlative(message, language):
        return True  # "and the newest?", "the best rated one": about the items shown
    tokens = _tokens(text)
    asks = text.endswith("?") or _has_phrase(text, wording["compare_words"]) or _has_phrase(text, wording["why_words"])
    # "is it waterproof" / "do they come in black" without a question mark
    asks = asks or (len(tokens) > 2 and tokens[0] in wording["ask_words"] and tokens[1] in wording.get("pronouns", ()))
    asks = asks or checks_shown_item(message, language)
    if not asks:
        return False
    if re.match(r"\W*(?:do|does) (?:you|u|the shop) (?:have|sell|carry|stock|got)\b", text) \
            and not any(t in wording["ordinals"] for t in tokens) and not re.search(r"\b(?:it|this|that)\b", text):
        return False  # "do you have black ones?" / "有黑色的吗？" asks for such items, as "any black ones?" does
    if not tokens or tokens[0] not in wording["ask_words"] and not _has_phrase(text, wording["compare_words"]):
        # "any red ones?" asks for new items, "is the second one ..." asks about a shown one.
        if find_reference(message, n_shown, language) is None or not any(t in wording["ordinals"] for t in tokens):
            return False
    return find_reference(message, n_shown, language) is not None


_CHECKS_ITEM = re.compile(r"\W*(?:the )?(?:first|second|third|fourth|fifth|last)(?: one)?\s+(?:is|are)\s+\w")
_NOT_A_CHECK = frozenset({"more", "like", "show", "want", "need", "please", "good", "nice", "great", "perfect", "fine"})


def checks_shown_item(message: str, language: str = "en") -> bool:
    """i12y: "la primera es azul", "the second one is leather", "der erste ist schwarz": a short check of a
    shown item typed with no question mark (a question, not a wish); "the second one is nice, show me more"
    is no check."""
    text = _in_english_words(message, wording_language(language)).strip()
    tokens = _tokens(text)
    return len(tokens) <= 6 and _CHECKS_ITEM.match(text) is not None and not set(tokens) & _NOT_A_CHECK


def _price_text(item: Item) -> str | None:
    if item.price is None:
        return None
    return _written_amount(float(item.price), item.currency)


def _short_title(item: Item, words: int = 8) -> str:
    parts = item.title.split()
    if len(parts) <= words:
        return item.title.strip()
    return " ".join(parts[:words]).rstrip(" |,;:-–(") + "…"  # "Redmi A1 (Black, 32GB) |…" reads "Redmi A1 (Black, 32GB)…"


def _fields(item: Item, wording: Mapping[str, Any] | None = None) -> list[tuple[str, str]]:
    """The item's displayable fields as (name, value) text pairs, names in the wording's language."""
    return [(_name(name, wording), value) for name, value in _english_fields(item)]


def _english_fields(item: Item) -> list[tuple[str, str]]:
    """The item's displayable fields as (English name, value) text pairs: ("base colour", "Black")."""
    plural_only = Wording.load("en").plural_only  # "jeans" stays "jeans", never "jean"
    pairs = [(name, value) for name, value in (("type", _noun(item.category, plural_only)), ("brand", item.brand)) if value]
    for name, value in ordered_attributes(item):
        text = value_text(value, max_values=3)
        if text and len(text) <= 40:
            pairs.append((_display(name).lower(), _INDIAN.sub(lambda f: _format_number(float(f.group(0).replace(',', ''))), text)))
    return pairs


#: Stop 44: a count grouped the Indian way ("1,78,912"), written in thousands as the reasons write it ("178,912").
_INDIAN = re.compile(r"^\d{1,2}(?:,\d{2})+,\d{3}$")


def _name(english: str, wording: Mapping[str, Any] | None) -> str:
    """A field's name in the wording's language ("base colour" -> "颜色"), else as it is."""
    names: Mapping[str, str] = (wording or {}).get("field_names", {})
    return names.get(english, english)


_NUMBER = re.compile(r"[\d.,]+")
#: "4th", "2nd": a place in the list, not a word asked about.
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
#: Field names of a product grouping or a list price: no fact of the item to describe or compare it by.
_GROUPING = re.compile(r"categ|department|class|kind|type|price")


def _title_features_apart(items: Sequence[Item], most: int = 4) -> list[list[str]]:
    """Per item, the features (``prompts/feature_words.txt``) and specs its name states that not every
    other item's name states, as its name spells them: what sets it apart in a comparison."""
    spelt = [feature_spellings(item.title) for item in items]
    shared = set.intersection(*(set(s) for s in spelt)) if spelt else set()
    out = []
    for own, item in zip(spelt, items):
        words = [spelling for name, spelling in own.items() if name not in shared]
        others = [specs(other.title) for other in items if other is not item]
        for start, end, _unit in spec_matches(item.title):
            phrase = item.title[start:end]
            if specs(phrase) and not all(specs(phrase) <= o for o in others):
                words.append(phrase)
        out.append(list(dict.fromkeys(words))[:most])
    return out


def _join(words: Sequence[str], wording: Mapping[str, Any]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{wording.get('sep', ', ').join(words[:-1])} {wording['and']} {words[-1]}"


def _which_to_compare(item: Item, positions: Sequence[int], wording: Mapping[str, Any]) -> Answer:
    """Stop 51: the question asking which shown item to compare ``item`` with."""
    return Answer(wording["compare_which"].format(title=_short_title(item)), "compare", list(positions), False)


def answer_question(
    question: str,
    items: Sequence[Item],
    language: str = "en",
    *,
    positions: Sequence[int] | None = None,
    reasons: Sequence[str] | None = None,
    field_values: Mapping[str, Iterable[str]] | None = None,
    several: bool = False,
    shown: int = 0,
) -> Answer:
    """Answer a question about shown items from their catalogue data (see :func:`_answer_question`);
    i12v: amounts name their currency as the shopper's language does ("399 卢比" in Chinese). A
    follow-up that repeats the last question ("and the second?") is resolved first by
    :func:`resolve_question`."""
    answer = _answer_question(question, items, language, positions=positions, reasons=reasons, field_values=field_values,
                              several=several, shown=shown)
    writer = local_writer(wording_language(language))
    names = _currency_names(wording_language(language))
    if writer is None and not names:
        return answer

    def amount(found: re.Match[str]) -> str:  # stop 48: "cuesta 1.299 INR" in Spanish, as its reasons write it
        figure = writer.figures(found.group(1)) if writer is not None else found.group(1)
        return f"{figure} {names.get(found.group(2), found.group(2))}"

    return replace(answer, text=re.sub(r"(\d[\d,.]*) ([A-Z]{3})\b", amount, answer.text))


def resolve_question(question: str, language: str = "en", earlier: str | None = None) -> str:
    """The question a follow-up asks: ``earlier`` (the question answered last) when the follow-up only
    points at other items ("and the second?", "那第二个呢"; :mod:`chatrec.ellipsis`), else its own words."""
    if earlier and is_elliptical(question, _asked_words(fold(question).lower(), _wording(language))):
        return earlier
    return question


@lru_cache(maxsize=8)
def _currency_names(language: str) -> Mapping[str, str]:
    """i12v: ``prompts/<language>/currency_names.json`` ("INR" -> "卢比"), empty when the language has none."""
    path = default_prompts_dir() / language / "currency_names.json"
    if language == "en" or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise PromptError(f"cannot read {path}: {exc}") from exc
    return {k: str(v) for k, v in data.items() if not k.startswith("_")}


#: i12ac: a question about two items ("which of the two", "los dos", "beide", "两个"): with one shown there is no second.
_TWO = re.compile(r"\b(?:two|both|los dos|las dos|ambos|ambas|beide[nrs]?|die zwei|den zwei)\b|两个|两台|两款|两件|俩|前两")


def compares_two(message: str, language: str = "en") -> bool:
    """i12ac: whether the message compares shown items or asks about two of them ("compare the first two",
    "welcher von beiden ist besser?", "这两个哪个好"): with one item shown, the answer says there is one."""
    wording = _wording(wording_language(language))
    return bool(_TWO.search(message.lower())) or _has_phrase(_in_english_words(message, wording_language(language)),
                                                             wording["compare_words"])


#: Connectors a question names with a one-letter part ("type c", "usb-c") or as one word ("micro usb",
#: "lightning"): read whole, never as the field "type" or the word "usb" (lead).
_CONNECTORS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE)) for name, pattern in (
        ("Type-C", r"(?<![a-z0-9])(?:(?:usb[\s-]*)?(?:type|tipo|typ)[\s-]*c|usb[\s-]*c|typec)(?![a-z0-9])"),
        ("Micro USB", r"(?<![a-z0-9])micro[\s-]*usb(?![a-z0-9])"),
        ("Lightning", r"(?<![a-z0-9])lightning(?![a-z0-9])"),
        ("Type-A", r"(?<![a-z0-9])(?:usb[\s-]*)?(?:type|tipo|typ)[\s-]*a(?![a-z0-9])"),
    )
)


def _connector_answer(question: str, items: Sequence[Item], positions: Sequence[int],
                      wording: Mapping[str, Any]) -> Answer | None:
    """"Does the second one have type c?", "是micro usb吗": yes when the item's name or description states
    that connector, no (with the connector it states) when it states another, else that the data does not
    say ("type c or micro usb?": the one it states); None when the question names no connector."""
    asked = [name for name, pattern in _CONNECTORS if pattern.search(question)]
    if not asked:
        return None
    lines: list[str] = []
    said = False
    for item in items:
        title = _short_title(item)
        found = next(((where, m.group(0)) for where, text in (("name", item.title), ("description", item.description or ""))
                      for name, pattern in _CONNECTORS if name in asked for m in [pattern.search(text)] if m), None)
        if found is not None:  # "type c or micro usb?" asks which, not yes or no
            lines.append(wording["yes_in_text" if len(asked) == 1 else "found_in_text"].format(
                title=title, where=wording["where_names"].get(found[0], found[0]), asked=found[1]))
            said = True
            continue
        other = next(((where, m.group(0)) for where, text in (("name", item.title), ("description", item.description or ""))
                      for name, pattern in _CONNECTORS if name not in asked for m in [pattern.search(text)] if m), None)
        if other is not None:
            lines.append(wording["no_in_text"].format(title=title, where=wording["where_names"].get(other[0], other[0]),
                                                      found=other[1], asked=" / ".join(asked)))
            said = True
            continue
        lines.append(wording["not_said"].format(title=title, asked=" / ".join(asked)))
    return Answer(" ".join(lines), "attribute", list(positions), said)


def _answer_question(
    question: str,
    items: Sequence[Item],
    language: str = "en",
    *,
    positions: Sequence[int] | None = None,
    reasons: Sequence[str] | None = None,
    field_values: Mapping[str, Iterable[str]] | None = None,
    several: bool = False,
    shown: int = 0,
) -> Answer:
    """Answer a question about shown items from their catalogue data.

    Args:
        question: The shopper's words.
        items: The items the question refers to, in the order shown.
        language: The wording's language code (``prompts/answers_<language>.json``).
        positions: Their 1-based positions in the last reply (default 1..n), for the answer's
            metadata and the comparison's numbering.
        reasons: The reasons shown with them (answers "why did you recommend ...").
        field_values: The catalogue's values per field: "is it formal?" of a shirt listed as Casual is a "no"
            (stop 41), as the data says, not "the data does not say anything about formal".
        shown: How many items the last reply showed, if known: a comparison naming one of several asks which
            other one is meant (stop 51).

    Returns:
        The answer; ``supported`` is False when the data does not say.
    """
    wording = {**_wording(language), "_language": language, "_field_values": field_values or {}}
    positions = list(positions or range(1, len(items) + 1))
    if not items:
        return Answer(wording["none_shown"], "no_reference", [], False)
    # stop 53: the feature words of the question as written too: the lexicon drops "de" of "cancelación de ruido"
    text = _in_english_words(_feature_words(question, wording) if language != "en" else question, wording_language(language))
    for said, field_word in wording.get("field_synonyms", {}).items():  # "什么牌子", "¿de qué marca?": the brand
        text = text.replace(said, f" {field_word} ") if _HAN.search(said) else re.sub(rf"\b{re.escape(said)}\b", field_word, text)
    for short, word in {**_wording("en").get("same_words", {}), **wording.get("same_words", {})}.items():
        text = re.sub(rf"\b{re.escape(short)}\b", word, text)  # "is it a smart tv?": the type says "television"
    text = _feature_words(text, wording)  # i12y: "编织", "geflochten", "de algodón": the catalogue's English words
    tokens = _tokens(text)
    yes_no = asks_yes_no(question, text)

    if _buy_said(question, text, language):  # "I'll take the second one", "add it to cart", "den nehme ich"
        if len(items) > 1 and several:  # stop 42: "I'll take the first and the third": both, with their prices
            titles = [_short_title(item) + (f" ({price})" if (price := _price_text(item)) else "") for item in items]
            return Answer(wording["chosen_several"].format(titles=_join(titles, wording)), "chosen", positions)
        if len(items) > 2 and ("both" in tokens or _has_phrase(question.lower(), wording.get("both_words", []))):
            return Answer(wording["chosen_which_two"], "chosen", positions, False)  # stop 42: "both" of five
        if len(items) > 1:  # stop 43: "I'll take the cheapest" of priceless items says why it asks
            unknown = _figure_unknown(question, text, items, wording)
            joined = f"{unknown}{'' if _HAN.search(unknown[-2:]) else ' '}" if unknown else ""  # "…价格。您想要…"
            return Answer(joined + wording["chosen_which"], "chosen", positions, False)
        price = _price_text(items[0])
        return Answer(wording["chosen"].format(title=_short_title(items[0]), price=f" ({price})" if price else ""),
                      "chosen", positions)

    from chatrec.shown_references import asks_it_than

    if len(items) == 1 and shown > 1 and asks_it_than(question):
        # stop 51: "它比第二件更正式吗" with no one item spoken of before: which item "it" is, not "yes, the second is formal"
        return _which_to_compare(items[0], positions, wording)
    if len(items) > 1 and _has_phrase(f"{question.lower()} {text}", wording.get("pick_words", [])):
        # "what would you pick?": the item ranked first, with its reason (then "I'll take it" means that one)
        first = reasons[0] if reasons and reasons[0] else _facts_sentence(items[0], wording)
        return Answer(wording["pick"].format(title=_short_title(items[0]), reason=first), "best", positions[:1])

    connector = _connector_answer(question, items, positions, wording)
    if connector is not None:
        return connector
    fits = make_fits.answer(question, items, wording, _short_title, snippet)
    if fits is not None:  # stop 45: "will it work with a dell inspiron 15?": the make where the item's data names it
        return Answer(fits[0], "attribute" if fits[1] else "unknown", positions, fits[1])
    connects = connect_questions.answer(question, items, positions, language)
    if connects is not None:  # lead: "can it connect to my phone?", "第三个能连手机吗": Bluetooth, a cable, a named device
        return connects
    family = family_fits(question, items, language) if yes_no and "family_yes" in wording else None
    if family is not None:  # stop 41: "is the first one pastel?": its colour, and whether it is of the family
        return Answer(" ".join(wording["family_yes" if fit.fits else "family_no"].format(
            title=_short_title(fit.item), value=_show(fit.value, wording), field=_name(_display(fit.field).lower(), wording),
            family=family[0]) for fit in family[1]), "attribute", positions)

    if _has_phrase(text, wording["why_words"]):
        lines = []
        for i, item in enumerate(items):
            reason = reasons[i] if reasons and i < len(reasons) and reasons[i] else None
            if reason and language != "en" and detect_language(reason) == "en":
                reason = None  # lead: "为什么推荐第二个？" after English replies: the facts in Chinese, not an English reason
            lines.append(wording["why"].format(title=_short_title(item), reason=reason or _facts_sentence(item, wording)))
        return Answer(" ".join(lines), "why", positions)

    as_said = fold(question).lower()  # stop 64: "welches kostet am wenigsten?" as said, not only in the lexicon's English
    cheaper = _has_phrase(text, wording["cheaper_words"]) or _has_phrase(as_said, wording["cheaper_words"])
    pricier = _has_phrase(text, wording["pricier_words"]) or _has_phrase(as_said, wording["pricier_words"])
    if yes_no and (cheaper or pricier) and len(items) >= 2:  # i12y: "is the cheapest one 4K?": yes or no of that one
        asked = [w for w in _asked_words(text, wording) if w not in _PRICE_COMPARING]  # i12af: "más caro que" asks a price
        by_price = sorted(((i.price, n) for n, i in enumerate(items) if i.price is not None), reverse=pricier)
        if asked and by_price:
            chosen = by_price[0][1]
            return _attribute_answer(asked, [items[chosen]], [positions[chosen]], wording, yes_no=True)
    # stop 45: "the cheaper of those two, is it comfortable?" (one item pointed at): comfort, not its price
    picked_by_price = (cheaper or pricier) and len(items) == 1 and yes_no and any(
        w not in _PRICE_COMPARING and w not in ("two", "those", "these", "both") and w not in _tokens(" ".join(
            [*wording["cheaper_words"], *wording["pricier_words"]])) for w in _asked_words(text, wording))
    if picked_by_price:
        cheaper = pricier = False
    if (cheaper or pricier) and len(items) == 1:  # i12h: "the cheapest of these?" with one item shown: its price
        item = items[0]
        return Answer(_price_line(item, wording), "price", positions, item.price is not None)
    if (cheaper or pricier) and len(items) >= 2:
        priced = [(item.price, item) for item in items if item.price is not None]
        if not priced:
            return Answer(wording["no_prices"], "unknown", positions, False)
        priced.sort(key=lambda pair: pair[0], reverse=pricier)
        best = priced[0][1]
        if len(priced) == len(items) and len({p for p, _ in priced}) == 1:  # i12aw: all one price
            said = wording["price_all_same"].format(count=len(items), price=_price_text(best))
            if len(items) <= 3:  # i12dc: which items the shopper is choosing between, named ("Alle kosten gleich viel")
                end = said[-1] if said[-1:] in (".", "。") else ""
                names = "; ".join(_short_title(i) for i in items)
                said = f"{said[:-1]}（{names}）。" if end == "。" else f"{said[:len(said) - len(end)]} ({names})."
            if yes_no:  # stop 51: "is it cheaper than the fourth?" of two at one price: no, not "the cheapest is"
                word = wording["no_word"]
                said = f"{word}{'' if _HAN.search(word) else ' '}{said[:1].lower()}{said[1:]}"
            return Answer(said, "price", positions)
        others = [wording["other_price"].format(title=_short_title(i), price=_price_text(i)) for _, i in priced[1:]]
        missing = [i for i in items if i.price is None]
        others += [wording["no_price"].format(title=_short_title(i)).rstrip(".") for i in missing]
        kind: Kind = "pricier" if pricier else "cheaper"
        said = wording[kind].format(title=_short_title(best), price=_price_text(best), others=wording["others_sep"].join(others))
        if yes_no and len(priced) == 2 and len(items) == 2 and priced[0][0] != priced[1][0]:
            # i12af: "is the second cheaper than the first?", "Ist das zweite günstiger als das erste?": yes or no first
            word = wording["yes_word"] if best is items[0] else wording["no_word"]  # "Yes:", "是的，"
            said = f"{word}{'' if _HAN.search(word) else ' '}{said[:1].lower()}{said[1:]}"
        return Answer(said, kind, [positions[items.index(best)]])  # the answer's item, as for every superlative

    phrase = _superlative_rule(text, wording) or _superlative_rule(question.lower(), wording)
    if phrase is not None and len(set(phrase[1].split()) - {"the", "a", "one", "ones"}) > 1:
        # stop 45: "the biggest discount" is no size ("biggest"); "the best camera" still a camera's figure
        ranked = _superlative(text, items, positions, wording) or _superlative(question.lower(), items, positions, wording)
    else:
        ranked = _spec_superlative(f"{question.lower()} {text}", items, positions, wording) \
            or _superlative(text, items, positions, wording) or _superlative(question.lower(), items, positions, wording)
    if ranked is not None:
        return ranked

    # "which is better, the first or the second?", "哪个好", "welches ist besser": no field to look up,
    # the items side by side (their ratings among the facts)
    compared = _has_phrase(text, wording["compare_words"]) or _has_phrase(text, _wording("en").get("better_words", [])) \
        or _has_phrase(question.lower(), wording.get("better_words", []))
    if len(items) == 1 and shown > 1 and compared and not picked_by_price:
        # stop 51: "how is it different from the 3rd?" of five TVs, no "it" known: which one, not "only one shown"
        return _which_to_compare(items[0], positions, wording)
    if len(items) == 1 and (compared or _TWO.search(question.lower())) and not picked_by_price:
        # i12ac: "compare the first two" with one item shown: say so and describe that one
        pairs = [(n, v) for n, v in _english_fields(items[0])  # as compared: no grouping, no list price
                 if n == "type" or not re.search(r"categ|department|class|kind|type|price", n)]
        facts = wording.get("sep", ", ").join(wording.get("fact", "{name} {value}").format(
            name=_name(n, wording), value=_show(v, wording)) for n, v in pairs[:5])
        if items[0].price is not None:
            facts += wording.get("sep", ", ") + _price_text(items[0])
        return Answer(wording["compare_one"].format(title=_short_title(items[0]), facts=facts), "attribute", positions, True)
    if (compared or sets_against(question, language)) and len(items) >= 2:  # i12ag: 'zweiter gegen vierter'
        lines = [wording["compare_head"]]
        # i12v: a product grouping ("department Electronics", "subcategory Headphones,Earbuds&Accessories")
        # and a list price are no facts of the item to compare by; names checked in English, before translation
        english = [[(n, v) for n, v in _english_fields(item) if n == "type" or not _GROUPING.search(n)] for item in items]
        fields = [{_name(n, wording): v for n, v in pairs} for pairs in english]
        only = _title_features_apart(items)
        for position, item, values, own in zip(positions, items, fields, only):
            # a bare number says nothing alone: "rating 4.1", "rating count 98,250"
            facts = [f"{name} {value}" if _NUMBER.fullmatch(value) else _show(value, wording) for name, value in values.items()]
            price = _price_text(item)
            if price:
                facts.insert(min(2, len(facts)), price)
            facts = facts[:6]
            if own:  # what its name states and the other items' names do not: "“ANC”, “Type-C”"
                facts.append(wording["compare_title"].format(words=wording.get("sep", ", ").join(f"“{w}”" for w in own)))
            lines.append(wording["compare_line"].format(position=position, title=_short_title(item),
                                                        facts=wording.get("sep", ", ").join(facts)))
        common = [name for name in fields[0] if all(name in f for f in fields[1:])]
        differ = [n for n in common if len({f[n].lower() for f in fields}) > 1]
        same = [n for n in common if n not in differ]
        if any(i.price is not None for i in items) and len({i.price for i in items}) > 1:
            differ.append(_name("price", wording))  # i12v: "价格", not "price", in a Chinese answer
        if differ:
            lines.append(wording["compare_differ"].format(fields=_join(differ, wording)))
        if same:
            lines.append(wording["compare_same"].format(fields=_join(same, wording)))
        return Answer("\n".join(lines), "compare", positions)

    budget = _budget_answer(question, items, positions, wording)
    if budget is not None:  # stop 45: "is the second one under 20000?", "第二个在2000元以内吗": its price against it
        return budget
    sized = clothing_sizes.unlisted(question, items, wording, _short_title)
    if sized is not None:  # stop 44: "do you have it in XL?" of clothes listed with no size: where the sizes are
        return Answer(sized, "unknown", positions, False)
    spec = _spec_question(f"{question.lower()} {text}", items, positions, wording)
    if spec is not None:  # "how big is the first one?", "how much ram does the second have?", "第一个多大尺寸？"
        return spec

    named = named_currency(question)  # "how much is it in dollars?", "第二个多少人民币": about so many dollars too
    if _has_phrase(text, wording["price_words"]) or (named and _has_phrase(question.lower(), wording.get("quantity_words", []))):
        if len(items) > 1 and all(i.price is None for i in items) and "no_price_many" in wording:
            return Answer(wording["no_price_many"].format(count=len(items)), "price", positions, False)  # one line, not five
        lines = [_price_line(i, wording, named) for i in items]
        return Answer(" ".join(lines), "price", positions, any(i.price is not None for i in items))

    either = _either_answer(text, items, positions, wording)
    if either is not None:  # "is it wired or wireless?", "有线还是无线？": the one its data says
        return either

    asked = _asked_words(text, wording)
    # "is the black one wireless?", "the Boult ones": the words that picked the items out are not what is asked
    picking = [t for t in asked if re.search(rf"\b{re.escape(t)} (?:one|ones)\b", text) and all(
        t in _tokens(" ".join([item.title, *map(str, item.attributes.values())])) for item in items)]
    if picking and (len(picking) < len(asked) or item_details.asks_details(question)):
        asked = [t for t in asked if t not in picking]  # stop 57: "the blue one's details": nothing but details
    topic = _topic(f"{fold(question)} {text}", wording)
    if topic is not None:  # "what is it made of?", "什么材质": the material, not "made"
        words = {w for phrase in wording["topic_words"][topic] for w in _tokens(phrase)}
        # "woraus ist die Tasche?": the word naming the item is not what is asked
        asked = [t for t in asked if t not in words and not all(
            _singular(t) in _forms(" ".join([item.title, item.category])) for item in items)] or [topic]
    if not asked and yes_no and (unread := _unread_feature(question)) is not None:
        # i12y: "第二个是防水的吗？" with a word no list knows: not a dump of every field, but that the data is silent
        return Answer(" ".join(wording["not_said"].format(title=_short_title(i), asked=unread) for i in items),
                      "unknown", positions, False)
    if not asked:
        lines = [wording["about"].format(title=_short_title(i), reason=_facts_sentence(i, wording)) for i in items]
        return Answer(" ".join(lines), "attribute", positions)
    # "how many HDMI ports does it have?": a found phrase is quoted with the figure beside it
    counted = _has_phrase(f"{question.lower()} {text}", wording.get("quantity_words", []))
    return _attribute_answer(asked, items, positions, wording, counted=counted, yes_no=yes_no, question=question)


#: Verbs a yes/no question asks a feature with ("does it support fast charging?"): not the feature's words.
#: Words after a feature that ask only whether it is there ("wifi enabled", "bluetooth capable", "gps equipped").
_QUALIFIERS = frozenset({"enabled", "capable", "equipped", "compatible", "supported"})
_ASK_VERBS = frozenset("support supports supported have has come comes offer offers include includes work works".split())


def _topic(text: str, wording: Mapping[str, Any]) -> str | None:
    """The kind of fact a question asks for by a phrase of its own ("made of", "材质", "de qué tela"
    -> "material"; ``topic_words`` of the wording), or None."""
    english: Mapping[str, Sequence[str]] = _wording("en").get("topic_words", {})
    topics: Mapping[str, Sequence[str]] = wording.get("topic_words", {})
    return next((topic for topic in {**english, **topics}
                 if _has_phrase(text, [*english.get(topic, ()), *topics.get(topic, ())])), None)


def _said(asked: Sequence[str], question: str, wording: Mapping[str, Any]) -> str:
    """What was asked, as the shopper said it: "material" is "材质" in Chinese (``topic_names``), a
    feature word as the wording's ``feature_words`` say it ("braided" -> "编织"), and a word read from
    the shopper's language as they wrote it ("leather" -> "cuero")."""
    phrase = " ".join(asked)
    names: Mapping[str, str] = wording.get("topic_names", {})
    if phrase in names:
        return names[phrase]
    language = str(wording.get("_language", "en"))
    featured = _shoppers_words(phrase, wording)
    if language == "en" or featured != phrase or not question:
        return featured
    folded = fold(question)
    own = [Lexicon.default().native(word, language) for word in asked]
    from chatrec import gaps_round12  # i12bm: «tacón», not «heels»: the shopper's word as written

    whole = gaps_round12.word_in_question(phrase, language, question) if len(asked) > 1 or " " in phrase else None
    if whole:  # lead, stop 38: «manga larga», not «long sleeve» (the words one by one have no Spanish of their own)
        return whole
    said = [native if native and fold(native) in folded else gaps_round12.word_in_question(word, language, question)
            or _span_in_question(word, asked, language, question) or gaps_round12.as_written(word, question)
            for word, native in zip(asked, own)]
    # "Brusttasche": "brust" and the compound that holds it are one word of the shopper's
    said = [w for n, w in enumerate(said) if not any(
        n != m and fold(w) in fold(other) and fold(w) != fold(other) for m, other in enumerate(said))]
    return " ".join(dict.fromkeys(said))


def _span_in_question(word: str, asked: Sequence[str], language: str, question: str) -> str | None:
    """The shopper's word for a run of asked words that holds ``word`` ("long sleeve" of "long sleeve elig" ->
    "langärmelig"), longest run first; None if no run has one."""
    from chatrec import gaps_round12

    words = [w for phrase in asked for w in phrase.split()]
    if word not in words or len(words) < 2:
        return None
    at = words.index(word)
    for size in range(len(words), 1, -1):
        for start in range(max(0, at - size + 1), min(at, len(words) - size) + 1):
            found = gaps_round12.word_in_question(" ".join(words[start:start + size]), language, question)
            if found:
                return found
    return None


#: i12af: the words of comparing prices (the lexicon's English for "caro", "teurer", and "than" in es/de/zh): no
#: quality asked of the item ("¿es el primero más caro que el segundo?" compares prices).
_PRICE_COMPARING = frozenset("cheap cheaper cheapest expensive pricier priciest costly dearer more most less than que als 比".split())


#: Stop 60: where an item stands said in words ("the one before the last", "second to last", "penultimate") and a
#: correction of the item pointed at ("not that one, i meant ..."): no quality asked of it.
_PLACE_SAID = re.compile(
    r"\b(?:the )?one (?:just )?(?:before|after) the (?:last|first)(?: one)?\b|\b(?:second|2nd|third|3rd)(?: to| from(?: the)?)? "
    r"last\b|\bpenultimate\b|\blast[- ]but[- ]one\b|\bnot (?:that|this) one\b|\bi (?:meant|mean)\b", re.IGNORECASE)


def _asked_words(text: str, wording: Mapping[str, Any]) -> list[str]:
    """The content words a question asks about (fillers, figures and single letters out)."""
    text = _PLACE_SAID.sub(" ", text)
    return [t for t in _tokens(_question_clauses(text, wording))
            if t not in wording["filler_words"] and not t.isdigit() and len(t) > 1 and not _ORDINAL.fullmatch(t)]


#: i12y: a yes/no question opens with (or, in Spanish and German, has) one of these verbs, and asks no "which/what".
_YES_NO_VERBS = frozenset("is are does do did has have can could will would was were".split())
_WH = frozenset("what which how why where who when".split())
#: a verb anywhere near the start: "¿el primero tiene ...?", "Hat das erste ...?", "the first one is ...?"
_YES_NO_INSIDE = frozenset("is are does has es son tiene tienen lleva viene ist sind hat haben kommt "
                            "sirve sirven funciona funcionan soporta admite unterstützt unterstutzt funktioniert passt".split())  # i12ak
_ZH_YES_NO = re.compile(r"(?:吗|嘛|么)\s*[?？]?\s*$|是不是|有没有.*[?？]$")


def asks_yes_no(question: str, text: str) -> bool:
    """i12y: whether a question about a shown item asks yes or no ("is the second one braided?",
    "第二个是入耳式的吗？", "¿el segundo es negro?", "Ist das zweite geflochten?"): a verb such as
    "is"/"does" (``text`` holds the lexicon's English words), no "which"/"what"/"how", no "A or B"."""
    if _ZH_YES_NO.search(question.strip()):
        return not re.search(r"还是|哪|什么|多少|怎么", question)
    tokens = _tokens(text)
    if not tokens or _WH & set(tokens) or re.search(r"\b(?:or|oder|o)\b\s+\S+\W*$", text.strip()):
        return False
    # stop 60: "i like the second one. do you have it in black?": the question is its last sentence
    last = _tokens(re.split(r"[.!;,]\s+", text.strip())[-1])
    return tokens[0] in _YES_NO_VERBS or any(t in _YES_NO_INSIDE for t in tokens[:6]) or bool(last) and last[0] in (
        "do", "does", "did", "is", "are", "can", "could") and len(last) < len(tokens)


_ZH_FEATURE = re.compile(r"(?:是|有|带|支持)([\u4e00-\u9fff]{1,6}?)(?:的)?(?:吗|嘛|么)")


def _unread_feature(question: str) -> str | None:
    """i12y: the Chinese words a yes/no question asks about ("防水" in "第二个是防水的吗？"), or None."""
    found = _ZH_FEATURE.search(question)
    return found.group(1) if found else None


def _shoppers_words(phrase: str, wording: Mapping[str, Any]) -> str:
    """i12y: a feature the question asked, in the words of the shopper's language where the wording's
    ``feature_words`` has them ("braided" -> "编织" in Chinese), else as it is."""
    if wording.get("_language", "en") == "en":
        return phrase
    said = [s for s, english in wording.get("feature_words", {}).items() if english == phrase]
    return min(said, key=len) if said else phrase


def _feature_words(text: str, wording: Mapping[str, Any]) -> str:
    """i12y: the text with the wording's feature words in the catalogue's English ("编织" -> "braided",
    "geflochten" -> "braided", "de algodón" -> "cotton": ``feature_words`` of ``answers_<language>.json``)."""
    for said, english in sorted(wording.get("feature_words", {}).items(), key=lambda pair: -len(pair[0])):
        if _HAN.search(said):
            text = text.replace(said, f" {english} ")
        elif " … " in said:  # stop 53: "lädt … schnell" is "lädt die zweite schnell" too; the words between stay
            for head, tail in dict.fromkeys([tuple(said.split(" … ", 1)), tuple(fold(p) for p in said.split(" … ", 1))]):
                first, last = re.escape(head), re.escape(tail)
                text = re.sub(rf"(?<![\w-]){first}((?:\s+[\w-]+){{0,3}}?)\s+{last}(?![\w-])", rf"\1 {english}", text,
                              flags=re.IGNORECASE)
        else:  # as written or folded ("carga rápida", "carga rapida")
            for form in dict.fromkeys([said, fold(said)]):
                text = re.sub(rf"(?<![\w-]){re.escape(form)}(?![\w-])", english, text, flags=re.IGNORECASE)
    return text


_EITHER = re.compile(r"(?:^|\s)([\w-]+(?: [\w-]+)?)\s+(?:or|还是|或者|oder|o)\s+([\w-]+(?: [\w-]+)?)\W*$")


def _either_answer(text: str, items: Sequence[Item], positions: list[int], wording: Mapping[str, Any]) -> Answer | None:
    """"Is it wired or wireless?": for each item, the one alternative its data states; None when
    the question offers no two alternatives, or some item states both or neither."""
    found = _EITHER.search(text.strip())
    if found is None:
        return None
    choices = []
    for said in found.groups():
        words = [t for t in _tokens(said) if t not in wording["filler_words"] and len(t) > 1]
        if not words:
            return None
        choices.append(words)
    yes = str(wording["yes_value"]).split("{title}", 1)[0]  # "Yes: ": an either question is not a yes/no one
    lines = []
    for item in items:
        data = _forms(" ".join([item.title, item.description or "", *(v for _, v in _english_fields(item))]))
        stated = [words for words in choices if all(w in data or _singular(w) in data for w in words)]
        if not stated:  # "wireless or wired?" of a mouse whose data says neither: said so, as asked
            asked = f" {wording.get('or_word', 'or')} ".join(" ".join(words) for words in choices)
            lines.append(wording["not_said"].format(title=_short_title(item), asked=asked))
            continue
        if len(stated) != 1:
            return None
        line = _attribute_answer(stated[0], [item], positions, wording).text
        lines.append(line[len(yes):] if yes and line.startswith(yes) else line)
    return Answer(" ".join(lines), "attribute", positions, not all(
        line.startswith(str(wording["not_said"]).split("{", 1)[0]) for line in lines))


def _question_clauses(text: str, wording: Mapping[str, Any]) -> str:
    """The clauses of ``text`` that ask something ("the first one looks good, is it leather?"
    -> "is it leather?"), so that a remark around the question is not looked up as a feature;
    the whole text when no clause, or every clause, is a question."""
    connectors = set(wording.get("clause_connectors", ()))
    clauses = []
    for clause in re.findall(r"[^,;.!?¿¡]+[?]?", text):
        words = clause.split()
        while words and words[0].lower() in connectors:  # "but is it vegan?"
            words.pop(0)
        if " ".join(words).strip(" ?"):
            clauses.append(" ".join(words))
    starts = set(wording.get("question_starts", ()))
    asking = [c for c in clauses if c.endswith("?") or (_tokens(c)[:1] and _tokens(c)[0] in starts)]
    if not asking or len(asking) == len(clauses):
        return text
    return " ".join(asking)


def _leading_number(value: Any) -> float | None:
    """A field's value as a number ("24,269" -> 24269, "4.2" -> 4.2, "₹1,099" -> 1099), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    match = re.search(r"-?\d[\d,]*(?:\.\d+)?", str(value))
    return float(match.group().replace(",", "")) if match else None


def _number_text(value: float, wording: Mapping[str, Any] | None = None) -> str:
    """4.2 -> "4.2", 24269 -> "24,269", a year stays "2012"; in a language of decimal commas (``wording``'s
    "decimal_separator", stop 57) "4,2" and "24.269", as the reasons write them."""
    text = str(int(value)) if value.is_integer() and abs(value) < 10000 else _format_number(value)
    return in_decimal_style(text, wording)


def in_decimal_style(text: str, wording: Mapping[str, Any] | None) -> str:
    """``text``'s figures with the wording's decimal comma ("24.269", "4,2" in Spanish and German); as given in
    a language of decimal points."""
    if wording is not None and wording.get("decimal_separator") == ",":
        return text.translate(str.maketrans(",.", ".,"))
    return text


def _field_named(item: Item, names: Sequence[str]) -> tuple[str, float] | None:
    """The first of ``names`` (display names: "rating count") the item has, with its number; a discount the
    catalogue does not list is the price's percentage below the list price, where it lists one (stop 45)."""
    displayed = {_display(name).lower(): value for name, value in item.attributes.items()}
    for name in names:
        if name in displayed:
            number = _leading_number(displayed[name])
            if number is not None:
                return name, number
    if "discount" in names and (off := discount(item)) is not None:
        return "discount", off
    price = getattr(item, "price", None)
    if "price" in names and price is not None:  # stop 62: "sort by price"
        return "price", float(price)
    return None


_LIST_PRICE = re.compile(r"list.?price|mrp|original.?price|actual.?price|regular.?price|was.?price", re.IGNORECASE)


def list_price(item: Any) -> float | None:
    """The item's list price as a number ("₹1,099": 1099.0), or None when the catalogue lists none."""
    from chatrec.catalog import parse_price

    listed = next((value for name, value in getattr(item, "attributes", {}).items() if _LIST_PRICE.search(str(name))), None)
    if listed in (None, ""):
        return None
    amount, _ = parse_price(listed)
    return None if amount is None or amount <= 0 else float(amount)


def discount(item: Any) -> float | None:
    """The percentage the item's price is below its list price ("₹1,099" listed, 399 asked: 64), or None when
    the catalogue lists no list price for it or the price is not below it."""
    price = getattr(item, "price", None)
    amount = list_price(item)
    if price is None or amount is None or amount <= price:
        return None
    return float(round(100 * (amount - float(price)) / amount))


def _superlative_rule(text: str, wording: Mapping[str, Any]) -> tuple[Mapping[str, Any], str] | None:
    """The superlative rule the (English-worded) text asks for, with the phrase found, or None; the longest
    phrase found wins ("the best deal" asks the discount, not the "best" rating)."""
    found = [(rule, phrase) for rule in wording.get("superlatives", []) for phrase in rule["words"]
             if _has_phrase(text, [phrase]) and not re.search(rf"\b{re.escape(phrase)}\s+(?:for|to|at|with|in)\b", text)
             and not _of_something_else(text, phrase)]
    return max(found, key=lambda pair: len(pair[1])) if found else None


#: Bare superlatives ("the best") that name the rating only when no other thing follows them.
_BARE_SUPERLATIVES = frozenset({"best", "the best", "worst", "the worst", "el mejor", "la mejor", "der beste", "die beste",
                                "das beste"})
#: Words after a bare superlative that still ask for the best item overall ("the best one", "the best overall").
_OVERALL = frozenset("one ones option options choice choices pick of among here overall rated reviewed reviews rating ratings "
                     "quality product products item items model models buy value seller sellers selling uno una opcion "
                     "calidad modelo von bewertet bewertung wahl".split())


def _of_something_else(text: str, phrase: str) -> bool:
    """Stop 52: a bare superlative said of another thing ("which one has the best range?", "the best sound")
    asks about that thing, not the rating: "All 3 have the same rating: 4.2" answered the range."""
    if phrase not in _BARE_SUPERLATIVES:
        return False
    after = re.search(rf"(?<![\w]){re.escape(phrase)}\s+([^\W\d_]+)", text)
    return after is not None and after.group(1) not in _OVERALL


def _asked_superlative(message: str, language: str, wording: Mapping[str, Any]) -> tuple[Mapping[str, Any], str] | None:
    """The superlative rule a message asks for, read in English words, else in the shopper's own."""
    return _superlative_rule(_in_english_words(message, language), wording) or _superlative_rule(message.lower(), wording)


def _order_asked(message: str, language: str, wording: Mapping[str, Any]) -> tuple[Mapping[str, Any], str] | None:
    """The order a list is asked in: a sort said in words ("sort by price", stop 62), else a superlative."""
    from chatrec.gaps_round18 import sort_asked

    return sort_asked(message) or _asked_superlative(message, language, wording)


def figure_pick(message: str, shown: Sequence[Item], language: str = "en") -> int | None:
    """Stop 43: the position of the shown item a pick names by a figure ("I'll go with the best rated",
    "我买评分最高的那个", "ich nehme den neuesten"): the one item with the highest (or lowest) value; None
    when the message names no figure, no shown item has it, or several share the best value."""
    wording = _wording(language)
    asked = _asked_superlative(message, language, wording)
    if asked is None or len(shown) < 2:
        return None
    rule = asked[0]
    known = [(figure[1], n) for n, item in enumerate(shown, start=1)
             if (figure := _field_named(item, rule["fields"])) is not None]
    if not known:
        return None
    best = (max if rule["order"] == "max" else min)(value for value, _ in known)
    hits = [n for value, n in known if value == best]
    return hits[0] if len(hits) == 1 else None


def _figure_unknown(question: str, text: str, items: Sequence[Item], wording: Mapping[str, Any]) -> str:
    """Stop 43: why a pick by a figure cannot be made ("I'll take the cheapest" where no item has a
    price: the catalogue lists none), or "" when the message names no figure or an item has it."""
    from chatrec.price_tiers import price_superlative

    said = f"{question.lower()} {text}"
    if (_has_phrase(said, wording["price_superlatives"]) or price_superlative(question) is not None) \
            and all(item.price is None for item in items):
        return str(wording["no_prices"])
    asked = _superlative_rule(text, wording) or _superlative_rule(question.lower(), wording)
    if asked is not None and all(_field_named(item, asked[0]["fields"]) is None for item in items):
        return str(wording["no_field"]).format(field=_name(asked[0]["fields"][0], wording), asked=asked[1])
    return ""


def by_superlative(message: str, candidates: Sequence[Any], language: str = "en", depth: int = 20) -> list[Any]:
    """The candidates (anything with an ``item``) with the ``depth`` first ordered by the figure a superlative
    of the message names, highest (or lowest) first: "forget the brand, just the best rated", "show me the
    lightest ones". Items without the figure follow in their order; unchanged when no superlative is said
    or no candidate has the figure."""
    wording = _wording(language)
    asked = _order_asked(message, language, wording)
    if asked is None:
        return list(candidates)
    rule = asked[0]
    head = list(candidates[:depth])
    figures = [_field_named(c.item, rule["fields"]) for c in head]
    known = [(figure[1], n) for n, figure in enumerate(figures) if figure is not None]
    if not known:
        return list(candidates)
    known.sort(key=lambda pair: (-pair[0] if rule["order"] == "max" else pair[0], pair[1]))
    order = [n for _, n in known] + [n for n, figure in enumerate(figures) if figure is None]
    return [head[n] for n in order] + list(candidates[depth:])


def superlative_unlisted(message: str, candidates: Sequence[Any], language: str = "en", depth: int = 20) -> str:
    """Stop 46: a note for a list asked in an order the catalogue cannot give ("dresses on sale", "the best rated
    dresses" where no item lists a discount or a rating): the figure is not listed, so the list is not ordered by
    it; "" when no superlative is said or a candidate has the figure."""
    wording = _wording(language)
    asked = _order_asked(message, language, wording)
    if asked is None or not candidates or any(_field_named(c.item, asked[0]["fields"]) is not None
                                              for c in candidates[:depth]):
        return ""
    return str(wording["no_field_list"]).format(field=_name(asked[0]["fields"][0], wording))


def asks_superlative(message: str, language: str = "en") -> bool:
    """Whether the message asks which shown item has the most or least of something ("which is
    the best rated?", "and the newest?"); "show me the newest ones" asks for new items instead,
    unless it says "of these"."""
    wording = _wording(language)
    text = _in_english_words(message, language)
    said = f"{message.lower()} {text}"  # the shopper's own words too: "电池最大" before the lexicon splits it
    if _superlative_rule(text, wording) is None and _superlative_rule(message.lower(), wording) is None \
            and _spec_rule(said, wording) is None \
            and not _has_phrase(said, wording["price_superlatives"]):
        return False
    tokens = set(_tokens(text))
    if tokens & set(wording["new_search_words"]):
        return _has_phrase(text, wording["these_words"]) or bool(tokens & set(wording["ordinals"]))
    return True


def _superlative(text: str, items: Sequence[Item], positions: list[int], wording: Mapping[str, Any]) -> Answer | None:
    """"which has the best rating?", "the newest one?": the shown item with the highest (or
    lowest) value of a numeric field, with the others' values; None when the message asks no such thing.

    "best" alone counts as the best rating, except when it is "best for ..." (a question about
    a use, which the data may not answer: the attribute lookup takes it).
    """
    asked = _superlative_rule(text, wording)
    if len(items) < 2 or asked is None:
        return None
    rule, phrase = asked
    values = [(item, _field_named(item, rule["fields"])) for item in items]
    known = [(item, number) for item, number in values if number is not None]
    if not known:
        return Answer(wording["no_field"].format(field=_name(rule["fields"][0], wording), asked=phrase),
                      "unknown", positions, False)
    field_name = known[0][1][0]
    known.sort(key=lambda pair: pair[1][1], reverse=rule["order"] == "max")
    best_value = known[0][1][1]
    best = [item for item, (_, v) in known if v == best_value]  # a tie names every item sharing it
    others = [wording["other_value"].format(title=_short_title(i), value=_number_text(v, wording))
              for i, (_, v) in known if v != best_value]
    others += [wording["no_field_value"].format(title=_short_title(i), field=_name(field_name, wording))
               for i, number in values if number is None]
    if len(best) == len(items):  # "which is the newest?" when all are from 2016
        return Answer(wording["superlative_all"].format(count=len(items), field=_name(field_name, wording),
                                                        value=_number_text(best_value, wording)), "best", positions)
    sentence = wording[f"superlative_{'tie_' if len(best) > 1 else ''}{rule['order']}"]
    return Answer(
        sentence.format(title=_short_title(best[0]), titles=_join([_short_title(i) for i in best], wording),
                        field=_name(field_name, wording), value=_number_text(best_value, wording),
                        others=wording["others_sep"].join(others)).replace("; .", ".").replace("；。", "。"),
        "best", [positions[items.index(item)] for item in best],
    )


#: Units a spec is compared in, with the factor to the first unit of its rule's list.
_SPEC_FACTORS = {("kg", "g"): 0.001, ("gb", "tb"): 1024.0, ("l", "ml"): 0.001, ("w", "kw"): 1000.0}


def _spec_rule(text: str, wording: Mapping[str, Any]) -> tuple[Mapping[str, Any], str] | None:
    """The spec superlative ("the biggest battery", "lightest") the text asks for, with the phrase found."""
    rules = _spec_rules(text, wording)
    return rules[0] if rules else None


def _spec_rules(text: str, wording: Mapping[str, Any]) -> list[tuple[Mapping[str, Any], str]]:
    """Every spec superlative rule the text asks for, in the wording's order: "the longest battery" is
    hours of playtime first, else the battery's capacity in mAh."""
    found = []
    for rule in wording.get("spec_superlatives", []):
        phrase = next((p for p in rule["words"] if _has_phrase(text, [p])), None)
        if phrase is not None:
            found.append((rule, phrase))
    # stop 53: "¿cuál tiene más batería?" of earbuds asks their hours when none states a capacity, and
    # the other way round: a rule names the rule tried after it ("or"), when no item states its figure
    named = {rule["name"]: rule for rule in wording.get("spec_superlatives", []) if not rule.get("generic")}
    for rule, phrase in list(found):
        other = named.get(str(rule.get("or", "")))
        if other is not None and all(other is not r for r, _ in found):
            found.append((other, phrase))
    # i12aw: "the biggest storage" asks the storage, not the size "biggest" alone would
    return sorted(found, key=lambda pair: bool(pair[0].get("generic")))


#: A load an item bears, said with its figure ("withstand the weight of up to 55 lbs (25kg)", "supports up to 10 kg",
#: "load capacity 20kg"): what it holds, not what it weighs.
_LOAD_SAID = re.compile(
    r"\b(?:up ?to|withstands?|supports?|supporting|holds?|holding|bears?|bearing|load(?:s|ing)?|capacity|carry|carries|"
    r"max(?:imum)?)\b[^.|;:]{0,40}?\d+(?:\.\d+)?\s*(?:kgs?|g|lbs?|pounds)\b(?:\s*\(\s*\d+(?:\.\d+)?\s*(?:kgs?|g|lbs?)\s*\))?",
    re.IGNORECASE)


def _spec_value(item: Item, units: Sequence[str], part: str | None = None) -> tuple[float, str] | None:
    """The largest number the item's name or description states in one of ``units``, in the
    first unit ("6000mAh" -> (6000, "mah"); "1.2 kg" and "900 g" compare as kg), or None."""
    from chatrec.spec_filters import figures_in
    from chatrec.specs import specs

    # the name's figures first: a description also states what the item takes or is expandable to
    # ("64GB Storage" in the name, "expandable up to 512GB" in the description)
    found: list[tuple[float, str, float]] = []
    from chatrec.gaps_round8 import spec_part

    for text in (item.title, item.description or ""):
        text = spec_part(text, part)  # i12aw: "the most RAM" reads the RAM's figure, "the most storage" the others
        if units and units[0] in ("kg", "g"):  # stop 60: "withstand the weight of up to 55 lbs (25kg)" is no weight
            text = _LOAD_SAID.sub(" ", text)
        if units and units[0] == "hour":  # "32H Playtime", "Upto 13 Hours Battery"
            stated = figures_in(text, "hour")
            if stated:
                return max(stated)  # said as the item words it, in any language ("32H")
            continue
        found = [(number * _SPEC_FACTORS.get((units[0], unit), 1.0), unit, number)
                 for number, unit in specs(text) if unit in units]
        if found:
            break
    if not found:
        return None
    best = max(found)
    return best[0], f"{_number_text(best[2])} {_UNIT_NAMES.get(best[1], best[1])}"


_UNIT_NAMES = {"mah": "mAh", "inch": "inch", "gb": "GB", "tb": "TB", "kg": "kg", "g": "g", "w": "W", "kw": "kW",
               "mp": "MP", "l": "L", "ml": "ml"}


def _spec_superlative(text: str, items: Sequence[Item], positions: list[int], wording: Mapping[str, Any]) -> Answer | None:
    """"Which has the biggest battery?", "the lightest?": the shown item whose name or description
    states the most (or least) of a spec (mAh, inches, GB, kg...), with the others' figures; None
    when the message asks no such thing (or, for a bare "biggest", when no item states a size)."""
    rules = _spec_rules(text, wording)
    if not items or not rules:
        return None
    if len(items) == 1:  # "which one is the lightest?" with one laptop shown: its figure, not "the data is silent"
        rule = next((r for r, _ in rules if _spec_value(items[0], _units_of(r), r.get("part"))), None)
        value = _spec_value(items[0], _units_of(rule), rule.get("part")) if rule is not None and not rule.get("generic") \
            else None
        if rule is None or value is None:
            return None
        return Answer(wording["spec_only_one"].format(title=_short_title(items[0]), field=_name(rule["name"], wording),
                                                      value=value[1]), "best", positions)
    rule = next((r for r, _ in rules if any(_spec_value(i, _units_of(r), r.get("part")) for i in items)), rules[0][0])
    units = list(rule["units"])
    if rule.get("generic"):  # "the biggest one": the first unit some item states
        units = next(([u, *[v for a, v in _SPEC_FACTORS if a == u]] for u in units
                      if any(_spec_value(i, [u, *[v for a, v in _SPEC_FACTORS if a == u]]) for i in items)), [])
        if not units:
            return None
    else:
        units += [v for a, v in _SPEC_FACTORS if a == units[0] and v not in units]
    field = _name(rule["name"], wording)
    values = [(item, _spec_value(item, units, rule.get("part"))) for item in items]
    known = [(item, value) for item, value in values if value is not None]
    if not known:
        return Answer(_named_few(items, wording)
                      + wording["no_spec"].format(count=len(items), field=field, order=wording["spec_order"][rule["order"]]),
                      "unknown", positions, False)
    known.sort(key=lambda pair: pair[1][0], reverse=rule["order"] == "max")
    best_value = known[0][1][0]
    best = [item for item, (v, _) in known if v == best_value]
    shown = {id(item): said for item, (_, said) in known}
    others = [wording["other_value"].format(title=_short_title(i), value=said)
              for i, (v, said) in known if v != best_value]
    others += [wording["no_field_value"].format(title=_short_title(i), field=field) for i, value in values if value is None]
    if len(best) == len(items):
        return Answer(wording["superlative_all"].format(count=len(items), field=field, value=shown[id(best[0])]),
                      "best", positions)
    sentence = wording[f"superlative_{'tie_' if len(best) > 1 else ''}{rule['order']}"]
    return Answer(
        sentence.format(title=_short_title(best[0]), titles=_join([_short_title(i) for i in best], wording),
                        field=field, value=shown[id(best[0])],
                        others=wording["others_sep"].join(others)).replace("; .", ".").replace("；。", "。"),
        "best", [positions[items.index(item)] for item in best],
    )


def _units_of(rule: Mapping[str, Any]) -> list[str]:
    """A superlative rule's units with those compared in its first ("kg" with "g")."""
    units = list(rule["units"])
    return units + [v for a, v in _SPEC_FACTORS if a == units[0] and v not in units]


def figure_said(text: str, start: int, end: int) -> str:
    """i12aw: a figure as the text writes it, its word kept whole ("1500W" in "1.7L 1500W Kettle")."""
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(|,;":
        start -= 1
    while end < len(text) and not text[end].isspace() and text[end] not in ")|,;":
        end += 1
    return text[start:end].strip(" ,;:-–|./")


def snippet(text: str, start: int, end: int, before: int = 3, after: int = 3) -> str:
    """The words around ``text[start:end]`` within its clause ("|", ";", a sentence's end), at most
    ``before`` words before and ``after`` after, "…" where cut: what an answer quotes as evidence."""
    left = max(text.rfind(mark, 0, start) for mark in ("|", ";", ". ", "\n"))
    rights = [i for i in (text.find(mark, end) for mark in ("|", ";", ". ", "\n")) if i >= 0]
    clause_start, clause_end = left + 1 if left >= 0 else 0, min(rights) if rights else len(text)
    head, tail = text[clause_start:start].split(), text[end:clause_end].split()
    # the matched words stay whole: "6000mAh" in "6000mAh lithium-ion" is not cut in two
    if head and not text[start - 1:start].isspace() and start > clause_start:
        head, matched = head[:-1], head[-1]
    else:
        matched = ""
    if tail and not text[end:end + 1].isspace():
        tail, closing = tail[1:], tail[0]
    else:
        closing = ""
    quoted = " ".join([*head[-before:], matched + text[start:end] + closing, *tail[:after]]).strip(" ,;:-–|")
    return ("…" if len(head) > before else "") + quoted + ("…" if len(tail) > after else "")


def _part_quote(where: str, source: str, part: str, units: Sequence[str], figures: list[str]) -> tuple[str, str] | None:
    """The figure of ``part`` a text states (the first RAM figure; the largest storage one: every figure that
    is no RAM), quoted
    as it is written, its figure appended to ``figures``; None when it states none (i12bb)."""
    from chatrec.gaps_round8 import spec_part
    from chatrec.specs import spec_matches

    text = spec_part(source, part)
    found = [(float(number.group(0)) * _SPEC_FACTORS.get((units[0], unit), 1.0), start, end)
             for start, end, unit in spec_matches(text)
             if unit in units and (number := re.match(r"\d+(?:\.\d+)?", text[start:end])) is not None]
    if not found:
        return None
    _, start, end = found[0] if part == "ram" else max(found)  # "8GB RAM ... Upto 16GB RAM with RAM Plus"
    figures.append(re.sub(r"\s+", " ", text[start:end].lower()))
    return where, figure_said(text, start, end).lstrip("+/ ")  # "4GB RAM+128GB": the figure, not its joint


#: "is it 5g?", "4g": a network generation, not grams.
_NETWORK = re.compile(r"\b[2-6]g\b")


def _price_line(item: Item, wording: Mapping[str, Any], currency: str | None = None) -> str:
    """"X costs 1,490 INR.", with "(about $18 at an approximate exchange rate)" when the shopper named another
    currency (stop 45), or that the catalogue has no price for it."""
    if item.price is None:
        return str(wording["no_price"].format(title=_short_title(item)))
    if currency and item.currency and currency != item.currency and "price_about" in wording:
        amount = convert(float(item.price), item.currency, currency, DEFAULT_RATES)
        if amount is not None:
            rounded = round(amount) if amount >= 10 else round(amount, 2)  # an approximate figure: "about $18"
            return str(wording["price_about"].format(title=_short_title(item), price=_price_text(item),
                                                     converted=format_amount(rounded, currency)))
    return str(wording["price"].format(title=_short_title(item), price=_price_text(item)))


def _budget_answer(question: str, items: Sequence[Item], positions: list[int], wording: Mapping[str, Any]) -> Answer | None:
    """"Is the second one under 20000?", "does it cost more than 1000?", "¿el segundo cuesta menos de 500?": yes
    or no per item from its price, the price said; None when the question states no price bound, a figure with a
    unit ("under 2 kg") or a currency the catalogue's prices are not in."""
    if specs(question):
        return None
    bound, _ = parse_budget(fold(question))
    if bound.low is None and bound.high is None:
        return None
    prices = [float(item.price) for item in items if item.price is not None]
    figure = bound.high if bound.high is not None else bound.low
    said_price = bool(bound.currency) or _has_phrase(fold(question), [fold(w) for w in wording["price_words"]])
    plausible = figure is not None and (min(prices) / 10 <= figure <= max(prices) * 10 if prices else figure >= 100)
    if not said_price and not plausible:
        return None  # "is it ok for kids under 5?", "can it hold more than 10 books?": no price at all
    if len(items) > 1 and not prices and "no_price_many" in wording:
        return Answer(wording["no_price_many"].format(count=len(items)), "price", positions, False)
    lines = []
    for item in items:
        if item.price is None:
            lines.append(_price_line(item, wording))
            continue
        low, high = bound.low, bound.high
        if bound.currency and item.currency and bound.currency != item.currency:  # "under 100 euro" of rupee prices
            low, high = (None if v is None else convert(v, bound.currency, item.currency, DEFAULT_RATES) for v in (low, high))
            if (low is None) != (bound.low is None) or (high is None) != (bound.high is None):
                return None  # a currency with no rate: no guess
        within = (low is None or item.price >= low) and (high is None or item.price <= high)
        word = wording["yes_word"] if within else wording["no_word"]
        lines.append(f"{word}{'' if _HAN.search(word) else ' '}{_price_line(item, wording, bound.currency)}")
    return Answer(" ".join(lines), "price", positions, any(item.price is not None for item in items))


def _spec_question(text: str, items: Sequence[Item], positions: list[int], wording: Mapping[str, Any]) -> Answer | None:
    """"How big is the first one?", "how much RAM does it have?", "第一个多大尺寸？": the spec each
    item's name or description states, quoted with its words; None when the message asks no spec
    (``spec_questions`` in the wording) or no asked item states it (the general path then says so)."""
    from chatrec.specs import spec_matches

    rules = [*wording.get("spec_questions", [])]
    if wording.get("_language", "en") != "en":  # the lexicon writes some words in English ("ram", "battery")
        rules += _wording("en").get("spec_questions", [])
    # a size ("how big", "多大") is tried last: "内存多大" asks the storage, whichever language's rules come first
    rules = sorted(rules, key=lambda r: r.get("name") == "size" or bool(r.get("generic")))
    rule = next((r for r in rules if _has_phrase(text, r["words"])), None)
    if rule is None:  # stop 45: "is the fourth one 43 inches?", "第一个是43寸的吗": the unit names the spec
        # (not gigabytes: RAM or storage is the shopper's word to say)
        stated_units = [unit for _, unit in sorted(specs(_NETWORK.sub(" ", text))) if unit not in ("gb", "tb")]
        rule = next((r for unit in stated_units for r in rules if unit in r["units"]), None)
    if rule is None:
        return None
    units = [*rule["units"], *[v for u in rule["units"] for a, v in _SPEC_FACTORS if a == u and v not in rule["units"]]]
    # stop 45: "is the second one 55 inches?", "do you have the first in size 43?" of TVs: the figure asked,
    # answered yes or no from the figure the item states (was "does not say anything about “size”")
    asked = {number for number, unit in specs(_NETWORK.sub(" ", text)) if unit in units}
    if rule.get("name") == "size" and (bare := re.search(r"\bsize\s*(\d{1,3})\b", text)):
        asked.add(float(bare.group(1)))
    if re.match(r"\W*(?:and |so |but )?(?:is|are|does|do|can|has|have|will|would)\b", text) \
            and not asked and not _has_phrase(text, wording.get("quantity_words", [])):
        return None  # "is the battery removable?" asks yes or no, not for the battery's figure
    near = [w.lower() for w in rule.get("near", [])]
    field = _name(rule["name"], wording)
    lines, missing = [], []
    figures: list[str] = []
    for item in items:
        quote = None
        stated: set[float] = set()
        for where, source in (("name", item.title), ("description", item.description or "")):
            if rule.get("part"):  # i12bb: "(64 GB) (4 GB RAM)": RAM is the figure said with RAM, storage the others
                quote = _part_quote(where, source, rule["part"], units, figures)
            for match_start, match_end, unit in ([] if rule.get("part") else spec_matches(source)):
                if unit in units and (not near or any(w in source[match_end:match_end + 14].lower() for w in near)):
                    # i12aw: the figure itself ("1500W", "750 Watt"), not the words of the name around it
                    quote = (where, figure_said(source, match_start, match_end))
                    figures.append(re.sub(r"\s+", " ", source[match_start:match_end].lower()))
                    stated = {number for number, _ in specs(source[match_start:match_end])}
                    break
            if quote is None and rule.get("clause_words"):  # "25 Hrs Battery": a figure the units do not name
                for word in rule["clause_words"]:
                    found = re.search(rf"\b{re.escape(word)}\b", source, re.IGNORECASE)
                    if found and re.search(r"\d", snippet(source, found.start(), found.end())):
                        quote = (where, snippet(source, found.start(), found.end()))
                        break
            if quote is not None:
                break
        if quote is None:
            missing.append(item)
        else:
            line = wording["spec_said"].format(title=_short_title(item), field=field,
                                               where=wording["where_names"].get(quote[0], quote[0]), said=quote[1])
            if asked and stated and "yes_word" in wording:  # the figure asked is the figure stated, or not
                verdict = wording["yes_word"] if asked & stated else wording["no_word"]
                line = f"{verdict}{'' if verdict[-1] in '，：' else ' '}{line}"
            lines.append(line)
    if not lines:
        # "does it have a camera?" with no megapixels given: the general path quotes the word where the
        # data has it; only when no item's data names the spec at all is its absence the answer
        said = " ".join(f"{i.title} {i.description or ''}" for i in items).lower()
        if rule.get("generic") or any(_has_phrase(said, [w.lower()]) for w in [*rule["words"], *rule.get("clause_words", [])]):
            return None
        return Answer(wording["spec_unsaid"].format(titles=_join([_short_title(i) for i in items], wording), field=field),
                      "unknown", positions, False)
    if len(items) > 2 and len(figures) == len(items) and len(set(figures)) == 1 and "spec_all_same" in wording:
        # "what sizes do you have?" over five 32-inch TVs: one line, not five quotes of the same figure
        return Answer(wording["spec_all_same"].format(count=len(items), field=field, value=figures[0]), "attribute", positions)
    if missing:
        lines.append(wording["spec_unsaid"].format(titles=_join([_short_title(i) for i in missing], wording), field=field))
    return Answer(" ".join(lines), "attribute", positions)


def _named_few(items: Sequence[Item], wording: Mapping[str, Any], most: int = 2) -> str:
    """i12k: "A and B: " before a sentence about a few items the shopper pointed at ("is the second
    lighter than the first?"), so the reply says which items it speaks of; nothing for more."""
    if len(items) > most:
        return ""
    return _join([_short_title(i) for i in items], wording) + wording.get("names_sep", ": ")


def _show(value: str, wording: Mapping[str, Any]) -> str:
    """A catalogue value in the shopper's words where the lexicon has them ("Silver" -> "银色")."""
    language = str(wording.get("_language", "en"))
    if language == "en":
        return value
    native = Lexicon.default().native(value, language)
    if native:
        return written(native, language)  # i12ag: "Damen", "Sommer" in German; "schwarz" as it is
    return _phrases_of(language).summary_value(value)  # i12y: the shop's names ("in-ear" -> "入耳式耳机")


@lru_cache(maxsize=8)
def _phrases_of(language: str) -> Any:
    from chatrec.wording import Phrases

    return Phrases().language(language)


def _asked_colour(colour: str, wording: Mapping[str, Any]) -> str:
    """A colour the shopper asked about, in their words ("blue" -> "blau"; English stays as said)."""
    shown = _show(colour.title(), wording)
    return colour if shown == colour.title() else shown


def _facts_sentence(item: Item, wording: Mapping[str, Any]) -> str:
    # a product grouping ("department Electronics") and a list price describe the shop, not the item
    fields = [(_name(n, wording), v) for n, v in _english_fields(item) if n == "type" or not _GROUPING.search(n)]
    facts = [wording.get("fact", "{name} {value}").format(name=name, value=_show(value, wording))
             for name, value in fields[:5]]
    price = _price_text(item)
    if price:
        facts.append(price)
    if not facts:
        return str(wording["not_said"].format(title=_short_title(item), asked=""))
    return str(wording.get("sep", ", ").join(facts) + wording.get("stop", "."))


def _related(
    asked: list[str], item: Item, fields: list[tuple[str, str]], wording: Mapping[str, Any]
) -> tuple[str, str] | None:
    """Where the item's data states a word related to what is asked, and the words it uses.

    "waterproof" is not "IPX4" and "running" is not "Sports": the answer says what the data
    states and leaves the conclusion to the shopper (``related_words`` of the wording).
    """
    table: Mapping[str, Sequence[str]] = {**wording.get("related_words", {}), **wording.get("topic_related", {})}
    keys = [" ".join(asked), *asked]
    related = [word for key in keys for word in table.get(key, table.get(_singular(key), []))]
    for word in dict.fromkeys(related):
        pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)
        for name, value in fields:
            if pattern.search(value):
                return name, value
        for label, source in (("name", item.title), ("description", item.description)):
            match = pattern.search(source)
            if match:
                return label, match.group()
    return None


@lru_cache(maxsize=1)
def _same_feature_patterns() -> tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]:
    """Each ``same_features`` group of the English wording with the pattern of its spellings, compiled once."""
    groups = [tuple(group) for group in _wording("en").get("same_features", [])]
    return tuple((group, re.compile("(?<![\\w-])(?:" + "|".join(re.escape(said).replace(r"\ ", r"[\s-]+") for said in group)
                                    + ")(?![\\w-])", re.IGNORECASE)) for group in groups)


def _same_feature(asked: Sequence[str], item: Item, english: bool = True) -> tuple[str, str] | None:
    """Stop 53: where the item's name or description states what was asked in other words that mean the same
    ("ANC" or "Noise Cancellation" for "noise cancelling"; "Fast Charging" for "does it charge fast?"), with the
    words as written: ``same_features`` of the English wording (waterproof and water resistant are not the same,
    and stay ``related_words``); None when the question names none of them or the item states none as its own."""
    from chatrec.specs import item_states

    phrase = " ".join(asked)
    if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", f"{item.title} {item.description or ''}", re.IGNORECASE):
        return None  # said as asked: answered as before, in the words asked ("wireless" of a "Wireless Mouse")
    for group, pattern in _same_feature_patterns():
        if not any(re.search(rf"\b{re.escape(said)}\b", phrase) for said in group):
            continue
        for label, source in (("name", item.title), ("description", item.description or "")):
            found = item_states(pattern, source, str(item.category or ""))
            if found is not None:  # as asked in English when only the case differs ("fast charging"), else as written
                said_so = english and re.search(rf"\b{re.escape(found.group().lower())}\b", phrase)
                return label, found.group().lower() if said_so else found.group()
    return None


def _of_the_microphone(asked: Sequence[str], item: Item) -> tuple[str, str] | None:
    """Stop 66: where the item's name or description states the feature asked about only as its microphone's
    ("Noise Cancelling Microphone"), with the words as written; None when it states it as its own anywhere, or not at
    all, or the item is a microphone."""
    from chatrec.specs import _feature_patterns, item_states, said_of_the_mic, spellings_of

    words = [w for w in asked if w not in _ASK_VERBS]
    spellings = next((found for start in range(len(words)) if (found := spellings_of(" ".join(words[start:])))), ())
    if not spellings or "mic" in str(item.category or "").lower():
        return None
    pattern = next(p for name, p in _feature_patterns() if name == spellings[0])  # compiled once, in chatrec.specs
    sources = (("name", item.title), ("description", item.description or ""))
    if any(item_states(pattern, source) for _, source in sources):
        return None
    return next(((label, said) for label, source in sources if (said := said_of_the_mic(pattern, source))), None)


def _related_shown(related: tuple[str, str], wording: Mapping[str, Any]) -> str:
    """Stop 60: the related words as the answer quotes them: a name's or description's words as written ("Power
    Delivery", not the shop word's Chinese "包邮"), a field's value in the shopper's language."""
    return related[1] if related[0] in ("name", "description") else _show(related[1], wording)


def _absent(asked: Sequence[str], item: Item) -> tuple[str, str] | None:
    """Stop 60: where the item's name (else, when its name does not say the thing, its description) says it lacks
    what the question asks about ("Without Mic" for "does it have a mic?"), with the words as written."""
    from chatrec.absent_features import said_absent

    words = [w for w in asked if w not in _ASK_VERBS]
    for word in dict.fromkeys([" ".join(words), *words]) if words else ():
        if len(word) < 3:
            continue
        found = said_absent(item.title, word)
        if found is not None:
            return "name", found
        if not re.search(rf"(?<![\w-]){re.escape(word)}", item.title, re.IGNORECASE):
            found = said_absent(item.description or "", word)
            if found is not None:
                return "description", found
    return None


def _contrary(asked: list[str], item: Item, wording: Mapping[str, Any]) -> tuple[str, str] | None:
    """i12y: where the item's name or description states the opposite of what a yes/no question asks
    ("HD Ready" for "4k", "Wired" for "wireless": ``contrary_words``), with the words as written."""
    table: Mapping[str, Sequence[str]] = _wording("en").get("contrary_words", {})
    keys = [" ".join(asked), *asked]
    contrary = [word for key in keys for word in table.get(key, table.get(_singular(key), []))]
    colours = [str(c) for c in _wording("en")["colour_words"]]
    if len(asked) == 1 and asked[0] in colours:  # "is the third one white?" of a cable "(RCT15, Blue)"
        contrary += [c for c in colours if c != asked[0] and not (c in asked[0] or asked[0] in c)]
    for word in dict.fromkeys(contrary):
        spelled = re.escape(word).replace(r"\ ", r"[\s-]+")  # "hd ready" also as "HD-Ready"
        pattern = re.compile(rf"(?<![\w-]){spelled}(?![\w-])", re.IGNORECASE)
        for label, source in (("name", item.title), ("description", item.description or "")):
            match = pattern.search(source)
            if match:
                return label, match.group()
    return None


def _forms(value: str) -> set[str]:
    return {w for t in _tokens(value) for w in (t, _singular(t))}


def _whole(asked: Sequence[str], value: str) -> bool:
    """i12o: a value of several words answers a question of several words only when it has them all:
    "TP-Link" answers "are any of these TP-Link?", "D-Link" does not (both end in "link")."""
    words = _tokens(value)
    if len(asked) < 2 or len(words) < 2:
        return True
    have = _forms(value)
    return all(a in have or _singular(a) in have for a in asked)


#: The word "colour" as a question about an item says it, in the languages of the answers.
_COLOUR_NOUNS = frozenset({"colour", "colours", "color", "colors", "farbe", "farben", "colores", "颜色", "顏色"})


def _colour_in_name(title: str, colours: set[str]) -> str | None:
    """The colour a name states, as written: the short part of the name holding a colour word ("Carbon Black"
    of "Redmi 9 Activ (Carbon Black, 4GB RAM, 64GB Storage)"), else the colour word; None without one."""
    for part in re.split(r"[(),|/\[\]]", title):
        words = part.split()
        if any(w.lower().strip(".-") in colours for w in words):
            if len(words) <= 3:
                return part.strip()
            return next(w.strip(".-") for w in words if w.lower().strip(".-") in colours)
    return None


def _other_field_value(asked: Sequence[str], item: Item, wording: Mapping[str, Any]) -> tuple[str, str] | None:
    """The field (English name) whose catalogue values include what was asked ("formal" of usage) and the other
    value the item has there ("Casual"), else None. Only words the item's name and description do not say."""
    values: Mapping[str, Iterable[str]] = wording.get("_field_values") or {}
    if not asked or not values or len(asked) > 3:
        return None
    phrase = " ".join(_singular(w) for w in asked)
    text = {_singular(t) for t in _tokens(f"{item.title} {item.description or ''}")}
    if all(_singular(w) in text for w in asked):
        return None  # its name or description says it: that answer comes next
    for name, known in values.items():
        own = item.field_value(name)
        if not isinstance(own, str) or not own or _GROUPING.search(name.lower()) or name.lower() == "brand":
            continue
        if any(" ".join(_singular(t) for t in _tokens(str(v))) == phrase for v in known) \
                and " ".join(_singular(t) for t in _tokens(own)) != phrase:
            return _display(name).lower(), own
    return None


def _joined_tokens(text: str | None) -> list[str]:
    """The words of a text, and each two neighbours written as one ("Wi-Fi" and "blue tooth" also give
    "wifi" and "bluetooth"): stop 52, "¿el segundo tiene wifi?" of a TV whose description says "Dual-band
    Wi-Fi" was answered that its data says nothing about wifi."""
    words = _tokens(text or "")
    return [*words, *(a + b for a, b in zip(words, words[1:]) if a.isalpha() and b.isalpha())]


def _written_as(found: str, source: str) -> str:
    """The words found as the text writes them when it writes them apart or joined otherwise ("wifi" and "wi
    fi" of a text saying "Wi-Fi"), else as found."""
    words = found.split()
    apart = re.search(r"\b" + r"\W+".join(re.escape(w) for w in words) + r"\b", source, re.IGNORECASE)
    if apart is not None:
        return found if apart.group(0).lower() == found else apart.group(0)
    joined = "".join(words)
    spelt = re.search(r"\b" + r"[\W_]?".join(map(re.escape, joined)) + r"\b", source, re.IGNORECASE)
    return spelt.group(0) if spelt else found


def _attribute_answer(
    asked: list[str], items: Sequence[Item], positions: list[int], wording: Mapping[str, Any], *, counted: bool = False,
    yes_no: bool = False,
    question: str = "",
) -> Answer:
    """Look the question's content words up in each item's fields, title and description; with
    ``counted`` (the shopper asked how many or how much) a phrase found is quoted with its figure.
    i12y: with ``yes_no`` ("is the second one braided?") a word found is a "yes" and a word not
    found is said plainly, without listing every field."""
    while len(asked) > 1 and asked[-1] in _QUALIFIERS:  # stop 60: "is it wifi enabled?" asks about wifi
        asked = asked[:-1]
    phrase = " ".join(asked)
    said_as = _said(asked, question, wording)  # "编织", not "braided", in a Chinese answer (i12y); "材质" for material
    plain = yes_no  # i12y: a yes/no question, about one item or several, is answered without listing every field
    yes_no = yes_no and len(items) == 1  # "do any of them have X?": per item what its data says, no one "yes"
    forms = {w for a in asked for w in (a, _singular(a))}
    forms |= {"colour" for w in forms if w == "color"}
    # "noise cancellation": its last word is what is asked; the brand "Noise" answers nothing.
    head = {asked[-1], _singular(asked[-1])} if len(asked) > 1 else forms
    colours = set(wording["colour_words"])
    lines: list[str] = []
    supported = False
    other_values: list[str] = []
    unsaid: list[tuple[int, str]] = []
    not_said = 0
    # i12o: a question naming a value of several words ("TP-Link") is answered by that value only, never by
    # its last word in a name ("D-Link ...: its name mentions link")
    strict = len(asked) >= 2 and any(len(_tokens(v)) >= 2 and _whole(asked, v)
                                     for item in items for _, v in _fields(item, wording))
    for item in items:
        title = _short_title(item)
        named = next(((n, v) for n, v in _english_fields(item) if forms & set(_tokens(n))), None)
        if named is None and "brand" in forms and item.title.split():
            # a catalogue without a brand field: titles open with the brand ("Globalite Women ...")
            lines.append(wording["brand_from_title"].format(title=title, word=item.title.split()[0]))
            supported = True
            continue
        said_colour = _colour_in_name(item.title, colours) if named is None and forms & _COLOUR_NOUNS else None
        if said_colour is not None:  # lead: "what colour is the second one?" with no colour field: its name says it
            lines.append(wording["colour_from_title"].format(title=title, word=said_colour))
            supported = True
            continue
        if named is not None:
            # "what colour is the first?": the field the question names, with its value.
            lines.append(
                wording["field_value"].format(title=title, field=_name(named[0], wording), value=_show(named[1], wording))
            )
            supported = True
            continue
        fields = _fields(item, wording)
        hit = next(((n, v) for n, v in fields if head & _forms(v) and _whole(asked, v)), None)
        if hit is not None:
            lines.append(wording["yes_value"].format(title=title, value=_show(hit[1], wording), field=hit[0]))
            supported = True
            continue
        kind = next(((n, v) for (n, v), (english, _) in zip(fields, _english_fields(item))
                     if english in ("type", "category") and len(asked) >= 2 and head & _forms(v)), None)
        if kind is not None and re.search(rf"\b{re.escape(phrase)}\b", " ".join(_tokens(item.title))):
            kind = None  # i12af: "is it micro usb?" of a "Type-C & Micro USB" cable: its name says so, whatever its type
        if kind is not None:  # "is it a smart tv?" of a standard television: the kind it is listed as
            lines.append(wording["other_kind"].format(title=title, value=_show(kind[1], wording), field=kind[0],
                                                      asked=said_as))
            supported = True
            continue
        if forms & colours:
            # the field's English name says it is a colour ("Farbe" is "base colour")
            colour = next(((n, v) for (n, v), (english, _) in zip(fields, _english_fields(item)) if "colo" in english), None)
            listed = {w for (english, v) in _english_fields(item) if "colo" in english for w in _tokens(v)}
            if colour is not None and forms & colours <= listed:  # stop 41: "is it all navy?" of Navy Blue: no "not navy"
                lines.append(wording["field_value"].format(title=title, field=colour[0], value=_show(colour[1], wording)))
                also = [w for w in dict.fromkeys(_tokens(item.title)) if w in colours and w not in listed]
                if also:  # "Navy Blue and White T-shirt": its name says the other colour
                    lines.append(wording["found_in_text"].format(title=title, where=wording["where_names"].get("name", "name"),
                                                                 asked=_join(also, wording)))
                supported = True
                continue
            if colour is not None:
                other_values.append(f"{colour[1]} ({colour[0]})")
                lines.append(wording["no_value"].format(title=title, value=_show(colour[1], wording), field=colour[0],
                                                        asked=_join([_asked_colour(c, wording) for c in sorted(forms & colours)], wording)))
                supported = True
                continue
        other = _other_field_value(asked, item, wording)
        if other is not None:  # stop 41: "is it formal?" of a shirt listed as Casual: no, as its usage says
            lines.append(wording["other_kind"].format(title=title, value=_show(other[1], wording),
                                                      field=_name(other[0], wording), asked=said_as))
            supported = True
            continue
        absent = _absent(asked, item)
        if absent is not None:  # stop 60: "does it have a mic?" of headphones "..., Without Mic": no, as its name says
            lines.append(wording["no_in_text"].format(title=title, where=wording["where_names"].get(absent[0], absent[0]),
                                                      found=absent[1], asked=said_as))
            supported = True
            continue
        mic = _of_the_microphone(asked, item) if yes_no else None
        if mic is not None:  # stop 66: "noise cancelling?" of earphones with a "Noise Cancelling Microphone"
            lines.append(wording["of_the_mic"].format(title=title, where=wording["where_names"].get(mic[0], mic[0]),
                                                      found=mic[1]))
            supported = True
            continue
        same = _same_feature(asked, item, wording.get("_language", "en") == "en")
        if same is not None:  # stop 53: "does it have noise cancellation?" of earbuds whose name says "ANC"
            lines.append(wording["yes_in_text" if yes_no and "yes_in_text" in wording else "found_in_text"].format(
                title=title, where=wording["where_names"].get(same[0], same[0]), asked=same[1]))
            supported = True
            continue
        where = next((label for label, source in (("name", item.title), ("description", item.description))
                      if head & {w for t in _joined_tokens(source) for w in (t, _singular(t))}
                      and (not strict or re.search(rf"\b{re.escape(phrase)}\b", " ".join(_tokens(source))))), None)
        if where is not None:  # quote the words the text has ("battery"), not all that was asked ("biggest battery")
            said = " ".join(_tokens(item.title if where == "name" else item.description))
            # the longest end of the question the text says as written ("fast charging", not "support charging")
            found = next((" ".join(asked[start:]) for start in range(len(asked))
                          if re.search(rf"\b{re.escape(' '.join(asked[start:]))}", said)), asked[-1])
            source = item.title if where == "name" else item.description or ""
            written = re.search(r"\W+".join(re.escape(w) for w in found.split()), source, re.IGNORECASE) if counted else None
            if written is not None and re.search(r"\d", snippet(source, written.start(), written.end())):
                found = snippet(source, written.start(), written.end())  # "…with 3 HDMI ports to connect…"
            said_in = "yes_in_text" if yes_no and "yes_in_text" in wording and not counted else "found_in_text"
            needed = [w for w in asked if w not in _ASK_VERBS][-2:]  # "support fast charging": "fast charging"
            if said_in == "yes_in_text" and not set(needed) <= set(found.lower().split()):
                # "fast charging?" of a text saying only "charging": no yes; a related word said whole comes
                # first ("sweat resistant?" of a name saying "Water Resistant": that, not "resistant")
                related = _related(asked, item, fields, wording)
                if related is not None:
                    sentence = wording["found_related" if related[0] in ("name", "description") else "found_related_field"]
                    lines.append(sentence.format(title=title, asked=said_as, found=_related_shown(related, wording),
                                                 where=wording["where_names"].get(related[0], related[0])))
                    continue
                lines.append(wording["partial_in_text"].format(
                    title=title, where=wording["where_names"].get(where, where), found=found, asked=said_as))
                continue
            lines.append(wording[said_in].format(title=title, where=wording["where_names"].get(where, where),
                                                 asked=_written_as(found, source)))  # "Wi-Fi", not "wifi" as asked
            supported = True
            continue
        contrary = _contrary(asked, item, wording) if yes_no else None
        if contrary is not None:  # i12y: "is it 4K?" of an "HD Ready" TV: no, with the words its data uses
            lines.append(wording["no_in_text"].format(title=title, where=wording["where_names"].get(contrary[0], contrary[0]),
                                                      found=contrary[1], asked=said_as))
            supported = True
            continue
        related = _related(asked, item, fields, wording)
        if related is not None:  # "waterproof?": not said, but the name says "IPX4"
            sentence = wording["found_related" if related[0] in ("name", "description") else "found_related_field"]
            where = wording["where_names"].get(related[0], related[0])
            lines.append(sentence.format(title=title, asked=said_as, where=where, found=_related_shown(related, wording)))
            continue
        # what the data does say, without the shop's grouping ("department Computers&Accessories")
        telling = [(n, v) for (n, v), (english, _) in zip(fields, _english_fields(item))
                   if english in ("type", "brand") or not _GROUPING.search(english)]
        known = wording.get("sep", ", ").join(
            wording.get("fact", "{name} {value}").format(name=n, value=_show(v, wording)) for n, v in telling[:4]
        )
        template = "not_said_known" if known and not plain else "not_said"
        lines.append(wording[template].format(title=title, asked=said_as, facts=known))
        unsaid.append((len(lines) - 1, title))
        not_said += 1
    if len(items) > 1 and not_said == len(items):  # "which is lightest?": one line, not one per item
        lines = [_named_few(items, wording) + wording["none_said"].format(count=len(items), asked=said_as)]
    elif len(items) > 1 and len(unsaid) > 1:  # "do any have noise cancellation?": the silent ones in one line
        dropped = {index for index, _ in unsaid}
        lines = [line for index, line in enumerate(lines) if index not in dropped]
        lines.append(wording["some_not_said"].format(titles=_join([t for _, t in unsaid], wording), asked=said_as))
    if len(items) > 1 and len(other_values) == len(items):
        lines = [wording["none_value"].format(
            count=len(items), asked=_join([_asked_colour(c, wording) for c in sorted(forms & colours)], wording),
            values=_join(list(dict.fromkeys(other_values)), wording),
        )]
    return Answer(" ".join(lines), "attribute" if supported else "unknown", positions, supported)


#: Public names of helpers other modules build on (the list orders of :mod:`chatrec.gaps_round15`).
wording_for = _wording
field_name = _name
figure_of = _field_named
number_text = _number_text
asked_superlative = _asked_superlative
