-- The yearly run's own results: which municipalities a run covers, each candidate document's
-- classification (per run, municipality and bytes), and one decision per municipality.
-- Written only by pipelines/run/ (classify_stage.py, decide_stage.py).
CREATE TABLE IF NOT EXISTS run_municipalities (
    run_id    INTEGER NOT NULL REFERENCES runs(run_id),
    kommunkod TEXT NOT NULL CHECK (length(kommunkod) = 4),
    name      TEXT NOT NULL,
    official_name TEXT NOT NULL DEFAULT '',
    county_code TEXT NOT NULL,
    county_name TEXT NOT NULL DEFAULT '',
    website   TEXT NOT NULL,
    PRIMARY KEY (run_id, kommunkod)
);

CREATE TABLE IF NOT EXISTS classifications (
    run_id             INTEGER NOT NULL REFERENCES runs(run_id),
    kommunkod          TEXT NOT NULL,
    sha256             TEXT NOT NULL CHECK (length(sha256) = 64),
    year               INTEGER NOT NULL,
    stage              TEXT NOT NULL CHECK (stage IN ('screen', 'full', 'none')),
    extraction_status  TEXT NOT NULL,
    relevant           INTEGER,
    flagged            INTEGER NOT NULL DEFAULT 0,
    confidence         REAL NOT NULL DEFAULT 0,
    result_json        TEXT NOT NULL CHECK (json_valid(result_json)),
    classifier_version TEXT NOT NULL,
    model_hash         TEXT NOT NULL,
    classified_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    PRIMARY KEY (run_id, kommunkod, sha256)
);
CREATE INDEX IF NOT EXISTS classifications_by_blob ON classifications (sha256);

CREATE TABLE IF NOT EXISTS decisions (
    run_id             INTEGER NOT NULL REFERENCES runs(run_id),
    kommunkod          TEXT NOT NULL,
    year               INTEGER NOT NULL,
    program_found      INTEGER NOT NULL,
    primary_sha256     TEXT,
    action_plan_json   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(action_plan_json)),
    reason             TEXT,
    detail             TEXT NOT NULL DEFAULT '',
    confidence         REAL NOT NULL DEFAULT 0,
    flagged            INTEGER NOT NULL DEFAULT 0,
    flag_reasons_json  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flag_reasons_json)),
    silence_json       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(silence_json)),
    program_json       TEXT CHECK (program_json IS NULL OR json_valid(program_json)),
    classifier_version TEXT NOT NULL,
    model_hash         TEXT NOT NULL,
    decided_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    PRIMARY KEY (run_id, kommunkod)
);
