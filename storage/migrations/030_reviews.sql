-- The analyst's review loop: each exported review workbook, and each human decision.
-- review_exports: one row per granskning.xlsx written; snapshot_json holds what the locked
-- (machine) columns said per row, so an import can name every edited cell, and the machine's
-- tag values, so reviews can become training rows.
CREATE TABLE IF NOT EXISTS review_exports (
    export_id         TEXT PRIMARY KEY,
    run_id            INTEGER NOT NULL REFERENCES runs(run_id),
    year              INTEGER NOT NULL,
    lang              TEXT NOT NULL CHECK (lang IN ('sv', 'en')),
    file_name         TEXT NOT NULL,
    checksum          TEXT NOT NULL,
    document_rows     INTEGER NOT NULL,
    municipality_rows INTEGER NOT NULL,
    snapshot_json     TEXT NOT NULL CHECK (json_valid(snapshot_json)),
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);

-- One human decision on one tag. Documents are keyed by sha256 (the decision follows the
-- bytes into later runs), municipality decisions by kommunkod + year. value is JSON.
-- tag is a classifier tag, a municipality tag (program_found, decision_reason, program_url),
-- 'confirmed' (row checked, machine values accepted) or 'comment' (a comment alone).
CREATE TABLE IF NOT EXISTS reviews (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id      INTEGER REFERENCES runs(run_id),
    export_id   TEXT REFERENCES review_exports(export_id),
    target      TEXT NOT NULL CHECK (target IN ('document', 'municipality')),
    sha256      TEXT,
    kommunkod   TEXT,
    year        INTEGER,
    tag         TEXT NOT NULL,
    value       TEXT NOT NULL DEFAULT 'null' CHECK (json_valid(value)),
    reviewer    TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
    reviewed_at TEXT NOT NULL,
    comment     TEXT,
    CHECK ((target = 'document' AND sha256 IS NOT NULL)
        OR (target = 'municipality' AND kommunkod IS NOT NULL AND year IS NOT NULL))
);

CREATE INDEX IF NOT EXISTS reviews_by_sha256 ON reviews(sha256);
CREATE INDEX IF NOT EXISTS reviews_by_municipality ON reviews(kommunkod, year);
CREATE INDEX IF NOT EXISTS reviews_by_export ON reviews(export_id);
