"""The LLM understander: the causal LLM reads the turn and writes a compact request, decoded under a grammar.

The LLM (by default the packaged SmolLM2-135M with the shipped LoRA adapter
``chatrec/adapters/smollm2-135m-understanding``) reads the items shown (short titles with their
positions), the wishes in force, the question pending and the shopper's message, and writes one
short line in the format of the evaluation labels::

    refine;+baseColour=Blue;-baseColour=Black;ref=2;rel=cheaper

Decoding is constrained by a grammar compiled from the catalogue's vocabulary
(:class:`~chatrec.vocabulary.CatalogueVocabulary`): the intent is one of the schema's intents,
every ``+field=`` / ``-field=`` names a categorical field and only that field's real values,
``ref=`` lists positions 1-9 and ``rel=`` is ``cheaper`` or ``pricier``. The output therefore
always parses and every value exists in the catalogue. The LLM writes no numbers: prices and
currencies come from the rules (:func:`chatrec.understanding.understand`), the language from
:func:`chatrec.language.detect_language` (through the rules' request).

**Why xgrammar.** It is maintained (used by vLLM, SGLang, TensorRT-LLM), ships a 1.3 MB CPU
wheel, compiles an EBNF grammar with a few hundred vocabulary values in well under a second,
and fills a token bitmask per step in microseconds; its matcher also offers jump-forward
(tokens the grammar forces are fed in one forward pass instead of one step each). It works with
transformers 5 because we drive the decoding loop ourselves (the fixed prompt prefix is run once
and its KV cache reused for every turn) and only call its matcher and bitmask functions. The
earlier attempt with lm-format-enforcer cost ~40 s a message and broke with transformers 5;
``outlines`` pulls a large dependency tree (outlines-core, a Rust regex index built per
vocabulary) for the same job. xgrammar declares ``triton`` as a dependency it does not use on
CPU, so it is installed with ``pip install --no-deps xgrammar apache-tvm-ffi``.

:func:`merge` combines the LLM's request with the rules' one (rules for numbers, currency,
language, the search words; the LLM for the slots chosen by the held-out numbers, see
:data:`MERGE_SLOTS`). Any failure (no model, a timeout, output that the grammar allowed but
that was cut by the token limit) raises :class:`LLMUnderstandingError`; the caller then keeps
the rules' request.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chatrec.errors import ChatRecError
from chatrec.prompting import PromptLibrary
from chatrec.request import INTENTS, ItemReference, ShopperRequest

if TYPE_CHECKING:
    from chatrec.llm import LLM
    from chatrec.settings import Settings
    from chatrec.understanding import TurnContext
    from chatrec.vocabulary import CatalogueVocabulary

__all__ = [
    "HYBRID_SLOTS",
    "MERGE_SLOTS",
    "SHIPPED_UNDERSTANDING_ADAPTER",
    "LLMUnderstander",
    "LLMUnderstandingError",
    "Parsed",
    "build_grammar",
    "grammar_fields",
    "merge",
    "parse_line",
    "reread",
    "rules_unsure",
    "shipped_understanding_adapter_dir",
    "turn_text",
    "understander_for_catalogue",
    "understander_from_settings",
    "understanding_settings",
]

logger = logging.getLogger(__name__)

#: The adapter folder shipped in ``chatrec/adapters/`` for understanding with the packaged model.
SHIPPED_UNDERSTANDING_ADAPTER = "smollm2-135m-understanding"
#: Slots the shipped merge takes from the LLM (everything else comes from the rules).
MERGE_SLOTS: tuple[str, ...] = ("intent", "include", "exclude", "reference", "relative")
#: Slots taken from the LLM where the rules are unsure (``understander="llm"``): the rules read values
#: far better (held-out numbers in docs/understanding_llm.md), the LLM may still tell what the message does.
HYBRID_SLOTS: tuple[str, ...] = ("intent", "reference", "relative")
_MAX_POSITION = 9
_TITLE_WORDS = 6
#: A value that is mostly digits and currency is a price or a size, not a word a shopper says.
_NUMERIC = re.compile(r"^[\W\d_]*\d[\d\W_]*$")


class LLMUnderstandingError(ChatRecError):
    """The LLM could not read the turn (no model, a timeout, a cut output); the rules are used."""


def shipped_understanding_adapter_dir() -> Path:
    """The folder of the understanding adapter shipped with chatrec for the packaged model."""
    return Path(__file__).resolve().parent / "adapters" / SHIPPED_UNDERSTANDING_ADAPTER


def grammar_fields(vocabulary: CatalogueVocabulary) -> dict[str, list[str]]:
    """The fields and values the LLM may write: categorical fields whose values are words.

    Values that are numbers or prices (``₹1,099``) are left out: numbers come from the rules.
    Values are ordered by how many items have them (the prompt shows the commonest first).
    """
    out: dict[str, list[str]] = {}
    for name in vocabulary.fields:
        counts = vocabulary.values(name)
        values = [v for v, _ in counts.most_common() if v.strip() and "|" not in v and ";" not in v]
        words = [v for v in values if not _NUMERIC.match(v)]
        if len(words) < max(1, len(values) // 2):
            continue
        out[name] = words
    return out


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def build_grammar(fields: Mapping[str, Sequence[str]]) -> str:
    """The EBNF (xgrammar dialect) of one request line over these fields and values."""
    rules = [
        'root ::= " "? intent part* "\\n"',
        "intent ::= " + " | ".join(_literal(i) for i in INTENTS),
        'part ::= ";" (want | avoid | ref | rel)',
        'ref ::= "ref=" pos ("," pos)*',
        'pos ::= [1-9]',
        'rel ::= "rel=" ("cheaper" | "pricier")',
    ]
    choices = []
    for number, (name, values) in enumerate(fields.items()):
        rule = f"v{number}"
        rules.append(f"{rule} ::= " + " | ".join(_literal(v) for v in values))
        choices.append(f'{_literal(name + "=")} {rule} ("|" {rule})*')
    if choices:
        rules.append("fv ::= " + " | ".join(f"({c})" for c in choices))
        rules.append('want ::= "+" fv')
        rules.append('avoid ::= "-" fv')
    else:  # a catalogue without categorical fields: no values can be written
        rules.append('want ::= "+" "-"')
        rules.append('avoid ::= "-" "+"')
    return "\n".join(rules)


@dataclass
class Parsed:
    """One request line, parsed.

    Attributes:
        intent: The intent.
        include: Field to values wanted.
        exclude: Field to values not wanted.
        positions: Positions referenced.
        relative: ``cheaper``, ``pricier`` or None.
    """

    intent: str
    include: dict[str, list[str]] = field(default_factory=dict)
    exclude: dict[str, list[str]] = field(default_factory=dict)
    positions: list[int] = field(default_factory=list)
    relative: str | None = None


def parse_line(line: str, fields: Mapping[str, Sequence[str]] | None = None) -> Parsed:
    """Read one request line (the format of the module docstring).

    Args:
        line: The line the LLM wrote (or a training label).
        fields: When given, values outside them are an error (the grammar never writes them).

    Raises:
        LLMUnderstandingError: The line does not follow the format.
    """
    parts = [p.strip() for p in line.strip().split(";")]
    if not parts or parts[0] not in INTENTS:
        raise LLMUnderstandingError(f"the LLM's request {line!r} has no intent")
    parsed = Parsed(intent=parts[0])
    for part in parts[1:]:
        key, sep, value = part.partition("=")
        if not sep or not value:
            raise LLMUnderstandingError(f"the LLM's request {line!r} has a malformed part {part!r}")
        if key[:1] in "+-" and len(key) > 1:
            name = key[1:]
            values = value.split("|")
            if fields is not None and (name not in fields or any(v not in fields[name] for v in values)):
                raise LLMUnderstandingError(f"the LLM's request {line!r} names a value outside the catalogue")
            target = parsed.include if key[0] == "+" else parsed.exclude
            target.setdefault(name, []).extend(v for v in values if v not in target.get(name, []))
        elif key == "ref":
            try:
                parsed.positions.extend(int(v) for v in value.split(","))
            except ValueError:
                raise LLMUnderstandingError(f"the LLM's request {line!r} has a bad reference") from None
        elif key == "rel" and value in ("cheaper", "pricier"):
            parsed.relative = value
        else:
            raise LLMUnderstandingError(f"the LLM's request {line!r} has an unknown part {part!r}")
    return parsed


def _short_title(item: Any) -> str:
    words = str(getattr(item, "title", item)).split()
    return " ".join(words[:_TITLE_WORDS])


def turn_text(
    library: PromptLibrary,
    message: str,
    shown: Sequence[Any] = (),
    current: Mapping[str, Sequence[str]] | None = None,
    pending: tuple[str, Sequence[str]] | None = None,
) -> str:
    """The per-turn part of the prompt: shown items, wishes in force, the question pending, the message."""
    shown_text = " | ".join(f"{n}. {_short_title(item)}" for n, item in enumerate(shown[:_MAX_POSITION], start=1))
    wishes = "; ".join(f"{name}={'|'.join(values)}" for name, values in (current or {}).items() if values)
    asked = f"{pending[0]} ({'/'.join(list(pending[1])[:6])})" if pending else "-"
    return library.render(
        "understand_turn", shown=shown_text or "-", wishes=wishes or "-", asked=asked,
        message=" ".join(message.split())[:400],
    )


def prefix_text(
    library: PromptLibrary, fields: Mapping[str, Sequence[str]], examples: Iterable[str] = (), style: str = "full",
) -> str:
    """The fixed part of the prompt for one catalogue (its KV cache is computed once).

    Args:
        library: Prompt templates.
        fields: The grammar's fields and values.
        examples: Worked examples (``full`` style only).
        style: ``full`` (instructions, values, examples: for the model without adapter) or
            ``short`` (field names and a few values: what the adapter is trained with).
    """
    if style == "short":
        listed = "; ".join(f"{name} ({', '.join(values[:3])})" for name, values in fields.items())
        return library.render("understand_prefix_short", fields=listed) + "\n"
    listed = "; ".join(f"{name} ({', '.join(values[:8])}{', ...' if len(values) > 8 else ''})"
                       for name, values in fields.items())
    return library.render("understand_prefix", fields=listed, examples="\n".join(examples)) + "\n"


def merge(
    rules: ShopperRequest, parsed: Parsed, shown: Sequence[Any] = (), slots: Iterable[str] = MERGE_SLOTS,
) -> ShopperRequest:
    """The rules' request with the given slots taken from the LLM's reading.

    Numbers (the price range and its currency), the language, the search words, dropped
    wishes and the answered question always come from the rules. References past the items
    shown are dropped.
    """
    update: dict[str, Any] = {"source": "llm"}
    slots = set(slots)
    if "intent" in slots:
        update["intent"] = parsed.intent
    if "include" in slots:
        update["include"] = parsed.include
    if "exclude" in slots:
        update["exclude"] = parsed.exclude
    if "relative" in slots:
        update["relative_price"] = parsed.relative
    if "reference" in slots:
        update["references"] = [
            ItemReference(position=p, item_id=getattr(shown[p - 1], "id", None), how="position")
            for p in dict.fromkeys(parsed.positions) if 1 <= p <= len(shown)
        ]
    return ShopperRequest.model_validate({**rules.model_dump(), **{
        k: (v if not isinstance(v, list) or not v or not isinstance(v[0], ItemReference)
            else [r.model_dump() for r in v])
        for k, v in update.items()
    }})


class LLMUnderstander:
    """Reads turns with a causal LLM under a grammar built from one catalogue's vocabulary.

    Args:
        llm: The loaded (or lazy) :class:`~chatrec.llm.LLM`: model, tokenizer and lock.
        vocabulary: The catalogue's vocabulary, or the grammar's fields and values (:func:`grammar_fields`).
        examples: Example turns put in the fixed prompt (few-shot, for the model without adapter).
        style: The prompt prefix: ``full`` (zero-shot) or ``short`` (the adapter's).
        max_new_tokens: The longest request line, in tokens.
        timeout_seconds: Give up (and raise) after this long.
        jump_forward: Feed the tokens the grammar forces in one forward pass.
        prefix_cache: Reuse the KV cache of the fixed prompt prefix (False: the whole prompt is
            run on every turn; kept to measure the difference).
        prompts_dir: Folder of prompt templates (default: the packaged ones).
    """

    def __init__(
        self,
        llm: LLM,
        vocabulary: CatalogueVocabulary | Mapping[str, Sequence[str]],
        *,
        examples: Sequence[str] = (),
        style: str = "full",
        max_new_tokens: int = 40,
        timeout_seconds: float = 5.0,
        jump_forward: bool = True,
        prefix_cache: bool = True,
        prompts_dir: Path | str | None = None,
    ) -> None:
        self.llm = llm
        self.fields = (
            {name: list(values) for name, values in vocabulary.items()} if isinstance(vocabulary, Mapping)
            else grammar_fields(vocabulary)
        )
        self.library = PromptLibrary(prompts_dir)
        self.prefix = prefix_text(self.library, self.fields, examples, style)
        self.max_new_tokens = max_new_tokens
        self.timeout_seconds = timeout_seconds
        self.jump_forward = jump_forward
        self.prefix_cache = prefix_cache
        self._compiled: Any = None
        self._prefix_cache: Any = None
        self._prefix_len = 0
        self._ready = threading.Lock()
        self.last_seconds: float | None = None
        self.last_line: str | None = None

    def _prepare(self) -> None:
        if self._compiled is not None:
            return
        with self._ready:
            if self._compiled is not None:
                return
            import torch

            try:
                import xgrammar as xgr
            except ImportError as exc:
                raise LLMUnderstandingError(
                    "the LLM understander needs xgrammar: pip install --no-deps xgrammar apache-tvm-ffi"
                ) from exc
            tokenizer, model = self.llm.tokenizer, self.llm.model
            started = time.perf_counter()
            info = xgr.TokenizerInfo.from_huggingface(tokenizer, vocab_size=model.config.vocab_size)
            compiled = xgr.GrammarCompiler(info, max_threads=1).compile_grammar(build_grammar(self.fields))
            ids = tokenizer(self.prefix, return_tensors="pt", add_special_tokens=False).input_ids
            with self.llm.lock, torch.inference_mode():
                out = model(ids, use_cache=True)
            self._prefix_cache = out.past_key_values
            self._prefix_len = ids.shape[1]
            self._compiled = compiled
            logger.info("understanding grammar (%d fields) and a %d-token prefix ready in %.2f s",
                        len(self.fields), self._prefix_len, time.perf_counter() - started)

    def generate(self, text: str) -> str:
        """The request line the LLM writes after the fixed prefix and ``text`` (greedy, constrained).

        Raises:
            LLMUnderstandingError: The time limit passed or the line was cut by the token limit.
        """
        self._prepare()
        import torch
        import xgrammar as xgr

        tokenizer, model = self.llm.tokenizer, self.llm.model
        matcher = xgr.GrammarMatcher(self._compiled, terminate_without_stop_token=True)
        bitmask = xgr.allocate_token_bitmask(1, model.config.vocab_size)
        ids = tokenizer(text, return_tensors="pt", add_special_tokens=False).input_ids
        written: list[int] = []
        started = time.perf_counter()
        if not self.prefix_cache:
            from transformers import DynamicCache

            ids = tokenizer(self.prefix + text, return_tensors="pt", add_special_tokens=False).input_ids
        with self.llm.lock, torch.inference_mode():
            cache = self._prefix_cache if self.prefix_cache else DynamicCache()
            try:
                while True:
                    out = model(ids, cache=cache, use_cache=True)
                    cache = out.past_key_values
                    if time.perf_counter() - started > self.timeout_seconds:
                        raise LLMUnderstandingError(f"the LLM took over {self.timeout_seconds:g} s to read the turn")
                    logits = out.logits[:, -1, :].float()
                    matcher.fill_next_token_bitmask(bitmask)
                    xgr.apply_token_bitmask_inplace(logits, bitmask.to(logits.device))
                    token = int(torch.argmax(logits, dim=-1))
                    if not matcher.accept_token(token):
                        raise LLMUnderstandingError("the grammar refused the LLM's token")
                    written.append(token)
                    if matcher.is_terminated():
                        break
                    step = [token]
                    if self.jump_forward:
                        forced = matcher.find_jump_forward_string()
                        if forced:
                            forced_ids = tokenizer(forced, add_special_tokens=False).input_ids
                            if forced_ids and matcher.accept_string(forced):
                                written.extend(forced_ids)
                                step.extend(forced_ids)
                                if matcher.is_terminated():
                                    break
                    if len(written) >= self.max_new_tokens:
                        raise LLMUnderstandingError(
                            f"the LLM's request was cut at {self.max_new_tokens} tokens"
                        )
                    ids = torch.tensor([step])
            finally:
                extra = cache.get_seq_length() - self._prefix_len
                if self.prefix_cache and extra > 0:  # the prefix cache is shared: back to the prefix alone
                    cache.crop(-extra)
        self.last_seconds = time.perf_counter() - started
        line = tokenizer.decode(written, skip_special_tokens=True).strip()
        self.last_line = line
        return line

    def read(
        self, message: str, context: TurnContext, rules: ShopperRequest, slots: Iterable[str] = MERGE_SLOTS,
    ) -> ShopperRequest:
        """The request for one turn: the LLM's reading merged with the rules' (see :func:`merge`).

        Raises:
            LLMUnderstandingError: The LLM failed; the caller keeps ``rules``.
        """
        text = turn_text(self.library, message, list(context.shown), context.current, context.pending)
        line = self.generate(text)
        parsed = parse_line(line, self.fields)
        return merge(rules, parsed, list(context.shown), slots)


def save_settings(folder: Path, **values: Any) -> None:
    """Write the understander's settings next to an adapter (``understanding.json``)."""
    (folder / "understanding.json").write_text(json.dumps(values, indent=2), encoding="utf-8")


def rules_unsure(request: ShopperRequest) -> bool:
    """Whether the rules' request looks like a guess the LLM should check.

    The rules fall back to ``recommend``/``refine`` with nothing understood (no value, no
    price, no reference, no relative price) when no rule fired: "what's your favourite
    movie?", "is there something less costly?". A question about shown items that names no
    item is also unsure.
    """
    understood = bool(
        request.include or request.exclude or request.price or request.relative_price
        or request.references or request.drop or request.show_now
    )
    if request.intent in ("recommend", "refine") and not understood:
        return True
    return request.intent in ("ask_about_item", "compare") and not request.references


def understander_for_catalogue(
    llm: LLM, vocabulary: CatalogueVocabulary, items: Sequence[Any], *, adapter: bool, **options: Any,
) -> LLMUnderstander:
    """An understander for one catalogue: the adapter's short prompt, or few-shot examples without one.

    Args:
        llm: The model (with the understanding adapter merged when ``adapter``).
        vocabulary: The catalogue's vocabulary.
        items: Its items (the few-shot examples show some of them).
        adapter: True when the LLM carries the understanding adapter (short prompt, no examples).
        options: Passed to :class:`LLMUnderstander` (time limit, token limit).
    """
    if adapter:
        return LLMUnderstander(llm, vocabulary, style="short", **options)
    from chatrec.understanding_training import ShopData, few_shot

    shop = ShopData("catalogue", grammar_fields(vocabulary), list(items))
    return LLMUnderstander(llm, vocabulary, examples=few_shot(shop), style="full", **options)


def understanding_settings(settings: Settings | None, *, adapter: bool = True) -> Settings:
    """The settings of the understanding LLM: the configured model, with the understanding adapter (or none).

    ``understanding_adapter`` ``"default"`` is the shipped adapter (packaged model only); the
    model is loaded in float32 (as fast as bf16 on CPU, and as trained).

    Raises:
        AdapterError: The adapter folder does not exist (the shipped one missing included).
    """
    from chatrec.errors import AdapterError
    from chatrec.settings import PACKAGED_LLM, Settings

    base = settings or Settings(_env_file=None)
    folder: str | None = None
    if adapter and base.understanding_adapter is not None:
        if base.understanding_adapter == "default":
            if base.llm == PACKAGED_LLM:
                shipped = shipped_understanding_adapter_dir()
                if not (shipped / "adapter_config.json").is_file():
                    raise AdapterError(f"the shipped understanding adapter {shipped} is missing")
                folder = str(shipped)
        else:
            folder = base.understanding_adapter
    return base.model_copy(update={"adapter": folder, "llm_dtype": "float32"})


def understander_from_settings(settings: Settings, items: Sequence[Any]) -> LLMUnderstander | None:
    """The product's LLM understander for a catalogue, or None when ``settings.understander`` is ``rules``.

    The LLM is its own (the understanding adapter differs from the ranking one) and loads on
    the first message the rules are unsure of.
    """
    if settings.understander == "rules":
        return None
    if settings.llm_url:  # on a serving engine (issue 16)
        from chatrec.llm_understanding_remote import remote_understander

        return remote_understander(settings, items)
    from chatrec.llm import LLM
    from chatrec.vocabulary import CatalogueVocabulary

    understanding = understanding_settings(settings)
    llm = LLM(understanding, name=f"{understanding.llm} (understanding)")
    return understander_for_catalogue(
        llm, CatalogueVocabulary.from_items(items), items, adapter=understanding.adapter is not None,
        timeout_seconds=settings.understanding_timeout_seconds,
    )


def reread(
    understander: LLMUnderstander,
    mode: str,
    message: str,
    rules: ShopperRequest,
    *,
    shown: Sequence[Any] = (),
    pending: tuple[str, list[str]] | None = None,
    current: Mapping[str, Sequence[str]] | None = None,
) -> tuple[ShopperRequest, dict[str, Any]]:
    """The turn's request with the LLM's reading merged in, and what happened, for the reply metadata.

    Args:
        understander: The LLM understander.
        mode: ``llm`` (ask the LLM only where the rules are unsure) or ``llm-always``.
        message: The shopper's words.
        rules: The rules' request.
        shown: The items shown last.
        pending: The question pending (attribute, options).
        current: The wishes in force.

    Returns:
        ``(request, metadata)``; when the LLM fails or times out, the rules' request and
        ``{"by": "rules", "llm_failed": reason}``.
    """
    from chatrec.errors import ModelError
    from chatrec.understanding import TurnContext

    if mode != "llm-always" and not rules_unsure(rules):
        return rules, {"by": "rules", "llm": "not asked (the rules were sure)"}
    context = TurnContext(pending=pending, shown=shown, searching=bool(current or shown), current=current or {})
    try:
        heard = understander.read(message, context, rules, MERGE_SLOTS if mode == "llm-always" else HYBRID_SLOTS)
    except (LLMUnderstandingError, ModelError) as exc:
        logger.warning("the LLM could not read the message, the rules' request is used: %s", exc)
        failed = {"by": "rules", "llm_failed": str(exc)}
        reason = getattr(exc, "reason", None)  # an engine's failure (chatrec.llm_understanding_remote)
        if reason is not None:
            from chatrec import observability

            observability.count_llm_call("understand", "degraded")
            observability.count_llm_fallback("understand", str(reason))
            failed["degraded"] = str(reason)
        return rules, failed
    if getattr(understander, "remote", None) is not None:
        from chatrec import observability

        observability.count_llm_call("understand", "ok")
    return heard, {"by": "llm", "line": understander.last_line,
                   "seconds": round(understander.last_seconds or 0.0, 3)}
