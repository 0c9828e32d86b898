"""Which collaborative list holds the echo-free targets? (issue 14, brief i14g)

Research script. On every validation turn (signals and EASE fitted on the 1,287 training
dialogues that hold no validation turn, as ``i14g_probe.py`` does for the validation pools):
share of the echo-free targets (named items removed first) in the top 50 / 300 of
(a) the product's signals list (the list ``Retriever.pool`` fuses: signal score > 0, logged,
with evidence: co-mention, two-hop or log-text match), (b) EASE's list (positive EASE score),
(c) either; and how many targets the logs never named (no collaborative list can hold them).

    PYTHONPATH=. OMP_NUM_THREADS=1 nice -n 10 /work/main/.venv/bin/python \\
        bench/redial_report/i14g_list_coverage.py L2
"""
import sys
from pathlib import Path

import numpy as np
from chatrec.item_model import ItemModel

from chatrec.cli._common import make_settings
from chatrec.eval import inputs
from chatrec.eval.redial import RedialEvaluation
from chatrec.eval.turns import load_turns
from chatrec.retrieval import EVIDENCE_PARTS
from chatrec.signals import ItemSignals, redial_sessions

D = Path('/work/shared/data/redial')
files = [D / 'train_part_a.jsonl', D / 'train_part_b.jsonl', D / 'train_part_c_entity_linked.jsonl']
L2 = float(sys.argv[1])
retriever, _ = inputs.open_cached_index(D / 'movies.json', make_settings(), progress=False)
ids = [it.id for it in retriever.index.items]
pos = {i: r for r, i in enumerate(ids)}
val = load_turns(D / 'valid_rec_turns.jsonl')
val_d = {t.dialog_id for t in val}
kept = [s for p in files for s in redial_sessions(p, set(ids)) if s.key not in val_d]
signals = ItemSignals.fit(kept, ids)
model = ItemModel.fit([s.items for s in kept], l2=L2, keep=0)
columns = model.columns_for(ids)
logged_items = {pos[i] for s in kept for i in s.items}
ev = RedialEvaluation(retriever, signals)
queries = [ev.query_of(t) for t in val]
vecs = retriever.embedder.encode_queries([q or ' ' for _, q in queries])
KS = (50, 300)
hits = {name: np.zeros(len(KS)) for name in ('signals', 'ease', 'either')}
n = never_logged = 0


def top(scores):
    positive = np.flatnonzero(np.isfinite(scores) & (scores > 0))
    return positive[np.argsort(-scores[positive], kind='stable')]


for t, (utt, q), vec in zip(val, queries, vecs):
    if not q:
        continue
    named = ev.named_in(utt)
    said = ' '.join(utt)
    asked = ev.product_query(q, vec, named)
    parts = asked.signal_parts
    evidence = np.logical_or.reduce([np.asarray(parts[p]) > 0 for p in EVIDENCE_PARTS])
    sig = np.where((parts['logged'] > 0) & evidence, asked.signal_scores, -np.inf)
    named_rows = {pos[i] for i in named}
    lists = {
        'signals': [r for r in top(sig).tolist() if r not in named_rows],
        'ease': [r for r in top(model.aligned_scores(columns, named)).tolist() if r not in named_rows],
    }
    for title in t.targets:
        linked = ev.linker.lookup(title)
        if not linked or set(linked) & set(named) or title in said:
            continue
        rows = {pos[i] for i in linked}
        n += 1
        never_logged += not (rows & logged_items)
        found = {}
        for name, ranked in lists.items():
            rank = min((i for i, r in enumerate(ranked) if r in rows), default=10 ** 6)
            found[name] = np.asarray([rank < k for k in KS])
            hits[name] += found[name]
        hits['either'] += found['signals'] | found['ease']
print(f'{n} echo-free pairs; targets the fitting logs never named: {never_logged} ({never_logged / n:.4f})')
for name, h in hits.items():
    print(f'{name:8s} ' + '  '.join(f'@{k} {v / n:.4f}' for k, v in zip(KS, h)))
