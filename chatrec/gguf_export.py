"""The in-process LLM's exact weights as a GGUF file, for llama.cpp's server (``chatrec models export-gguf``).

In-process chatrec runs the packaged SmolLM2 converted from its Q4_1 GGUF to a bf16 folder
(:func:`chatrec.llm.prepare_model`), with a LoRA adapter merged for each job. llama.cpp serving
the packaged Q4_1 file computes on other weights (4-bit blocks, 8-bit activations), so its
rankings only mostly agree. :func:`export_gguf` writes the weights the in-process model really
holds (the bf16 conversion, the job's adapter merged, in float32) to a GGUF file that llama.cpp
loads as is: every metadata key (architecture, tokenizer, chat template) is copied from the
packaged GGUF, every tensor is taken from the loaded model. An F32 file is exactly the
in-process float32 model; a BF16 file is half the size but rounds the merged adapter and makes
llama.cpp round activations too.

Only the packaged model is supported (its GGUF holds the metadata); for any other model use
llama.cpp's own ``convert_hf_to_gguf.py`` on its folder.
"""

from __future__ import annotations

import logging
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from chatrec.errors import ModelError
from chatrec.settings import PACKAGED_LLM, Settings

__all__ = ["ExportResult", "export_gguf", "export_lora_gguf", "gguf_to_hf_name"]

logger = logging.getLogger(__name__)

_LAYER = re.compile(r"^blk\.(\d+)\.(\w+)\.weight$")
_LAYER_NAMES = {
    "attn_norm": "input_layernorm",
    "ffn_norm": "post_attention_layernorm",
    "attn_q": "self_attn.q_proj",
    "attn_k": "self_attn.k_proj",
    "attn_v": "self_attn.v_proj",
    "attn_output": "self_attn.o_proj",
    "ffn_gate": "mlp.gate_proj",
    "ffn_up": "mlp.up_proj",
    "ffn_down": "mlp.down_proj",
}
_GLOBAL_NAMES = {
    "token_embd.weight": "model.embed_tokens.weight",
    "output_norm.weight": "model.norm.weight",
    "output.weight": "lm_head.weight",
}
#: Keys the writer sets itself or that describe the packaged file's quantisation.
_SKIPPED_KEYS = {"general.architecture", "general.file_type", "general.quantization_version"}


@dataclass
class ExportResult:
    """What :func:`export_gguf` wrote.

    Attributes:
        path: The GGUF file.
        dtype: ``f32`` or ``bf16``.
        adapter: The adapter merged into the weights, or None.
        tensors: Tensors written.
        bytes: Size of the file.
        seconds: Time taken (loading the model included).
    """

    path: Path
    dtype: str
    adapter: str | None
    tensors: int
    bytes: int
    seconds: float



def _finish(writer: Any, partial: Path, out: Path) -> None:
    """Write a GGUF's header, metadata and tensors, then move the finished file into place."""
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    partial.replace(out)

def gguf_to_hf_name(name: str) -> str:
    """The transformers (Llama) parameter name of a GGUF tensor name.

    Raises:
        ModelError: A tensor name this exporter does not know.
    """
    if name in _GLOBAL_NAMES:
        return _GLOBAL_NAMES[name]
    match = _LAYER.match(name)
    if match and match.group(2) in _LAYER_NAMES:
        return f"model.layers.{match.group(1)}.{_LAYER_NAMES[match.group(2)]}.weight"
    raise ModelError(f"the packaged GGUF has a tensor {name!r} the exporter does not know")


def _permute(weights: Any, n_head: int) -> Any:
    """transformers' q/k row order to llama.cpp's (the inverse of the GGUF loader's reverse permutation)."""
    rows = weights.shape[0]
    return weights.reshape(n_head, 2, rows // n_head // 2, *weights.shape[1:]).swapaxes(1, 2).reshape(weights.shape)


def _field_value(field: Any) -> Any:
    return field.contents()


def export_gguf(settings: Settings, out: Path | str, *, dtype: Literal["f32", "bf16"] = "f32") -> ExportResult:
    """Write the model that ``settings`` loads in-process (adapter merged) to a GGUF file.

    Args:
        settings: ``llm`` must be the packaged model; ``adapter`` is merged as
            :func:`chatrec.llm.load_llm` does (``none`` for the base model). The model is
            loaded in float32 whatever ``llm_dtype`` says.
        out: The GGUF file to write (replaced atomically).
        dtype: ``f32`` (the in-process float32 model exactly) or ``bf16``.

    Returns:
        What was written.

    Raises:
        ModelError: Not the packaged model, or its GGUF cannot be read or matched.
        AdapterError: The adapter cannot be merged.
    """
    import numpy as np
    import torch
    from gguf import GGMLQuantizationType, GGUFReader, GGUFValueType, GGUFWriter, LlamaFileType
    from gguf.quants import quantize

    from chatrec.llm import load_llm, packaged_gguf, resolve_adapter

    if settings.llm != PACKAGED_LLM:
        raise ModelError(
            f"export-gguf supports the packaged model only (llm is {settings.llm!r}); "
            "convert another model with llama.cpp's convert_hf_to_gguf.py"
        )
    if dtype not in ("f32", "bf16"):
        raise ModelError(f"export dtype must be f32 or bf16, not {dtype!r}")
    started = time.perf_counter()
    source = packaged_gguf()
    try:
        reader = GGUFReader(str(source))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read {source}: {exc}") from exc
    full = settings.model_copy(update={"llm_dtype": "float32", "device": "cpu"})
    adapter = resolve_adapter(full)
    model, _ = load_llm(full)
    state = {name: tensor.detach() for name, tensor in model.state_dict().items()}
    n_head = int(_field_value(reader.fields["llama.attention.head_count"]))
    n_head_kv = int(_field_value(reader.fields["llama.attention.head_count_kv"]))

    out = Path(out).expanduser()
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.{os.getpid()}.partial")
    writer = GGUFWriter(str(partial), arch=str(_field_value(reader.fields["general.architecture"])))
    try:
        for key, field in reader.fields.items():
            if key.startswith("GGUF.") or key in _SKIPPED_KEYS:
                continue
            vtype = field.types[0]
            sub = field.types[-1] if vtype == GGUFValueType.ARRAY else None
            writer.add_key_value(key, _field_value(field), vtype, sub_type=sub)
        writer.add_file_type(LlamaFileType.ALL_F32 if dtype == "f32" else LlamaFileType.MOSTLY_BF16)
        writer.add_string("chatrec.adapter", str(adapter) if adapter else "none")
        for tensor in reader.tensors:
            hf_name = gguf_to_hf_name(tensor.name)
            if hf_name not in state:
                raise ModelError(f"the loaded model has no {hf_name} for the GGUF tensor {tensor.name}")
            weights = state[hf_name].to(torch.float32).numpy()
            if tensor.name.endswith("attn_q.weight"):
                weights = _permute(weights, n_head)
            elif tensor.name.endswith("attn_k.weight"):
                weights = _permute(weights, n_head_kv)
            weights = np.ascontiguousarray(weights, dtype=np.float32)
            if dtype == "bf16" and weights.ndim > 1:  # norms stay F32, as llama.cpp's converter writes them
                writer.add_tensor(tensor.name, quantize(weights, GGMLQuantizationType.BF16),
                                  raw_dtype=GGMLQuantizationType.BF16)
            else:
                writer.add_tensor(tensor.name, weights)
        _finish(writer, partial, out)
    finally:
        if partial.exists():
            partial.unlink()
    result = ExportResult(
        path=out, dtype=dtype, adapter=str(adapter) if adapter else None, tensors=len(reader.tensors),
        bytes=out.stat().st_size, seconds=round(time.perf_counter() - started, 1),
    )
    logger.info("exported %s (%s, adapter %s, %d tensors) in %.1f s", out, dtype, result.adapter or "none",
                result.tensors, result.seconds)
    return result


def _gguf_name_of(hf_name: str) -> str | None:
    """The GGUF tensor name of a transformers (Llama) weight, or None."""
    globals_ = {hf: gguf for gguf, hf in _GLOBAL_NAMES.items()}
    if hf_name in globals_:
        return globals_[hf_name]
    match = re.match(r"^model\.layers\.(\d+)\.(.+)\.weight$", hf_name)
    if match:
        for gguf_part, hf_part in _LAYER_NAMES.items():
            if hf_part == match.group(2):
                return f"blk.{match.group(1)}.{gguf_part}.weight"
    return None


def export_lora_gguf(adapter_dir: Path | str, out: Path | str) -> ExportResult:
    """Write a PEFT LoRA adapter of the packaged model as a GGUF LoRA adapter (llama.cpp's ``--lora``).

    The tensors are the adapter's own A and B matrices in float32 (``<tensor>.lora_a`` and
    ``.lora_b``, the query/key B rows in llama.cpp's order), with ``adapter.lora.alpha``; llama.cpp
    scales by alpha / rank as PEFT does. Unlike :func:`export_gguf` the base stays unmerged: one
    base GGUF serves every job's adapter.

    Raises:
        AdapterError: The folder is not a plain LoRA adapter this format can carry (rsLoRA, DoRA,
            per-layer ranks or alphas, modules saved whole, ``fan_in_fan_out``), or a weight is
            missing or has an unknown name.
        ModelError: The packaged GGUF cannot be read.
    """
    import json

    import numpy as np
    from gguf import GGUFReader, GGUFWriter, LlamaFileType

    from chatrec.errors import AdapterError
    from chatrec.llm import _read_weights, packaged_gguf

    started = time.perf_counter()
    folder = Path(adapter_dir)
    config_path = folder / "adapter_config.json"
    try:
        config = json.loads(config_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AdapterError(f"adapter config {config_path} cannot be read: {exc}") from exc
    if config.get("peft_type") != "LORA":
        raise AdapterError(f"{config_path} is not a LoRA adapter (peft_type must be LORA)")
    unsupported = [key for key in ("use_rslora", "use_dora", "fan_in_fan_out", "alpha_pattern", "rank_pattern",
                                   "modules_to_save") if config.get(key)]
    if unsupported:
        raise AdapterError(f"{config_path}: a GGUF LoRA adapter cannot carry {', '.join(unsupported)}")
    weights = _read_weights(folder / "adapter_model.safetensors")
    source = packaged_gguf()
    try:
        reader = GGUFReader(str(source))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read {source}: {exc}") from exc
    n_head = int(_field_value(reader.fields["llama.attention.head_count"]))
    n_head_kv = int(_field_value(reader.fields["llama.attention.head_count_kv"]))
    pairs: dict[str, dict[str, Any]] = {}
    for name, tensor in weights.items():
        part = "a" if ".lora_A." in name else "b" if ".lora_B." in name else None
        hf_name = name.removeprefix("base_model.model.").replace(f".lora_{(part or '').upper()}.weight", ".weight")
        gguf_name = _gguf_name_of(hf_name) if part else None
        if gguf_name is None:
            raise AdapterError(f"adapter weight {name!r} in {folder} has no llama.cpp counterpart")
        pairs.setdefault(gguf_name, {})[part or ""] = tensor.detach().float().numpy()

    out = Path(out).expanduser()
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.{os.getpid()}.partial")
    writer = GGUFWriter(str(partial), arch=str(_field_value(reader.fields["general.architecture"])))
    try:
        writer.add_type("adapter")
        writer.add_string("adapter.type", "lora")
        writer.add_float32("adapter.lora.alpha", float(config["lora_alpha"]))
        writer.add_file_type(LlamaFileType.ALL_F32)
        writer.add_string("chatrec.adapter", str(folder))
        for gguf_name, pair in sorted(pairs.items()):
            if set(pair) != {"a", "b"}:
                raise AdapterError(f"adapter {folder} has only one of lora_A/lora_B for {gguf_name}")
            lora_b = pair["b"]
            if gguf_name.endswith("attn_q.weight"):
                lora_b = _permute(lora_b, n_head)
            elif gguf_name.endswith("attn_k.weight"):
                lora_b = _permute(lora_b, n_head_kv)
            writer.add_tensor(gguf_name + ".lora_a", np.ascontiguousarray(pair["a"], dtype=np.float32))
            writer.add_tensor(gguf_name + ".lora_b", np.ascontiguousarray(lora_b, dtype=np.float32))
        _finish(writer, partial, out)
    finally:
        if partial.exists():
            partial.unlink()
    result = ExportResult(path=out, dtype="f32", adapter=str(folder), tensors=2 * len(pairs),
                          bytes=out.stat().st_size, seconds=round(time.perf_counter() - started, 1))
    logger.info("exported the LoRA adapter %s to %s (%d tensors)", folder, out, result.tensors)
    return result
