"""Median understanding latency over the engine test's 24 turns: in-process (jump-forward on/off)
vs llama-cpp-python's server (logits_all on/off) on the exported understanding GGUF.

    chatrec models export-gguf --job understand --out /tmp/i16b/gguf/understand-f32.gguf
    PYTHONPATH=. OMP_NUM_THREADS=1 python bench/bench_understanding_engine.py /tmp/i16b/gguf/understand-f32.gguf
"""
import json, statistics, subprocess, sys, time, tempfile, os
from pathlib import Path
import httpx
sys.path.insert(0, "tests/integration")
from test_llm_remote_llamacpp import TURNS, FIXTURE
from chatrec.catalog import load_catalog
from chatrec.vocabulary import CatalogueVocabulary
from chatrec.llm import LLM
from chatrec.llm_remote import RemoteLLM
from chatrec.llm_understanding import LLMUnderstander, turn_text, understanding_settings
from chatrec.llm_understanding_remote import RemoteUnderstander
from chatrec.settings import Settings

items = list(load_catalog(FIXTURE).items)
voc = CatalogueVocabulary.from_items(items)
settings = Settings(_env_file=None, adapter="none", llm_dtype="float32")
llm = LLM(understanding_settings(settings))
texts = None
def run(u):
    global texts
    texts = [turn_text(u.library, m, items[:n], c, p) for m, n, c, p in TURNS]
    u.generate(texts[0])
    out = []
    for t in texts:
        s = time.perf_counter(); u.generate(t); out.append(time.perf_counter() - s)
    return statistics.median(out)
res = {}
for jf in (True, False):
    res[f"in-process jump_forward={jf}"] = run(LLMUnderstander(llm, voc, style="short", jump_forward=jf, timeout_seconds=60))
for la in (True, False):
    port = 8091
    p = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", sys.argv[1],
        "--port", str(port), "--n_ctx", "1024", "--n_threads", "1", "--logits_all", str(la).lower(), "--verbose", "false"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(120):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/v1/models", timeout=2).status_code == 200: break
            except httpx.TransportError: pass
            time.sleep(0.5)
        r = RemoteUnderstander(RemoteLLM(settings.model_copy(update={"llm_url": f"http://127.0.0.1:{port}/v1", "llm_timeout_seconds": 60})), voc, style="short", timeout_seconds=60)
        res[f"llama.cpp logits_all={la}"] = run(r)
    finally:
        p.terminate(); p.wait(20)
print(json.dumps({k: round(v, 3) for k, v in res.items()}, indent=1))
