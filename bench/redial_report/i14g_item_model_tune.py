"""Item-model probe (issue 14, brief i14g): collaborative scorers against the product's co-mention signal.

Research script, not part of the package. Everything here uses TRAINING dialogues only: the
dialogues of parts a/b/c that hold no validation turn are split 80/20 by dialogue (seeded);
the models are fitted on the 80% (movie-mention sets, as ``redial_sessions``), and scored on
the 20%: at every recommender message that names a movie not named before, the input is the
movies named earlier in the dialogue (newest weighing more), the targets the new movies
(echo-free by construction). Recall over the whole catalogue, the earlier-named movies removed.
Scorers: popularity; today's signal (co-mention + two-hop + 0.03 popularity, as
``SignalWeights``); item-kNN (cosine-like, ``co / (n_i^a n_j^(1-a))``); EASE per L2 (dense and
pruned to KEEP weights per item, input decay 1 / 0.7 / 0.5); today's signal plus EASE; directed
models learnt from the fitting dialogues' own recommendation steps (counts and ridge).

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 nice -n 10 /work/main/.venv/bin/python \
        bench/redial_report/i14g_item_model_tune.py [L2 ...]

WITH_VALIDATION_LOGS=1: the validation dialogues' movie sets are fitted on too (more logs, as
in each fold of ``eval redial``; the directed models still learn from the training split only).
"""
import json
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

from chatrec.conversations import MENTION
from chatrec.eval.turns import load_turns
from chatrec.item_model import ItemModel
from chatrec.signals import ItemSignals, redial_sessions

D = Path('/work/shared/data/redial')
files = [D / 'train_part_a.jsonl', D / 'train_part_b.jsonl', D / 'train_part_c_entity_linked.jsonl']
catalogue = [str(k) for k in json.load(open(D / 'movies.json'))]
known = set(catalogue)
val_d = {t.dialog_id for t in load_turns(D / 'valid_rec_turns.jsonl')}
every = {s.key: s for p in files for s in redial_sessions(p, known)}
sessions = {k: s for k, s in every.items() if k not in val_d}
keys = sorted(sessions)
random.Random(0).shuffle(keys)
cut = int(len(keys) * 0.8)
fit_keys, test_keys = set(keys[:cut]), set(keys[cut:])
fit_sessions = [sessions[k] for k in sorted(fit_keys)]
if os.environ.get('WITH_VALIDATION_LOGS') == '1':
    # More logs, as each fold of `eval redial` has: the validation dialogues' movie sets join the
    # fitting logs (the test cases stay the held-out training dialogues).
    fit_sessions += [every[k] for k in sorted(set(every) & val_d)]

# Cases: at every recommender message naming a movie not named before (earlier movies named),
# the movies named earlier (oldest first) and the new ones.
def cases_of(wanted):
    out = []
    seen_keys = set()
    for path in files:
        for line in open(path, encoding='utf-8'):
            record = json.loads(line)
            key = str(record.get('conversationId', ''))
            if key not in wanted or key in seen_keys:
                continue
            seen_keys.add(key)
            seeker = record.get('initiatorWorkerId')
            named: list[str] = []
            for message in record['messages']:
                ids = [i for i in dict.fromkeys(MENTION.findall(str(message.get('text', '')))) if i in known]
                new = [i for i in ids if i not in named]
                if message.get('senderWorkerId') != seeker and new and named:
                    out.append((list(named), new))
                named += new
    return out


cases = cases_of(test_keys)
fit_cases = cases_of(fit_keys)
pairs = sum(len(t) for _, t in cases)
print(f'fit dialogues {len(fit_sessions)}, test dialogues {len(test_keys)}, cases {len(cases)}, pairs {pairs}', flush=True)

pos = {i: r for r, i in enumerate(catalogue)}
signals = ItemSignals.fit(fit_sessions, catalogue)
aligned = signals.aligned(catalogue)


def recall(score_fn, decay=1.0):
    hits = np.zeros(3)
    for context, targets in cases:
        scores = np.nan_to_num(score_fn(context, decay).astype(np.float64), nan=-1e9)
        scores[[pos[i] for i in context]] = -np.inf
        order = np.argsort(-scores, kind='stable')
        rank = np.empty(len(order), np.int64)
        rank[order] = np.arange(len(order))
        for t in targets:
            r = rank[pos[t]]
            hits += [r < 10, r < 50, r < 200]
    return hits / pairs


def comention(context, decay):
    one, two = aligned.co_mentions(context)
    return one + two + 0.03 * aligned.popularity


def show(name, rec, extra=''):
    print(f'{name:38s} R@10 {rec[0]:.4f}  R@50 {rec[1]:.4f}  R@200 {rec[2]:.4f} {extra}', flush=True)


show('popularity', recall(lambda c, d: aligned.popularity.copy()))
show('co-mention + two-hop + pop (today)', recall(comention))
show('co-mention one hop only', recall(lambda c, d: aligned.co_mentions(c)[0] + 1e-3 * aligned.popularity))
pop = aligned.popularity


def knn(alpha):
    co = signals.co.toarray()
    cnt = signals.counts.astype(np.float64) + 1e-9
    sim = co / (cnt[:, None] ** alpha * cnt[None, :] ** (1 - alpha))
    cols = np.asarray([signals.position(i) for i in catalogue])
    sim = sim[:, cols]
    def score(c, d):
        rows = [signals.position(i) for i in c]
        w = d ** np.arange(len(rows) - 1, -1, -1)
        return w @ sim[rows] + 1e-3 * pop
    return score


for alpha in (0.5, 0.8):
    for decay in (1.0, 0.7):
        show(f'item-kNN cosine alpha {alpha} decay {decay}', recall(knn(alpha), decay))

baskets = [s.items for s in fit_sessions]
lams = [float(a) for a in sys.argv[1:]] or [10.0, 30.0, 100.0, 300.0, 500.0, 1000.0, 3000.0]
for lam in lams:
    t0 = time.time()
    model = ItemModel.fit(baskets, l2=lam, keep=0)
    fit_s = time.time() - t0
    for decay in (1.0, 0.7, 0.5):
        show(f'EASE l2 {lam:g} decay {decay} dense', recall(lambda c, d: np.nan_to_num(model.aligned_scores(model.columns_for(catalogue), c, decay=d), nan=-1.0) + 1e-3 * pop, decay),
             f'(fit {fit_s:.0f} s, {len(model)} items)')
    for keep in (50, 100, 200):
        pruned = ItemModel.fit(baskets, l2=lam, keep=keep)
        show(f'EASE l2 {lam:g} decay 0.7 keep {keep}', recall(lambda c, d: np.nan_to_num(pruned.aligned_scores(pruned.columns_for(catalogue), c, decay=d), nan=-1.0) + 1e-3 * pop, 0.7),
             f'({pruned.weights.nnz} weights)')

# Does EASE add to today's signal? today's score plus ALPHA times EASE (NaN: 0).
model = ItemModel.fit(baskets, l2=500.0, keep=100)
columns = model.columns_for(catalogue)
for alpha in (0.3, 1.0, 3.0, 10.0, 30.0, 100.0):
    show(f'today + {alpha:g} x EASE(500, 0.7)', recall(lambda c, d: comention(c, d) + alpha * np.nan_to_num(model.aligned_scores(columns, c), nan=0.0)))


# Directed models learnt from the fitting dialogues' own recommendation steps: context -> new item.
pos_rows = {i: r for r, i in enumerate(catalogue)}
n_items = len(catalogue)
xr, xc, xv, yr, yc = [], [], [], [], []
for case, (context, targets) in enumerate(fit_cases):
    w = 0.7 ** np.arange(len(context) - 1, -1, -1)
    for item, weight in zip(context, w):
        xr.append(case), xc.append(pos_rows[item]), xv.append(weight)
    for item in targets:
        yr.append(case), yc.append(pos_rows[item])
from scipy import sparse as sp
X = sp.csr_matrix((xv, (xr, xc)), shape=(len(fit_cases), n_items))
Y = sp.csr_matrix((np.ones(len(yr)), (yr, yc)), shape=(len(fit_cases), n_items))
directed = (X.T @ Y).tocsr()
ctx_count = np.asarray(X.sum(axis=0)).ravel()
print('directed cases', len(fit_cases), flush=True)
for shrink in (1.0, 5.0):
    dn = sp.diags(1.0 / (ctx_count + shrink)) @ directed
    def dscore(c, d, dn=dn):
        w = d ** np.arange(len(c) - 1, -1, -1)
        return np.asarray(dn[[pos_rows[i] for i in c]].T @ w).ravel() + 1e-3 * pop
    show(f'directed counts shrink {shrink:g}', recall(dscore, 0.7))
    show(f'today + directed counts shrink {shrink:g}', recall(lambda c, d: comention(c, d) + dscore(c, d), 0.7))
used = np.flatnonzero(np.asarray((X != 0).sum(axis=0)).ravel() > 0)
Xu = X[:, used].toarray()
for lam in (10.0, 50.0, 200.0):
    B = np.linalg.solve(Xu.T @ Xu + lam * np.eye(len(used)), Xu.T @ Y.toarray())
    def rscore(c, d, B=B):
        x = np.zeros(len(used))
        where = {r: k for k, r in enumerate(used.tolist())}
        w = d ** np.arange(len(c) - 1, -1, -1)
        for item, weight in zip(c, w):
            if pos_rows[item] in where:
                x[where[pos_rows[item]]] = weight
        return x @ B + 1e-3 * pop
    show(f'ridge context->new l2 {lam:g}', recall(rscore, 0.7))
    show(f'today + ridge context->new l2 {lam:g}', recall(lambda c, d: comention(c, d) + rscore(c, d), 0.7))
