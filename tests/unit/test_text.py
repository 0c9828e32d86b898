"""One tokeniser for every script: accents, full-width forms, CJK."""

from __future__ import annotations

from collections import Counter

import numpy as np

from chatrec.catalog import Item
from chatrec.linking import TitleLinker
from chatrec.retrieval import BM25, tokenize
from chatrec.text import compounds, fold, spans, tokens
from chatrec.understanding import Vocabulary, normalise_tokens, understand


def test_accents_and_full_width_forms_fold_to_one_spelling() -> None:
    assert fold("Crème Brûlée") == "creme brulee"
    assert tokens("ＴＥＥ crème") == ["tee", "creme"]
    assert tokens("crème") != ["cr", "me"]


def test_cjk_is_cut_into_characters_not_dropped() -> None:
    assert tokens("男士蓝色T恤") == ["男", "士", "蓝", "色", "t", "恤"]
    assert tokenize("男士蓝色T恤") != ["t"]
    assert tokens("Привет мир") == ["привет", "мир"]


def test_spans_point_into_the_original_text() -> None:
    text = "I loved Amélie's soundtrack & more"
    found = spans(text)
    assert ("amelies", 8, 16) in found and ("and", 28, 29) in found
    assert compounds("Sony WH-1000XM4") == ["wh1000xm4"]


def test_lexical_search_matches_across_accents_and_scripts() -> None:
    bm25 = BM25(["Crème brûlée spoon", "Blue cotton shirt", "男士蓝色T恤"])
    assert int(np.argmax(bm25.scores("creme brulee"))) == 0
    assert int(np.argmax(bm25.scores("蓝色T恤"))) == 2


def test_understanding_and_linking_read_accented_words() -> None:
    vocabulary = Vocabulary({"flavour": Counter({"Crème": 3, "Vanilla": 2})})
    assert understand("something with creme please", vocabulary).include == {"flavour": ["Crème"]}
    assert normalise_tokens("Crème T-shirts") == ["creme", "tshirt"]
    linker = TitleLinker([Item(id="1", title="Amélie (2001)"), Item(id="2", title="Heat (1995)")])
    assert linker.find_ids("have you seen amelie?") == ["1"]


def test_one_categorical_rule_for_every_use() -> None:
    from chatrec.vocabulary import CatalogueVocabulary, is_categorical

    items = [Item(id=str(n), title=f"Shirt {n}", brand="Acme" if n % 2 else "Zed",
                  attributes={"sku": f"S-{n}", "colour": ["Red", "Blue"][n % 2], "year": str(2000 + n % 3)})
             for n in range(120)]
    vocabulary = CatalogueVocabulary.from_items(items)
    assert vocabulary.fields == ["brand", "colour"]  # not the per-item sku, not the numeric year
    assert not is_categorical("image_url", Counter({"a": 1})) and is_categorical("colour", Counter({"Red": 3}))
