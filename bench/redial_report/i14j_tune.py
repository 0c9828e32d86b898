"""Tune the context model of ``i14j_context.py`` without the validation turns (issue 14, brief i14j).

Research script. Trains on the dialogues of the first training fold of ``i14j_probe.py``'s pools
(non-validation dialogues only) and reports, after each epoch, the echo-free R@10 / R@50 of the
model's list alone (named films removed) on that fold's held-out training turns.

    OMP_NUM_THREADS=1 nice -n 10 /work/main/.venv/bin/python bench/redial_report/i14j_tune.py POOLS 'dict(dim=64)' ...
"""
import importlib.util
import pickle
import sys
import time
from pathlib import Path

import numpy as np
import torch

from chatrec.cli._common import make_settings
from chatrec.eval import inputs

HERE = Path(__file__).parent
spec = importlib.util.spec_from_file_location('i14j_context', HERE / 'i14j_context.py')
ctxm = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ctxm)

data = pickle.load(open(sys.argv[1], 'rb'))
key = ('t', 0)
held = [ex for ex in data['train'] if ex['fold'] == key]
fitted = [ex for ex in data['dump'] if ex['group'] in data['folds'][key]]
retriever, _ = inputs.open_cached_index(Path('/work/shared/data/redial/movies.json'), make_settings(), progress=False)
EMB = np.asarray(retriever.index.embeddings, dtype=np.float32)
EMB = EMB / np.maximum(np.linalg.norm(EMB, axis=1, keepdims=True), 1e-9)
print('fitted', len(fitted), 'held-out turns', len(held), flush=True)


def recall(model, vocab):
    s = ctxm.scores(model, vocab, held)
    hits = []
    for ex, row in zip(held, s):
        row = row.copy()
        row[list(ex['named'])] = -np.inf
        rank = np.empty(len(row), np.int64)
        rank[np.argsort(-row, kind='stable')] = np.arange(len(row))
        for trs, echo in ex['targets']:
            if not echo:
                best = min(rank[r] for r in trs)
                hits.append((best < 10, best < 50))
    return np.mean(hits, axis=0)


for spec_text in sys.argv[2:]:
    settings = eval(spec_text)
    began = time.time()
    epochs = settings.pop('epochs', 10)
    model, vocab = ctxm.fit(fitted, EMB, epochs=epochs, log=None, **settings,
                            on_epoch=lambda m, v, e: print(spec_text, 'epoch', e, 'R@10 / R@50 %.4f / %.4f' % tuple(recall(m, v)),
                                                           f'{time.time() - began:.0f} s', flush=True))
