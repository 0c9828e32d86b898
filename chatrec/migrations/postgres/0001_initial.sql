-- Sessions, turns, feedback and customer interactions: the tables of chatrec.sessions' SQLite store.
CREATE TABLE sessions (
    session_id TEXT PRIMARY KEY,
    user_id TEXT,
    created DOUBLE PRECISION NOT NULL,
    updated DOUBLE PRECISION NOT NULL,
    state TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE turns (
    id BIGSERIAL PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(session_id),
    role TEXT NOT NULL,
    text TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    created DOUBLE PRECISION NOT NULL
);
CREATE INDEX turns_by_session ON turns(session_id, id);
CREATE TABLE feedback (
    id BIGSERIAL PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(session_id),
    item_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    created DOUBLE PRECISION NOT NULL
);
CREATE INDEX feedback_by_session ON feedback(session_id, id);
CREATE TABLE interactions (
    id BIGSERIAL PRIMARY KEY,
    user_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    event TEXT NOT NULL,
    rating DOUBLE PRECISION,
    timestamp DOUBLE PRECISION,
    source TEXT NOT NULL DEFAULT 'import'
);
CREATE INDEX interactions_by_user ON interactions(user_id, id);
