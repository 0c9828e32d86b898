"""The built wheel works on its own: installed in a fresh venv, it finds its prompts and answers a turn."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_SCRIPT = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    sys.path.append(sys.argv[2])  # tests/, for the fake embedder only
    import chatrec
    from fakes import HashingEmbedder
    from chatrec import ChatRec
    from chatrec.index import build_index
    from chatrec.prompting import default_prompts_dir
    from chatrec.retrieval import Retriever
    from chatrec.settings import Settings

    work = Path(sys.argv[1])
    settings = Settings(index_dir=work / "index", data_dir=work / "data", cache_dir=work / "cache",
                        use_llm=False, _env_file=None)
    embedder = HashingEmbedder()
    build_index(Path(sys.argv[3]), settings, embedder=embedder)
    rec = ChatRec(settings, retriever=Retriever.open(settings, embedder=embedder))
    reply = rec.respond("blue shirts for men, just show me", session_id="w1")
    print(json.dumps({"package": chatrec.__file__, "prompts": str(default_prompts_dir()),
                      "text": reply.text, "items": len(reply.recommendations)}))
""")


@pytest.mark.slow
def test_the_installed_wheel_answers_a_turn(tmp_path: Path) -> None:
    # Built from a clean copy of the sources: no stale build/ folder can slip into the wheel.
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "*.egg-info", "__pycache__", ".mypy_cache", "tests", "index", "bench"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(wheels)], check=True, cwd=tmp_path)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    wheel = next(wheels.glob("chatrec-*.whl"))
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)], check=True)
    # The dependencies come from this environment (no network): its site-packages, after the venv's own.
    own = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                         check=True, capture_output=True, text=True).stdout.strip()
    (Path(own) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    script = tmp_path / "turn.py"
    script.write_text(_SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [str(python), str(script), str(tmp_path), str(ROOT / "tests"), str(ROOT / "tests/fixtures/fashion_small.csv")],
        check=True, capture_output=True, text=True, cwd=tmp_path,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["package"].startswith(str(venv)), result  # the installed copy, not the checkout
    assert Path(result["prompts"]) == Path(result["package"]).parent / "prompts"
    assert result["items"] > 0 and result["text"]
