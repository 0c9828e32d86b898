"""``python app.py``: the chatrec chat UI (Gradio) over the index of the settings.

Host and port are Gradio's own ``GRADIO_SERVER_NAME`` / ``GRADIO_SERVER_PORT``; the index
and data folders come from the settings (``CHATREC_INDEX_DIR``, ``CHATREC_DATA_DIR``). Build
an index first with ``chatrec index build CATALOGUE``, or run ``chatrec demo``.
"""

from __future__ import annotations

import logging
import sys

from chatrec.errors import ChatRecError
from chatrec.settings import load_settings


def main() -> None:
    """Build the engine from the settings and serve the UI until interrupted."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from chatrec.recommender import ChatRec
    from chatrec.ui import build_ui, launch_ui

    try:
        settings = load_settings()
        blocks = build_ui(lambda: ChatRec.from_settings(settings))
    except ChatRecError as exc:
        sys.exit(f"chatrec: {exc}\n(or try the bundled demo catalogue: `chatrec demo`)")
    launch_ui(blocks)


if __name__ == "__main__":
    main()
