"""The exported GGUF holds exactly the in-process weights (slow: loads the packaged model twice)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner


@pytest.mark.slow
def test_the_exported_gguf_loads_back_to_the_in_process_weights_bit_for_bit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch
    from transformers import AutoModelForCausalLM

    from chatrec.cli import main
    from chatrec.llm import load_llm
    from chatrec.llm_understanding import understanding_settings
    from chatrec.settings import Settings

    cache = Path(os.environ.get("CHATREC_CACHE_DIR", Path.home() / ".cache" / "chatrec"))
    monkeypatch.setenv("CHATREC_CACHE_DIR", str(cache))
    out = tmp_path / "understand.gguf"
    result = CliRunner().invoke(main, ["models", "export-gguf", "--job", "understand", "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output[result.output.index("{"):])
    assert report["tensors"] == 272 and report["adapter"].endswith("smollm2-135m-understanding")
    # transformers reads the GGUF back (undoing llama.cpp's q/k row order): every weight equals
    # the in-process understanding model's, adapter merged.
    expected, _ = load_llm(understanding_settings(Settings(_env_file=None, cache_dir=cache)))
    loaded = AutoModelForCausalLM.from_pretrained(str(tmp_path), gguf_file=out.name, dtype=torch.float32)
    here, there = expected.state_dict(), loaded.state_dict()
    assert set(here) == set(there)
    different = [name for name in here if not torch.equal(here[name], there[name])]
    assert not different, different[:5]
