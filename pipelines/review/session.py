"""The review session behind ``inventory review serve``: which items are reviewed, what the page
shows about each, storing a decision, and the PDF pages with the evidence boxes.

The items are the review workbook's (:func:`~pipelines.review.workbook.municipalities_to_review` and
:func:`~pipelines.review.workbook.documents_to_review`), a municipality's decision followed by its
documents. The page shows a municipality's decision or a document: the PDF page rendered
(pypdfium2 → PNG) with the evidence quote highlighted (a box where pdfplumber finds the quote on the
page) and every tag with ja/nej (or its choices). Each choice is stored at once in the same review
store as ``review import`` (:func:`pipelines.review.store.add_reviews`), so exports, the next review
workbook and training see it. The HTTP side is :mod:`pipelines.review.serve`.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import threading
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from classify.document import PROGRAM_TYPES, REGIONAL_VALUES
from pipelines.export import labels
from pipelines.results import CONFIRMED, DocumentResult, MunicipalityResult, Review, RunInfo, apply_reviews
from pipelines.review.store import add_reviews, load_reviews
from pipelines.review.workbook import documents_to_review, municipalities_to_review

log = logging.getLogger(__name__)

RENDER_SCALE = 1.5  # 108 dpi: readable, a few hundred kB per page
#: Document tags an analyst answers with ja/nej here (dates are edited in the workbook).
BOOL_TAGS = ("relevant", "valid_in_year", "until_further_notice", "rus_link", "intermunicipal_link", "action_plan",
             "sustainability", "co_created", "measurable_goals", "yearly_activities")
CHOICE_TAGS = {"program_type": ("program_type", PROGRAM_TYPES), "regional": ("regional", REGIONAL_VALUES)}
SHOWN_TAGS = ("relevant", "program_type", "valid_from", "valid_to", "until_further_notice", "valid_in_year",
              "regional", "rus_link", "intermunicipal_link", "action_plan", "sustainability", "co_created",
              "measurable_goals", "yearly_activities")


def texts(lang: str) -> dict[str, str]:
    """The page's own words in ``lang`` (the vocabulary's "review_page", all sent to the page's script)."""
    return labels.texts("review_page", lang)


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
        t = texts(self.lang)
        with self.lock:
            current = self._current(item)
        out: dict[str, Any] = {"index": index, "total": len(self.items), "kind": item.kind,
                               "kind_label": t[item.kind], "label": item.label,
                               "reviewed": current.review_status == "reviewed",
                               "status_label": t["reviewed"] if current.review_status == "reviewed" else t["unreviewed"],
                               "reviewed_by": current.reviewed_by}
        if item.kind == "municipality":
            m: MunicipalityResult = current
            out["why"] = (labels.reasons_text([*m.flag_reasons, *m.silence_flags], self.lang)
                          or labels.text("review_page_why", "municipality", self.lang))
            out["link"] = m.program_url if m.program_url and m.program_url.startswith(("http://", "https://")) else None
            out["tags"] = [self._tag("program_found", m.program_found, "program_found" in m.human_overrides, [])]
            out["facts"] = [[name, text] for name, text in (
                (t["reason"], labels.label("decision_reason", m.decision_reason, self.lang)),
                (t["program"], (m.primary.title if m.primary else "") or "")) if text]
            doc = m.primary
        else:
            doc = current
            c = doc.classification
            out["why"] = (labels.reasons_text(c.flag_reasons, self.lang)
                          or labels.text("review_page_why", "document", self.lang))
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
