"""Probe (issue 14, brief i14i): the fusion's pools once, three ways, to screen how the fusion is trained.

Research script, not part of the package. The pools of ``i14h_probe.py`` (today's product, no
extra lists), kept for every logged training turn (5-fold cross-fitted, a fifth of the logged
films hidden from each fold's signals, 1,287 non-validation dialogues) and every validation turn
(signals fitted per fold as ``eval redial --folds 2``), each computed three ways:

- ``A``: the query as the fusion is trained and ``product-exclude`` serves it today: the named
  films in the pool (and in its features), removed only after the ranking;
- ``B``: the query with the named films excluded (``exclude_ids``, as the product serves a
  turn and as ``fit_fusion``'s ``exclude_named`` trains);
- ``C``: as ``B``, but the films the seeker DISLIKED (ReDial questionnaire, ``liked`` 0) are
  left out of the named films the query reads (signals, taste, content, neighbours): the
  ceiling of "a disliked film does not pull its neighbours" (questionnaire, not text).

Per pool row it also keeps two sentiment features (ceiling, questionnaire): the best embedding
cosine to a named film the seeker disliked, and to one the seeker liked.

    PYTHONPATH=. OMP_NUM_THREADS=1 nice -n 10 /work/main/.venv/bin/python \
        bench/redial_report/i14i_probe.py LIMIT FUSION_TURNS DEPTH OUT [train|val|both]   (LIMIT 0: all validation turns)
"""
import dataclasses
import json
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
PART = sys.argv[5] if len(sys.argv) > 5 else 'both'  # train / val / both (two processes on a loaded machine)
START = time.time()
settings = make_settings()
retriever, _ = inputs.open_cached_index(D / 'movies.json', settings, progress=False)
index = retriever.index
ids = [it.id for it in index.items]
pos = {i: r for r, i in enumerate(ids)}
EMB = np.asarray(index.embeddings, dtype=np.float32)
EMB = EMB / np.maximum(np.linalg.norm(EMB, axis=1, keepdims=True), 1e-9)

# The seeker's questionnaire: dialogue -> movie id -> liked (0 no, 1 yes, 2 did not say).
LIKED = {}
for path in files:
    for line in open(path, encoding='utf-8'):
        record = json.loads(line)
        answers = record.get('initiatorQuestions') or {}
        if isinstance(answers, dict):
            LIKED[str(record['conversationId'])] = {str(m): a.get('liked') for m, a in answers.items() if isinstance(a, dict)}

sessions = [s for p in files for s in redial_sessions(p, set(ids))]
all_val = load_turns(D / 'valid_rec_turns.jsonl')
val = sample_turns(all_val, LIMIT or None, 0)
val_d = {t.dialog_id for t in all_val}
titles = {it.id: it.title for it in index.items}
logged = [t for t in dialogue_rec_turns(files, titles) if t.dialog_id not in val_d]
logged = sample_turns(logged, NFUS, 0)
kept = [s for s in sessions if s.key not in val_d]
print('val turns', len(val), 'fusion turns', len(logged), 'sessions', len(kept), flush=True)


def sims(rows, named_rows):
    if not named_rows:
        return np.zeros(len(rows), np.float32)
    return (EMB[rows] @ EMB[named_rows].T).max(axis=1).astype(np.float32)


def pooled(asked):
    rows, feats = retriever.pool(asked, 100, fusion_depth=DEPTH, features=True).features(DEPTH)
    return dict(rows=rows.astype(np.int32), feats=feats.astype(np.float32))


def collect(ev, turns, out):
    queries = [ev.query_of(t) for t in turns]
    vecs = retriever.embedder.encode_queries([q or ' ' for _, q in queries])
    for t, (utt, q), vec in zip(turns, queries, vecs):
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
        liked = LIKED.get(t.dialog_id, {})
        disliked = [i for i in named if liked.get(i) == 0]
        fond = [i for i in named if liked.get(i) == 1]
        asked = ev.product_query(q, vec, named)
        pools = {'A': pooled(asked), 'B': pooled(dataclasses.replace(asked, exclude_ids=tuple(named)))}
        if disliked:
            asked_c = ev.product_query(q, vec, [i for i in named if i not in disliked])
            pools['C'] = pooled(dataclasses.replace(asked_c, exclude_ids=tuple(named)))
        else:
            pools['C'] = pools['B']
        for p in pools.values():
            p['s_disliked'] = sims(p['rows'], [pos[i] for i in disliked])
            p['s_liked'] = sims(p['rows'], [pos[i] for i in fond])
        out.append(dict(group=t.dialog_id, named={pos[i] for i in named}, targets=tg, pools=pools,
                        n_disliked=len(disliked), n_liked=len(fond)))


train = []
rng = random.Random(0)
for fold_turns, fold_kept in cross_fitting_folds(kept, logged, 5):
    items = sorted({i for s in fold_kept for i in s.items})
    hidden = set(rng.sample(items, int(len(items) * 0.2)))
    fitted = without_items(fold_kept, hidden)
    if PART == 'val':
        continue
    sig = ItemSignals.fit(fitted, [i for i in ids if i not in hidden])
    collect(RedialEvaluation(retriever, sig), fold_turns, train)
    print('train examples', len(train), f'{time.time() - START:.0f} s', flush=True)
evald = []
for fold_val, fold_sessions in cross_fitting_folds(sessions, val, 2) if PART != 'train' else ():
    print('validation fold', len(fold_val), 'turns', len({s.key for s in fold_sessions}), 'dialogues', flush=True)
    collect(RedialEvaluation(retriever, ItemSignals.fit(fold_sessions, ids)), fold_val, evald)
    print('val examples', len(evald), f'{time.time() - START:.0f} s', flush=True)
pickle.dump(dict(train=train, val=evald), open(OUT, 'wb'), protocol=4)
print('done', f'{time.time() - START:.0f} s', flush=True)
