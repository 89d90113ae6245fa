"""Document links a page fills in from JSON, read without a browser.

Municipal sites increasingly list documents with a script: the page carries the list as inline JSON
(``<script type="application/json">``, ``application/ld+json``) or names an endpoint the script
fetches (``data-src``, ``data-url``, ``data-endpoint``, ``data-api``, ``data-json`` on an element).
The crawler reads the inline JSON of every page, requests the endpoints it finds (as ``json``
requests, in scope and through the same budget and robots rules as any request) and takes the
links out of the JSON: every string that is an address, with the nearest title-like value of the
same or an enclosing object as its anchor text.

Everything here is bounded: at most :data:`MAX_JSON_BYTES` of JSON per script or endpoint, at most
:data:`MAX_LINKS` links and :data:`MAX_DEPTH` levels of nesting; what is not JSON is skipped.
"""

from __future__ import annotations

import json
import logging
import re
from urllib.parse import urljoin, urlsplit

from lxml import etree

log = logging.getLogger(__name__)

MAX_JSON_BYTES = 2_000_000
MAX_LINKS = 2000
MAX_DEPTH = 12
_JSON_TYPES = ("application/json", "application/ld+json")
ENDPOINT_ATTRIBUTES = ("data-src", "data-url", "data-endpoint", "data-api", "data-json", "data-source")
#: Keys whose value names the object (anchor text of the addresses inside it), in order of preference.
_TITLE_KEYS = ("titel", "title", "rubrik", "heading", "namn", "name", "label", "text", "beskrivning", "description")
#: A root-relative path as sites write them (letters, digits, -_.~%/ and a query): not prose, not "/".
_PATH = re.compile(r"/[\w\-.~%]+(/[\w\-.~%]*)*(\?[\w\-.~%=&+]*)?")


def inline_json(root: etree._Element) -> list[str]:
    """The texts of a page's JSON script blocks."""
    out = []
    for el in root.iter("script"):
        kind = (el.get("type") or "").split(";", 1)[0].strip().lower()
        if kind in _JSON_TYPES and el.text:
            out.append(el.text)
    return out


def endpoints(root: etree._Element, base_url: str) -> list[str]:
    """Absolute addresses a page's scripts fetch data from (``data-src`` and kin; no images, no scripts)."""
    out: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("img", "script", "iframe", "source", "video", "audio"):
            continue
        for name in ENDPOINT_ATTRIBUTES:
            value = (el.get(name) or "").strip()
            if value and _is_address(value):
                url = urljoin(base_url, value)
                if url not in out:
                    out.append(url)
    return out


def parse(body: bytes | str, url: str) -> object | None:
    """JSON of an endpoint reply or script block, or None (logged) when it is not JSON or too big."""
    if len(body) > MAX_JSON_BYTES:
        log.info("JSON at %s is larger than %d bytes: not read", url, MAX_JSON_BYTES)
        return None
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        log.info("not JSON at %s: %s", url, exc)
        return None


def links(data: object, base_url: str) -> list[tuple[str, str]]:
    """``(absolute url, anchor text)`` of every address in ``data``, anchored by its object's title."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()

    def walk(node: object, title: str, depth: int) -> None:
        if depth > MAX_DEPTH or len(out) >= MAX_LINKS:
            return
        if isinstance(node, dict):
            own = next((node[k] for k in _TITLE_KEYS if isinstance(node.get(k), str) and node[k].strip()), None)
            title = own.strip()[:300] if own else title
            for value in node.values():
                walk(value, title, depth + 1)
        elif isinstance(node, list):
            for value in node:
                walk(value, title, depth + 1)
        elif isinstance(node, str) and _is_address(node):
            url = urljoin(base_url, node.strip())
            if url not in seen and urlsplit(url).scheme in ("http", "https"):
                seen.add(url)
                out.append((url, title))

    walk(data, "", 0)
    return out


def _is_address(value: str) -> bool:
    """An absolute http(s) address, or a root-relative path (``/api/…``, ``/files/x.pdf``)."""
    value = value.strip()
    if " " in value or len(value) > 2000:
        return False
    if value.startswith(("http://", "https://")):
        return True
    return value.startswith("/") and not value.startswith("//") and _PATH.fullmatch(value) is not None
