"""Screen learned-fusion variants on the pools cached by ``i14d_probe.py`` (issue 14, brief i14d).

Research script. Each variant: a LightGBM LambdaRank model (``fit_fusion``'s parameters unless
the variant changes them) on the cached training pools, scored on the validation pools with
the named items removed (as ``product-exclude``); echo-free R@10 / R@50 on all validation
turns and on the 400-turn sample, the mean over SEEDS bagging seeds.

    OMP_NUM_THREADS=1 nice -n 10 /work/main/.venv/bin/python bench/redial_report/i14d_screen.py POOLS [VARIANT ...]
"""
import pickle
import sys

import lightgbm
import numpy as np

from chatrec.fusion import FEATURES

data = pickle.load(open(sys.argv[1], 'rb'))
train, val = data['train'], data['val']
SEEDS = tuple(int(s) for s in __import__("os").environ.get("SEEDS", "0").split(","))
BASE = dict(objective='lambdarank', lambdarank_truncation_level=60, learning_rate=0.03, num_leaves=7,
            min_data_in_leaf=50, bagging_fraction=0.8, bagging_freq=1, feature_fraction=0.8,
            deterministic=True, force_row_wise=True, num_threads=1, verbosity=-1)

VARIANTS = {
    'base': {},
    'served': dict(drop_named=True),
    'depth200': dict(depth=200),
    'served_depth200': dict(drop_named=True, depth=200),
    'trees600': dict(trees=600),
    'trunc50': dict(params=dict(lambdarank_truncation_level=50)),
    'trunc100': dict(params=dict(lambdarank_truncation_level=100)),
    'leaves15': dict(params=dict(num_leaves=15)),
    'turns2000': dict(turns=2000),
    'nb': dict(extra=('nb_max', 'nb_recent', 'nb_last')),
    'year': dict(extra=('year', 'year_gap')),
    'last': dict(extra=('dense_last', 'lexical_last')),
    'nb_year': dict(extra=('nb_max', 'nb_recent', 'nb_last', 'year', 'year_gap')),
    'all_extra': dict(extra=('nb_max', 'nb_recent', 'nb_last', 'year', 'year_gap', 'dense_last', 'lexical_last')),
}


def matrix(example, extra, depth):
    feats = example['feats'][:depth]
    cols = [np.asarray(example['extra'][name][:depth], np.float32)[:, None] for name in extra]
    return np.concatenate([feats, *cols], axis=1) if cols else feats


def labels(example, depth):
    rows = example['rows'][:depth]
    targets = {r for rs, _ in example['targets'] for r in rs}
    return np.asarray([int(r in targets) for r in rows.tolist()], np.int32)


def fit(variant, seed):
    depth = variant.get('depth', 300)
    extra = variant.get('extra', ())
    xs, ys, groups = [], [], []
    chosen = train[: variant['turns']] if 'turns' in variant else train
    for ex in chosen:
        x, y = matrix(ex, extra, depth), labels(ex, depth)
        if variant.get('drop_named'):
            keep = np.asarray([r not in ex['named'] for r in ex['rows'][:depth].tolist()])
            x, y = x[keep], y[keep]
        if y.any() and len(y) > 1:
            xs.append(x), ys.append(y), groups.append(len(y))
    params = dict(BASE, seed=seed, **variant.get('params', {}))
    names = list(FEATURES) + list(extra)
    data = lightgbm.Dataset(np.concatenate(xs), label=np.concatenate(ys), group=groups, feature_name=names)
    return lightgbm.train(params, data, num_boost_round=variant.get('trees', 300)), depth, extra


def evaluate(booster, depth, extra, rrf=False):
    hits = {'all': [], '400': []}
    for ex in val:
        rows = ex['rows'][:depth]
        score = -np.arange(len(rows), dtype=np.float64) if rrf else booster.predict(matrix(ex, extra, depth), num_threads=1)
        order = [r for r in rows[np.argsort(-score, kind='stable')].tolist() if r not in ex['named']]
        rank = {r: i for i, r in enumerate(order)}
        for target_rows, echo in ex['targets']:
            if echo:
                continue
            best = min((rank[r] for r in target_rows if r in rank), default=10 ** 6)
            hit = (best < 10, best < 50)
            hits['all'].append(hit)
            if ex.get('in400', True):
                hits['400'].append(hit)
    return {k: (np.mean([h[0] for h in v]), np.mean([h[1] for h in v]), len(v)) for k, v in hits.items()}


def show(name, results):
    a = np.mean([[r['all'][0], r['all'][1], r['400'][0], r['400'][1]] for r in results], axis=0)
    spread = np.ptp([[r['all'][0], r['all'][1]] for r in results], axis=0) if len(results) > 1 else (0, 0)
    print(f"{name:18s} all({results[0]['all'][2]}) {a[0]:.4f} / {a[1]:.4f}  [seed spread {spread[0]:.3f}/{spread[1]:.3f}]"
          f"   400({results[0]['400'][2]}) {a[2]:.4f} / {a[3]:.4f}", flush=True)


print('train', len(train), 'val', len(val))
show('rrf pool', [evaluate(None, 300, (), rrf=True)])
for name in sys.argv[2:] or VARIANTS:
    variant = VARIANTS[name]
    show(name, [evaluate(*fit(variant, seed)) for seed in SEEDS])
