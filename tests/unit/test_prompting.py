"""Prompt templates: validated on load, strict on render, customer text stays data."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiny_llm import tiny_tokenizer

from chatrec.errors import PromptError
from chatrec.prompting import PromptLibrary, PromptTemplate, default_prompts_dir, load_prompt, to_chat


def test_every_shipped_prompt_loads_and_declares_its_variables() -> None:
    names = {"rank", "explain", "dialogue_question", "system"}
    for name in names:
        template = load_prompt(name)
        assert template.path is not None and template.path.parent == default_prompts_dir()
    assert load_prompt("dialogue_question").variables == {"attribute", "options"}
    assert load_prompt("rank").variables == {"dialogue", "profile", "candidates", "labels"}


def test_missing_variable_is_an_error_naming_it() -> None:
    with pytest.raises(PromptError, match="options"):
        load_prompt("dialogue_question").render(attribute="colour")


def test_unknown_variable_is_an_error_naming_it() -> None:
    with pytest.raises(PromptError, match="colour"):
        load_prompt("dialogue_question").render(attribute="size", options="S, M", colour="red")


def test_header_and_body_must_agree() -> None:
    with pytest.raises(PromptError, match="undeclared.*price"):
        PromptTemplate.from_text("x", "{# variables: title #}\n{{ title }} costs {{ price }}")
    with pytest.raises(PromptError, match="unused.*price"):
        PromptTemplate.from_text("x", "{# variables: title, price #}\n{{ title }}")
    with pytest.raises(PromptError, match="header"):
        PromptTemplate.from_text("x", "Hello {{ title }}")


def test_syntax_error_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "broken.txt").write_text("{# variables: a #}\n{{ a }\n", encoding="utf-8")
    with pytest.raises(PromptError, match="broken.txt"):
        load_prompt("broken", tmp_path)


def test_missing_file_is_a_prompt_error(tmp_path: Path) -> None:
    with pytest.raises(PromptError, match="does not exist"):
        PromptLibrary(tmp_path).get("rank")


def test_values_are_not_evaluated_as_template_code() -> None:
    text = load_prompt("dialogue_question").render(attribute="{{ 7 * 7 }}", options="{% for x in y %}")
    assert "{{ 7 * 7 }}" in text and "49" not in text


def test_chat_uses_the_tokenizers_roles() -> None:
    text = to_chat(tiny_tokenizer(), "be brief", "hello", assistant_prefix="")
    assert text.startswith("<|im_start|>system\nbe brief<|im_end|>")
    assert text.endswith("<|im_start|>assistant\n")
