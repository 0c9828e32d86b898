"""The ``chatrec`` command with the hashing fake embedder, for tests that run it as a subprocess.

``python tests/chatrec_fake_embedder.py mcp ...`` or ``... serve --port N`` runs the real command
(``chatrec.cli.main``) in a fresh interpreter; only the embedder is swapped for
:class:`fakes.HashingEmbedder`, so an index a test built with it is searchable. With several
``serve --workers``, uvicorn's worker processes would load the real embedder: run several
single-worker processes instead, as these tests do.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from fakes import HashingEmbedder  # noqa: E402

import chatrec.index  # noqa: E402
import chatrec.retrieval  # noqa: E402
from chatrec.cli import main  # noqa: E402

if __name__ == "__main__":
    fake = HashingEmbedder()
    chatrec.index.load_embedder = lambda settings: fake  # type: ignore[assignment]
    chatrec.retrieval.load_embedder = lambda settings: fake  # type: ignore[assignment]
    main(sys.argv[1:])
