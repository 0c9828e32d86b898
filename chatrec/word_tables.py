"""The word tables of the reading steps: one JSON file per step of word lists and, per language, regular
expressions ("dislike": {"zh": "讨厌|最烦", "es": "odio|detesto"}), read once per process."""

from __future__ import annotations

import functools
import json
import re
from typing import Any

__all__ = ["guarded", "has", "pattern", "read_reworded", "rewritten", "table"]


@functools.lru_cache(maxsize=None)
def table(path: str) -> dict[str, Any]:
    """The entries of a word table file, without its ``_comment`` keys."""
    with open(path, encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return {k: v for k, v in data.items() if not k.startswith("_")}


@functools.lru_cache(maxsize=None)
def pattern(path: str, name: str, language: str) -> re.Pattern[str] | None:
    """The compiled pattern of one entry in one language, or None when the table has none."""
    entry = table(path).get(name, {})
    source = entry.get(language) if isinstance(entry, dict) else None
    return re.compile(source) if isinstance(source, str) and source else None


def has(path: str, name: str, language: str, text: str) -> bool:
    """Whether the entry's pattern in that language is found in the text."""
    found = pattern(path, name, language)
    return bool(found and found.search(text))


def rewritten(path: str, name: str, language: str, text: str) -> str:
    """The text with one entry's ``[pattern, replacement]`` pairs in that language applied in order, spaces
    collapsed ("budget 大概两百" -> "大概两百以内")."""
    out = text
    for found, replacement in table(path)[name].get(language, []):
        out = re.sub(found, replacement, out)
    return re.sub(r"\s+", " ", out).strip()


def read_reworded(path: str, name: str, request: Any, text: str, language: str, read_again: Any) -> Any:
    """The request read again (``read_again``) from the text reworded by one entry of a table, in the
    message's language; the request unchanged when the rewording changes nothing, leaves no letter, or
    turns a wish into chit-chat or an off-topic message."""
    reworded = rewritten(path, name, language, text)
    if reworded == text or not re.search(r"[^\W\d_]", reworded):
        return request
    heard = read_again(reworded)
    if heard.intent in ("off_topic", "chitchat") and request.intent not in ("off_topic", "chitchat"):
        return request
    return heard.model_copy(update={"language": language})


def read_in_german(request: Any, text: str, dialect: Any, word_rule: tuple[str, Any], read_again: Any,
                   no_wish: tuple[str, ...]) -> Any:
    """A German dialect read again in standard German: when ``dialect["marker"]`` is in ``text``, its
    ``dialect["words"]`` (pattern, replacement) are replaced, then ``word_rule`` (a pattern and the function
    rewriting each match: Swabian -le, Swiss ch- for k-), and the result is read again as German; the first
    reading stays when nothing changed, or when the new one wants nothing where the first wanted something."""
    if not re.search(dialect["marker"], text):
        return request
    reworded = text
    for found, replacement in dialect["words"]:
        reworded = re.sub(found, replacement, reworded)
    reworded = re.sub(word_rule[0], word_rule[1], reworded)
    reworded = re.sub(r"\s+", " ", reworded).strip(" ,")
    if reworded == text or not re.search(r"[^\W\d_]", reworded):
        return request
    heard = read_again(reworded)
    if heard.intent in no_wish and request.intent not in no_wish and heard.intent != "off_topic":
        return request
    return heard.model_copy(update={"language": "de"})


def guarded(flag: Any, read_again: Any) -> Any:
    """``read_again`` with ``flag`` (a ``ContextVar[bool]`` of the calling step) set while it reads, so that the
    step, reached again inside the reading, leaves the reworded message alone instead of rewording it forever."""

    def again(reworded: str) -> Any:
        token = flag.set(True)
        try:
            return read_again(reworded)
        finally:
            flag.reset(token)

    return again


def folded(text: str) -> str:
    """Folded text (lower case, no accents, simplified Chinese), spaces collapsed: how the reading steps
    match their word tables."""
    from chatrec.language import fold

    return re.sub(r"\s+", " ", fold(text)).strip()
