"""Commands of the evaluation area: ``eval redial``, ``eval fit-signals``, ``eval fit-fusion``, ``eval report``."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import click

from chatrec.cli._common import echo_json, make_settings
from chatrec.errors import InputError
from chatrec.fileio import file_sha256

__all__ = ["register"]

logger = logging.getLogger(__name__)

_FILE = click.Path(path_type=Path, dir_okay=False)


@click.command(name="redial")
@click.option("--turns", required=True, type=_FILE, help="Recommendation turns (valid_rec_turns.jsonl format).")
@click.option("--catalog", required=True, type=_FILE, help="The catalogue (movies.json or any shop format).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Evaluate a fixed random sample of N turns.")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed of the --limit sample (and of the models --fit-fusion fits).")
@click.option("--json", "json_out", type=_FILE, default=None, help="Write the metrics (and per-system ranks) here.")
@click.option("--systems", default=None,
              help="Comma-separated systems to compare: popularity, bm25, dense, hybrid, hybrid+items, "
                   "signals, chatrec, chatrec-exclude, chatrec+llm0, chatrec+llm, product, product-rrf, "
                   "product+llm0, product+llm (default: the product's pipeline, per --ranker); the ablations "
                   "below.")
@click.option("--ranker", type=click.Choice(["retrieval", "llm"]), default=None,
              help="Default system's ranker (default: llm when the use_llm setting is on).")
@click.option("--adapter", default=None, help="LoRA adapter of the LLM ranker: a folder, 'default' or 'none'.")
@click.option("--signals", "signals_file", type=_FILE, default=None,
              help="Item signals file (default: the signals_path setting).")
@click.option("--dialogues", multiple=True, type=_FILE,
              help="Fit item signals now from these raw ReDial dialogue files (repeatable), never on "
                   "the dialogue a turn is scored from (K-fold cross-fitting, see --folds).")
@click.option("--folds", type=click.IntRange(min=1), default=5, show_default=True,
              help="Cross-fitting folds over the evaluated dialogues (with --dialogues).")
@click.option("--timed-turns", type=click.IntRange(min=0), default=100, show_default=True,
              help="Turns run one query at a time for the latency figures (the rest are batched).")
@click.option("--skip-dialogues-in", "skip_files", multiple=True, type=_FILE,
              help="Drop turns whose dialogue is in these raw dialogue files (repeatable): for scoring a "
                   "model, such as a LoRA adapter, trained on them.")
@click.option("--fusion", "fusion_file", type=_FILE, default=None,
              help="Learned fusion model for the product systems (default: the fusion_path setting; "
                   "'none' for reciprocal-rank fusion).")
@click.option("--fit-fusion", is_flag=True,
              help="With --dialogues: fit a learned fusion for each cross-fitting fold from the turns of "
                   "the --dialogues files, never from the fold's own dialogues, and score the product "
                   "systems with it.")
@click.option("--allow-leak", is_flag=True,
              help="Score even when the signals, a tuned embedder or the fusion model learnt from the "
                   "evaluated dialogues.")
@click.option("--holdout-items", "holdout", type=click.FloatRange(min=0.0, max=1.0, max_open=True), default=0.0,
              show_default=True,
              help="Item cold start: remove this random fraction of the catalogue (seeded by --seed) from "
                   "every log the signals and the fusion learn from, and report recall on the targets "
                   "among those items (held_out).")
@click.option("--fusion-max-turns", type=click.IntRange(min=20), default=None,
              help="With --fit-fusion: learn each fold's fusion from a fixed random sample of this many "
                   "logged turns (default: all; fewer is faster).")
@click.option("--fusion-depth", type=click.IntRange(min=10, max=2000), default=200, show_default=True,
              help="With --fit-fusion: the pool size each fold's fusion re-orders.")
@click.option("--fusion-on-embedder-dialogues", "fusion_on_embedder", is_flag=True,
              help="With --fit-fusion and a tuned embedder: let the fusion learn from the dialogues the "
                   "embedder was tuned on too (default: only from the others, whose dense scores look like "
                   "new customers').")
def redial_command(
    turns: Path, catalog: Path, limit: int | None, seed: int, json_out: Path | None, systems: str | None,
    ranker: str | None, adapter: str | None, signals_file: Path | None, dialogues: tuple[Path, ...],
    folds: int, timed_turns: int, skip_files: tuple[Path, ...], fusion_file: Path | None, fit_fusion: bool,
    allow_leak: bool, holdout: float, fusion_max_turns: int | None, fusion_depth: int, fusion_on_embedder: bool,
) -> None:
    """The ReDial static protocol: Recall@1/10/50, NDCG@10 and MRR over (turn, target) pairs.

    Every metric is reported over all pairs and over the echo-free pairs (targets not named
    earlier in the dialogue), with the number of pairs in each.

    \b
    Ablations of the product system (--systems):
      product-nosignals      no item signals
      product-rrf-noimpute   items without log data score 0 (before issue 14)
      product-exclude        items named earlier never shown
      product-rrf-exclude    the same with reciprocal-rank fusion
      product-owned          as served: named items never shown unless the seeker's
                             last message asks for them by name (then first)
      product-owned-served   the same, the fusion fitted with the named items left
                             out of its training pools (with --fit-fusion)
      product-nofloor        the learned fusion without the cold-start floor (items
                             without log data may fall to any place; by default at
                             most to twice their place in the fused pool)
      product-exclude-nofloor  the same, items named earlier never shown
      product-floor1, product-floor3  the floor at 1 or 3 times the fused place
      product-exclude-floor1, product-exclude-floor3  the same, named items never shown
      product-exclude-nosignals  product-exclude without item signals
      product-exclude-prior  product-exclude, popularity-only items in the signals
                             list even with a taste (before the sparse-history fix)

    With --dialogues, every system also reports seen_in_top10: top-10 items the
    seeker had named earlier and had seen or disliked (their questionnaire).
    """
    from chatrec.eval import inputs
    from chatrec.eval.redial import SYSTEMS, RedialEvaluation, cross_fitted_run, holdout_items, parse_systems
    from chatrec.eval.turns import dialogue_rec_turns, load_turns, sample_turns
    from chatrec.signals import ItemSignals, redial_sessions

    settings = make_settings()
    if systems:
        chosen = parse_systems(systems)
    else:
        use_llm = settings.use_llm if ranker is None else ranker == "llm"
        chosen = [SYSTEMS["product+llm" if use_llm else "product"]]
    all_turns = load_turns(turns)
    skipped = 0
    if skip_files:
        trained_on = {session.key for path in skip_files for session in redial_sessions(path)}
        kept_turns = [turn for turn in all_turns if turn.dialog_id not in trained_on]
        skipped, all_turns = len(all_turns) - len(kept_turns), kept_turns
        if not all_turns:
            raise InputError("every turn's dialogue is in --skip-dialogues-in: nothing left to score")
    sample = sample_turns(all_turns, limit, seed)

    evaluated = {turn.dialog_id for turn in sample}
    inputs.refuse_leaky_embedder(settings, evaluated, allow_leak)
    if fit_fusion and (not dialogues or fusion_file is not None):
        raise InputError("--fit-fusion needs --dialogues (the logs to learn from) and no --fusion file")
    fusion = None if fit_fusion else inputs.load_fusion(fusion_file, settings, evaluated, allow_leak)
    if holdout and fusion is not None:
        raise InputError("--holdout-items with a --fusion file: that model learnt from logs naming the held-out "
                         "items; use --fit-fusion (with --dialogues) or no fusion")
    retriever, built = inputs.open_cached_index(catalog, settings)
    if built:
        click.echo(built, err=True)
    known = {item.id for item in retriever.index.items}
    held = holdout_items(sorted(known), holdout, seed)
    inputs.refuse_embedder_knowing_held_items(settings, held, allow_leak)

    def ranker_factory(name: str | None) -> Any:
        from chatrec.ranking import LLMRanker

        chosen_adapter = name if name is not None else adapter
        if chosen_adapter is None:
            return LLMRanker.from_settings(settings)
        return LLMRanker.from_settings(settings.updated(adapter=chosen_adapter))  # validated: "none" is None

    options: dict[str, Any] = {
        "ranker_factory": ranker_factory, "n_candidates": settings.n_candidates, "fusion": fusion,
    }
    source: str | None
    embedder_skipped = 0
    if dialogues:
        from chatrec.eval.owned import seen_by_dialogue

        options["seen"] = seen_by_dialogue(dialogues)  # the seekers' questionnaires, for seen_in_top10
        sessions = [session for path in dialogues for session in redial_sessions(path, known)]
        fusion_turns = None
        if fit_fusion:
            titles = {item.id: item.title for item in retriever.index.items}
            logged = dialogue_rec_turns(dialogues, titles)
            if not fusion_on_embedder:
                logged, embedder_skipped = inputs.fusion_turns_unseen_by_embedder(
                    settings, logged, "--fusion-on-embedder-dialogues")
            fusion_turns = sample_turns(logged, fusion_max_turns, seed)
        results = cross_fitted_run(
            retriever, sessions, sample, chosen, folds=folds, progress=True, timed_turns=timed_turns,
            fusion_turns=fusion_turns, fusion_seed=seed, held_out=held, fusion_depth=fusion_depth, **options
        )
        source = (
            f"fitted on {', '.join(path.name for path in dialogues)} ({len(sessions)} dialogues) without "
            f"the evaluated dialogues, {results['folds']}-fold cross-fitting: "
            f"{results['signals_sessions']} dialogues per fit"
        )
    else:
        path = signals_file or settings.signals_path
        signals = ItemSignals.load(path) if path is not None else None
        source = str(path) if path is not None else None
        if signals is not None and held:
            signals = signals.without(held)
        if signals is not None:
            inputs.refuse_leak(f"the item signals in {path} were fitted on", signals.keys, evaluated, allow_leak,
                         "Use --dialogues FILE, which leaves the evaluated dialogues out")
        else:
            if any(system.signals for system in chosen):
                logger.warning("no item signals configured: systems that use them run on text alone")
            for system in chosen:
                if system.text == "none":
                    raise InputError(
                        f"system {system.name!r} needs item signals: give --dialogues FILE or --signals FILE "
                        "(or set signals_path)"
                    )
        results = RedialEvaluation(retriever, signals, held_out=held, **options).run(
            sample, chosen, progress=True, timed_turns=timed_turns
        )
    results.update({
        "turns_file": str(turns),
        "catalog": str(catalog),
        "limit": limit,
        "seed": seed,
        "signals": source,
        "turns_skipped": skipped,
        "holdout_items": holdout,
        "embedder": settings.embedder,
        "content_weight": settings.content_weight,
        "fusion_turns_embedder_tuned_on": embedder_skipped,
        "fusion": (f"fitted per fold on {results.get('fusion_turns', 0)} logged turns of the other dialogues"
                   f"{' the embedder was not tuned on' if embedder_skipped else ''}"
                   f" (pool depth {fusion_depth})"
                   if fit_fusion else None if fusion is None else str(fusion_file or settings.fusion_path)),
        "adapter": (adapter or settings.adapter or "none") if any(s.ranker == "llm" for s in chosen) else None,
    })
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    echo_json({
        "turns": results["turns"],
        "unlinked_targets": results["unlinked_targets"],
        "signals": source,
        "targets_already_named": results["targets_already_named"],
        "catalogue_no_log_share": results.get("catalogue_no_log_share"),
        "catalogue_never_named_share": results.get("catalogue_never_named_share"),
        "held_out_items": len(held),
        "systems": {
            name: {key: value for key, value in metrics.items()
                   if key not in ("ranks", "latencies_ms", "recall_curve")}
            for name, metrics in results["systems"].items()
        },
    })


@click.command(name="fit-fusion")
@click.option("--dialogues", multiple=True, type=_FILE,
              help="Raw ReDial dialogue files (repeatable): the logged turns to learn from, and the "
                   "logs the signals are fitted on (cross-fitted: never on a turn's own dialogue).")
@click.option("--logs", multiple=True, type=_FILE,
              help="Shop logs (repeatable): JSON lines {\"query\": customer words, \"item_id\": chosen item, "
                   "optional \"session\"}, each a turn to learn from.")
@click.option("--baskets", multiple=True, type=_FILE,
              help="More logs to fit the signals on (as `fit-signals --baskets`; a basket's \"id\" is "
                   "matched with the logs' \"session\" for the cross-fitting).")
@click.option("--catalog", required=True, type=_FILE, help="The catalogue (movies.json or any shop format).")
@click.option("--out", required=True, type=_FILE, help="Fusion model file to write (JSON).")
@click.option("--skip-dialogues-in", "skip_files", multiple=True, type=_FILE,
              help="Leave out the dialogues of these files (repeatable), e.g. the ones you evaluate on.")
@click.option("--depth", type=click.IntRange(min=10, max=2000), default=200, show_default=True,
              help="Pool size the model re-orders.")
@click.option("--folds", type=click.IntRange(min=2), default=5, show_default=True,
              help="Cross-fitting folds for the signals.")
@click.option("--max-turns", type=click.IntRange(min=1), default=None,
              help="Learn from a fixed random sample of this many turns.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the sample, the split and LightGBM.")
@click.option("--trees", type=click.IntRange(min=1), default=300, show_default=True, help="Boosting rounds.")
@click.option("--threads", type=click.IntRange(min=1), default=2, show_default=True, help="LightGBM threads.")
@click.option("--keep-embedder-dialogues", is_flag=True,
              help="With a tuned embedder: learn from the dialogues (log lines) it was tuned on too (default: "
                   "only from the others, whose dense scores look like new customers').")
def fit_fusion_command(
    dialogues: tuple[Path, ...], logs: tuple[Path, ...], baskets: tuple[Path, ...], catalog: Path, out: Path, skip_files: tuple[Path, ...], depth: int,
    folds: int, max_turns: int | None, seed: int, trees: int, threads: int, keep_embedder_dialogues: bool,
) -> None:
    """Learn how to fuse the dense, BM25 and signal rankings from logged recommendation turns."""
    from chatrec.embedder_training import dialogue_ids
    from chatrec.embedding import embedder_identity
    from chatrec.eval import inputs
    from chatrec.eval.fusion_data import cross_fitted_examples
    from chatrec.eval.turns import dialogue_rec_turns, sample_turns
    from chatrec.fusion import fit_fusion
    from chatrec.signals import redial_sessions

    if not dialogues and not logs:
        raise InputError("give --dialogues or --logs: the logged turns to learn from")
    settings = make_settings()
    skip = dialogue_ids(skip_files) if skip_files else set()
    retriever, built = inputs.open_cached_index(catalog, settings)
    if built:
        click.echo(built, err=True)
    titles = {item.id: item.title for item in retriever.index.items}
    logged = dialogue_rec_turns(dialogues, titles, skip) + [
        turn for path in logs for turn in inputs.log_turns(path, titles) if turn.dialog_id not in skip
    ]
    embedder_skipped = 0
    if not keep_embedder_dialogues:
        logged, embedder_skipped = inputs.fusion_turns_unseen_by_embedder(settings, logged, "--keep-embedder-dialogues")
    turns = sample_turns(logged, max_turns, seed)
    sessions = [s for path in dialogues for s in redial_sessions(path, titles) if s.key not in skip]
    sessions += [s for path in baskets for s in inputs.read_baskets(path, set(titles)) if s.key not in skip]
    examples = cross_fitted_examples(retriever, sessions, turns, depth=depth, folds=folds, progress=True,
                                     seed=seed)
    fusion = fit_fusion(examples, depth=depth, trees=trees, seed=seed, threads=threads)
    fusion.meta.update({
        "embedder": embedder_identity(settings.embedder), "catalog_sha256": file_sha256(catalog),
        "dialogues": [str(p) for p in dialogues], "logs": [str(p) for p in logs], "skipped_dialogues": len(skip), "signals_weight": settings.signals_weight,
        "turns_embedder_tuned_on": embedder_skipped,
    })
    fusion.save(out)
    echo_json({"out": str(out), **{k: v for k, v in fusion.meta.items() if k.startswith(("turns", "usable", "held", "trees"))}})


@click.command(name="fit-signals")
@click.option("--dialogues", multiple=True, type=_FILE, help="Raw ReDial dialogue files (repeatable).")
@click.option("--baskets", multiple=True, type=_FILE,
              help="JSON lines, each a list of item ids or {\"id\": .., \"items\": [..]} (repeatable).")
@click.option("--catalog", type=_FILE, default=None, help="Keep only ids of this catalogue.")
@click.option("--out", required=True, type=_FILE, help="Signals file to write (.npz).")
def fit_signals_command(
    dialogues: tuple[Path, ...], baskets: tuple[Path, ...], catalog: Path | None, out: Path
) -> None:
    """Learn co-mention, popularity and log-text signals from interaction logs."""
    from chatrec.catalog import load_catalog
    from chatrec.eval import inputs
    from chatrec.signals import ItemSignals, Session, redial_sessions

    if not dialogues and not baskets:
        raise InputError("give --dialogues or --baskets")
    known = {item.id for item in load_catalog(catalog).items} if catalog else None
    sessions: list[Session] = []
    for path in dialogues:
        sessions.extend(redial_sessions(path, known))
    for path in baskets:
        sessions.extend(inputs.read_baskets(path, known))
    # The catalogue's items were on offer while the logs were collected: never named is a count of 0.
    signals = ItemSignals.fit(sessions, vocabulary=sorted(known) if known else ())
    signals.save(out)
    echo_json({"out": str(out), "sessions": signals.n_sessions, "items": len(signals)})


@click.command(name="linking")
@click.option("--dialogues", multiple=True, required=True, type=_FILE,
              help="Raw ReDial dialogue files (repeatable): their @id mentions are the truth.")
@click.option("--catalog", required=True, type=_FILE, help="The catalogue (movies.json).")
@click.option("--no-year-share", type=click.FloatRange(0.0, 1.0), default=0.5, show_default=True,
              help="Share of the mentions written without their year (the rest as \"Title (Year)\").")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Read at most this many messages.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of which mentions lose their year.")
def linking_command(
    dialogues: tuple[Path, ...], catalog: Path, no_year_share: float, limit: int | None, seed: int
) -> None:
    """Title linking precision and recall against ReDial's own @id mentions."""
    from chatrec.catalog import load_catalog
    from chatrec.eval.linking import evaluate_linking

    items = load_catalog(catalog).items
    result = evaluate_linking(dialogues, items, no_year_share=no_year_share, seed=seed, limit=limit)
    echo_json({"dialogues": [str(p) for p in dialogues], "no_year_share": no_year_share, **result.summary()})


@click.command(name="ownership")
@click.option("--dialogues", multiple=True, required=True, type=_FILE,
              help="Raw ReDial dialogue files (repeatable): their initiatorQuestions are the truth.")
@click.option("--catalog", required=True, type=_FILE, help="The catalogue (movies.json).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Read at most this many dialogues.")
def ownership_command(dialogues: tuple[Path, ...], catalog: Path, limit: int | None) -> None:
    """How well "the shopper has seen / owns / disliked it" is read from their words (ReDial questionnaires)."""
    from chatrec.catalog import load_catalog
    from chatrec.eval.linking import evaluate_ownership

    result = evaluate_ownership(dialogues, load_catalog(catalog).items, limit=limit)
    echo_json({"dialogues": [str(p) for p in dialogues], **result.summary()})


@click.command(name="histories")
@click.option("--demo", "demo_name", default="electronics", show_default=True,
              help="A bundled demo catalogue with customer histories (ignored with --catalog).")
@click.option("--catalog", type=_FILE, default=None, help="A catalogue file (instead of --demo).")
@click.option("--mapping", type=_FILE, default=None, help="Its column mapping file.")
@click.option("--histories", "histories_file", type=_FILE, default=None,
              help="Its customer histories (CSV/JSONL: user_id, item_id, event[, rating, timestamp]).")
@click.option("--folds", type=click.IntRange(min=2), default=5, show_default=True,
              help="Customer folds: the signals never learn from the scored customer.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the fold assignment.")
def histories_command(
    demo_name: str, catalog: Path | None, mapping: Path | None, histories_file: Path | None, folds: int, seed: int
) -> None:
    """New customers: recall of the last purchase with 0, 1, 3 and 10 earlier history items."""
    from chatrec.demo import demo_catalog
    from chatrec.eval.histories import evaluate_histories
    from chatrec.history import EVENT_WEIGHTS, read_interactions
    from chatrec.eval import inputs
    from chatrec.index import build_index
    from chatrec.retrieval import Retriever

    settings = make_settings()
    if catalog is None:
        demo = demo_catalog(demo_name)
        catalog, mapping, histories_file = demo.catalog, demo.mapping, histories_file or demo.histories
    if histories_file is None:
        raise InputError("give --histories (the customers' interactions) with --catalog")
    index_dir = inputs.cached_index_dir(catalog, settings)
    report = build_index(catalog, settings, mapping=mapping, index_dir=index_dir, progress=True)
    if not report.up_to_date:
        click.echo(report.summary(), err=True)
    retriever = Retriever.open(settings, index_dir=index_dir)
    events: dict[str, list[tuple[float, int, str]]] = {}
    for line, interaction, _error in read_interactions(histories_file):
        if interaction is not None and EVENT_WEIGHTS.get(interaction.event, 1.0) > 0:
            moment = interaction.timestamp if interaction.timestamp is not None else float("-inf")
            events.setdefault(interaction.user_id, []).append((moment, line, interaction.item_id))
    histories = {user: [item for *_, item in sorted(rows)] for user, rows in events.items()}
    echo_json({"catalog": str(catalog), "histories": str(histories_file),
               **evaluate_histories(retriever, histories, folds=folds, seed=seed)})


@click.command(name="report")
@click.option("--results", "results_files", multiple=True, required=True, type=_FILE,
              help="JSON written by `eval redial --json` (repeatable: systems are merged).")
@click.option("--out", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for report.md and its PNG plots.")
def report_command(results_files: tuple[Path, ...], out: Path) -> None:
    """Write a Markdown report with plots (Recall@K curves, ablation, latency) from eval results."""
    from chatrec.eval.report import load_results, write_report

    path = write_report(load_results(results_files), out)
    click.echo(str(path))


def register(group: click.Group) -> None:
    """Add the evaluation commands to ``group`` (the ``eval`` group)."""
    group.add_command(redial_command)
    group.add_command(fit_signals_command)
    group.add_command(fit_fusion_command)
    group.add_command(report_command)
    group.add_command(linking_command)
    group.add_command(histories_command)
    group.add_command(ownership_command)
