"""Item cold-start table of brief i14g: held-out, overall and echo-free recall and the top-10 share of
items without log data, per system, for `eval redial --holdout-items` runs.

    /work/main/.venv/bin/python bench/redial_report/i14g_holdout_table.py LABEL=results/x.json ...
"""
import json
import sys
from pathlib import Path

print('| system | run | held-out targets R@10 / R@50 (pairs) | overall R@10 / R@50 (pairs) | echo-free R@10 / R@50 (pairs) | top-10 slots without log data (catalogue) |')
print('|---|---|---|---|---|---|')
runs = [arg.split('=', 1) for arg in sys.argv[1:]]
systems = json.loads(Path(runs[0][1]).read_text())['systems']
for system in systems:
    for label, path in runs:
        data = json.loads(Path(path).read_text())
        m = data['systems'].get(system)
        if m is None:
            continue
        h, e = m['held_out'], m['echo_free']
        print(f"| {system} | {label} | {h['recall@10']:.3f} / {h['recall@50']:.3f} ({h['pairs']}) | {m['recall@10']:.3f} / "
              f"{m['recall@50']:.3f} ({m['pairs']}) | {e['recall@10']:.3f} / {e['recall@50']:.3f} ({e['pairs']}) | "
              f"{m.get('top10_no_log_share', '-')} ({data.get('catalogue_no_log_share', '-')}) |")
