"""The catalogue index: items, their embeddings, and a Chroma collection, on disk.

An index folder holds ``manifest.json`` (what was built from what), ``items.jsonl`` (the
items and their content hashes), ``embeddings.npy`` (one normalised row per item, in the
order of ``items.jsonl``), ``vocabulary.json`` (the categorical fields and their values, see
:mod:`chatrec.vocabulary`) and, for the embedded store, ``chroma/`` (a Chroma persistent
store). With a Chroma server (``chroma_host`` set), the collection lives on the server and the
folder keeps the rest.

A build never leaves a broken index behind: it is written aside and swapped in at the end.
Re-running on a changed catalogue embeds only new or changed items and deletes removed ones;
on an unchanged catalogue it returns at once.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from chatrec.catalog import BadRow, Item, item_text, load_catalog, load_mapping
from chatrec.embedding import Embedder, embedder_identity, load_embedder
from chatrec.errors import CatalogError, IndexError_, IndexNotFoundError, ItemNotFoundError
from chatrec.fileio import file_sha256
from chatrec.settings import Settings
from chatrec.vocabulary import VOCABULARY_FILE, CatalogueVocabulary

__all__ = [
    "BuildReport",
    "CatalogIndex",
    "build_index",
    "chroma_client",
    "chroma_metadata",
    "open_collection",
    "open_index",
]

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
ITEMS = "items.jsonl"
EMBEDDINGS = "embeddings.npy"
CHROMA_DIR = "chroma"
#: Prefix of attribute keys in Chroma metadata, so that an attribute never shadows a field.
ATTR_PREFIX = "attr_"


@dataclass
class BuildReport:
    """What a build did.

    Attributes:
        index_dir: The index folder.
        n_items: Items in the index after the build.
        added: New items embedded.
        changed: Changed items re-embedded.
        removed: Items deleted because the catalogue no longer has them.
        unchanged: Items kept as they were.
        bad_rows: Skipped catalogue rows (line number and reason).
        total_rows: Catalogue rows read.
        up_to_date: True when the catalogue had not changed and nothing was done.
        seconds: Wall time of the build.
    """

    index_dir: Path
    n_items: int
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    bad_rows: list[BadRow] = field(default_factory=list)
    total_rows: int = 0
    up_to_date: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for the CLI."""
        if self.up_to_date:
            return f"index {self.index_dir} is up to date ({self.n_items} items, {self.seconds:.1f}s)"
        return (
            f"indexed {self.n_items} items into {self.index_dir} in {self.seconds:.1f}s: "
            f"{self.added} added, {self.changed} changed, {self.removed} removed, "
            f"{self.unchanged} unchanged; {len(self.bad_rows)} of {self.total_rows} rows skipped"
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form, with the bad rows as ``{line, reason}``."""
        data = {key: getattr(self, key) for key in (
            "n_items", "added", "changed", "removed", "unchanged", "total_rows", "up_to_date", "seconds"
        )}
        data["index_dir"] = str(self.index_dir)
        data["bad_rows"] = [{"line": row.line, "reason": row.reason} for row in self.bad_rows]
        return data


class CatalogIndex:
    """An opened index: the items, their embeddings and the manifest, in memory."""

    def __init__(self, path: Path, manifest: dict[str, Any], items: list[Item], embeddings: np.ndarray) -> None:
        self.path = path
        self.manifest = manifest
        self.items = items
        self.embeddings = embeddings
        self._positions = {item.id: position for position, item in enumerate(items)}
        self._vocabulary: CatalogueVocabulary | None = None

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._positions

    def position(self, item_id: str) -> int:
        """Row of an item in :attr:`items` and :attr:`embeddings`.

        Raises:
            ItemNotFoundError: No item has this id.
        """
        try:
            return self._positions[item_id]
        except KeyError:
            raise ItemNotFoundError(f"no item with id {item_id!r} in the index {self.path}") from None

    def get(self, item_id: str) -> Item:
        """The item with this id.

        Raises:
            ItemNotFoundError: No item has this id.
        """
        return self.items[self.position(item_id)]

    @property
    def vocabulary(self) -> CatalogueVocabulary:
        """The catalogue's categorical fields and values, stored with the index (computed for older indexes)."""
        if self._vocabulary is None:
            stored = self.path / VOCABULARY_FILE
            self._vocabulary = (
                CatalogueVocabulary.load(stored) if stored.is_file() else CatalogueVocabulary.from_items(self.items)
            )
        return self._vocabulary

    @property
    def embedder_name(self) -> str:
        """Name of the embedder the index was built with."""
        return str(self.manifest["embedder"])


def _mapping_key(mapping: Mapping[str, Any]) -> str:
    return hashlib.sha256(json.dumps(mapping, sort_keys=True).encode()).hexdigest()


def chroma_client(settings: Settings, store_dir: Path | None = None) -> Any:
    """A Chroma client: the server named in the settings, else the embedded store in ``store_dir``.

    Telemetry is always off.
    """
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_host:
        return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
    if store_dir is None:
        raise IndexError_("an embedded Chroma store needs a folder")
    return chromadb.PersistentClient(path=str(store_dir), settings=chroma_settings)


def chroma_metadata(item: Item) -> dict[str, str | int | float | bool]:
    """The filterable metadata stored with an item in Chroma (scalars only)."""
    metadata: dict[str, str | int | float | bool] = {"title": item.title}
    if item.category:
        metadata["category"] = item.category
    if item.brand:
        metadata["brand"] = item.brand
    if item.price is not None:
        metadata["price"] = item.price
    for key, value in item.attributes.items():
        metadata[ATTR_PREFIX + key] = "|".join(value) if isinstance(value, tuple) else value
    return metadata


def open_collection(settings: Settings, index: CatalogIndex) -> Any:
    """The Chroma collection of an opened index (embedded or on the server)."""
    store = None if settings.chroma_host else index.path / CHROMA_DIR
    client = chroma_client(settings, store)
    # embedding_function=None: Chroma's default one downloads a model; we pass our vectors.
    return client.get_collection(index.manifest["collection"], embedding_function=None)


def _batches(count: int, size: int) -> Iterator[slice]:
    for start in range(0, count, size):
        yield slice(start, min(start + size, count))


def _write_collection(
    collection: Any, items: Sequence[Item], vectors: np.ndarray, batch_size: int
) -> None:
    for part in _batches(len(items), batch_size):
        chunk = items[part]
        collection.upsert(
            ids=[item.id for item in chunk],
            embeddings=vectors[part],
            metadatas=[chroma_metadata(item) for item in chunk],
            documents=[item_text(item) for item in chunk],
        )


def _read_manifest(index_dir: Path) -> dict[str, Any] | None:
    path = index_dir / MANIFEST
    if not path.exists():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        logger.warning("ignoring unreadable manifest %s (%s): the index is rebuilt", path, exc)
        return None
    if manifest.get("format") != FORMAT_VERSION:
        return None
    return manifest


def _read_items(index_dir: Path) -> tuple[list[Item], list[str]]:
    items: list[Item] = []
    hashes: list[str] = []
    with (index_dir / ITEMS).open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            hashes.append(record.pop("hash"))
            items.append(Item.from_record(record))
    return items, hashes


def open_index(index_dir: Path | str) -> CatalogIndex:
    """Open an index folder built by :func:`build_index`.

    Raises:
        IndexNotFoundError: There is no index in the folder.
        IndexError_: The folder holds a damaged index.
    """
    index_dir = Path(index_dir)
    manifest = _read_manifest(index_dir)
    if manifest is None:
        raise IndexNotFoundError(
            f"no index in {index_dir}: build one with `chatrec index build --catalog FILE --index-dir {index_dir}`"
        )
    try:
        items, _ = _read_items(index_dir)
        embeddings = np.load(index_dir / EMBEDDINGS)
    except (OSError, ValueError, KeyError, json.JSONDecodeError) as exc:
        raise IndexError_(f"the index in {index_dir} is damaged ({exc}); rebuild it") from exc
    if embeddings.shape[0] != len(items):
        raise IndexError_(
            f"the index in {index_dir} is damaged: {len(items)} items but {embeddings.shape[0]} embeddings"
        )
    return CatalogIndex(index_dir, manifest, items, embeddings)


def build_index(
    catalog_path: Path | str,
    settings: Settings,
    *,
    mapping: Mapping[str, Any] | Path | str | None = None,
    embedder: Embedder | None = None,
    index_dir: Path | str | None = None,
    progress: bool = False,
) -> BuildReport:
    """Build or update the index of a catalogue file.

    Args:
        catalog_path: The catalogue (any format :func:`chatrec.catalog.load_catalog` reads).
        settings: Where the index goes (``index_dir``), Chroma server or embedded store, the
            embedder and the share of bad rows allowed.
        mapping: Column mapping, as a dict or the path of a mapping file.
        embedder: The embedder to use; loaded from the settings when not given (and only
            when something needs embedding).
        index_dir: Overrides ``settings.index_dir``.
        progress: Show a progress bar while embedding.

    Returns:
        What the build did; ``up_to_date`` when the catalogue, mapping and embedder are the
        same as last time.

    Raises:
        CatalogError: The catalogue cannot be read or has too many bad rows.
        IndexError_: The index cannot be written.
    """
    started = time.perf_counter()
    catalog_path = Path(catalog_path)
    index_dir = Path(index_dir or settings.index_dir)
    mapping_dict = mapping if isinstance(mapping, Mapping) else load_mapping(mapping)
    embedder_name = embedder.name if embedder is not None else embedder_identity(settings.embedder)
    target = f"{settings.chroma_host}:{settings.chroma_port}" if settings.chroma_host else "embedded"

    if not catalog_path.is_file():
        raise CatalogError(f"catalogue file {catalog_path} does not exist")
    catalog_sha = file_sha256(catalog_path)
    mapping_sha = _mapping_key(mapping_dict)
    old = _read_manifest(index_dir)
    if (
        old is not None
        and old.get("catalog_sha256") == catalog_sha
        and old.get("mapping_sha256") == mapping_sha
        and old.get("embedder") == embedder_name
        and old.get("chroma") == target
        and (index_dir / EMBEDDINGS).exists()
    ):
        return BuildReport(
            index_dir=index_dir,
            n_items=int(old["count"]),
            unchanged=int(old["count"]),
            total_rows=int(old.get("total_rows", old["count"])),
            up_to_date=True,
            seconds=time.perf_counter() - started,
        )

    loaded = load_catalog(catalog_path, mapping_dict, max_bad_share=settings.max_bad_row_share)
    items = loaded.items
    hashes = [item.content_hash() for item in items]

    # What can be reused from the previous build: vectors of unchanged items.
    old_vectors: dict[str, np.ndarray] = {}
    old_hashes: dict[str, str] = {}
    reuse_store = False
    if old is not None and old.get("embedder") == embedder_name:
        try:
            old_items, old_hash_list = _read_items(index_dir)
            old_matrix = np.load(index_dir / EMBEDDINGS)
        except (OSError, ValueError, KeyError, json.JSONDecodeError) as exc:
            logger.warning("previous index in %s is unreadable (%s): rebuilding from scratch", index_dir, exc)
        else:
            if old_matrix.shape[0] == len(old_items):
                old_hashes = {item.id: digest for item, digest in zip(old_items, old_hash_list, strict=True)}
                old_vectors = {item.id: old_matrix[row] for row, item in enumerate(old_items)}
                reuse_store = old.get("chroma") == target
    new_ids = {item.id for item in items}
    removed_ids = [item_id for item_id in old_hashes if item_id not in new_ids]
    todo = [row for row, item in enumerate(items) if old_hashes.get(item.id) != hashes[row]]
    added = sum(1 for row in todo if items[row].id not in old_hashes)
    changed = len(todo) - added

    dim = None
    vectors: np.ndarray | None = None
    if todo:
        if embedder is None:
            embedder = load_embedder(settings)
        fresh = embedder.encode_documents([item_text(items[row]) for row in todo], show_progress=progress)
        dim = fresh.shape[1]
        vectors = np.zeros((len(items), dim), dtype=np.float32)
        vectors[todo] = fresh
    todo_set = set(todo)
    for row, item in enumerate(items):
        if row in todo_set:
            continue
        vector = old_vectors[item.id]
        if vectors is None:
            dim = vector.shape[0]
            vectors = np.zeros((len(items), dim), dtype=np.float32)
        vectors[row] = vector
    assert vectors is not None  # items is never empty: load_catalog raises on an empty file

    index_dir.parent.mkdir(parents=True, exist_ok=True)
    building = index_dir.parent / f".{index_dir.name}.building-{uuid.uuid4().hex[:8]}"
    collection_name = settings.collection
    server_collection: str | None = None
    client = None
    try:
        building.mkdir()
        if settings.chroma_host:
            # On a server the collection is built aside under a new name, and the old one
            # dropped after the swap.
            server_collection = f"{settings.collection}-{uuid.uuid4().hex[:8]}"
            collection_name = server_collection
            client = chroma_client(settings)
            collection = client.create_collection(
                collection_name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
            )
            _write_collection(collection, items, vectors, client.get_max_batch_size())
        else:
            store = building / CHROMA_DIR
            if reuse_store and (index_dir / CHROMA_DIR).is_dir():
                shutil.copytree(index_dir / CHROMA_DIR, store)
                client = chroma_client(settings, store)
                collection = client.get_collection(collection_name, embedding_function=None)
                if removed_ids:
                    for part in _batches(len(removed_ids), client.get_max_batch_size()):
                        collection.delete(ids=removed_ids[part])
                changed_items = [items[row] for row in todo]
                _write_collection(collection, changed_items, vectors[todo], client.get_max_batch_size())
            else:
                client = chroma_client(settings, store)
                collection = client.create_collection(
                    collection_name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
                )
                _write_collection(collection, items, vectors, client.get_max_batch_size())
        with (building / ITEMS).open("w", encoding="utf-8") as handle:
            for item, digest in zip(items, hashes, strict=True):
                handle.write(json.dumps({**item.to_record(), "hash": digest}, ensure_ascii=False) + "\n")
        np.save(building / EMBEDDINGS, vectors)
        CatalogueVocabulary.from_items(items).save(building / VOCABULARY_FILE)
        manifest = {
            "format": FORMAT_VERSION,
            "embedder": embedder_name,
            "dim": int(dim or vectors.shape[1]),
            "count": len(items),
            "total_rows": loaded.total_rows,
            "bad_rows": len(loaded.bad_rows),
            "catalog": str(catalog_path.resolve()),
            "catalog_sha256": catalog_sha,
            "mapping_sha256": mapping_sha,
            "columns": loaded.columns,
            "collection": collection_name,
            "chroma": target,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        (building / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        client = None  # release the store's files before moving them
        _swap(building, index_dir)
    except BaseException:
        # Clean up what was written aside, then let the error (or Ctrl-C) through unchanged.
        shutil.rmtree(building, ignore_errors=True)
        if server_collection is not None:
            _drop_server_collection(settings, server_collection)
        raise
    if settings.chroma_host and old is not None and old.get("collection") not in (None, collection_name):
        _drop_server_collection(settings, str(old["collection"]))
    return BuildReport(
        index_dir=index_dir,
        n_items=len(items),
        added=added,
        changed=changed,
        removed=len(removed_ids),
        unchanged=len(items) - len(todo),
        bad_rows=loaded.bad_rows,
        total_rows=loaded.total_rows,
        seconds=time.perf_counter() - started,
    )


def _drop_server_collection(settings: Settings, name: str) -> None:
    try:
        chroma_client(settings).delete_collection(name)
    except (ValueError, OSError) as exc:  # chroma raises NotFoundError(ValueError) for unknown names
        logger.warning("could not delete Chroma collection %s: %s", name, exc)


def _swap(building: Path, index_dir: Path) -> None:
    """Put the new index in place; the old one is removed only once the new one is there."""
    retired = index_dir.parent / f".{index_dir.name}.old-{uuid.uuid4().hex[:8]}"
    had_old = index_dir.exists()
    if had_old:
        # A folder that is not an index (a user's own files) is never replaced.
        if any(index_dir.iterdir()) and not (index_dir / MANIFEST).exists() and not _only_placeholders(index_dir):
            raise IndexError_(
                f"{index_dir} exists and is not a chatrec index; choose another --index-dir"
            )
        index_dir.rename(retired)
    try:
        building.rename(index_dir)
    except OSError:
        if had_old:
            retired.rename(index_dir)
        raise
    if had_old:
        placeholder = retired / ".gitkeep"
        if placeholder.exists():
            (index_dir / ".gitkeep").touch()
        shutil.rmtree(retired, ignore_errors=True)


def _only_placeholders(folder: Path) -> bool:
    return all(child.name in {".gitkeep", ".gitignore"} for child in folder.iterdir())
