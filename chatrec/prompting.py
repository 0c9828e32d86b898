"""Prompt templates: files under ``prompts/``, validated on load, rendered strictly.

Each template file starts with a header line naming the variables it needs::

    {# variables: dialogue, candidates #}

The rest is a Jinja2 template. Loading checks that the header and the template agree (a
variable used but not declared, or declared but never used, is a
:class:`~chatrec.errors.PromptError`); rendering with a missing or unknown variable is a
``PromptError`` naming it. Customer and catalogue text is passed in as variable values and
is never evaluated as template code, so it cannot change the instructions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta

from chatrec.errors import ConfigError, PromptError

__all__ = ["PromptLibrary", "PromptTemplate", "default_prompts_dir", "load_prompt", "read_cue_file", "read_json_wording", "to_chat"]

_HEADER = re.compile(r"^\{#\s*variables:\s*(?P<names>[^#]*?)\s*#\}\s*$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def default_prompts_dir() -> Path:
    """The prompt templates shipped with chatrec.

    An installed wheel carries them as package data (``chatrec/prompts``); a source checkout or
    an editable install reads the repository's top-level ``prompts/`` folder.
    """
    package = Path(__file__).resolve().parent
    installed = package / "prompts"
    return installed if installed.is_dir() else package.parent / "prompts"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    # One environment for every template (it is not changed after creation, and rendering is
    # thread-safe). No autoescape: the output is a prompt, not HTML. keep_trailing_newline keeps files exact.
    return jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=False,
    )


@lru_cache(maxsize=512)
def _compiled(source: str) -> jinja2.Template:
    # Compiling a template costs ~4 ms of Python under the GIL; a turn renders several, so each
    # source is compiled once (the sources are the files under prompts/, a bounded set).
    return _environment().from_string(source)


@dataclass(frozen=True)
class PromptTemplate:
    """A validated prompt template.

    Attributes:
        name: The file name without ``.txt``.
        variables: The variables the header declares (and the body uses).
        source: The template body, without the header line.
        path: The file it was read from, or None for a template built from a string.
    """

    name: str
    variables: frozenset[str]
    source: str
    path: Path | None = None

    @classmethod
    def from_text(cls, name: str, text: str, path: Path | None = None) -> PromptTemplate:
        """Parse and validate a template file's text (header line + Jinja2 body).

        Raises:
            PromptError: No header, a bad variable name, a syntax error, or header and body
                that disagree on the variables.
        """
        where = str(path) if path else name
        first, _, body = text.partition("\n")
        match = _HEADER.match(first.strip())
        if not match:
            raise PromptError(
                f"prompt {where} must start with a header line '{{# variables: a, b #}}', "
                f"found {first[:60]!r}"
            )
        names = [n.strip() for n in match.group("names").split(",") if n.strip()]
        for variable in names:
            if not _NAME.match(variable):
                raise PromptError(f"prompt {where}: {variable!r} is not a valid variable name")
        declared = frozenset(names)
        try:
            used = frozenset(meta.find_undeclared_variables(_environment().parse(body)))
        except jinja2.TemplateSyntaxError as exc:
            raise PromptError(f"prompt {where}, line {exc.lineno + 1}: {exc.message}") from exc
        if used - declared:
            raise PromptError(
                f"prompt {where} uses undeclared variable(s) {', '.join(sorted(used - declared))}; "
                "add them to its header"
            )
        if declared - used:
            raise PromptError(
                f"prompt {where} declares unused variable(s) {', '.join(sorted(declared - used))}"
            )
        return cls(name=name, variables=declared, source=body.rstrip("\n"), path=path)

    def render(self, values: Mapping[str, Any] | None = None, /, **kwargs: Any) -> str:
        """Render with exactly the declared variables.

        Raises:
            PromptError: A declared variable is missing, or an unknown one is given.
        """
        given = {**(values or {}), **kwargs}
        missing = self.variables - given.keys()
        if missing:
            raise PromptError(f"prompt {self.name!r} is missing variable(s) {', '.join(sorted(missing))}")
        unknown = given.keys() - self.variables
        if unknown:
            raise PromptError(f"prompt {self.name!r} has no variable(s) {', '.join(sorted(unknown))}")
        try:
            return _compiled(self.source).render(**given).strip()
        except jinja2.UndefinedError as exc:
            raise PromptError(f"prompt {self.name!r}: {exc.message}") from exc


def load_prompt(name: str, prompts_dir: Path | str | None = None) -> PromptTemplate:
    """Read and validate ``<prompts_dir>/<name>.txt``.

    Args:
        name: Template name such as ``"rank"``.
        prompts_dir: Folder of templates; default :func:`default_prompts_dir`.

    Raises:
        PromptError: The file is missing or invalid.
    """
    folder = Path(prompts_dir) if prompts_dir is not None else default_prompts_dir()
    path = folder / f"{name}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PromptError(f"prompt template {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PromptError(f"cannot read prompt template {path}: {exc}") from exc
    return PromptTemplate.from_text(name, text, path)


class PromptLibrary:
    """The templates of one folder, each loaded and validated once.

    Args:
        prompts_dir: Folder of ``*.txt`` templates; default :func:`default_prompts_dir`.
    """

    def __init__(self, prompts_dir: Path | str | None = None) -> None:
        self.prompts_dir = Path(prompts_dir) if prompts_dir is not None else default_prompts_dir()
        self._templates: dict[str, PromptTemplate] = {}

    def get(self, name: str) -> PromptTemplate:
        """The validated template ``name`` (cached)."""
        if name not in self._templates:
            self._templates[name] = load_prompt(name, self.prompts_dir)
        return self._templates[name]

    def render(self, name: str, /, **values: Any) -> str:
        """Render template ``name`` with ``values`` (see :meth:`PromptTemplate.render`)."""
        return self.get(name).render(values)


def to_chat(tokenizer: Any, system: str | None, user: str, assistant_prefix: str = "") -> str:
    """The model's input text for one system + user exchange, ending where the assistant speaks.

    Uses the tokenizer's own chat template, so role markers are the ones the model was tuned
    with. ``assistant_prefix`` is appended after the assistant marker (e.g. to start the answer).

    Raises:
        PromptError: The tokenizer has no chat template.
    """
    if not getattr(tokenizer, "chat_template", None):
        raise PromptError("the tokenizer has no chat template; use an instruction-tuned model")
    messages = []
    if system:
        messages.append({"role": "system", "content": system})
    messages.append({"role": "user", "content": user})
    text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return str(text) + assistant_prefix


def read_prompt_table(name: str) -> dict[str, Any]:
    """A JSON table of ``prompts/`` (``ellipsis_words.json``, ``spec_comparatives.json``...).

    Raises:
        PromptError: The file is missing, not valid JSON, or not a JSON object.
    """
    path = default_prompts_dir() / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PromptError(f"cannot read {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise PromptError(f"{path} must be a JSON object")
    return data


def read_json_wording(path: Path, what: str, language: str) -> dict[str, Any]:
    """A JSON wording file of one language (``prompts/answers_en.json``, ``reasons_zh.json``...).

    Args:
        path: The file.
        what: What it words, for the error messages ("answer", "reason").
        language: Its language code, for the error messages.

    Raises:
        PromptError: The file is missing, not valid JSON, or not a JSON object.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PromptError(f"no {what} wording for language {language!r} ({path} is missing)") from None
    except (OSError, ValueError) as exc:
        raise PromptError(f"{what} wording {path} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise PromptError(f"{what} wording {path} must be a JSON object")
    return data


def read_cue_file(path: Path, what: str, pattern: Any) -> dict[str, list[re.Pattern[str]]]:
    """Cue patterns by section from a cue file: ``[section]`` headers and one phrase a line (a
    regular expression); ``#`` starts a comment. ``pattern(line)`` turns a phrase into the regular
    expression to compile (case-insensitive), e.g. with word boundaries around it.

    Raises:
        ConfigError: The file cannot be read, or has a phrase outside a section or a bad pattern
            (``what`` names the file's purpose in the message: "ownership cues").
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read the {what} {path}: {exc.strerror or exc}") from exc
    sections: dict[str, list[re.Pattern[str]]] = {}
    current: str | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, [])
            continue
        if current is None:
            raise ConfigError(f"{path}:{number}: a cue before any [section]")
        try:
            sections[current].append(re.compile(pattern(line), re.IGNORECASE))
        except re.error as exc:
            raise ConfigError(f"{path}:{number}: bad cue pattern {line!r} ({exc})") from exc
    return sections
