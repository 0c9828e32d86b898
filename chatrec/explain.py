"""Why an item fits: a one-sentence reason, from the LLM, checked against the item's own data.

:class:`LLMExplainer` generates one sentence (greedy, at most ``settings.explain_max_new_tokens``
tokens, streamed token by token) from the dialogue and the item's catalogue data, then checks
it: a price, colour, gender, size, year, brand or other attribute value that the catalogue
knows (its *vocabulary*) and that contradicts the item's data makes the reason untruthful.
An untruthful or empty reason is replaced by :class:`TemplateExplainer`'s reason, built from
the item's attributes only, and the :class:`Explanation` says so (``fallback=True``).

When streaming, the chunks are the raw model text; the final :class:`Explanation` comes last
and is what must be kept: when its ``fallback`` is True the caller replaces the streamed text
with ``Explanation.text``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from chatrec.catalog import Item
from chatrec.display import clean_text, format_dialogue, format_price, ordered_attributes, value_text
from chatrec.llm import LLM
from chatrec.prompting import PromptLibrary, to_chat
from chatrec.ranking import RankingContext
from chatrec.settings import Settings
from chatrec.truthfulness import KnownValues, find_contradictions, normalised

__all__ = [
    "Explainer",
    "Explanation",
    "KnownValues",
    "LLMExplainer",
    "TemplateExplainer",
    "find_contradictions",
    "item_facts",
]

logger = logging.getLogger(__name__)

MAX_WORDS = 30
_SENTENCE_END = re.compile(r"[.!?][\"')\]]?(?=\s)")


@dataclass(frozen=True)
class Explanation:
    """A reason shown with a recommended item.

    Attributes:
        text: One short sentence.
        fallback: True when the LLM's reason was replaced by the attribute-based one.
        problems: Why it was replaced (contradictions found, or an empty answer).
    """

    text: str
    fallback: bool
    problems: tuple[str, ...] = field(default=())


class Explainer(Protocol):
    """Says why an item fits the dialogue."""

    def explain(self, context: RankingContext, item: Item) -> Explanation:
        """The reason, complete."""
        ...

    def stream(self, context: RankingContext, item: Item) -> Iterator[str | Explanation]:
        """Text chunks, then the final (checked) :class:`Explanation` last."""
        ...


def item_facts(item: Item, max_attributes: int = 8, max_description_chars: int = 200) -> str:
    """The item's data as quoted lines for the explanation prompt (``title: "..."``)."""
    lines = [f'title: "{clean_text(item.title, 100)}"']
    for name, value in [("category", item.category), ("brand", item.brand)]:
        if value:
            lines.append(f'{name}: "{clean_text(value, 60)}"')
    for name, value in ordered_attributes(item)[:max_attributes]:
        text = clean_text(value_text(value, max_values=3), 80)
        if text:
            lines.append(f'{clean_text(name, 30)}: "{text}"')
    price = format_price(item)
    if price:  # no line at all when unknown: a small model parrots "price: not listed"
        lines.append(f'price: "{price}"')
    if item.description:
        lines.append(f'description: "{clean_text(item.description, max_description_chars)}"')
    return "\n".join(line.replace('""', '"') for line in lines)


def _limit_words(text: str, max_words: int = MAX_WORDS) -> str:
    words = text.split()
    if len(words) <= max_words:
        return text
    return " ".join(words[:max_words]).rstrip(",;:") + "…"


class TemplateExplainer:
    """A reason built from the item's attributes alone (no model); never untruthful.

    Names first the item's values that the customer asked for, then its main attributes
    and its price.
    """

    def __init__(self, prompts: PromptLibrary | None = None) -> None:
        self.prompts = prompts or PromptLibrary()

    def explain(self, context: RankingContext, item: Item) -> Explanation:
        """The attribute-based reason for ``item`` (wording: ``prompts/reason_*.txt``)."""
        asked = " " + normalised(" ".join(text for role, text in context.turns if role == "customer")) + " "
        values: list[str] = []
        for name, value in [("category", item.category), ("brand", item.brand), *ordered_attributes(item)]:
            if value in (None, "", ()):
                continue
            text = value_text(value)
            if len(text) <= 30 and text.lower() not in item.title.lower():
                values.append(text)
        matched = [v for v in values if f" {normalised(v)} " in asked and normalised(v)]
        title = _limit_words(item.title, 10)
        price = format_price(item) or ""
        if matched:
            text = self.prompts.render("reason_matched", title=title, values=", ".join(matched[:3]), price=price)
        elif values:
            text = self.prompts.render("reason_listed", title=title, values=", ".join(values[:3]), price=price)
        else:
            text = self.prompts.render("reason_plain", title=title, price=price)
        return Explanation(text=_limit_words(text), fallback=False)

    def stream(self, context: RankingContext, item: Item) -> Iterator[str | Explanation]:
        """The whole reason as one chunk, then the :class:`Explanation`."""
        explanation = self.explain(context, item)
        yield explanation.text
        yield explanation


class LLMExplainer:
    """One-sentence reasons generated by the LLM and checked against the item's data.

    Args:
        llm: The shared model holder (loaded lazily on first use).
        vocabulary: The catalogue's values for the truthfulness check; without one, only
            prices, colours, genders, sizes and years are checked.
        prompts: Template library (default: the shipped ``prompts/``).
        max_new_tokens: Most tokens generated per reason.
        answer_prefix: The answer's first word, given to the model so that it describes the
            item ("This ...") instead of role-playing the customer; streamed first.
    """

    def __init__(
        self,
        llm: LLM,
        *,
        vocabulary: KnownValues | None = None,
        prompts: PromptLibrary | None = None,
        max_new_tokens: int = 40,
        answer_prefix: str = "This",
    ) -> None:
        self.llm = llm
        self.vocabulary = vocabulary or KnownValues()
        self.prompts = prompts or PromptLibrary()
        self.max_new_tokens = max_new_tokens
        self.answer_prefix = answer_prefix
        self.template = TemplateExplainer()

    @classmethod
    def from_settings(
        cls, settings: Settings, llm: LLM | None = None, vocabulary: KnownValues | None = None
    ) -> LLMExplainer:
        """An explainer for the settings' model (shared when ``llm`` is given), loaded lazily.

        Pass ``vocabulary=KnownValues.from_items(retriever.index.items)`` to check reasons
        against the whole catalogue's values.
        """
        return cls(
            llm or LLM.from_settings(settings),
            vocabulary=vocabulary,
            prompts=PromptLibrary(settings.prompts_dir),
            max_new_tokens=settings.explain_max_new_tokens,
        )

    def prompt(self, context: RankingContext, item: Item) -> str:
        """The model input for explaining ``item`` in ``context``."""
        user = self.prompts.render(
            "explain", dialogue=format_dialogue(context.turns, 600), item=item_facts(item)
        )
        return to_chat(self.llm.tokenizer, self.prompts.render("system"), user, self.answer_prefix)

    def _tokens(self, context: RankingContext, item: Item) -> Iterator[str]:
        """Greedy decoding with the KV cache, yielding the text of each new token."""
        import torch

        tokenizer = self.llm.tokenizer
        model = self.llm.model
        encoded = tokenizer(self.prompt(context, item), return_tensors="pt", add_special_tokens=False)
        input_ids = encoded["input_ids"].to(model.device)
        stop_ids = {tokenizer.eos_token_id, tokenizer.pad_token_id}
        if getattr(model.generation_config, "eos_token_id", None) is not None:
            eos = model.generation_config.eos_token_id
            stop_ids.update(eos if isinstance(eos, list) else [eos])
        generated: list[int] = []
        emitted = ""
        past = None
        step_input = input_ids
        for _ in range(self.max_new_tokens):
            with self.llm.lock, torch.inference_mode():
                output = model(input_ids=step_input, past_key_values=past, use_cache=True, logits_to_keep=1)
            past = output.past_key_values
            next_id = int(output.logits[0, -1].argmax())
            if next_id in stop_ids:
                break
            generated.append(next_id)
            text = tokenizer.decode(generated, skip_special_tokens=True)
            if text.endswith("\ufffd"):  # half of a multi-byte character: wait for the rest
                step_input = torch.tensor([[next_id]], device=model.device)
                continue
            if len(text) > len(emitted):
                yield text[len(emitted):]
                emitted = text
            step_input = torch.tensor([[next_id]], device=model.device)

    def stream(self, context: RankingContext, item: Item) -> Iterator[str | Explanation]:
        """Text chunks of the reason as they are generated, then the checked :class:`Explanation`.

        Generation stops at the end of the first sentence, a line break or ``MAX_WORDS`` words.
        The first chunk is the answer prefix (``"This"``), which the model continues.
        """
        text = self.answer_prefix
        if text:
            yield text
        for chunk in self._tokens(context, item):
            candidate = text + chunk
            cut = _cut_point(candidate)
            if cut is not None:
                if cut > len(text):
                    yield candidate[len(text):cut]
                text = candidate[:cut]
                break
            yield chunk
            text = candidate
        yield self.check(context, item, text)

    def explain(self, context: RankingContext, item: Item) -> Explanation:
        """The checked reason for ``item``."""
        final: Explanation | None = None
        for part in self.stream(context, item):
            if isinstance(part, Explanation):
                final = part
        assert final is not None
        return final

    def check(self, context: RankingContext, item: Item, text: str) -> Explanation:
        """Clean up a generated reason and replace it when it is empty or untruthful."""
        reason = _whole_sentence(_limit_words(text.strip().strip('"').strip()))
        dialogue = " ".join(t for role, t in context.turns if role == "customer")
        problems = ["empty answer"] if len(reason.split()) < 3 else find_contradictions(
            reason, item, self.vocabulary, dialogue
        )
        if problems:
            logger.info("replaced the reason for item %s: %s (%r)", item.id, "; ".join(problems), reason)
            return Explanation(
                text=self.template.explain(context, item).text, fallback=True, problems=tuple(problems)
            )
        return Explanation(text=reason, fallback=False)


def _whole_sentence(text: str) -> str:
    """End a reason that was cut off by the token limit at its last whole clause, with a full stop."""
    text = text.rstrip(" ,;:-…")
    if not text or text.endswith((".", "!", "?")):
        return text
    cut = max(text.rfind(", "), text.rfind("; "))
    if cut >= len(text) // 2:
        text = text[:cut]
    text = re.sub(r"\s+(and|or|but|with|for|to|of|the|a|an|is|are|in|on|at)$", "", text, flags=re.IGNORECASE)
    return text + "."


def _cut_point(text: str) -> int | None:
    """Where the reason ends: after the first sentence, at a line break, or at ``MAX_WORDS``."""
    start = len(text) - len(text.lstrip())
    body = text[start:]
    newline = body.find("\n")
    if newline > 0:
        return start + newline
    match = _SENTENCE_END.search(body)
    if match and len(body[: match.end()].split()) >= 3:
        return start + match.end()
    words = list(re.finditer(r"\S+", body))
    if len(words) > MAX_WORDS:
        return start + words[MAX_WORDS - 1].end()
    return None
