"""Probe (issue 14, brief i14g): the fusion's pools once, with an EASE item model beside them.

Research script, not part of the package; ``i14d_probe.py`` plus, per pool, the EASE scores
(``chatrec.item_model.ItemModel``, fitted on the same sessions as that turn's signals: 5-fold
cross-fitted for the fusion's training turns, every non-validation dialogue for the
validation turns; never a validation dialogue) and EASE's own top-DEPTH list, so that
``i14g_screen.py`` can (i) add that list to the reciprocal-rank pool and (ii) read EASE as a
fusion feature. Features are computed for the union of the pool's DEPTH best rows and the
EASE list: any weight of the extra list gives a pool inside that union.

    PYTHONPATH=. OMP_NUM_THREADS=1 nice -n 10 /work/main/.venv/bin/python \
        bench/redial_report/i14g_probe.py LIMIT FUSION_TURNS DEPTH L2 OUT   (LIMIT 0: all validation turns)

VAL_FOLDS=2: the validation turns' signals and EASE are fitted as in ``eval redial --folds 2``
(every dialogue except those of the turn's fold, so the other fold's validation dialogues too:
more logs); by default on the non-validation dialogues only. EASE reads each logged dialogue
once (ReDial's parts share 131), as ``ItemSignals.fit`` does.
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
from chatrec.fusion import pool_features
from chatrec.item_model import ItemModel
from chatrec.eval.turns import dialogue_rec_turns, load_turns, sample_turns
from chatrec.signals import ItemSignals, redial_sessions

D = Path('/work/shared/data/redial')
files = [D / 'train_part_a.jsonl', D / 'train_part_b.jsonl', D / 'train_part_c_entity_linked.jsonl']
LIMIT = int(sys.argv[1])
NFUS = int(sys.argv[2])
DEPTH = int(sys.argv[3])
L2 = float(sys.argv[4])
OUT = sys.argv[5]
import time
START = time.time()
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


def collect(ev, turns, out, model):
    columns = model.columns_for(ids)
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
        base = np.asarray(pool.order[:DEPTH], dtype=np.int64)
        ease = model.aligned_scores(columns, named)  # NaN: no column (never named in these logs)
        positive = np.flatnonzero(np.nan_to_num(ease, nan=0.0) > 0)
        ease_list = positive[np.argsort(-ease[positive], kind='stable')][:DEPTH]
        union = np.concatenate([base, ease_list[~np.isin(ease_list, base)]])
        feats = pool_features(union, pool.scores, DEPTH)
        nrows = [pos[i] for i in named]
        finite = np.isfinite(ease) & (ease > 0)
        ordered = np.sort(ease[finite])[::-1]
        higher = np.searchsorted(-ordered, -np.nan_to_num(ease[union], nan=-np.inf), side='left').astype(np.float32)
        extra = {'ease': ease[union], 'ease_rank': np.log1p(np.where(finite[union], np.minimum(higher, DEPTH), DEPTH)).astype(np.float32)}
        rows = union
        extra['year'] = YEAR[rows]
        out.append(dict(group=t.dialog_id, in400=(t.dialog_id, t.turn_id) in sample400, rows=rows, n_base=len(base), feats=feats, named=set(nrows), targets=tg, extra=extra,
                        fused=np.asarray([pool.fused.get(int(r), 0.0) for r in rows], np.float32), ease_list=ease_list))


def baskets(chosen):
    """The sessions' item sets, each logged dialogue once."""
    return [s.items for s in {s.key: s for s in chosen}.values()]


train = []
rng = random.Random(0)
for fold_turns, fold_kept in cross_fitting_folds(kept, logged, 5):
    items = sorted({i for s in fold_kept for i in s.items})
    hidden = set(rng.sample(items, int(len(items) * 0.2)))
    sig = ItemSignals.fit(without_items(fold_kept, hidden), [i for i in ids if i not in hidden])
    collect(RedialEvaluation(retriever, sig), fold_turns, train, ItemModel.fit(baskets(without_items(fold_kept, hidden)), l2=L2, keep=0))
    print('train examples', len(train), f'{time.time() - START:.0f} s', flush=True)
evald = []
import os
if os.environ.get('VAL_FOLDS', '1') == '2':
    for fold_val, fold_sessions in cross_fitting_folds(sessions, val, 2):
        print('validation fold', len(fold_val), 'turns', len({s.key for s in fold_sessions}), 'dialogues', flush=True)
        collect(RedialEvaluation(retriever, ItemSignals.fit(fold_sessions, ids)), fold_val, evald,
                ItemModel.fit(baskets(fold_sessions), l2=L2, keep=0))
else:
    collect(RedialEvaluation(retriever, ItemSignals.fit(kept, ids)), val, evald, ItemModel.fit(baskets(kept), l2=L2, keep=0))
print('val examples', len(evald), f'{time.time() - START:.0f} s', flush=True)
pickle.dump(dict(train=train, val=evald), open(OUT, 'wb'))
