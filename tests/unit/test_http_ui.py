"""The Gradio UI's pieces that need no browser: item cards, building the Blocks, the CLI commands."""

from __future__ import annotations

import gradio as gr
from click.testing import CliRunner

from chatrec.cli import main
from chatrec.recommender import ChatRec
from chatrec.settings import Settings
from chatrec.ui import build_ui, render_card

REC = {
    "item_id": "1",
    "title": "Nike <Air> Max",
    "price": 1299.0,
    "currency": "INR",
    "score": 1.0,
    "reason": "Light & cushioned, as you asked.",
    "image_url": "https://example.com/a.jpg?x=1&y=2",
    "attributes": {"colour": "Black", "sizes": ["8", "9"], "gender": "Men", "season": "Summer", "year": 2012},
}


def test_card_shows_title_price_attributes_reason_and_image() -> None:
    card = render_card(REC)
    assert "Nike &lt;Air&gt; Max" in card  # escaped: a catalogue title cannot inject HTML
    assert "1,299 INR" in card
    assert "Black · 8, 9 · Men · Summer" in card and "2012" not in card  # four key attributes
    assert "Light &amp; cushioned" in card
    assert '<img src="https://example.com/a.jpg?x=1&amp;y=2"' in card


def test_card_without_price_or_image() -> None:
    card = render_card({**REC, "price": None, "image_url": None})
    assert "<img" not in card and "INR" not in card


def test_build_ui_makes_the_engine_once_and_opens_it(fashion_chatrec: ChatRec) -> None:
    made: list[ChatRec] = []

    def factory() -> ChatRec:
        made.append(fashion_chatrec)
        return made[-1]

    blocks = build_ui(factory, title="shop")
    assert isinstance(blocks, gr.Blocks)
    assert len(made) == 1 and fashion_chatrec._parts is not None  # opened at start-up, not at the first message


def test_cli_lists_serve_and_demo() -> None:
    runner = CliRunner()
    serve = runner.invoke(main, ["serve", "--help"])
    assert serve.exit_code == 0 and "--index-dir" in serve.output and "--port" in serve.output
    demo = runner.invoke(main, ["demo", "--help"])
    assert demo.exit_code == 0 and "electronics" in demo.output


def test_serve_without_an_index_is_one_readable_line(settings: Settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CHATREC_DATA_DIR", str(settings.data_dir))
    result = CliRunner().invoke(main, ["serve", "--index-dir", str(settings.index_dir / "missing")])
    assert result.exit_code == 1
    assert "Error:" in result.output and "Traceback" not in result.output


def test_demo_builds_its_own_index_then_launches(settings: Settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import chatrec.demo
    import chatrec.recommender
    import chatrec.ui

    seen: dict[str, object] = {}

    class Report:
        def summary(self) -> str:
            return "index up to date"

    def ensure(demo_settings: Settings, name: str, progress: bool = True) -> Report:
        seen["index_dir"], seen["catalog"], seen["use_llm"] = demo_settings.index_dir, name, demo_settings.use_llm
        return Report()

    monkeypatch.setenv("CHATREC_CACHE_DIR", str(settings.cache_dir))
    monkeypatch.setattr(chatrec.demo, "ensure_demo_index", ensure)
    monkeypatch.setattr(chatrec.demo, "ensure_demo_histories", lambda s, name: seen.update(data_dir=s.data_dir) or [])
    opened: list[Settings] = []

    class Engine(ChatRec):
        def open(self) -> ChatRec:
            opened.append(self.settings)  # no index in this test: the demo's own is stubbed out
            return self

    monkeypatch.setattr(chatrec.recommender.ChatRec, "from_settings", classmethod(lambda cls, s: Engine(s)))
    monkeypatch.setattr(chatrec.ui, "launch_ui", lambda blocks, **kw: seen.update(launched=kw))
    result = CliRunner().invoke(main, ["demo", "--catalog", "electronics", "--no-llm", "--port", "7999"])
    assert result.exit_code == 0, result.output
    # The demo never overwrites the user's own ./index.
    assert seen["index_dir"] == settings.cache_dir / "demo" / "electronics"
    assert seen["data_dir"] == settings.cache_dir / "demo" / "electronics-data"
    assert seen["catalog"] == "electronics" and seen["use_llm"] is False
    assert seen["launched"] == {"server_name": None, "server_port": 7999, "inbrowser": False}
    assert len(opened) == 1 and opened[0].use_llm is False


def test_only_http_images_reach_img_src_and_catalogue_markup_stays_text() -> None:
    from chatrec.ui import chat_text

    for url in ("javascript:alert(1)", "data:image/png;base64,AAAA", "file:///etc/passwd", "//evil/x.png"):
        assert "<img" not in render_card({**REC, "image_url": url})
    bold = render_card({**REC, "title": "<b>Bold</b> shoes", "reason": "<i>nice</i>"})
    assert "<b>Bold" not in bold and "&lt;b&gt;Bold&lt;/b&gt; shoes" in bold and "<i>" not in bold
    assert chat_text("1. <b>Bold</b> shoes: fits") == "1. &lt;b&gt;Bold&lt;/b&gt; shoes: fits"


def test_a_rejected_card_is_marked_and_a_liked_one_says_so() -> None:
    rejected = render_card(REC, "rejected")
    assert "Not for me" in rejected and "show it again" in rejected
    assert "Liked" in render_card(REC, "liked")
    assert "verdict" not in render_card(REC)


def test_feedback_buttons_use_glyphs_a_plain_debian_font_has() -> None:
    from chatrec.ui import LIKE_LABEL, REJECT_LABEL

    # DejaVu Sans covers these; the thumbs emoji (U+1F44D/E) need a colour-emoji font.
    for label in (LIKE_LABEL, REJECT_LABEL):
        assert all(ord(ch) < 0x2800 for ch in label), label


def test_cards_stay_while_the_shopper_asks_about_them_and_go_with_a_new_question() -> None:
    from chatrec.ui import cards_on_show

    shown = [{"item_id": "1", "title": "Titan Women Gold Watch"}]
    assert cards_on_show({"recommendations": shown, "question": None}, []) == shown
    answer = {"recommendations": [], "question": None, "text": "It is gold."}
    assert cards_on_show(answer, shown) == shown, "why the first one? keeps the cards"
    assert cards_on_show(None, shown) == shown, "a turn under way keeps them"
    question = {"recommendations": [], "question": {"attribute": "colour", "options": ["Black"]}}
    assert cards_on_show(question, shown) == [], "a new search clears them"


def test_a_value_two_fields_share_shows_once_on_the_card() -> None:
    card = render_card({**REC, "attributes": {"articleType": "Watches", "gender": "Men", "subCategory": "Watches"}})
    assert card.count("Watches") == 1 and "Men" in card


def test_cards_of_a_chinese_reply_name_the_values_in_chinese() -> None:
    from chatrec.ui import cards_on_show, render_card

    rec = {"item_id": "b", "title": "Murcia Women Black Handbag", "price": None, "score": 1.0, "reason": "",
           "attributes": {"articleType": "Handbags", "gender": "Women", "baseColour": "Black"}}
    reply = {"recommendations": [rec], "metadata": {"understood": {"language": "zh"}}}
    card = render_card(cards_on_show(reply, [])[0])
    assert "黑色" in card and "Black" not in card.split('class="attrs"')[1].split("</div>")[0]
    english = render_card(cards_on_show({**reply, "metadata": {"understood": {"language": "en"}}}, [])[0])
    assert "Black" in english


def test_cards_use_the_shops_own_names_from_its_prompts_folder(tmp_path: Path) -> None:
    """A shop that names a value itself (its prompts folder) sees that name on the cards, not the packaged one."""
    import json
    import shutil

    from chatrec.prompting import default_prompts_dir
    from chatrec.ui import cards_on_show, render_card
    from chatrec.wording import Phrases

    folder = tmp_path / "prompts"
    shutil.copytree(default_prompts_dir(), folder)
    names = json.loads((folder / "zh" / "value_names.json").read_text(encoding="utf-8"))
    names["zorbing gear"] = "女式手袋"
    (folder / "zh" / "value_names.json").write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")
    rec = {"item_id": "b", "title": "Murcia Women Handbag", "price": None, "score": 1.0, "reason": "",
           "attributes": {"articleType": "Zorbing Gear"}}
    reply = {"recommendations": [rec], "metadata": {"understood": {"language": "zh"}}}
    assert "女式手袋" in render_card(cards_on_show(reply, [], Phrases(folder))[0])
    assert "女式手袋" not in render_card(cards_on_show(reply, [])[0]), "the packaged prompts name it their own way"
