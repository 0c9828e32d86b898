"""Diagnostic (brief i14h): release years of the echo-free targets and of those the fitting logs never name, per catalogue film (reads /tmp/i14h/pools.pkl from i14h_probe.py).

    PYTHONPATH=. /work/main/.venv/bin/python bench/redial_report/i14h_years.py
"""
import pickle, numpy as np, collections, json, re
from pathlib import Path
d = pickle.load(open('/tmp/i14h/pools.pkl','rb'))
val = d['val']
movies = json.load(open('/work/shared/data/redial/movies.json'))
# rows -> ids order as index; recompute years from index
from chatrec.cli._common import make_settings
from chatrec.eval import inputs
from chatrec.item_neighbours import item_years
r,_ = inputs.open_cached_index(Path('/work/shared/data/redial/movies.json'), make_settings(), progress=False)
Y = item_years(r.index.items)
def bucket(y): return 'nan' if not np.isfinite(y) else str(int(y)//5*5)
cat = collections.Counter(bucket(y) for y in Y)
ef = collections.Counter(); nl = collections.Counter(); nlin = collections.Counter()
for ex in val:
    for trs, echo, never in ex['targets']:
        if echo: continue
        b = bucket(Y[trs[0]]); ef[b]+=1
        if never: nl[b]+=1
keys = sorted(cat, key=lambda k: (k=='nan', k))
print('bucket catalogue echo-free never-logged  ef/film  nl/film')
for k in keys:
    print(k, cat[k], ef[k], nl[k], f'{ef[k]/cat[k]:.3f}', f'{nl[k]/cat[k]:.3f}')
