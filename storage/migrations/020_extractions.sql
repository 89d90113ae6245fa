-- Text extraction results, cached by content: one row per (sha256, extractor version, mode).
-- An unchanged file is never extracted twice, across runs and years; a new extractor version
-- (pipelines.extract.result.EXTRACTOR_VERSION) extracts again. Written only by
-- pipelines/extract/cache.py. JSON columns hold lists/objects as written by ExtractionResult.
CREATE TABLE IF NOT EXISTS extractions (
    sha256               TEXT NOT NULL CHECK (length(sha256) = 64),
    extractor_version    TEXT NOT NULL,
    mode                 TEXT NOT NULL CHECK (mode IN ('screen', 'full')),
    status               TEXT NOT NULL CHECK (status IN ('ok', 'no_text_layer', 'encrypted', 'corrupt',
                                                         'too_large', 'unsupported_format', 'timeout')),
    format               TEXT,
    source               TEXT NOT NULL DEFAULT '',
    title                TEXT,
    page_count           INTEGER NOT NULL DEFAULT 0,
    pages_json           TEXT NOT NULL DEFAULT '[]',
    pages_extracted_json TEXT NOT NULL DEFAULT '[]',
    headings_json        TEXT NOT NULL DEFAULT '[]',
    tables_json          TEXT NOT NULL DEFAULT '[]',
    metadata_json        TEXT NOT NULL DEFAULT '{}',
    ocr_pages_json       TEXT NOT NULL DEFAULT '[]',
    timings_json         TEXT NOT NULL DEFAULT '{}',
    error                TEXT,
    extracted_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (sha256, extractor_version, mode)
);

CREATE INDEX IF NOT EXISTS extractions_status ON extractions (status);
