"""Commands of the dialogue area: ``ask``, ``chat`` and ``history import|export``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from chatrec.cli._common import echo_json, index_dir_option, make_settings
from chatrec.display import format_amount
from chatrec.errors import ChatRecError

__all__ = ["register"]


def _print_reply(reply: Any) -> None:
    click.echo(reply.text)
    if reply.question is not None and reply.question.options:
        click.echo("  options: " + " | ".join(reply.question.options))
    for position, rec in enumerate(reply.recommendations, start=1):
        price = f" ({format_amount(rec.price, rec.currency)})" if rec.price is not None else ""
        click.echo(f"{position}. {rec.title}{price} [{rec.item_id}]")
        if rec.reason:
            click.echo(f"   {rec.reason}")


@click.command()
@click.argument("message")
@click.option("--session", "session_id", default=None, help="Conversation id (default: a new one, printed).")
@click.option("--user", "user_id", default=None, help="Customer id, for their history.")
@index_dir_option
@click.option("--no-llm", is_flag=True, help="Rank by retrieval and explain from attributes (fast).")
@click.option("--json", "as_json", is_flag=True, help="Print the reply as JSON.")
def ask(
    message: str, session_id: str | None, user_id: str | None, index_dir: Path | None, no_llm: bool, as_json: bool
) -> None:
    """Answer one MESSAGE; pass --session to continue a conversation, one turn per call."""
    from chatrec.recommender import ChatRec

    settings = make_settings(index_dir=index_dir, use_llm=False if no_llm else None)
    rec = ChatRec.from_settings(settings)
    try:
        reply = rec.respond(message, session_id=session_id, user_id=user_id)
    finally:
        rec.close()
    if as_json:
        echo_json(reply.to_dict())
        return
    _print_reply(reply)
    if session_id is None:
        click.echo(f"(session {reply.session_id}: pass --session {reply.session_id} to continue)", err=True)


@click.command()
@click.option("--session", "session_id", default=None, help="Conversation id to continue.")
@click.option("--user", "user_id", default=None, help="Customer id, for their history.")
@index_dir_option
@click.option("--no-llm", is_flag=True, help="Rank by retrieval and explain from attributes (fast).")
def chat(session_id: str | None, user_id: str | None, index_dir: Path | None, no_llm: bool) -> None:
    """Chat in the terminal: type a message, or a number to answer with that option; 'quit' ends."""
    import uuid

    from chatrec.recommender import ChatRec

    settings = make_settings(index_dir=index_dir, use_llm=False if no_llm else None)
    rec = ChatRec.from_settings(settings)
    session_id = session_id or uuid.uuid4().hex
    click.echo(f"session {session_id}; 'quit' to stop, '-N' to reject the Nth item, '+N' to like it")
    options: list[str] = []
    shown: list[str] = []
    try:
        while True:
            try:
                line = click.prompt("you", prompt_suffix="> ", default="", show_default=False).strip()
            except (EOFError, click.Abort):
                break
            if line.lower() in {"quit", "exit", "q"}:
                break
            if not line:
                continue
            try:
                if line[0] in "+-" and line[1:].isdigit() and 1 <= int(line[1:]) <= len(shown):
                    kind = "liked" if line[0] == "+" else "rejected"
                    rec.feedback(session_id, shown[int(line[1:]) - 1], kind)
                    click.echo(f"(noted: {kind})")
                    continue
                if line.isdigit() and 1 <= int(line) <= len(options):
                    line = options[int(line) - 1]
                reply = None
                for event in rec.stream(line, session_id=session_id, user_id=user_id):
                    if isinstance(event, str):
                        click.echo(event, nl=False)
                    else:
                        reply = event
                click.echo()
            except ChatRecError as exc:
                click.echo(f"error: {exc}", err=True)
                continue
            assert reply is not None
            options = list(reply.question.options) if reply.question else []
            if options:
                click.echo("  " + "  ".join(f"[{i}] {o}" for i, o in enumerate(options, start=1)))
            if reply.recommendations:
                shown = [r.item_id for r in reply.recommendations]
    finally:
        rec.close()


@click.group()
def history() -> None:
    """Customer histories: import interactions, export feedback for training."""


@history.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@index_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def history_import(file: Path, index_dir: Path | None, as_json: bool) -> None:
    """Import interactions (CSV/JSONL: user_id, item_id, event, rating, timestamp).

    Rows naming items not in the index are reported as bad, with their line numbers.
    """
    from chatrec.history import import_interactions
    from chatrec.index import open_index
    from chatrec.sessions import SessionStore

    settings = make_settings(index_dir=index_dir)
    index = open_index(settings.index_dir)
    with SessionStore.from_settings(settings) as store:
        report = import_interactions(file, store, known_items=index)
    if as_json:
        echo_json(report.to_dict())
        return
    click.echo(report.summary())
    for row in report.bad_rows[:20]:
        click.echo(f"  {row}", err=True)
    if len(report.bad_rows) > 20:
        click.echo(f"  ... and {len(report.bad_rows) - 20} more", err=True)


@history.command("export")
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False))
def history_export(out: Path) -> None:
    """Write the sessions' feedback as training examples (JSONL: turns, positives, negatives)."""
    from chatrec.sessions import SessionStore

    settings = make_settings()
    with SessionStore.from_settings(settings) as store:
        count = store.export_training(out)
    click.echo(f"{count} training examples written to {out}")


def register(group: click.Group) -> None:
    """Add ``ask``, ``chat`` and ``history`` to ``group``."""
    group.add_command(ask)
    group.add_command(chat)
    group.add_command(history)
