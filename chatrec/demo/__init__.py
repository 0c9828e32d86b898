"""The demo catalogues bundled with chatrec, and building their index.

``fashion`` (default): 5,000 products drawn at random (seed 42) from the 44k "Fashion Product
Images (Small)" styles table: attribute-rich (gender, article type, colour, season, usage), no
prices. ``electronics``: the 1,351 distinct products of the Kaggle "Amazon Sales" data set
(Amazon India), with prices in INR, images, and reviewer ids that give real sparse customer
histories. See ``README.md`` in this folder for sources and terms.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chatrec.errors import ConfigError
from chatrec.index import BuildReport, build_index
from chatrec.settings import Settings

__all__ = [
    "DEMO_CATALOGS",
    "DemoCatalog",
    "demo_catalog",
    "demo_hint",
    "demo_settings",
    "ensure_demo_histories",
    "ensure_demo_index",
    "use_demo_lines",
]

_HERE = Path(__file__).parent


@dataclass(frozen=True)
class DemoCatalog:
    """A bundled catalogue: its file, its column mapping and, if any, customer histories."""

    name: str
    catalog: Path
    mapping: Path
    histories: Path | None = None


DEMO_CATALOGS: dict[str, DemoCatalog] = {
    "fashion": DemoCatalog("fashion", _HERE / "fashion.csv", _HERE / "fashion.mapping.yaml"),
    "electronics": DemoCatalog(
        "electronics",
        _HERE / "electronics.csv",
        _HERE / "electronics.mapping.yaml",
        _HERE / "electronics_histories.csv",
    ),
}


def demo_catalog(name: str = "fashion") -> DemoCatalog:
    """The bundled demo catalogue of this name.

    Raises:
        ConfigError: No demo catalogue has this name.
    """
    try:
        return DEMO_CATALOGS[name]
    except KeyError:
        raise ConfigError(f"no demo catalogue {name!r}; choose one of {', '.join(DEMO_CATALOGS)}") from None


def ensure_demo_index(settings: Settings, name: str = "fashion", progress: bool = True) -> BuildReport:
    """Build (or bring up to date) the index of a demo catalogue in ``settings.index_dir``.

    Returns at once when the index is already up to date.
    """
    demo = demo_catalog(name)
    return build_index(demo.catalog, settings, mapping=demo.mapping, progress=progress)


def ensure_demo_histories(settings: Settings, name: str = "fashion") -> list[str]:
    """Load the demo catalogue's customer histories into the store of ``settings.data_dir``.

    Imports only into a store that has no customers yet, so running the demo again adds
    nothing twice.

    Returns:
        The ids of the customers who have a history (empty for a catalogue without histories).
    """
    from chatrec.history import import_interactions
    from chatrec.index import open_index
    from chatrec.sessions import SessionStore

    demo = demo_catalog(name)
    if demo.histories is None:
        return []
    with SessionStore.from_settings(settings) as store:
        if not store.users():
            import_interactions(demo.histories, store, known_items=open_index(settings.index_dir))
        return store.users()


def demo_settings(
    settings: Settings, name: str = "fashion", index_dir: Path | None = None, no_llm: bool = False
) -> Settings:
    """The settings the demo runs with: its index and data in folders of their own under the cache.

    The demo never replaces the index or the sessions of your own catalogue: its index goes
    to ``CACHE_DIR/demo/NAME`` and its sessions to ``CACHE_DIR/demo/NAME-data`` (unless
    ``index_dir`` is given).
    """
    demo_catalog(name)
    return settings.updated(
        index_dir=index_dir or settings.cache_dir / "demo" / name,
        data_dir=settings.cache_dir / "demo" / f"{name}-data",
        **({"use_llm": False} if no_llm else {}),
    )


def use_demo_lines(settings: Settings) -> list[str]:
    """What to type to use the demo's index from the other commands and from Python."""
    env = f"CHATREC_INDEX_DIR={settings.index_dir} CHATREC_DATA_DIR={settings.data_dir}"
    return [
        "To use this index from code or the other commands, set its folders:",
        f"  export {env}",
        "  chatrec chat        # or: chatrec ask 'a blue shirt', chatrec serve, python app.py",
        "  python -c 'from chatrec import ChatRec; print(ChatRec.from_settings().respond(\"a blue shirt\").text)'",
    ]


def demo_hint(settings: Settings) -> str:
    """A sentence naming the demo indexes already built (for a "no index" error), or ""."""
    folder = settings.cache_dir / "demo"
    built = sorted(path.parent for path in folder.glob("*/manifest.json")) if folder.is_dir() else []
    if not built:
        return ""
    first = built[0]
    return (
        f"; or use the demo's index: CHATREC_INDEX_DIR={first} CHATREC_DATA_DIR={first}-data"
    )
