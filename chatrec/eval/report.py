"""A Markdown report with PNG plots from ``eval redial --json`` results.

Several result files (for example the retrieval systems on every turn and the LLM systems on
a sample) merge into one report: one table, a Recall@K curve, a per-component ablation chart
and a latency histogram. Plots use matplotlib's Agg canvas directly (no pyplot, no display).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from chatrec.errors import InputError

__all__ = ["PUBLISHED", "load_results", "write_report"]

#: Published static Recall@1/10/50 on ReDial's *test* split (None: not reported).
PUBLISHED: dict[str, tuple[float | None, float | None, float | None]] = {
    "KBRD": (0.028, 0.169, 0.366),
    "BARCOR": (0.031, 0.170, 0.372),
    "UniCRS": (0.050, 0.215, 0.413),
    "ChatGPT (zero-shot)": (0.037, 0.174, None),
    "GPT-4 (zero-shot)": (0.045, 0.194, None),
}

_COLUMNS = (
    ("turns", "turns"), ("pairs", "pairs"), ("recall@1", "R@1"), ("recall@10", "R@10"),
    ("recall@50", "R@50"), ("ndcg@10", "NDCG@10"), ("mrr", "MRR"), ("coverage@10", "coverage@10"),
    ("diversity@10", "ILD@10"), ("latency_ms_p50", "p50 ms"), ("latency_ms_p95", "p95 ms"),
)


def load_results(paths: Iterable[Path | str]) -> dict[str, Any]:
    """Merge result files of ``eval redial --json``.

    A system present in several files keeps its last figures under its name and the earlier
    ones as ``"name (run N)"``, so that paired comparisons on a sample stay visible.

    Returns:
        ``{"runs": [run info...], "systems": {name: metrics with "turns", "run"}}``.

    Raises:
        InputError: A file is missing or not such a result.
    """
    runs: list[dict[str, Any]] = []
    systems: dict[str, dict[str, Any]] = {}
    for path in paths:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise InputError(f"cannot read results {path}: {exc.strerror or exc}") from exc
        except json.JSONDecodeError as exc:
            raise InputError(f"results {path} are not JSON: {exc.msg}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("systems"), dict):
            raise InputError(f"{path} is not an `eval redial --json` result (no 'systems')")
        info = {key: value for key, value in data.items() if key != "systems" and not isinstance(value, dict)}
        info["file"] = str(path)
        runs.append(info)
        for name, metrics in data["systems"].items():
            if name in systems:
                # Keep the earlier figures too (same system on other turns), under a run tag.
                earlier = systems.pop(name)
                systems[f"{name} (run {earlier['run']})"] = earlier
            systems[name] = {**metrics, "turns": data.get("turns"), "run": len(runs) - 1}
    if not systems:
        raise InputError("no system in the results")
    return {"runs": runs, "systems": systems}


def _figure(width: float = 7.0, height: float = 4.0) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=110)
    FigureCanvasAgg(figure)
    return figure


def _recall_curve(systems: Mapping[str, Mapping[str, Any]], path: Path, max_k: int = 100) -> None:
    figure = _figure()
    axes = figure.add_subplot(1, 1, 1)
    ks = np.arange(1, max_k + 1)
    for name, metrics in systems.items():
        ranks = np.asarray(metrics.get("ranks") or [], dtype=np.int64)
        if not len(ranks):
            continue
        axes.plot(ks, [(ranks < k).mean() for k in ks], label=f"{name} (n={len(ranks)})")
    for name, (_, r10, r50) in PUBLISHED.items():
        if name == "UniCRS" and r10 is not None and r50 is not None:
            axes.scatter([10, 50], [r10, r50], marker="x", color="black", label="UniCRS (published, test)")
    axes.set_xlabel("K")
    axes.set_ylabel("Recall@K")
    axes.set_title("Recall@K over (turn, target) pairs")
    axes.grid(alpha=0.3)
    axes.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(path)


def _ablation(systems: Mapping[str, Mapping[str, Any]], path: Path) -> None:
    figure = _figure(width=max(6.0, 1.0 + 0.9 * len(systems)))
    axes = figure.add_subplot(1, 1, 1)
    names = list(systems)
    x = np.arange(len(names))
    for offset, (key, label) in zip((-0.2, 0.2), (("recall@10", "R@10"), ("recall@50", "R@50")), strict=True):
        values = [float(systems[name].get(key, 0.0)) for name in names]
        bars = axes.bar(x + offset, values, width=0.4, label=label)
        for bar, value in zip(bars, values, strict=True):
            axes.annotate(f"{value:.2f}", (bar.get_x() + bar.get_width() / 2, value), ha="center",
                          va="bottom", fontsize=6)
    axes.set_xticks(x)
    axes.set_xticklabels(names, rotation=30, ha="right", fontsize=7)
    axes.set_ylabel("Recall")
    axes.set_title("Per-component ablation")
    axes.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(path)


def _latency(systems: Mapping[str, Mapping[str, Any]], path: Path) -> None:
    figure = _figure()
    axes = figure.add_subplot(1, 1, 1)
    for name, metrics in systems.items():
        values = metrics.get("latencies_ms") or []
        if values:
            axes.hist(values, bins=30, alpha=0.5, label=f"{name} (n={len(values)})")
    axes.set_xlabel("ms per turn (linking, embedding, scoring, re-ranking)")
    axes.set_ylabel("turns")
    axes.set_title("Per-turn latency")
    axes.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(path)


#: The echo-free table: pairs whose target was not named earlier in the dialogue.
_SUBSET_COLUMNS = (("pairs", "pairs"), ("recall@1", "R@1"), ("recall@10", "R@10"), ("recall@50", "R@50"),
                   ("ndcg@10", "NDCG@10"), ("mrr", "MRR"))


def _subset_table(systems: Mapping[str, Mapping[str, Any]], subset: str) -> list[str]:
    """One row per system that reported ``subset`` (see :data:`chatrec.eval.redial.PAIR_SUBSETS`)."""
    rows = {name: metrics[subset] for name, metrics in systems.items() if isinstance(metrics.get(subset), dict)}
    return _table(rows, _SUBSET_COLUMNS) if rows else []


def _cold_start_table(systems: Mapping[str, Mapping[str, Any]], runs: Sequence[Mapping[str, Any]]) -> list[str]:
    """Recall on targets without log data (and held-out items), and the top-10 share of items without logs."""
    lines = ["| system | pairs without log data | R@10 | R@50 | held-out pairs | R@10 | R@50 | "
             "top-10 slots without log data | catalogue without log data | pairs never named in logs | R@10 | "
             "top-10 slots never named | catalogue never named |", "|---" * 13 + "|"]
    rows = 0
    for name, metrics in systems.items():
        if metrics.get("top10_no_log_share") is None and "no_log_data" not in metrics:
            continue
        cold = metrics.get("no_log_data") or {}
        held = metrics.get("held_out") or {}
        run = runs[metrics["run"]] if isinstance(metrics.get("run"), int) and metrics["run"] < len(runs) else {}
        never = metrics.get("never_named_in_logs") or {}
        cells = [cold.get("pairs"), cold.get("recall@10"), cold.get("recall@50"), held.get("pairs"),
                 held.get("recall@10"), held.get("recall@50"), metrics.get("top10_no_log_share"),
                 run.get("catalogue_no_log_share"), never.get("pairs"), never.get("recall@10"),
                 metrics.get("top10_never_named_share"), run.get("catalogue_never_named_share")]
        lines.append(f"| {name} | " + " | ".join(_cell(c) for c in cells) + " |")
        rows += 1
    return lines if rows else []


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if value < 10 else f"{value:.0f}"
    return "–" if value is None else str(value)


def _table(systems: Mapping[str, Mapping[str, Any]], columns: Sequence[tuple[str, str]]) -> list[str]:
    lines = ["| system | " + " | ".join(label for _, label in columns) + " |",
             "|---" * (len(columns) + 1) + "|"]
    for name, metrics in systems.items():
        timed = bool(metrics.get("latencies_ms"))
        cells = [_cell(metrics.get(key)) if timed or not key.startswith("latency") else "–" for key, _ in columns]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def write_report(results: Mapping[str, Any], out: Path | str) -> Path:
    """Write ``report.md``, ``recall_at_k.png``, ``ablation.png`` and ``latency.png`` in ``out``.

    Args:
        results: What :func:`load_results` returns.
        out: The folder (created).

    Returns:
        The path of ``report.md``.
    """
    from chatrec.eval.redial import SYSTEMS

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    known = list(SYSTEMS)

    def order(name: str) -> tuple[int, int, str]:
        base = name.split(" (run ")[0]
        return (known.index(base) if base in known else len(known), int(" (run " in name), name)

    systems: Mapping[str, Mapping[str, Any]] = {
        name: results["systems"][name] for name in sorted(results["systems"], key=order)
    }
    _recall_curve(systems, out / "recall_at_k.png")
    _ablation(systems, out / "ablation.png")
    _latency(systems, out / "latency.png")

    lines = ["# chatrec on ReDial: static recommendation protocol", ""]
    lines += [
        "For every recommendation turn and every target title, the whole catalogue is ranked from",
        "the dialogue context alone; metrics are means over (turn, target) pairs. Coverage is the",
        "share of the catalogue shown in some top 10; ILD@10 the mean pairwise cosine distance of",
        "a top 10 in the run's own embedder (compare it only between runs with the same embedder: a",
        "tuned embedder packs similar items closer); latency is per turn on this machine (shared CPU).",
        "",
        "A target the seeker already named earlier in the dialogue is an echo, not a",
        "recommendation: the first table counts only the other (turn, target) pairs (echo-free);",
        "the all-pairs table, as published evaluations report it, follows.",
        "",
        "## Echo-free pairs (target not named earlier in the dialogue)",
        "",
    ]
    echo_free = _subset_table(systems, "echo_free")
    lines += echo_free or ["(no run in these results reports echo-free pairs: run `eval redial` again)"]
    cold = _cold_start_table(systems, results["runs"])
    if cold:
        lines += [
            "",
            "## Items without log data (item cold start)",
            "",
            "Recall on targets without log data (items added after the logs; with `--holdout-items F`",
            "the items removed from every log) and on targets the logs never named (no data, or on",
            "offer and never named), and the share of top-10 slots such items take next to their share",
            "of the catalogue. Without signals every item is without log data: see the held-out column.",
            "",
        ]
        lines += cold
    lines += ["", "## All pairs", ""]
    lines += _table(systems, _COLUMNS)
    lines += ["", "## Runs", ""]
    for number, run in enumerate(results["runs"]):
        names = [name for name, metrics in systems.items() if metrics.get("run") == number]
        lines.append(
            f"- run {number} (`{run.get('file')}`): {', '.join(names) or '(superseded)'}; "
            f"{run.get('turns')} turns of {run.get('turns_file', '?')} "
            f"(limit {run.get('limit')}, seed {run.get('seed')}), {run.get('targets')} targets, "
            f"{run.get('unlinked_targets')} not linkable to the catalogue, "
            f"{run.get('targets_already_named')} already named earlier in their dialogue, "
            f"{run.get('turns_skipped') or 0} turns skipped (dialogues a model was trained on); "
            + (f"items held out from every log: {run['held_out_items']} ({run.get('holdout_items')}); "
               if run.get("held_out_items") else "")
            + f"item signals: {run.get('signals') or 'none'}; embedder: {run.get('embedder') or 'not recorded'}"
            + (f"; learned fusion: {run['fusion']}" if run.get("fusion") else "")
            + (f"; LLM adapter: {run['adapter']}" if run.get("adapter") else "")
            + (f"; catalogue-taste list weight {run['content_weight']}" if "content_weight" in run else "")
        )
    lines += ["", "## Published figures (ReDial test split, for reference)", "",
              "| system | R@1 | R@10 | R@50 |", "|---|---|---|---|"]
    for name, values in PUBLISHED.items():
        lines.append(f"| {name} | " + " | ".join(_cell(v) for v in values) + " |")
    lines += [
        "",
        "## Plots",
        "",
        "![Recall@K](recall_at_k.png)",
        "",
        "![Ablation](ablation.png)",
        "",
        "![Latency](latency.png)",
        "",
    ]
    path = out / "report.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
