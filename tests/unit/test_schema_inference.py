"""Catalogue understanding: column roles inferred from the first 200 rows of each shared catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from chatrec.catalog import load_catalog, load_mapping
from chatrec.labels import Labels, humanise
from chatrec.schema import infer_schema

CATALOGUES = Path(__file__).parents[1] / "fixtures" / "catalogues"


def roles(name: str) -> dict[str, str]:
    load = load_catalog(CATALOGUES / name)
    assert load.schema is not None
    return {guess.column: guess.role for guess in load.schema.columns}


def test_amazon_beauty_lists_and_details_are_text_not_filters() -> None:
    found = roles("amazon_beauty.csv")
    assert found["parent_asin"] == "id" and found["title"] == "title" and found["store"] == "brand"
    assert found["description"] == "description" and found["price"] == "price"
    assert found["features"] == "text" and found["details"] == "text"  # never filter values
    assert found["average_rating"] == "number" and found["rating_number"] == "number"
    load = load_catalog(CATALOGUES / "amazon_beauty.csv")
    for item in load.items:
        assert not any(str(value).startswith(("[", "{")) for value in item.attributes.values())
        assert not item.description.startswith("[")
    shiny = next(item for item in load.items if item.id == "B08LYT4Q2X")
    assert shiny.attributes == {"average_rating": 4.5, "rating_number": 167}
    assert "Item Form: Oil" in shiny.description


def test_amazon_sales_paths_prices_links_and_reviewers() -> None:
    found = roles("amazon_sales.csv")
    assert (found["product_id"], found["product_name"], found["category"]) == ("id", "title", "category")
    assert found["discounted_price"] == "price" and found["actual_price"] == "number"
    assert found["about_product"] == "description"
    assert (found["img_link"], found["product_link"]) == ("image_url", "url")
    for column in ("user_id", "user_name", "review_id", "review_title", "review_content"):
        assert found[column] == "ignore"
    load = load_catalog(CATALOGUES / "amazon_sales.csv")
    assert load.currency == "INR" and load.items[0].price == 399.0 and load.items[0].currency == "INR"
    assert load.items[0].attributes["rating_count"] == 24269
    assert Labels().show(load.items[0].category) == "USB cables"


def test_fashion_attributes_stay_filters() -> None:
    found = roles("fashion.csv")
    assert found["id"] == "id" and found["productDisplayName"] == "title"
    for column in ("gender", "masterCategory", "articleType", "baseColour", "season", "year", "usage"):
        assert found[column] == "attribute"


def test_redial_movies_lists_and_identifiers() -> None:
    found = roles("redial_movies.json")
    assert (found["id"], found["name"], found["plot"]) == ("id", "title", "description")
    assert {found[c] for c in ("genre", "director", "writer", "star")} == {"list"}
    assert found["imdb_id"] == "ignore"


def test_mg_shopdial_cards_without_ids_use_the_title() -> None:
    found = roles("mg_shopdial.json")
    assert found["name"] == "id+title" and found["images"] == "image_url"
    assert found["short_description"] == "description" and found["product_description"] == "text"
    assert found["rating"] == "number"
    load = load_catalog(CATALOGUES / "mg_shopdial.json")
    assert len(load.items) == 57 and load.currency == "USD"
    assert load.items[0].id == "1984 by George Orwell" and load.items[0].attributes["rating"] == 4.7


@pytest.mark.parametrize(
    "name", ["fashion.csv", "amazon_beauty.csv", "amazon_sales.csv", "redial_movies.json", "mg_shopdial.json"]
)
def test_the_written_mapping_reads_back_to_the_same_items(name: str, tmp_path: Path) -> None:
    load = load_catalog(CATALOGUES / name)
    out = tmp_path / "mapping.yaml"
    out.write_text(load.schema.to_yaml(name), encoding="utf-8")
    mapping = load_mapping(out)
    assert yaml.safe_load(out.read_text(encoding="utf-8")) == mapping
    again = load_catalog(CATALOGUES / name, out)
    assert again.schema is None  # the mapping names the fields: nothing inferred
    assert again.items == load.items


def test_ignore_key_on_top_of_inference(tmp_path: Path) -> None:
    load = load_catalog(CATALOGUES / "fashion.csv", {"ignore": ["year", "season"]})
    assert "year" not in load.items[0].attributes and "season" not in load.items[0].attributes
    assert "gender" in load.items[0].attributes


def test_display_names_from_the_data_and_the_mapping() -> None:
    assert humanise("MiniFoodProcessors&Choppers") == "Mini food processors & choppers"
    assert humanise("Heating,Cooling&AirQuality") == "Heating, cooling & air quality"
    for plain in ("Navy Blue", "Tshirts", "iPhone", "4K"):
        assert humanise(plain) == plain
    labels = Labels({"USBCables": "USB leads"})
    assert labels.show("Computers&Accessories|Cables|USBCables") == "USB leads"
    assert labels.show("Home&Kitchen|Kitchen&HomeAppliances|SmallKitchenAppliances") == "Small kitchen appliances"
    load = load_catalog(CATALOGUES / "amazon_sales.csv")
    assert load.mapping["display_names"]["USBCables"] == "USB cables"


def test_small_samples_do_not_demote_short_columns() -> None:
    schema = infer_schema([{"id": "1", "title": "Red shoe", "colour": "red"}, {"id": "2", "title": "Cap", "colour": "blue"}])
    assert {g.column: g.role for g in schema.columns} == {"id": "id", "title": "title", "colour": "attribute"}


def test_many_wanted_values_are_summarised_by_the_path_they_share() -> None:
    from chatrec.dialogue import Wishes
    from chatrec.wording import Phrases

    labels = Labels()
    kitchen = ["Home&Kitchen|Kitchen&HomeAppliances|Vacuums", "Home&Kitchen|Heating,Cooling&AirQuality|Fans",
               "Home&Kitchen|Kitchen&Dining|Mugs"]
    phrases = Phrases()
    assert phrases.summary(Wishes(include={"category": kitchen}), labels=labels) == "Home & kitchen"
    two = ["Electronics|USBCables", "Computers|HDMICables"]
    assert phrases.summary(Wishes(include={"category": two}), labels=labels) == "USB cables or HDMI cables"
    chargers = ["A|WallChargers", "B|CarChargers", "C|USBChargers"]
    # several kinds of one thing are summed up by it (lead, stop 25)
    assert phrases.summary(Wishes(include={"category": chargers}), labels=labels) == "chargers"
    assert phrases.summary(Wishes(exclude={"category": ["A|USBCables"]}), labels=labels) == "not USB cables"


def test_reasons_and_model_facts_show_labels_and_named_numbers() -> None:
    from chatrec.catalog import Item
    from chatrec.explain import TemplateExplainer, item_facts
    from chatrec.ranking import RankingContext

    item = Item(id="1", title="Steel kettle", category="Home&Kitchen|Kitchen&HomeAppliances|ElectricKettles",
                price=999.0, currency="INR", attributes={"rating": 4.2, "finish": "BrushedSteel", "list_price": 1499})
    labels = Labels()
    reason = TemplateExplainer(labels=labels).explain(RankingContext(turns=[("customer", "a kettle")]), item).text
    # The fact template names the category path by its last segment, as words, never raw.
    assert "electric kettle" in reason and "4.2" in reason
    assert "|" not in reason and "ElectricKettles" not in reason
    reason = TemplateExplainer(labels=labels).explain(RankingContext(turns=[("customer", "a rated kettle")]),
                                               Item(id="2", title="Kettle", currency="INR",
                                                    attributes={"list_price": 1499, "rating": 4.2})).text
    assert "rated 4.2" in reason
    facts = item_facts(item, labels=labels)
    assert 'category: "Electric kettles"' in facts and "ElectricKettles" not in facts
    # A generated reason that repeats a raw value is cleaned with the catalogue's labels.
    cleaned = Labels.for_items([item]).clean("This ElectricKettles pick is BrushedSteel.")
    assert cleaned == "This Electric kettles pick is Brushed steel."


def test_useful_keys_of_details_are_suggested_and_applied_when_mapped(tmp_path: Path) -> None:
    load = load_catalog(CATALOGUES / "amazon_beauty.csv")
    keys = load.schema.keys["details"]
    assert {"Item Form", "Skin Type"} <= set(keys)
    assert not {"UPC", "Package Dimensions", "Brand"} & set(keys)  # codes, measurements, the brand
    assert not any("Item Form" in item.attributes for item in load.items)  # suggested only
    assert "# keys: {details: [Item Form" in load.schema.to_yaml()
    mapping = tmp_path / "m.yaml"
    mapping.write_text(load.schema.to_yaml().replace("# keys:", "keys:"), encoding="utf-8")
    mapped = load_catalog(CATALOGUES / "amazon_beauty.csv", mapping)
    wax = next(item for item in mapped.items if item.attributes.get("Item Form") == "Wax")
    assert wax.attributes["Skin Type"] == "Sensitive" and "Item Form: Wax" in wax.description
    assert any("Age Range" in item.attributes for item in mapped.items)  # "(Description)" dropped
