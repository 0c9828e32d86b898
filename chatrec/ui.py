"""The Gradio chat front end: streaming chat, item cards, quick replies, thumbs up / down.

:func:`build_ui` makes the Blocks around one ChatRec engine (shared: it keeps no
conversation of its own, the conversation is the session id held in each browser session's
``gr.State``); :func:`launch_ui` serves them. ``app.py`` and ``chatrec demo`` are thin
callers of these two.
"""

from __future__ import annotations

import html
import logging
import re
from functools import lru_cache
from urllib.parse import urlparse
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import gradio as gr

from chatrec.display import format_amount
from chatrec.errors import ChatRecError
from chatrec.reply import Reply

if TYPE_CHECKING:
    from chatrec.recommender import ChatRec
    from chatrec.wording import Phrases

__all__ = ["CSS", "build_ui", "cards_on_show", "chat_text", "launch_ui", "render_card"]

logger = logging.getLogger(__name__)

#: Styling of the item cards and quick replies, passed to ``launch``.
CSS = """
.item-card {border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 10px;}
.item-card img {max-width: 100%; max-height: 160px; object-fit: contain; display: block; margin: auto;}
.item-card .price {font-weight: 600;}
.item-card .reason {font-style: italic;}
.item-card .attrs {font-size: 0.85em; opacity: 0.8;}
.quick-reply button, button.quick-reply {border-radius: 16px;}
.item-card.rejected {opacity: 0.45;}
.item-card.rejected .title {text-decoration: line-through;}
.item-card .verdict {font-size: 0.85em; font-weight: 600;}
.item-card.liked {border-color: #2e7d32; border-width: 2px;}
"""
#: Button labels: check and cross marks are in DejaVu Sans, which every Debian desktop has
#: (the thumbs emoji need a colour-emoji font that a plain Debian chromium lacks: empty boxes).
LIKE_LABEL = "\u2713 Like"
REJECT_LABEL = "\u2717 Not for me"
LIKED_NOTE = "\u2713 Liked: I'll keep it in mind."
REJECTED_NOTE = "\u2717 Not for me: I won't show it again."

_WELCOME = (
    "Tell me what you are shopping for (\"black running shoes for men\", \"a summer dress "
    "under 40\"): I ask when I need to know more, then show the items that fit and why."
)
_MAX_ATTRIBUTES = 4


Message = dict[str, str]


def _http_url(url: Any) -> bool:
    """Only http(s) addresses reach ``<img src>`` (no ``javascript:``, ``data:`` or ``file:``)."""
    if not isinstance(url, str):
        return False
    parsed = urlparse(url.strip())
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def chat_text(text: str) -> str:
    """Catalogue and model text as the chat bubble shows it: as text, never as markup. Stop 51: items numbered
    by their place in the last reply ("1." and "3." of a comparison) keep their numbers: the bubble's Markdown
    renumbered them "1." and "2."."""
    escaped = html.escape(text, quote=False)
    numbers = [int(n) for n in _NUMBERED.findall(escaped)]
    if numbers and numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        escaped = _NUMBERED_LINE.sub(r"\1\\. ", escaped)
    return escaped


_NUMBERED = re.compile(r"(?m)^\s*(\d+)\. ")
_NUMBERED_LINE = re.compile(r"(?m)^(\s*\d+)\. ")


def render_card(rec: dict[str, Any], verdict: str | None = None) -> str:
    """The HTML of one item card: image (when any), title, price, key attributes, reason.

    Args:
        rec: A recommendation as in ``Reply.to_dict()["recommendations"]``.
        verdict: ``"liked"`` or ``"rejected"`` when the customer said so: the card says it.

    Returns:
        Escaped HTML; the image (http or https only) is loaded by the browser, never fetched
        by the server.
    """
    parts = ['<div class="item-card-body">']
    if verdict in ("liked", "rejected"):
        note = LIKED_NOTE if verdict == "liked" else REJECTED_NOTE
        parts.append(f'<div class="verdict {verdict}">{html.escape(note)}</div>')
    if _http_url(rec.get("image_url")):
        # The title follows as text, so the image is decorative (alt=""); one that cannot load
        # (an offline shop, a dead link) is hidden instead of showing a broken frame.
        parts.append(f'<img src="{html.escape(rec["image_url"])}" alt="" loading="lazy" '
                     'onerror="this.style.display=\'none\'">')
    parts.append(f'<div class="title"><b>{html.escape(rec["title"])}</b></div>')
    price = format_amount(rec["price"], rec.get("currency")) if rec.get("price") is not None else ""
    if price:
        parts.append(f'<div class="price">{html.escape(price)}</div>')
    values = [", ".join(value) if isinstance(value, list | tuple) else str(value)
              for value in (rec.get("attributes") or {}).values()]
    values = list(dict.fromkeys(v for v in values if v))[:_MAX_ATTRIBUTES]  # "Watches" once, not per field
    if values:
        parts.append(f'<div class="attrs">{" · ".join(html.escape(v) for v in values)}</div>')
    if rec.get("reason"):
        parts.append(f'<div class="reason">{html.escape(rec["reason"])}</div>')
    parts.append("</div>")
    return "".join(parts)


def cards_on_show(reply: dict[str, Any] | None, shown: list[dict[str, Any]] | None,
                  phrases: Phrases | None = None) -> list[dict[str, Any]]:
    """The item cards after a reply: its recommendations; the same cards when it answered about
    them or chatted ("why the second one?", "thanks"); none when it asks a question (a new search).

    Args:
        reply: The reply as ``Reply.to_dict()``, or None while a turn is streaming.
        shown: The cards on show before it.
        phrases: The engine's wording, which names card values in the shopper's language
            (default: the packaged prompts).
    """
    if reply is None:
        return list(shown or [])
    if reply.get("recommendations"):
        language = str(((reply.get("metadata") or {}).get("understood") or {}).get("language") or "en")
        return [_in_language(rec, language, phrases or _phrases()) for rec in reply["recommendations"]]
    return [] if reply.get("question") else list(shown or [])


def _in_language(rec: dict[str, Any], language: str, phrases: Phrases) -> dict[str, Any]:
    """The card with its attribute values as the shopper's language names them ("Handbags" ->
    "手提包" in a Chinese conversation), where the prompts or the lexicon have a name."""
    if language == "en":
        return rec
    local = phrases.language(language)
    values: dict[str, Any] = {}
    for name, value in (rec.get("attributes") or {}).items():
        if isinstance(value, list | tuple):
            shown = [v for v in (_card_value(local, name, str(v), language) for v in value) if v]
            if shown:
                values[name] = shown
        elif (one := _card_value(local, name, str(value), language)) is not None:
            values[name] = one
    return {**rec, "attributes": values}


#: i12y: fields whose values are names in any language (a brand), kept as written on a card.
_NAMES = frozenset({"brand", "title", "name"})


def _card_value(phrases: Phrases, name: str, value: str, language: str) -> str | None:
    """i12y: a card value in the shopper's language: the prompts' or the lexicon's name of the value,
    else of each of its words ("Computers&Accessories"); a Chinese card leaves off an English value that
    has no name at all ("Accessories" before the prompts named it), so the card reads in one language.
    Brands, figures and values with no English words stay as they are."""
    shown = phrases.summary_value(value)
    if shown != value or name.lower() in _NAMES or re.search(r"\d", value) or not re.search(r"[A-Za-z]{3,}", value):
        return shown
    spaced = re.sub(r"\s*([&,])\s*", lambda m: " & " if m.group(1) == "&" else ", ", value)  # "Accessories&Peripherals"
    spaced = spaced[:1] + spaced[1:].lower()  # as the labels read: "Accessories & peripherals"
    if (labelled := phrases.summary_value(spaced)) != spaced:
        return labelled
    from chatrec.language import Lexicon

    words = [w for w in re.split(r"[\s&,/]+", value) if w]
    named = [Lexicon.default().native(w, language) or phrases.summary_value(w) for w in words]
    if all(n != w for n, w in zip(named, words)):
        return ("、" if language == "zh" else " · ").join(dict.fromkeys(named))
    return None if language == "zh" else value


@lru_cache(maxsize=1)
def _phrases() -> Phrases:
    from chatrec.wording import Phrases

    return Phrases()


def build_ui(chatrec_factory: Callable[[], ChatRec], *, title: str = "chatrec") -> gr.Blocks:
    """Build the chat UI around the engine that ``chatrec_factory`` makes.

    The factory is called once, here, so that a missing index fails at start-up rather than
    at the first message. Each browser session keeps its own session id and last reply in
    ``gr.State``; "New conversation" forgets them.

    Args:
        chatrec_factory: Makes the ChatRec engine (for instance ``lambda:
            ChatRec.from_settings(settings)``).
        title: The page title.

    Returns:
        The Blocks; serve them with :func:`launch_ui`.
    """
    engine = chatrec_factory()
    # Open the index now, so that a missing index fails here and not at the first message,
    # and load and warm the models now, so that the first customer does not wait for them.
    engine.open()
    settings = getattr(engine, "settings", None)
    # open() built the index, embedder and policy; what is left to warm is the LLM, when a turn uses it.
    uses_llm = getattr(engine, "uses_llm", None)
    if getattr(settings, "warm_up", False) and callable(uses_llm) and uses_llm():
        from chatrec.llm import PREPARING_NOTICE, needs_preparation

        if needs_preparation(settings):  # type: ignore[arg-type]
            logger.warning(PREPARING_NOTICE)
        engine.warm_up()

    def converse_quick_reply(
        option: str, history: list[Message] | None, session_id: str | None, user_id: str
    ) -> Iterator[tuple[Any, ...]]:
        """A clicked quick reply as the customer's message; the input box is left alone, so
        words the customer is typing meanwhile are not wiped when the answer arrives."""
        for chat, _box, session, reply in converse(option, history, session_id, user_id):
            yield chat, session, reply

    def converse(
        message: str, history: list[Message] | None, session_id: str | None, user_id: str
    ) -> Iterator[tuple[Any, ...]]:
        """Stream one turn: (chat history, input box, session id, last reply) per update."""
        history = list(history or [])
        message = (message or "").strip()
        if not message:
            yield history, "", session_id, gr.skip()
            return
        history = [*history, {"role": "user", "content": message}, {"role": "assistant", "content": ""}]
        yield history, "", session_id, None
        text = ""
        try:
            for part in engine.stream(message, session_id=session_id, user_id=user_id.strip() or None):
                if isinstance(part, Reply):
                    # The streamed text (opening line, items and their reasons), as text.
                    history[-1] = {"role": "assistant", "content": chat_text(text or part.text)}
                    yield history, "", part.session_id, part.to_dict()
                else:
                    text += part
                    history[-1] = {"role": "assistant", "content": chat_text(text)}
                    yield history, "", session_id, None
        except ChatRecError as exc:
            # Bad input (too long, empty) or an unknown session: say so in the page, keep the chat.
            logger.warning("chat turn failed: %s", exc)
            gr.Warning(str(exc))
            yield history[:-2], message, session_id, None

    def record(
        session_id: str | None, item_id: str, kind: str, verdicts: dict[str, str] | None
    ) -> dict[str, str]:
        """Send the feedback; remember it per item so the card shows it (liked, or marked as rejected)."""
        verdicts = dict(verdicts or {})
        if not session_id:
            return verdicts
        try:
            engine.feedback(session_id, item_id, kind)
        except ChatRecError as exc:
            logger.warning("feedback on %s failed: %s", item_id, exc)
            gr.Warning(str(exc))
            return verdicts
        verdicts[item_id] = kind
        gr.Info("Thanks! I'll keep that in mind." if kind == "liked" else "Noted: I won't show it again.")
        return verdicts

    with gr.Blocks(title=title, analytics_enabled=False) as blocks:
        session_state = gr.State(None)
        reply_state = gr.State(None)
        verdict_state = gr.State({})  # item id -> "liked" / "rejected", for this browser session
        cards_state = gr.State([])  # the items on show: kept while the shopper asks about them
        gr.Markdown(f"## {html.escape(title)}\n{_WELCOME}")
        with gr.Row():
            user_box = gr.Textbox(
                label="Customer id (optional)",
                placeholder="e.g. A2KZ…  (returning customers get personalised results)",
                scale=3,
                elem_id="customer-id",
            )
            new_button = gr.Button("New conversation", scale=1, elem_id="new-conversation")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="Chat", height=420, elem_id="chat", feedback_options=None)
                # Made here, shown below the quick replies: their buttons write to it.
                message_box = gr.Textbox(
                    show_label=False,
                    placeholder="Type your message and press Enter",
                    scale=5,
                    elem_id="message",
                    autofocus=True,
                    render=False,
                )

                @gr.render(inputs=[reply_state])
                def quick_replies(reply: dict[str, Any] | None) -> None:
                    question = (reply or {}).get("question")
                    if not question or not question.get("options"):
                        return
                    with gr.Row(elem_id="quick-replies"):
                        for option in question["options"]:
                            button = gr.Button(option, size="sm", elem_classes=["quick-reply"])
                            button.click(
                                converse_quick_reply,
                                inputs=[gr.State(option), chatbot, session_state, user_box],
                                outputs=[chatbot, session_state, reply_state],
                            )

                with gr.Row():
                    message_box.render()
                    send_button = gr.Button("Send", variant="primary", scale=1, elem_id="send")
            with gr.Column(scale=2):
                gr.Markdown("### Recommendations")

                @gr.render(inputs=[cards_state, session_state, verdict_state])
                def cards(
                    recommendations: list[dict[str, Any]] | None, session_id: str | None, verdicts: dict[str, str] | None
                ) -> None:
                    if not recommendations:
                        gr.Markdown("_Items I recommend show up here._", elem_id="no-items")
                        return
                    for rec in recommendations:
                        verdict = (verdicts or {}).get(rec["item_id"])
                        with gr.Group(elem_classes=["item-card", *([verdict] if verdict else [])]):
                            gr.HTML(render_card(rec, verdict))
                            with gr.Row():
                                up = gr.Button(LIKE_LABEL, size="sm", elem_classes=["thumb-up"], min_width=40,
                                               interactive=verdict != "liked")
                                down = gr.Button(REJECT_LABEL, size="sm", elem_classes=["thumb-down"], min_width=40,
                                                 interactive=verdict != "rejected")
                            item = gr.State(rec["item_id"])
                            up.click(lambda s, i, v: record(s, i, "liked", v), [session_state, item, verdict_state],
                                     verdict_state)
                            down.click(lambda s, i, v: record(s, i, "rejected", v),
                                       [session_state, item, verdict_state], verdict_state)

        turn_inputs = [message_box, chatbot, session_state, user_box]
        turn_outputs = [chatbot, message_box, session_state, reply_state]
        message_box.submit(converse, turn_inputs, turn_outputs)
        send_button.click(converse, turn_inputs, turn_outputs)
        reply_state.change(lambda reply, shown: cards_on_show(reply, shown, engine.phrases),
                           [reply_state, cards_state], cards_state)
        new_button.click(
            lambda: ([], "", None, None, {}, []), None,
            [chatbot, message_box, session_state, reply_state, verdict_state, cards_state],
        )
    return blocks


def launch_ui(
    blocks: gr.Blocks,
    *,
    server_name: str | None = None,
    server_port: int | None = None,
    inbrowser: bool = False,
    prevent_thread_lock: bool = False,
) -> None:
    """Serve the UI. Host and port default to Gradio's own ``GRADIO_SERVER_NAME`` / ``GRADIO_SERVER_PORT``.

    Args:
        blocks: What :func:`build_ui` returned.
        server_name: Interface to listen on (None: Gradio's default, 127.0.0.1).
        server_port: Port (None: Gradio's default, 7860).
        inbrowser: Open a browser tab.
        prevent_thread_lock: Return at once instead of serving until interrupted (tests).
    """
    # The engine is CPU-bound: two turns at a time is what two cores can serve.
    blocks.queue(default_concurrency_limit=2)
    blocks.launch(
        server_name=server_name,
        server_port=server_port,
        inbrowser=inbrowser,
        prevent_thread_lock=prevent_thread_lock,
        css=CSS,
        # System fonts: the default theme would ask Google Fonts, which an offline demo cannot reach.
        theme=gr.themes.Soft(font=["ui-sans-serif", "system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"]),
        show_error=True,
    )
