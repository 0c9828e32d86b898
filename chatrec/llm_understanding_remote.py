"""The LLM understander on a serving engine: the same prompt, decoded under the same grammar, by the engine.

With ``CHATREC_LLM_URL`` set and ``understander`` ``llm`` or ``llm-always``, the request line of
:mod:`chatrec.llm_understanding` is written by the engine: chatrec sends the in-process prompt
text (the fixed prefix and the turn, no chat template) to ``/completions``, greedy, with the
grammar :func:`~chatrec.llm_understanding.build_grammar` compiles from the catalogue's vocabulary,
and parses the line exactly as in-process. How the constraint travels depends on the engine
(``llm_constraint``):

- ``grammar``: the body's ``grammar`` field, GBNF (llama.cpp's server and llama-cpp-python). The
  grammar is written in the GBNF subset xgrammar also reads, so in-process and engine decode
  under one and the same grammar text;
- ``structured_outputs``: ``{"structured_outputs": {"grammar": ...}}`` (vLLM 0.12 and later,
  whose xgrammar backend reads the same EBNF);
- ``guided_grammar``: ``{"guided_grammar": ...}`` (vLLM before 0.12);
- ``json_schema``: ``response_format`` with a JSON schema (an object with one string ``request``
  whose pattern is the request line over the catalogue's values), for engines that take only a
  JSON schema. The model then writes JSON around the line, which the shipped adapter was not
  trained for: prefer a grammar where the engine offers one.

The call has the engine jobs' retries and cool-off (:class:`~chatrec.llm_remote.RemoteLLM`) and the
understander's own time limit (``understanding_timeout_seconds``). When the engine is down, slow
or writes a line that does not parse, :class:`EngineUnderstandingError` (an
:class:`~chatrec.llm_understanding.LLMUnderstandingError`) is raised and the turn keeps the rules'
request; the reply's metadata says ``understanding.degraded`` and ``degraded.understand``.

Parity with in-process: the engine decodes token by token, so the in-process understander it
matches is the one without jump-forward (``jump_forward=False``): jump-forward feeds the forced
text re-tokenised in one piece, which can change the next tokens' context.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from chatrec.llm_remote import EngineUnavailable, RemoteLLM
from chatrec.llm_understanding import MERGE_SLOTS, LLMUnderstander, LLMUnderstandingError, build_grammar
from chatrec.request import INTENTS, ShopperRequest

if TYPE_CHECKING:
    from chatrec.settings import Settings
    from chatrec.understanding import TurnContext
    from chatrec.vocabulary import CatalogueVocabulary

__all__ = ["CONSTRAINTS", "EngineUnderstandingError", "RemoteUnderstander", "line_pattern", "remote_understander"]

logger = logging.getLogger(__name__)

#: How the grammar is sent: see the module docstring.
CONSTRAINTS = ("grammar", "structured_outputs", "guided_grammar", "json_schema")
Constraint = Literal["grammar", "structured_outputs", "guided_grammar", "json_schema"]


class EngineUnderstandingError(LLMUnderstandingError):
    """The engine did not write a usable request line; ``reason`` is the metrics label.

    Attributes:
        reason: ``timeout``, ``connection``, ``http_5xx``, ``http_4xx``, ``cooloff``, ``malformed``
            or ``cut`` (the line reached the token limit).
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def line_pattern(fields: Mapping[str, Sequence[str]]) -> str:
    """A regular expression of one request line (the grammar's language, as a JSON-schema pattern)."""
    def alternatives(values: Sequence[str]) -> str:
        return "(?:" + "|".join(re.escape(v) for v in values) + ")"

    parts = [r"ref=[1-9](?:,[1-9])*", "rel=(?:cheaper|pricier)"]
    if fields:
        field_values = "|".join(
            f"{re.escape(name)}={alternatives(values)}(?:\\|{alternatives(values)})*" for name, values in fields.items()
        )
        parts.append(f"[+-](?:{field_values})")
    return f"^{alternatives(INTENTS)}(?:;(?:{'|'.join(parts)}))*$"


class RemoteUnderstander(LLMUnderstander):
    """:class:`~chatrec.llm_understanding.LLMUnderstander` with the constrained decoding on an engine.

    Args:
        remote: The engine's client (its retries and cool-off apply).
        vocabulary: The catalogue's vocabulary, or the grammar's fields and values.
        model: The model name at the engine (default: the client's).
        constraint: How the grammar is sent (:data:`CONSTRAINTS`).
        kwargs: As :class:`~chatrec.llm_understanding.LLMUnderstander` (style, examples,
            ``max_new_tokens``, ``timeout_seconds``).
    """

    def __init__(
        self,
        remote: RemoteLLM,
        vocabulary: CatalogueVocabulary | Mapping[str, Sequence[str]],
        *,
        model: str | None = None,
        constraint: Constraint = "grammar",
        **kwargs: Any,
    ) -> None:
        if constraint not in CONSTRAINTS:
            raise ValueError(f"constraint must be one of {', '.join(CONSTRAINTS)}, not {constraint!r}")
        super().__init__(remote, vocabulary, **kwargs)  # type: ignore[arg-type]
        self.remote = remote
        self.model = model or remote.model
        self.constraint = constraint
        self.grammar = build_grammar(self.fields)

    def _prepare(self) -> None:
        """Nothing to prepare here: the engine holds the model and compiles the grammar."""

    def constraint_options(self) -> dict[str, Any]:
        """The body fields that carry the constraint to the engine."""
        if self.constraint == "grammar":
            return {"grammar": self.grammar}
        if self.constraint == "structured_outputs":
            return {"structured_outputs": {"grammar": self.grammar}}
        if self.constraint == "guided_grammar":
            return {"guided_grammar": self.grammar}
        schema = {
            "type": "object",
            "properties": {"request": {"type": "string", "pattern": line_pattern(self.fields)}},
            "required": ["request"],
            "additionalProperties": False,
        }
        return {"response_format": {"type": "json_schema",
                                    "json_schema": {"name": "shopper_request", "schema": schema, "strict": True}}}

    def generate(self, text: str) -> str:
        """The request line the engine writes after the fixed prefix and ``text`` (greedy, constrained).

        Raises:
            EngineUnderstandingError: The engine failed, or its answer has no usable line.
        """
        started = time.perf_counter()
        try:
            answer = self.remote.complete(
                self.prefix + text, model=self.model, max_tokens=self.max_new_tokens, **self.constraint_options(),
            )
        except EngineUnavailable as exc:
            raise EngineUnderstandingError(f"the LLM engine could not read the turn: {exc}", exc.reason) from exc
        try:
            choice = answer["choices"][0]
            written = str(choice.get("text") or "")
        except (KeyError, IndexError, TypeError, AttributeError) as exc:
            raise EngineUnderstandingError("the engine's answer has no choices", "malformed") from exc
        if choice.get("finish_reason") == "length":
            raise EngineUnderstandingError(f"the LLM's request was cut at {self.max_new_tokens} tokens", "cut")
        if self.constraint == "json_schema":
            try:
                written = str(json.loads(written)["request"])
            except (ValueError, KeyError, TypeError) as exc:
                raise EngineUnderstandingError(f"the engine's answer is not the request object: {written[:80]!r}",
                                               "malformed") from exc
        self.last_seconds = time.perf_counter() - started
        line = written.strip()
        self.last_line = line
        return line

    def read(
        self, message: str, context: TurnContext, rules: ShopperRequest, slots: Iterable[str] = MERGE_SLOTS,
    ) -> ShopperRequest:
        """As in-process; a line outside the grammar (a misbehaving engine) raises ``malformed``.

        Raises:
            EngineUnderstandingError: The engine failed or wrote a line that does not parse.
        """
        try:
            return super().read(message, context, rules, slots)
        except EngineUnderstandingError:
            raise
        except LLMUnderstandingError as exc:
            raise EngineUnderstandingError(str(exc), "malformed") from exc


def remote_understander(settings: Settings, items: Sequence[Any]) -> RemoteUnderstander:
    """The understander on the engine at ``settings.llm_url`` for a catalogue (as in-process, but remote).

    The model at the engine is ``understanding_llm_model`` (default ``llm_model``): serve the
    understanding LLM under that name (an exported GGUF with the understanding adapter merged,
    or a vLLM LoRA module). The prompt style follows ``understanding_adapter`` as in-process.
    """
    from chatrec.llm_understanding import understanding_settings
    from chatrec.understanding_training import ShopData, few_shot
    from chatrec.vocabulary import CatalogueVocabulary

    understanding = understanding_settings(settings)
    client = RemoteLLM(settings.model_copy(update={"llm_timeout_seconds": settings.understanding_timeout_seconds}))
    vocabulary = CatalogueVocabulary.from_items(items)
    options: dict[str, Any] = {
        "model": settings.understanding_llm_model or settings.llm_model or settings.llm,
        "constraint": settings.llm_constraint,
        "timeout_seconds": settings.understanding_timeout_seconds,
    }
    if understanding.adapter is not None:
        return RemoteUnderstander(client, vocabulary, style="short", **options)
    from chatrec.llm_understanding import grammar_fields

    shop = ShopData("catalogue", grammar_fields(vocabulary), list(items))
    return RemoteUnderstander(client, vocabulary, examples=few_shot(shop), style="full", **options)
