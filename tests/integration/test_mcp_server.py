"""The MCP server, driven by the official SDK's client over stdio (``chatrec mcp`` as a subprocess).

The subprocess is the real command over a tiny index of the fashion fixture, with the hashing
fake embedder and no LLM.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest
from fakes import HashingEmbedder

from chatrec.index import build_index
from chatrec.settings import Settings

TESTS = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for the subprocess: an index built with the fake embedder, folders in a temp dir."""
    root = tmp_path_factory.mktemp("mcp")
    fake = HashingEmbedder()
    settings = Settings(index_dir=root / "index", data_dir=root / "data", cache_dir=root / "cache",
                        embedder=fake.name, _env_file=None)
    build_index(TESTS / "fixtures" / "fashion_small.csv", settings, embedder=fake)
    return {
        "CHATREC_INDEX_DIR": str(settings.index_dir),
        "CHATREC_DATA_DIR": str(settings.data_dir),
        "CHATREC_CACHE_DIR": str(settings.cache_dir),
        "CHATREC_EMBEDDER": fake.name,
        "CHATREC_USE_LLM": "false",
        "HF_HUB_OFFLINE": "1",
        "PYTHONPATH": os.pathsep.join([str(TESTS.parent), os.environ.get("PYTHONPATH", "")]),
    }


def _session(env: dict[str, str], scenario: Any) -> Any:
    from mcp import Client, StdioServerParameters

    params = StdioServerParameters(
        command=sys.executable, args=[str(TESTS / "chatrec_fake_embedder.py"), "mcp"], env=env, cwd=str(TESTS.parent)
    )

    async def main() -> Any:
        async with Client(params, read_timeout_seconds=60) as client:
            return await scenario(client)

    return anyio.run(main)


async def _agent(client: Any) -> dict[str, Any]:
    """What an agent does: list the tools, chat, look an item up, give feedback, search, make mistakes."""
    out: dict[str, Any] = {"tools": (await client.list_tools()).tools}
    first = await client.call_tool("recommend", {"message": "black formal shoes for men"})
    reply = first.structured_content
    if not reply["recommendations"]:  # a question: answer with its first option
        first = await client.call_tool(
            "recommend", {"message": reply["question"]["options"][0], "session_id": reply["session_id"]}
        )
        reply = first.structured_content
    out["reply"] = reply
    top = reply["recommendations"][0]["item_id"]
    out["item"] = (await client.call_tool("get_item", {"item_id": top})).structured_content
    out["feedback"] = await client.call_tool(
        "feedback", {"session_id": reply["session_id"], "item_id": top, "kind": "rejected"}
    )
    again = await client.call_tool("recommend", {"message": "show me more", "session_id": reply["session_id"]})
    out["again"] = again.structured_content
    out["search"] = (await client.call_tool(
        "search_catalog",
        {"query": "watch", "limit": 5, "include": {"gender": ["Women"]}, "exclude": {"baseColour": ["Black"]}},
    )).structured_content
    # The fixture lists no prices, and an item without a price fails a price filter.
    out["priced"] = (await client.call_tool("search_catalog", {"query": "watch", "max_price": 3000})).structured_content
    out["unknown_item"] = await client.call_tool("get_item", {"item_id": "no-such-item"})
    out["bad_prices"] = await client.call_tool("search_catalog", {"query": "watch", "min_price": 50, "max_price": 10})
    out["bad_kind"] = await client.call_tool(
        "feedback", {"session_id": reply["session_id"], "item_id": top, "kind": "loved"}
    )
    return out


@pytest.fixture(scope="module")
def stdio_transcript(served: dict[str, str]) -> dict[str, Any]:
    """One agent session with ``chatrec mcp`` started as a stdio subprocess."""
    transcript: dict[str, Any] = _session(served, _agent)
    return transcript


def test_tools_are_listed_with_json_schemas(stdio_transcript: dict[str, Any]) -> None:
    tools = {tool.name: tool for tool in stdio_transcript["tools"]}
    assert set(tools) == {"recommend", "search_catalog", "get_item", "feedback"}
    recommend = tools["recommend"].input_schema
    assert recommend["required"] == ["message"] and {"session_id", "user_id"} <= set(recommend["properties"])
    search = tools["search_catalog"].input_schema["properties"]
    assert {"query", "limit", "min_price", "max_price", "include", "exclude"} <= set(search)
    kinds = tools["feedback"].input_schema["properties"]["kind"]
    assert set(kinds["enum"]) == {"shown", "clicked", "liked", "rejected"}
    assert "recommendations" in tools["recommend"].output_schema["properties"]


def test_an_agent_chats_searches_looks_up_and_gives_feedback(stdio_transcript: dict[str, Any]) -> None:
    out = stdio_transcript
    reply = out["reply"]
    assert reply["session_id"] and all(r["reason"] for r in reply["recommendations"])
    top = reply["recommendations"][0]
    assert out["item"]["id"] == top["item_id"] and out["item"]["title"] == top["title"]
    assert not out["feedback"].is_error and out["feedback"].structured_content["recorded"] is True
    # The rejected item never comes back in that session.
    assert top["item_id"] not in [r["item_id"] for r in out["again"]["recommendations"]]
    assert out["again"]["session_id"] == reply["session_id"]
    hits = out["search"]["hits"]
    assert 0 < len(hits) <= 5
    assert "watch" in hits[0]["title"].lower(), hits
    assert all(hit["attributes"].get("gender") == "Women" for hit in hits), hits
    assert all(hit["attributes"].get("baseColour") != "Black" for hit in hits), hits
    assert out["priced"]["hits"] == []
    assert out["unknown_item"].is_error and "no-such-item" in out["unknown_item"].content[0].text
    assert out["bad_prices"].is_error and "min_price" in out["bad_prices"].content[0].text
    assert out["bad_kind"].is_error


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def test_the_same_tools_over_streamable_http(served: dict[str, str]) -> None:
    import subprocess
    import time

    import httpx
    from mcp import Client

    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, str(TESTS / "chatrec_fake_embedder.py"), "mcp", "--transport", "streamable-http", "--port", str(port)],
        env={**os.environ, **served}, cwd=str(TESTS.parent), stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            try:
                httpx.get(f"http://127.0.0.1:{port}/mcp", timeout=1)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the MCP server did not start within 60 s"
                time.sleep(0.3)

        async def main() -> dict[str, Any]:
            async with Client(f"http://127.0.0.1:{port}/mcp", read_timeout_seconds=60) as client:
                return await _agent(client)

        out = anyio.run(main)
    finally:
        process.terminate()
        process.wait(10)
    assert {tool.name for tool in out["tools"]} == {"recommend", "search_catalog", "get_item", "feedback"}
    assert out["reply"]["recommendations"] and out["item"]["id"] == out["reply"]["recommendations"][0]["item_id"]
    assert out["unknown_item"].is_error
