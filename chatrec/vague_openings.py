"""A first message that asks only what the shop has (issue 12, i12ab, batch 10).

"Hi there, what do you have?", "what have you got?", "¿qué tienen?", "was habt ihr so?", "你们有什么？":
with no wish said and nothing in force, five items picked from the whole catalogue answer nothing;
a good assistant asks which kind of product the shopper is after, with the shop's kinds as quick
replies. The understanding reads "what do you have" as "show me now" (right after a wish, "what do
you have in gold?", it is); here it asks instead, only when the message holds no wish at all.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["asks_for_range", "asks_whole_range"]

_RANGE = re.compile(
    r"\bwhat(?: else| kind of things| sort of things| things| products| stuff)? (?:do|can) (?:you|u|ya|y'all)(?: guys)? "
    r"(?:have|got|sell|offer|stock|carry)\b|\bwhat (?:have|'ve) (?:you|u) got\b|\bwhat(?:'s| is) (?:on offer|in stock|available)\b"
    r"|\bshow me what you(?:'ve)? (?:have|got)\b"
    r"|\bqu[eé] (?:tienes|tienen|venden|vendes|hay|ofrecen)\b|\bwas (?:habt ihr|haben sie|hast du|gibt es|verkauft ihr|verkaufen sie)\b"
    r"|(?:你们|你|店里|这里|这儿)(?:都)?(?:有|卖)(?:些)?什么|有(?:些)?什么(?:东西|商品|产品)?(?:卖|可以买)"
    # i12ag: the short, spoken forms ("was gibt's?", "¿qué manejan?", "有啥", "卖啥", "whatcha got?")
    r"|\bwas gibt(?:'s|s|\s+es)\b|\bwas (?:habt|hast|hat|haben) (?:ihr|du|sie|man)\b|\bqu[eé] (?:manejan|traen|vende)\b"
    r"|^\W*(?:(?:你们|你|店里|这里|这儿)(?:都)?)?(?:有啥|卖啥|都有啥|有啥好东西|有啥好的)\W*$"
    r"|\bwhat(?:cha| you) got\b|\bwhat(?:'s| is) there\b",
    re.IGNORECASE,
)


def asks_for_range(message: str) -> bool:
    """True when the message asks what the shop has ("what do you sell?", "¿qué venden?", "你们都卖什么")."""
    return _RANGE.search(message) is not None


#: Stop 48: what the range is asked for ("what do you have for running?", "what have you got for the beach?",
#: "¿qué tienen para correr?", "was habt ihr zum Wandern?", "你们有什么适合跑步的"): a wish, not the whole range.
_FOR_WHAT = re.compile(
    r"\b(?:have|got|sell|offer|stock|carry|recommend|suggest)\b[^.?!]{0,20}?\bfor (?!me\b|us\b|sale\b|today\b|now\b|"
    r"the moment\b|the store\b|the shop\b)(?:an? |the |my |our |some )?[a-z]{3,}"
    r"|\b(?:tienes|tienen|venden|vendes|hay|ofrecen)\b[^.?!]{0,20}?\bpara (?!m[ií]\b|nosotros\b|hoy\b)\w{3,}"
    r"|\b(?:habt ihr|haben sie|hast du|gibt es|gibt's)\b[^.?!]{0,20}?\b(?:für|fur|zum|zur) (?!mich\b|uns\b|heute\b)\w{3,}"
    r"|什么(?:适合|用来|可以用来|能用来)\w|(?:适合|用来)\w+的",
    re.IGNORECASE,
)


def asks_whole_range(message: str, heard: Any, state: Any) -> bool:
    """True when the message asks only what the shop has, with no wish in it or in force and nothing shown."""
    if _FOR_WHAT.search(message):
        return False
    if state.include or state.exclude or state.shown or state.min_price is not None or state.max_price is not None:
        return False
    if heard.include or heard.exclude or heard.price is not None or heard.references or heard.relative_price:
        return False
    return heard.intent in ("recommend", "refine", "chitchat") and asks_for_range(message)
