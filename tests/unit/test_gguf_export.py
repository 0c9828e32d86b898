"""``chatrec models export-gguf``: tensor names and the q/k row order llama.cpp expects; its errors."""

from __future__ import annotations

import numpy as np
import pytest
from click.testing import CliRunner
from transformers.modeling_gguf_pytorch_utils import LlamaTensorProcessor

from chatrec.errors import ModelError
from chatrec.gguf_export import _permute, export_gguf, gguf_to_hf_name
from chatrec.settings import Settings


def test_gguf_tensor_names_map_to_the_llama_parameters() -> None:
    assert gguf_to_hf_name("token_embd.weight") == "model.embed_tokens.weight"
    assert gguf_to_hf_name("blk.12.attn_q.weight") == "model.layers.12.self_attn.q_proj.weight"
    assert gguf_to_hf_name("blk.0.ffn_norm.weight") == "model.layers.0.post_attention_layernorm.weight"
    with pytest.raises(ModelError, match="blk.0.ffn_gate_exps.weight"):
        gguf_to_hf_name("blk.0.ffn_gate_exps.weight")


@pytest.mark.parametrize(("n_head", "n_kv"), [(9, 9), (9, 3)])
def test_the_q_and_k_permutation_is_what_the_gguf_loader_undoes(n_head: int, n_kv: int) -> None:
    # SmolLM2-135M: 9 query heads, 3 key/value heads, 64 dimensions each, 576 wide.
    rows = n_kv * 64
    weights = np.random.default_rng(0).standard_normal((rows, 576)).astype(np.float32)
    exported = _permute(weights, n_kv)
    assert not np.array_equal(exported, weights)
    loader = LlamaTensorProcessor(config={"num_attention_heads": n_head, "num_key_value_heads": n_kv})
    assert np.array_equal(loader._reverse_permute_weights(exported, n_head, n_kv), weights)


def test_only_the_packaged_model_can_be_exported(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ModelError, match="packaged model only"):
        export_gguf(Settings(_env_file=None, llm=str(tmp_path)), tmp_path / "x.gguf")


def test_the_command_says_what_is_wrong_in_one_line(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from chatrec.cli import main

    monkeypatch.setenv("CHATREC_LLM", str(tmp_path))
    result = CliRunner().invoke(main, ["models", "export-gguf", "--out", str(tmp_path / "x.gguf")])
    assert result.exit_code != 0
    assert "packaged model only" in result.output and "Traceback" not in result.output


def test_a_shipped_adapter_becomes_a_llama_cpp_lora_adapter(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from gguf import GGUFReader
    from safetensors.torch import load_file

    from chatrec.gguf_export import export_lora_gguf
    from chatrec.llm_understanding import shipped_understanding_adapter_dir

    folder = shipped_understanding_adapter_dir()
    result = export_lora_gguf(folder, tmp_path / "lora.gguf")
    reader = GGUFReader(str(result.path))
    assert reader.fields["general.type"].contents() == "adapter"
    assert reader.fields["adapter.type"].contents() == "lora"
    assert reader.fields["adapter.lora.alpha"].contents() == 16.0
    tensors = {t.name: t for t in reader.tensors}
    saved = load_file(str(folder / "adapter_model.safetensors"))
    assert len(tensors) == len(saved) == 140
    prefix = "base_model.model.model.layers.20.self_attn"
    a = np.asarray(tensors["blk.20.attn_q.weight.lora_a"].data)
    b = np.asarray(tensors["blk.20.attn_q.weight.lora_b"].data)
    assert np.array_equal(a, saved[f"{prefix}.q_proj.lora_A.weight"].numpy())
    assert np.array_equal(b, _permute(saved[f"{prefix}.q_proj.lora_B.weight"].numpy(), 9))  # llama.cpp's q rows
    v = np.asarray(tensors["blk.20.attn_v.weight.lora_b"].data)
    assert np.array_equal(v, saved[f"{prefix}.v_proj.lora_B.weight"].numpy())  # v rows as they are


def test_an_adapter_llama_cpp_cannot_carry_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    import shutil

    from chatrec.errors import AdapterError
    from chatrec.gguf_export import export_lora_gguf
    from chatrec.llm_understanding import shipped_understanding_adapter_dir

    folder = tmp_path / "rslora"
    shutil.copytree(shipped_understanding_adapter_dir(), folder)
    config = json.loads((folder / "adapter_config.json").read_text())
    (folder / "adapter_config.json").write_text(json.dumps({**config, "use_rslora": True}))
    with pytest.raises(AdapterError, match="use_rslora"):
        export_lora_gguf(folder, tmp_path / "x.gguf")
    assert not (tmp_path / "x.gguf").exists()
