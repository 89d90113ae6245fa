"""Page layout for generated PDFs: wraps the blocks of a :class:`Content` onto A4 pages.

The layout is computed once per document and used twice: to draw the PDF and to tell the
ground truth which text ended up on which page (``SimDocument.pages``). It is a small,
fast line-breaker on reportlab's font metrics (no platypus), with optional hyphenation,
two text columns, tables whose header repeats on a new page, a cover and a table of
contents whose page numbers are filled in after the layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simweb.render.fonts import font_names
from simweb.render.linebreak import wrap
from simweb.textgen.model import (
    Bullets, Columns, Content, Cover, Figure, Heading, PageBreak, Para, Style, Table, Toc, display_heading,
)

PAGE_W, PAGE_H = 595.2756, 841.8898  # A4 in points
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 64.0, 76.0, 72.0
COLUMN_GAP = 20.0
GRAY = (0.35, 0.35, 0.35)


@dataclass
class TextItem:
    x: float
    y: float
    text: str
    font: str
    size: float
    char_space: float = 0.0
    align: str = "left"  # left | right | center
    color: tuple[float, float, float] = (0.0, 0.0, 0.0)


@dataclass
class RectItem:
    x: float
    y: float
    w: float
    h: float
    fill: tuple[float, float, float]


@dataclass
class LaidPage:
    number: int
    items: list = field(default_factory=list)
    fragments: list[list[tuple[str, bool]]] = field(default_factory=list)  # per block: (line, hyphen-continued)
    is_cover: bool = False

    def text(self) -> str:
        parts = []
        for frag in self.fragments:
            out = ""
            joined = True
            for line, cont in frag:
                out += line if joined or not out else " " + line
                joined = cont
            parts.append(out)
        return "\n".join(p for p in parts if p)


# ---------------------------------------------------------------- the layout

class _Layout:
    def __init__(self, content: Content) -> None:
        self.style: Style = content.style
        self.content = content
        self.regular, self.bold, self.italic = font_names(self.style.font)
        self.size = self.style.body_size
        self.leading = self.size * 1.35
        self.pages: list[LaidPage] = []
        self.ncols = 1
        self.heading_pages: list[tuple[Heading, int]] = []
        self.toc_slots: list[tuple[TextItem, TextItem, Heading]] = []
        self._new_page()

    # -- page and column management
    def _new_page(self) -> None:
        self.page = LaidPage(number=len(self.pages) + 1)
        self.pages.append(self.page)
        self.col = 0
        self.y = PAGE_H - MARGIN_TOP
        self.frag: list[tuple[str, bool]] | None = None

    def _empty(self) -> bool:
        return not self.page.items

    def _break_page(self) -> None:
        if not self._empty():
            self._new_page()

    @property
    def col_w(self) -> float:
        full = PAGE_W - 2 * MARGIN_X
        return full if self.ncols == 1 else (full - COLUMN_GAP) / 2

    @property
    def x0(self) -> float:
        return MARGIN_X + self.col * (self.col_w + COLUMN_GAP)

    def _advance_column(self) -> None:
        if self.col + 1 < self.ncols:
            self.col += 1
            self.y = PAGE_H - MARGIN_TOP
        else:
            self._new_page()
        self.frag = None

    def _need(self, height: float) -> None:
        if self.y - height < MARGIN_BOTTOM:
            self._advance_column()

    def _start_fragment(self) -> None:
        self.frag = []
        self.page.fragments.append(self.frag)

    def _emit(self, x: float, text: str, font: str, size: float, cont: bool = False,
              char_space: float = 0.0, color=(0.0, 0.0, 0.0), logical: str | None = None) -> None:
        """Place one line at the cursor (the caller made room)."""
        self.y -= size * 1.35
        self.page.items.append(TextItem(x, self.y, text, font, size, char_space, color=color))
        if self.frag is None:
            self._start_fragment()
        self.frag.append((logical if logical is not None else (text[:-1] if cont else text), cont))

    def _lines(self, lines: list[tuple[str, bool]], font: str, size: float, indent: float = 0.0,
               first_prefix: str = "", color=(0.0, 0.0, 0.0)) -> None:
        self._start_fragment()
        for n, (line, cont) in enumerate(lines):
            if self.y - size * 1.35 < MARGIN_BOTTOM:
                self._advance_column()
                self._start_fragment()
            if n == 0 and first_prefix:
                self.page.items.append(TextItem(self.x0 + indent - 12, self.y - size * 1.35, first_prefix, font, size))
            self._emit(self.x0 + indent, line, font, size, cont, color=color,
                       logical=(first_prefix + " " if n == 0 and first_prefix else "") + (line[:-1] if cont else line))

    # -- blocks
    def cover(self, b: Cover) -> None:
        self._break_page()
        self.page.is_cover = True
        self.frag = None
        st = self.style
        r, g, bl = st.accent
        self.page.items.append(RectItem(0, PAGE_H * 0.56, PAGE_W, PAGE_H * 0.2, (r, g, bl)))
        if b.issuer:
            self.y = PAGE_H - 60
            self._start_fragment()
            self._emit(MARGIN_X, b.issuer, self.bold, 15)
        self._start_fragment()
        self.y = PAGE_H * 0.52
        case = st.heading_case
        title = display_heading(b.title, case)
        cs = 7.0 if case == "spaced" else 0.0
        size = 26.0 if len(b.title) < 40 else 21.0
        for line, cont in wrap(title, self.bold, size, PAGE_W - 2 * MARGIN_X, st.hyphenate, cs):
            self._emit(MARGIN_X, line, self.bold, size, cont, char_space=cs)
        if b.big:
            self.y -= 8
            self._emit(MARGIN_X, b.big, self.bold, 46.0)
        if b.subtitle:
            self.y -= 6
            self._start_fragment()
            for line, cont in wrap(b.subtitle, self.italic, 14, PAGE_W - 2 * MARGIN_X):
                self._emit(MARGIN_X, line, self.italic, 14, cont)
        self.y = MARGIN_BOTTOM + 16 * len(b.lines) + 10
        for line in b.lines:
            self._start_fragment()
            self._emit(MARGIN_X, line, self.regular, 10.5)
        self._new_page()

    def toc(self, b: Toc) -> None:
        self._break_page()
        self._heading_lines(b.title, 1, toc=False)
        later = [h for h in self.content.blocks[self._index + 1:] if isinstance(h, Heading) and h.toc and h.level <= 2]
        for h in later:
            self._need(self.leading * 1.2)
            indent = 0.0 if h.level == 1 else 16.0
            label = display_heading(h.text, self.style.heading_case if h.level == 1 else "normal")
            font = self.bold if h.level == 1 else self.regular
            self.y -= self.leading * 1.2
            left = TextItem(self.x0 + indent, self.y, label, font, self.size)
            right = TextItem(self.x0 + self.col_w, self.y, "", self.regular, self.size, align="right")
            self.page.items += [left, right]
            self.toc_slots.append((left, right, h))
        self.page.fragments.append([("\n".join(s[0].text for s in self.toc_slots), False)])
        self._new_page()

    def _heading_lines(self, text: str, level: int, toc: bool, heading: Heading | None = None) -> None:
        st = self.style
        size = {1: self.size + 7, 2: self.size + 3}.get(level, self.size + 1)
        case = st.heading_case if level == 1 else "normal"
        cs = 5.0 if case == "spaced" else 0.0
        shown = display_heading(text, case)
        lines = wrap(shown, self.bold, size, self.col_w, False, cs)
        before = {1: 14.0, 2: 9.0}.get(level, 6.0)
        self._need(before + len(lines) * size * 1.35 + 3 * self.leading)  # keep with next
        if self.y < PAGE_H - MARGIN_TOP:
            self.y -= before
        self._start_fragment()
        color = st.accent if level == 1 else (0.0, 0.0, 0.0)
        for line, cont in lines:
            self._emit(self.x0, line, self.bold, size, cont, char_space=cs, color=color)
        self.y -= 4
        if heading is not None:
            self.heading_pages.append((heading, self.page.number))

    def heading(self, b: Heading) -> None:
        if b.level == 1 and self.style.chapters_on_new_page:
            self._break_page()
        self._heading_lines(b.text, b.level, b.toc, b)

    def para(self, b: Para) -> None:
        font, size, color = self.regular, self.size, (0.0, 0.0, 0.0)
        if b.kind == "lead":
            font, size = self.italic, self.size + 1
        elif b.kind in ("small", "meta"):
            size, color = self.size - 1.5, GRAY
        elif b.kind == "quote":
            font = self.italic
        indent = 14.0 if b.kind == "quote" else 0.0
        lines = wrap(b.text, font, size, self.col_w - indent, self.style.hyphenate)
        self._need(min(2, len(lines)) * size * 1.35)
        self._lines(lines, font, size, indent, color=color)
        self.y -= size * 0.55

    def bullets(self, b: Bullets) -> None:
        for n, item in enumerate(b.items, 1):
            lines = wrap(item, self.regular, self.size, self.col_w - 16, self.style.hyphenate)
            self._need(self.leading)
            mark = f"{n}." if b.numbered else ("•" if self.regular == "Vera" else "–")
            self._lines(lines, self.regular, self.size, 16.0, first_prefix=mark)
            self.y -= 2
        self.y -= self.size * 0.5

    def table(self, b: Table) -> None:
        size = self.size - 1
        lead = size * 1.3
        rel = b.widths or tuple(1.0 for _ in b.header)
        total = sum(rel)
        widths = [self.col_w * w / total for w in rel]

        def cells(row, font):
            return [wrap(c, font, size, w - 6) for c, w in zip(row, widths)]

        header = cells(b.header, self.bold)
        hh = max(len(c) for c in header) * lead + 4

        def draw_row(wrapped, font, fill=None):
            h = max(1, max(len(c) for c in wrapped)) * lead + 4
            top = self.y
            if fill:
                self.page.items.append(RectItem(self.x0, top - h, self.col_w, h, fill))
            self.page.items.append(RectItem(self.x0, top - h - 0.4, self.col_w, 0.4, (0.6, 0.6, 0.6)))
            x = self.x0
            self._start_fragment()
            texts = []
            for col, w in zip(wrapped, widths):
                yy = top - 2
                for line, _ in col:
                    yy -= lead
                    self.page.items.append(TextItem(x + 3, yy + 2, line, font, size))
                texts.append(" ".join(l for l, _ in col))
                x += w
            self.frag.append((" ".join(texts), False))
            self.y = top - h

        if b.caption:
            self._need(hh + 2 * lead + 14)
            self._lines(wrap(b.caption, self.italic, size, self.col_w), self.italic, size)
        has_header = any(b.header)
        self._need(hh + 2 * lead)
        if has_header:
            draw_row(header, self.bold, (0.85, 0.88, 0.92))
        for row in b.rows:
            wrapped = cells(row, self.regular)
            h = max(len(c) for c in wrapped) * lead + 4
            if self.y - h < MARGIN_BOTTOM:
                self._advance_column()
                if has_header:
                    draw_row(header, self.bold, (0.85, 0.88, 0.92))
            draw_row(wrapped, self.regular)
        self.y -= self.leading

    def figure(self, b: Figure) -> None:
        h = min(b.height, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM - 40)
        size = self.size - 1.5
        caption = wrap(b.caption, self.italic, size, self.col_w)
        self._need(h + 8 + len(caption) * size * 1.35)
        self.y -= 6
        self.page.items.append(RectItem(self.x0, self.y - h, self.col_w, h, (0.86, 0.89, 0.88)))
        self.y -= h
        self._lines(caption, self.italic, size, color=GRAY)
        self.y -= self.leading * 0.6

    def run(self) -> list[LaidPage]:
        for self._index, b in enumerate(self.content.blocks):
            if isinstance(b, Cover):
                self.cover(b)
            elif isinstance(b, Toc):
                self.toc(b)
            elif isinstance(b, PageBreak):
                self._break_page()
            elif isinstance(b, Columns):
                if b.n != self.ncols:
                    self._break_page()
                    self.ncols = max(1, min(2, b.n))
            elif isinstance(b, Heading):
                self.heading(b)
            elif isinstance(b, Para):
                self.para(b)
            elif isinstance(b, Bullets):
                self.bullets(b)
            elif isinstance(b, Table):
                self.table(b)
            elif isinstance(b, Figure):
                self.figure(b)
        if len(self.pages) > 1 and self._empty():
            self.pages.pop()
        found = {id(h): p for h, p in self.heading_pages}
        for _left, right, h in self.toc_slots:
            right.text = str(found.get(id(h), ""))
        return self.pages


def layout(content: Content) -> list[LaidPage]:
    """Lay the content out on A4 pages."""
    return _Layout(content).run()


def page_texts(pages: list[LaidPage]) -> tuple[str, ...]:
    return tuple(p.text() for p in pages)
