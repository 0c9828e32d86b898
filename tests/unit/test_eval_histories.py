"""New customers: recall of the last purchase with 0, 1, 3 and 10 earlier history items."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakes import HashingEmbedder

from chatrec.errors import InputError
from chatrec.eval.histories import evaluate_histories
from chatrec.index import build_index
from chatrec.retrieval import Retriever
from chatrec.settings import Settings


@pytest.fixture
def retriever(fixtures_dir: Path, settings: Settings, fake_embedder: HashingEmbedder) -> Retriever:
    index_dir = settings.cache_dir / "indexes" / "slice"
    build_index(fixtures_dir / "redial_movies.json", settings, embedder=fake_embedder, index_dir=index_dir)
    return Retriever.open(settings, index_dir=index_dir, embedder=fake_embedder)


def test_customers_who_bought_a_then_b_teach_the_next_customer(retriever: Retriever) -> None:
    ids = [item.id for item in retriever.index.items]
    a, b = ids[3], ids[7]
    # Every customer bought a then b; some bought three fillers before.
    histories = {f"u{n}": [a, b] for n in range(20)}
    histories.update({f"v{n}": [ids[10], ids[11], ids[12], a, b] for n in range(5)})
    result = evaluate_histories(retriever, histories, folds=5)
    rows = {row["history_items"]: row for row in result["rows"]}
    assert rows[0]["customers"] == 25 and rows[1]["customers"] == 25 and rows[3]["customers"] == 5
    assert rows[1]["signals"]["recall@10"] == 1.0  # b is what goes with a in the other customers' histories
    assert rows[10]["customers"] == 0 and rows[10]["signals"]["recall@10"] is None  # never extrapolated
    with pytest.raises(InputError, match="no customer history"):
        evaluate_histories(retriever, {"u": ["not-in-the-catalogue"]})


def test_histories_command_prints_the_table(tmp_path: Path, fixtures_dir: Path, fake_cli) -> None:
    from chatrec.cli import main

    histories = tmp_path / "histories.csv"
    movies = json.loads((fixtures_dir / "redial_movies.json").read_text())
    first, second = list(movies)[:2]
    histories.write_text("user_id,item_id,event\n" + "".join(
        f"u{n},{first},purchase\nu{n},{second},purchase\n" for n in range(6)), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "histories", "--catalog", str(fixtures_dir / "redial_movies.json"),
                                       "--histories", str(histories), "--folds", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [row["history_items"] for row in data["rows"]] == [0, 1, 3, 10]
    assert data["rows"][1]["customers"] == 6
