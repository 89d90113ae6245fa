"""Text normalisation shared by every format (PDF, DOCX, ODT, HTML).

:func:`normalize_text` cleans one page: Unicode NFC, control characters and odd spaces, soft
hyphens, typographic ligatures, words hyphenated across line breaks re-joined (keeping the hyphen
of Swedish coordinated compounds such as "närings- och tillväxtstrategi"), and letter-spaced
headings ("N Ä R I N G S L I V S P R O G R A M") collapsed.

:func:`strip_page_furniture` works across the pages of one document: running headers and footers
(lines repeated at the top or bottom of many pages, digits ignored) and bare page numbers
("12", "Sida 3 av 40", "- 7 -", "3 (12)") are removed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

#: pdfium marks a hyphen at a line end (and joins the lines) with U+FFFE or U+0002.
_PDFIUM_HYPHEN = "\ufffe\x02"
#: Latin ligatures U+FB00–U+FB06 (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ): NFKC spells each out ("ff", "fi", … "st").
_LIGATURE_RE = re.compile("[\ufb00-\ufb06]")
_SPACES_RE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_SOFT_HYPHEN_BREAK_RE = re.compile("\u00ad[ \t]*\n[ \t]*")
_DROP_RE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_ODD_CHAR_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f\u00a0\u00ad\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]")
_CONTROL_RE = re.compile(r"[\x00-\x01\x03-\x08\x0e-\x1f\x7f]")

#: Words after which a line-end hyphen belongs to a coordinated compound and must stay:
#: "närings- och tillväxtstrategi", "kultur- eller fritidsnämnd", "bygg- samt miljönämnd".
_CONJUNCTIONS = frozenset({"och", "eller", "samt", "respektive", "resp", "som", "till", "men", "&", "/", "o", "el"})
# A hyphen at a line break, or pdfium's marker of one; the next line's first word follows.
_BREAK_HYPHEN_RE = re.compile(r"(?:-[ \t]*\n|[" + _PDFIUM_HYPHEN + r"][ \t]*\n?)[ \t]*(?P<right>[&/]|\w+)")
_LEFT_WORD_RE = re.compile(r"\w+$")
# "N Ä R I N G S L I V S", "2 0 1 6 – 2 0 1 9": four or more single letters/digits (dashes
# between them allowed) separated by single spaces.
_SPACED_RUN_RE = re.compile(r"(?<!\S)(?:[^\W_] )(?:(?:[^\W_]|[–—-]) ){2,}[^\W_](?!\S)")
_SPACED_HINT_RE = re.compile(r" \w \w \w|\n\w \w \w|^\w \w \w")
_RANGE_BREAK_RE = re.compile(r"(\d)[ \t]*([–—])[ \t]*\n[ \t]*(\d)")
_HYPHEN_HINT_RE = re.compile("-[ \t]*\n|[" + _PDFIUM_HYPHEN + "]")
_MULTISPACE_RE = re.compile(r"[ ]{2,}")
_LINE_EDGE_SPACE_RE = re.compile(r"[ ]*\n[ ]*")
_BLANKS_RE = re.compile(r"\n{3,}")


def _join_words(left: str, right: str) -> str:
    """How two halves of a word split by a hyphen at a line end go together again."""
    if right.lower() in _CONJUNCTIONS:
        return f"{left}- {right}"  # närings- och tillväxtstrategi
    if left[-1].isdigit() or right[0].isdigit():
        return f"{left}-{right}"  # 2016-2019, 17-årig
    if left.isupper() and right.isupper():
        # NÄRINGSLIVS-/PROGRAM is one word split for layout; EU-/PROJEKT keeps its hyphen.
        return f"{left}{right}" if len(left) >= 4 else f"{left}-{right}"
    if left.isupper() and len(left) <= 3:
        return f"{left}-{right}"  # EU-programmet, IT-strategin
    if right[0].isupper():
        return f"{left}-{right}"  # Skåne-Blekinge, Stockholm-Mälardalen
    return f"{left}{right}"  # närings-/livet


def _rejoin_hyphenated(text: str) -> str:
    """Re-join words hyphenated across line breaks (see :func:`_join_words`)."""
    out: list[str] = []
    pos = 0
    for m in _BREAK_HYPHEN_RE.finditer(text):
        if m.start() < pos:
            continue
        left = _LEFT_WORD_RE.search(text, max(pos, m.start() - 80), m.start())
        if left is None:  # a dash after a space or at the start of the text: leave it
            continue
        out.append(text[pos:left.start()])
        out.append(_join_words(left.group(0), m.group("right")))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _collapse_spaced(match: re.Match[str]) -> str:
    return match.group(0).replace(" ", "")


def normalize_text(text: str) -> str:
    """Normalise the text of one page (or one HTML/DOCX page approximation).

    Line breaks are kept (a blank line separates paragraphs); two or more spaces inside a line
    count as a word gap when collapsing letter-spaced headings, then become one space.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _LIGATURE_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    if _ODD_CHAR_RE.search(text):
        text = _SPACES_RE.sub(" ", text)
        # A soft hyphen at a line end is a hyphenation point: join the word; elsewhere drop it.
        if "\u00ad" in text:
            text = _SOFT_HYPHEN_BREAK_RE.sub("", text)
        text = _CONTROL_RE.sub("", _DROP_RE.sub("", text))
    if _HYPHEN_HINT_RE.search(text):
        text = _rejoin_hyphenated(text)
        # Any pdfium hyphen marker left (e.g. at the very end of the page) is a plain hyphen.
        text = re.sub(f"[{_PDFIUM_HYPHEN}]", "-", text)
    if "–" in text or "—" in text:
        text = _RANGE_BREAK_RE.sub(r"\1\2\3", text)  # "2016–" / "2019" split over two lines
    if _SPACED_HINT_RE.search(text):
        text = _SPACED_RUN_RE.sub(_collapse_spaced, text)
    if "  " in text:
        text = _MULTISPACE_RE.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _LINE_EDGE_SPACE_RE.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANKS_RE.sub("\n\n", text)
    return text.strip()


# --- page furniture ---------------------------------------------------------------------------

_PAGE_NUMBER_RE = re.compile(
    r"^(?:(?:sida|sid|s\.|page|p\.)\s*)?[-–—(\[]?\s*\d{1,3}\s*[-–—)\]]?"
    r"(?:\s*(?:av|/|of|\()\s*\d{1,4}\s*\)?)?$",
    re.IGNORECASE,
)
_EDGE_LINES = 3


def is_page_number(line: str) -> bool:
    """True for a line that is only a page number: "12", "Sida 3 av 40", "- 7 -", "3 (12)", "3/12"."""
    return bool(_PAGE_NUMBER_RE.match(line.strip()))


def _edge_indexes(lines: list[str]) -> list[int]:
    """Indexes of the first and last few non-empty lines of a page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]))


def _outermost(lines: list[str]) -> set[int]:
    """Indexes of the first and the last non-empty line of a page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return {filled[0], filled[-1]} if filled else set()


def _repeated_keys(split: list[list[str]], threshold: float) -> set[str]:
    """Edge lines repeated on at least ``threshold`` pages: identical (among the first or last
    three lines), or — as the very first or last line — identical but for a number that runs
    with the page number ("Näringslivsprogram | Sida 7" on page 9)."""
    exact: Counter[str] = Counter()
    numbered: dict[str, list[tuple[int, list[int]]]] = {}
    for page_index, lines in enumerate(split):
        seen: set[str] = set()
        outermost = _outermost(lines)
        for i in _edge_indexes(lines):
            line = lines[i].strip().lower()
            if line in seen:
                continue
            seen.add(line)
            exact[line] += 1
            numbers = [int(n) for n in re.findall(r"\d+", line)[:4]]
            if numbers and i in outermost:
                numbered.setdefault(re.sub(r"\d+", "#", line), []).append((page_index, numbers))
    keys = {line for line, n in exact.items() if n >= threshold}
    for masked, found in numbered.items():
        if len(found) < threshold:
            continue
        for position in range(min(len(nums) for _, nums in found)):
            offsets = Counter(nums[position] - page_index for page_index, nums in found)
            if offsets.most_common(1)[0][1] >= threshold:
                keys.add(masked)
                break
    return keys


def _is_repeated(line: str, keys: set[str], outermost: bool) -> bool:
    line = line.strip().lower()
    return line in keys or outermost and re.sub(r"\d+", "#", line) in keys


def strip_page_furniture(pages: list[str], *, min_pages: int = 3, share: float = 0.5) -> list[str]:
    """Remove running headers/footers and page numbers from the top and bottom of each page.

    A line is a running header or footer when it is among the first or last three lines of at
    least ``share`` of the non-empty pages (and at least ``min_pages`` pages), identical; or
    when it is the very first or last line and identical but for a number that follows the
    page number. Bare page numbers at the top or bottom go too. The first page keeps its
    repeated lines (on a cover they name the issuer). Empty pages (not extracted in screen
    mode) are ignored.
    """
    split = [p.split("\n") if p else [] for p in pages]
    filled = sum(1 for lines in split if lines)
    keys = _repeated_keys(split, max(min_pages, share * filled))
    out: list[str] = []
    for number, lines in enumerate(split, 1):
        outermost = _outermost(lines)
        # The first page keeps repeated lines: on a cover, "Exempelby kommun" is the issuer.
        drop = {i for i in _edge_indexes(lines)
                if is_page_number(lines[i]) or number > 1 and _is_repeated(lines[i], keys, i in outermost)}
        kept = "\n".join(line for i, line in enumerate(lines) if i not in drop)
        out.append(_BLANKS_RE.sub("\n\n", kept).strip())
    return out


def normalize_pages(pages: list[str]) -> list[str]:
    """:func:`normalize_text` on each page, then :func:`strip_page_furniture` across them."""
    return strip_page_furniture([normalize_text(p) for p in pages])
