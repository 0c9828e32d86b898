"""Why an item fits: a grounded one-sentence reason, written from the item's facts and checked.

The reason answers *this* request with *this* item's data: :func:`chatrec.grounding.facts_for`
lists the item's facts and marks those that answer the request. :class:`TemplateExplainer`
writes them as one fluent sentence (no model). :class:`LLMExplainer` has the LLM write the
sentences of a whole reply in one batched generation (:meth:`LLMExplainer.explain_batch`,
data-to-text prompt ``prompts/reason_write.txt``), then checks each with the grounding check
(:func:`chatrec.grounding.check_reason`: unsupported words, repetition, words the shopper said
no to, values contradicting the catalogue). A reason that fails is replaced by the template's,
and the :class:`Explanation` says so (``fallback=True``, with its problems).

When streaming one item (:meth:`LLMExplainer.stream`), the chunks are the raw model text; the
final :class:`Explanation` comes last and is what must be kept.
"""

from __future__ import annotations

import inspect
import logging
import re
from pathlib import Path
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from chatrec.catalog import Item
from chatrec.display import clean_text, format_amount, format_dialogue, format_price, ordered_attributes, value_text
from chatrec.grounding import (
    Fact,
    FactWriter,
    Request,
    check_reason,
    distinguishing_facts,
    facts_for,
    matched_facts_stated,
    select_facts,
)
from chatrec.labels import Labels
from chatrec.llm import LLM
from chatrec.prompting import PromptLibrary, to_chat
from chatrec.ranking import RankingContext
from chatrec.reason_training import adapter_prompt
from chatrec.settings import Settings
from chatrec.truthfulness import KnownValues, find_contradictions

__all__ = [
    "Explainer",
    "Explanation",
    "KnownValues",
    "LLMExplainer",
    "TemplateExplainer",
    "explain_all",
    "find_contradictions",
    "item_facts",
    "problem_counts",
    "request_of",
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


def item_facts(
    item: Item, max_attributes: int = 8, max_description_chars: int = 200, labels: Labels | None = None
) -> str:
    """The item's data as quoted lines for the explanation prompt (``title: "..."``).

    With ``labels``, category and attribute values are given as shoppers read them, so that
    the model repeats "USB cables" rather than "USBCables".
    """
    show = labels.show if labels is not None else str
    lines = [f'title: "{clean_text(item.title, 100)}"']
    for name, value in [("category", item.category), ("brand", item.brand)]:
        if value:
            lines.append(f'{name}: "{clean_text(show(value) if name == "category" else value, 60)}"')
    for name, raw in ordered_attributes(item)[:max_attributes]:
        shown: object = raw
        if isinstance(raw, str):
            shown = show(raw)
        elif isinstance(raw, tuple):
            shown = tuple(show(v) for v in raw)
        text = clean_text(value_text(shown, max_values=3), 80)
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


def request_of(context: RankingContext) -> Request:
    """The request a reason answers: the context's own, or one read from the customer's turns."""
    request = getattr(context, "request", None)
    return request if isinstance(request, Request) else Request.from_turns(context.turns)


class TemplateExplainer:
    """A grounded reason built from the item's fact list alone (no model).

    The facts that answer the request (wished type, colour, budget, a feature the shopper
    named...) are always said, then the item's other main facts, in a fluent sentence whose
    wording comes from ``prompts/reasons_<language>.json`` (:class:`chatrec.grounding.FactWriter`).

    Args:
        language: The wording's language code.
        labels: How catalogue values are shown ("USB cables", not "USBCables"; default: no map).
    """

    def __init__(
        self, prompts: PromptLibrary | None = None, language: str = "en", labels: Labels | None = None
    ) -> None:
        folder = getattr(prompts, "prompts_dir", None) if prompts is not None else None
        self.writer = FactWriter(language, Path(folder) if folder else None)
        self.labels = labels or Labels()

    def explain(self, context: RankingContext, item: Item) -> Explanation:
        """The fact-based reason for ``item``."""
        request = request_of(context)
        text = self.writer.write(facts_for(item, request, self.writer.wording))
        return Explanation(text=self.labels.clean(text), fallback=False)

    def stream(self, context: RankingContext, item: Item) -> Iterator[str | Explanation]:
        """The whole reason as one chunk, then the :class:`Explanation`."""
        explanation = self.explain(context, item)
        yield explanation.text
        yield explanation

    def facts_batch(
        self, context: RankingContext, items: Sequence[Item], facts: Sequence[list[Fact]] | None = None
    ) -> list[list[Fact]]:
        """The items' fact lists, with a detail of its own name added to an item whose sentence would equal another's.

        Args:
            facts: The items' plain fact lists when already computed (:func:`facts_for`), else computed here.
        """
        wording = self.writer.wording
        if facts is None:
            request = request_of(context)
            facts = [facts_for(item, request, wording) for item in items]
        return distinguishing_facts(facts, items, self.writer.write, wording)

    def explain_batch(self, context: RankingContext, items: Sequence[Item]) -> list[Explanation]:
        """The reasons of a reply's items (:meth:`stream` each), the template's own made different from the others.

        Two items with the same facts (blue summer dresses for women, no brand or price) would get the
        same sentence; one then also names a detail of its own name (:meth:`facts_batch`).
        """
        request = request_of(context)
        # Each item's facts are read once per reply (they cost a few ms of Python each).
        plain_facts = [facts_for(item, request, self.writer.wording) for item in items]
        plain = [self.labels.clean(self.writer.write(facts)) for facts in plain_facts]
        if type(self).stream is TemplateExplainer.stream and type(self).explain is TemplateExplainer.explain:
            explanations = [Explanation(text=text, fallback=False) for text in plain]
        else:  # a subclass writes its own reasons
            explanations = []
            for item in items:
                final = None
                for part in self.stream(context, item):
                    if isinstance(part, Explanation):
                        final = part
                explanations.append(final or Explanation(text="", fallback=True, problems=("empty answer",)))
        for i, facts in enumerate(self.facts_batch(context, items, plain_facts)):
            if explanations[i].text == plain[i]:  # the template's own sentence, not a subclass's
                explanations[i] = Explanation(text=self.labels.clean(self.writer.write(facts)), fallback=False)
        return explanations


def explain_all(explainer: Any, context: RankingContext, items: Sequence[Item]) -> list[Explanation]:
    """The checked reasons of a reply's items: in one batch when the explainer can, else one by one."""
    batch = getattr(explainer, "explain_batch", None)
    if callable(batch):
        return list(batch(context, items))
    explanations = []
    for item in items:
        final: Explanation | None = None
        for part in explainer.stream(context, item):
            if isinstance(part, Explanation):
                final = part
        explanations.append(final if final is not None else Explanation(text="", fallback=True, problems=("empty answer",)))
    return explanations


def problem_counts(explanations: Sequence[Explanation]) -> dict[str, int]:
    """How many reasons were replaced, and for which kind of problem (reply metadata)."""
    counts = {"fallbacks": 0, "unsupported": 0, "repeated": 0, "contradicts request": 0, "contradicts item": 0,
              "incomplete": 0, "empty": 0}
    for explanation in explanations:
        if not explanation.fallback:
            continue
        counts["fallbacks"] += 1
        for problem in explanation.problems:
            kind = problem.split(":")[0]
            key = "empty" if kind.startswith("empty") else kind
            if key in counts:
                counts[key] += 1
    return counts


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
        data_to_text: The model carries the reasons adapter (``chatrec train-reasons``): it is
            given the request and the facts to state (:func:`chatrec.grounding.select_facts`,
            made distinct between the reply's items) in ``prompts/reason_adapter.txt``.
    """

    def __init__(
        self,
        llm: LLM,
        *,
        vocabulary: KnownValues | None = None,
        prompts: PromptLibrary | None = None,
        max_new_tokens: int = 40,
        answer_prefix: str = "This",
        labels: Labels | None = None,
        data_to_text: bool = False,
    ) -> None:
        self.llm = llm
        self.vocabulary = vocabulary or KnownValues()
        self.prompts = prompts or PromptLibrary()
        self.max_new_tokens = max_new_tokens
        # The reasons adapter reads the short data-to-text prompt (prompts/reason_adapter.txt) and
        # writes the whole sentence itself, so no answer prefix is given.
        self.data_to_text = data_to_text
        self.answer_prefix = "" if data_to_text else answer_prefix
        self.labels = labels
        self.template = TemplateExplainer(self.prompts, labels=labels)

    @classmethod
    def from_settings(
        cls, settings: Settings, llm: LLM | None = None, vocabulary: KnownValues | None = None,
        labels: Labels | None = None,
    ) -> LLMExplainer:
        """An explainer for the settings' model (shared when ``llm`` is given), loaded lazily.

        Pass ``vocabulary=KnownValues.from_items(retriever.index.items)`` to check reasons
        against the whole catalogue's values.
        """
        from chatrec.reason_training import resolve_reason_adapter

        adapter = resolve_reason_adapter(settings)
        if adapter is not None:
            # The reasons adapter is merged into its own copy of the model (the ranking one keeps its adapter).
            reasons_llm = LLM(settings.model_copy(update={"adapter": str(adapter)}), name=f"{settings.llm}+reasons")
            return cls(reasons_llm, vocabulary=vocabulary, max_new_tokens=settings.explain_max_new_tokens,
                       labels=labels, data_to_text=True)
        return cls(
            llm or LLM.from_settings(settings),
            vocabulary=vocabulary,
            max_new_tokens=settings.explain_max_new_tokens,
            labels=labels,
        )

    def prompt(self, context: RankingContext, item: Item) -> str:
        """The model input for explaining ``item`` in ``context``."""
        request = request_of(context)
        facts = facts_for(item, request, self.template.writer.wording)
        if self.data_to_text:
            return adapter_prompt(self.prompts, request, select_facts(facts))
        return self.write_prompt(request, facts)

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
        # Newer transformers call the KV cache ``cache`` and warn on every step about ``past_key_values``.
        cache_name = "cache" if "cache" in inspect.signature(model.forward).parameters else "past_key_values"
        step_input = input_ids
        for _ in range(self.max_new_tokens):
            with self.llm.lock, torch.inference_mode():
                output = model(input_ids=step_input, use_cache=True, logits_to_keep=1, **{cache_name: past})
            past = getattr(output, cache_name)
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

    def check(self, context: RankingContext, item: Item, text: str, fallback: str | None = None) -> Explanation:
        """Clean up a generated reason and replace it when it is empty or not grounded.

        Grounded means :func:`chatrec.grounding.check_reason` finds nothing: every word is
        supported by the item's data, the shopper's words or history, no phrase repeats, no
        word the shopper said no to, no value contradicting the catalogue.
        """
        reason = _whole_sentence(_limit_words(text.strip().strip('"').strip()))
        request = request_of(context)
        problems = ["empty answer"] if len(reason.split()) < 3 else check_reason(
            reason, item, request, self.template.writer.wording, self.vocabulary
        )
        if problems:
            logger.info("replaced the reason for item %s: %s (%r)", item.id, "; ".join(problems), reason)
            text = fallback if fallback is not None else self.template.explain(context, item).text
            return Explanation(text=text, fallback=True, problems=tuple(problems))
        return Explanation(text=reason, fallback=False)

    def write_prompt(self, request: Request, facts: Sequence[Fact]) -> str:
        """The data-to-text prompt: the shopper's request and the item's fact list."""
        lines = [f"- {f.kind}: {clean_text(f.value.replace('|', ' rated by '), 80)}{' (asked)' if f.matched else ''}"
                 for f in facts]
        user = self.prompts.render(
            "reason_write", request=clean_text(request.text, 400) or "(nothing said yet)", facts="\n".join(lines)
        )
        return to_chat(self.llm.tokenizer, self.prompts.render("system"), user, self.answer_prefix)

    def explain_batch(self, context: RankingContext, items: Sequence[Item]) -> list[Explanation]:
        """The checked reasons of several items, generated together in one batched, greedy generation.

        Each prompt is the request and one item's fact list (:meth:`write_prompt`); every
        sentence then goes through :meth:`check`, and one that is not grounded, omits the
        matched facts it was given or repeats another item's reason is replaced by the fact
        template's sentence, itself distinct within the reply (``fallback=True``, with its problems).
        """
        if not items:
            return []
        request = request_of(context)
        wording = self.template.writer.wording
        # The template's fact lists, made distinct between the items; its sentences are the fallbacks.
        all_facts = self.template.facts_batch(context, items)
        fallbacks = [self.template.labels.clean(self.template.writer.write(f)) for f in all_facts]
        if self.data_to_text:
            # The facts each sentence must state, with the detail that tells two items apart.
            chosen = [select_facts(f) for f in all_facts]
            for full, short in zip(all_facts, chosen):
                short.extend(f for f in full if f.kind == "feature" and f.name == "title" and not f.matched
                             and f not in short)
            texts = self.generate_batch([adapter_prompt(self.prompts, request, f) for f in chosen])
        else:
            chosen = [[] for _ in items]  # the stock prompt asks for no particular facts
            prompts = [self.write_prompt(request, facts_for(item, request, wording)) for item in items]
            texts = [f"{self.answer_prefix} {text.strip()}" for text in self.generate_batch(prompts)]
        explanations: list[Explanation] = []
        shown: list[str] = []
        for item, facts, text, fallback in zip(items, chosen, texts, fallbacks):
            checked = self.check(context, item, text, fallback=fallback)
            if not checked.fallback:
                problems = self._reply_problems(checked.text, facts, shown)
                if problems:
                    logger.info("replaced the reason for item %s: %s (%r)", item.id, "; ".join(problems), checked.text)
                    checked = Explanation(text=fallback, fallback=True, problems=tuple(problems))
            shown.append(checked.text.lower())
            explanations.append(checked)
        return explanations

    @staticmethod
    def _reply_problems(reason: str, facts: Sequence[Fact], shown: Sequence[str]) -> list[str]:
        """What a grounded sentence still lacks: the matched facts it was given, or a difference from the others."""
        problems = []
        wanted = min(2, sum(f.matched for f in facts))
        if len(matched_facts_stated(reason, facts)) < wanted:
            problems.append(f"incomplete: states fewer than {wanted} of the facts the shopper asked for")
        if reason.lower() in shown:
            problems.append("repeated: the same reason as another item of the reply")
        return problems

    def generate_batch(self, prompts: Sequence[str]) -> list[str]:
        """Greedy continuations of several prompts in one ``generate`` call (left-padded), each cut at its first sentence."""
        import torch
        from transformers import StoppingCriteria, StoppingCriteriaList

        tokenizer = self.llm.tokenizer
        model = self.llm.model
        pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
        prefix = self.answer_prefix

        class _SentenceDone(StoppingCriteria):
            def __init__(self, start: int) -> None:
                self.start = start

            def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
                texts = tokenizer.batch_decode(input_ids[:, self.start:], skip_special_tokens=True)
                return torch.tensor([_cut_point(f"{prefix}{t}") is not None for t in texts], device=input_ids.device)

        with self.llm.lock, torch.inference_mode():
            side = tokenizer.padding_side
            tokenizer.padding_side = "left"
            try:
                encoded = tokenizer(list(prompts), return_tensors="pt", padding=True, add_special_tokens=False)
            finally:
                tokenizer.padding_side = side
            encoded = encoded.to(model.device)
            start = encoded["input_ids"].shape[1]
            output = model.generate(
                **encoded,
                max_new_tokens=self.max_new_tokens,
                do_sample=False,
                temperature=None,
                top_p=None,
                top_k=None,
                pad_token_id=pad_id,
                stopping_criteria=StoppingCriteriaList([_SentenceDone(start)]),
            )
        texts = tokenizer.batch_decode(output[:, start:], skip_special_tokens=True)
        cut = []
        for text in texts:
            point = _cut_point(f"{prefix}{text}")
            cut.append(f"{prefix}{text}"[len(prefix):point] if point is not None else text)
        return cut


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
