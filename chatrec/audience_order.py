"""Whom the items are for, in the order a shop assistant would show them (issue 12, lead, stop 35).

- No one named: "un vestido para una boda en la playa" is for the shopper, a grown-up; children's items (a
  catalogue's ``Boys`` / ``Girls``) come after the grown-ups' ones unless the conversation names a child.
- A child named whose items the catalogue does not have ("eine Jacke für meine Tochter, sie ist 8" when no
  jacket is for girls, so the audience was left out): the other children's items come first (a boys' jacket
  is nearer than a men's one), then the grown-ups'.

Only the order changes; the items and the relax note stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["in_order"]

#: Audience values for children (the grown-up ones are all others); the spellings of ``chatrec.ages``.
_CHILDREN = frozenset({"boys", "girls", "kids", "children", "baby", "babies", "infant", "infants", "toddler"})
#: A child named in the conversation, in our languages.
_CHILD = re.compile(
    r"\b(?:kids?|child|children|boys?|girls?|sons?|daughters?|baby|babies|toddlers?|nephews?|nieces?|school|"
    r"niñ[oa]s?|hij[oa]s?|bebés?|sobrin[oa]s?|kinder|kind|sohn|tochter|enkel(?:in)?|jungen?|mädchen|schule|escuela|colegio)\b"
    r"|孩子|儿子|兒子|女儿|女兒|宝宝|寶寶|小孩|男孩|女孩|侄|外甥|孙|学校|上学",
    re.IGNORECASE)


#: A title that says the item is a child's whatever its audience value says ("Doodle Kids Girl Printed Blue
#: Dress", filed under Women).
_CHILD_TITLE = re.compile(r"\b(?:kids|kidswear|infants?|babies|baby|toddlers?)\b", re.IGNORECASE)


def _for_children(item: Any, field: str) -> bool:
    value = (getattr(item, "attributes", None) or {}).get(field)
    return str(value or "").strip().lower() in _CHILDREN or bool(_CHILD_TITLE.search(str(getattr(item, "title", ""))))


def in_order(candidates: Sequence[Any], wanted: Mapping[str, Sequence[str]], searched: Mapping[str, Sequence[str]],
             fields: Sequence[str], said: str) -> list[Any]:
    """``candidates`` with whom they are for in the order of the module doc.

    Args:
        candidates: The retrieved candidates (``.item``), best first.
        wanted: The wishes in force (field → values).
        searched: The wishes the search kept (an audience left out is in ``wanted`` only).
        fields: The catalogue's audience fields.
        said: The conversation's words (queries and this message).
    """
    out = list(candidates)
    for field in fields:
        asked = [str(v).lower() for v in wanted.get(field, ())]
        if asked and field in searched:
            continue  # the audience asked for is searched: nothing to order
        if asked and all(v in _CHILDREN for v in asked):
            out.sort(key=lambda c: not _for_children(c.item, field))  # a child's items the shop lacks: children's first
        elif not asked and not _CHILD.search(said):
            out.sort(key=lambda c: _for_children(c.item, field))  # no one named: grown-ups' items first
    return out
