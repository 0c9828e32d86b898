from typing import Any
from tests.demo_reading import talk
def test_dbg(whole_fashion: Any) -> None:
    for m in ["all too dark, its for summer", "all too dark", "too dark", "these are too dark, it's for summer"]:
        r = talk(whole_fashion, "t-shirts for men", m, prefix="dbg")
        print(m, "->", r.text[:100], [whole_fashion.item(x.item_id).attributes.get("baseColour") for x in r.recommendations], r.metadata.get("constraints")["exclude"])
