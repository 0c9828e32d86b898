"""What an evaluation reads: a catalogue's cached index, logged turns and baskets, and the models
it scores, refused when they learnt from the evaluated dialogues.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from chatrec.errors import InputError
from chatrec.eval.turns import RecTurn
from chatrec.fileio import file_sha256, iter_jsonl
from chatrec.fusion import LearnedFusion
from chatrec.retrieval import Retriever
from chatrec.settings import Settings
from chatrec.signals import Session

__all__ = [
    "cached_index_dir",
    "load_fusion",
    "log_turns",
    "open_cached_index",
    "read_baskets",
    "refuse_embedder_knowing_held_items",
    "refuse_leak",
    "refuse_leaky_embedder",
    "fusion_turns_unseen_by_embedder",
    "unseen_by_embedder",
]

logger = logging.getLogger(__name__)


def cached_index_dir(catalog: Path, settings: Settings) -> Path:
    """Where a catalogue's index is cached: ``cache_dir/indexes/<sha256 of the file>[-<embedder key>]``.

    With an embedder other than the packaged one, a short hash of the setting (and, for a
    local folder, of its weight files' sizes and modification times) is appended: each
    embedder keeps its own index, and a model trained again into the same folder is not
    mistaken for the old one.
    """
    from chatrec.embedding import embedder_identity
    from chatrec.settings import PACKAGED_EMBEDDER

    try:
        name = file_sha256(catalog)[:16]
    except OSError as exc:
        raise InputError(f"cannot read catalogue {catalog}: {exc.strerror or exc}") from exc
    if settings.embedder != PACKAGED_EMBEDDER:
        name += "-" + hashlib.sha256(embedder_identity(settings.embedder).encode("utf-8")).hexdigest()[:8]
    return Path(settings.cache_dir) / "indexes" / name


def open_cached_index(catalog: Path, settings: Settings, progress: bool = True) -> tuple[Retriever, str | None]:
    """The catalogue's retriever over its cached index (built or updated first).

    Returns:
        The retriever, and the build report's summary when the index had to be (re)built.
    """
    from chatrec.index import build_index

    index_dir = cached_index_dir(catalog, settings)
    report = build_index(catalog, settings, index_dir=index_dir, progress=progress)
    return Retriever.open(settings, index_dir=index_dir), None if report.up_to_date else report.summary()


def refuse_leaky_embedder(settings: Settings, evaluated: set[str], allow_leak: bool) -> None:
    """Refuse an embedder tuned on the evaluated dialogues (``trained_groups.json`` of `chatrec train-embedder`)."""
    from chatrec.embedder_training import trained_groups

    refuse_leak(f"the embedder {settings.embedder} was tuned on", trained_groups(settings.embedder), evaluated,
                 allow_leak, "Train it with --skip-dialogues-in the evaluated dialogues' file")


def fusion_turns_unseen_by_embedder(settings: Settings, turns: Sequence[RecTurn], flag: str) -> tuple[list[RecTurn], int]:
    """:func:`unseen_by_embedder` for a fusion to learn from, with a warning naming the turns left
    out and ``flag`` (the option that keeps them).

    Raises:
        InputError: Every turn is from a dialogue the embedder was tuned on.
    """
    kept, dropped = unseen_by_embedder(settings, turns)
    if dropped and not kept:
        raise InputError(f"every logged turn is from a dialogue the embedder {settings.embedder} was tuned on: "
                         f"nothing unseen for the fusion to learn from ({flag} to use them)")
    if dropped:
        logger.warning("the fusion learns from %d logged turns, not from the %d turns of dialogues the embedder "
                       "was tuned on (%s to use them)", len(kept), dropped, flag)
    return kept, dropped


def unseen_by_embedder(settings: Settings, turns: Sequence[RecTurn]) -> tuple[list[RecTurn], int]:
    """The logged turns whose dialogue (or log line) the configured embedder was NOT tuned on.

    On turns the embedder learnt from, its dense scores are better than new customers' words
    will get (ReDial: twice the gain over the stock embedder), so a fusion fitted there may
    trust them too much; it learns from turns the embedder never saw (on ReDial this changed
    recall by no more than noise: ``bench/redial_report/i14f_fusion_embedder.md``). Nothing is
    dropped for an embedder without ``trained_groups.json`` (the packaged one).

    Returns:
        ``(kept turns, number of turns dropped)``.

    Raises:
        InputError: The folder's ``trained_groups.json`` is unreadable.
    """
    from chatrec.embedder_training import trained_groups

    learnt = trained_groups(settings.embedder)
    kept = [turn for turn in turns if turn.dialog_id not in learnt]
    return kept, len(turns) - len(kept)


def refuse_embedder_knowing_held_items(settings: Settings, held: set[str], allow_leak: bool) -> None:
    """Item cold start: refuse a tuned embedder whose training pairs chose held-out items.

    A folder that does not list its trained items (``trained_items.json``, written since
    ``train-embedder --holdout-items``) but was tuned on dialogues is only warned about:
    it cannot be checked.

    Raises:
        InputError: The embedder learnt some held-out items (unless ``allow_leak``).
    """
    from chatrec.embedder_training import trained_groups, trained_items

    if not held:
        return
    learnt = trained_items(settings.embedder)
    if learnt is None:
        if trained_groups(settings.embedder):
            logger.warning("the embedder %s does not list the items it was tuned on: it may have learnt the "
                           "held-out items (train it with --holdout-items and the same --seed)", settings.embedder)
        return
    overlap = learnt & held
    if overlap and not allow_leak:
        raise InputError(
            f"the embedder {settings.embedder} was tuned on pairs choosing {len(overlap)} of the {len(held)} "
            f"held-out items (e.g. {sorted(overlap)[:3]}): their recall would not be cold start. Train it with "
            "`chatrec train-embedder --holdout-items` with the same fraction and --seed, or pass --allow-leak"
        )


def refuse_leak(what: str, learnt: Iterable[str], evaluated: set[str], allow_leak: bool, fix: str) -> None:
    """Refuse a model or statistic that learnt from evaluated dialogues (unless ``--allow-leak``).

    Raises:
        InputError: Naming the model, how many evaluated dialogues it saw, and the fix.
    """
    overlap = set(learnt) & evaluated
    if overlap and not allow_leak:
        raise InputError(
            f"{what} {len(overlap)} of the evaluated dialogues (e.g. {sorted(overlap)[:3]}): that inflates "
            f"the figures. {fix}, or pass --allow-leak"
        )


def load_fusion(path: Path | None, settings: Settings, evaluated: set[str], allow_leak: bool) -> Any:
    """The fusion model to evaluate (``--fusion`` or the setting; ``none`` = RRF), refusing a leaky one."""
    from chatrec.embedding import embedder_identity

    chosen = path if path is not None else settings.fusion_path
    if chosen is None or str(chosen).strip().lower() in {"none", "off"}:
        return None
    fusion = LearnedFusion.load(chosen)
    refuse_leak(f"the fusion model {chosen} learnt from", fusion.trained_groups, evaluated, allow_leak,
                 "Fit it with --skip-dialogues-in the evaluated dialogues' file, or use --fit-fusion")
    fitted_with = fusion.meta.get("embedder")
    if fitted_with and fitted_with != embedder_identity(settings.embedder):
        logger.warning("the fusion model %s was fitted with the embedder %s, not %s: its dense features "
                       "will be off", chosen, fitted_with, embedder_identity(settings.embedder))
    return fusion


def log_turns(path: Path, titles: dict[str, str]) -> list[RecTurn]:
    """Turns from shop logs: ``{"query", "item_id"[, "session"]}`` lines; unknown items are skipped."""
    turns = []
    unknown = 0
    for number, record in iter_jsonl(path, "logs"):
        if not isinstance(record, dict) or not str(record.get("query") or "").strip() or "item_id" not in record:
            raise InputError(f"{path}:{number} must be an object with a non-empty \"query\" and an \"item_id\"")
        item_id = str(record["item_id"])
        if item_id not in titles:
            unknown += 1
            continue
        key = str(record.get("session") or f"{path.name}:{number}")
        turns.append(RecTurn(key, number, ("", str(record["query"])), (titles[item_id],)))
    if unknown:
        logger.warning("%s: %d logged items are not in the catalogue: skipped", path, unknown)
    return turns


def read_baskets(path: Path, known: set[str] | None) -> list[Session]:
    """Sessions from baskets: JSON lines, each a list of item ids or ``{"id": .., "items": [..]}``."""
    sessions = []
    for number, record in iter_jsonl(path, "baskets"):
        key = ""
        if isinstance(record, dict):
            key, record = str(record.get("id", "")), record.get("items")
        if not isinstance(record, list):
            raise InputError(f"{path}:{number} must be a list of item ids or an object with 'items'")
        items = tuple(str(item_id) for item_id in record if known is None or str(item_id) in known)
        sessions.append(Session(items=items, key=key))
    return sessions
