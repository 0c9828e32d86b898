"""Counts behind the i14i screens: echo targets in the fusion's training lists, disliked named films.

    PYTHONPATH=. nice -n 10 /work/main/.venv/bin/python bench/redial_report/i14i_counts.py TRAIN VAL
"""
import pickle
import sys

train = pickle.load(open(sys.argv[1], 'rb'))['train']
val = pickle.load(open(sys.argv[2], 'rb'))['val']
for name, data in (('train', train), ('val', val)):
    pairs = [(echo, ex) for ex in data for _, echo in ex['targets']]
    echo = sum(e for e, _ in pairs)
    in_a = sum(1 for ex in data for trs, e in ex['targets'] if e and set(trs) & set(ex['pools']['A']['rows'].tolist()))
    only_echo = sum(1 for ex in data if all(e for _, e in ex['targets']))
    disliked = [ex for ex in data if ex['n_disliked']]
    ef_dis = sum(1 for ex in disliked for _, e in ex['targets'] if not e)
    print(f'{name}: {len(data)} turns, {len(pairs)} target pairs, {echo} echo ({echo / len(pairs):.3f}), '
          f'{in_a} echo targets inside pool A (training positives today), {only_echo} turns with echo targets only; '
          f'{len(disliked)} turns name a film the seeker disliked ({len(disliked) / len(data):.3f}), '
          f'{ef_dis} echo-free pairs in them; turns naming a liked film {sum(1 for ex in data if ex["n_liked"])}')
