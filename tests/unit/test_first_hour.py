"""A shop owner's first hour: real catalogues indexed without a mapping give readable replies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fakes import HashingEmbedder

from chatrec import ChatRec
from chatrec.index import build_index
from chatrec.labels import is_glued
from chatrec.ranking import RetrievalRanker
from chatrec.retrieval import Retriever
from chatrec.settings import Settings

CATALOGUES = Path(__file__).parents[1] / "fixtures" / "catalogues"


def _chat(tmp_path: Path, name: str) -> ChatRec:
    settings = Settings(index_dir=tmp_path / "index", data_dir=tmp_path / "data", cache_dir=tmp_path / "cache",
                        use_llm=False, _env_file=None)
    embedder = HashingEmbedder()
    build_index(CATALOGUES / name, settings, embedder=embedder)
    return ChatRec(settings, retriever=Retriever.open(settings, embedder=embedder), ranker=RetrievalRanker())


def _shown_text(reply) -> str:
    parts = [reply.text, *(r.reason or "" for r in reply.recommendations)]
    if reply.question is not None:
        parts.extend(reply.question.options)
    return "\n".join(parts)


def _assert_readable(text: str) -> None:
    assert "['" not in text and '["' not in text and "{'" not in text, text
    glued = [word for word in re.findall(r"[^\s,.;:]+", text) if is_glued(word) and ("&" in word or "," in word)]
    assert not glued, glued


def test_amazon_sales_questions_and_reasons_use_labels(tmp_path: Path) -> None:
    rec = _chat(tmp_path, "amazon_sales.csv")
    try:
        reply = rec.respond("something for my home", session_id="s1")
        _assert_readable(_shown_text(reply))
        if reply.question is not None:
            # Answering with the label shown works like answering with the value.
            option = reply.question.options[0]
            follow = rec.respond(option, session_id="s1")
            assert rec.session("s1")["constraints"]["include"], follow.metadata
            _assert_readable(_shown_text(follow))
        cables = rec.respond("just show me usb cables", session_id="s2")
        assert cables.recommendations
        assert "USBCables" not in _shown_text(cables)
        _assert_readable(_shown_text(cables))
    finally:
        rec.close()


def test_amazon_beauty_reply_has_no_raw_lists_and_named_numbers(tmp_path: Path) -> None:
    rec = _chat(tmp_path, "amazon_beauty.csv")
    try:
        reply = rec.respond("just show me a loose face powder", session_id="b1")
        assert reply.recommendations
        text = _shown_text(reply)
        _assert_readable(text)
        assert len(reply.text) < 200, reply.text
        # Ratings are named, never a bare "2.0, 1".
        assert not re.search(r"(?:^|, )\d+(?:\.\d+)?, \d+", text), text
    finally:
        rec.close()


def test_index_build_says_what_it_inferred_and_inspect_writes_the_mapping(tmp_path: Path, fake_cli) -> None:
    import json

    from click.testing import CliRunner

    from chatrec.catalog import load_mapping
    from chatrec.cli import main

    catalog = CATALOGUES / "amazon_sales.csv"
    index_dir = tmp_path / "ix"
    runner = CliRunner()
    built = runner.invoke(main, ["index", "build", "--catalog", str(catalog), "--index-dir", str(index_dir)])
    assert built.exit_code == 0, built.output
    assert "no mapping given" in built.output
    assert re.search(r"discounted_price\s+price", built.output) and re.search(r"review_content\s+ignore", built.output)
    manifest = json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["currency"] == "INR" and manifest["display_names"]["USBCables"] == "USB cables"

    out = tmp_path / "mapping.yaml"
    inspected = runner.invoke(main, ["catalog", "inspect", str(catalog), "--out", str(out)])
    assert inspected.exit_code == 0, inspected.output
    samples = inspected.output.split("\n[", 1)[1]  # the sample items, as shoppers see them
    assert "USB cables" in samples and "USBCables" not in samples
    mapping = load_mapping(out)
    assert mapping["price"] == "discounted_price" and "review_content" in mapping["ignore"]
    again = runner.invoke(main, ["index", "build", "--catalog", str(catalog), "--mapping", str(out),
                                 "--index-dir", str(tmp_path / "ix2")])
    assert again.exit_code == 0 and "no mapping given" not in again.output
