"""eval redial: items the seeker had seen are counted in every top 10; the product's turn is scored."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import HashingEmbedder

from chatrec.eval.owned import seeker_said, seen_by_dialogue
from chatrec.eval.redial import SYSTEMS, RecTurn, RedialEvaluation
from chatrec.index import build_index
from chatrec.linking import TitleLinker
from chatrec.retrieval import Retriever
from chatrec.settings import Settings
from chatrec.signals import ItemSignals, redial_sessions


@pytest.fixture
def retriever(fixtures_dir: Path, settings: Settings, fake_embedder: HashingEmbedder) -> Retriever:
    index_dir = settings.cache_dir / "indexes" / "slice"
    build_index(fixtures_dir / "redial_movies.json", settings, embedder=fake_embedder, index_dir=index_dir)
    return Retriever.open(settings, index_dir=index_dir, embedder=fake_embedder)


def test_the_questionnaires_say_what_each_seeker_had_seen(fixtures_dir: Path) -> None:
    import json

    seen = seen_by_dialogue([fixtures_dir / "redial_dialogues.jsonl"])
    first = json.loads((fixtures_dir / "redial_dialogues.jsonl").read_text().splitlines()[0])
    answers = first["initiatorQuestions"]
    expected = {m for m, a in answers.items() if a.get("seen") == 1 or a.get("liked") == 0}
    assert seen[str(first["conversationId"])] == expected


def test_the_product_turn_never_hands_back_a_seen_film_and_shows_the_one_asked_for(
    retriever: Retriever, fixtures_dir: Path
) -> None:
    items = retriever.index.items
    seen_film, asked = next(i for i in items if i.title == "Sin City (2005)"), next(
        i for i in items if i.title == "Dunkirk (2017)")
    turn = RecTurn("d1", 3, (f"I have seen {seen_film.title}, loved it", "ok! anything else you like?",
                             f"do you have {asked.title}?"), (asked.title,))
    said = seeker_said(turn.context, TitleLinker(items))
    assert seen_film.id in said.named and said.asks == (asked.id,)
    signals = ItemSignals.fit(redial_sessions(fixtures_dir / "redial_dialogues.jsonl"))
    systems = [SYSTEMS["product"], SYSTEMS["product-exclude"], SYSTEMS["product-owned"]]
    result = RedialEvaluation(retriever, signals, seen={"d1": frozenset({seen_film.id})}).run(
        [turn], systems, timed_turns=0)
    metrics = result["systems"]
    # Ranking the whole dialogue hands the seen film back; the product's turn never does.
    assert metrics["product"]["seen_in_top10"]["items"] == 1
    assert metrics["product-owned"]["seen_in_top10"]["items"] == 0
    assert metrics["product-exclude"]["seen_in_top10"]["items"] == 0
    # The film asked for by name comes first in the product's turn; excluding every named film hides it.
    assert metrics["product-owned"]["ranks"] == [0]
    assert metrics["product-exclude"]["recall@50"] == 0.0


def test_the_served_fusion_never_learns_from_a_film_the_product_would_not_show(
    retriever: Retriever, fixtures_dir: Path
) -> None:
    from chatrec.eval.fusion_data import fusion_examples

    named = next(i for i in retriever.index.items if i.title == "Sin City (2005)")
    echo = RecTurn("d2", 3, ("hi", "hello, what do you like?", f"I loved {named.title}, more like it"), (named.title,))
    evaluation = RedialEvaluation(retriever, ItemSignals.fit(redial_sessions(fixtures_dir / "redial_dialogues.jsonl")))
    [learnt] = fusion_examples(evaluation, [echo], depth=50)
    [served] = fusion_examples(evaluation, [echo], depth=50, exclude_named=True)
    assert learnt.labels.any()  # the named film is in the pool and is the target
    assert not served.labels.any()  # left out, as the product's turn leaves it out
