"""Two shown items set against each other by place (issue 12, branch i12ag): "erster gegen dritter",
"der zweite im Vergleich zum letzten", "el primero contra el tercero", "la segunda frente a la última",
"第一个对第三个", "第二款PK最后一款": a comparison of the two, written as the rules read one
("the first one vs the third one"). The words: ``prompts/versus_words.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from chatrec.prompting import read_prompt_table

__all__ = ["rewrite"]


@lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[re.Pattern[str], dict[str, str]]]:
    table = read_prompt_table("versus_words.json")
    out: dict[str, tuple[re.Pattern[str], dict[str, str]]] = {}
    for language, entry in table.items():
        if language.startswith("_"):
            continue
        places: dict[str, str] = entry["places"]
        stems = "|".join(sorted(map(re.escape, places), key=len, reverse=True))
        pointer = rf"(?:{entry['before']})?(?P<{{name}}>{stems}|number \d){entry['after']}"
        between = "|".join(entry["versus"])
        gap = r"\s*" if language == "zh" else r"\s+"
        edge = "" if language == "zh" else r"\b"
        pattern = rf"{edge}{pointer.format(name='a')}{gap}(?:{between}){gap}{pointer.format(name='b')}{edge}"
        out[language] = re.compile(pattern), places
    return out


def _one(place: str, places: dict[str, str]) -> str:
    return place if place.startswith("number") else f"the {places[place]} one"


def rewrite(text: str, language: str) -> str:
    """The folded message with "A gegen B" / "A contra B" / "A对B" of two places as "A vs B"."""
    found: Any = _patterns().get(language)
    if found is None:
        return text
    pattern, places = found
    return pattern.sub(lambda m: f" {_one(m.group('a'), places)} vs {_one(m.group('b'), places)} ", text)


def sets_against(message: str, language: str) -> bool:
    """Whether the message sets two shown items against each other by place ("erster gegen dritter",
    "el primero contra el tercero", "第一个对第三个"): a comparison of the two, asking about no word of it."""
    from chatrec.language import fold

    found: Any = _patterns().get(language)
    return found is not None and found[0].search(fold(message).lower()) is not None
