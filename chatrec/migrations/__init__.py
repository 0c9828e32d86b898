"""Versioned schema migrations of the PostgreSQL session store (one ``NNNN_name.sql`` file per version)."""
