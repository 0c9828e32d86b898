"""Stop 50: wording found by holding conversations on the demo catalogues as a shopper.

Each test names the reply that was wrong before; each fails without its change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from chatrec.recommender import ChatRec
from chatrec.spec_comparatives import comparative_bounds
from chatrec.understanding import TurnContext, understand

_AC = "Split-SystemAirConditioners"


def _read(catalogues: dict[str, Any], message: str) -> Any:
    vocabulary, _ = catalogues["electronics"]
    return understand(message, vocabulary, TurnContext(catalog_currency="INR"))


@pytest.mark.parametrize("message", ["an AC under 40000", "i need an ac for my bedroom", "a split AC", "cheapest aircon",
                                     "便宜的空调"])
def test_an_ac_is_an_air_conditioner(catalogues: dict[str, Any], message: str) -> None:
    """"an AC under 40000" searched the word "ac" in every category."""
    assert _read(catalogues, message).include.get("category") == [_AC]


@pytest.mark.parametrize("message", ["no AC please", "not an AC, too expensive", "no ac"])
def test_no_ac_turns_air_conditioners_down(catalogues: dict[str, Any], message: str) -> None:
    """"no AC please" was chitchat; "not an AC, too expensive" kept showing air conditioners."""
    request = _read(catalogues, message)
    assert request.exclude.get("category") == [_AC]
    assert request.intent != "chitchat"


@pytest.mark.parametrize("message", ["an ac adapter for my laptop", "ac power cord"])
def test_an_ac_adapter_is_no_air_conditioner(catalogues: dict[str, Any], message: str) -> None:
    request = _read(catalogues, message)
    assert _AC not in request.include.get("category", [])
    assert "air conditioner" not in request.query


@pytest.mark.parametrize("message", ["Gibt es eine Maus ohne Kabel?", "un ratón sin cable", "a mouse without a cable",
                                     "any mouse with no wires?"])
def test_a_thing_without_a_cable_is_a_wireless_one(catalogues: dict[str, Any], message: str) -> None:
    """"Gibt es eine Maus ohne Kabel?" left out the word "kabel" only and showed a wired mouse second."""
    request = _read(catalogues, message)
    assert "wireless" in request.query.split() and request.include.get("category") == ["Mice"]
    assert not request.avoid_words


def test_a_monitor_in_chinese(catalogues: dict[str, Any]) -> None:
    """"我想买个显示器，打游戏用的" asked whether a gaming mouse, keyboard or TV was meant."""
    assert _read(catalogues, "我想买个显示器，打游戏用的").include.get("subcategory") == ["Monitors"]


@pytest.mark.parametrize("message", ["风扇", "un ventilador", "ein Ventilator", "便宜的电风扇"])
def test_a_fan_in_chinese_spanish_and_german(catalogues: dict[str, Any], message: str) -> None:
    """"风扇" showed fan heaters; "un ventilador" asked about heaters and water heaters."""
    request = _read(catalogues, message)
    assert "fan" in request.query.split() and "FanHeaters" not in request.include.get("category", [])


@pytest.mark.parametrize("message", ["un ventilador de techo que no haga ruido", "a ceiling fan that doesn't make noise",
                                     "a mouse that doesn't make much noise", "ein leiser Ventilator", "安静的风扇"])
def test_a_thing_that_makes_no_noise_is_a_quiet_one(catalogues: dict[str, Any], message: str) -> None:
    """"que no haga ruido" left out items saying "haga" and "ruido"; "doesn't make noise" left out "sound"."""
    request = _read(catalogues, message)
    assert "quiet" in request.query.split() and not request.avoid_words
