"""The LLM understander with the packaged SmolLM2 and the shipped adapter: the evaluation rows (slow)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from needs import need

need("xgrammar", "the LLM understander constrains decoding with xgrammar")

TINY_SET = Path(__file__).parents[1] / "fixtures" / "understanding_tiny.txt"


@pytest.mark.slow
def test_the_llm_rows_run_with_the_packaged_model_and_the_shipped_adapter() -> None:
    from chatrec.cli import main

    systems = "rules,llm-zero-shot,llm+adapter,hybrid"
    result = CliRunner().invoke(main, ["eval", "understanding", "--set", str(TINY_SET), "--systems", systems, "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output[result.output.index("{"):])
    assert set(scores) == set(systems.split(","))
    for name in ("llm-zero-shot", "llm+adapter"):
        assert scores[name]["n"]["all"] == 4
        assert scores[name]["seconds_p50"] > 0.01, "the LLM rows really ran the model"
        assert scores[name]["slot_f1"]["price"] == scores["rules"]["slot_f1"]["price"], "prices come from the rules"
    # the hybrid asks the LLM only about the weather and the joke (the rules are unsure there): the rest is the rules'
    assert scores["hybrid"]["exact"]["reference"] == scores["rules"]["exact"]["reference"]
    assert scores["hybrid"]["exact"]["budget"] == scores["rules"]["exact"]["budget"]
