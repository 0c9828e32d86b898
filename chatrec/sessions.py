"""The SQLite store of sessions, turns, feedback and customer interactions.

One file under the data directory (``settings.db_path``), in WAL mode so that readers never
wait for a writer. Each thread gets its own connection; every write is one transaction, so
a restart loses nothing that was answered. Turns are bounded per session
(``settings.max_history_turns``): older ones are deleted when a new one is added.

Feedback on an item (shown, clicked, liked, rejected) is kept per session and, for sessions
with a known customer, also as an interaction of that customer, so later profiles and
:func:`export_training` (the JSONL ``chatrec train`` reads) learn from it.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from chatrec.errors import ConfigError, InputError, SessionBusyError, SessionNotFoundError

__all__ = [
    "FEEDBACK_KINDS",
    "Interaction",
    "LocalSessionLocks",
    "SessionLocks",
    "SessionStore",
    "Turn",
]

FeedbackKind = Literal["shown", "clicked", "liked", "rejected"]
#: The feedback a front end can report on an item.
FEEDBACK_KINDS: tuple[str, ...] = ("shown", "clicked", "liked", "rejected")
#: Feedback kind to the interaction event it becomes.
_FEEDBACK_EVENTS = {"shown": "impression", "clicked": "click", "liked": "like", "rejected": "dislike"}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    session_id TEXT PRIMARY KEY,
    user_id TEXT,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    state TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS turns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL REFERENCES sessions(session_id),
    role TEXT NOT NULL,
    text TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS turns_by_session ON turns(session_id, id);
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL REFERENCES sessions(session_id),
    item_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_by_session ON feedback(session_id, id);
CREATE TABLE IF NOT EXISTS interactions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    event TEXT NOT NULL,
    rating REAL,
    timestamp REAL,
    source TEXT NOT NULL DEFAULT 'import'
);
CREATE INDEX IF NOT EXISTS interactions_by_user ON interactions(user_id, id);
"""


class SessionLocks(Protocol):
    """One message at a time per session: the lock a turn holds while it reads and writes its session.

    :class:`LocalSessionLocks` serves one process; a store shared by several processes
    plugs in its own (for instance a database advisory lock) through ``ChatRec(locks=...)``.
    """

    def hold(self, session_id: str, wait_seconds: float) -> AbstractContextManager[None]:
        """Hold ``session_id``'s lock for the block, waiting at most ``wait_seconds`` for it.

        The lock is released however the block ends (return, exception, a generator closed
        mid-way) and may be released from another thread than the one that took it.

        Raises:
            SessionBusyError: The session is still busy after the wait, or too many
                messages already wait for it.
        """
        ...


class _SessionLock:
    __slots__ = ("lock", "users")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.users = 0  # the holder and the waiters


class LocalSessionLocks:
    """Per-session locks of one process, kept only while a session is held or awaited.

    Unrelated sessions never share a lock, and memory is bounded by the sessions in use at
    the moment, not by every session ever seen: a lock is dropped when its last user leaves.
    At most ``max_waiters`` messages queue behind a busy session; a further one is turned
    away at once (409) rather than holding a worker thread for the whole wait.

    Args:
        max_waiters: Messages allowed to wait for one busy session.
    """

    def __init__(self, max_waiters: int = 8) -> None:
        self.max_waiters = max_waiters
        self._guard = threading.Lock()
        self._locks: dict[str, _SessionLock] = {}

    def __len__(self) -> int:
        """Sessions held or awaited right now."""
        with self._guard:
            return len(self._locks)

    @contextmanager
    def hold(self, session_id: str, wait_seconds: float) -> Iterator[None]:
        """See :meth:`SessionLocks.hold`."""
        with self._guard:
            entry = self._locks.get(session_id)
            if entry is None:
                entry = self._locks[session_id] = _SessionLock()
            if entry.users > self.max_waiters:
                raise SessionBusyError(
                    f"session {session_id!r} is answering another message and {self.max_waiters} more "
                    "are waiting; try again"
                )
            entry.users += 1
        acquired = False
        try:
            acquired = entry.lock.acquire(timeout=wait_seconds)
            if not acquired:
                raise SessionBusyError(
                    f"session {session_id!r} is still answering another message "
                    f"(waited {wait_seconds:g} s); try again"
                )
            yield
        finally:
            if acquired:
                entry.lock.release()
            with self._guard:
                entry.users -= 1
                if entry.users == 0:
                    del self._locks[session_id]


@dataclass(frozen=True)
class Turn:
    """One stored turn: who spoke, what, and extra data (recommended ids, question)."""

    role: str
    text: str
    payload: dict[str, Any]
    created: float

    def to_dict(self) -> dict[str, Any]:
        """JSON shape: ``{role, text, created, **payload}``."""
        return {"role": self.role, "text": self.text, "created": self.created, **self.payload}


@dataclass(frozen=True)
class Interaction:
    """One event of a customer with an item (imported, or from feedback)."""

    user_id: str
    item_id: str
    event: str
    rating: float | None = None
    timestamp: float | None = None
    source: str = "import"


class SQLSessionQueries:
    """The session store's queries, written once for every SQL backend.

    A backend (:class:`SessionStore` for SQLite, :class:`chatrec.session_store_pg.PostgresSessionStore`)
    provides ``_transaction()`` (a connection whose ``execute`` commits with the block),
    ``_query(sql, params)`` (rows, indexable by position), ``_executemany(db, sql, rows)``, the
    parameter marker ``PARAM`` its driver uses, ``max_turns``, and its own ``create_session``
    and ``claim_session`` (their "insert unless it exists" differs by dialect). SQL here is
    written with ``?`` markers.
    """

    PARAM = "?"
    max_turns: int

    def _transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        raise NotImplementedError

    def _executemany(self, db: Any, sql: str, rows: list[tuple[Any, ...]]) -> None:
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        """``sql`` with the driver's parameter marker."""
        return sql if self.PARAM == "?" else sql.replace("?", self.PARAM)

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        return self._query(self._sql(sql), params)

    def owned_by(self, session_id: str, tenant: str) -> bool:
        """True when the session exists and belongs to ``tenant``."""
        rows = self._rows("SELECT tenant FROM sessions WHERE session_id = ?", (session_id,))
        return bool(rows) and rows[0][0] == tenant

    def exists(self, session_id: str) -> bool:
        """True when the session is stored."""
        return bool(self._rows("SELECT 1 FROM sessions WHERE session_id = ?", (session_id,)))

    def _session_row(self, session_id: str) -> Any:
        rows = self._rows("SELECT user_id, state FROM sessions WHERE session_id = ?", (session_id,))
        if not rows:
            raise SessionNotFoundError(f"no session with id {session_id!r}")
        return rows[0]

    def user_of(self, session_id: str) -> str | None:
        """The customer of a session, or None.

        Raises:
            SessionNotFoundError: Unknown session.
        """
        user: str | None = self._session_row(session_id)[0]
        return user

    def set_user(self, session_id: str, user_id: str) -> None:
        """Attach a customer to a session (a session started anonymously may log in)."""
        with self._transaction() as db:
            db.execute(self._sql("UPDATE sessions SET user_id = ? WHERE session_id = ?"), (user_id, session_id))

    def load_state(self, session_id: str) -> dict[str, Any]:
        """The stored dialogue state of a session.

        Raises:
            SessionNotFoundError: Unknown session.
        """
        state: dict[str, Any] = json.loads(self._session_row(session_id)[1])
        return state

    def save_turn(
        self,
        session_id: str,
        state: dict[str, Any],
        turns: Iterable[tuple[str, str, dict[str, Any]]],
    ) -> None:
        """Store the new state and the turns of one exchange in one transaction.

        Args:
            session_id: An existing session.
            state: The dialogue state after the exchange.
            turns: ``(role, text, payload)`` in order, for instance the customer's message
                and the assistant's reply.
        """
        now = time.time()
        with self._transaction() as db:
            db.execute(
                self._sql("UPDATE sessions SET state = ?, updated = ? WHERE session_id = ?"),
                (json.dumps(state, ensure_ascii=False), now, session_id),
            )
            for role, text, payload in turns:
                db.execute(
                    self._sql("INSERT INTO turns(session_id, role, text, payload, created) VALUES (?, ?, ?, ?, ?)"),
                    (session_id, role, text, json.dumps(payload, ensure_ascii=False), now),
                )
            db.execute(
                self._sql(
                    "DELETE FROM turns WHERE session_id = ? AND id NOT IN "
                    "(SELECT id FROM turns WHERE session_id = ? ORDER BY id DESC LIMIT ?)"
                ),
                (session_id, session_id, self.max_turns),
            )

    def save_state(self, session_id: str, state: dict[str, Any]) -> None:
        """Store a new dialogue state (for instance after a thumbs-down)."""
        self.save_turn(session_id, state, ())

    def turns(self, session_id: str) -> list[Turn]:
        """The kept turns of a session, oldest first.

        Raises:
            SessionNotFoundError: Unknown session.
        """
        self._session_row(session_id)
        rows = self._rows(
            "SELECT role, text, payload, created FROM turns WHERE session_id = ? ORDER BY id", (session_id,)
        )
        return [Turn(r[0], r[1], json.loads(r[2]), r[3]) for r in rows]

    def session_ids(self) -> list[str]:
        """Every stored session id, oldest first."""
        return [row[0] for row in self._rows("SELECT session_id FROM sessions ORDER BY created, session_id")]

    # --- feedback and interactions ----------------------------------------------------------
    def add_feedback(self, session_id: str, item_id: str, kind: str) -> None:
        """Record feedback on an item; for a known customer it becomes an interaction too.

        Raises:
            SessionNotFoundError: Unknown session.
            InputError: Unknown kind.
        """
        if kind not in FEEDBACK_KINDS:
            raise InputError(f"unknown feedback kind {kind!r}; use one of {', '.join(FEEDBACK_KINDS)}")
        user_id = self.user_of(session_id)
        now = time.time()
        with self._transaction() as db:
            db.execute(
                self._sql("INSERT INTO feedback(session_id, item_id, kind, created) VALUES (?, ?, ?, ?)"),
                (session_id, item_id, kind, now),
            )
            if user_id:
                db.execute(
                    self._sql(
                        "INSERT INTO interactions(user_id, item_id, event, rating, timestamp, source) "
                        "VALUES (?, ?, ?, NULL, ?, 'feedback')"
                    ),
                    (user_id, item_id, _FEEDBACK_EVENTS[kind], now),
                )

    def feedback(self, session_id: str) -> list[tuple[str, str]]:
        """``(item_id, kind)`` of a session, oldest first."""
        rows = self._rows("SELECT item_id, kind FROM feedback WHERE session_id = ? ORDER BY id", (session_id,))
        return [(row[0], row[1]) for row in rows]

    def add_interactions(self, interactions: Iterable[Interaction]) -> int:
        """Store interactions in one transaction; returns how many were stored."""
        rows = [(i.user_id, i.item_id, i.event, i.rating, i.timestamp, i.source) for i in interactions]
        if rows:
            with self._transaction() as db:
                self._executemany(
                    db,
                    self._sql(
                        "INSERT INTO interactions(user_id, item_id, event, rating, timestamp, source) "
                        "VALUES (?, ?, ?, ?, ?, ?)"
                    ),
                    rows,
                )
        return len(rows)

    def interactions(self, user_id: str, limit: int = 200) -> list[Interaction]:
        """The latest interactions of a customer (at most ``limit``), oldest first."""
        rows = self._rows(
            "SELECT user_id, item_id, event, rating, timestamp, source FROM interactions "
            "WHERE user_id = ? ORDER BY id DESC LIMIT ?",
            (user_id, limit),
        )
        return [Interaction(r[0], r[1], r[2], r[3], r[4], r[5]) for r in reversed(rows)]

    def users(self) -> list[str]:
        """Every customer with at least one interaction."""
        return [row[0] for row in self._rows("SELECT DISTINCT user_id FROM interactions ORDER BY user_id")]

    def training_examples(self, max_candidates: int = 20) -> Iterator[dict[str, Any]]:
        """One training example per session where the customer clicked or liked something.

        The format is the session format ``chatrec train`` reads.

        Args:
            max_candidates: Shown items kept as the example's candidates (the latest).

        Yields:
            ``{"session_id", "turns": [{"role", "text"}], "positives": [item_id],
            "negatives": [item_id], "candidates": [item_id]}``: the conversation (kept
            turns), the items clicked or liked (positives), those turned down (negatives)
            and the items that were shown (candidates, positives included).
        """
        for session_id in self.session_ids():
            positives: list[str] = []
            negatives: list[str] = []
            shown: list[str] = []
            for item_id, kind in self.feedback(session_id):
                if kind in ("clicked", "liked") and item_id not in positives:
                    positives.append(item_id)
                elif kind == "rejected" and item_id not in negatives:
                    negatives.append(item_id)
                if item_id not in shown:
                    shown.append(item_id)
            if not positives:
                continue
            negatives = [item for item in negatives if item not in positives]
            candidates = [item for item in shown if item not in positives][-(max_candidates - len(positives)):]
            candidates = positives + candidates if max_candidates > len(positives) else positives
            turns = [{"role": t.role, "text": t.text} for t in self.turns(session_id)]
            yield {
                "session_id": session_id,
                "turns": turns,
                "positives": positives,
                "negatives": negatives,
                "candidates": candidates,
            }

    def export_training(self, path: Path | str) -> int:
        """Write :meth:`training_examples` as JSONL; returns the number of examples."""
        path = Path(path)
        count = 0
        with path.open("w", encoding="utf-8") as handle:
            for example in self.training_examples():
                handle.write(json.dumps(example, ensure_ascii=False) + "\n")
                count += 1
        return count


class SessionStore(SQLSessionQueries):
    """Sessions, turns, feedback and interactions in one SQLite file.

    Safe to share between threads (one connection per thread). Use as a context manager or
    call :meth:`close`.

    Args:
        path: The SQLite file; its folder is created.
        max_turns: Turns kept per session (older ones are deleted).
    """

    def __init__(self, path: Path | str, max_turns: int = 20) -> None:
        self.path = Path(path)
        self.max_turns = max_turns
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"cannot create the data folder {self.path.parent}: {exc.strerror or exc}") from exc
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        try:
            with self._transaction() as db:
                db.executescript(_SCHEMA)
                columns = {row[1] for row in db.execute("PRAGMA table_info(sessions)")}
                if "tenant" not in columns:  # a store made before sessions had owners
                    db.execute("ALTER TABLE sessions ADD COLUMN tenant TEXT")
        except sqlite3.Error as exc:
            self.close()
            raise self._error(exc) from exc

    @classmethod
    def from_settings(cls, settings: Any) -> SessionStore:
        """The store at ``settings.db_path``, keeping ``settings.max_history_turns`` turns."""
        return cls(settings.db_path, max_turns=settings.max_history_turns)

    # --- connections ----------------------------------------------------------------------
    def _connection(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            try:
                db = sqlite3.connect(self.path, timeout=30.0, check_same_thread=False)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute("PRAGMA foreign_keys=ON")
            except sqlite3.Error as exc:
                raise self._error(exc) from exc
            db.row_factory = sqlite3.Row
            self._local.db = db
            with self._lock:
                self._connections.append(db)
        return db

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        db = self._connection()
        with db:
            yield db

    def close(self) -> None:
        """Close every connection this store opened."""
        with self._lock:
            for db in self._connections:
                db.close()
            self._connections.clear()
        self._local = threading.local()

    def _error(self, exc: sqlite3.Error) -> ConfigError:
        """A damaged file (not a database, malformed) or one that cannot be opened (permissions, lock)."""
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
            return self._damaged(str(exc))
        return ConfigError(f"cannot open the session store {self.path}: {exc}")

    def _damaged(self, problem: str) -> ConfigError:
        return ConfigError(
            f"the session store {self.path} is damaged ({problem}): stop chatrec, move the file aside "
            f"(the next start makes an empty store) or restore it from a backup; "
            f"`sqlite3 {self.path} .recover` salvages what is still readable"
        )

    def check(self) -> None:
        """Check the whole file (SQLite ``quick_check``); run at server start.

        Raises:
            ConfigError: The file is damaged; the message names it and the fix.
        """
        try:
            rows = self._connection().execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._damaged(str(exc)) from exc
        problems = [" ".join(str(row[0]).replace("***", "").split()) for row in rows if str(row[0]) != "ok"]
        if problems:
            raise self._damaged("; ".join(problems[:3]))

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- sessions -------------------------------------------------------------------------
    def create_session(self, session_id: str | None = None, user_id: str | None = None) -> str:
        """Create a session (a new id when none is given) and return its id."""
        session_id = session_id or uuid.uuid4().hex
        now = time.time()
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO sessions(session_id, user_id, created, updated, state) "
                "VALUES (?, ?, ?, ?, '{}')",
                (session_id, user_id, now, now),
            )
        return session_id

    def claim_session(self, session_id: str, tenant: str) -> bool:
        """Create the session for ``tenant`` unless it exists; True when it belongs to ``tenant``.

        One statement decides, so two tenants racing for a new id cannot both own it. A
        session made without a tenant (by the CLI, the Python API or an API without keys)
        belongs to no tenant.
        """
        now = time.time()
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO sessions(session_id, user_id, created, updated, state, tenant) "
                "VALUES (?, NULL, ?, ?, '{}', ?)",
                (session_id, now, now, tenant),
            )
            row = db.execute("SELECT tenant FROM sessions WHERE session_id = ?", (session_id,)).fetchone()
        return row is not None and row["tenant"] == tenant

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        return self._connection().execute(sql, params).fetchall()

    def _executemany(self, db: Any, sql: str, rows: list[tuple[Any, ...]]) -> None:
        db.executemany(sql, rows)
