"""The LLM on a serving engine that speaks the OpenAI API (vLLM, llama.cpp's server, Ollama).

Set ``CHATREC_LLM_URL`` (the API's base URL, e.g. ``http://gpu-box:8000/v1``), and optionally
``CHATREC_LLM_API_KEY`` and ``CHATREC_LLM_MODEL`` (the served model's name; with vLLM's
multi-LoRA serving, the adapter's name). Every LLM job then goes to the engine:

- **ranking** sends the very prompt text the in-process ranker builds (chat template applied
  locally, with the model's tokenizer only: no weights are loaded) to ``/completions`` with
  ``max_tokens=1`` and ``logprobs``, and scores each candidate by its label's log-probability,
  normalised over the labels, as :class:`chatrec.ranking.LLMRanker` does in-process. A label
  outside the returned top log-probabilities gets the lowest one seen. An engine that returns
  no log-probabilities is asked to write the labels instead, and the order it writes is parsed;
- **reasons** are streamed from ``/completions`` (``stream=true``, greedy) and checked against
  the item's data exactly like in-process reasons.

Faults: each call has a timeout (``llm_timeout_seconds``, the whole call included) and is
retried with exponential backoff on connection errors, 429 and 5xx (``llm_retries``). When the
engine is down, slow or answers nonsense, the turn still answers: retrieval order and template
reasons, flagged in the reply's metadata (``degraded``) and counted in the metrics. After a
failure the engine is left alone for ``llm_cooloff_seconds``, so that a turn's five reasons
do not each wait for the timeout.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from chatrec.errors import ChatRecError, ModelError
from chatrec.explain import Explanation, LLMExplainer
from chatrec.prompting import PromptLibrary
from chatrec.ranking import LLMRanker, Ranked, RankingContext, build_rank_prompt
from chatrec.settings import PACKAGED_LLM, Settings

if TYPE_CHECKING:
    from chatrec.catalog import Item
    from chatrec.retrieval import Candidate

__all__ = [
    "EngineUnavailable",
    "RemoteExplainer",
    "RemoteLLM",
    "RemoteRanker",
    "label_logprobs_from_top",
    "load_tokenizer",
    "parse_label_order",
]

logger = logging.getLogger(__name__)

_RETRY_STATUS = {408, 409, 425, 429, 500, 502, 503, 504}


class EngineUnavailable(ChatRecError):
    """The LLM engine did not answer usefully (down, slow, error status or malformed output).

    Attributes:
        reason: A short label for metrics: ``timeout``, ``connection``, ``http_5xx``, ``http_4xx``,
            ``malformed``, ``cooloff``.
    """

    status_code = 503

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def load_tokenizer(settings: Settings) -> Any:
    """The tokenizer of the settings' LLM (for the chat template and label tokens), without weights.

    The packaged model's tokenizer is read from its converted folder when there is one, else
    from the GGUF file itself; any other model from its folder or hub id.

    Raises:
        ModelError: The tokenizer cannot be loaded.
    """
    from transformers import AutoTokenizer

    try:
        if settings.llm == PACKAGED_LLM:
            from chatrec.llm import packaged_gguf

            converted = Path(settings.cache_dir).expanduser() / "models" / f"{PACKAGED_LLM}-bf16"
            if (converted / "tokenizer_config.json").is_file():
                return AutoTokenizer.from_pretrained(str(converted))
            gguf = packaged_gguf()
            return AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
        folder = Path(settings.llm).expanduser()
        return AutoTokenizer.from_pretrained(str(folder) if folder.is_dir() else settings.llm)
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load the tokenizer of llm {settings.llm!r}: {exc}") from exc


class RemoteLLM:
    """A client of an OpenAI-compatible engine, with the model's tokenizer loaded locally.

    Plays the part of :class:`chatrec.llm.LLM` for the remote ranker and explainer (it has a
    ``tokenizer``, no weights).

    Args:
        settings: ``llm_url``, ``llm_api_key``, ``llm_model``, ``llm_timeout_seconds``,
            ``llm_retries``, ``llm_cooloff_seconds``, ``llm_top_logprobs``; ``llm`` names the
            tokenizer.
        tokenizer: A tokenizer to use instead of loading the settings' one (tests).
        transport: An httpx transport (tests).
    """

    def __init__(self, settings: Settings, *, tokenizer: Any = None, transport: Any = None) -> None:
        import httpx

        if not settings.llm_url:
            raise ModelError("llm_url is not set (CHATREC_LLM_URL=http://host:port/v1)")
        self.settings = settings
        self.base_url = settings.llm_url.rstrip("/")
        self.model = settings.llm_model or settings.llm
        self.name = f"{self.model} at {self.base_url}"
        self.timeout = settings.llm_timeout_seconds
        self.retries = settings.llm_retries
        self.cooloff = settings.llm_cooloff_seconds
        self.top_logprobs = settings.llm_top_logprobs
        headers = {"Authorization": f"Bearer {settings.llm_api_key}"} if settings.llm_api_key else {}
        self._client = httpx.Client(headers=headers, transport=transport, timeout=self.timeout)
        self._tokenizer = tokenizer
        self._tokenizer_lock = threading.Lock()
        self._down_until = 0.0
        self._down_reason = ""
        self.lock = threading.RLock()  # the in-process LLM's interface; the engine batches itself

    @classmethod
    def from_settings(cls, settings: Settings) -> RemoteLLM:
        """A client for the engine at ``settings.llm_url`` (the tokenizer loads on first use)."""
        return cls(settings)

    @property
    def tokenizer(self) -> Any:
        """The model's tokenizer (loaded on first use, weights never)."""
        if self._tokenizer is None:
            with self._tokenizer_lock:
                if self._tokenizer is None:
                    self._tokenizer = load_tokenizer(self.settings)
        return self._tokenizer

    @property
    def loaded(self) -> bool:
        """Whether the tokenizer is in memory (the engine holds the model)."""
        return self._tokenizer is not None

    def warm_up(self) -> None:
        """Load the tokenizer now (readiness does not wait for the engine: it may come later)."""
        _ = self.tokenizer

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()

    # --- calls ------------------------------------------------------------------------------
    def _check_cooloff(self) -> None:
        if time.monotonic() < self._down_until:
            raise EngineUnavailable(
                f"the LLM engine at {self.base_url} failed recently ({self._down_reason}); not asked again yet",
                "cooloff",
            )

    def _failed(self, exc: EngineUnavailable) -> EngineUnavailable:
        self._down_until = time.monotonic() + self.cooloff
        self._down_reason = exc.reason
        logger.warning("LLM engine unavailable (%s): %s", exc.reason, exc)
        return exc

    def _body(self, prompt: str, **options: Any) -> dict[str, Any]:
        # Greedy as in-process: llama.cpp's server would otherwise penalise repeats (its default 1.1).
        return {"model": self.model, "prompt": prompt, "temperature": 0.0, "repeat_penalty": 1.0, **options}

    def complete(self, prompt: str, **options: Any) -> dict[str, Any]:
        """One ``/completions`` call (retried, within the timeout); the engine's JSON answer.

        Raises:
            EngineUnavailable: Timeout, connection error, error status, or not JSON.
        """
        import httpx

        self._check_cooloff()
        deadline = time.monotonic() + self.timeout
        attempt = 0
        while True:
            left = deadline - time.monotonic()
            try:
                if left <= 0:
                    raise httpx.TimeoutException("no time left")
                response = self._client.post(
                    f"{self.base_url}/completions", json=self._body(prompt, **options), timeout=left
                )
                if response.status_code in _RETRY_STATUS:
                    raise _Retryable(f"HTTP {response.status_code}: {response.text[:200]}", "http_5xx"
                                     if response.status_code >= 500 else "http_4xx")
                if response.status_code >= 400:
                    raise self._failed(EngineUnavailable(
                        f"the LLM engine answered HTTP {response.status_code}: {response.text[:200]}", "http_4xx"
                    ))
                try:
                    body: dict[str, Any] = response.json()
                except ValueError as exc:
                    raise self._failed(EngineUnavailable(f"the LLM engine's answer is not JSON: {exc}", "malformed"))
                return body
            except httpx.TimeoutException as exc:
                raise self._failed(EngineUnavailable(
                    f"the LLM engine at {self.base_url} did not answer within {self.timeout:g} s", "timeout"
                )) from exc
            except (httpx.TransportError, _Retryable) as exc:
                reason = exc.reason if isinstance(exc, _Retryable) else "connection"
                attempt += 1
                pause = min(0.2 * 2 ** (attempt - 1), 2.0)
                if attempt > self.retries or time.monotonic() + pause >= deadline:
                    raise self._failed(EngineUnavailable(
                        f"the LLM engine at {self.base_url} failed {attempt} time(s): {exc}", reason
                    )) from exc
                time.sleep(pause)

    def stream(self, prompt: str, max_tokens: int) -> Iterator[str]:
        """Greedy text from ``/completions`` with ``stream=true``, chunk by chunk.

        The whole stream must end within the timeout; a connection error before the first
        chunk is retried like :meth:`complete`.

        Raises:
            EngineUnavailable: As :meth:`complete`, or a broken or malformed stream.
        """
        import httpx

        self._check_cooloff()
        deadline = time.monotonic() + self.timeout
        attempt = 0
        while True:
            got_any = False
            try:
                with self._client.stream(
                    "POST", f"{self.base_url}/completions",
                    json=self._body(prompt, max_tokens=max_tokens, stream=True),
                    timeout=max(0.01, deadline - time.monotonic()),
                ) as response:
                    if response.status_code in _RETRY_STATUS:
                        raise _Retryable(f"HTTP {response.status_code}", "http_5xx"
                                         if response.status_code >= 500 else "http_4xx")
                    if response.status_code >= 400:
                        raise self._failed(EngineUnavailable(
                            f"the LLM engine answered HTTP {response.status_code}", "http_4xx"
                        ))
                    for line in response.iter_lines():
                        if time.monotonic() > deadline:
                            raise httpx.ReadTimeout("stream too slow")
                        if not line.startswith("data:"):
                            continue
                        data = line[5:].strip()
                        if data == "[DONE]":
                            return
                        try:
                            text = json.loads(data)["choices"][0].get("text") or ""
                        except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
                            raise self._failed(EngineUnavailable(
                                f"the LLM engine streamed a malformed event: {data[:200]}", "malformed"
                            )) from exc
                        if text:
                            got_any = True
                            yield text
                    return
            except httpx.TimeoutException as exc:
                raise self._failed(EngineUnavailable(
                    f"the LLM engine at {self.base_url} did not finish within {self.timeout:g} s", "timeout"
                )) from exc
            except (httpx.TransportError, _Retryable) as exc:
                reason = exc.reason if isinstance(exc, _Retryable) else "connection"
                attempt += 1
                pause = min(0.2 * 2 ** (attempt - 1), 2.0)
                if got_any or attempt > self.retries or time.monotonic() + pause >= deadline:
                    raise self._failed(EngineUnavailable(
                        f"the LLM engine at {self.base_url} failed: {exc}", reason
                    )) from exc
                time.sleep(pause)


class _Retryable(Exception):
    """An answer worth asking again (429, 5xx); internal to the retry loop."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


# --- ranking ---------------------------------------------------------------------------------------
def _top_logprobs(choice: dict[str, Any]) -> dict[str, float] | None:
    """The first generated token's top log-probabilities, from either OpenAI layout, or None."""
    logprobs = choice.get("logprobs")
    if not isinstance(logprobs, dict):
        return None
    top = logprobs.get("top_logprobs")
    if isinstance(top, list) and top and isinstance(top[0], dict):
        return {str(k): float(v) for k, v in top[0].items()}  # completions: [{token: logprob}]
    content = logprobs.get("content")
    if isinstance(content, list) and content and isinstance(content[0], dict):
        entries = content[0].get("top_logprobs") or []  # chat layout: [{token, logprob}]
        return {str(e["token"]): float(e["logprob"]) for e in entries if "token" in e and "logprob" in e}
    return None


def label_logprobs_from_top(top: dict[str, float], labels: Sequence[str]) -> np.ndarray:
    """Log-probabilities of the labels, normalised over them, from an engine's top log-probabilities.

    A label missing from ``top`` gets the lowest log-probability seen (it ranked below every
    returned token). The normalisation is the in-process ranker's ``log_softmax`` over the labels.

    Raises:
        EngineUnavailable: No label among the top tokens (reason ``malformed``).
    """
    found = [top.get(label) for label in labels]
    if all(value is None for value in found):
        raise EngineUnavailable("no candidate label among the engine's top log-probabilities", "malformed")
    floor = min(top.values())
    values = np.array([floor if value is None else value for value in found], dtype=np.float64)
    return values - np.logaddexp.reduce(values)


_LABEL_LIST = re.compile(r"[ \t]*((?:[A-Z](?![A-Za-z])[ \t,;>.]*)+)(.*)", re.DOTALL)


def parse_label_order(text: str, labels: Sequence[str]) -> list[str]:
    """The labels in the order a written answer lists them (``"C, A, B"`` -> C, A, B), each once.

    Only an answer that is a list of labels counts (up to a line break): in "I like it" the
    "I" is a word, not a label, and the answer gives no order.
    """
    match = _LABEL_LIST.match(text)
    if match is None or match.group(2).strip() and not match.group(2).startswith("\n"):
        return []
    allowed = set(labels)
    order: list[str] = []
    for token in re.findall(r"[A-Z]", match.group(1)):
        if token in allowed and token not in order:
            order.append(token)
    return order


class RemoteRanker(LLMRanker):
    """:class:`~chatrec.ranking.LLMRanker` with the forward pass on the engine.

    :meth:`rank` never fails because of the engine: when it is unavailable, the candidates
    keep their retrieval order and :attr:`last_degraded` names the reason (per thread, for the
    turn's metadata).
    """

    def __init__(self, llm: RemoteLLM, **kwargs: Any) -> None:
        super().__init__(llm, **kwargs)  # type: ignore[arg-type]
        self.remote = llm
        self._local = threading.local()

    @classmethod
    def from_settings(cls, settings: Settings, llm: Any = None) -> RemoteRanker:
        """A ranker on the engine at ``settings.llm_url`` (shared client when ``llm`` is given)."""
        return cls(
            llm or RemoteLLM.from_settings(settings), prompts=PromptLibrary(settings.prompts_dir),
            weight=settings.llm_rank_weight,
        )

    @property
    def last_degraded(self) -> str | None:
        """Why this thread's last :meth:`rank` fell back to retrieval order, or None."""
        return getattr(self._local, "degraded", None)

    def label_logprobs(self, context: RankingContext, items: Sequence[Item]) -> np.ndarray:
        """The engine's log-probabilities of each item's label (normalised over the labels).

        Raises:
            EngineUnavailable: The engine failed, or answered neither log-probabilities nor labels.
        """
        prompt = build_rank_prompt(
            self.prompts, self.remote.tokenizer, context, items, self.max_dialogue_chars, self.max_line_chars
        )
        top_n = max(self.remote.top_logprobs, 1)
        answer = self.remote.complete(prompt.text, max_tokens=1, logprobs=top_n)
        try:
            choice = answer["choices"][0]
        except (KeyError, IndexError, TypeError) as exc:
            raise self.remote._failed(EngineUnavailable("the engine's answer has no choices", "malformed")) from exc
        top = _top_logprobs(choice)
        if top:
            return label_logprobs_from_top(top, prompt.labels)
        # No log-probabilities from this engine: ask it to write the labels, best first.
        written = self.remote.complete(prompt.text, max_tokens=4 * len(prompt.labels))
        text = str((written.get("choices") or [{}])[0].get("text") or "")
        order = parse_label_order(text, prompt.labels)
        if not order:
            raise EngineUnavailable(f"the engine wrote no candidate label: {text[:80]!r}", "malformed")
        logger.info("the engine gave no log-probabilities; ranked by the labels it wrote (%s)", "".join(order))
        scores = np.full(len(prompt.labels), -float(len(prompt.labels)))
        for position, label in enumerate(order):
            scores[prompt.labels.index(label)] = -float(position)
        return scores - np.logaddexp.reduce(scores)

    def rank(self, context: RankingContext, candidates: Sequence[Candidate]) -> list[Ranked]:
        """The candidates ordered by engine and retrieval together; retrieval order when the engine fails."""
        self._local.degraded = None
        try:
            return super().rank(context, candidates)
        except EngineUnavailable as exc:
            self._local.degraded = exc.reason
            return [Ranked(candidate=c, score=-float(i)) for i, c in enumerate(candidates)]


class RemoteExplainer(LLMExplainer):
    """:class:`~chatrec.explain.LLMExplainer` with generation streamed from the engine.

    When the engine fails, the reason is the attribute template's, with the problem
    ``engine unavailable: REASON`` (so the turn's metadata and metrics say so).
    """

    def __init__(self, llm: RemoteLLM, **kwargs: Any) -> None:
        super().__init__(llm, **kwargs)  # type: ignore[arg-type]
        self.remote = llm

    @classmethod
    def from_settings(
        cls, settings: Settings, llm: Any = None, vocabulary: Any = None, labels: Any = None
    ) -> RemoteExplainer:
        """An explainer on the engine at ``settings.llm_url`` (shared client when ``llm`` is given).

        As in-process, a reasons adapter (``reason_adapter``) means the short data-to-text prompt,
        sent to the model ``reasons_llm_model`` (the adapter as served by the engine).
        """
        from chatrec.reason_training import resolve_reason_adapter

        if resolve_reason_adapter(settings) is not None:
            model = settings.reasons_llm_model or settings.llm_model
            shared = llm is not None and getattr(llm, "model", None) == (model or settings.llm)
            return cls(
                llm if shared else RemoteLLM(settings.model_copy(update={"llm_model": model})),
                vocabulary=vocabulary, prompts=PromptLibrary(settings.prompts_dir),
                max_new_tokens=settings.explain_max_new_tokens, labels=labels, data_to_text=True,
            )
        return cls(
            llm or RemoteLLM.from_settings(settings),
            vocabulary=vocabulary,
            prompts=PromptLibrary(settings.prompts_dir),
            max_new_tokens=settings.explain_max_new_tokens,
            labels=labels,
        )

    def explain_batch(self, context: RankingContext, items: Sequence[Item]) -> list[Explanation]:
        """One streamed, checked reason per item: the engine batches concurrent requests itself."""
        explanations = []
        for item in items:
            final = Explanation(text=self.template.explain(context, item).text, fallback=True, problems=("empty answer",))
            for part in self.stream(context, item):
                if isinstance(part, Explanation):
                    final = part
            explanations.append(final)
        return explanations

    def _tokens(self, context: RankingContext, item: Item) -> Iterator[str]:
        yield from self.remote.stream(self.prompt(context, item), self.max_new_tokens)

    def stream(self, context: RankingContext, item: Item) -> Iterator[str | Explanation]:
        """As the in-process explainer; the template reason, flagged, when the engine fails."""
        try:
            yield from super().stream(context, item)
        except EngineUnavailable as exc:
            yield Explanation(
                text=self.template.explain(context, item).text,
                fallback=True,
                problems=(f"engine unavailable: {exc.reason}",),
            )
