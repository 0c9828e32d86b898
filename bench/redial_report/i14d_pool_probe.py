"""Probe (issue 14, brief i14d): echo-free recall of the product's RRF pool under query variants.

Research script. Sampled validation turns (seed 0), signals fitted on every training dialogue
except the validation ones, the named items removed from the ranking (``product-exclude``);
echo-free R@10 / R@50 / R@200 of the fused pool (before any learned fusion) per variant:

- ``q4``: the product's query (the last 4 utterances);
- ``q4+last``: the same with the seeker's latest message written twice (weighted more);
- ``q2``: the last 2 utterances;
- ``nb``: q4, the catalogue-taste list's content score mixed with the named items' dense
  neighbours (later-named weighing more).

    PYTHONPATH=. OMP_NUM_THREADS=1 nice -n 10 /work/main/.venv/bin/python bench/redial_report/i14d_pool_probe.py 400
"""
import dataclasses
import sys
from pathlib import Path

import numpy as np

from chatrec.cli._common import make_settings
from chatrec.eval import inputs
from chatrec.eval.redial import RedialEvaluation
from chatrec.eval.turns import load_turns, sample_turns
from chatrec.signals import ItemSignals, redial_sessions

D = Path('/work/shared/data/redial')
files = [D / 'train_part_a.jsonl', D / 'train_part_b.jsonl', D / 'train_part_c_entity_linked.jsonl']
settings = make_settings()
retriever, _ = inputs.open_cached_index(D / 'movies.json', settings, progress=False)
index = retriever.index
ids = [it.id for it in index.items]
pos = {i: r for r, i in enumerate(ids)}
E = index.embeddings.astype(np.float32)
all_val = load_turns(D / 'valid_rec_turns.jsonl')
val = sample_turns(all_val, int(sys.argv[1]), 0)
val_d = {t.dialog_id for t in all_val}
kept = [s for p in files for s in redial_sessions(p, set(ids)) if s.key not in val_d]
ev = RedialEvaluation(retriever, ItemSignals.fit(kept, ids))
queries = [ev.query_of(t) for t in val]
texts = {
    'q4': [q for _, q in queries],
    'q4+last': [(q + ' ' + u[-1]) if u else q for u, q in queries],
    'q2': [' '.join(u[-2:]) for u, _ in queries],
}
vectors = {name: retriever.embedder.encode_queries([t or ' ' for t in ts]) for name, ts in texts.items()}
ranks = {name: [] for name in [*texts, 'nb']}
for number, (t, (utt, _)) in enumerate(zip(val, queries)):
    named = ev.named_in(utt)
    said = ' '.join(utt)
    targets = []
    for title in t.targets:
        linked = ev.linker.lookup(title)
        if linked and not (set(linked) & set(named)) and title not in said:
            targets.append([pos[i] for i in linked])
    if not targets:
        continue
    for name in [*texts, 'nb']:
        base = 'q4' if name == 'nb' else name
        asked = ev.product_query(texts[base][number], vectors[base][number], named)
        if name == 'nb' and named and asked.content_scores is not None:
            rows = [pos[i] for i in named]
            w = 0.5 ** np.arange(len(rows), dtype=np.float32)[::-1]
            nb = (E @ (E[rows].T @ w)) / w.sum()
            nb[rows] = 0.0
            nb = np.clip((nb - np.quantile(nb, 0.99)) / max(nb.max() - np.quantile(nb, 0.99), 1e-6), 0, None)
            content = np.asarray(asked.content_scores) + 3.0 * nb
            asked = dataclasses.replace(asked, content_scores=content.astype(np.float32))
        asked = dataclasses.replace(asked, exclude_ids=tuple(named))
        pool = retriever.pool(asked, 100, fusion_depth=300)
        rank = {r: i for i, r in enumerate(pool.order)}
        for rows in targets:
            ranks[name].append(min((rank[r] for r in rows if r in rank), default=10 ** 6))
for name, values in ranks.items():
    v = np.asarray(values)
    print(f'{name:8s} pairs {len(v)} R@10 {np.mean(v < 10):.4f} R@50 {np.mean(v < 50):.4f} R@200 {np.mean(v < 200):.4f}',
          flush=True)
