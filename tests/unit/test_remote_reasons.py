"""Reasons on the engine follow the in-process choice of prompt: the reasons adapter means data-to-text."""

from __future__ import annotations

from chatrec.llm_remote import RemoteExplainer
from chatrec.settings import Settings


def test_the_reasons_adapter_sends_the_data_to_text_prompt_to_its_own_model() -> None:
    settings = Settings(_env_file=None, llm_url="http://127.0.0.1:9/v1", reason_writer="llm",
                        llm_model="chatrec-rank", reasons_llm_model="chatrec-reasons")
    explainer = RemoteExplainer.from_settings(settings)
    assert explainer.data_to_text and explainer.remote.model == "chatrec-reasons"
    # Without its own name the reasons go to the engine's model, still with the adapter's prompt.
    shared = RemoteExplainer.from_settings(settings.model_copy(update={"reasons_llm_model": None}))
    assert shared.data_to_text and shared.remote.model == "chatrec-rank"


def test_without_the_reasons_adapter_the_plain_prompt_goes_to_the_engines_model() -> None:
    settings = Settings(_env_file=None, llm_url="http://127.0.0.1:9/v1", reason_writer="llm",
                        llm_model="chatrec-rank", reason_adapter="none", reasons_llm_model="chatrec-reasons")
    explainer = RemoteExplainer.from_settings(settings)
    assert not explainer.data_to_text and explainer.remote.model == "chatrec-rank"
