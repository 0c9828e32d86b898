"""Screen content candidate sources on the pools cached by ``i14h_probe.py`` (issue 14, brief i14h).

Research script. (i) Coverage: share of the validation turns' echo-free targets within the
first 50 / 200 / 300 rows of the reciprocal-rank pool (named items removed, as
``product-exclude``), with each source's list fused at weight W (rrf_k 60; the sources need no
logs, so nothing is scaled for items without log data), overall and for targets never named in
the fitting logs; each list alone too. (ii) Fusion: one LightGBM LambdaRank model
(``fit_fusion``'s parameters) per variant, trained on the cross-fitted training pools, scored on
the validation pools: echo-free R@10 / R@50 (mean over SEEDS), a paired two-sided sign test
against ``base``, and the share of top-10 slots taken by films never named in the fitting logs.

    OMP_NUM_THREADS=1 nice -n 10 /work/main/.venv/bin/python bench/redial_report/i14h_screen.py POOLS [VARIANT ...]
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
DEPTH, RRF_K = 300, 60
FUSED, FUSED_RANK, POP = FEATURES.index('fused'), FEATURES.index('fused_rank'), FEATURES.index('popularity')
BASE = dict(objective='lambdarank', lambdarank_truncation_level=60, learning_rate=0.03, num_leaves=7,
            min_data_in_leaf=50, bagging_fraction=0.8, bagging_freq=1, feature_fraction=0.8,
            deterministic=True, force_row_wise=True, num_threads=1, verbosity=-1)
ALL_FEATS = ('h_meta', 'h_gsim', 'h_psim', 'h_people_asked', 'h_genre_fit', 'h_year_prior', 'h_genre_year')
VARIANTS = {
    'base': dict(),
    'feats': dict(extra=ALL_FEATS),
    'meta1': dict(lists={'meta': 1.0}),
    'meta1_feats': dict(lists={'meta': 1.0}, extra=ALL_FEATS),
    'metayear1_feats': dict(lists={'meta_year': 1.0}, extra=ALL_FEATS),
    'people1_feats': dict(lists={'people': 1.0}, extra=ALL_FEATS),
    'genreyear1_feats': dict(lists={'genre_year': 1.0}, extra=ALL_FEATS),
    'genreyear05_feats': dict(lists={'genre_year': 0.5}, extra=ALL_FEATS),
    'content2': dict(lists={'content': 1.0}),
    'all1_feats': dict(lists={'meta': 1.0, 'people': 1.0, 'genre_year': 1.0}, extra=ALL_FEATS),
}
for spec in os.environ.get('EXTRA_VARIANTS', '').split(';'):
    if spec.strip():  # name=list:weight,list:weight/feat,feat
        name, rest = spec.split('=')
        lw, _, fs = rest.partition('/')
        VARIANTS[name] = dict(lists={k: float(v) for k, v in (p.split(':') for p in lw.split(',') if p)},
                              extra=tuple(f for f in fs.split(',') if f))


def pool_of(ex, lists):
    """Positions (into ex['rows']) of the pool's DEPTH best rows, and the fused score of each row."""
    if not lists:
        return np.arange(ex['n_base']), ex['fused'].astype(np.float64)
    fused = ex['fused'].astype(np.float64).copy()
    where = {int(r): i for i, r in enumerate(ex['rows'].tolist())}
    for name, weight in lists.items():
        for rank, row in enumerate(ex['lists'][name].tolist()):
            i = where.get(row)
            if i is not None:  # the content list's rows beyond the union hold at most its 300th place
                fused[i] += weight / (RRF_K + rank + 1)
    return np.argsort(-fused, kind='stable')[:DEPTH], fused


def matrix(ex, order, fused, extra):
    feats = ex['feats'][order].copy()
    feats[:, FUSED] = fused[order]
    feats[:, FUSED_RANK] = np.log1p(np.arange(len(order), dtype=np.float32))
    cols = [np.asarray(ex['extra'][name], np.float32)[order][:, None] for name in extra]
    return np.concatenate([feats, *cols], axis=1) if cols else feats


def target_rows(ex):
    return {r for rs, _, _ in ex['targets'] for r in rs}


def unlogged_rows(ex):
    return {int(r) for r, v in zip(ex['rows'].tolist(), ex['never']) if v}


def coverage(lists, alone=None):
    hits, n, hits_u, n_u = np.zeros(3), 0, np.zeros(3), 0
    for ex in val:
        if alone is not None:
            rows = [r for r in ex['lists'][alone].tolist() if r not in ex['named']]
        else:
            order, _ = pool_of(ex, lists)
            rows = [r for r in ex['rows'][order].tolist() if r not in ex['named']]
        rank = {r: i for i, r in enumerate(rows)}
        for trs, echo, never in ex['targets']:
            if echo:
                continue
            best = min((rank[r] for r in trs if r in rank), default=10 ** 6)
            h = np.array([best < 50, best < 200, best < 300])
            hits += h
            n += 1
            if never:
                hits_u += h
                n_u += 1
    return hits / n, n, hits_u / max(n_u, 1), n_u


def fit(variant, seed):
    xs, ys, groups = [], [], []
    for ex in train:
        order, fused = pool_of(ex, variant.get('lists', {}))
        x = matrix(ex, order, fused, variant.get('extra', ()))
        targets = target_rows(ex)
        y = np.asarray([int(r in targets) for r in ex['rows'][order].tolist()], np.int32)
        if y.any() and len(y) > 1:
            xs.append(x), ys.append(y), groups.append(len(y))
    names = list(FEATURES) + list(variant.get('extra', ()))
    dataset = lightgbm.Dataset(np.concatenate(xs), label=np.concatenate(ys), group=groups, feature_name=names)
    return lightgbm.train(dict(BASE, seed=seed), dataset, num_boost_round=300)


def evaluate(variant, booster):
    """One (hit@10, hit@50) per echo-free validation pair, in a fixed order; and the unlogged top-10 share."""
    out, slots, unl_slots = [], 0, 0
    for ex in val:
        order, fused = pool_of(ex, variant.get('lists', {}))
        rows = ex['rows'][order]
        score = booster.predict(matrix(ex, order, fused, variant.get('extra', ())), num_threads=1)
        ranked = [r for r in rows[np.argsort(-score, kind='stable')].tolist() if r not in ex['named']]
        unl = unlogged_rows(ex)
        slots += len(ranked[:10])
        unl_slots += sum(r in unl for r in ranked[:10])
        rank = {r: i for i, r in enumerate(ranked)}
        for trs, echo, _ in ex['targets']:
            if echo:
                continue
            best = min((rank[r] for r in trs if r in rank), default=10 ** 6)
            out.append((best < 10, best < 50))
    return np.asarray(out), unl_slots / max(slots, 1)


def sign_test(a, b):
    up, down = int(np.sum(a > b)), int(np.sum(a < b))
    m = up + down
    tail = sum(comb(m, i) for i in range(0, min(up, down) + 1)) / 2 ** m if m else 1.0
    return up, down, min(1.0, 2 * tail)


print('train', len(train), 'val', len(val), flush=True)
if os.environ.get('COVERAGE', '1') == '1':
    for name in (*data['lists'], 'content'):
        cov, nn, cu, nu = coverage({}, alone=name)
        print(f'list alone {name:11s}: @50 {cov[0]:.4f} @200 {cov[1]:.4f} @300 {cov[2]:.4f} | never-logged targets ({nu}) {cu[0]:.4f} {cu[1]:.4f} {cu[2]:.4f}', flush=True)
    cov, nn, cu, nu = coverage({})
    print(f'pool today          : @50 {cov[0]:.4f} @200 {cov[1]:.4f} @300 {cov[2]:.4f} | never-logged targets ({nu}) {cu[0]:.4f} {cu[1]:.4f} {cu[2]:.4f}  ({nn} echo-free pairs)', flush=True)
    for name in (*data['lists'], 'content'):
        for weight in (0.5, 1.0, 2.0):
            cov, nn, cu, nu = coverage({name: weight})
            print(f'pool + {name:11s} w{weight}: @50 {cov[0]:.4f} @200 {cov[1]:.4f} @300 {cov[2]:.4f} | never-logged {cu[0]:.4f} {cu[1]:.4f} {cu[2]:.4f}', flush=True)
results = {}
for name in sys.argv[2:]:
    variant = VARIANTS[name]
    runs = [evaluate(variant, fit(variant, seed)) for seed in SEEDS]
    hits = [h for h, _ in runs]
    mean = np.mean([h.mean(axis=0) for h in hits], axis=0)
    results[name] = np.mean(hits, axis=0)
    per_seed = ' '.join(f'{h[:, 0].mean():.4f}/{h[:, 1].mean():.4f}' for h in hits)
    share = np.mean([s for _, s in runs])
    line = f'{name:18s} echo-free R@10 {mean[0]:.4f}  R@50 {mean[1]:.4f}  never-logged top-10 share {share:.4f} ({len(hits[0])} pairs, seeds {SEEDS}: {per_seed})'
    if name != 'base' and 'base' in results:
        t10 = sign_test(results[name][:, 0], results['base'][:, 0])
        t50 = sign_test(results[name][:, 1], results['base'][:, 1])
        line += f'   vs base @10 +{t10[0]}/-{t10[1]} p={t10[2]:.3f}  @50 +{t50[0]}/-{t50[1]} p={t50[2]:.3f}'
    print(line, flush=True)
