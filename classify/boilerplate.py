"""Site chrome before the content: cookie banners, skip links, menus and breadcrumbs.

A web page extracted as text (BeautifulSoup ``get_text``) often starts with a cookie-consent
paragraph, "Hoppa till innehåll", a row of menu items and a breadcrumb before its own heading.
Read as the document's opening, that chrome becomes its "title" and dilutes every genre signal.
:func:`content_start` finds where the content begins on page 1, so the title, cover and opening
are read from there (offsets into the text stay valid: nothing is removed).
"""

from __future__ import annotations

import re

#: A line that is part of a cookie / consent banner.
_CONSENT = re.compile(
    r"\bcookies?\b|\bkakor\b|\bkakan\b|kakpolicy|kakinställning|samtycke|personuppgift|dataskydd|gdpr"
)
#: Buttons, skip links and tool words that make up a line on their own.
_TOOL_WORD = (
    r"godkänn(?: alla)?(?: kakor| cookies)?|acceptera(?: alla)?(?: kakor| cookies)?|neka|avvisa|ok|okej|jag förstår|"
    r"ok,? jag förstår|nej tack|inställningar|endast nödvändiga(?: kakor)?|anpassa|spara val|stäng|"
    r"hoppa till (?:huvud)?innehåll(?:et)?|gå (?:direkt )?till (?:huvud)?innehåll(?:et)?|till innehållet|meny|sök|lyssna|"
    r"talande webb|språk|languages?|in english|other languages|logga in|min sida|mina sidor|kontakt(?:a oss)?|"
    r"e-tjänster|translate|teckenspråk|lättläst|print|skriv ut|start(?:sida)?|hem"
)
_TOOL_LINE = re.compile(rf"^(?:(?:{_TOOL_WORD})[\s|·•/]*)+$")
#: A breadcrumb: "Start › Näringsliv › …", "Startsida / Näringsliv / …", "Du är här: …".
_CRUMB = re.compile(r"^(?:du är här:?\s*)?[^.!?]{0,160}?(?:\s[›»>]\s|\s/\s)[^.!?]{0,160}$|^du är här\b")


def _is_menu(line: str) -> bool:
    """A row of menu items (original case; whitespace is already collapsed): no digits, no sentence
    end, mixed case, and at least five capitalised words making up a third of the words
    ("Start Barn och utbildning Omsorg och hjälp Bo och miljö Kultur och fritid")."""
    if re.search(r"\d|[.!?:]\s*$", line) or line.upper() == line or len(line) > 250:
        return False
    words = re.findall(r"[^\W\d_][\w-]*", line)
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 5 and caps >= len(words) / 3


def is_chrome_line(line: str) -> bool:
    """Is this (stripped, original-case) line site chrome rather than content?"""
    if not line:
        return True
    low = line.lower()
    if _TOOL_LINE.match(low) or _CRUMB.match(low) or _is_menu(line):
        return True
    return bool(_CONSENT.search(low)) and len(line) < 600


#: The site's name as a header line ("Gislaveds kommun", "Region Gotland"): kept when content follows.
_SITE_NAME = re.compile(r"^(?:\w+(?:-\w+)? (?:kommun|stad)|region \w+)$")


def content_start(page: str, max_lines: int = 30) -> int:
    """Offset in ``page`` (page 1, normalised, original case) of the first line after the leading site chrome.

    Only a leading run counts, and only if it contains at least one consent, menu, skip-link or
    breadcrumb line; a document whose first line is content starts at 0. A site-name line directly
    before the content is kept (it may be the issuer).
    """
    pos = 0
    start = 0
    seen_chrome = False
    name_at: int | None = None
    for n, line in enumerate(page.split("\n")):
        stripped = line.strip()
        if n >= max_lines:
            break
        if stripped and _SITE_NAME.match(stripped.lower()):
            name_at = pos if name_at is None else name_at
        elif stripped and not is_chrome_line(stripped):
            start = pos if name_at is None else name_at
            break
        elif stripped:
            seen_chrome, name_at = True, None
        pos += len(line) + 1
    else:
        return 0  # all chrome or too short to tell: read the page as it is
    return start if seen_chrome else 0
