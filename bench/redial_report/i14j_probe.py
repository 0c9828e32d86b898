"""Probe (issue 14, brief i14j): the fusion's pools (today's, ``A`` of i14i) plus what a context model reads.

Research script, not part of the package. As ``i14i_probe.py`` pool ``A`` only (the named films
in the pool, removed after the ranking: ``product-exclude``), for the 3,736 logged turns of the
non-validation dialogues (5-fold cross-fitted) and a sample of validation turns (signals per fold
as ``eval redial --folds 2``). Per example it also keeps the dialogue's utterances and its fold's
training dialogues, and it dumps every recommendation turn of the raw dialogues (context
utterances, named rows, target rows with their echo flag) so that a context-to-film model can be
trained per fold on exactly the dialogues the fold's signals see.

    PYTHONPATH=. OMP_NUM_THREADS=1 nice -n 10 /work/main/.venv/bin/python \
        bench/redial_report/i14j_probe.py LIMIT FUSION_TURNS DEPTH OUT   (LIMIT 0: all validation turns)
"""
import pickle
import random
import sys
import time
from pathlib import Path

import numpy as np

from chatrec.cli._common import make_settings
from chatrec.eval import inputs
from chatrec.eval.redial import RedialEvaluation, cross_fitting_folds, without_items
from chatrec.eval.turns import dialogue_rec_turns, load_turns, sample_turns
from chatrec.signals import ItemSignals, redial_sessions

D = Path('/work/shared/data/redial')
files = [D / 'train_part_a.jsonl', D / 'train_part_b.jsonl', D / 'train_part_c_entity_linked.jsonl']
LIMIT, NFUS, DEPTH, OUT = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
START = time.time()
settings = make_settings()
retriever, _ = inputs.open_cached_index(D / 'movies.json', settings, progress=False)
index = retriever.index
ids = [it.id for it in index.items]
pos = {i: r for r, i in enumerate(ids)}

sessions = [s for p in files for s in redial_sessions(p, set(ids))]
all_val = load_turns(D / 'valid_rec_turns.jsonl')
val = sample_turns(all_val, LIMIT or None, 0)
val_d = {t.dialog_id for t in all_val}
titles = {it.id: it.title for it in index.items}
every_turn = dialogue_rec_turns(files, titles)
logged = [t for t in every_turn if t.dialog_id not in val_d]
logged = sample_turns(logged, NFUS, 0)
kept = [s for s in sessions if s.key not in val_d]
print('val turns', len(val), 'fusion turns', len(logged), 'sessions', len(kept), 'all rec turns', len(every_turn), flush=True)


def targets_of(ev, t, named, said):
    tg = []
    for title in t.targets:
        linked = ev.linker.lookup(title)
        if linked:
            tg.append(([pos[i] for i in linked], bool(set(linked) & set(named)) or title in said))
    return tg


def collect(ev, turns, out, fold):
    queries = [ev.query_of(t) for t in turns]
    vecs = retriever.embedder.encode_queries([q or ' ' for _, q in queries])
    for t, (utt, q), vec in zip(turns, queries, vecs):
        if not q:
            continue
        named = ev.named_in(utt)
        tg = targets_of(ev, t, named, ' '.join(utt))
        if not tg:
            continue
        rows, feats = retriever.pool(ev.product_query(q, vec, named), 100, fusion_depth=DEPTH,
                                     features=True).features(DEPTH)
        out.append(dict(group=t.dialog_id, fold=fold, utt=utt, named={pos[i] for i in named}, targets=tg,
                        pools={'A': dict(rows=rows.astype(np.int32), feats=feats.astype(np.float32))}))


# Every recommendation turn, linked without signals (no popularity prior), for the context model.
plain = RedialEvaluation(retriever, None)
dump = []
for t in every_turn:
    utt, _ = plain.query_of(t)
    named = plain.named_in(utt)
    tg = targets_of(plain, t, named, ' '.join(utt))
    if tg:
        dump.append(dict(group=t.dialog_id, utt=utt, named=[pos[i] for i in named], targets=tg))
print('dumped turns', len(dump), f'{time.time() - START:.0f} s', flush=True)

train, folds = [], {}
rng = random.Random(0)
for k, (fold_turns, fold_kept) in enumerate(cross_fitting_folds(kept, logged, 5)):
    items = sorted({i for s in fold_kept for i in s.items})
    hidden = set(rng.sample(items, int(len(items) * 0.2)))
    fitted = without_items(fold_kept, hidden)
    folds[('t', k)] = {s.key for s in fold_kept}
    sig = ItemSignals.fit(fitted, [i for i in ids if i not in hidden])
    collect(RedialEvaluation(retriever, sig), fold_turns, train, ('t', k))
    print('train examples', len(train), f'{time.time() - START:.0f} s', flush=True)
evald = []
for f, (fold_val, fold_sessions) in enumerate(cross_fitting_folds(sessions, val, 2)):
    folds[('v', f)] = {s.key for s in fold_sessions}
    collect(RedialEvaluation(retriever, ItemSignals.fit(fold_sessions, ids)), fold_val, evald, ('v', f))
    print('val examples', len(evald), f'{time.time() - START:.0f} s', flush=True)
pickle.dump(dict(train=train, val=evald, dump=dump, folds=folds, n_items=len(ids)), open(OUT, 'wb'), protocol=4)
print('done', f'{time.time() - START:.0f} s', flush=True)
