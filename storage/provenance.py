"""Document provenance settled from the recorded inbound links (``document_links``)."""

from __future__ import annotations

import sqlite3

from storage.db import transaction


def settle_provenance(conn: sqlite3.Connection, run_id: int, kommunkod: str) -> int:
    """Give each of the municipality's documents in the run its most informative inbound link
    (``document_links``: highest weight, then the smallest page URL) as referrer, anchor text and
    heading, so that provenance does not depend on crawl order. Returns the rows changed."""
    with transaction(conn):
        cur = conn.execute(
            """UPDATE documents SET referrer = best.page_url, anchor_text = best.anchor, heading = best.heading
                 FROM (SELECT url, page_url, anchor, heading,
                              ROW_NUMBER() OVER (PARTITION BY url ORDER BY weight DESC, page_url) AS n
                         FROM document_links WHERE run_id = ? AND kommunkod = ?) AS best
                WHERE best.n = 1 AND documents.run_id = ? AND documents.kommunkod = ? AND documents.url = best.url
                  AND (documents.referrer, documents.anchor_text, documents.heading)
                      IS NOT (best.page_url, best.anchor, best.heading)""",
            (run_id, kommunkod, run_id, kommunkod),
        )
    return cur.rowcount
