-- Every link the crawl followed to a candidate (files, and pages it found promising), per run:
-- which pages point at it, with which anchor text and heading. A document's provenance
-- (documents.referrer/anchor_text/heading) is settled from these when its municipality is done:
-- the most informative link (anchor and heading words), ties by page URL, so the result does not
-- depend on the order in which pages happened to be crawled (e.g. after a resume).
-- Written only by crawler/state.py; read by pipelines/store.py.
CREATE TABLE IF NOT EXISTS document_links (
    run_id    INTEGER NOT NULL REFERENCES runs(run_id),
    kommunkod TEXT NOT NULL,
    url       TEXT NOT NULL,      -- canonical target URL (documents.url)
    page_url  TEXT NOT NULL,      -- the page the link is on
    anchor    TEXT NOT NULL DEFAULT '',
    heading   TEXT NOT NULL DEFAULT '',
    weight    REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, kommunkod, url, page_url)
) WITHOUT ROWID;
