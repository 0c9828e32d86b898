"""ChatRec end to end on the 300-item fashion fixture (fake embedder, no LLM)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from chatrec import ChatRec, InputError, ItemNotFoundError, Reply, SessionNotFoundError
from chatrec.explain import TemplateExplainer
from chatrec.ranking import RetrievalRanker
from chatrec.retrieval import Retriever
from chatrec.sessions import Interaction
from chatrec.settings import Settings


@pytest.fixture(scope="module")
def retriever(fashion_retriever: Retriever) -> Retriever:
    return fashion_retriever


@pytest.fixture
def make_rec(retriever: Retriever, settings: Settings):
    settings = settings.model_copy(update={"use_llm": False})
    made: list[ChatRec] = []

    def make(**updates: object) -> ChatRec:
        rec = ChatRec(
            settings.model_copy(update=updates) if updates else settings,
            retriever=retriever, ranker=RetrievalRanker(), explainer=TemplateExplainer(),
        )
        made.append(rec)
        return rec

    yield make
    for rec in made:
        rec.close()


def _items(rec: ChatRec, reply: Reply) -> list:
    return [rec.item(r.item_id) for r in reply.recommendations]


def test_a_vague_request_gets_a_question_with_options_from_the_catalogue(make_rec) -> None:
    rec = make_rec()
    reply = rec.respond("I'm looking for something for men", session_id="s1")
    assert reply.question is not None and not reply.recommendations
    assert 2 <= len(reply.question.options) <= 6
    values = rec.retriever.index.vocabulary.values(reply.question.attribute)
    assert all(option in values for option in reply.question.options)
    assert reply.to_dict()["question"]["options"] == reply.question.options


def test_answering_questions_leads_to_matching_recommendations(make_rec) -> None:
    rec = make_rec()
    reply = rec.respond("I'm looking for something for men", session_id="s1")
    asked = []
    while reply.question is not None:
        asked.append(reply.question.attribute)
        reply = rec.respond(reply.question.options[0], session_id="s1")
    assert len(asked) == len(set(asked)) <= rec.settings.max_questions
    assert reply.recommendations
    assert all(item.attributes["gender"] == "Men" for item in _items(rec, reply))


def test_asking_for_recommendations_skips_the_questions(make_rec) -> None:
    reply = make_rec().respond("just show me something for men", session_id="s2")
    assert reply.question is None and len(reply.recommendations) == 5


def test_constraints_and_negations_hold_and_nothing_is_shown_twice(make_rec) -> None:
    rec = make_rec()
    first = rec.respond("recommend tshirts for men, not blue", session_id="s3")
    second = rec.respond("something else", session_id="s3")
    items = _items(rec, first) + _items(rec, second)
    assert second.recommendations
    assert all(i.attributes["articleType"] == "Tshirts" and i.attributes["gender"] == "Men" for i in items)
    assert all(i.attributes["baseColour"] != "Blue" for i in items)
    ids = [i.id for i in items]
    assert len(ids) == len(set(ids))


def test_thumbs_down_excludes_the_item(make_rec) -> None:
    rec = make_rec()
    first = rec.respond("show me some watches", session_id="s4")
    disliked = first.recommendations[0].item_id
    rec.feedback("s4", disliked, "rejected")
    later = rec.respond("show me those again", session_id="s4")
    assert disliked not in [r.item_id for r in later.recommendations]
    assert {"item_id": disliked, "kind": "rejected"} in rec.session("s4")["feedback"]


def test_unknowns_and_bad_input(make_rec) -> None:
    rec = make_rec()
    with pytest.raises(InputError, match="empty"):
        rec.respond("   ")
    with pytest.raises(InputError, match="limit"):
        rec.respond("x" * (rec.settings.max_message_chars + 1))
    with pytest.raises(SessionNotFoundError):
        rec.session("never-seen")
    with pytest.raises(SessionNotFoundError):
        rec.feedback("never-seen", "15970", "liked")
    reply = rec.respond("shirts for women", session_id="brand-new", user_id="stranger")
    assert reply.session_id == "brand-new"
    with pytest.raises(ItemNotFoundError):
        rec.feedback("brand-new", "no-such-item", "liked")
    assert rec.session("brand-new")["user_id"] == "stranger"


def test_a_restart_continues_the_conversation(make_rec) -> None:
    rec = make_rec()
    question = rec.respond("I'm looking for something for women", session_id="s5").question
    assert question is not None
    rec.close()
    again = make_rec()  # same data folder: a new process would see the same
    reply = again.respond(question.options[0], session_id="s5")
    view = again.session("s5")
    assert question.attribute in view["constraints"]["include"]
    assert [t["role"] for t in view["turns"]][:2] == ["customer", "assistant"]
    assert reply.question is None or reply.question.attribute != question.attribute


def test_stream_yields_text_then_the_reply(make_rec) -> None:
    events = list(make_rec().stream("recommend casual shoes for men", session_id="s6"))
    assert isinstance(events[-1], Reply)
    assert all(isinstance(e, str) for e in events[:-1])
    text = "".join(events[:-1])
    reply = events[-1]
    assert reply.text in text
    assert all(r.reason and r.reason in text for r in reply.recommendations)


def test_a_customer_with_history_is_asked_less_and_profile_biases(make_rec, retriever: Retriever) -> None:
    rec = make_rec()
    bought = [i for i in retriever.index.items if i.attributes.get("articleType") == "Watches"][:3]
    rec.store.add_interactions(Interaction("u7", item.id, "purchase") for item in bought)
    anonymous = rec.respond("I'm looking for something for men", session_id="anon")
    known = rec.respond("I'm looking for something for men", session_id="known", user_id="u7")
    assert known.metadata["profile"]["positives"] == [i.id for i in reversed(bought)]
    questions = lambda r: 0 if r.question is None else 1  # noqa: E731
    assert questions(known) <= questions(anonymous)


def test_concurrent_sessions_do_not_mix(make_rec) -> None:
    rec = make_rec()
    replies: dict[str, Reply] = {}

    def talk(session: str, message: str) -> None:
        replies[session] = rec.respond(message, session_id=session)

    threads = [
        threading.Thread(target=talk, args=("men", "recommend shirts for men")),
        threading.Thread(target=talk, args=("women", "recommend tops for women")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(i.attributes["gender"] == "Men" for i in _items(rec, replies["men"]))
    assert all(i.attributes["gender"] == "Women" for i in _items(rec, replies["women"]))
    assert rec.session("men")["constraints"]["include"]["gender"] == ["Men"]


def test_signals_learnt_from_logs_feed_retrieval(make_rec, retriever: Retriever, tmp_path: Path, monkeypatch) -> None:
    from chatrec.signals import ItemSignals

    watches = [item for item in retriever.index.items if item.attributes.get("articleType") == "Watches"]
    named, partner = watches[0], watches[-1]
    query = f"just show me watches like the {named.title}"
    # Many logged conversations that named this watch ended with the partner.
    path = ItemSignals.fit([[named.id, partner.id]] * 20).save(tmp_path / "signals.npz")
    seen: list = []
    search = retriever.search

    def spy(query, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(query)
        return search(query, *args, **kwargs)

    monkeypatch.setattr(retriever, "search", spy)
    make_rec().respond(query, session_id="n1")
    assert seen[-1].signal_scores is None
    make_rec(signals_path=path).respond(query, session_id="n2")
    extra = seen[-1].signal_scores
    assert int(extra.argmax()) == retriever.index.position(partner.id)
    assert seen[-1].signal_weight == Settings().signals_weight == 2.0


def test_a_learned_fusion_model_orders_what_the_customer_sees(
    make_rec, retriever: Retriever, tmp_path: Path, monkeypatch
) -> None:
    import numpy as np

    from chatrec.fusion import FEATURES, FusionExample, LearnedFusion, fit_fusion

    # Logged turns where customers always chose the pool's *last* dense match: a model learns
    # that, and the shop's replies follow it rather than reciprocal-rank fusion.
    rng = np.random.default_rng(0)
    examples = []
    for t in range(200):
        features = rng.normal(size=(20, len(FEATURES))).astype(np.float32)
        labels = np.zeros(20, dtype=np.int32)
        labels[int(np.argmin(features[:, FEATURES.index("dense")]))] = 1
        examples.append(FusionExample(features, labels, group=str(t)))
    path = fit_fusion(examples, depth=30, threads=1).save(tmp_path / "fusion.json")
    query = "just show me watches"
    plain = make_rec().respond(query, session_id="f1")
    fused = make_rec(fusion_path=path).respond(query, session_id="f2")
    assert plain.recommendations and fused.recommendations
    assert [r.item_id for r in fused.recommendations] != [r.item_id for r in plain.recommendations]
    assert isinstance(make_rec(fusion_path=path).fusion, LearnedFusion)
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="broken.json"):
        make_rec(fusion_path=tmp_path / "broken.json").respond(query, session_id="f3")


def test_a_session_left_mid_stream_is_busy_not_hung(make_rec) -> None:
    from chatrec.errors import SessionBusyError

    rec = make_rec(session_wait_seconds=0.2)
    opened = rec.stream("just show me casual shoes for men", session_id="busy")
    next(opened)  # a client that read the first chunk and went quiet
    with pytest.raises(SessionBusyError, match="still answering"):
        rec.respond("and in blue?", session_id="busy")
    opened.close()
    assert rec.respond("and in blue?", session_id="busy").text


def test_a_reason_caught_lying_is_never_streamed(retriever: Retriever, settings: Settings) -> None:
    from chatrec.explain import Explanation

    class LyingExplainer(TemplateExplainer):
        def stream(self, context, item):  # type: ignore[no-untyped-def]
            yield "It is bright red and costs $1."
            yield Explanation(text="A checked reason.", fallback=True)

    rec = ChatRec(settings.model_copy(update={"use_llm": False}), retriever=retriever,
                  ranker=RetrievalRanker(), explainer=LyingExplainer())
    events = list(rec.stream("just show me casual shoes for men", session_id="lie"))
    streamed = "".join(event for event in events if isinstance(event, str))
    assert "bright red" not in streamed and "A checked reason." in streamed
    reply = events[-1]
    assert reply.metadata["explanation_fallbacks"] == len(reply.recommendations) > 0
    rec.close()


def test_one_reply_never_lists_the_same_title_twice(make_rec, retriever: Retriever) -> None:
    from collections import Counter

    titles = Counter(" ".join(item.title.lower().split()) for item in retriever.index.items)
    repeated = next(title for title, count in titles.items() if count > 1)
    reply = make_rec().respond(f"just show me {repeated}", session_id="dup")
    shown = [" ".join(r.title.lower().split()) for r in reply.recommendations]
    assert repeated in shown
    assert len(shown) == len(set(shown))


def test_the_product_explainer_checks_reasons_against_the_catalogue(retriever: Retriever, settings: Settings) -> None:
    from chatrec.explain import LLMExplainer

    rec = ChatRec(settings.model_copy(update={"use_llm": True, "reason_writer": "llm"}), retriever=retriever,
                  ranker=RetrievalRanker())
    explainer = rec.explainer  # the model itself loads only when a reason is generated
    assert isinstance(explainer, LLMExplainer)
    assert "navy blue" in explainer.vocabulary.values  # a catalogue colour the built-in list lacks
    rec.close()


def test_questions_about_shown_items_are_answered_from_their_data(make_rec) -> None:
    rec = make_rec()
    shown = rec.respond("just show me black formal shoes for men", session_id="qa")
    assert len(shown.recommendations) >= 2
    second = rec.item(shown.recommendations[1].item_id)
    # a colour the item has is answered alone ("does it come in red?" answers no and shows red ones:
    # test_lead_shopping_round6)
    answer = rec.respond("is the second one black?", session_id="qa")
    assert answer.metadata["intent"] == "ask_about_item" and not answer.recommendations
    assert second.title.split()[0] in answer.text
    why = rec.respond("why did you recommend the first?", session_id="qa")
    assert shown.recommendations[0].reason in why.text
    compared = rec.respond("compare the first two", session_id="qa")
    assert compared.metadata["intent"] == "compare" and "2. " in compared.text
    again = rec.respond("and in brown?", session_id="qa")  # a refinement, not a question about them
    assert "intent" not in again.metadata


def test_by_default_a_turn_needs_no_llm_and_warm_up_builds_the_parts(retriever: Retriever, settings: Settings) -> None:
    from chatrec.explain import TemplateExplainer as Template

    rec = ChatRec(settings.model_copy(update={"use_llm": True}), retriever=retriever)
    assert rec.uses_llm() is False  # LLM re-ranking and LLM reasons are settings, off by default
    timings = rec.warm_up()
    assert {"open", "retrieval"} <= set(timings) and "llm_first_generation" not in timings
    assert isinstance(rec.ranker, RetrievalRanker) and isinstance(rec.explainer, Template)
    reply = rec.respond("just show me black formal shoes for men", session_id="warm")
    assert reply.metadata["reasons"]["fallbacks"] == 0 and len(reply.recommendations) >= 1
    assert ChatRec(settings.model_copy(update={"use_llm": True, "llm_rerank": True}), retriever=retriever).uses_llm()
    rec.close()


def test_a_greeting_gets_the_main_product_types_as_quick_replies(make_rec) -> None:
    rec = make_rec()
    hello = rec.respond("hello, I need something", session_id="hello")
    assert hello.question is not None and len(hello.question.options) >= 2 and not hello.recommendations
    # A click on a quick reply is read as the answer to that question, not as small talk.
    picked = rec.respond(hello.question.options[0], session_id="hello")
    assert picked.metadata["policy"]["decision"] != "chitchat"
    assert picked.recommendations or (picked.question is not None and picked.question.attribute != "category")
