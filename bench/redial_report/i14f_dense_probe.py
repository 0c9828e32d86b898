"""Brief i14f probe: is a tuned embedder's dense ranking better on the dialogues it was trained on
than on others? Dense-only rank of each logged turn's targets (the query the product asks,
`RedialEvaluation.query_of`), over the whole catalogue, split by whether the embedder's
trained_groups.json holds the turn's dialogue. The same split for the stock embedder is the control.

    OMP_NUM_THREADS=1 python bench/redial_report/i14f_dense_probe.py EMBEDDER_FOLDER [GROUPS_FROM_FOLDER]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from chatrec.embedder_training import trained_groups
from chatrec.eval.inputs import open_cached_index
from chatrec.eval.redial import RedialEvaluation
from chatrec.eval.turns import dialogue_rec_turns, load_turns
from chatrec.settings import Settings

D = Path("/work/shared/data/redial")


def main(embedder: str, groups_from: str) -> None:
    settings = Settings(embedder=embedder)
    retriever, _ = open_cached_index(D / "movies.json", settings, progress=False)
    index = retriever.index
    titles = {item.id: item.title for item in index.items}
    files = [D / name for name in ("train_part_a.jsonl", "train_part_b.jsonl", "train_part_c_entity_linked.jsonl")]
    turns = dialogue_rec_turns(files, titles)
    learnt = trained_groups(groups_from)
    validation = {turn.dialog_id for turn in load_turns(D / "valid_rec_turns.jsonl")}
    evaluation = RedialEvaluation(retriever, None)
    queries = [evaluation.query_of(turn)[1] or " " for turn in turns]
    vectors = retriever.embedder.encode_queries(queries)
    scores = vectors @ index.embeddings.T
    groups: dict[str, list[int]] = {"trained": [], "untrained, not validation": [], "validation": []}
    for turn, row in zip(turns, scores, strict=True):
        named = set(evaluation.named_in(turn.context))
        order = np.argsort(-row, kind="stable")
        rank_of = np.empty_like(order)
        rank_of[order] = np.arange(len(order))
        key = ("trained" if turn.dialog_id in learnt else
               "validation" if turn.dialog_id in validation else "untrained, not validation")
        for title in turn.targets:
            for item_id in evaluation.linker.lookup(title)[:1]:
                if item_id not in named:  # echo-free pairs only
                    groups[key].append(int(rank_of[index.position(item_id)]))
    out = {}
    for key, ranks in groups.items():
        r = np.asarray(ranks)
        out[key] = {"pairs": len(r), "R@10": round(float((r < 10).mean()), 4) if len(r) else None,
                    "R@50": round(float((r < 50).mean()), 4) if len(r) else None}
    print(json.dumps({"embedder": embedder, "groups_from": groups_from, **out}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else sys.argv[1])
