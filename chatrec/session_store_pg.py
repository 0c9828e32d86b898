"""Sessions, turns, feedback and interactions in PostgreSQL, for several chatrec processes at once.

Chosen with ``CHATREC_DATABASE_URL=postgresql://user:password@host:5432/db`` (psycopg 3);
SQLite (:class:`chatrec.sessions.SessionStore`) stays the default. :func:`open_session_store`
picks the store the settings ask for.

:class:`PostgresSessionStore` has the SQLite store's methods and, in addition, :meth:`hold`:
the per-session lock as a PostgreSQL advisory lock, held on a connection of its own for the
whole turn. Two replicas (or two threads of one) asking for the same session wait for each
other, so one session's turns never interleave; a process that dies releases its locks with
its connections. Waiting longer than ``session_wait_seconds`` raises
:class:`~chatrec.errors.SessionBusyError` (HTTP 409), as in one process.

The schema is versioned: the ``chatrec/migrations/postgres/NNNN_name.sql`` files are applied in
order, each once, in one transaction under an advisory lock (replicas starting together do
not race), and recorded in ``chatrec_migrations``. A database migrated by a newer chatrec is
refused rather than misread.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chatrec.errors import ConfigError, SessionBusyError
from chatrec.sessions import SessionStore, SQLSessionQueries

__all__ = [
    "MIGRATIONS_DIR",
    "Migration",
    "PostgresSessionStore",
    "apply_migrations",
    "load_migrations",
    "open_session_store",
    "redact_url",
]

logger = logging.getLogger(__name__)

#: The shipped migrations of the PostgreSQL schema.
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations" / "postgres"
# Advisory-lock key of the migration runner (any constant outside the session keys' use).
_MIGRATION_LOCK = 0x63686174726563  # "chatrec"
_MIGRATION_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


def redact_url(url: str) -> str:
    """The URL with its password replaced by ``***`` (for messages and logs)."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def open_session_store(settings: Any) -> Any:
    """The store the settings ask for: PostgreSQL when ``database_url`` is set, else SQLite.

    Raises:
        ConfigError: The database cannot be reached or its schema is newer than this chatrec.
    """
    url = getattr(settings, "database_url", None)
    if url:
        return PostgresSessionStore(url, max_turns=settings.max_history_turns)
    return SessionStore.from_settings(settings)


# --- migrations ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Migration:
    """One schema version: its number, name and SQL."""

    version: int
    name: str
    sql: str


def load_migrations(folder: Path = MIGRATIONS_DIR) -> list[Migration]:
    """The migrations in ``folder``, by version.

    Raises:
        ConfigError: A file named against the ``NNNN_name.sql`` scheme, or two files with one version.
    """
    migrations: dict[int, Migration] = {}
    for path in sorted(folder.glob("*.sql")):
        match = _MIGRATION_FILE.match(path.name)
        if match is None:
            raise ConfigError(f"migration file {path} is not named NNNN_name.sql")
        version = int(match.group(1))
        if version in migrations:
            raise ConfigError(f"two migrations have version {version}: {migrations[version].name} and {path.name}")
        migrations[version] = Migration(version, match.group(2), path.read_text(encoding="utf-8"))
    return [migrations[v] for v in sorted(migrations)]


def apply_migrations(connection: Any, migrations: list[Migration] | None = None) -> list[int]:
    """Bring the database's schema up to date; returns the versions applied now (oldest first).

    Runs in one transaction under an advisory lock: concurrent callers apply each version once.

    Raises:
        ConfigError: The database has a version this chatrec does not know (a newer chatrec
            migrated it).
    """
    migrations = load_migrations() if migrations is None else migrations
    known = {m.version for m in migrations}
    applied: list[int] = []
    with connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        connection.execute(
            "CREATE TABLE IF NOT EXISTS chatrec_migrations ("
            "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied DOUBLE PRECISION NOT NULL)"
        )
        done = {int(row[0]) for row in connection.execute("SELECT version FROM chatrec_migrations")}
        unknown = sorted(done - known)
        if unknown:
            raise ConfigError(
                f"the session database has schema version {unknown[-1]}, newer than this chatrec knows "
                f"({max(known, default=0)}); upgrade chatrec"
            )
        for migration in migrations:
            if migration.version in done:
                continue
            connection.execute(migration.sql)
            connection.execute(
                "INSERT INTO chatrec_migrations(version, name, applied) VALUES (%s, %s, %s)",
                (migration.version, migration.name, time.time()),
            )
            applied.append(migration.version)
    if applied:
        logger.info("session database migrated to version %d (applied %s)", applied[-1], applied)
    return applied


# --- the store -----------------------------------------------------------------------------------
def _lock_key(session_id: str) -> int:
    """A signed 64-bit advisory-lock key for a session id (a hash: ids of any length fit)."""
    return int.from_bytes(hashlib.blake2b(session_id.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


class PostgresSessionStore(SQLSessionQueries):
    """The session store in PostgreSQL, shared by any number of chatrec processes.

    Same methods and results as :class:`chatrec.sessions.SessionStore`, plus :meth:`hold`.
    Thread-safe: queries take a connection from a pool, locks from a pool of their own.

    Args:
        url: ``postgresql://user:password@host:port/database`` (libpq's URL or key=value form).
        max_turns: Turns kept per session.
        pool_size: Most connections for queries.
        lock_pool_size: Most sessions this process can hold locked at once.
        migrations: The schema versions to apply (default: the shipped ones).
        connect_timeout: Seconds to wait for the first connection.

    Raises:
        ConfigError: The database cannot be reached, or its schema is newer than this chatrec.
    """

    def __init__(
        self,
        url: str,
        max_turns: int = 20,
        *,
        pool_size: int = 8,
        lock_pool_size: int = 32,
        migrations: list[Migration] | None = None,
        connect_timeout: float = 10.0,
    ) -> None:
        import psycopg
        from psycopg_pool import ConnectionPool

        self.url = url
        self.max_turns = max_turns
        self.connect_timeout = connect_timeout
        shown = redact_url(url)
        kwargs = {"autocommit": True}
        try:
            self._pool = ConnectionPool(url, min_size=1, max_size=pool_size, kwargs=kwargs, open=False,
                                        name="chatrec-sessions")
            self._pool.open(wait=True, timeout=connect_timeout)
            # One lock connection is kept open: opening one is no part of waiting for a session.
            self._locks = ConnectionPool(url, min_size=1, max_size=lock_pool_size, kwargs=kwargs, open=False,
                                         name="chatrec-session-locks")
            self._locks.open(wait=True, timeout=connect_timeout)
        except psycopg.Error as exc:  # the pool's PoolTimeout is a psycopg.Error too
            raise ConfigError(f"cannot connect to the session database {shown}: {exc}") from exc
        try:
            with self._pool.connection() as connection:
                apply_migrations(connection, migrations)
        except psycopg.Error as exc:
            self.close()
            raise ConfigError(f"cannot migrate the session database {shown}: {exc}") from exc
        except ConfigError:
            self.close()
            raise

    @classmethod
    def from_settings(cls, settings: Any) -> PostgresSessionStore:
        """The store at ``settings.database_url``, keeping ``settings.max_history_turns`` turns."""
        if not settings.database_url:
            raise ConfigError("database_url is not set (CHATREC_DATABASE_URL=postgresql://...)")
        return cls(settings.database_url, max_turns=settings.max_history_turns)

    def close(self) -> None:
        """Close every connection of both pools."""
        self._pool.close()
        if hasattr(self, "_locks"):
            self._locks.close()

    def __enter__(self) -> PostgresSessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Any]:
        with self._pool.connection() as connection, connection.transaction():
            yield connection

    PARAM = "%s"

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self._pool.connection() as connection:
            return list(connection.execute(sql, params).fetchall())

    def _executemany(self, db: Any, sql: str, rows: list[tuple[Any, ...]]) -> None:
        with db.cursor() as cursor:
            cursor.executemany(sql, rows)

    # --- the cross-process session lock --------------------------------------------------------
    @contextlib.contextmanager
    def hold(self, session_id: str, wait_seconds: float) -> Iterator[None]:
        """Hold the session's advisory lock for the block (one turn at a time, across processes).

        Raises:
            SessionBusyError: Still locked by another turn after ``wait_seconds``.
        """
        import psycopg
        from psycopg_pool import PoolTimeout

        # Opening a lock connection on a busy machine may take longer than the wait for the session:
        # the wait for the lock itself starts once a connection is in hand.
        try:
            connection = self._locks.getconn(timeout=wait_seconds + self.connect_timeout)
        except PoolTimeout as exc:
            raise SessionBusyError(
                f"session {session_id!r} waited {wait_seconds + self.connect_timeout:g} s for a lock connection "
                "(this process holds too many sessions at once); try again"
            ) from exc
        key = _lock_key(session_id)
        locked = False
        try:
            left_ms = max(1, int(wait_seconds * 1000))
            connection.execute("SELECT set_config('lock_timeout', %s, false)", (f"{left_ms}ms",))
            try:
                connection.execute("SELECT pg_advisory_lock(%s)", (key,))
            except psycopg.errors.LockNotAvailable as exc:
                raise SessionBusyError(
                    f"session {session_id!r} is still answering another message "
                    f"(waited {wait_seconds:g} s); try again"
                ) from exc
            locked = True
            yield
        finally:
            if locked and not connection.closed:
                try:
                    connection.execute("SELECT pg_advisory_unlock(%s)", (key,))
                except psycopg.Error as exc:
                    # A broken connection releases its locks as it closes: drop it from the pool.
                    logger.warning("could not unlock session %r: %s", session_id, exc)
                    connection.close()
            self._locks.putconn(connection)

    # --- sessions -----------------------------------------------------------------------------
    def create_session(self, session_id: str | None = None, user_id: str | None = None) -> str:
        """Create a session (a new id when none is given) and return its id."""
        session_id = session_id or uuid.uuid4().hex
        now = time.time()
        with self._transaction() as db:
            db.execute(
                "INSERT INTO sessions(session_id, user_id, created, updated, state) VALUES (%s, %s, %s, %s, '{}') "
                "ON CONFLICT (session_id) DO NOTHING",
                (session_id, user_id, now, now),
            )
        return session_id

    def claim_session(self, session_id: str, tenant: str) -> bool:
        """Create the session for ``tenant`` unless it exists; True when it belongs to ``tenant``.

        One statement decides, so two tenants racing for a new id cannot both own it.
        """
        now = time.time()
        with self._transaction() as db:
            db.execute(
                "INSERT INTO sessions(session_id, user_id, created, updated, state, tenant) "
                "VALUES (%s, NULL, %s, %s, '{}', %s) ON CONFLICT (session_id) DO NOTHING",
                (session_id, now, now, tenant),
            )
            row = db.execute("SELECT tenant FROM sessions WHERE session_id = %s", (session_id,)).fetchone()
        return row is not None and row[0] == tenant

    def check(self) -> None:
        """Check that the database answers and its schema is this chatrec's (run at server start).

        Raises:
            ConfigError: The database does not answer, or lacks a migration.
        """
        import psycopg

        try:
            rows = self._query("SELECT max(version) FROM chatrec_migrations")
        except psycopg.Error as exc:
            raise ConfigError(f"the session database {redact_url(self.url)} does not answer: {exc}") from exc
        expected = max((m.version for m in load_migrations()), default=0)
        if not rows or rows[0][0] is None or int(rows[0][0]) < expected:
            raise ConfigError(
                f"the session database {redact_url(self.url)} is at schema version {rows[0][0] if rows else None}, "
                f"not {expected}; restart chatrec to migrate it"
            )

