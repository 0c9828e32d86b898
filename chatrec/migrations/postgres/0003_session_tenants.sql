-- Sessions belong to the API key (tenant) that created them; NULL: made without keys.
ALTER TABLE sessions ADD COLUMN tenant TEXT;
