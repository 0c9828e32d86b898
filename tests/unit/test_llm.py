"""Model resolution, adapters (merge, errors) and the shared lazy LLM holder."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
import torch
from tiny_llm import tiny_model, tiny_tokenizer

from chatrec import llm as llm_module
from chatrec.errors import AdapterError, ModelError
from chatrec.llm import LLM, apply_adapter, load_llm, prepare_model, resolve_adapter
from chatrec.settings import Settings


@pytest.fixture(scope="module")
def tokenizer():  # type: ignore[no-untyped-def]
    return tiny_tokenizer()


def _adapter(tmp_path: Path, tokenizer, seed: int = 1, hidden: int | None = None) -> Path:  # type: ignore[no-untyped-def]
    from peft import LoraConfig, get_peft_model

    model = tiny_model(tokenizer, seed=0)
    if hidden is not None:
        from transformers import LlamaConfig, LlamaForCausalLM

        model = LlamaForCausalLM(LlamaConfig(
            vocab_size=len(tokenizer), hidden_size=hidden, intermediate_size=64, num_hidden_layers=2,
            num_attention_heads=4, num_key_value_heads=2,
        ))
    peft_model = get_peft_model(model, LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"]))
    torch.manual_seed(seed)
    with torch.no_grad():
        for name, param in peft_model.named_parameters():
            if "lora_B" in name:
                param.normal_(0, 0.5)  # B starts at zero: make the adapter change the output
    folder = tmp_path / f"adapter-{seed}-{hidden}"
    peft_model.save_pretrained(str(folder))
    return folder


def test_merged_adapter_gives_the_same_logits_as_base_plus_adapter(tmp_path: Path, tokenizer) -> None:  # type: ignore[no-untyped-def]
    folder = _adapter(tmp_path, tokenizer)
    ids = torch.tensor([tokenizer.encode("which one? A or B", add_special_tokens=False)])
    base = tiny_model(tokenizer, seed=0)
    with torch.no_grad():
        plain = base(ids).logits
    unmerged = apply_adapter(tiny_model(tokenizer, seed=0), folder, merge=False)
    merged = apply_adapter(tiny_model(tokenizer, seed=0), folder, merge=True)
    with torch.no_grad():
        reference = unmerged(input_ids=ids).logits
        fused = merged(input_ids=ids).logits
    assert not torch.allclose(plain, reference, atol=1e-4), "the adapter must change the model"
    assert torch.allclose(fused, reference, atol=1e-5)
    assert not any("lora_" in name for name, _ in merged.named_parameters())


def test_corrupt_adapter_weights_name_the_file(tmp_path: Path, tokenizer) -> None:  # type: ignore[no-untyped-def]
    folder = _adapter(tmp_path, tokenizer)
    weights = folder / "adapter_model.safetensors"
    weights.write_bytes(weights.read_bytes()[:100])
    with pytest.raises(AdapterError, match="adapter_model.safetensors"):
        apply_adapter(tiny_model(tokenizer), folder)


def test_corrupt_adapter_config_names_the_file(tmp_path: Path, tokenizer) -> None:  # type: ignore[no-untyped-def]
    folder = _adapter(tmp_path, tokenizer)
    (folder / "adapter_config.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(AdapterError, match="adapter_config.json"):
        apply_adapter(tiny_model(tokenizer), folder)


def test_missing_adapter_file_names_it(tmp_path: Path, tokenizer) -> None:  # type: ignore[no-untyped-def]
    folder = _adapter(tmp_path, tokenizer)
    (folder / "adapter_model.safetensors").unlink()
    with pytest.raises(AdapterError, match="adapter_model.safetensors"):
        apply_adapter(tiny_model(tokenizer), folder)


def test_adapter_for_another_model_is_rejected(tmp_path: Path, tokenizer) -> None:  # type: ignore[no-untyped-def]
    folder = _adapter(tmp_path, tokenizer, hidden=48)
    with pytest.raises(AdapterError, match="adapter_model.safetensors"):
        apply_adapter(tiny_model(tokenizer), folder)


def test_adapter_with_foreign_module_names_is_rejected(tmp_path: Path, tokenizer) -> None:  # type: ignore[no-untyped-def]
    folder = _adapter(tmp_path, tokenizer)
    config = json.loads((folder / "adapter_config.json").read_text())
    config["target_modules"] = ["attn_qkv"]
    (folder / "adapter_config.json").write_text(json.dumps(config))
    with pytest.raises(AdapterError):
        apply_adapter(tiny_model(tokenizer), folder)


def test_default_adapter_missing_degrades_to_the_base_model(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(llm_module, "shipped_adapter_dir", lambda: tmp_path / "nowhere")
    with caplog.at_level(logging.WARNING, logger="chatrec.llm"):
        assert resolve_adapter(settings) is None
    assert "missing" in caplog.text


def test_default_adapter_is_not_used_with_another_model(settings: Settings, tmp_path: Path) -> None:
    assert resolve_adapter(settings.model_copy(update={"llm": str(tmp_path)})) is None
    assert resolve_adapter(settings.model_copy(update={"adapter": None})) is None


def test_named_adapter_folder_must_exist(settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(AdapterError, match="does not exist"):
        resolve_adapter(settings.model_copy(update={"adapter": str(tmp_path / "gone")}))


def test_local_model_folder_loads_with_its_adapter(settings: Settings, tmp_path: Path, tokenizer) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "tiny"
    tiny_model(tokenizer).save_pretrained(str(folder))
    tokenizer.save_pretrained(str(folder))
    adapter = _adapter(tmp_path, tokenizer)
    local = settings.model_copy(update={"llm": str(folder), "adapter": str(adapter), "llm_dtype": "float32"})
    assert prepare_model(local) == folder
    model, _loaded_tokenizer = load_llm(local)
    assert not model.training and model.dtype == torch.float32
    reference = apply_adapter(tiny_model(tokenizer), adapter, merge=False)
    ids = torch.tensor([tokenizer.encode("hello", add_special_tokens=False)])
    with torch.no_grad():
        assert torch.allclose(model(input_ids=ids).logits, reference(input_ids=ids).logits, atol=1e-5)


def test_unknown_model_is_a_model_error(settings: Settings, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ModelError, match="config.json"):
        prepare_model(settings.model_copy(update={"llm": str(empty)}))


def test_conversion_marker_detects_changed_source_and_truncated_files(tmp_path: Path) -> None:
    folder = tmp_path / "converted"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    (folder / "model.safetensors").write_bytes(b"x" * 10)
    marker = {"version": llm_module._CONVERSION_VERSION, "gguf_sha256": "abc",
              "files": {"config.json": 2, "model.safetensors": 10}}
    (folder / llm_module._MARKER).write_text(json.dumps(marker))
    assert llm_module._converted_ok(folder, "abc")
    assert not llm_module._converted_ok(folder, "def")
    (folder / "model.safetensors").write_bytes(b"x" * 5)
    assert not llm_module._converted_ok(folder, "abc")


def test_llm_holder_loads_lazily_once(settings: Settings, tmp_path: Path, tokenizer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls = []

    def fake_load(given: Settings):  # type: ignore[no-untyped-def]
        calls.append(given)
        return tiny_model(tokenizer), tokenizer

    monkeypatch.setattr(llm_module, "load_llm", fake_load)
    holder = LLM.from_settings(settings)
    assert not holder.loaded and not calls
    assert holder.model is holder.model and holder.tokenizer is tokenizer
    assert len(calls) == 1
