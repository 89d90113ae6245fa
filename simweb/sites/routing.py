"""Answer one request on one municipality's hosts: redirects, traps, dynamic pages, pages, files."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone
from html import escape
from urllib.parse import parse_qsl, unquote

from simweb.sites import dynamic, realsize_pages
from simweb.sites.model import Page, Reply, Request, ServerState, Site
from simweb.sites.render import encode_html, render_page


def epoch(day: str) -> float:
    d = date.fromisoformat(day[:10])
    return datetime(d.year, d.month, d.day, 8, 0, tzinfo=timezone.utc).timestamp()


def document_etag(site: Site, doc) -> str:
    raw = f"{site.seed}:{site.year}:{site.profile.kommunkod}:{doc.doc_id}:{doc.published}:{doc.fmt}:{doc.defect}"
    return '"d' + hashlib.sha1(raw.encode()).hexdigest()[:20] + '"'


def _split_session(site: Site, req: Request) -> tuple[str, str, str | None]:
    """(path without ;jsessionid, query without sid, session id or None)."""
    path, query, sid = req.path, req.query, None
    if ";jsessionid=" in path:
        path, _, sid = path.partition(";jsessionid=")
    if query and "sid=" in query:
        parts = query.split("&")
        for part in parts:
            if part.startswith("sid="):
                sid = part[4:]
        query = "&".join(part for part in parts if not part.startswith("sid="))
    return path, query, sid


def _html_reply(site: Site, page: Page, status: int = 200, sid: str | None = None,
                print_mode: bool = False) -> Reply:
    article = page.doc.render().decode("utf-8") if page.doc is not None else None
    body, ctype = encode_html(site, render_page(site, page, sid=sid, print_mode=print_mode, article=article))
    etag = '"p' + hashlib.sha1(body).hexdigest()[:20] + '"'
    return Reply(status, body, ctype, last_modified=epoch(page.modified), etag=etag,
                 kommunkod=site.profile.kommunkod)


def _text_reply(site: Site, status: int, text: str, ctype: str = "text/plain; charset=utf-8",
                headers: list | None = None) -> Reply:
    return Reply(status, text.encode("utf-8"), ctype, headers=headers or [], kommunkod=site.profile.kommunkod)


def not_found(site: Site, path: str) -> Reply:
    page = Page(path=path, title="Sidan kunde inte hittas", section=None, parent=site.home, kind="error",
                intro="Sidan du söker finns inte. Den kan ha flyttats eller tagits bort.",
                modified=f"{site.year}-01-01")
    reply = _html_reply(site, page, 404)
    reply.etag = reply.last_modified = None
    return reply


def redirect(site: Site, status: int, location: str) -> Reply:
    if location.startswith("/"):
        location = f"http://{site.profile.final_host}{location}"
    body = f'<html><body><p>Flyttad till <a href="{escape(location)}">{escape(location)}</a></p></body></html>'
    return Reply(status, body.encode(), "text/html; charset=utf-8", headers=[("Location", location)],
                 kommunkod=site.profile.kommunkod)


def route(site: Site, req: Request, state: ServerState) -> Reply:
    """The reply of ``site`` to ``req`` (``req.host`` is one of the site's hosts)."""
    p = site.profile
    code = p.kommunkod
    if req.host == p.registry_host and p.final_host != p.registry_host:
        return redirect(site, 301, f"http://{p.final_host}{req.target}")
    path, query, sid = _split_session(site, req)
    upath = unquote(path)
    if req.host != p.final_host:  # the document host
        if upath == realsize_pages.API and site.real is not None:
            body = realsize_pages.json_reply_body(site, dict(parse_qsl(query)))
            if body is not None:
                return Reply(200, body, "application/json; charset=utf-8", headers=[("Access-Control-Allow-Origin", "*")],
                             kommunkod=code)
        entry = site.files.get((req.host, upath))
        return _file_reply(site, entry) if entry else _text_reply(site, 404, f"404 Not Found: {upath}\n")
    if upath == "/robots.txt":
        text = dynamic.robots_txt(site)
        return _text_reply(site, 200, text) if text is not None else _text_reply(site, 404, "404 Not Found\n")
    sitemaps = dynamic.sitemap_documents(site) if upath.startswith("/sitemap") else {}
    if upath in sitemaps:
        return _text_reply(site, 200, sitemaps[upath], "application/xml; charset=utf-8")
    target = f"{upath}?{query}" if query else upath
    special = site.specials.get(target) or site.specials.get(upath)
    delay = 0.0
    if special is not None:
        if special.location:
            return redirect(site, special.status, special.location)
        if special.kind == "connection_reset":
            return Reply(0, reset=True, kommunkod=code)
        if special.kind == "server_error":
            return _text_reply(site, 500, "<html><body><h1>Internt serverfel</h1><p>Försök igen senare.</p></body>"
                               "</html>", "text/html; charset=utf-8")
        if special.fail_first and state.hit(req.host, upath) <= special.fail_first:
            return _text_reply(site, special.status, f"<html><body><h1>{special.status}</h1><p>Tjänsten är "
                               "tillfälligt otillgänglig. Försök igen om en stund.</p></body></html>",
                               "text/html; charset=utf-8", headers=[("Retry-After", str(special.retry_after))])
        delay = special.delay
    if p.session_style and sid is None:
        sid = hashlib.sha1(f"{site.seed}:{p.final_host}:{state.new_session()}".encode()).hexdigest()[:16]
    reply = _dynamic_or_page(site, upath, query, sid)
    if reply is None:
        entry = site.files.get((p.final_host, upath))
        if entry is not None:
            return _file_reply(site, entry)
        alt = upath[:-1] if upath.endswith("/") else upath + "/"
        if alt in site.pages and alt != "/":
            return redirect(site, 301, alt + (f"?{query}" if query else ""))
        return not_found(site, upath)
    reply.delay = delay
    return reply


def _dynamic_or_page(site: Site, upath: str, query: str, sid: str | None) -> Reply | None:
    p = site.profile
    try:  # browsers on ISO-8859-1 pages send form values in that charset
        params = parse_qsl(query, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        params = parse_qsl(query, keep_blank_values=True, encoding="iso-8859-1")
    print_mode = False
    if p.print_style == "path" and upath.startswith("/print/"):
        upath, print_mode = upath[len("/print"):], True
    elif p.print_style == "query" and ("print", "1") in params:
        params = [kv for kv in params if kv != ("print", "1")]
        query = "&".join(part for part in query.split("&") if part != "print=1")
        print_mode = True
    if upath == "/dela" and "share_variant" in p.traps:
        return _html_reply(site, dynamic.share_page(site, dict(params).get("url", "/")), sid=sid)
    if upath == site.urls.calendar():
        page = dynamic.calendar_page(site, dict(params))
        return _html_reply(site, page, sid=sid, print_mode=print_mode) if page else not_found(site, upath)
    search = site.urls.search()
    if search and upath == search[0]:
        page = dynamic.search_page(site, params, "search_facets" in p.traps)
        return _html_reply(site, page, sid=sid, print_mode=print_mode)
    if upath == site.news_list and "news_facets" in p.traps and any(k in ("kategori", "sort") for k, _ in params):
        return _html_reply(site, dynamic.news_filter_page(site, params), sid=sid, print_mode=print_mode)
    page = site.pages.get(f"{upath}?{query}") if query else None
    if page is None:
        page = site.pages.get(upath)
    if page is None and site.real is not None:  # a real-size site's pages made on access
        page = realsize_pages.page_on_access(site, upath, dict(params))
    if page is None:
        return None
    return _html_reply(site, page, sid=sid, print_mode=print_mode)


def _file_reply(site: Site, entry) -> Reply:
    doc = entry.doc
    headers = [("Content-Disposition", entry.disposition)] if entry.disposition else []
    return Reply(200, content_type=doc.content_type, headers=headers, doc=doc, last_modified=epoch(doc.published),
                 etag=document_etag(site, doc), kommunkod=site.profile.kommunkod)
