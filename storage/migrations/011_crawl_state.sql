-- The crawl frontier and seen-set, per run and municipality, so that a killed crawl resumes
-- where it stopped (SIGKILL-safe: rows are committed in small transactions; a page's outlinks
-- are committed together with the page's 'done' mark). Written only by crawler/state.py.
CREATE TABLE IF NOT EXISTS crawl_urls (
    run_id      INTEGER NOT NULL REFERENCES runs(run_id),
    kommunkod   TEXT NOT NULL,
    url         TEXT NOT NULL,          -- canonical form: the seen-set key
    request_url TEXT NOT NULL,          -- what is requested
    state       TEXT NOT NULL CHECK (state IN ('queued', 'done', 'failed', 'skipped')),
    kind        TEXT NOT NULL,          -- home, page, document, sitemap, search, previous
    priority    INTEGER NOT NULL DEFAULT 0,
    depth       INTEGER NOT NULL DEFAULT 0,
    referrer    TEXT NOT NULL DEFAULT '',
    anchor      TEXT NOT NULL DEFAULT '',
    heading     TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL DEFAULT '',   -- error or skip reason
    PRIMARY KEY (run_id, kommunkod, url)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS crawl_urls_by_state ON crawl_urls (run_id, kommunkod, state);
