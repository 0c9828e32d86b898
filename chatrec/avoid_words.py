"""Words to avoid that are no item's words (issue 12, lead, stop 35).

- a function word of any of our languages ("nicht von Mi" avoided "von"; "de", "der", "from") or a filler noun
  ("no android stuff" avoided "stuff"; "things", "Zeug", "cosas", "东西");
- a trait of the person the items are for, said with a copula: "they are old and not tech savvy" avoided "tech"
  and "savvy", "mi madre no es muy moderna", "er ist nicht so sportlich". A dislike of items stays: "he is not
  into bright colours", "she's not a fan of logos".

:func:`adjust` runs at the end of the rules' chain and takes those words out of ``avoid_words``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

__all__ = ["adjust", "phrases"]

#: Style words that read like a product type by their stem ("flashy": camera flashes) but say how an item looks:
#: turned down, they are words to avoid (chatrec.loud_words ranks the loud ones last), never a type left out.
_STYLE = frozenset({"flashy", "showy", "blingy", "glitzy", "gaudy", "techy", "fancy", "classy", "loud"})

#: Sayings with a negation that turn nothing down: "no idea what", "not sure", "no worries", "keine Ahnung", "ni idea".
_SAYINGS = re.compile(r"\b(?:no|not|ni|keine?)\s+(idea|clue|clues|sure|preference|preferences|worries|worry|problem|"
                      r"rush|hurry|matter|way|joke|kidding|ahnung|plan|importa)\b", re.IGNORECASE)
_FILLERS = frozenset({"stuff", "things", "thing", "ones", "one", "kind", "kinds", "type", "types", "zeug", "sachen",
                      "dinger", "cosas", "cosa", "rollo", "东西", "那种", "这种"})
#: A person, then a copula and a negation: what follows says who the person is.
_TRAIT = re.compile(
    r"\b(?:they|he|she|we|i|mum|mom|dad|my (?:\w+ ){0,2}\w+|his \w+|her \w+)\s*(?:'re|'s|'m|\s(?:are|is|am|were|was))"
    r"(?:\s*n't|\snot|(?:\s+\w+){1,3}\s+(?:and|or)\s+not)\s+(?!(?:into|a fan|fans|keen|big on|crazy|fond|interested|sure)\b)"
    r"(?P<words>[\w\s-]+)"
    r"|\b(?:ellos|ellas|él|ella|mi \w+|mis \w+)\s+no\s+(?:es|son|está|están)\s+(?:muy\s+)?(?P<words_es>[\w\s-]+)"
    r"|\b(?:er|sie|mein \w+|meine \w+)\s+(?:ist|sind)\s+(?:nicht|kein(?:e|en)?)\s+(?:so\s+|sehr\s+)?(?P<words_de>[\w\s-]+)",
    re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,.;!?]|\b(?:and|but|so|y|pero|und|aber)\b", re.IGNORECASE)


def _traits(message: str) -> set[str]:
    out: set[str] = set()
    for found in _TRAIT.finditer(message):
        words = next(g for g in (found.group("words"), found.group("words_es"), found.group("words_de")) if g)
        clause = _CLAUSE_END.split(words, maxsplit=1)[0]
        out |= {w.lower() for w in re.findall(r"[\w-]+", clause)}
    return out


def _style_not_type(request: Any, message: str) -> Any:
    """"nothing flashy" on a shop that sells camera flashes: the word avoided, no type left out."""
    said = {w for w in re.findall(r"[a-z]+", message.lower()) if w in _STYLE}
    if not said or not request.exclude:
        return request
    stems = {w[:-1].rstrip(w[-2]) if len(w) > 4 and w[-2] == w[-3] else w[:-1] for w in said}  # flashy -> flash
    exclude = {name: [v for v in values if not any(s in v.lower() for s in stems)] for name, values in request.exclude.items()}
    exclude = {name: values for name, values in exclude.items() if values}
    if exclude == request.exclude:
        return request
    avoid = [*request.avoid_words, *(w for w in sorted(said) if w not in request.avoid_words)]
    return request.model_copy(update={"exclude": exclude, "avoid_words": avoid})


def adjust(request: Any, message: str) -> Any:
    """The request without avoided words that are function words, fillers or a person's traits (module doc)."""
    request = _style_not_type(request, message)
    if not request.avoid_words:
        return request
    from chatrec.language import _FUNCTION_WORDS

    function = frozenset().union(*_FUNCTION_WORDS.values())
    sayings = {m.group(1).lower() for m in _SAYINGS.finditer(message)}
    traits = _traits(message) | sayings | {w[:-3] + "y" for w in sayings if w.endswith("ies")} | {w[:-1] for w in sayings}
    kept = [w for w in request.avoid_words
            if w.lower() not in function and w.lower() not in _FILLERS
            and not any(t == w.lower() or t.startswith(w.lower()) and len(w) >= 4 for t in traits)]
    if kept == list(request.avoid_words):
        return request
    return request.model_copy(update={"avoid_words": kept})


def phrases(avoid: list[str], message: str, earlier: Sequence[str] = ()) -> list[tuple[str, bool]]:
    """The words to avoid as the shopper said them, each with whether this message says it: words the message
    names side by side are one name ("no me gustan las de Peter England" avoids "peter" and "england", and the
    reply says "sin Peter England", not "sin peter, sin england"), written as the message writes them; words an
    ``earlier`` message of the shopper's said side by side stay one name in later replies ("not Peter England")."""
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(avoid):
        best: tuple[str, int, bool] | None = None
        for j in range(len(avoid), i, -1):  # the longest run of the words a message has side by side
            pattern = r"(?<![a-z0-9])" + r"\W*".join(re.escape(w) for w in avoid[i:j]) + r"(?![a-z0-9])"
            for text, now in [(message, True), *((e, False) for e in reversed(earlier) if j - i > 1)]:
                found = re.search(pattern, text, re.IGNORECASE)
                if found is not None:
                    best = (" ".join(found.group(0).split()) if j - i > 1 else avoid[i], j, now)
                    break
            if best is not None:
                break
        if best is None:
            out.append((avoid[i], False))
            i += 1
        else:
            out.append((best[0], best[2]))
            i = best[1]
    return out
