"""Classes the lead found shopping the demos (issue 12, stop 33): words that ask for more of the same or
for something else are no feature a reason credits."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("said", [
    "ok show me more like the second one", "another one like that please", "something else, other ones",
    "again but a bit less shiny", "show me more instead",
])
def test_words_asking_for_more_or_other_are_no_feature(said: str) -> None:
    from chatrec.catalog import Item
    from chatrec.grounding import Request, facts_for

    buds = Item(id="b", title="Boult Audio Omega True Wireless Earbuds", category="InEar", brand="Boult", price=1999.0,
                description="Another level of bass, more playtime, other colours again; a bit less weight instead.")
    features = [f.value for f in facts_for(buds, Request(text=said, include={"category": ["InEar"]}))
                if f.kind == "feature"]
    assert not any(w in f.split() for f in features for w in ("more", "another", "other", "else", "again",
                                                               "instead", "less", "bit")), features
