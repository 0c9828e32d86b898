-- Recently active sessions are listed by their last update (operations, clean-up jobs).
CREATE INDEX sessions_by_updated ON sessions(updated);
