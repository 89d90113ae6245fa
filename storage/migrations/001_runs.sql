-- Runs and the municipalities they cover. Later migrations add documents, extractions,
-- tags, decisions and reviews.
CREATE TABLE IF NOT EXISTS municipalities (
    kommunkod     TEXT PRIMARY KEY CHECK (length(kommunkod) = 4),
    name          TEXT NOT NULL,
    official_name TEXT NOT NULL DEFAULT '',
    county_code   TEXT NOT NULL,
    county_name   TEXT NOT NULL DEFAULT '',
    website       TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    run_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    year        INTEGER NOT NULL,
    label       TEXT NOT NULL DEFAULT '',
    started_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    finished_at TEXT,
    status      TEXT NOT NULL DEFAULT 'running',
    params_json TEXT NOT NULL DEFAULT '{}'
);
