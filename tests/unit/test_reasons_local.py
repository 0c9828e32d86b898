"""Reasons in the shopper's language: the template's facts, in Chinese words, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chatrec import ChatRec
from chatrec.errors import PromptError
from chatrec.grounding import Fact
from chatrec.reasons_local import LocalFactWriter, _load, local_writer

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_the_same_facts_in_chinese_word_order() -> None:
    writer = local_writer("zh")
    assert writer is not None
    facts = [Fact("colour", "baseColour", "Black", True), Fact("type", "articleType", "casual shoe", True),
             Fact("gender", "gender", "Men", True), Fact("season", "season", "Summer", False)]
    assert writer.write(facts) == "男士款黑色休闲鞋，适合夏季——符合您要的颜色、类型和性别。"
    # A value the lexicon has no word for stays as the catalogue spells it, spaced from a Latin neighbour.
    odd = [Fact("colour", "baseColour", "Mauve", False), Fact("type", "articleType", "kurta", False)]
    assert writer.write(odd) == "Mauve kurta——与您的要求相近。"


def test_english_and_languages_without_a_wording_keep_the_english_template() -> None:
    assert local_writer("en") is None
    assert local_writer("es") is None


def test_a_broken_wording_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "reasons.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(PromptError, match="reasons.json"):
        _load("zh", str(tmp_path))
    with pytest.raises(PromptError, match="lacks"):
        LocalFactWriter("zh", {"kinds": {}})


def test_a_chinese_shopper_reads_chinese_reasons(fashion_chatrec: ChatRec) -> None:
    fashion_chatrec.respond("我想买女士蓝色的鞋子", session_id="zh1")
    reply = fashion_chatrec.respond("随便，给我看看吧", session_id="zh1")  # "anything, just show me"
    assert reply.recommendations, reply.text
    for rec in reply.recommendations:
        assert HAN.search(rec.reason) and "蓝色" in rec.reason and "you asked for" not in rec.reason, rec.reason
    english = fashion_chatrec.respond("blue shoes for women, just show me", session_id="en1")
    assert all(not HAN.search(rec.reason) for rec in english.recommendations)
