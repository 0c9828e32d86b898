"""A fastText-style context-to-film model (issue 14, brief i14j), research version.

Bag of the dialogue's words (all utterances), of the last two utterances' words and bigrams
(their own tokens), and of the named films (as item tokens) -> mean embedding -> dot product with
each film's vector (a learned projection of its catalogue embedding plus a free vector) + bias,
full softmax over the catalogue, cross-entropy on echo-free targets (named films masked out of
the softmax, as served they are removed). Trained with Adam on one thread.
"""
import re
from collections import Counter

import numpy as np
import torch

WORD = re.compile(r"[a-z0-9']+")


def tokens(utt, named):
    words = [w for u in utt for w in WORD.findall(u.lower())]
    last = [w for u in utt[-2:] for w in WORD.findall(u.lower())]
    out = ['w:' + w for w in words] + ['l:' + w for w in last] + ['b:' + a + '_' + b for a, b in zip(last, last[1:])]
    return out


class Vocab:
    def __init__(self, examples, min_count=2):
        counts = Counter(t for ex in examples for t in set(tokens(ex['utt'], ex['named'])))
        self.index = {t: i + 1 for i, t in enumerate(sorted(t for t, c in counts.items() if c >= min_count))}

    def ids(self, utt, named):
        return [self.index[t] for t in tokens(utt, named) if t in self.index]


class ContextModel(torch.nn.Module):
    def __init__(self, n_words, item_emb, dim=128, use_content=True):
        super().__init__()
        n_items, width = item_emb.shape
        self.words = torch.nn.EmbeddingBag(n_words + 1, dim, mode='sum', padding_idx=0)
        torch.nn.init.normal_(self.words.weight, std=0.02)
        self.register_buffer('content', torch.as_tensor(item_emb, dtype=torch.float32))
        self.proj = torch.nn.Linear(width, dim, bias=False) if use_content else None
        self.free = torch.nn.Parameter(torch.zeros(n_items, dim))
        self.named_in = torch.nn.Parameter(torch.zeros(n_items, dim))
        self.bias = torch.nn.Parameter(torch.zeros(n_items))

    def items(self):
        return self.free + (self.proj(self.content) if self.proj is not None else 0)

    def forward(self, words, offsets, counts, named, named_offsets, named_counts):
        items = self.items()
        h = self.words(words, offsets) / counts.clamp(min=1)[:, None]
        nv = torch.nn.functional.embedding_bag(named, items + self.named_in, named_offsets, mode='sum',
                                               padding_idx=None) / named_counts.clamp(min=1)[:, None]
        h = h + nv
        return h @ items.T + self.bias


def batch(rows, vocab, drop=0.0, rng=None):
    w, wo, wc, n, no, nc = [], [], [], [], [], []
    for ex in rows:
        ids = vocab.ids(ex['utt'], ex['named'])
        if drop and rng is not None:
            ids = [i for i in ids if rng.random() >= drop]
        wo.append(len(w)), w.extend(ids), wc.append(len(ids))
        no.append(len(n)), n.extend(ex['named']), nc.append(len(ex['named']))
    t = lambda x, d=torch.long: torch.as_tensor(x, dtype=d)
    return (t(w), t(wo), t(wc, torch.float32), t(n), t(no), t(nc, torch.float32))


def pairs_of(examples):
    """(example, target row) for every echo-free target (first linked row)."""
    return [(ex, trs[0]) for ex in examples for trs, echo in ex['targets'] if not echo]


def fit(examples, item_emb, dim=64, epochs=10, lr=1e-2, wd=0.0, seed=0, batch_size=256, use_content=True,
        min_count=2, log=None, on_epoch=None, dropout=0.0):
    torch.manual_seed(seed)
    torch.set_num_threads(1)
    vocab = Vocab(examples, min_count)
    model = ContextModel(len(vocab.index), item_emb, dim, use_content)
    opt = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=wd)
    pairs = pairs_of(examples)
    rng = np.random.default_rng(seed)
    for epoch in range(epochs):
        model.train()
        total = 0.0
        order = rng.permutation(len(pairs))
        for start in range(0, len(pairs), batch_size):
            chunk = [pairs[i] for i in order[start:start + batch_size]]
            logits = model(*batch([ex for ex, _ in chunk], vocab, dropout, rng))
            mask = torch.zeros_like(logits, dtype=torch.bool)
            for j, (ex, _) in enumerate(chunk):
                if ex['named']:
                    mask[j, list(ex['named'])] = True
            logits = logits.masked_fill(mask, -1e9)
            loss = torch.nn.functional.cross_entropy(logits, torch.as_tensor([r for _, r in chunk]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += float(loss.detach()) * len(chunk)
        if log:
            log(f'  epoch {epoch} loss {total / len(pairs):.3f}')
        if on_epoch:
            model.eval()
            on_epoch(model, vocab, epoch + 1)
    model.eval()
    return model, vocab


def scores(model, vocab, examples, batch_size=256):
    out = []
    with torch.no_grad():
        for start in range(0, len(examples), batch_size):
            chunk = examples[start:start + batch_size]
            out.append(torch.log_softmax(model(*batch(chunk, vocab)), dim=1).numpy())
    return np.concatenate(out) if out else np.zeros((0, 0), np.float32)
