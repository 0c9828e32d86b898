"""The Gradio chat UI in a real browser: Debian's headless chromium driven by Playwright.

Needs ``apt-get install chromium`` and ``pip install playwright`` (the browser build that
``playwright install`` downloads is never used). Saves ``ui_question.png`` and
``ui_browser.png`` in the test's temporary folder (and in ``$CHATREC_SCREENSHOT_DIR`` when set).
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from chatrec_engines import make_engine
from needs import need

from chatrec.settings import Settings

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not CHROMIUM.exists():
    pytest.skip("needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)
playwright_api = need("playwright.sync_api", reason="needs the playwright python package")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def ui_url(settings: Settings) -> Iterator[str]:
    from chatrec.ui import build_ui, launch_ui

    engine, _ = make_engine(settings)
    blocks = build_ui(lambda: engine, title="chatrec test")
    port = _free_port()
    launch_ui(blocks, server_name="127.0.0.1", server_port=port, prevent_thread_lock=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        blocks.close()


def test_chat_in_the_browser(ui_url: str, tmp_path: Path) -> None:
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(ui_url, wait_until="domcontentloaded")
            message = page.locator("#message textarea")
            message.wait_for(timeout=60_000)

            # A vague opening: the assistant asks, with quick replies.
            message.fill("hello, I need something")
            page.locator("#send").click()
            quick = page.locator("button.quick-reply")
            quick.first.wait_for(timeout=60_000)
            option = quick.first.inner_text().strip()
            assert option
            page.screenshot(path=str(tmp_path / "ui_question.png"), full_page=True)

            # Clicking a quick reply sends it as the customer's message.
            quick.first.click()
            page.locator("#chat").get_by_text(option, exact=True).first.wait_for(timeout=60_000)
            # ... and answered, as a shopper would wait for, before typing the next message.
            page.wait_for_function(
                "(opt) => { const t = document.querySelector('#chat').innerText;"
                " const i = t.lastIndexOf(opt); return i >= 0 && t.slice(i + opt.length).trim().length > 0; }",
                arg=option, timeout=60_000,
            )

            # A precise request: item cards with title and reason.
            message.fill("black formal shoes for men")
            page.locator("#send").click()
            card = page.locator(".item-card .item-card-body")
            card.first.wait_for(timeout=90_000)
            assert card.count() >= 1
            assert card.first.locator(".title").inner_text().strip()
            assert page.locator(".item-card button.thumb-up").count() == card.count()

            # A question about a shown item is answered in the chat; the cards stay.
            n_cards = card.count()
            message.fill("why did you recommend the first one?")
            page.locator("#send").click()
            page.locator("#chat").get_by_text("why did you recommend the first one?").first.wait_for(timeout=60_000)
            page.wait_for_function(
                "() => { const t = document.querySelector('#chat').innerText; const q = 'recommend the first one?';"
                " return t.slice(t.lastIndexOf(q) + q.length).trim().length > 0; }", timeout=60_000,
            )
            page.wait_for_timeout(1_000)
            assert card.count() == n_cards

            # Thumbs up is acknowledged.
            page.locator(".item-card button.thumb-up").first.click()
            page.get_by_text("Thanks!").first.wait_for(timeout=30_000)

            shot = tmp_path / "ui_browser.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
            if os.environ.get("CHATREC_SCREENSHOT_DIR"):
                for name in ("ui_question.png", "ui_browser.png"):
                    shutil.copy(tmp_path / name, Path(os.environ["CHATREC_SCREENSHOT_DIR"]) / name)
        finally:
            browser.close()
