"""The documents of the simulated municipal web and their ground truth.

``plan_world`` decides, for every municipality, which documents its site publishes (the
program, confusables, defective extras) with their ground truth. The words of a document are
generated lazily, the first time its ``pages``/``content`` are read or it is rendered, from a
seed that depends only on (seed, year, municipality, document): the same inputs always give
the same bytes, in any order and in any process.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator, Sequence

from crawler.registry import Municipality, load_registry
from simweb.population import Profile, draw_profiles
from simweb.textgen.model import Content

log = logging.getLogger(__name__)

ROLES = (
    "program",            # the municipality's own business/growth program (any period; see truth for validity)
    "action_plan",        # a separate action plan of a program (parent_id = the program)
    "draft_program",      # förslag / remissversion of a program (not in force)
    "summary_page",       # web page that summarises/announces a program ("läs programmet här")
    "news", "protocol", "tjansteskrivelse",
    "oversiktsplan", "budget", "vision", "tourism_strategy", "rural_strategy",
    "regional_rus",       # the region's RUS hosted on the municipal site
    "business_region_strategy",  # a joint strategy of an intermunicipal body
    "evaluation_report",  # utvärdering / omvärldsanalys / slutrapport about the program
    "other_policy",       # upphandlingspolicy, miljöprogram, …
)
FORMATS = ("pdf", "docx", "html", "doc", "odt")
DEFECTS = ("scanned", "encrypted", "truncated", "oversized")
REASONS = ("nothing_found", "expired_only", "draft_only", "embedded_in_overall_plan", "no_written_program")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "doc": "application/msword",
    "odt": "application/vnd.oasis.opendocument.text",
}
#: Size above which a file counts as oversized (an "oversized" document is larger than this).
OVERSIZE_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class SimDocument:
    """One document on a simulated site, with its ground truth. See the simweb contract."""

    doc_id: str
    kommunkod: str
    role: str
    fmt: str
    title: str
    slug: str
    defect: str | None
    parent_id: str | None
    truth: dict
    link_hint: str
    published: str
    seed: int = field(default=0, repr=False)
    spec: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def content(self) -> Content:
        """The document's blocks and style, generated on every access (a few ms; only the page
        texts are kept, so that a world of 290 sites does not hold every document's blocks)."""
        from simweb.textgen.build import build_content

        return build_content(self)

    @cached_property
    def pages(self) -> tuple[str, ...]:  # type: ignore[override]
        """Source text per page: PDF pages as laid out, DOCX pages between page breaks, HTML one page."""
        from simweb.render import page_texts

        return page_texts(self)

    @property
    def text(self) -> str:
        return "\n\n".join(self.pages)

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.fmt]

    @property
    def filename(self) -> str:
        return f"{self.slug}.{self.fmt}" if self.fmt != "html" else f"{self.slug}.html"

    def render(self) -> bytes:
        """The document's bytes (deterministic). Oversized documents are built on every call."""
        from simweb.render import render

        return render(self)

    def iter_bytes(self, chunk_size: int = 1 << 20) -> Iterator[bytes]:
        """The bytes in chunks; for oversized documents without holding the file in memory."""
        from simweb.render import iter_render

        return iter_render(self, chunk_size)

    @property
    def size(self) -> int:
        """Length of :meth:`render`'s result (cheap for oversized documents)."""
        from simweb.render import rendered_size

        return rendered_size(self)

    def summary(self) -> dict:
        """A JSON-serialisable description (for manifests)."""
        return {
            "doc_id": self.doc_id, "kommunkod": self.kommunkod, "role": self.role, "fmt": self.fmt,
            "title": self.title, "slug": self.slug, "filename": self.filename, "defect": self.defect,
            "parent_id": self.parent_id, "published": self.published, "content_type": self.content_type,
            "link_hint": self.link_hint, "truth": dict(self.truth),
        }


@dataclass(frozen=True)
class MunicipalityPlan:
    kommunkod: str
    documents: tuple[SimDocument, ...]
    truth: dict

    def document(self, doc_id: str) -> SimDocument:
        for d in self.documents:
            if d.doc_id == doc_id:
                return d
        raise KeyError(f"{self.kommunkod}: no document {doc_id!r}")


def _neighbours(code: str, registry: Sequence[Municipality]) -> list[str]:
    same = [m for m in registry if m.county_code == code[:2] and m.kommunkod != code]
    same.sort(key=lambda m: (abs(int(m.kommunkod) - int(code)), m.kommunkod))
    return [m.name for m in same[:3]]


def plan_world(municipalities: Sequence[Municipality], seed: int, year: int = 2017) -> dict[str, MunicipalityPlan]:
    """Plan the documents of every given municipality (see the module doc)."""
    from simweb.textgen.catalog import muni_info
    from simweb.textgen.plan import plan_municipality

    default = load_registry()
    default_codes = {m.kommunkod for m in default}
    base = default if all(m.kommunkod in default_codes for m in municipalities) else list(municipalities)
    profiles = profiles_for(base, seed, year)
    plans: dict[str, MunicipalityPlan] = {}
    for m in municipalities:
        profile = profiles[m.kommunkod]
        info = muni_info(m.kommunkod, m.name, m.county_code, m.county_name or "")
        drafts, truth = plan_municipality(info, profile, seed, year, _neighbours(m.kommunkod, base))
        docs = tuple(SimDocument(seed=seed, **d) for d in drafts)
        plans[m.kommunkod] = MunicipalityPlan(m.kommunkod, docs, truth)
    log.debug("planned %d municipalities (seed %s, year %s)", len(plans), seed, year)
    return plans


def profiles_for(registry: Sequence[Municipality], seed: int, year: int) -> dict[str, Profile]:
    """The population profiles drawn over ``registry`` (quotas over exactly these municipalities)."""
    return draw_profiles(tuple((m.kommunkod, m.county_code) for m in registry), seed, year)
