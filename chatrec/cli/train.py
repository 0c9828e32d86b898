"""``chatrec train`` (LoRA ranking adapter), ``chatrec models prepare`` (convert the packaged LLM) and ``export-gguf``."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import click

from chatrec.cli._common import echo_json, index_dir_option, make_settings, training_run_options

logger = logging.getLogger(__name__)

@click.group(name="train", invoke_without_command=True)
@click.option("--data", "data", multiple=True,
              type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="JSONL file of ReDial raw dialogues or chatrec sessions with feedback (repeatable).")
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the adapter, training_config.json, metrics.json and loss_log.jsonl.")
@index_dir_option
@click.option("--max-examples", type=click.IntRange(1), default=None, help="Training examples (default 400).")
@click.option("--heldout", type=click.IntRange(0), default=None,
              help="Examples of other dialogues kept to measure label hit@1 (default 30).")
@click.option("--epochs", type=click.IntRange(1), default=None, help="Passes over the examples (default 1).")
@click.option("--lr", type=float, default=None, help="Peak learning rate (default 5e-4).")
@click.option("--lora-r", type=click.IntRange(1), default=None, help="LoRA rank (default 8).")
@click.option("--n-candidates", type=click.IntRange(2, 26), default=None, help="Candidates per example (default 20).")
@click.option("--max-seq-len", type=click.IntRange(16), default=None, help="Longer prompts are skipped (default 768).")
@click.option("--dtype", type=click.Choice(["bfloat16", "float32"]), default=None,
              help="Base weights dtype while training (default bfloat16).")
@training_run_options
@click.pass_context
def train_command(
    ctx: click.Context,
    data: tuple[Path, ...],
    out: Path | None,
    index_dir: Path | None,
    max_examples: int | None,
    heldout: int | None,
    epochs: int | None,
    lr: float | None,
    lora_r: int | None,
    n_candidates: int | None,
    max_seq_len: int | None,
    dtype: str | None,
    seed: int | None,
    threads: int | None,
    no_progress: bool,
) -> None:
    """Train the LoRA ranking adapter of the configured LLM on dialogues.

    Candidates come from the index in --index-dir (build it from the catalogue the dialogues
    refer to, e.g. ReDial's movies.json, with `chatrec index build`). Use the result with
    CHATREC_ADAPTER=OUT. `chatrec train understanding` trains the understanding adapter.
    """
    if ctx.invoked_subcommand is not None:
        return
    if not data:
        raise click.UsageError("Missing option '--data'.")
    if out is None:
        raise click.UsageError("Missing option '--out'.")
    import torch

    from chatrec.retrieval import Retriever
    from chatrec.train import TrainConfig, build_examples, load_base_model, split_heldout, train_adapter

    overrides: dict[str, Any] = {
        "max_examples": max_examples, "heldout": heldout, "epochs": epochs, "lr": lr, "lora_r": lora_r,
        "n_candidates": n_candidates, "max_seq_len": max_seq_len, "dtype": dtype, "seed": seed, "threads": threads,
    }
    config = TrainConfig(data=[str(p) for p in data], **{k: v for k, v in overrides.items() if v is not None})
    if lora_r is not None:
        config.lora_alpha = 2 * lora_r
    if config.threads:
        torch.set_num_threads(config.threads)
    settings = make_settings(index_dir=index_dir)
    started = time.perf_counter()
    retriever = Retriever.open(settings)
    examples = build_examples(
        list(data), retriever, n_candidates=config.n_candidates, seed=config.seed,
        limit=config.max_examples + config.heldout,
    )
    held, train = split_heldout(examples, config.heldout, config.max_examples)
    click.echo(
        f"{len(train)} training and {len(held)} held-out examples in {time.perf_counter() - started:.0f} s "
        f"(retrieval found the target in {sum(e.retrieved for e in examples) / max(1, len(examples)):.0%})",
        err=True,
    )
    model, tokenizer = load_base_model(settings, config.dtype)
    metrics = train_adapter(model, tokenizer, train, retriever.index, out, config, heldout=held,
                            progress=not no_progress)
    echo_json(metrics)


@click.group(name="models")
def models_group() -> None:
    """Prepare the models chatrec runs on."""


@models_group.command(name="prepare")
@click.option("--force", is_flag=True, help="Convert again even when a good conversion exists.")
@click.option("--json", "as_json", is_flag=True, help="Print {llm, folder, seconds, adapter} as JSON.")
def prepare_command(force: bool, as_json: bool) -> None:
    """Convert the packaged LLM once (GGUF to a bf16 folder in the cache) and check the adapter."""
    from chatrec.llm import prepare_model, resolve_adapter

    settings = make_settings()
    started = time.perf_counter()
    folder = prepare_model(settings, force=force)
    adapter = resolve_adapter(settings)
    result = {
        "llm": settings.llm,
        "folder": str(folder),
        "seconds": round(time.perf_counter() - started, 1),
        "adapter": str(adapter) if adapter else None,
    }
    if as_json:
        echo_json(result)
    else:
        click.echo(f"{settings.llm}: {folder} ({result['seconds']} s); adapter: {result['adapter'] or 'none'}")



def _job_settings(settings: Any, job: str) -> Any:
    """The settings whose ``adapter`` is the one a job merges in-process (rank, understand, reasons)."""
    if job == "understand":
        from chatrec.llm_understanding import understanding_settings

        return understanding_settings(settings)
    if job == "reasons":
        from chatrec.reason_training import resolve_reason_adapter

        reasons = resolve_reason_adapter(settings)
        return settings.model_copy(update={"adapter": str(reasons) if reasons else None})
    return settings


@models_group.command(name="export-gguf")
@click.option("--out", "out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="GGUF file to write (default: the cache's models folder, named after the job and dtype).")
@click.option("--job", type=click.Choice(["rank", "understand", "reasons"]), default="rank", show_default=True,
              help="Whose weights: the ranking LLM (CHATREC_ADAPTER merged), the understanding LLM "
                   "(CHATREC_UNDERSTANDING_ADAPTER merged) or the reasons LLM (CHATREC_REASON_ADAPTER merged).")
@click.option("--dtype", type=click.Choice(["f32", "bf16"]), default="f32", show_default=True,
              help="f32: exactly the in-process float32 model; bf16: half the size, not bit-exact.")
@click.option("--json", "as_json", is_flag=True, help="Print {path, dtype, adapter, tensors, bytes, seconds}.")
def export_gguf_command(out: Path | None, job: str, dtype: str, as_json: bool) -> None:
    """Write the in-process LLM's exact weights (adapter merged) as a GGUF file for llama.cpp's server."""
    from chatrec.gguf_export import export_gguf

    settings = _job_settings(make_settings(), job)
    if out is None:
        out = Path(settings.cache_dir).expanduser() / "models" / f"{settings.llm}-{job}-{dtype}.gguf"
    result = export_gguf(settings, out, dtype="bf16" if dtype == "bf16" else "f32")
    if as_json:
        echo_json({"path": str(result.path), "dtype": result.dtype, "adapter": result.adapter,
                   "tensors": result.tensors, "bytes": result.bytes, "seconds": result.seconds})
    else:
        click.echo(f"{result.path} ({result.dtype}, {result.bytes / 1e6:.0f} MB, adapter: "
                   f"{result.adapter or 'none'}, {result.seconds} s)")


@models_group.command(name="export-lora")
@click.option("--out", "out", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="GGUF LoRA adapter file to write (serve it with llama.cpp's --lora on the base GGUF).")
@click.option("--job", type=click.Choice(["rank", "understand", "reasons"]), default="rank", show_default=True,
              help="Whose adapter: CHATREC_ADAPTER (ranking), CHATREC_UNDERSTANDING_ADAPTER or CHATREC_REASON_ADAPTER.")
@click.option("--adapter", "adapter", type=click.Path(path_type=Path, file_okay=False, exists=True), default=None,
              help="A PEFT LoRA folder instead of the job's adapter.")
def export_lora_command(out: Path, job: str, adapter: Path | None) -> None:
    """Write a LoRA adapter as a GGUF LoRA adapter for llama.cpp (the base GGUF stays unmerged)."""
    from chatrec.errors import AdapterError
    from chatrec.gguf_export import export_lora_gguf
    from chatrec.llm import resolve_adapter

    folder = adapter or resolve_adapter(_job_settings(make_settings(), job))
    if folder is None:
        raise AdapterError("no adapter to export: the job's adapter is none (give --adapter DIR)")
    result = export_lora_gguf(folder, out)
    click.echo(f"{result.path} ({result.tensors} tensors, {result.bytes / 1e6:.1f} MB, from {result.adapter})")

def _add_subcommands() -> None:
    from chatrec.cli.train_reasons import train_reasons_command
    from chatrec.cli.train_understanding import train_understanding_command

    train_command.add_command(train_understanding_command)  # chatrec train understanding
    train_command.add_command(train_reasons_command, name="reasons")  # chatrec train reasons (= train-reasons)


_add_subcommands()


def register(group: click.Group) -> None:
    """Add ``train`` and the ``models`` group to ``group``."""
    group.add_command(train_command)
    group.add_command(models_group)
