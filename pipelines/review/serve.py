"""``inventory review serve``: the review in a local web page, one flagged item at a time.

A small :mod:`http.server` on 127.0.0.1 only. The page shows a municipality's decision or a
document: the PDF page rendered (pypdfium2 → PNG) with the evidence quote highlighted (a box
where pdfplumber finds the quote on the page), every tag with ja/nej (or its choices), and
keyboard shortcuts. Each choice is stored at once in the same review store as ``review
import`` (:func:`pipelines.review.store.add_reviews`), so exports, the next review workbook and
training see it. The items are the workbook's: :func:`municipalities_to_review` and
:func:`documents_to_review`.

Requests must name the server's own host (no DNS rebinding) and writes must carry the page's
``X-Granskning`` header (no cross-site form posts).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import re
import threading
from dataclasses import dataclass
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Sequence
from urllib.parse import parse_qs, urlparse

from classify.document import PROGRAM_TYPES, REGIONAL_VALUES
from pipelines.export import labels
from pipelines.results import CONFIRMED, DocumentResult, MunicipalityResult, Review, RunInfo, apply_reviews
from pipelines.review.store import add_reviews, load_reviews
from pipelines.review.workbook import documents_to_review, municipalities_to_review
from storage import db

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
WRITE_HEADER = "X-Granskning"
RENDER_SCALE = 1.5  # 108 dpi: readable, a few hundred kB per page
#: Document tags an analyst answers with ja/nej here (dates are edited in the workbook).
BOOL_TAGS = ("relevant", "valid_in_year", "until_further_notice", "rus_link", "intermunicipal_link", "action_plan",
             "sustainability", "co_created", "measurable_goals", "yearly_activities")
CHOICE_TAGS = {"program_type": ("program_type", PROGRAM_TYPES), "regional": ("regional", REGIONAL_VALUES)}
SHOWN_TAGS = ("relevant", "program_type", "valid_from", "valid_to", "until_further_notice", "valid_in_year",
              "regional", "rus_link", "intermunicipal_link", "action_plan", "sustainability", "co_created",
              "measurable_goals", "yearly_activities")

_TEXT: dict[str, tuple[str, str]] = {
    "title": ("Granskning", "Review"),
    "municipality": ("Kommunens beslut", "The municipality's decision"),
    "document": ("Dokument", "Document"),
    "of": ("av", "of"),
    "reviewed": ("granskad", "reviewed"),
    "unreviewed": ("ej granskad", "not reviewed"),
    "why": ("Varför här", "Why here"),
    "confirm": ("Bekräfta allt (b)", "Confirm all (b)"),
    "prev": ("← Föregående", "← Previous"),
    "next": ("Nästa →", "Next →"),
    "open": ("Öppna dokumentet", "Open the document"),
    "no_page": ("Ingen PDF-sida att visa (dokumentet är inte en PDF eller finns inte i arkivet).",
                "No PDF page to show (the document is not a PDF or is not in the store)."),
    "saved": ("Sparat", "Saved"),
    "machine": ("maskinen", "machine"),
    "human": ("granskare", "reviewer"),
    "evidence": ("Belägg", "Evidence"),
    "page": ("sida", "page"),
    "keys": ("Tangenter: ↑/↓ välj uppgift · j ja · n nej · 1–3 val · b bekräfta · →/← nästa/föregående · "
             "+/− bläddra sida", "Keys: ↑/↓ pick a tag · j yes · n no · 1–3 choice · b confirm · →/← next/previous · "
             "+/− turn page"),
    "none_left": ("Inget att granska i denna körning.", "Nothing to review in this run."),
    "program_found": ("Program hittat", "Program found"),
    "reason": ("Beslutsorsak", "Decision reason"),
    "program": ("Program", "Program"),
}


def _t(lang: str) -> dict[str, str]:
    i = labels.check_lang(lang)
    return {k: v[i] for k, v in _TEXT.items()}


@dataclass
class Item:
    """One thing to review: a municipality's decision or a document."""

    kind: str  # "municipality" | "document"
    key: str  # kommunkod or sha256
    kommunkod: str
    label: str


class ReviewSession:
    """The items of one run and what the page needs about each; decisions go to the review store."""

    def __init__(self, conn, run: RunInfo, municipalities: Sequence[MunicipalityResult],  # noqa: ANN001
                 documents: Sequence[DocumentResult], reviewer: str, *, lang: str = "sv",
                 pdf_bytes: Callable[[str], bytes | None] = lambda sha: None) -> None:
        self.conn, self.run, self.reviewer, self.lang = conn, run, reviewer, lang
        self.pdf_bytes = pdf_bytes
        self.lock = threading.Lock()
        self._pdfs: dict[str, Any] = {}
        self.municipalities = {m.kommunkod: m for m in municipalities}
        self.documents = {d.sha256: d for d in documents}
        chosen = municipalities_to_review(list(municipalities))
        docs = documents_to_review(list(documents), chosen)
        by_code: dict[str, list[DocumentResult]] = {}
        for d in docs:
            by_code.setdefault(d.kommunkod, []).append(d)
        chosen_codes = {m.kommunkod for m in chosen}
        codes = sorted(chosen_codes | set(by_code))
        self.items: list[Item] = []
        for code in codes:
            m = self.municipalities.get(code)
            if m is not None and code in chosen_codes:
                self.items.append(Item("municipality", code, code, f"{m.name} ({code})"))
            for d in by_code.get(code, []):
                self.items.append(Item("document", d.sha256, code, f"{d.municipality}: {d.title or d.link}"))

    # ---- reading ----------------------------------------------------------------------------

    def _current(self, item: Item) -> Any:
        reviews = load_reviews(self.conn)
        if item.kind == "document":
            return apply_reviews([self.documents[item.key]], reviews, year=self.run.year)[0]
        return apply_reviews([self.municipalities[item.key]], reviews, year=self.run.year)[0]

    def item_view(self, index: int) -> dict[str, Any]:
        """What the page shows for item ``index``: labels in the session's language, values, evidence."""
        item = self.items[index]
        t = _t(self.lang)
        with self.lock:
            current = self._current(item)
        out: dict[str, Any] = {"index": index, "total": len(self.items), "kind": item.kind,
                               "kind_label": t[item.kind], "label": item.label,
                               "reviewed": current.review_status == "reviewed",
                               "status_label": t["reviewed"] if current.review_status == "reviewed" else t["unreviewed"],
                               "reviewed_by": current.reviewed_by}
        if item.kind == "municipality":
            m: MunicipalityResult = current
            out["why"] = labels.reasons_text([*m.flag_reasons, *m.silence_flags], self.lang) or (
                "låg säkerhet i beslutet" if self.lang == "sv" else "low confidence in the decision")
            out["link"] = m.program_url if m.program_url and m.program_url.startswith(("http://", "https://")) else None
            out["tags"] = [self._tag("program_found", m.program_found, "program_found" in m.human_overrides, [])]
            out["facts"] = [[name, text] for name, text in (
                (t["reason"], labels.label("decision_reason", m.decision_reason, self.lang)),
                (t["program"], (m.primary.title if m.primary else "") or "")) if text]
            doc = m.primary
        else:
            doc = current
            c = doc.classification
            out["why"] = labels.reasons_text(c.flag_reasons, self.lang) or (
                "programdokument för en kommun som granskas" if self.lang == "sv"
                else "program document of a municipality under review")
            out["link"] = doc.link if doc.link.startswith(("http://", "https://")) else None
            out["tags"] = [self._tag(tag, getattr(c, tag), tag in doc.human_overrides, _evidence(c.evidence.get(tag, [])))
                           for tag in SHOWN_TAGS]
            out["facts"] = []
        out["sha256"] = doc.sha256 if doc is not None else None
        out["pages"] = self.page_count(doc.sha256) if doc is not None else 0
        pages = [e["page"] for tag in out["tags"] for e in tag["evidence"] if e["page"]]
        out["first_page"] = pages[0] if pages else 1
        return out

    def _tag(self, tag: str, value: Any, human: bool, evidence: list[dict[str, Any]]) -> dict[str, Any]:
        if tag in CHOICE_TAGS:
            vocab, codes = CHOICE_TAGS[tag]
            kind, options = "choice", [[code, labels.label(vocab, code, self.lang)] for code in codes]
            text = labels.label(vocab, value, self.lang)
        elif tag in BOOL_TAGS or tag == "program_found":
            kind, options = "bool", [[True, labels.bool_word(True, self.lang)], [False, labels.bool_word(False, self.lang)]]
            text = labels.bool_word(value, self.lang) if value is not None else labels.UNKNOWN_WORD[self.lang]
        else:
            kind, options, text = "fixed", [], "" if value is None else str(value)
        return {"tag": tag, "name": labels.tag_name(tag, self.lang), "kind": kind, "options": options,
                "value": value, "text": text, "human": human, "evidence": evidence}

    # ---- writing ----------------------------------------------------------------------------

    def decide(self, index: int, tag: str, value: Any) -> dict[str, Any]:
        """Store one decision (a tag value, or ``confirmed``) for item ``index``; returns the new view."""
        item = self.items[index]
        allowed = ("program_found",) if item.kind == "municipality" else (*BOOL_TAGS, *CHOICE_TAGS)
        if tag != CONFIRMED and tag not in allowed:
            raise ValueError(f"{tag!r} cannot be set here")
        if tag == CONFIRMED or tag in BOOL_TAGS or tag == "program_found":
            if not isinstance(value, bool):
                raise ValueError(f"{tag} takes ja or nej")
        elif value not in CHOICE_TAGS[tag][1]:
            raise ValueError(f"{value!r} is not a value of {tag}")
        now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        review = Review(target=item.kind, tag=tag, value=value, reviewer=self.reviewer, reviewed_at=now,
                        sha256=item.key if item.kind == "document" else None,
                        kommunkod=item.kommunkod, year=self.run.year, run_id=self.run.run_id)
        with self.lock:
            add_reviews(self.conn, [review])
        return self.item_view(index)

    # ---- the PDF ----------------------------------------------------------------------------

    def _pdf(self, sha: str):  # noqa: ANN202 - pdfium document or None (the caller holds the lock)
        if sha in self._pdfs:
            return self._pdfs[sha]
        data = self.pdf_bytes(sha)
        pdf = None
        if data and data.startswith(b"%PDF"):
            import pypdfium2

            try:
                pdf = pypdfium2.PdfDocument(data)
            except pypdfium2.PdfiumError as exc:
                log.warning("cannot open the PDF %s: %s", sha[:12], exc)
        if len(self._pdfs) >= 16:
            self.close()
        self._pdfs[sha] = pdf
        return pdf

    def close(self) -> None:
        """Close the open PDFs."""
        for pdf in self._pdfs.values():
            if pdf is not None:
                pdf.close()
        self._pdfs.clear()

    def page_count(self, sha: str) -> int:
        with self.lock:
            pdf = self._pdf(sha)
            return len(pdf) if pdf is not None else 0

    def page_png(self, sha: str, page: int) -> bytes | None:
        with self.lock:
            pdf = self._pdf(sha)
            if pdf is None or not 1 <= page <= len(pdf):
                return None
            image = pdf[page - 1].render(scale=RENDER_SCALE).to_pil()
            buf = io.BytesIO()
            image.save(buf, format="PNG", optimize=False)
            return buf.getvalue()

    def boxes(self, sha: str, page: int, quote: str) -> list[list[float]]:
        """Where ``quote`` is on the page: [x0, top, x1, bottom] as fractions of the page; [] if not found."""
        data = self.pdf_bytes(sha)
        words = re.findall(r"\w+", quote)[:12]
        if not data or not data.startswith(b"%PDF") or len(words) < 1:
            return []
        import pdfplumber

        pattern = r"\W+".join(re.escape(w) for w in words)
        with self.lock, pdfplumber.open(io.BytesIO(data)) as pdf:
            if not 1 <= page <= len(pdf.pages):
                return []
            p = pdf.pages[page - 1]
            try:
                found = p.search(pattern, regex=True, case=False, return_chars=True)
            except Exception as exc:  # noqa: BLE001 - a search failure must not break the page
                log.warning("searching page %d of %s failed: %s", page, sha[:12], exc)
                return []
            out = []
            for match in found[:3]:
                for ch_line in _lines(match.get("chars", [])):
                    out.append([round(v, 4) for v in (min(c["x0"] for c in ch_line) / p.width,
                                                      min(c["top"] for c in ch_line) / p.height,
                                                      max(c["x1"] for c in ch_line) / p.width,
                                                      max(c["bottom"] for c in ch_line) / p.height)])
            return out


def _evidence(items: Sequence[Any]) -> list[dict[str, Any]]:
    """A tag's evidence for the page: page and quote, each (page, quote) once."""
    out: list[dict[str, Any]] = []
    for e in items:
        entry = {"page": e.page, "quote": " ".join(str(e.quote).split())}
        if entry not in out:
            out.append(entry)
    return out


def _lines(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Group a match's characters by line, so a quote over two lines gets two boxes."""
    lines: list[list[dict[str, Any]]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if lines and abs(lines[-1][0]["top"] - ch["top"]) < 2:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return lines


def _asset(name: str) -> str:
    return resources.files("pipelines.review").joinpath(f"data/{name}").read_text(encoding="utf-8")


def page_html(session: ReviewSession) -> str:
    t = _t(session.lang)
    config = json.dumps({"lang": session.lang, "text": t, "total": len(session.items)}, ensure_ascii=False)
    return (f'<!DOCTYPE html><html lang="{session.lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">'
            f'<title>{escape(t["title"])} – {session.run.year}</title><style>{_asset("review.css")}</style></head>'
            f'<body><header><h1>{escape(t["title"])} {session.run.year}</h1><span id="pos"></span>'
            f'<span id="saved" role="status"></span></header>'
            f'<p class="keys">{escape(t["keys"])}</p><main id="app"></main>'
            f'<script id="config" type="application/json">{escape(config, quote=False)}</script>'
            f'<script>{_asset("review.js")}</script></body></html>')


class _Handler(BaseHTTPRequestHandler):
    server: "ReviewServer"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - BaseHTTPRequestHandler's name
        log.debug("%s %s", self.address_string(), format % args)

    def _host_ok(self) -> bool:
        host = (self.headers.get("Host") or "").lower()
        return host in (f"127.0.0.1:{self.server.port}", f"localhost:{self.server.port}")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy",
                         "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                         "connect-src 'self'")
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if not self._host_ok():
            return self._json(HTTPStatus.FORBIDDEN, {"error": "wrong host"})
        session = self.server.session
        url = urlparse(self.path)
        query = parse_qs(url.query)
        try:
            if url.path == "/":
                return self._send(HTTPStatus.OK, page_html(session).encode("utf-8"), "text/html; charset=utf-8")
            if url.path == "/api/items":
                return self._json(HTTPStatus.OK, [{"kind": i.kind, "label": i.label} for i in session.items])
            m = re.fullmatch(r"/api/item/(\d+)", url.path)
            if m:
                index = int(m.group(1))
                if not 0 <= index < len(session.items):
                    return self._json(HTTPStatus.NOT_FOUND, {"error": "no such item"})
                return self._json(HTTPStatus.OK, session.item_view(index))
            m = re.fullmatch(r"/page/([0-9a-f]{64})/(\d+)\.png", url.path)
            if m:
                png = session.page_png(m.group(1), int(m.group(2)))
                if png is None:
                    return self._json(HTTPStatus.NOT_FOUND, {"error": "no such page"})
                return self._send(HTTPStatus.OK, png, "image/png")
            m = re.fullmatch(r"/api/boxes/([0-9a-f]{64})/(\d+)", url.path)
            if m:
                return self._json(HTTPStatus.OK, session.boxes(m.group(1), int(m.group(2)), (query.get("q") or [""])[0]))
        except Exception:  # noqa: BLE001 - one bad item must not stop the server
            log.exception("GET %s failed", self.path)
            return self._json(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": "internal error (see the log)"})
        return self._json(HTTPStatus.NOT_FOUND, {"error": "not found"})

    def do_POST(self) -> None:  # noqa: N802
        if not self._host_ok() or self.headers.get(WRITE_HEADER) != "1":
            return self._json(HTTPStatus.FORBIDDEN, {"error": "forbidden"})
        m = re.fullmatch(r"/api/item/(\d+)/decide", urlparse(self.path).path)
        if not m:
            return self._json(HTTPStatus.NOT_FOUND, {"error": "not found"})
        try:
            length = min(int(self.headers.get("Content-Length") or 0), 10_000)
            body = json.loads(self.rfile.read(length) or b"{}")
            index = int(m.group(1))
            if not 0 <= index < len(self.server.session.items):
                return self._json(HTTPStatus.NOT_FOUND, {"error": "no such item"})
            view = self.server.session.decide(index, str(body.get("tag")), body.get("value"))
        except (ValueError, TypeError, json.JSONDecodeError) as exc:
            return self._json(HTTPStatus.BAD_REQUEST, {"error": str(exc)})
        return self._json(HTTPStatus.OK, view)


class ReviewServer(ThreadingHTTPServer):
    """The review page on ``http://127.0.0.1:<port>/`` for one run (port 0: any free port)."""

    daemon_threads = True

    def __init__(self, db_path: Path, run_id: int, reviewer: str, *, port: int = 0, lang: str = "sv",
                 blobs: Path | None = None, session: ReviewSession | None = None) -> None:
        self.conn = None
        if session is None:
            from pipelines.run.results_db import document_results, municipality_results, run_info
            from storage.blobs import BlobStore

            self.conn = db.connect(db_path)
            info = run_info(self.conn, run_id)
            documents = document_results(self.conn, run_id)
            municipalities = municipality_results(self.conn, run_id, documents)
            store = BlobStore(blobs or Path(db_path).parent / "blobs")

            def pdf_bytes(sha: str) -> bytes | None:
                return store.read(sha) if store.has(sha) else None

            session = ReviewSession(self.conn, info, municipalities, documents, reviewer, lang=lang, pdf_bytes=pdf_bytes)
        self.session = session
        super().__init__((HOST, port), _Handler)
        self.port = self.server_address[1]

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def close(self) -> None:
        self.server_close()
        with self.session.lock:
            self.session.close()
        if self.conn is not None:
            self.conn.close()
