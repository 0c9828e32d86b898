"""Screen a context-to-film model (issue 14, brief i14j) on the pools of ``i14j_probe.py``.

Research script. Per fold of the probe (5 cross-fitted folds of the training turns, 2 of the
validation turns), the model of ``i14j_context.py`` is trained on the recommendation turns of
exactly the dialogues that fold's signals are fitted on (never the scored turn's dialogue),
and scores the whole catalogue for each turn of the fold. Then:

(i) the model's list alone and as a candidate source: echo-free R@10 / R@50 of its ranking of
the catalogue (named films removed), and the share of echo-free targets within the first 50 / 300
of the pool, of the list, and of the pool's first 50 / 300 joined with the list's first K;
(ii) as a learned-fusion feature (``ctx``: its log-probability and its rank among the not-named
films) and as a candidate source (``ctxK``: its first K films missing from the pool added as rows,
the pool's features missing): 3 LightGBM LambdaRank seeds (``fit_fusion``'s parameters, 300
trees), echo-free R@10 / R@50 on the validation pools, paired two-sided sign test against ``base``.

    OMP_NUM_THREADS=1 nice -n 10 /work/main/.venv/bin/python bench/redial_report/i14j_screen.py POOLS [VARIANT ...]
"""
import importlib.util
import os
import pickle
import sys
import time
from math import comb
from pathlib import Path

import lightgbm
import numpy as np

from chatrec.cli._common import make_settings
from chatrec.eval import inputs
from chatrec.fusion import FEATURES

HERE = Path(__file__).parent
spec = importlib.util.spec_from_file_location('i14j_context', HERE / 'i14j_context.py')
ctxm = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ctxm)

START = time.time()
data = pickle.load(open(sys.argv[1], 'rb'))
train, val, dump, folds = data['train'], data['val'], data['dump'], data['folds']
SEEDS = tuple(int(s) for s in os.environ.get('SEEDS', '0,1,2').split(','))
MODEL = eval(os.environ.get('MODEL', 'dict()'))  # context model settings, e.g. dict(dim=128, epochs=15)
D = Path('/work/shared/data/redial')
retriever, _ = inputs.open_cached_index(D / 'movies.json', make_settings(), progress=False)
EMB = np.asarray(retriever.index.embeddings, dtype=np.float32)
EMB = EMB / np.maximum(np.linalg.norm(EMB, axis=1, keepdims=True), 1e-9)
N = EMB.shape[0]
BASE = dict(objective='lambdarank', lambdarank_truncation_level=60, learning_rate=0.03, num_leaves=7,
            min_data_in_leaf=50, bagging_fraction=0.8, bagging_freq=1, feature_fraction=0.8,
            deterministic=True, force_row_wise=True, num_threads=1, verbosity=-1)


def context_scores():
    """Per fold: train on the fold's dialogues, score the fold's examples (log-probabilities)."""
    for key, dialogues in sorted(folds.items(), reverse=True):  # validation folds first
        if os.environ.get('VALONLY') and key[0] == 't':
            continue
        mine = [ex for ex in (train if key[0] == 't' else val) if ex['fold'] == key]
        if not mine:
            continue
        began = time.time()
        fitted = [ex for ex in dump if ex['group'] in dialogues]
        assert not {ex['group'] for ex in mine} & dialogues
        model, vocab = ctxm.fit(fitted, EMB, **dict(dict(log=lambda m: print(m, f'{time.time() - began:.0f} s', flush=True)), **MODEL))
        s = ctxm.scores(model, vocab, mine)
        for ex, row in zip(mine, s):
            row = row.copy()
            row[list(ex['named'])] = -np.inf
            order = np.argsort(-row, kind='stable')
            rank = np.empty(N, np.float32)
            rank[order] = np.arange(N)
            ex['ctx'] = row.astype(np.float32)
            ex['ctx_order'] = order[:300].astype(np.int32)
            ex['ctx_rank'] = rank
        print(f'fold {key}: {len(fitted)} training turns, {len(ctxm.pairs_of(fitted))} pairs, '
              f'{len(vocab.index)} tokens, {len(mine)} scored, {time.time() - began:.0f} s', flush=True)


def coverage():
    rows = []
    for ex in val:
        pool = [r for r in ex['pools']['A']['rows'].tolist() if r not in ex['named']]
        lst = ex['ctx_order'].tolist()
        for trs, echo in ex['targets']:
            if echo:
                continue
            t = set(trs)
            best = min((ex['ctx_rank'][r] for r in trs), default=10 ** 6)
            rows.append([best < 10, best < 50, bool(t & set(pool[:50])), bool(t & set(pool[:300])),
                         bool(t & set(lst[:300])), bool(t & set(pool[:50] + lst[:50])),
                         bool(t & set(pool[:300] + lst[:50])), bool(t & set(pool[:300] + lst[:100]))])
    m = np.asarray(rows, np.float64).mean(axis=0)
    print(f'list alone: echo-free R@10 {m[0]:.4f} R@50 {m[1]:.4f} (list@300 {m[4]:.4f}); pool@50 {m[2]:.4f} '
          f'pool@300 {m[3]:.4f}; pool@50+list@50 {m[5]:.4f}; pool@300+list@50 {m[6]:.4f}; '
          f'pool@300+list@100 {m[7]:.4f} ({len(rows)} pairs)', flush=True)


def lists_of(ex, v):
    p = ex['pools']['A']
    rows, x = p['rows'], p['feats']
    if v.get('cand'):
        extra = [r for r in ex['ctx_order'][:v['cand']].tolist() if r not in set(rows.tolist())]
        rows = np.concatenate([rows, np.asarray(extra, np.int32)])
        x = np.concatenate([x, np.full((len(extra), x.shape[1]), np.nan, np.float32)])
    if v.get('feat'):
        sc = ex['ctx'][rows]
        sc = np.where(np.isfinite(sc), sc, np.nan).astype(np.float32)
        x = np.concatenate([x, sc[:, None], ex['ctx_rank'][rows][:, None]], axis=1)
    return rows, x


def training_lists(v):
    xs, ys, groups = [], [], []
    for ex in train:
        rows, x = lists_of(ex, v)
        pos = {r for trs, _ in ex['targets'] for r in trs}
        y = np.isin(rows, list(pos)).astype(np.int32)
        if y.any() and len(y) > 1:
            xs.append(x), ys.append(y), groups.append(len(y))
    return np.concatenate(xs), np.concatenate(ys), groups


def fit(v, seed):
    x, y, groups = training_lists(v)
    names = list(FEATURES) + (['ctx', 'ctx_rank'] if v.get('feat') else [])
    data = lightgbm.Dataset(x, label=y, group=groups, feature_name=names)
    return lightgbm.train(dict(BASE, seed=seed), data, num_boost_round=300)


def evaluate(v, booster):
    out = []
    for ex in val:
        rows, x = lists_of(ex, v)
        score = booster.predict(x, num_threads=1)
        ranked = [r for r in rows[np.argsort(-score, kind='stable')].tolist() if r not in ex['named']]
        rank = {r: i for i, r in enumerate(ranked)}
        for trs, echo in ex['targets']:
            if echo:
                continue
            best = min((rank[r] for r in trs if r in rank), default=10 ** 6)
            out.append((best < 10, best < 50))
    return np.asarray(out, dtype=np.float64)


def sign_test(a, b):
    up, down = int(np.sum(a > b)), int(np.sum(a < b))
    m = up + down
    tail = sum(comb(m, i) for i in range(0, min(up, down) + 1)) / 2 ** m if m else 1.0
    return up, down, min(1.0, 2 * tail)


VARIANTS = {'base': dict(), 'ctx': dict(feat=True), 'ctx50': dict(feat=True, cand=50),
            'ctx100': dict(feat=True, cand=100), 'cand50': dict(cand=50)}
print('train', len(train), 'val', len(val), 'dump', len(dump), 'model', MODEL, 'seeds', SEEDS, flush=True)
context_scores()
coverage()
if os.environ.get('VALONLY'):
    sys.exit(0)
results = {}
for name in sys.argv[2:]:
    v = VARIANTS[name]
    began = time.time()
    hits = [evaluate(v, fit(v, seed)) for seed in SEEDS]
    results[name] = np.mean(hits, axis=0)
    mean = results[name].mean(axis=0)
    per_seed = ' '.join(f'{h[:, 0].mean():.4f}/{h[:, 1].mean():.4f}' for h in hits)
    line = f'{name:10s} echo-free R@10 {mean[0]:.4f}  R@50 {mean[1]:.4f} ({len(hits[0])} pairs; seeds {per_seed}; {time.time() - began:.0f} s)'
    if name != 'base' and 'base' in results:
        t10 = sign_test(results[name][:, 0], results['base'][:, 0])
        t50 = sign_test(results[name][:, 1], results['base'][:, 1])
        d = mean - results['base'].mean(axis=0)
        line += f'\n    vs base: R@10 {d[0]:+.4f} (+{t10[0]}/-{t10[1]} p={t10[2]:.3f})  R@50 {d[1]:+.4f} (+{t50[0]}/-{t50[1]} p={t50[2]:.3f})'
    print(line, flush=True)
print('done', f'{time.time() - START:.0f} s', flush=True)
