"""The assistant's wording: dialogue templates and customer-facing attribute names."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from chatrec.dialogue import Wishes
from chatrec.display import format_amount
from chatrec.errors import PromptError

__all__ = ["Phrases"]


class Phrases:
    """The assistant's wording: the templates ``prompts/dialogue_*.txt`` and attribute names.

    Templates are loaded and checked by :mod:`chatrec.prompting` (a missing variable is a
    :class:`~chatrec.errors.PromptError`); ``prompts/attribute_names.json`` maps field names
    to the words customers use ("baseColour" -> "colour").

    Args:
        folder: The prompts folder (default: the repository's ``prompts/``).
    """

    NAMES = (
        "question", "recommend", "empty", "relaxed", "profile", "because", "wish", "off_topic", "chitchat",
        "no_prices", "converted", "about_items", "no_cheaper", "other_language", "unread", "carry_on",
    )

    def __init__(self, folder: Path | None = None, code: str = "en") -> None:
        from chatrec.prompting import PromptLibrary, default_prompts_dir

        self.code = code
        self.folder = Path(folder) if folder is not None else default_prompts_dir()
        self._library = PromptLibrary(self.folder)
        for name in self.NAMES:
            self._library.get(f"dialogue_{name}")  # fail early on a broken file
        names_file = self.folder / "attribute_names.json"
        try:
            self.attribute_names: dict[str, str] = json.loads(names_file.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise PromptError(f"cannot read {names_file}: {exc}") from exc

    def language(self, code: str) -> Phrases:
        """The phrases in this language (``prompts/<code>/``), or these when there is no such folder."""
        cache: dict[str, Phrases] = self.__dict__.setdefault("_languages", {})
        if code not in cache:
            folder = self.folder / code
            exists = code != "en" and (folder / "dialogue_question.txt").exists()
            cache[code] = Phrases(folder, code) if exists else self
        return cache[code]

    def show_value(self, label: str) -> str:
        """A catalogue value as the shopper's language says it ("Black" -> "黑色" in Chinese), else as it is.

        Quick replies and the wishes in a reply use it; a clicked quick reply in the shopper's
        language reads back to the same value (:meth:`chatrec.language.Lexicon.native`).
        """
        if self.code == "en":
            return label
        from chatrec.german_nouns import written
        from chatrec.language import Lexicon

        native = Lexicon.default().native(label, self.code)
        return written(native, self.code) if native else label  # i12ag: German nouns with a capital

    def summary_value(self, label: str) -> str:
        """i12v: a value as the wishes summary says it, in ONE language: the shopper's word for the
        label, else for its last words ("Standard televisions" -> "电视", "televisor"), else the label.

        Only the summary falls back to the shorter words: a quick reply must read back to its value.
        """
        native = self.show_value(label)
        if self.code == "en" or native != label:
            return native
        named = self._json_table("value_names.json").get(label.lower())  # the shop's own names
        if named:
            return named
        from chatrec.language import Lexicon

        words = label.split()
        for start in range(1, len(words)):
            found = Lexicon.default().native(" ".join(words[start:]), self.code)
            if found:
                from chatrec.german_nouns import written

                return written(found, self.code)  # i12ag
        return label

    def currency_name(self, code: str | None) -> str | None:
        """i12v: a currency code as this language names it (``prompts/<lang>/currency_names.json``:
        "INR" -> "卢比"), else the code."""
        if code is None or self.code == "en":
            return code
        return str(self._json_table("currency_names.json", lower=False).get(code, code))

    def _json_table(self, name: str, lower: bool = True) -> dict[str, str]:
        """i12v: a name table of this language's folder (keys lower case with ``lower``), empty when absent."""
        cache: dict[str, dict[str, str]] = self.__dict__.setdefault("_tables", {})
        if name not in cache:
            path = self.folder / name
            try:
                data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
            except (OSError, json.JSONDecodeError) as exc:
                raise PromptError(f"cannot read {path}: {exc}") from exc
            cache[name] = {(k.lower() if lower else k): str(v) for k, v in data.items() if not k.startswith("_")}
        return cache[name]

    def render(self, name: str, **variables: Any) -> str:
        """Fill the template ``dialogue_<name>`` with its variables.

        Raises:
            PromptError: A variable is missing or unknown.
        """
        return self._library.render(f"dialogue_{name}", **variables)

    def attribute(self, name: str) -> str:
        """The customer-facing name of a field ("baseColour" -> "colour")."""
        if name in self.attribute_names:
            return self.attribute_names[name]
        return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).replace("_", " ").lower()

    def summary(self, state: Wishes, currency: str | None = None, labels: Any = None) -> str:
        """The wishes in force, in a few words ("Men, Tshirts, Blue, up to 40").

        ``labels`` (a :class:`~chatrec.labels.Labels`) shows values as shoppers read them
        ("USB cables"), and many values as the category path they share ("Home & kitchen");
        without it a category path shows its last segment as it is.
        """
        def show(value: str) -> str:
            return self.summary_value(str(labels.show(value)) if labels is not None else value.split("|")[-1])

        currency = self.currency_name(currency)  # i12v: "<= 20,000 卢比" in a Chinese reply

        from chatrec.colour_families import family_name, refused_family_name
        from chatrec.summary_names import narrowed_pair

        parts = []
        repeated = _said_twice(state.include)
        pair = narrowed_pair(state.include, show, self.code == "en")  # i12al: "In-ear headphones", not two labels
        for name, values in state.include.items():
            if name in repeated or pair is not None and name == pair[0]:
                continue
            if pair is not None and name == pair[1]:
                parts.append(self.render("wish", values=[pair[2]], count=1, negated=False))
                continue
            family = family_name(list(values), self.code) if "colour" in name.lower() or "color" in name.lower() else None
            if family:  # "dark colours", not "Navy Blue or 8 similar"
                parts.append(family)
                continue
            shared = labels.shared(list(values)) if labels is not None else None
            shown = [shared] if shared else list(dict.fromkeys(show(value) for value in values))
            head = _shared_head([str(labels.show(v)) if labels is not None else v.split("|")[-1] for v in values])
            if len(shown) > 2 and head:  # "Automobile chargers or 3 similar" -> "chargers"
                shown = [self.summary_value(head)]
            # "WallChargers or 3 similar" rather than a long list of close values.
            parts.append(self.render("wish", values=shown, count=len(shown), negated=False))
        budget = ""
        if state.min_price is not None and state.max_price is not None:
            budget = f"{format_amount(state.min_price)}-{format_amount(state.max_price, currency)}"
        elif state.max_price is not None:
            budget = f"<= {format_amount(state.max_price, currency)}"
        elif state.min_price is not None:
            budget = f">= {format_amount(state.min_price, currency)}"
        if budget:  # stop 59: "<= 21.990 INR" in German and Spanish, as their reasons write figures
            from chatrec.reasons_local import local_writer

            writer = local_writer(self.code) if self.code not in ("en", "zh") else None
            parts.append(writer.figures(budget) if writer is not None else budget)
        for name, values in state.exclude.items():
            refused = refused_family_name(list(values), self.code) if "colour" in name.lower() or "color" in name.lower() \
                else None
            if refused:  # "nothing too bright": "not bright colours", not five colours turned down one by one
                parts.append(refused[0] if refused[1] else self.render("wish", values=[refused[0]], count=1, negated=True))
                continue
            # one value spelt two ways by the catalogue ("Boat", "boAt") is said once
            said = list({show(value).casefold(): show(value) for value in values}.values())
            parts.extend(self.render("wish", values=[value], count=1, negated=True) for value in said)
        return ", ".join(dict.fromkeys(parts))  # stop 60: two fields read "funda" in Spanish: "funda", not "funda, funda"


def _said_twice(include: Mapping[str, Sequence[str]]) -> set[str]:
    """The product-type fields a summary leaves out because another type field says the same product:
    a kind narrowed to its types ("headphones": the subcategory, and In-ear, On-ear, Over-ear,
    Headsets) is named by the broad value; one narrowed to one or two types ("sneakers": Casual or
    Sports shoes) by those."""
    from chatrec.understanding import type_fields

    typed = [name for name in type_fields(list(include)) if include[name]]
    single = [name for name in typed if len(set(include[name])) == 1]
    many = [name for name in typed if len(set(include[name])) >= 2]
    if len(single) != 1 or not many:
        return set()
    return set(many) if all(len(set(include[name])) >= 3 for name in many) else set(single)


def _shared_head(labels: Sequence[str]) -> str | None:
    """The last word every label ends with ("Wall chargers", "Battery chargers" -> "chargers"), else None."""
    heads = {label.split()[-1].lower() for label in labels if label.split()}
    if len(heads) != 1 or len(labels) < 2:
        return None
    head = heads.pop()
    return head if head.isalpha() and len(head) > 2 else None
