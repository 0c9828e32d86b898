"""Screen how the learned fusion is trained, on the pools cached by ``i14i_probe.py`` (issue 14, brief i14i).

Research script. Each variant: a LightGBM LambdaRank model (``fit_fusion``'s parameters unless
the variant says otherwise, 300 trees) trained on the cross-fitted training pools and scored on
the validation pools: echo-free R@10 / R@50 (named films removed from the ranked list, as
``product-exclude``; one pair per echo-free target, in a fixed order, whatever the pool), the
mean over SEEDS, and a paired two-sided sign test of each pair's mean hit against ``base``.

A variant names
- ``pool``: which cached pool it trains and serves on (``A`` named films in the pool, removed
  after ranking: today's ``product-exclude``; ``B`` named films excluded from the query, as
  served; ``C`` as ``B`` with the disliked named films not read by the query);
- ``drop_named``: leave the named films' rows out of the TRAINING lists (pool ``A``);
- ``echo``: ``keep`` echo targets as positives (today), ``drop`` their rows from training lists,
  ``zero`` label them 0, ``half`` grade them below echo-free targets (labels 1 / 2);
- ``params``: LightGBM settings over ``BASE``; ``trees``; ``extra``: added feature columns;
  ``ensemble``: average the scores of that many seeds' models (one hit vector per SEEDS entry
  is then one ensemble of seeds s, s+100, ...).

    OMP_NUM_THREADS=1 nice -n 10 /work/main/.venv/bin/python bench/redial_report/i14i_screen.py TRAIN VAL VARIANT ...
"""
import os
import pickle
import sys
import time
from math import comb

import lightgbm
import numpy as np

from chatrec.fusion import FEATURES

train = pickle.load(open(sys.argv[1], 'rb'))['train']
val = pickle.load(open(sys.argv[2], 'rb'))['val']
SEEDS = tuple(int(s) for s in os.environ.get('SEEDS', '0,1,2').split(','))
BASE = dict(objective='lambdarank', lambdarank_truncation_level=60, learning_rate=0.03, num_leaves=7,
            min_data_in_leaf=50, bagging_fraction=0.8, bagging_freq=1, feature_fraction=0.8,
            deterministic=True, force_row_wise=True, num_threads=1, verbosity=-1)
SENT = ('s_disliked', 's_liked', 'n_disliked', 'n_liked')
VARIANTS = {
    'base': dict(pool='A'),
    'A_dropnamed': dict(pool='A', drop_named=True),
    'A_echozero': dict(pool='A', echo='zero'),
    'A_echohalf': dict(pool='A', echo='half'),
    'B': dict(pool='B'),
    'B_echodrop': dict(pool='B', echo='drop'),
    'C': dict(pool='C'),
    'B_sent': dict(pool='B', extra=SENT),
    'A_sent': dict(pool='A', extra=SENT),
    'C_sent': dict(pool='C', extra=SENT),
}
for spec in os.environ.get('EXTRA_VARIANTS', '').split(';'):
    if spec.strip():  # name=python dict literal
        name, rest = spec.split('=', 1)
        VARIANTS[name.strip()] = eval(rest)


def matrix(ex, v):
    p = ex['pools'][v['pool']]
    cols = [p['feats']]
    for name in v.get('extra', ()):
        value = p[name] if name in p else np.full(len(p['rows']), ex[name], np.float32)
        cols.append(np.asarray(value, np.float32)[:, None])
    return np.concatenate(cols, axis=1) if len(cols) > 1 else cols[0]


def training_lists(v):
    xs, ys, groups = [], [], []
    for ex in train:
        p = ex['pools'][v['pool']]
        rows = p['rows']
        x = matrix(ex, v)
        y = np.zeros(len(rows), np.int32)
        echo_rows = set()
        for trs, echo in ex['targets']:
            for r in trs:
                if echo:
                    echo_rows.add(r)
        free_rows = {r for trs, echo in ex['targets'] if not echo for r in trs}
        mode = v.get('echo', 'keep')
        for i, r in enumerate(rows.tolist()):
            if r in free_rows:
                y[i] = 2 if mode == 'half' else 1
            elif r in echo_rows and mode != 'zero':
                y[i] = 1
        keep = np.ones(len(rows), bool)
        if v.get('drop_named'):
            keep &= ~np.isin(rows, list(ex['named']))
        if mode == 'drop':
            keep &= ~np.isin(rows, list(echo_rows - free_rows))
        x, y = x[keep], y[keep]
        if y.any() and len(y) > 1:
            xs.append(x), ys.append(y), groups.append(len(y))
    return np.concatenate(xs), np.concatenate(ys), groups


def fit(v, seed):
    x, y, groups = training_lists(v)
    names = list(FEATURES) + list(v.get('extra', ()))
    params = dict(BASE, seed=seed, **v.get('params', {}))
    if v.get('echo') == 'half' and 'label_gain' not in params:
        params['label_gain'] = [0.0, 1.0, 3.0]
    data = lightgbm.Dataset(x, label=y, group=groups, feature_name=names)
    return lightgbm.train(params, data, num_boost_round=v.get('trees', 300))


def evaluate(v, boosters):
    out = []
    for ex in val:
        p = ex['pools'][v['pool']]
        x = matrix(ex, v)
        score = np.mean([b.predict(x, num_threads=1) for b in boosters], axis=0)
        rows = p['rows'][np.argsort(-score, kind='stable')]
        ranked = [r for r in rows.tolist() if r not in ex['named']]
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


print('train', len(train), 'val', len(val), 'seeds', SEEDS, flush=True)
results = {}
BASE_CACHE = os.environ.get('BASE_CACHE')
if BASE_CACHE and os.path.exists(BASE_CACHE):
    results['base'] = np.load(BASE_CACHE)
for name in sys.argv[3:]:
    v = VARIANTS[name]
    began = time.time()
    n = v.get('ensemble', 1)
    hits = [evaluate(v, [fit(v, seed + 100 * j) for j in range(n)]) for seed in SEEDS]
    results[name] = np.mean(hits, axis=0)
    if name == 'base' and BASE_CACHE:
        np.save(BASE_CACHE, results[name])
    mean = results[name].mean(axis=0)
    per_seed = ' '.join(f'{h[:, 0].mean():.4f}/{h[:, 1].mean():.4f}' for h in hits)
    line = f'{name:16s} echo-free R@10 {mean[0]:.4f}  R@50 {mean[1]:.4f} ({len(hits[0])} pairs; seeds {per_seed}; {time.time() - began:.0f} s)'
    if name != 'base' and 'base' in results:
        t10 = sign_test(results[name][:, 0], results['base'][:, 0])
        t50 = sign_test(results[name][:, 1], results['base'][:, 1])
        d = mean - results['base'].mean(axis=0)
        line += f'\n    vs base: R@10 {d[0]:+.4f} (+{t10[0]}/-{t10[1]} p={t10[2]:.3f})  R@50 {d[1]:+.4f} (+{t50[0]}/-{t50[1]} p={t50[2]:.3f})'
    print(line, flush=True)
