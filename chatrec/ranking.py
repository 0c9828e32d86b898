"""Ranking retrieved candidates: by retrieval order, or by the LLM in one forward pass.

:class:`LLMRanker` is a verbaliser ranker (as in LlamaRec): the prompt lists the candidates
with one-letter labels (``A`` .. ``Z``), and the model's next-token log-probabilities of the
label tokens, normalised over the labels, score them in a single forward pass. That score is
combined with the retrieval rank (a weighted sum of two log-probabilities, the weight being
``settings.llm_rank_weight``). The output is always a permutation of the input candidates:
nothing outside the catalogue can be ranked, by construction.

Customer and catalogue text enter the prompt only as quoted data inside ``<data>`` blocks of
the template (``prompts/rank.txt``), cleaned of markup that could close those blocks; the
instructions come only from the template files.

Sharing one model with the explainer::

    llm = LLM.from_settings(settings)          # nothing loaded yet
    ranker = LLMRanker.from_settings(settings, llm=llm)
    explainer = LLMExplainer.from_settings(settings, llm=llm)
"""

from __future__ import annotations

import logging
import math
import string
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from chatrec.catalog import Item
from chatrec.display import clean_text, format_dialogue, format_price, ordered_attributes, value_text
from chatrec.errors import ModelError
from chatrec.llm import LLM
from chatrec.prompting import PromptLibrary, to_chat
from chatrec.settings import Settings

if TYPE_CHECKING:
    from chatrec.retrieval import Candidate

__all__ = [
    "LABELS",
    "LLMRanker",
    "RankPrompt",
    "Ranked",
    "Ranker",
    "RankingContext",
    "RetrievalRanker",
    "build_rank_prompt",
    "candidate_line",
    "combine_scores",
    "label_token_ids",
    "retrieval_log_prior",
]

logger = logging.getLogger(__name__)

#: Candidate labels, in prompt order: single tokens in every common tokenizer.
LABELS = tuple(string.ascii_uppercase)



@dataclass(frozen=True)
class RankingContext:
    """What the ranker knows about the customer.

    Attributes:
        turns: ``(role, text)`` with role ``"customer"`` or ``"assistant"``, oldest first.
        profile: A short text summary of the customer's history, or None.
    """

    turns: list[tuple[str, str]]
    profile: str | None = None


@dataclass(frozen=True)
class Ranked:
    """A candidate with its final score.

    Attributes:
        candidate: The retrieved candidate.
        score: Final score, higher is better (the list is sorted by it).
        llm_score: The LLM's log-probability of the candidate's label, or None.
    """

    candidate: Candidate
    score: float
    llm_score: float | None = None


class Ranker(Protocol):
    """Re-orders retrieved candidates for a dialogue."""

    def rank(self, context: RankingContext, candidates: Sequence[Candidate]) -> list[Ranked]:
        """The candidates, best first (a permutation of the input)."""
        ...


class RetrievalRanker:
    """Keeps the retrieval order; needs no model (fallback and tests)."""

    def rank(self, context: RankingContext, candidates: Sequence[Candidate]) -> list[Ranked]:
        """The candidates in their given order, scored by their retrieval score."""
        return [Ranked(candidate=c, score=float(c.score)) for c in candidates]


# --- prompt building -------------------------------------------------------------------


def candidate_line(label: str, item: Item, max_chars: int = 64, max_attributes: int = 2) -> str:
    """One compact candidate line: label, quoted title, the attributes that matter, price."""
    title = clean_text(item.title, 60).replace('"', "'")
    parts = [f'{label}. "{title}"']
    lowered_title = item.title.lower()
    shown = 0
    for name, value in [("category", item.category), ("brand", item.brand)]:
        if value and value.lower() not in lowered_title and shown < max_attributes:
            parts.append(clean_text(value, 30))
            shown += 1
    for _name, value in ordered_attributes(item):
        if shown >= max_attributes:
            break
        text = clean_text(value_text(value), 40)
        if not text or len(text) > 40 or text.lower() in lowered_title:
            continue
        parts.append(text)
        shown += 1
    price = format_price(item)
    if price:
        parts.append(price)
    line = " | ".join(parts)
    return line if len(line) <= max_chars else line[: max_chars - 1] + "…"


@dataclass(frozen=True)
class RankPrompt:
    """A rendered ranking prompt.

    Attributes:
        text: The model input (chat template applied, ends where the answer starts).
        labels: The labels used, one per candidate, in candidate order.
    """

    text: str
    labels: tuple[str, ...]


def build_rank_prompt(
    prompts: PromptLibrary,
    tokenizer: Any,
    context: RankingContext,
    items: Sequence[Item],
    max_dialogue_chars: int = 500,
    max_line_chars: int = 64,
) -> RankPrompt:
    """The ranking prompt for at most ``len(LABELS)`` items (``prompts/system.txt`` + ``rank.txt``).

    Raises:
        ValueError: More items than labels, or none.
    """
    if not items or len(items) > len(LABELS):
        raise ValueError(f"build_rank_prompt takes 1 to {len(LABELS)} items, got {len(items)}")
    labels = LABELS[: len(items)]
    lines = "\n".join(candidate_line(lab, item, max_line_chars) for lab, item in zip(labels, items, strict=True))
    user = prompts.render(
        "rank",
        dialogue=format_dialogue(context.turns, max_dialogue_chars),
        profile=clean_text(context.profile, 300) if context.profile else "",
        candidates=lines,
        labels=f"{labels[0]} to {labels[-1]}",
    )
    return RankPrompt(text=to_chat(tokenizer, prompts.render("system"), user), labels=labels)


def label_token_ids(tokenizer: Any, labels: Sequence[str]) -> list[int]:
    """The token id of each label as the first token of the answer.

    Raises:
        ModelError: A label is not one distinct token for this tokenizer.
    """
    ids = []
    for label in labels:
        encoded = tokenizer.encode(label, add_special_tokens=False)
        if len(encoded) != 1:
            raise ModelError(f"label {label!r} is {len(encoded)} tokens for this tokenizer, not one")
        ids.append(int(encoded[0]))
    if len(set(ids)) != len(ids):
        raise ModelError("the candidate labels share tokens for this tokenizer")
    return ids


def retrieval_log_prior(n: int) -> np.ndarray:
    """Log-probabilities of the retrieval ranks 1..n under a Zipf prior (p ∝ 1/rank)."""
    weights = 1.0 / np.arange(1, n + 1, dtype=np.float64)
    return np.log(weights / weights.sum())


def combine_scores(llm_logprobs: np.ndarray, weight: float) -> np.ndarray:
    """Final scores: ``weight * llm + (1 - weight) * retrieval prior``, both log-probabilities."""
    return weight * llm_logprobs + (1.0 - weight) * retrieval_log_prior(len(llm_logprobs))


class LLMRanker:
    """Re-ranks candidates with one forward pass of the LLM over labelled candidate lines.

    Args:
        llm: The shared model holder (loaded lazily on the first :meth:`rank`).
        prompts: Template library (default: the shipped ``prompts/``).
        weight: Share of the LLM in the final score (``settings.llm_rank_weight``).
        max_dialogue_chars: Most recent dialogue characters put in the prompt.
        max_line_chars: Longest candidate line.
    """

    def __init__(
        self,
        llm: LLM,
        *,
        prompts: PromptLibrary | None = None,
        weight: float = 0.25,
        max_dialogue_chars: int = 500,
        max_line_chars: int = 64,
    ) -> None:
        if not 0.0 <= weight <= 1.0:
            raise ValueError(f"weight must be within [0, 1], got {weight}")
        self.llm = llm
        self.prompts = prompts or PromptLibrary()
        self.weight = weight
        self.max_dialogue_chars = max_dialogue_chars
        self.max_line_chars = max_line_chars

    @classmethod
    def from_settings(cls, settings: Settings, llm: LLM | None = None) -> LLMRanker:
        """A ranker for the settings' model (shared when ``llm`` is given), loaded lazily."""
        return cls(
            llm or LLM.from_settings(settings), prompts=PromptLibrary(settings.prompts_dir),
            weight=settings.llm_rank_weight,
        )

    def label_logprobs(self, context: RankingContext, items: Sequence[Item]) -> np.ndarray:
        """Log-probabilities (normalised over the labels) of each item's label, in item order."""
        import torch

        tokenizer = self.llm.tokenizer
        prompt = build_rank_prompt(
            self.prompts, tokenizer, context, items, self.max_dialogue_chars, self.max_line_chars
        )
        ids = label_token_ids(tokenizer, prompt.labels)
        encoded = tokenizer(prompt.text, return_tensors="pt", add_special_tokens=False)
        model = self.llm.model
        with self.llm.lock, torch.inference_mode():
            output = model(
                input_ids=encoded["input_ids"].to(model.device),
                attention_mask=encoded["attention_mask"].to(model.device),
                logits_to_keep=1,
            )
        logits = output.logits[0, -1, ids].float()
        return torch.log_softmax(logits, dim=-1).cpu().numpy().astype(np.float64)

    def rank(self, context: RankingContext, candidates: Sequence[Candidate]) -> list[Ranked]:
        """The candidates re-ordered by LLM and retrieval together (a permutation of the input).

        Candidates beyond the 26 labels keep their retrieval order after the scored ones.
        """
        candidates = list(candidates)
        if len(candidates) <= 1:
            return [Ranked(candidate=c, score=0.0) for c in candidates]
        head, tail = candidates[: len(LABELS)], candidates[len(LABELS):]
        llm = self.label_logprobs(context, [c.item for c in head])
        final = combine_scores(llm, self.weight)
        order = np.argsort(-final, kind="stable")
        ranked = [Ranked(candidate=head[i], score=float(final[i]), llm_score=float(llm[i])) for i in order]
        floor = float(final.min()) if len(final) else 0.0
        for offset, candidate in enumerate(tail, start=1):
            ranked.append(Ranked(candidate=candidate, score=floor - offset - math.log1p(offset)))
        return ranked
