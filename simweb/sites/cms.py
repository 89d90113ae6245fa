"""URL shapes of the CMS styles: where pages, news items and files live.

- ``sitevision``: pages ``/naringsliv-och-arbete/foretagare.html``; files
  ``/download/18.<hex>.<n>/<ms>/<name>.pdf`` (the name is the slug or the title, percent-encoded),
  and some served without extension ``/download/18.<hex>.<n>/<ms>/`` with a Content-Disposition.
- ``episerver``: pages ``/naringsliv-och-arbete/foretagare/``; files ``/globalassets/<dir>/<name>.pdf``
  or ``/contentassets/<32 hex>/<name>.pdf``.
- ``wordpress``: pages ``/naringsliv-och-arbete/foretagare/``; news ``/2017/03/14/<slug>/``; files
  ``/wp-content/uploads/2016/03/<name>.pdf``.
- ``drupal``: pages ``/naringsliv-och-arbete/foretagare``; files ``/sites/default/files/2016-03/<name>.pdf``
  or ``/sites/default/files/dokument/<name>.pdf``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timezone
from urllib.parse import quote

from simweb.sites.profile import SiteProfile

_EXT = {"pdf": "pdf", "docx": "docx", "doc": "doc", "odt": "odt", "html": "html"}


@dataclass(frozen=True)
class FileUrl:
    """Where a document file is served: host (None = the site's final host) and path."""

    path: str                  # quoted path, as it appears in links
    host: str | None = None
    disposition: str | None = None   # Content-Disposition header value, or None
    filename: str = ""


class UrlStyle:
    """Builds the URLs of one site according to its CMS style."""

    def __init__(self, profile: SiteProfile):
        self.p = profile
        self.cms = profile.cms
        self._used: set[tuple[str | None, str]] = set()

    # -- pages -----------------------------------------------------------------------------
    def page(self, *slugs: str) -> str:
        body = "/".join(s for s in slugs if s)
        if not body:
            return "/"
        if self.cms == "sitevision":
            return f"/{body}.html"
        if self.cms == "drupal":
            return f"/{body}"
        return f"/{body}/"

    def news_item(self, published: str, slug: str) -> str:
        d = date.fromisoformat(published[:10])
        if self.cms == "wordpress":
            return f"/{d:%Y/%m/%d}/{slug}/"
        if self.cms == "sitevision":
            return f"/nyheter/{d:%Y-%m-%d}-{slug}.html"
        return self.page("nyheter", slug)

    def home(self) -> str:
        if self.p.redirect == "start_path":
            return {"sitevision": "/startsida.html", "episerver": "/start/", "wordpress": "/hem/",
                    "drupal": "/start"}[self.cms]
        return "/"

    def calendar(self) -> str:
        return "/kalender.html" if self.cms == "sitevision" else "/kalender"

    def search(self) -> tuple[str, str] | None:
        """(path, query parameter) of the site search, or None."""
        if self.p.search == "sok_q":
            return "/sok", "q"
        if self.p.search == "sok_html_query":
            return "/sok.html", "query"
        return None

    # -- files -----------------------------------------------------------------------------
    def file(self, doc, rng: random.Random, folder: str, *, on_doc_host: bool = False,
             prefix: str | None = None) -> FileUrl:
        """URL of a document file (``doc`` is a SimDocument); unique within the site."""
        ext = _EXT.get(doc.fmt, doc.fmt)
        slug = doc.slug
        filename = f"{slug}.{ext}"
        disposition = None
        pub = date.fromisoformat(doc.published[:10])
        host = None
        if prefix:  # a fixed folder outside the CMS, e.g. "/arkiv/dokument/"
            path = f"{prefix}{slug}.{ext}"
        elif on_doc_host and self.p.doc_host:
            host = self.p.doc_host
            path = f"/publicerat/{pub:%Y}/{slug}.{ext}"
        elif self.cms == "sitevision":
            ms = int(datetime(pub.year, pub.month, pub.day, 9, 30, tzinfo=timezone.utc).timestamp() * 1000)
            ms += rng.randrange(0, 3_600_000)
            head = f"/download/18.{self.p.sitehex}.{rng.randrange(100, 99999)}/{ms}/"
            r = rng.random()
            if r < 0.2:
                path = head
                disposition = f"attachment; filename=\"{filename}\""
            elif r < 0.45:
                filename = f"{doc.title}.{ext}"
                path = head + quote(filename)
                disposition = f"inline; filename=\"{slug}.{ext}\"; filename*=UTF-8''{quote(filename)}"
            else:
                path = head + filename
                disposition = f"inline; filename=\"{filename}\""
        elif self.cms == "episerver":
            if rng.random() < 0.6:
                path = f"/globalassets/{folder}/{filename}"
            else:
                path = f"/contentassets/{rng.getrandbits(128):032x}/{filename}"
        elif self.cms == "wordpress":
            path = f"/wp-content/uploads/{pub:%Y}/{pub:%m}/{filename}"
        else:
            if rng.random() < 0.5:
                path = f"/sites/default/files/{pub:%Y-%m}/{filename}"
            else:
                path = f"/sites/default/files/dokument/{filename}"
        path = self._unique(host, path, ext)
        return FileUrl(path=path, host=host, disposition=disposition, filename=filename)

    def _unique(self, host: str | None, path: str, ext: str) -> str:
        n = 1
        candidate = path
        while (host, candidate) in self._used:
            n += 1
            if candidate.endswith("/"):
                candidate = path[:-1] + f"{n}/"
            else:
                candidate = path[: -len(ext) - 1] + f"-{n}.{ext}"
        self._used.add((host, candidate))
        return candidate

    def reserve(self, path: str) -> str:
        """Reserve a page path on the main host; a clash gets a numeric suffix."""
        candidate = path
        n = 1
        while (None, candidate) in self._used:
            n += 1
            if candidate.endswith(".html"):
                candidate = path[:-5] + f"-{n}.html"
            elif path.endswith("/"):
                candidate = path[:-1] + f"-{n}/"
            else:
                candidate = path + f"-{n}"
        self._used.add((None, candidate))
        return candidate
