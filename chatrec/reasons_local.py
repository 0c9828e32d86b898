"""Reasons in the shopper's language: the template's facts, put together in that language's words.

The English template (:class:`chatrec.grounding.FactWriter`) writes "A black casual shoe for men,
made for summer — the type, colour and gender you asked for." A shopper writing in another
language gets the same facts, and only those, in that language's word order:
"男士款黑色休闲鞋，适合夏季——符合您要的类型、颜色和性别。" (zh), "Zapatos informales de color negro
para hombre, para verano — coincide con lo que pediste: tipo, color y público." (es), "Freizeitschuhe
in Schwarz für Herren, passend für Sommer — passt zu Ihrem Wunsch: Art, Farbe und Zielgruppe." (de).
One writer serves every language; the pieces, the order of the head words and the values come
from ``prompts/<language>/reasons.json``. Catalogue values are shown in the shopper's words where
the file's ``values`` table or the lexicon has them, else as the catalogue spells them. Nothing is
added to the facts, and :meth:`LocalFactWriter.check` verifies it: every word of a localised reason
is the wording file's own, a value of the item (as the catalogue spells it or as shown), or the
shopper's.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from chatrec.catalog import Item
from chatrec.errors import PromptError
from chatrec.grounding import (Fact, FactKinds, Request, check_reason, facts_for, format_number, repeated_phrases,
                               said_by_noun)
from chatrec.language import Lexicon
from chatrec.prompting import default_prompts_dir

__all__ = ["LocalFactWriter", "in_language", "local_writer"]

logger = logging.getLogger(__name__)

_LETTERS = re.compile(r"[^\W_]+")
_HEAD = ("brand", "gender", "colour", "noun")


#: A figure with thousands grouped by commas (also the Indian "1,78,912") or a decimal point: "24,269", "4.2".
_FIGURE = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{2,3})+(?:\.\d+)?(?![\d,])|(?<![\d.,])\d+\.\d+(?![\d.])")


class LocalFactWriter:
    """One sentence over an item's facts in ``language`` (a wording file ``prompts/<language>/reasons.json``).

    Besides the sentence pieces, the file may set ``head_order`` (the order of ``brand``, ``gender``,
    ``colour`` and ``noun`` in the sentence's head; default Chinese order), ``word_separator`` (the
    space between the head's words in languages written with spaces; without it, words are written
    together as in Chinese), ``capitalise_values`` (German nouns: "Schwarz", "Herren") and
    ``capitalise_first``.

    Args:
        language: The language code (``zh``, ``es``, ``de``).
        pieces: The wording file's content.
    """

    def __init__(self, language: str, pieces: dict[str, Any]) -> None:
        self.language = language
        self.pieces = pieces
        missing = [name for name in ("tail_matched", "tail_unmatched", "kinds") if name not in pieces]
        if missing:
            raise PromptError(f"the {language} reason wording lacks {', '.join(missing)}")
        order = pieces.get("head_order", list(_HEAD))
        if not isinstance(order, list) or sorted(order) != sorted(_HEAD):
            raise PromptError(f"the {language} reason wording's head_order must list {', '.join(_HEAD)} once each")
        self.head_order: list[str] = order
        self._shown: dict[str, str] = {}
        self._own = self._own_phrases()

    def show(self, value: str) -> str:
        """A catalogue value in the shopper's words ("Black" -> "黑色", "negro"), else as it is."""
        known = self._shown.get(value)
        if known is not None:
            return known
        shown = self._native(value)
        if self.pieces.get("capitalise_values") and shown[:1].islower():
            shown = shown[:1].upper() + shown[1:]
        if len(self._shown) < 4096:  # the lexicon lookup walks the language's table: once per value
            self._shown[value] = shown
        return shown

    def _native(self, value: str) -> str:
        table = self.pieces.get("values", {})
        for form in (value.lower(), value.lower() + "s", value.lower() + "es"):  # i12v: "remote control(s)"
            if form in table:
                return str(table[form])
        lexicon = Lexicon.default()
        for form in (value, value + "s", value + "es"):  # a type is said in the singular ("watch")
            if (native := lexicon.native(form, self.language)) is not None:
                return native
        return value

    def _in_currency(self, text: str) -> str:
        """i12v: an amount with its currency as this language names it ("8,499 INR" -> "8,499 卢比"), else as it is."""
        amount, _, code = str(text).rpartition(" ")
        named = self.pieces.get("currencies", {}).get(code) if amount else None
        return f"{amount} {named}" if named else str(text)

    def piece(self, name: str, **values: str) -> str:
        return str(self.pieces.get(name, "")).format(**values)

    def figures(self, text: str) -> str:
        """The figures of ``text`` as this language writes them (:meth:`_figures`)."""
        return self._figures(text)

    def _figures(self, text: str) -> str:
        """Stop 44: the figures of a price or a rating written as this language writes them ("24,269" and "4.2"
        -> "24.269" and "4,2" in German and Spanish; the Indian "1,78,912" grouped in thousands), else as they are."""
        thousands, decimal = self.pieces.get("thousands_separator"), self.pieces.get("decimal_separator")
        if not thousands or not decimal:
            return text

        def one(found: re.Match[str]) -> str:
            whole, _, fraction = found.group(0).partition(".")
            digits = whole.replace(",", "")
            grouped = format_number(float(digits)).replace(",", str(thousands)) if digits.isdigit() else whole
            return grouped + (f"{decimal}{fraction}" if fraction else "")

        return _FIGURE.sub(one, text)

    def _join(self, words: Sequence[str]) -> str:
        if len(words) <= 1:
            return "".join(words)
        return f"{self.pieces.get('list_separator', ', ').join(words[:-1])}{self.pieces.get('and', ' and ')}{words[-1]}"

    def write(self, facts: Sequence[Fact]) -> str:
        """The sentence for these facts (the same facts the English template would state)."""
        kinds = FactKinds(facts)
        by_kind, first = kinds.groups, kinds.first

        colour, kind_type, brand, gender = first("colour"), first("type"), first("brand"), first("gender")
        words = {"noun": self.show(kind_type.value) if kind_type else str(self.pieces.get("fallback_noun", ""))}
        if colour:
            words["colour"] = self.piece("with_colour", colour=self.show(colour.value)) if "with_colour" in self.pieces \
                else self.show(colour.value)
        if gender and gender.value.lower() != "unisex":
            words["gender"] = self.piece("for_gender", gender=self.show(gender.value))
        if brand and brand.value.lower() not in (kind_type.value.lower() if kind_type else ""):
            words["brand"] = self.piece("by_brand", brand=brand.value)
        head = self._head([words[name] for name in self.head_order if words.get(name)])
        clauses = []
        occasions = [self.show(f.value) for f in by_kind.get("season", [])[:1]]
        occasions += [self.piece("usage", usage=self.show(f.value)) for f in by_kind.get("usage", [])[:1]]
        if occasions:
            clauses.append(self.piece("made_for", occasions=self._join(occasions)))
        for fact in by_kind.get("material", [])[:1] + by_kind.get("attribute", [])[:2]:
            if fact.kind != "attribute" or not said_by_noun(self.show(fact.value), words["noun"]):
                clauses.append(self.show(fact.value))  # "包" beside "手提包": the noun says it already
        price = first("price")
        if price:
            off = first("discount")
            percent, _, listed = off.value.partition("|") if off is not None else ("", "", "")
            clauses.append(self.piece("at_price", price=self._figures(self._in_currency(price.value)))  # i12v: INR -> 卢比
                           + (self.piece("within_budget") if price.matched else "")
                           + (self.piece("below_list", percent=percent, price=self._figures(self._in_currency(listed)))
                              if off is not None else ""))  # stop 46
        rating = first("rating")
        if rating:
            value, _, count = rating.value.partition("|")
            clauses.append(self.piece("rated_by", rating=self._figures(value), count=self._figures(count)) if count
                           else self.piece("rated", rating=self._figures(value)))
        features = [f.value for f in by_kind.get("feature", []) if f.name != "title"]
        if features:
            clauses.append(self.piece("feature", feature=self._join(features)))
        named = [f.value for f in by_kind.get("feature", []) if f.name == "title"]
        if named:
            clauses.append(self.piece("feature_title", feature=self._join(named)))
        separator = str(self.pieces.get("clause_separator", ", "))
        sentence = separator.join([head, *clauses])
        kinds = self.pieces["kinds"]
        matched = list(dict.fromkeys(str(kinds.get(f.kind, f.kind)) for f in facts if f.matched))
        tail = self.piece("tail_matched", kinds=self._join(matched)) if matched else self.piece("tail_unmatched")
        sentence += tail
        if self.pieces.get("capitalise_first"):
            sentence = sentence[:1].upper() + sentence[1:]
        return sentence

    def _head(self, words: Sequence[str]) -> str:
        separator = self.pieces.get("word_separator")
        if separator is not None:
            return str(separator).join(w.strip() for w in words)
        head = ""
        for word in words:
            head = _glue(head, word)
        return head

    def check(self, reason: str, item: Item, request: Request) -> list[str]:
        """What keeps a localised reason from being shown; empty when every word is grounded.

        A word is grounded when it is the wording file's own (its pieces and fact-kind names), a
        value of ``item`` as the catalogue spells it or as :meth:`show` shows it, a word of the
        item's data (the English grounding check's support), or the shopper's own word.

        Returns:
            Problems, each starting with its kind: ``unsupported`` or ``repeated``.
        """
        own = self._own
        values = [s for value in _item_values(item, request) for s in (value, self.show(value), self._in_currency(value))]
        spaced = self.pieces.get("word_separator") is not None
        text = reason.lower()
        if spaced:
            allowed = {w for phrase in [*own, *values, request.text] for w in _LETTERS.findall(phrase.lower())}
            left = [w for w in _LETTERS.findall(text) if w not in allowed]
        else:  # written without spaces: take out the known phrases, longest first
            # the item's name words as written ("Mod'acc", quoted in 商品名含“Mod'acc”) are its own data
            title_words = [w.strip("“”\"()[],") for w in item.title.split()]
            for phrase in sorted({p.lower() for p in [*own, *values, *title_words] if p.strip()}, key=len, reverse=True):
                text = text.replace(phrase, " ")
            left = _LETTERS.findall(text)
        # What is left must be words of the item's data or the shopper's (the English check's support);
        # a word in another script or with accents has no such support.
        left = list(dict.fromkeys(left))
        plain, other = [w for w in left if w.isascii()], [w for w in left if not w.isascii()]
        problems = [p for p in check_reason(" ".join(plain), item, request) if p.startswith("unsupported")] if plain else []
        if other:
            problems.append(f"unsupported: {', '.join(other[:6])}")
        repeated = repeated_phrases(reason)
        if repeated:
            problems.append(f"repeated: {'; '.join(repeated[:3])}")
        return problems

    def _own_phrases(self) -> list[str]:
        """The wording file's own text: its pieces without their slots, and the fact-kind names."""
        own: list[str] = []
        for name, piece in self.pieces.items():
            if name in ("values", "_about"):
                continue
            texts: Iterable[Any] = piece.values() if isinstance(piece, dict) else [piece]
            own.extend(part for text in texts if isinstance(text, str) for part in re.split(r"\{[a-z_]+\}", text))
        return own


def _item_values(item: Item, request: Request) -> list[str]:
    """The item's values as a reason may state them: its facts and its raw fields."""
    values = [part for fact in facts_for(item, request) for part in fact.value.split("|")]
    values += [item.title, item.category, item.brand]
    for value in item.attributes.values():
        if isinstance(value, tuple):
            values.extend(str(v) for v in value)
        elif value is not None:
            values.append(str(value))
    return [v for v in values if v]


def in_language(
    writer: LocalFactWriter, explanations: Sequence[Any], facts: Sequence[Sequence[Fact]], items: Sequence[Item],
    request: Request,
) -> list[Any]:
    """The reasons written by ``writer`` from the items' facts, each checked (:meth:`LocalFactWriter.check`).

    A localised reason that fails the check is not shown: the item keeps its English reason (already
    checked), marked as a fallback with the problems found, so the reply's metadata counts it.
    """
    out = []
    for explanation, item_facts, item in zip(explanations, facts, items):
        text = writer.write(item_facts)
        problems = writer.check(text, item, request)
        if problems and any(f.kind == "feature" for f in item_facts):
            # a quoted name word is the usual cause: the reason without it, in the shopper's language
            plain = writer.write([f for f in item_facts if f.kind != "feature"])
            if not writer.check(plain, item, request):
                text, problems = plain, []
        if problems:
            logger.warning("the %s reason for item %s was not shown (%s): %s", writer.language, item.id,
                           "; ".join(problems), text)
            out.append(replace(explanation, fallback=True, problems=tuple(problems)))
        else:
            out.append(replace(explanation, text=text))
    return out


def _glue(first: str, second: str) -> str:
    """Two words written together as the language does ("黑色" + "手表"), with a space between
    two Latin-script words left in the catalogue's spelling ("Steel" + "watch")."""
    if first and second and first[-1].isascii() and first[-1].isalnum() and second[0].isascii() and second[0].isalnum():
        return f"{first} {second}"
    return first + second


@lru_cache(maxsize=8)
def _load(language: str, prompts_dir: str) -> LocalFactWriter | None:
    path = Path(prompts_dir) / language / "reasons.json"
    if not path.is_file():
        return None
    try:
        pieces = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PromptError(f"{path}: not a readable reason wording file ({exc})") from exc
    if not isinstance(pieces, dict):
        raise PromptError(f"{path}: a reason wording file holds one JSON object")
    currencies = path.parent / "currency_names.json"  # i12v: "15,490 卢比", as the wishes summary says it
    if currencies.is_file() and "currencies" not in pieces:
        try:
            names = json.loads(currencies.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise PromptError(f"{currencies}: not a readable currency names file ({exc})") from exc
        pieces = {**pieces, "currencies": {k: v for k, v in names.items() if not k.startswith("_")}}
    value_names = path.parent / "value_names.json"  # i12v: product types the lexicon has no word for ("遥控器")
    if value_names.is_file():
        try:
            names = json.loads(value_names.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise PromptError(f"{value_names}: not a readable value names file ({exc})") from exc
        extra = {k.lower(): v for k, v in names.items() if not k.startswith("_")}
        pieces = {**pieces, "values": {**extra, **pieces.get("values", {})}}
    return LocalFactWriter(language, pieces)


def local_writer(language: str, prompts_dir: Path | str | None = None) -> LocalFactWriter | None:
    """The reason writer of ``language``, or None when it has no ``prompts/<language>/reasons.json``
    (English and languages without one keep the English template)."""
    if language == "en":
        return None
    folder = Path(prompts_dir) if prompts_dir else default_prompts_dir()
    return _load(language, str(folder)) or (_load(language, str(default_prompts_dir())) if prompts_dir else None)
