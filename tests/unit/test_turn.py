"""The turn's steps, each on its own: state events, relaxation, taste, de-duplication, open()."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from chatrec import ChatRec
from chatrec.dialogue import Asked, DialogueState, Heard, Named, Reacted, Shown, Wishes
from chatrec.explain import TemplateExplainer
from chatrec.query import filters_for, relax, taste_vector
from chatrec.ranking import Ranked, RetrievalRanker
from chatrec.retrieval import Candidate, Retriever
from chatrec.settings import Settings
from chatrec.turn import distinct_titles, excluded, prepare
from chatrec.request import ShopperRequest as Understanding


def test_state_events_record_questions_shown_items_and_feedback() -> None:
    state = DialogueState()
    state.apply(Asked("baseColour", ("Blue", "Red")))
    assert state.pending == {"attribute": "baseColour", "options": ["Blue", "Red"]} and state.n_questions == 1
    state.apply(Heard(Understanding(include={"baseColour": ["Blue"]}, answered="baseColour")))
    assert state.pending is None and state.asked == ["baseColour"] and state.include == {"baseColour": ["Blue"]}
    state.apply(Shown(("a", "b"), (10.0, 20.0)))
    state.apply(Shown(("b", "c"), (30.0,)))
    assert state.shown == ["a", "b", "c"] and state.last_shown == ["b", "c"] and state.last_prices == [30.0]
    state.apply(Heard(Understanding(intent="reject")))
    assert state.rejected == ["b", "c"]
    state.apply(Reacted("a", "liked"))
    state.apply(Reacted("a", "rejected"))
    state.apply(Named(("x", "x", "y")))
    assert state.liked == ["a"] and state.rejected == ["b", "c", "a"] and state.mentioned == ["x", "y"]
    assert DialogueState.from_dict(state.to_dict()) == state


def test_relaxation_drops_one_sufficient_wish_and_never_an_exclusion() -> None:
    wishes = Wishes(include={"baseColour": ("Pink",), "articleType": ("Watches",)},
                    exclude={"brand": ("Titan",)}, max_price=10.0)
    # Only leaving out the colour helps: the price stays, the exclusion always stays.
    fits = lambda w: "baseColour" not in w.include
    kept, dropped = relax(wishes, fits, label=lambda w: f"<= {w.max_price:g}")
    assert dropped == ["Pink"]
    assert kept.max_price == 10.0 and dict(kept.include) == {"articleType": ("Watches",)}
    assert dict(kept.exclude) == {"brand": ("Titan",)}
    # Nothing fits at all: the price goes first, then the wishes in order, exclusions kept.
    kept, dropped = relax(wishes, lambda w: False, label=lambda w: f"<= {w.max_price:g}")
    assert dropped == ["<= 10", "Pink", "Watches"] and filters_for(kept).exclude == {"brand": frozenset({"Titan"})}


def test_taste_mixes_profile_and_the_last_named_items(fashion_retriever: Retriever) -> None:
    index = fashion_retriever.index
    ids = [item.id for item in index.items[:5]]
    assert taste_vector(index, None, []) is None
    only_named = taste_vector(index, None, ids)
    expected = index.embeddings[[index.position(i) for i in ids[-3:]]].mean(axis=0)
    assert np.allclose(only_named, expected / np.linalg.norm(expected), atol=1e-5)
    profile = np.eye(index.embeddings.shape[1], dtype=np.float32)[0]
    both = taste_vector(index, profile, ids)
    assert both is not None and abs(float(np.linalg.norm(both)) - 1.0) < 1e-5
    assert float(both @ profile) > float(only_named @ profile)


def test_repeated_titles_are_shown_once(fashion_retriever: Retriever) -> None:
    item = fashion_retriever.index.items[0]
    other = fashion_retriever.index.items[1]
    ranked = [Ranked(Candidate(i, 1.0), 1.0) for i in (item, item, other)]
    assert [r.candidate.item.id for r in distinct_titles(ranked, 5)] == [item.id, other.id]
    assert len(distinct_titles(ranked, 1)) == 1


def test_shown_items_come_back_only_when_asked() -> None:
    state = DialogueState(shown=["a"], rejected=["r"], mentioned=["m"])
    assert excluded(state, None) == ("r", "m", "a")
    state.allow_shown = True
    assert excluded(state, None) == ("r", "m")


def test_open_builds_each_part_once_whichever_thread_comes_first(
    fashion_retriever: Retriever, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import chatrec.recommender

    calls: list[int] = []
    real = chatrec.recommender._vocabulary

    def counting(retriever: Retriever):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(retriever)

    monkeypatch.setattr(chatrec.recommender, "_vocabulary", counting)
    rec = ChatRec(settings.model_copy(update={"use_llm": False}), retriever=fashion_retriever,
                  ranker=RetrievalRanker(), explainer=TemplateExplainer())
    threads = [threading.Thread(target=rec.open) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1] and rec.open() is rec and rec.vocabulary is rec.parts.vocabulary


def test_prepare_decides_without_writing_reasons(fashion_retriever: Retriever, settings: Settings) -> None:
    rec = ChatRec(settings.model_copy(update={"use_llm": False}), retriever=fashion_retriever,
                  ranker=RetrievalRanker(), explainer=TemplateExplainer())
    turn = prepare(rec.parts, "show me blue shirts for men, just recommend", "s1", None)
    assert turn.question is None and turn.chosen
    assert turn.state.last_shown == [r.candidate.item.id for r in turn.chosen]
    assert all(fashion_retriever.index.get(i).field_value("baseColour") == "Blue" for i in turn.state.last_shown)
    assert rec.store.turns("s1") == []  # nothing saved: saving is ChatRec's job, after the reasons
    rec.close()


def test_the_streamed_text_is_the_reply_as_text(fashion_retriever: Retriever, settings: Settings) -> None:
    from chatrec.reply import Reply

    rec = ChatRec(settings.model_copy(update={"use_llm": False}), retriever=fashion_retriever,
                  ranker=RetrievalRanker(), explainer=TemplateExplainer())
    parts = list(rec.stream("blue shirts for men, just show me", session_id="t1"))
    reply = parts[-1]
    assert isinstance(reply, Reply) and reply.recommendations
    assert "".join(p for p in parts if isinstance(p, str)) == reply.as_text()
    assert reply.as_text().count("\n") == len(reply.recommendations)
    rec.close()
