"""The logical structure of a generated document: blocks, a visual style, and the content.

Text generators build a :class:`Content`; the renderers (``simweb.render``) turn it into PDF,
DOCX or HTML bytes. The blocks carry the words; the :class:`Style` carries the layout choices
(font, heading case, running header, misleading metadata, …) so that the same words can look
the way different municipalities' documents look.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 = chapter, 2 = section, 3 = sub-section
    toc: bool = True  # listed in the table of contents


@dataclass(frozen=True)
class Para:
    text: str
    kind: str = "body"  # body | lead | small | quote | meta


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str | None = None
    widths: tuple[float, ...] | None = None  # relative column widths


@dataclass(frozen=True)
class Figure:
    """A photo or diagram: a framed area with a caption (only the caption is text)."""

    caption: str
    height: float = 180.0  # points, in the PDF


@dataclass(frozen=True)
class Cover:
    """A title page: the title, the period in big type, and lines at the foot of the page."""

    title: str
    big: str = ""  # e.g. "2015–2018", drawn in big type under the title
    subtitle: str = ""
    lines: tuple[str, ...] = ()  # e.g. ("Ale kommun", "Antagen av kommunfullmäktige 2016-02-23, § 12")
    issuer: str = ""  # e.g. "Ale kommun" (top of the page, like a logo)


@dataclass(frozen=True)
class Toc:
    """A table of contents; page numbers are filled in by the layout."""

    title: str = "Innehåll"


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Columns:
    """Switch to ``n`` text columns from the next page on (1 or 2)."""

    n: int = 1


Block = Union[Heading, Para, Bullets, Table, Figure, Cover, Toc, PageBreak, Columns]


@dataclass(frozen=True)
class Style:
    """Visual choices for one document (all renderers honour what applies to them)."""

    font: str = "helvetica"  # helvetica | times | vera
    body_size: float = 10.0
    heading_case: str = "normal"  # normal | upper | spaced (letter-spaced capitals)
    hyphenate: bool = False  # split long words across line breaks with a hyphen
    running_header: str = ""  # text at the top of every page but the first
    footer: str = "page"  # page | page_of | name_page | none
    footer_text: str = ""
    metadata_title: str = ""  # PDF/DOCX title metadata (may be misleading)
    metadata_author: str = ""
    metadata_creator: str = ""  # the producing application, e.g. "Microsoft® Word 2010"
    created: str = "2016-01-01"  # ISO date for file metadata
    accent: tuple[float, float, float] = (0.1, 0.3, 0.5)
    chapters_on_new_page: bool = False


@dataclass(frozen=True)
class Content:
    """A whole document: the blocks in reading order and the style to show them in."""

    blocks: tuple[Block, ...]
    style: Style = field(default_factory=Style)

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]


def display_heading(text: str, case: str) -> str:
    """The heading as printed: upper-case for ``upper``/``spaced`` styles."""
    return text.upper() if case in ("upper", "spaced") else text


def block_text(block: Block, heading_case: str = "normal") -> str:
    """Plain text of one block as a reader would copy it (no layout)."""
    if isinstance(block, Heading):
        return display_heading(block.text, heading_case if block.level == 1 else "normal")
    if isinstance(block, Para):
        return block.text
    if isinstance(block, Bullets):
        return "\n".join(
            (f"{i}. " if block.numbered else "• ") + item for i, item in enumerate(block.items, 1)
        )
    if isinstance(block, Table):
        lines = [block.caption] if block.caption else []
        if any(block.header):
            lines.append(" ".join(block.header))
        lines.extend(" ".join(r) for r in block.rows)
        return "\n".join(lines)
    if isinstance(block, Cover):
        parts = [block.issuer, block.title, block.big, block.subtitle, *block.lines]
        return "\n".join(p for p in parts if p)
    if isinstance(block, Toc):
        return block.title
    if isinstance(block, Figure):
        return block.caption
    return ""
