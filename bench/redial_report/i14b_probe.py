"""Probe (issue 14, brief i14b): echo-free recall of candidate signals alone, on sampled validation turns.

Research script, not part of the package. Each signal ranks the whole catalogue from a turn's
context (the items named earlier excluded), signals cross-fitted on 2 folds as `eval redial
--folds 2` does; `pool` is the product's fused retrieval pool (before any learned fusion).

    PYTHONPATH=. OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python bench/redial_report/i14b_probe.py 400 400

(arguments: turns sampled with seed 0, EASE regularisation values, comma-separated).
"""
import json, sys, time, math, re
from collections import defaultdict, Counter
from pathlib import Path
import numpy as np
from scipy import sparse
from chatrec.cli._common import make_settings
from chatrec.eval import inputs
from chatrec.eval.redial import RedialEvaluation, cross_fitting_folds
from chatrec.eval.turns import load_turns, sample_turns
from chatrec.signals import ItemSignals, redial_sessions

D = Path('/work/shared/data/redial')
files = [D/'train_part_a.jsonl', D/'train_part_b.jsonl', D/'train_part_c_entity_linked.jsonl']
LIMIT = int(sys.argv[1]) if len(sys.argv) > 1 else 400
settings = make_settings()
retriever, _ = inputs.open_cached_index(D/'movies.json', settings, progress=False)
index = retriever.index
ids = [it.id for it in index.items]
pos = {i: r for r, i in enumerate(ids)}
known = set(ids)
sessions = [s for p in files for s in redial_sessions(p, known)]
turns = sample_turns(load_turns(D/'valid_rec_turns.jsonl'), LIMIT, 0)
raw = {}
for p in files:
    for line in open(p):
        d = json.loads(line); raw.setdefault(str(d['conversationId']), d)
MENT = re.compile(r'@(\d+)')
n = len(ids)
GENRE_WORDS = {
 'drama': ['drama', 'dramas', 'dramatic'], 'comedy': ['comedy', 'comedies', 'funny', 'laugh', 'hilarious', 'comedic'],
 'action': ['action'], 'adventure': ['adventure', 'adventures'], 'crime': ['crime', 'gangster', 'heist', 'mafia'],
 'romance': ['romance', 'romantic', 'love story', 'rom com', 'romcom', 'chick flick'], 'thriller': ['thriller', 'thrillers', 'suspense', 'suspenseful'],
 'horror': ['horror', 'scary', 'scare', 'creepy', 'frightening', 'slasher', 'horrors'], 'sci-fi': ['sci-fi', 'sci fi', 'science fiction', 'scifi', 'space', 'futuristic'],
 'mystery': ['mystery', 'mysteries', 'whodunit'], 'fantasy': ['fantasy', 'magic', 'magical'], 'family': ['family', 'kids', 'children', 'kid'],
 'animation': ['animated', 'animation', 'cartoon', 'cartoons', 'pixar', 'disney', 'anime'], 'biography': ['biography', 'biopic', 'true story', 'based on a true'],
 'documentary': ['documentary', 'documentaries'], 'history': ['historical', 'history'], 'music': ['music', 'musician'], 'sport': ['sports', 'sport'],
 'war': ['war'], 'musical': ['musical', 'musicals'], 'western': ['western', 'westerns', 'cowboy'],
}
import re as _re
GRE = {g: _re.compile(r'\b(' + '|'.join(_re.escape(w) for w in ws) + r')\b', _re.I) for g, ws in GENRE_WORDS.items()}
LAMS = [float(x) for x in sys.argv[2].split(',')] if len(sys.argv) > 2 else [100.0]

def fit_extra(keys):
    """transition counts (seeker/earlier mention -> recommender suggestion), suggestion popularity, liked co-mention"""
    trans = Counter(); sugg = Counter(); src = Counter(); liked_pairs = Counter(); liked_cnt = Counter()
    for k in keys:
        d = raw[k]; seeker = d['initiatorWorkerId']; seen = []
        iq = d.get('initiatorQuestions') or {}
        for m in d['messages']:
            ms = [x for x in MENT.findall(m['text']) if x in pos]
            if m['senderWorkerId'] != seeker:
                for x in ms:
                    if x in seen: continue
                    sugg[pos[x]] += 1
                    for c in set(seen):
                        trans[(pos[c], pos[x])] += 1
            for x in ms:
                if x not in seen:
                    seen.append(x)
        for c in set(seen): src[pos[c]] += 1
        liked = [pos[x] for x, a in iq.items() if x in pos and isinstance(a, dict) and a.get('liked') == 1]
        for a in liked:
            liked_cnt[a] += 1
            for b in liked:
                if a != b: liked_pairs[(a, b)] += 1
    def mat(c):
        if not c: return sparse.csr_matrix((n, n), dtype=np.float32)
        k = np.array(list(c.keys())); v = np.array(list(c.values()), dtype=np.float32)
        return sparse.csr_matrix((v, (k[:, 0], k[:, 1])), shape=(n, n))
    s = np.zeros(n, np.float32)
    for r, c in sugg.items(): s[r] = c
    sc = np.zeros(n, np.float32)
    for r, c in src.items(): sc[r] = c
    lc = np.zeros(n, np.float32)
    for r, c in liked_cnt.items(): lc[r] = c
    return mat(trans), s, sc, mat(liked_pairs), lc

G_of = {}
_mv = json.load(open(D/'movies.json'))
GM = np.zeros((len(GENRE_WORDS), n), np.float32)
for gi, g in enumerate(GENRE_WORDS):
    for r, i in enumerate(ids):
        if g in _mv.get(i, {}).get('genre', []): GM[gi, r] = 1
# content metadata vectors: tf-idf over director/writer/star/genre tokens
movies = json.load(open(D/'movies.json'))
feat = {}; rows=[]; cols=[]; vals=[]
for r, i in enumerate(ids):
    m = movies.get(i, {})
    toks = [f'g:{g}' for g in m.get('genre', [])] + [f'd:{x}' for x in m.get('director', [])] + [f'w:{x}' for x in m.get('writer', [])] + [f's:{x}' for x in m.get('star', [])]
    yr = re.search(r'\((\d{4})\)', m.get('name', ''))
    if yr: toks.append(f'y:{int(yr.group(1))//10}')
    for t in set(toks):
        rows.append(r); cols.append(feat.setdefault(t, len(feat))); vals.append(1.0)
M = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(feat)), dtype=np.float32)
df = np.asarray((M > 0).sum(0)).ravel(); idf = np.log(n / (1 + df)).astype(np.float32)
M = M @ sparse.diags(idf); norms = np.sqrt(np.asarray(M.multiply(M).sum(1)).ravel()) + 1e-9
M = sparse.diags(1 / norms) @ M
M = M.tocsr()

def rank_of(scores, rows_t):
    order = np.argsort(-scores, kind='stable'); rk = np.empty(n, np.int64); rk[order] = np.arange(n)
    return int(rk[rows_t].min())

res = defaultdict(list)
for fold_turns, kept in cross_fitting_folds(sessions, turns, 2):
    sig = ItemSignals.fit(kept, ids)
    ev = RedialEvaluation(retriever, sig)
    al = ev.aligned
    trans, sugg, src, lpairs, lcnt = fit_extra([s.key for s in kept])
    # EASE on the session x item matrix, over items the logs name
    cols_used = sorted({pos[i] for s in kept for i in s.items})
    cidx = {c: j for j, c in enumerate(cols_used)}
    X = np.zeros((len(kept), len(cols_used)), np.float32)
    for r, s_ in enumerate(kept):
        for i in s_.items: X[r, cidx[pos[i]]] = 1
    G = X.T @ X
    EASE = {}
    for lam in LAMS:
        Gl = G + lam * np.eye(len(cols_used), dtype=np.float32)
        P = np.linalg.inv(Gl); B = -P / np.diag(P)[None, :]; np.fill_diagonal(B, 0)
        EASE[lam] = B
    cu = np.array(cols_used)
    queries = [ev.query_of(t) for t in fold_turns]
    vecs = retriever.embedder.encode_queries([q or ' ' for _, q in queries])
    for t, (utt, q), vec in zip(fold_turns, queries, vecs):
        named = ev.named_in(utt); said = ' '.join(utt)
        nrows = [pos[i] for i in named]
        parts = al.parts(named, q)
        # product pool (exclude named)
        import dataclasses
        asked = dataclasses.replace(ev.product_query(q, vec, named), exclude_ids=tuple(named))
        pool = retriever.pool(asked, 100, fusion_depth=500)
        prank = np.full(n, 10**6); prank[pool.order] = np.arange(len(pool.order))
        # candidate signals
        S = {}
        S['co1'] = parts['co_mention']; S['co2'] = parts['two_hop']; S['pop'] = parts['popularity']
        S['sugg_pop'] = np.log1p(sugg)
        if nrows:
            w = np.ones(len(nrows), np.float32)
            tr = np.asarray(trans[nrows].T @ (w / (src[nrows] + 2.0))).ravel() / len(nrows)
            wr = 0.5 ** np.arange(len(nrows))[::-1]
            trr = np.asarray(trans[nrows].T @ (wr / (src[nrows] + 2.0))).ravel() / wr.sum()
            cont = np.asarray((M @ (M[nrows].T @ wr)).ravel()).ravel() if False else np.asarray(M @ np.asarray(M[nrows].multiply(wr[:, None]).sum(0)).ravel()).ravel()
            lk = np.asarray(lpairs[nrows].T @ (1 / (lcnt[nrows] + 2.0))).ravel()
        else:
            tr = trr = cont = lk = np.zeros(n, np.float32)
        S['trans'] = tr; S['trans_recent'] = trr; S['content'] = cont; S['liked_co'] = lk
        for lam, B in EASE.items():
            e = np.zeros(n, np.float32)
            rr = [cidx[r] for r in nrows if r in cidx]
            if rr: e[cu] = B[rr].sum(0)
            S[f'ease{lam}'] = e
            S[f'ease{lam}+pop'] = e + 0.001 * np.log1p(sugg)
        gw = np.array([len(GRE[g].findall(' '.join(utt[-4:]))) > 0 for g in GENRE_WORDS], np.float32)
        gm = gw @ GM
        lp = np.log1p(sugg)
        S['genre'] = gm
        S['genre*pop'] = gm * 10 + lp
        cn = cont / (cont.max() + 1e-9) if nrows else cont
        S['content+pop'] = cn * 3 + lp / (lp.max() + 1e-9)
        S['co2+pop'] = parts['two_hop'] / (parts['two_hop'].max() + 1e-9) + 0.3 * lp / lp.max()
        S['co2+genre+pop'] = parts['two_hop'] / (parts['two_hop'].max() + 1e-9) + 0.3 * lp / lp.max() + 0.3 * gm / max(gm.max(), 1)
        rk = settings.rrf_k
        def with_list(x, w):
            x = np.asarray(x, np.float64).copy()
            if nrows: x[nrows] = -np.inf
            top = np.argsort(-x, kind='stable')[:200]
            f = dict(pool.fused)
            for r_, row in enumerate(top.tolist()):
                if x[row] > 0: f[row] = f.get(row, 0) + w / (rk + r_ + 1)
            out = np.full(n, -1e9)
            for row, v in f.items(): out[row] = v
            return out
        for w in (0.5, 1.0):
            S[f'pool+gpop{w}'] = with_list(gm * 10 + lp, w)
            S[f'pool+cpop{w}'] = with_list(cn * 3 + lp / (lp.max() + 1e-9), w)
            S[f'pool+cgpop{w}'] = with_list(cn * 3 + lp / (lp.max() + 1e-9) + gm, w)
        S['trans+pop'] = tr + 0.01 * np.log1p(sugg)
        S['co1+trans'] = parts['co_mention'] + tr
        dense = index.embeddings @ vec.astype(np.float32)
        S['dense'] = dense
        for k in list(S):
            s = np.asarray(S[k], np.float64).copy()
            if nrows: s[nrows] = -np.inf
            S[k] = s
        for title in t.targets:
            linked = ev.linker.lookup(title)
            if not linked: continue
            rows_t = [pos[i] for i in linked]
            echo = bool(set(linked) & set(named)) or title in said
            res['echo'].append(echo); res['n_named'].append(len(nrows))
            res['pool'].append(int(prank[rows_t].min()))
            for k, s in S.items():
                res[k].append(rank_of(s, rows_t))
echo = np.array(res.pop('echo')); nn = np.array(res.pop('n_named'))
print('pairs', len(echo), 'echo-free', (~echo).sum(), 'echo-free with named items', ((~echo) & (nn > 0)).sum())
for k, v in res.items():
    v = np.array(v)[~echo]
    print(f'{k:14s} R@10 {np.mean(v<10):.3f} R@50 {np.mean(v<50):.3f} R@100 {np.mean(v<100):.3f} R@200 {np.mean(v<200):.3f} R@300 {np.mean(v<300):.3f} R@500 {np.mean(v<500):.3f}')
