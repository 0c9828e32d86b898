"""Reasons in the shopper's language: the template's facts, put together in that language's words.

The English template (:class:`chatrec.grounding.FactWriter`) writes "A black casual shoe for men,
made for summer — the type, colour and gender you asked for." A Chinese shopper gets the same
facts, and only those, in Chinese word order: "男士款黑色休闲鞋，适合夏季——符合您要的类型、颜色和性别。"
The pieces come from ``prompts/<language>/reasons.json``; catalogue values are shown in the
shopper's words where the lexicon or the file's ``values`` table has them, else as the catalogue
spells them. Nothing is added to the facts, so a reason stays grounded by construction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from chatrec.errors import PromptError
from chatrec.grounding import Fact, FactKinds
from chatrec.language import Lexicon
from chatrec.prompting import default_prompts_dir

__all__ = ["LocalFactWriter", "local_writer"]


class LocalFactWriter:
    """One sentence over an item's facts in ``language`` (a wording file ``prompts/<language>/reasons.json``).

    Args:
        language: The language code (``zh``).
        pieces: The wording file's content.
    """

    def __init__(self, language: str, pieces: dict[str, Any]) -> None:
        self.language = language
        self.pieces = pieces
        missing = [name for name in ("tail_matched", "tail_unmatched", "kinds") if name not in pieces]
        if missing:
            raise PromptError(f"the {language} reason wording lacks {', '.join(missing)}")

    def show(self, value: str) -> str:
        """A catalogue value in the shopper's words ("Black" -> "黑色"), else as it is."""
        table = self.pieces.get("values", {})
        if value.lower() in table:
            return str(table[value.lower()])
        lexicon = Lexicon.default()
        for form in (value, value + "s", value + "es"):  # a type is said in the singular ("watch")
            if (native := lexicon.native(form, self.language)) is not None:
                return native
        return value

    def piece(self, name: str, **values: str) -> str:
        return str(self.pieces.get(name, "")).format(**values)

    def _join(self, words: Sequence[str]) -> str:
        if len(words) <= 1:
            return "".join(words)
        return f"{self.pieces.get('list_separator', ', ').join(words[:-1])}{self.pieces.get('and', ' and ')}{words[-1]}"

    def write(self, facts: Sequence[Fact]) -> str:
        """The sentence for these facts (the same facts the English template would state)."""
        kinds = FactKinds(facts)
        by_kind, first = kinds.groups, kinds.first

        colour, kind_type, brand, gender = first("colour"), first("type"), first("brand"), first("gender")
        noun = self.show(kind_type.value) if kind_type else str(self.pieces.get("fallback_noun", ""))
        head = _glue(self.show(colour.value) if colour else "", noun)
        if gender and gender.value.lower() != "unisex":
            head = self.piece("for_gender", gender=self.show(gender.value)) + head
        if brand and brand.value.lower() not in (kind_type.value.lower() if kind_type else ""):
            head = self.piece("by_brand", brand=brand.value) + head
        clauses = []
        occasions = [self.show(f.value) for f in by_kind.get("season", [])[:1]]
        occasions += [self.piece("usage", usage=self.show(f.value)) for f in by_kind.get("usage", [])[:1]]
        if occasions:
            clauses.append(self.piece("made_for", occasions=self._join(occasions)))
        for fact in by_kind.get("material", [])[:1] + by_kind.get("attribute", [])[:2]:
            clauses.append(self.show(fact.value))
        price = first("price")
        if price:
            clauses.append(self.piece("at_price", price=price.value)
                           + (self.piece("within_budget") if price.matched else ""))
        rating = first("rating")
        if rating:
            value, _, count = rating.value.partition("|")
            clauses.append(self.piece("rated_by", rating=value, count=count) if count
                           else self.piece("rated", rating=value))
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
        return sentence + tail


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
    return LocalFactWriter(language, pieces)


def local_writer(language: str, prompts_dir: Path | str | None = None) -> LocalFactWriter | None:
    """The reason writer of ``language``, or None when it has no ``prompts/<language>/reasons.json``
    (English and languages without one keep the English template)."""
    if language == "en":
        return None
    folder = Path(prompts_dir) if prompts_dir else default_prompts_dir()
    return _load(language, str(folder)) or (_load(language, str(default_prompts_dir())) if prompts_dir else None)
