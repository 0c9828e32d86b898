"""One make preferred to another is the make wanted (issue 12, stop 55).

"i prefer boat over jbl", "rather samsung than mi", "lieber Samsung als Xiaomi", "prefiero Samsung a
Xiaomi", "比起JBL我更喜欢boAt": the rules read both makes as wanted, so the JBL and Xiaomi items were shown
beside the ones preferred. The make after "over / rather than / than / instead of" ("als", "a", "que",
"statt", 比起 … 更喜欢) is the one the shopper likes less: it is no wish. It is not kept away either
("over" is a preference, not a refusal): the make preferred is what the search asks for.
"""

from __future__ import annotations

import re
from typing import Any

from chatrec.request import ShopperRequest
from chatrec.word_tables import folded

__all__ = ["adjust", "less_liked"]

_WORD = r"[\w'.+&-]+(?:\s+[\w'.+&-]+)?"
#: (preferred, less liked) said in a message, per language; groups "a" (preferred) and "b" (less liked).
_PREFERENCES = (
    re.compile(rf"\bprefer(?:s|red)?\s+(?:the\s+)?(?P<a>{_WORD}?)\s+(?:to|over|than)\s+(?:the\s+)?(?P<b>{_WORD})"),
    re.compile(rf"\brather\s+(?:the\s+|a\s+)?(?P<a>{_WORD}?)\s+than\s+(?:the\s+|a\s+)?(?P<b>{_WORD})"),
    re.compile(rf"(?P<a>\b[\w'.+&-]+)\s+(?:over|rather than|instead of|more than|in place of)\s+(?:the\s+|a\s+|an\s+)?"
               rf"(?P<b>{_WORD})"),
    re.compile(rf"\bprefiero\s+(?:el\s+|la\s+|los\s+|las\s+)?(?P<a>{_WORD}?)\s+(?:a|al|que|antes que|sobre)\s+"
               rf"(?:el\s+|la\s+|los\s+|las\s+)?(?P<b>{_WORD})"),
    re.compile(rf"(?P<a>\b[\w'.+&-]+)\s+(?:en vez de|en lugar de|antes que|m[aá]s que)\s+(?:el\s+|la\s+)?(?P<b>{_WORD})"),
    re.compile(rf"\blieber\s+(?:ein\w*\s+|den\s+|die\s+|das\s+)?(?P<a>{_WORD}?)\s+als\s+(?:ein\w*\s+|den\s+|die\s+|das\s+)?"
               rf"(?P<b>{_WORD})"),
    re.compile(rf"(?P<a>\b[\w'.+&-]+)\s+(?:statt|anstatt|anstelle von|eher als)\s+(?:ein\w*\s+|den\s+|die\s+|das\s+)?"
               rf"(?P<b>{_WORD})"),
    re.compile(r"比起(?P<b>[^，,。我更]+?)(?:来)?[，,]?\s*(?:我)?(?:更|还是)(?:喜欢|想要|倾向于?|偏向|要)(?P<a>.+)"),
    re.compile(r"(?P<a>[^，,。]+?)而不是(?P<b>[^，,。]+)"),
)


def less_liked(message: str) -> str | None:
    """The words the message likes less than another ("jbl" of "i prefer boat over jbl"), or None."""
    text = folded(message)
    for pattern in _PREFERENCES:
        found = pattern.search(text)
        if found is not None and found.group("a").strip():
            return found.group("b")
    return None


def adjust(request: ShopperRequest, message: str, vocabulary: Any) -> ShopperRequest:
    """The request without the makes the shopper likes less, when a make they prefer is wanted too."""
    brands = list(request.include.get("brand", ()))
    if len(brands) < 2 or vocabulary is None:
        return request
    worse = less_liked(message)
    if worse is None:
        return request
    from chatrec.understanding import normalise_tokens

    words = set(re.findall(r"\w+", worse.lower())) | set(normalise_tokens(worse))  # "oneplus" is read "oneplu"
    dropped = [b for b in brands if set(re.findall(r"\w+", folded(b))) <= words]
    kept = [b for b in brands if b not in dropped]
    if not dropped or not kept:
        return request
    include = {**request.include, "brand": kept}
    query = " ".join(w for w in request.query.split() if w not in words | {"over", "rather", "than", "prefer"})
    return request.model_copy(update={"include": include, "query": query})
