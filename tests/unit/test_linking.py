"""Title linking: the catalogue items a customer names, without false links on common words."""

from __future__ import annotations

import pytest

from chatrec.catalog import Item
from chatrec.linking import TitleLinker, split_year


def _items(*titles: str) -> list[Item]:
    return [Item(id=str(number), title=title) for number, title in enumerate(titles, start=1)]


@pytest.fixture
def linker() -> TitleLinker:
    items = _items(
        "The Shining (1980)",
        "The Babadook (2014)",
        "Up (2009)",
        "Her (2013)",
        "The Others (2001)",
        "Pee-wee's Big Adventure",
        "Amélie (2001)",
        "Frozen (2010)",
        "Frozen (2013)",
        "Star Wars (1977)",
        "Star Wars: The Last Jedi (2017)",
        "It (2017)",
    )
    return TitleLinker(items, priors={"9": 10.0}, frequent=frozenset({"up", "her", "frozen"}))


def _titles(linker: TitleLinker, text: str) -> list[str]:
    names = {m.item_id: m for m in linker.find(text)}
    return [m.surface for m in names.values()]


def test_links_full_title_with_year_and_keeps_offsets(linker: TitleLinker) -> None:
    text = "Hi im looking for a good horror movie like The Shining (1980) please"
    [mention] = linker.find(text)
    assert mention.item_id == "1"
    assert text[mention.start : mention.end] == "The Shining (1980)" == mention.surface


def test_links_lower_case_and_without_article(linker: TitleLinker) -> None:
    found = linker.find("loved the shining and babadook, also amelie and pee wee's big adventure")
    assert [m.item_id for m in found] == ["1", "2", "7", "6"]


def test_longest_match_wins(linker: TitleLinker) -> None:
    found = linker.find("Star Wars: The Last Jedi was worse than Star Wars")
    assert [m.item_id for m in found] == ["11", "10"]


def test_common_words_are_not_titles(linker: TitleLinker) -> None:
    assert linker.find("I'm up for anything, her brother liked it, the others too") == []


def test_common_word_titles_link_with_year_or_title_case(linker: TitleLinker) -> None:
    assert [m.item_id for m in linker.find("I watched up (2009) yesterday")] == ["3"]
    assert [m.item_id for m in linker.find("Have you seen The Others? and Her")] == ["5", "4"]
    # A capitalised common word opening a sentence is just a sentence.
    assert linker.find("Up for a comedy. Her sister said so.") == []


def test_ambiguous_title_prefers_prior_and_lists_alternatives(linker: TitleLinker) -> None:
    [mention] = linker.find("my kids love Frozen")
    assert mention.item_id == "9"
    assert set(mention.alternatives) == {"8", "9"}
    assert [m.item_id for m in linker.find("Frozen (2010) was scary")] == ["8"]


def test_lookup_and_split_year(linker: TitleLinker) -> None:
    assert linker.lookup("The Shining (1980)") == ["1"]
    assert linker.lookup("Nothing Like This") == []
    assert split_year("The Shining (1980)") == ("The Shining", "1980")
    assert split_year("Back to the Future") == ("Back to the Future", None)


def test_attribute_values_are_not_titles() -> None:
    items = _items("Comedy (2012)", "Drama Queen (2001)") + [
        Item(id=f"g{n}", title=f"Film {n}", attributes={"genre": ("comedy",)}) for n in range(3)
    ]
    linker = TitleLinker(items, frequent=frozenset())
    assert linker.find("i want a comedy tonight") == []
    assert [m.item_id for m in linker.find("i want a comedy (2012) tonight")] == ["1"]


def test_all_caps_words_and_names_are_not_titles() -> None:
    linker = TitleLinker(_items("Action (1999)", "Help! (1965)", "It (2017)", "Morgan (2016)", "Here (2011)",
                                "Comedy (2014)"), frequent=frozenset({"action", "help", "here", "comedy"}))
    assert linker.find("I love ACTION movies, HELP me find one HERE") == []
    assert linker.find("I think IT is the best") == []
    assert linker.find("anything with Morgan Freeman in it") == []
    assert linker.find("I like a good Comedy on sundays") == []
    # ... unless the context says a title is meant.
    assert [m.surface for m in linker.find("Have you seen It? I loved \"Comedy\"")] == ["It", "Comedy"]
    assert [m.surface for m in linker.find("I watched Morgan last week")] == ["Morgan"]


def test_linking_evaluation_against_redial_mentions(fixtures_dir) -> None:
    from chatrec.catalog import load_catalog
    from chatrec.eval.linking import evaluate_linking

    items = load_catalog(fixtures_dir / "redial_movies.json").items
    result = evaluate_linking([fixtures_dir / "redial_dialogues.jsonl"], items, no_year_share=0.0)
    summary = result.summary()
    assert result.gold > 0 and result.messages > 0
    # With their years every title is found; whatever else links is a false link.
    assert summary["recall"] == 1.0
    assert summary["false_links"] == result.links - result.correct
    assert 0.0 < summary["precision"] <= 1.0


def test_what_the_shopper_says_about_an_item() -> None:
    from chatrec.ownership import item_statements

    linker = TitleLinker(_items("Inception (2010)", "The Shining (1980)", "Up (2009)"),
                         frequent=frozenset({"up", "inception"}))

    def said(text: str) -> dict[str, str]:
        return item_statements(text, linker.find(text))

    assert said("do you have Inception?") == {"1": "asks"}
    assert said("I have seen Inception, any other?") == {"1": "has"}
    assert said("I did not like The Shining") == {"2": "has"}
    assert said("I think The Shining was great") == {"2": "has"}
    assert said("something like The Shining please") == {"2": "reference"}  # not asked for
    assert said("I want something like The Shining") == {"2": "reference"}
    assert said("I loved The Shining but do you have Inception?") == {"2": "has", "1": "asks"}
    # Denials are not "has": the phrasing that made most false "has" on ReDial.
    assert said("I haven't seen The Shining yet") == {}
    assert said("I have never seen Inception but I love Up") == {"3": "has"}
    assert said("I'll check out The Shining, thanks") == {}
    # Present tense, verdicts after the title, and lists say the same of every title.
    assert said("I like The Shining") == {"2": "has"}
    assert said("The Shining was a very creepy movie") == {"2": "has"}
    assert said("I have seen Inception, The Shining and Up") == {"1": "has", "2": "has", "3": "has"}
    assert said("is The Shining in stock?") == {"2": "asks"}


def test_ownership_evaluation_reads_the_questionnaires(fixtures_dir) -> None:
    from chatrec.catalog import load_catalog
    from chatrec.eval.linking import evaluate_ownership

    result = evaluate_ownership([fixtures_dir / "redial_dialogues.jsonl"],
                                load_catalog(fixtures_dir / "redial_movies.json").items)
    summary = result.summary()
    assert result.movies > 0 and 0 <= result.correct <= result.predicted
    assert summary["named_is_has_precision"] == round(result.has / result.movies, 4)
