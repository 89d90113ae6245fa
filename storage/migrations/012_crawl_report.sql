-- One row per (run, municipality): progress while the crawl runs (state, counters updated every
-- second or so) and the crawl report when it is done. Written only by crawler/state.py.
CREATE TABLE IF NOT EXISTS crawl_report (
    run_id       INTEGER NOT NULL REFERENCES runs(run_id),
    kommunkod    TEXT NOT NULL CHECK (length(kommunkod) = 4),
    name         TEXT NOT NULL DEFAULT '',
    website      TEXT NOT NULL DEFAULT '',
    state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done')),
    -- when done: ok, unreachable, robots_disallowed, timeout, error
    status       TEXT NOT NULL DEFAULT '',
    -- when done: frontier_exhausted, budget, no_promising_links, robots_disallowed, error
    stop_reason  TEXT NOT NULL DEFAULT '',
    final_url    TEXT NOT NULL DEFAULT '',
    final_host   TEXT NOT NULL DEFAULT '',
    host_changed INTEGER NOT NULL DEFAULT 0,
    requests     INTEGER NOT NULL DEFAULT 0,
    pages        INTEGER NOT NULL DEFAULT 0,
    bytes        INTEGER NOT NULL DEFAULT 0,
    documents    INTEGER NOT NULL DEFAULT 0,
    unsupported  INTEGER NOT NULL DEFAULT 0,
    refused      INTEGER NOT NULL DEFAULT 0,
    errors       INTEGER NOT NULL DEFAULT 0,
    disallowed   INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT NOT NULL DEFAULT '',
    started_at   TEXT,
    finished_at  TEXT,
    duration_s   REAL NOT NULL DEFAULT 0,
    updated_at   TEXT,
    PRIMARY KEY (run_id, kommunkod)
);
CREATE INDEX IF NOT EXISTS crawl_report_by_state ON crawl_report (run_id, state);
