"""Probe (issue 14, brief i14h): the fusion's pools once, with content candidate lists beside them.

Research script, not part of the package. ``i14g_probe.py`` for today's product (EASE already in
the pool), plus per pool the top-EXTRA rows of candidate sources that need no per-item logs:

- ``meta``: metadata item-item similarity to the named films (genre cosine with IDF, shared
  director / writer / star weighted by IDF, release-year proximity), later-named weighing more;
- ``people``: films of a director / writer / star the seeker's words name (multi-word names
  as written), ordered by the year prior;
- ``genre_year``: the genre profile (named films' genres + genres the words name) times the
  year prior: popularity within the asked genres in the release years most named in the
  fitting dialogues (no item's own logs: an item never logged gets its year's rate);
- ``meta_year``: ``meta`` + 0.5 x the year prior (recency tie-break).

plus today's catalogue-taste list (``content``) to screen its weight. The year prior is fitted
on the same sessions as that turn's signals (never a validation dialogue for the fusion's
training turns; the other fold's dialogues for validation turns, as ``eval redial --folds 2``).

    PYTHONPATH=. OMP_NUM_THREADS=1 nice -n 10 /work/main/.venv/bin/python \
        bench/redial_report/i14h_probe.py LIMIT FUSION_TURNS DEPTH EXTRA OUT   (LIMIT 0: all validation turns)
"""
import math
import pickle
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse

from chatrec.catalogue_taste import _normalised
from chatrec.cli._common import make_settings
from chatrec.eval import inputs
from chatrec.eval.redial import RedialEvaluation, cross_fitting_folds, without_items
from chatrec.eval.turns import dialogue_rec_turns, load_turns, sample_turns
from chatrec.fusion import pool_features
from chatrec.item_neighbours import item_years
from chatrec.signals import ItemSignals, redial_sessions

D = Path('/work/shared/data/redial')
files = [D / 'train_part_a.jsonl', D / 'train_part_b.jsonl', D / 'train_part_c_entity_linked.jsonl']
LIMIT, NFUS, DEPTH, EXTRA, OUT = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
START = time.time()
settings = make_settings()
retriever, _ = inputs.open_cached_index(D / 'movies.json', settings, progress=False)
index = retriever.index
ids = [it.id for it in index.items]
pos = {i: r for r, i in enumerate(ids)}
n = len(ids)
YEAR = item_years(index.items)
YEAR_KNOWN = np.isfinite(YEAR)
YEAR_INT = np.where(YEAR_KNOWN, YEAR, 0).astype(np.int64)


def binary(fields):
    cols, rows, colidx = {}, [], []
    for r, it in enumerate(index.items):
        for f in fields:
            v = it.attributes.get(f)
            vals = v if isinstance(v, tuple) else ((v,) if isinstance(v, str) else ())
            for x in vals:
                t = _normalised(x)
                if t:
                    rows.append(r)
                    colidx.append(cols.setdefault(f'{f}:{t}', len(cols)))
    m = sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, colidx)), shape=(n, len(cols)))
    m.data[:] = 1.0
    return m, cols


GEN, GEN_COLS = binary(['genre'])
PEO, PEO_COLS = binary(['director', 'writer', 'star'])


def idf_rows(m):
    df = np.asarray(m.sum(axis=0)).ravel()
    idf = np.log(n / (1.0 + df)).clip(min=0).astype(np.float32)
    w = (m @ sparse.diags(idf)).tocsr()
    norms = np.sqrt(np.asarray(w.multiply(w).sum(axis=1)).ravel())
    return (sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ w).tocsr().astype(np.float32), idf


GEN_N, GEN_IDF = idf_rows(GEN)
PEO_W = (PEO @ sparse.diags(np.log(n / (1.0 + np.asarray(PEO.sum(axis=0)).ravel())).clip(min=0))).tocsr().astype(np.float32)
# Phrases: multi-word people names as written; genre words from the packaged word list.
from chatrec.catalogue_taste import load_attribute_words
WORDS = load_attribute_words()
PEO_PHRASES = {}
for tok, c in PEO_COLS.items():
    value = tok.split(':', 1)[1]
    if 2 <= len(value.split()) <= 4:
        PEO_PHRASES.setdefault(value, set()).add(c)
GEN_PHRASES = {}
for tok, c in GEN_COLS.items():
    value = tok.split(':', 1)[1]
    for w in WORDS.get('genre', {}).get(value, []):
        GEN_PHRASES.setdefault(_normalised(w), set()).add(c)


def phrases_in(text, table):
    toks = _normalised(text).split()
    found = set()
    for size in range(1, 5):
        for s in range(len(toks) - size + 1):
            found |= table.get(' '.join(toks[s:s + size]), set())
    return found


def year_prior(baskets):
    """Mentions per catalogue film of each release year in the fitting logs (smoothed), scaled to max 1."""
    mentions = Counter()
    for b in baskets:
        for i in set(b):
            r = pos.get(i)
            if r is not None and YEAR_KNOWN[r]:
                mentions[int(YEAR[r])] += 1
    films = Counter(YEAR_INT[YEAR_KNOWN].tolist())
    rate = {}
    for y in films:
        m = sum(mentions[y + d] for d in (-1, 0, 1))
        f = sum(films[y + d] for d in (-1, 0, 1))
        rate[y] = (m + 1.0) / (f + 10.0)
    top = max(rate.values())
    out = np.array([rate.get(int(y), 0.0) / top if k else 0.0 for y, k in zip(YEAR, YEAR_KNOWN)], np.float32)
    return out


def top_list(score, named_rows):
    s = np.where(score > 0, score, -np.inf)
    s[list(named_rows)] = -np.inf
    k = min(EXTRA, int(np.isfinite(s).sum()))
    if k <= 0:
        return np.zeros(0, np.int64)
    part = np.argpartition(-s, k - 1)[:k]
    return part[np.argsort(-s[part], kind='stable')]


def sources(nrows, said_recent, prior):
    """Each candidate source's score over the catalogue, and the feature columns."""
    out = {}
    w = 0.5 ** np.arange(len(nrows), dtype=np.float32)[::-1] if nrows else np.zeros(0, np.float32)
    asked_gen = phrases_in(said_recent, GEN_PHRASES)
    asked_peo = phrases_in(said_recent, PEO_PHRASES)
    if nrows:
        gprof = np.asarray(GEN_N[nrows].multiply(w[:, None]).sum(axis=0)).ravel()
        gsim = np.asarray(GEN_N @ gprof).ravel() / w.sum()
        pprof = np.asarray((PEO[nrows].multiply(w[:, None])).sum(axis=0)).ravel()
        psim = np.asarray(PEO_W @ pprof).ravel() / w.sum()
        psim = psim / (psim.max() or 1.0)
        ny = YEAR[nrows]
        ny = ny[np.isfinite(ny)]
        yprox = np.exp(-np.abs(YEAR - ny.mean()) / 8.0) if len(ny) else np.zeros(n, np.float32)
        yprox = np.nan_to_num(yprox, nan=0.0)
        meta = gsim + 2.0 * psim + 0.5 * yprox * (gsim > 0)
        meta = np.where((gsim > 0) | (psim > 0), meta, 0.0)
    else:
        gsim = psim = yprox = meta = np.zeros(n, np.float32)
        gprof = np.zeros(GEN.shape[1], np.float32)
    out['meta'] = meta.astype(np.float32)
    out['meta_year'] = np.where(meta > 0, meta + 0.5 * prior, 0.0).astype(np.float32)
    if asked_peo:
        ind = np.zeros(PEO.shape[1], np.float32)
        ind[sorted(asked_peo)] = 1.0
        pm = np.asarray(PEO @ ind).ravel()
    else:
        pm = np.zeros(n, np.float32)
    out['people'] = np.where(pm > 0, pm + prior, 0.0).astype(np.float32)
    gp = gprof.copy() / (w.sum() if len(w) else 1.0)
    if asked_gen:
        for c in asked_gen:
            gp[c] += 2.0 * GEN_IDF[c]
    if gp.any():
        gfit = np.asarray(GEN_N @ (gp / np.linalg.norm(gp))).ravel()
    else:
        gfit = np.zeros(n, np.float32)
    out['genre_year'] = (gfit * prior).astype(np.float32)
    feats = {'h_meta': out['meta'], 'h_gsim': gsim.astype(np.float32), 'h_psim': psim.astype(np.float32),
             'h_people_asked': pm.astype(np.float32), 'h_genre_fit': gfit.astype(np.float32),
             'h_year_prior': prior, 'h_genre_year': out['genre_year']}
    return out, feats


LISTS = ('meta', 'meta_year', 'people', 'genre_year')
sessions = [s for p in files for s in redial_sessions(p, set(ids))]
all_val = load_turns(D / 'valid_rec_turns.jsonl')
val = sample_turns(all_val, LIMIT or None, 0)
val_d = {t.dialog_id for t in all_val}
titles = {it.id: it.title for it in index.items}
logged = [t for t in dialogue_rec_turns(files, titles) if t.dialog_id not in val_d]
logged = sample_turns(logged, NFUS, 0)
kept = [s for s in sessions if s.key not in val_d]
print('val turns', len(val), 'fusion turns', len(logged), 'sessions', len(kept), flush=True)


def baskets(chosen):
    return [s.items for s in {s.key: s for s in chosen}.values()]


def collect(ev, turns, out, prior):
    queries = [ev.query_of(t) for t in turns]
    vecs = retriever.embedder.encode_queries([q or ' ' for _, q in queries])
    for t, (utt, q), vec in zip(turns, queries, vecs):
        if not q:
            continue
        named = ev.named_in(utt)
        said = ' '.join(utt)
        asked = ev.product_query(q, vec, named)
        pop = asked.signal_parts['popularity']
        tg = []
        for title in t.targets:
            linked = ev.linker.lookup(title)
            if linked:
                rs = [pos[i] for i in linked]
                tg.append((rs, bool(set(linked) & set(named)) or title in said, bool(all(pop[r] <= 0 for r in rs))))
        if not tg:
            continue
        pool = retriever.pool(asked, 100, fusion_depth=DEPTH, features=True)
        base = np.asarray(pool.order[:DEPTH], dtype=np.int64)
        nrows = [pos[i] for i in named]
        scores, extra = sources(nrows, q, prior)
        lists = {name: top_list(scores[name], nrows) for name in LISTS}
        content = pool.scores.content
        lists['content'] = top_list(content, nrows) if content is not None else np.zeros(0, np.int64)
        union = [base]
        seen = set(base.tolist())
        for name in (*LISTS, 'content'):
            new = [r for r in lists[name].tolist() if r not in seen]
            seen.update(new)
            union.append(np.asarray(new, np.int64))
        rows = np.concatenate(union)
        feats = pool_features(rows, pool.scores, DEPTH)
        out.append(dict(group=t.dialog_id, rows=rows, n_base=len(base), feats=feats, named=set(nrows), targets=tg,
                        extra={k: v[rows].astype(np.float32) for k, v in extra.items()},
                        fused=np.asarray([pool.fused.get(int(r), 0.0) for r in rows], np.float32), lists=lists,
                        never=(pop[rows] <= 0)))


train = []
rng = random.Random(0)
for fold_turns, fold_kept in cross_fitting_folds(kept, logged, 5):
    items = sorted({i for s in fold_kept for i in s.items})
    hidden = set(rng.sample(items, int(len(items) * 0.2)))
    fitted = without_items(fold_kept, hidden)
    sig = ItemSignals.fit(fitted, [i for i in ids if i not in hidden])
    collect(RedialEvaluation(retriever, sig), fold_turns, train, year_prior(baskets(fitted)))
    print('train examples', len(train), f'{time.time() - START:.0f} s', flush=True)
evald = []
for fold_val, fold_sessions in cross_fitting_folds(sessions, val, 2):
    print('validation fold', len(fold_val), 'turns', len({s.key for s in fold_sessions}), 'dialogues', flush=True)
    collect(RedialEvaluation(retriever, ItemSignals.fit(fold_sessions, ids)), fold_val, evald,
            year_prior(baskets(fold_sessions)))
print('val examples', len(evald), f'{time.time() - START:.0f} s', flush=True)
pickle.dump(dict(train=train, val=evald, lists=LISTS), open(OUT, 'wb'))
print('done', f'{time.time() - START:.0f} s', flush=True)
