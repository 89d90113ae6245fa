"""Records the crawler hands to the item pipelines."""

from __future__ import annotations

from dataclasses import dataclass

#: Document statuses (``documents.status``).
STORED, REUSED, UNSUPPORTED, TOO_LARGE = "stored", "reused", "unsupported", "too_large"


@dataclass
class FetchedDocument:
    """A candidate document found by the crawl, with where it came from.

    ``body`` holds the bytes for ``stored``/``unsupported``; ``reused`` points at an earlier
    blob (``reused_sha256``) after a 304 Not Modified; ``too_large`` has neither.
    """

    run_id: int
    kommunkod: str
    url: str
    final_url: str
    status: str
    fetched_at: str
    referrer: str = ""
    anchor_text: str = ""
    heading: str = ""
    reason: str = ""
    http_status: int | None = None
    content_type: str = ""
    kind: str = ""
    filename: str = ""
    title: str = ""
    body: bytes | None = None
    reused_sha256: str | None = None
    etag: str = ""
    last_modified: str = ""
    depth: int | None = None
    score: float | None = None
    requests_to_find: int | None = None

    def __repr__(self) -> str:  # keep logs short: never print the body
        size = len(self.body) if self.body is not None else None
        return f"FetchedDocument({self.kommunkod} {self.status} {self.kind} {self.url} size={size})"
