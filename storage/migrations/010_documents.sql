-- Content-addressed blobs (files under <blobs>/<sha[0:2]>/<sha[2:4]>/<sha>) and the provenance
-- of every candidate document a crawl found: one row per (run, municipality, URL).
-- Written only by pipelines/store.py.
CREATE TABLE IF NOT EXISTS blobs (
    sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL CHECK (size >= 0),
    kind       TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);

CREATE TABLE IF NOT EXISTS documents (
    document_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id           INTEGER NOT NULL REFERENCES runs(run_id),
    kommunkod        TEXT NOT NULL CHECK (length(kommunkod) = 4),
    url              TEXT NOT NULL,
    final_url        TEXT NOT NULL,
    referrer         TEXT NOT NULL DEFAULT '',
    anchor_text      TEXT NOT NULL DEFAULT '',
    heading          TEXT NOT NULL DEFAULT '',
    -- stored: new bytes kept; reused: 304 Not Modified, the earlier blob is linked;
    -- unsupported: legacy format (doc, odt, rtf) kept but not extractable; too_large: refused.
    status           TEXT NOT NULL CHECK (status IN ('stored', 'reused', 'unsupported', 'too_large')),
    reason           TEXT NOT NULL DEFAULT '',
    http_status      INTEGER,
    content_type     TEXT NOT NULL DEFAULT '',
    kind             TEXT NOT NULL DEFAULT '',
    filename         TEXT NOT NULL DEFAULT '',
    title            TEXT NOT NULL DEFAULT '',
    sha256           TEXT REFERENCES blobs(sha256),
    size             INTEGER,
    etag             TEXT NOT NULL DEFAULT '',
    last_modified    TEXT NOT NULL DEFAULT '',
    fetched_at       TEXT NOT NULL,
    depth            INTEGER,
    score            REAL,
    requests_to_find INTEGER,
    UNIQUE (run_id, kommunkod, url),
    CHECK ((status IN ('stored', 'reused', 'unsupported')) = (sha256 IS NOT NULL))
);
CREATE INDEX IF NOT EXISTS documents_by_blob ON documents (sha256);
CREATE INDEX IF NOT EXISTS documents_by_municipality ON documents (kommunkod, run_id);
