"""Screen an EASE item model on the pools cached by ``i14g_probe.py`` (issue 14, brief i14g).

Research script. (i) Coverage: share of the validation turns' echo-free targets within the
first 50 / 200 / 300 rows of the reciprocal-rank pool (named items removed, as
``product-exclude``), without and with EASE's own list fused at weight W (rrf_k 60; items
without log data get their fused score scaled up for the extra list they cannot enter, as
``Retriever.pool`` does for the signals list). (ii) Fusion: a LightGBM LambdaRank model
(``fit_fusion``'s parameters) per variant, trained on the cross-fitted training pools and scored
on the validation pools: echo-free R@10 / R@50 (mean over the SEEDS) and a paired two-sided
sign test against the base variant over the pairs (a pair counts for a variant when more of its
seeds' models hit it).

    OMP_NUM_THREADS=1 nice -n 10 /work/main/.venv/bin/python bench/redial_report/i14g_screen.py POOLS [VARIANT ...]
"""
import os
import pickle
import sys
from math import comb

import lightgbm
import numpy as np

from chatrec.fusion import FEATURES

data = pickle.load(open(sys.argv[1], 'rb'))
train, val = data['train'], data['val']
SEEDS = tuple(int(s) for s in os.environ.get('SEEDS', '0').split(','))
DEPTH = 300
RRF_K = 60
SIGNAL_WEIGHT, TEXT_LISTS = 2.0, 2
FUSED, FUSED_RANK, LOGGED = FEATURES.index('fused'), FEATURES.index('fused_rank'), FEATURES.index('logged')
BASE = dict(objective='lambdarank', lambdarank_truncation_level=60, learning_rate=0.03, num_leaves=7,
            min_data_in_leaf=50, bagging_fraction=0.8, bagging_freq=1, feature_fraction=0.8,
            deterministic=True, force_row_wise=True, num_threads=1, verbosity=-1)
VARIANTS = {
    'base': dict(),
    'ease': dict(extra=('ease', 'ease_rank')),
    'ease_score': dict(extra=('ease',)),
    'pool1': dict(weight=1.0),
    'pool1_ease': dict(weight=1.0, extra=('ease', 'ease_rank')),
    'pool2_ease': dict(weight=2.0, extra=('ease', 'ease_rank')),
    'pool05_ease': dict(weight=0.5, extra=('ease', 'ease_rank')),
}


def pool_of(ex, weight):
    """Positions (into ex['rows']) of the pool's DEPTH best rows, and the fused score of each row."""
    fused = ex['fused'].astype(np.float64).copy()
    if weight > 0:
        where = {int(r): i for i, r in enumerate(ex['rows'].tolist())}
        for rank, row in enumerate(ex['ease_list'].tolist()):
            fused[where[row]] += weight / (RRF_K + rank + 1)
        unlogged = ex['feats'][:, LOGGED] <= 0
        fused[unlogged] *= (1 + (SIGNAL_WEIGHT + weight) / TEXT_LISTS) / (1 + SIGNAL_WEIGHT / TEXT_LISTS)
        order = np.argsort(-fused, kind='stable')[:DEPTH]
    else:
        order = np.arange(ex['n_base'])
    return order, fused


def matrix(ex, order, fused, extra):
    feats = ex['feats'][order].copy()
    feats[:, FUSED] = fused[order]
    feats[:, FUSED_RANK] = np.log1p(np.arange(len(order), dtype=np.float32))
    cols = [np.asarray(ex['extra'][name], np.float32)[order][:, None] for name in extra]
    return np.concatenate([feats, *cols], axis=1) if cols else feats


def target_rows(ex):
    return {r for rs, _ in ex['targets'] for r in rs}


def coverage(weight):
    hits, n = np.zeros(3), 0
    for ex in val:
        order, _ = pool_of(ex, weight)
        rows = [r for r in ex['rows'][order].tolist() if r not in ex['named']]
        rank = {r: i for i, r in enumerate(rows)}
        for trs, echo in ex['targets']:
            if echo:
                continue
            best = min((rank[r] for r in trs if r in rank), default=10 ** 6)
            hits += [best < 50, best < 200, best < 300]
            n += 1
    return hits / n, n


def fit(variant, seed):
    xs, ys, groups = [], [], []
    for ex in train:
        order, fused = pool_of(ex, variant.get('weight', 0.0))
        x = matrix(ex, order, fused, variant.get('extra', ()))
        targets = target_rows(ex)
        y = np.asarray([int(r in targets) for r in ex['rows'][order].tolist()], np.int32)
        if y.any() and len(y) > 1:
            xs.append(x), ys.append(y), groups.append(len(y))
    names = list(FEATURES) + list(variant.get('extra', ()))
    dataset = lightgbm.Dataset(np.concatenate(xs), label=np.concatenate(ys), group=groups, feature_name=names)
    return lightgbm.train(dict(BASE, seed=seed), dataset, num_boost_round=300)


def evaluate(variant, booster):
    """One (hit@10, hit@50) per echo-free validation pair, in a fixed order."""
    out = []
    for ex in val:
        order, fused = pool_of(ex, variant.get('weight', 0.0))
        rows = ex['rows'][order]
        score = booster.predict(matrix(ex, order, fused, variant.get('extra', ())), num_threads=1)
        ranked = [r for r in rows[np.argsort(-score, kind='stable')].tolist() if r not in ex['named']]
        rank = {r: i for i, r in enumerate(ranked)}
        for trs, echo in ex['targets']:
            if echo:
                continue
            best = min((rank[r] for r in trs if r in rank), default=10 ** 6)
            out.append((best < 10, best < 50))
    return np.asarray(out)


def sign_test(a, b):
    up, down = int(np.sum(a > b)), int(np.sum(a < b))
    n = up + down
    tail = sum(comb(n, i) for i in range(0, min(up, down) + 1)) / 2 ** n if n else 1.0
    return up, down, min(1.0, 2 * tail)


print('train', len(train), 'val', len(val), flush=True)
for weight in (0.0, 0.5, 1.0, 2.0, 4.0):
    cov, n = coverage(weight)
    print(f'coverage, EASE list weight {weight}: @50 {cov[0]:.4f}  @200 {cov[1]:.4f}  @300 {cov[2]:.4f}  ({n} echo-free pairs)', flush=True)
results = {}
for name in sys.argv[2:] or VARIANTS:
    variant = VARIANTS[name]
    hits = [evaluate(variant, fit(variant, seed)) for seed in SEEDS]
    mean = np.mean([h.mean(axis=0) for h in hits], axis=0)
    results[name] = np.mean(hits, axis=0)  # per pair: share of the seeds that hit
    per_seed = ' '.join(f'{h[:, 0].mean():.4f}/{h[:, 1].mean():.4f}' for h in hits)
    line = f'{name:14s} echo-free R@10 {mean[0]:.4f}  R@50 {mean[1]:.4f}  ({len(hits[0])} pairs, seeds {SEEDS}: {per_seed})'
    if name != 'base' and 'base' in results:
        # Paired over pairs: a pair counts for the variant when more of its seeds hit than base's.
        t10 = sign_test(results[name][:, 0], results['base'][:, 0])
        t50 = sign_test(results[name][:, 1], results['base'][:, 1])
        line += f'   vs base @10 +{t10[0]}/-{t10[1]} p={t10[2]:.3f}  @50 +{t50[0]}/-{t50[1]} p={t50[2]:.3f}'
    print(line, flush=True)
