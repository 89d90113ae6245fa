"""The records that cross the classifier's border: a document in, a classification out.

``classify`` never fetches or stores: the run (``pipelines``) builds a :class:`Document`
from an extraction and stores the :class:`Classification` it gets back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: The tag keys of a classification, in the order of ``inventory classify`` output.
TAG_KEYS: tuple[str, ...] = (
    "relevant",
    "program_type",
    "valid_from",
    "valid_to",
    "until_further_notice",
    "valid_in_year",
    "rus_link",
    "intermunicipal_link",
    "regional",
    "action_plan",
    "sustainability",
    "co_created",
    "measurable_goals",
    "yearly_activities",
)
PROGRAM_TYPES = ("naringslivsprogram", "tillvaxtprogram", "annat")
REGIONAL_VALUES = ("rus", "intermunicipal", "none")


@dataclass
class Heading:
    """A heading found by extraction: its page (1-based), text and font size (points, if known)."""

    page: int
    text: str
    size: float | None = None


@dataclass
class Document:
    """One extracted document, as the classifier sees it.

    ``pages`` holds the normalised text of each page (page 1 first). HTML pages have one page;
    DOCX pages are approximated by page breaks. ``metadata`` may carry weak dating evidence
    (``pdf_created``, ``pdf_modified``, ``last_modified`` as ISO strings).
    """

    id: str
    pages: list[str]
    title: str | None = None
    url: str | None = None
    anchor_text: str | None = None
    municipality: str | None = None  # kommunkod, e.g. "0114"
    municipality_name: str | None = None
    county_code: str | None = None
    headings: list[Heading] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    #: What the crawl knows of the file: "pdf", "docx", "odt", "html" (None when unknown).
    format: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.pages)


@dataclass
class Evidence:
    """Why a tag has its value: the page (1-based, None for title/URL/anchor) and the quoted span."""

    page: int | None
    quote: str
    source: str = "text"  # text | title | url | anchor | metadata | linked_document
    confidence: float = 1.0


@dataclass
class Classification:
    """Every tag of one document, with evidence per tag, a confidence and analyst flags.

    Dates are ISO strings (``YYYY-MM-DD``); a bare year range 2015–2018 becomes
    2015-01-01 … 2018-12-31. Tags that do not apply (e.g. validity of a non-program) are None.
    """

    id: str
    relevant: bool | None = None
    program_type: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    until_further_notice: bool | None = None
    valid_in_year: bool | None = None
    rus_link: bool | None = None
    intermunicipal_link: bool | None = None
    regional: str | None = None
    action_plan: bool | None = None
    sustainability: bool | None = None
    co_created: bool | None = None
    measurable_goals: bool | None = None
    yearly_activities: bool | None = None
    confidence: float = 0.0
    flagged: bool = False
    flag_reasons: list[str] = field(default_factory=list)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    #: Which role the document plays when it is not the program itself (e.g. "action_plan", "news").
    doc_role: str | None = None
    #: A page that is not the program but states that the municipality has (adopted, revised) one:
    #: evidence under ``evidence["program_mention"]``, the period it states in valid_from/valid_to.
    program_mention: bool | None = None
    classifier_version: str = ""
    model_hash: str = ""

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape of ``inventory classify`` output."""
        out = asdict(self)
        return out
