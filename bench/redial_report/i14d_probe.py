"""Probe (issue 14, brief i14d): cache fusion pools once, then screen fusion variants offline.

Research script, not part of the package. One split (not the eval's 2-fold run): signals for
the sampled validation turns are fitted on every training dialogue except the validation ones;
the fusion's training turns are logged turns of the other dialogues, their signals 5-fold
cross-fitted with 20% of the logged items hidden (as ``fold_fusion`` does). Each pool is the
product's fused pool (``Retriever.pool``, k 100, depth DEPTH) with the fusion features, plus
candidate extra features per pool row, pickled to OUT for ``i14d_screen.py``.

    PYTHONPATH=. OMP_NUM_THREADS=1 nice -n 10 /work/main/.venv/bin/python \
        bench/redial_report/i14d_probe.py LIMIT FUSION_TURNS DEPTH OUT   (LIMIT 0: all validation turns)
"""
import pickle
import random
import re
import sys
from pathlib import Path

import numpy as np

from chatrec.cli._common import make_settings
from chatrec.eval import inputs
from chatrec.eval.redial import RedialEvaluation, cross_fitting_folds, without_items
from chatrec.eval.turns import dialogue_rec_turns, load_turns, sample_turns
from chatrec.signals import ItemSignals, redial_sessions

D = Path('/work/shared/data/redial')
files = [D / 'train_part_a.jsonl', D / 'train_part_b.jsonl', D / 'train_part_c_entity_linked.jsonl']
LIMIT = int(sys.argv[1])
NFUS = int(sys.argv[2])
DEPTH = int(sys.argv[3])
OUT = sys.argv[4]
settings = make_settings()
retriever, _ = inputs.open_cached_index(D / 'movies.json', settings, progress=False)
index = retriever.index
ids = [it.id for it in index.items]
pos = {i: r for r, i in enumerate(ids)}
n = len(ids)
E = index.embeddings.astype(np.float32)
YEAR = np.zeros(n, np.float32)
for r, it in enumerate(index.items):
    m = re.search(r'\((\d{4})\)\s*$', it.title)
    YEAR[r] = float(m.group(1)) if m else np.nan
sessions = [s for p in files for s in redial_sessions(p, set(ids))]
all_val = load_turns(D / 'valid_rec_turns.jsonl')
val = sample_turns(all_val, LIMIT or None, 0)  # LIMIT 0: every turn
val_d = {t.dialog_id for t in all_val}  # the fusion never learns from any validation dialogue
sample400 = {(t.dialog_id, t.turn_id) for t in sample_turns(all_val, 400, 0)}
titles = {it.id: it.title for it in index.items}
logged = [t for t in dialogue_rec_turns(files, titles) if t.dialog_id not in val_d]
logged = sample_turns(logged, NFUS, 0)
kept = [s for s in sessions if s.key not in val_d]
print('val turns', len(val), 'fusion turns', len(logged), 'sessions', len(kept), flush=True)


def collect(ev, turns, out):
    queries = [ev.query_of(t) for t in turns]
    vecs = retriever.embedder.encode_queries([q or ' ' for _, q in queries])
    lasts = retriever.embedder.encode_queries([(u[-1] if u else ' ') for u, _ in queries])
    for t, (utt, q), vec, vlast in zip(turns, queries, vecs, lasts):
        if not q:
            continue
        named = ev.named_in(utt)
        said = ' '.join(utt)
        tg = []
        for title in t.targets:
            linked = ev.linker.lookup(title)
            if linked:
                tg.append(([pos[i] for i in linked], bool(set(linked) & set(named)) or title in said))
        if not tg:
            continue
        asked = ev.product_query(q, vec, named)
        pool = retriever.pool(asked, 100, fusion_depth=DEPTH, features=True)
        rows, feats = pool.features(DEPTH)
        nrows = [pos[i] for i in named]
        extra = {}
        extra['dense_last'] = E[rows] @ vlast.astype(np.float32)
        bm = retriever.bm25.scores(utt[-1])
        extra['lexical_last'] = bm[rows]
        if nrows:
            sims = E[rows] @ E[nrows].T  # rows x named
            w = 0.5 ** np.arange(len(nrows), dtype=np.float32)[::-1]
            extra['nb_max'] = sims.max(axis=1)
            extra['nb_recent'] = sims @ (w / w.sum())
            extra['nb_last'] = sims[:, -1]
            ny = YEAR[nrows]
            ny = ny[np.isfinite(ny)]
            extra['year_gap'] = np.abs(YEAR[rows] - ny.mean()) if len(ny) else np.full(len(rows), np.nan, np.float32)
        else:
            for k in ('nb_max', 'nb_recent', 'nb_last'):
                extra[k] = np.zeros(len(rows), np.float32)
            extra['year_gap'] = np.full(len(rows), np.nan, np.float32)
        extra['year'] = YEAR[rows]
        out.append(dict(group=t.dialog_id, in400=(t.dialog_id, t.turn_id) in sample400, rows=rows, feats=feats, named=set(nrows), targets=tg, extra=extra,
                        text=said.lower()))


train = []
rng = random.Random(0)
for fold_turns, fold_kept in cross_fitting_folds(kept, logged, 5):
    items = sorted({i for s in fold_kept for i in s.items})
    hidden = set(rng.sample(items, int(len(items) * 0.2)))
    sig = ItemSignals.fit(without_items(fold_kept, hidden), [i for i in ids if i not in hidden])
    collect(RedialEvaluation(retriever, sig), fold_turns, train)
    print('train examples', len(train), flush=True)
evald = []
collect(RedialEvaluation(retriever, ItemSignals.fit(kept, ids)), val, evald)
print('val examples', len(evald), flush=True)
pickle.dump(dict(train=train, val=evald), open(OUT, 'wb'))
