"""A family of colours asked for without naming one (issue 12, lead): "something dark", "lieber dunkel",
"要浅色的", "colores llamativos", "neutral tones please", "nothing too bright".

Read word by word, "dark" is no catalogue value, so the wish was lost (or, in "dark shades", read as
sunglasses) and the reply showed red and white jackets to a shopper who asked for dark ones. The
families of ``prompts/colour_families.json`` (dark, light, bright, pastel, neutral, earthy, metallic)
say which colour names belong to each and how shoppers say them in English, Spanish, German and
Chinese; the catalogue's own colour values of the family become the wish (or, said with a negation,
"nothing too dark", "不要太艳的", the values turned down). A colour the message names itself wins:
"dark blue" and "hellblau" are that colour, read as before.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from chatrec.errors import PromptError
from chatrec.near_colours import shades
from chatrec.prompting import default_prompts_dir
from chatrec.refused_colours import colour_fields

__all__ = ["Family", "adjust", "families_said", "family_name", "family_words", "load_families", "refused_family_name",
           "said_by_family"]


@dataclass(frozen=True)
class Family:
    """One colour family: its colour names, the words a value of it may contain, how it is said."""

    name: str
    colours: frozenset[str]
    words: frozenset[str]
    said: Mapping[str, tuple[re.Pattern[str], ...]]
    names: Mapping[str, str]
    names_refused: Mapping[str, str]

    def holds(self, value: str) -> bool:
        """Whether a catalogue colour value is of this family ("Navy Blue", "Dark Green" of dark)."""
        lowered = value.lower()
        return lowered in self.colours or bool(set(re.findall(r"[a-z]+", lowered)) & self.words)


@lru_cache(maxsize=1)
def load_families() -> tuple[tuple[Family, ...], Mapping[str, re.Pattern[str]], frozenset[tuple[str, str]]]:
    """The families, the negation cue per language and the (language, family) pairs read only in a message
    of that language, of ``prompts/colour_families.json`` (read once)."""
    path = default_prompts_dir() / "colour_families.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        families = tuple(
            Family(name, frozenset(c.lower() for c in spec["colours"]), frozenset(w.lower() for w in spec["words"]),
                   {lang: tuple(re.compile(p) for p in patterns) for lang, patterns in spec["said"].items()},
                   dict(spec.get("names", {})), dict(spec.get("names_refused", {})))
            for name, spec in data["families"].items()
        )
        negators = {lang: re.compile(p) for lang, p in data["negators"].items()}
        detected_only = {(lang, name) for lang, names in data.get("detected_only", {}).items() for name in names}
    except (OSError, ValueError, KeyError, TypeError, re.error) as exc:
        raise PromptError(f"cannot read the colour families in {path}: {exc}") from exc
    return families, negators, frozenset(detected_only)


def families_said(message: str, language: str) -> list[tuple[Family, bool]]:
    """The families the message names, each with True when it turns the family down."""
    families, negators, detected_only = load_families()
    text = message.lower()
    # the message's language first, then English (its words turn up in every language's messages), then
    # the others: a short message is often detected wrongly ("no demasiado llamativo")
    languages = dict.fromkeys([language, "en", "zh", "es", "de"])
    found: list[tuple[Family, bool]] = []
    for family in families:
        for lang in languages:
            if lang != language and (lang, family.name) in detected_only:
                continue
            match = next((m for pattern in family.said.get(lang, ()) for m in [pattern.search(text)] if m), None)
            if match is None and lang == "en":  # stop 63: "all too dark, its for summer" (not at the message's end)
                match = re.search(rf"(?<=\btoo ){re.escape(family.name)}(?:er)?\b", text)
            if match is not None:
                negator = negators.get(lang)
                before = _CLAUSE_TURN.split(text[: match.start()])[-1]  # "not black, but light colours": light is wished
                found.append((family, bool(negator and negator.search(before))))
                break
    return found


#: Where a clause turns, so that a negation before it says nothing of a family named after it: "no black, light
#: colours please", "not black but pale ones", "不要黑色的，要浅色的", "keine schwarzen, lieber helle Farben".
_CLAUSE_TURN = re.compile(r"[,;.!?，。；！？、]|\b(?:but|rather|instead|pero|sino|mejor|sondern|aber|lieber|doch)\b|而是|但是|可是")


#: Words that point at items shown ("are these in pastel colours?", "¿esos vienen en tonos oscuros?"): a question about them.
_POINTS_AT_SHOWN = re.compile(
    r"\b(?:these|those|them|they|it|this one|that one|the (?:first|second|third|fourth|fifth|last) one|estos|estas|esos|esas|"
    r"este|esta|ese|esa|diese[rsn]?|die hier|das hier|der hier|both|beide[n]?|ambos|ambas|los dos|las dos)\b"
    r"|这些|那些|这个|那个|这款|那款|两个|两款|都|第[一二三四五六七八九十\d]",
    re.IGNORECASE)


#: Words that ask for other items in a family rather than about those shown (stop 65): "do you have them in a lighter
#: colour?", "any of these in a darker shade?", "can I get these in pastels?", "¿los tienes en colores claros?",
#: "gibt es die auch in hell?". "Are these in pastel colours?" stays a question about them.
_ASKS_FOR_OTHERS = re.compile(
    r"\b(?:do|does|d)\s*(?:you|u|ya|y'all)\s+(?:have|got|carry|stock|sell)\b|\b(?:have|got)\s+(?:you\s+got\s+)?"
    r"(?:these|those|them)\s+in\b|\bany\s+(?:of\s+)?(?:these|those|them)\s+in\b|\b(?:can|could|may)\s+i\s+(?:get|have|see)\b|"
    r"\b(?:show|give|get)\s+me\b|\b(?:tienes|tienen|tiene|hay|tenéis)\b|\b(?:gibt\s+es|habt\s+ihr|haben\s+sie|hast\s+du)\b",
    re.IGNORECASE)

#: A message that asks a question of what is shown ("which is lighter?", "are these pastel?").
_QUESTION_OF_SHOWN = re.compile(r"^\s*(?:are|is|were|was|do|does|did|which|what|how|cuál|cuáles|son|welche[rsn]?|sind)\b|\?",
                                re.IGNORECASE)


def _others_in_family(request: Any, message: str, context: Any) -> bool:
    """Whether a question about, or a comparison of, every item shown asks for others in a colour family (stop 65:
    "do you have them in a lighter wash?" read "lighter" as weight and answered that none stated one)."""
    if request.intent not in ("ask_about_item", "compare") or not request.references:
        return False
    shown = len(getattr(context, "shown", ()) or ())
    every = all(r.how == "all" for r in request.references) or (
        shown > 1 and {r.position for r in request.references} == set(range(1, shown + 1)))
    return every and bool(_ASKS_FOR_OTHERS.search(message) or not _QUESTION_OF_SHOWN.search(message))


def adjust(request: Any, message: str, context: Any, vocabulary: Any) -> Any:
    """The request with the catalogue's colours of each family the message names as wished (or turned
    down); unchanged when the catalogue has no colour field or the message names a colour itself."""
    others = _others_in_family(request, message, context)
    if vocabulary is None or request.intent not in ("recommend", "refine", "chitchat", "answer") and not (
            request.intent == "ask_about_item" and all(r.how == "all" for r in request.references)
            and not _POINTS_AT_SHOWN.search(message)) and not others:
        return request  # stop 39: "something in pastel colours?" with items shown asks for items, not about them
    counts: Mapping[str, Mapping[str, Any]] = getattr(vocabulary, "counts", {}) or {}
    fields = colour_fields(counts)
    if not fields:
        return request
    said = families_said(message, request.language)
    if not said:
        return request
    field = fields[0]
    if request.include.get(field):
        return request  # "dark blue", "hellblau": a colour named is read as that colour
    turned_down = {str(v) for v in request.exclude.get(field, ())}
    if turned_down:  # "not black, light colours please": the family wished, less the colour turned down
        said = [(family, negated) for family, negated in said if not negated]  # "not dark blue" stays that colour
    values: Sequence[str] = [str(v) for v in counts[field] if str(v) not in turned_down]
    wanted = [v for family, negated in said if not negated for v in values if family.holds(v)]
    wanted = _shades_of_colour_in_force(wanted, message, context, field) or wanted
    refused = [] if wanted else [v for family, negated in said if negated for v in values if family.holds(v)]
    # "not dark but light colours": the light ones wished say it all; the dark ones turned down add only noise
    if not wanted and not refused:
        return request
    include = {**request.include, field: list(dict.fromkeys(wanted))} if wanted else dict(request.include)
    exclude = ({**request.exclude, field: list(dict.fromkeys([*request.exclude.get(field, ()), *refused]))} if refused
               else dict(request.exclude))
    searching = bool(getattr(context, "searching", False))
    intent = request.intent if request.intent in ("recommend", "refine") else ("refine" if searching else "recommend")
    if _shades_of_colour(message):  # "a top in dark shades": the shades are the colour's, no sunglasses
        include = {name: kept for name, vals in include.items()
                   for kept in [[v for v in vals if name == field or "sunglass" not in str(v).lower()]] if kept}
    dropped = _FAMILY_WORDS | ({"them", "these", "those", "it"} if others else set())  # "do you have them in …"
    query = " ".join(w for w in request.query.split() if w.lower() not in dropped)  # "dark" finds no "Glow in Dark"
    references = [] if request.intent in ("ask_about_item", "compare") else request.references
    return request.model_copy(update={"include": include, "exclude": exclude, "intent": intent, "query": query,
                                      "references": references})


#: Words that say a family rather than name a thing: left out of the search text and of an item's features
#: once the family is read.
_FAMILY_WORDS = frozenset({"dark", "darker", "light", "lighter", "bright", "brighter", "pastel", "pastels", "neutral",
                           "neutrals", "muted", "earthy", "earth", "metallic", "metallics", "pale", "paler", "deep",
                           "colour", "colours", "color", "colors", "coloured", "colored", "colourful", "colorful",
                           "shade", "shades", "tone", "tones", "wash", "washes", "vibrant", "bold", "neon", "soft",
                           "plain", "basic", "shiny"})


@lru_cache(maxsize=256)  # asked once per item of a reply, of the same conversation text
def family_words(text: str, language: str = "en") -> frozenset[str]:
    """The words of ``text`` that say a colour family it names ("dark colours" -> dark, colours), else none."""
    if not families_said(text, language):
        return frozenset()
    return frozenset(w for w in re.findall(r"[a-z]+", text.lower()) if w in _FAMILY_WORDS)


#: A family said as a shade of the colour in force ("a darker shade", "something lighter", "más oscuro", "dunkler",
#: "深一点的"), not as colours of the family whatever their hue ("dark colours").
_RELATIVE_SHADE = re.compile(
    r"\b(?:darker|lighter|deeper|paler)\b|\bshades?\b|\btone\b|\bm[aá]s\s+(?:oscur|clar)[oa]s?\b|\btono\b|"
    r"\b(?:dunkler|heller)\w*|[深浅淡][一]?(?:点|些)|更[深浅淡]", re.IGNORECASE)


def _shades_of_colour_in_force(wanted: Sequence[str], message: str, context: Any, field: str) -> list[str]:
    """Stop 67: the values of ``wanted`` (a family's) that are shades of the colour in force, when the message asks
    for a darker or lighter shade of it ("red kurta" -> "a darker shade": maroon, not brown and black kurtas;
    "light blue shirt" -> "in a darker shade please": navy blue); [] when no colour is in force, the message names
    the family as such, or no value of the family is near the colour (then the whole family is the wish)."""
    in_force = [str(v) for v in (getattr(context, "current", None) or {}).get(field, ())]
    if not in_force or not _RELATIVE_SHADE.search(message) or set(in_force) & set(wanted):
        return []
    return shades(in_force, wanted, limit=len(wanted))


def _shades_of_colour(message: str) -> bool:
    """Whether "shades" is said of a colour ("in dark shades"; "dark shades for the beach" are sunglasses)."""
    return bool(re.search(r"\bin\s+(?:dark|light|bright|pastel|neutral|earthy?|muted|pale)(?:er)?\s+shades\b", message.lower()))


def family_name(values: Sequence[str], language: str = "en", least: int = 4) -> str | None:
    """The family four or more colour values sum up to, as the language names it ("dark colours",
    "dunkle Farben"), else None: "Navy Blue or 8 similar" reads as the wish the shopper said."""
    family = _family_of(values, least)
    return None if family is None else family.names.get(language) or family.names.get("en")


def refused_family_name(values: Sequence[str], language: str = "en") -> tuple[str, bool] | None:
    """The family four or more colour values turned down sum up to, with True when the phrase already says
    the "not" ("keine dunklen Farben"), else None."""
    family = _family_of(values, 4)
    if family is None:
        return None
    if language in family.names_refused:
        return family.names_refused[language], True
    return family.names.get(language) or family.names.get("en", family.name), False


def _family_of(values: Sequence[str], least: int) -> Family | None:
    """The narrowest family holding every one of four or more values."""
    if len(values) < least:
        return None
    fitting = [f for f in load_families()[0] if all(f.holds(str(v)) for v in values) and f.names]
    return min(fitting, key=lambda f: len(f.colours)) if fitting else None


def said_by_family(word: str, wishes: Any, language: str = "en") -> bool:
    """Whether ``word`` ("bright", "knalliges") says a colour family and the wishes (a state with ``include``
    and ``exclude``) hold a whole family, which the summary names: "not bright colours" says it, "not bright"
    would say it twice."""
    if word.lower() not in _FAMILY_WORDS and not families_said(word, language):
        return False
    return any(family_name([str(v) for v in values]) for values in (*wishes.include.values(), *wishes.exclude.values()))
