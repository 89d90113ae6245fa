"""HTML of a site's pages: the chrome (menus, breadcrumbs, footer, cookie banner) around the content.

:func:`page_links` is the single source of a page's links: the renderer shows exactly these and
the manifest's reachability is computed from them.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from simweb.sites.model import Block, Link, Page, Site
from simweb.sites.vocab import SECTION_ORDER

_BODY_CLASS = {"sitevision": "sv-layout sv-template-page", "episerver": "epi-page", "wordpress": "page wp-site",
               "drupal": "path-node page-node-type-page"}


def _ancestors(site: Site, page: Page) -> list[Page]:
    out: list[Page] = []
    seen = {page.path}
    parent = page.parent
    while parent and parent in site.pages and parent not in seen:
        seen.add(parent)
        out.append(site.pages[parent])
        parent = site.pages[parent].parent
    return list(reversed(out))


def chrome_links(site: Site) -> tuple[list[Link], list[Link], list[Link]]:
    """(header utility links, main menu, footer links) shared by every page of ``site``."""
    if site.chrome_cache is not None:
        return site.chrome_cache
    header = [Link(site.home, "Startsida"), Link(site.news_list, "Nyheter"), Link(site.urls.calendar(), "Kalender")]
    search = site.urls.search()
    if search:
        header.append(Link(search[0], "Sök"))
    header += [lk for lk in site.utility if lk.kind == "trap"]
    menu = [Link(site.pages[path].path, site.pages[path].title) for path in _section_paths(site)]
    footer = [lk for lk in site.utility if lk.kind != "trap"] + list(site.footer_traps)
    footer += [Link(url, text, kind="offsite") for text, url in site.offsite.items()]
    site.chrome_cache = (header, menu, footer)
    return site.chrome_cache


def _section_paths(site: Site) -> list[str]:
    return [path for path, page in site.pages.items() if page.kind == "section"][: len(SECTION_ORDER)]


def subnav(site: Site, page: Page) -> list[Link]:
    chain = [a for a in _ancestors(site, page) if a.kind != "home"] + [page]
    out: list[Link] = []
    seen: set[str] = set()
    for node in chain:
        for child in node.children:
            c = site.pages.get(child)
            if c is not None and c.in_nav and child not in seen:
                seen.add(child)
                out.append(Link(child, c.title))
    return out


def tool_links(site: Site, page: Page) -> list[Link]:
    p = site.profile
    out = []
    if p.print_style == "path" and page.path.startswith("/"):
        out.append(Link("/print" + page.path, "Skriv ut", kind="trap"))
    elif p.print_style == "query":
        out.append(Link(page.path + ("&" if "?" in page.path else "?") + "print=1", "Skriv ut", kind="trap"))
    if "share_variant" in p.traps:
        out.append(Link("/dela?url=" + quote(page.path, safe=""), "Dela sidan", kind="trap"))
    return out


def page_links(site: Site, page: Page, *, print_mode: bool = False) -> list[Link]:
    """Every link on ``page`` in document order."""
    content = [lk for block in page.blocks for lk in block.links]
    if print_mode:
        return content
    header, menu, footer = chrome_links(site)
    crumbs = [Link(a.path, a.title) for a in _ancestors(site, page)]
    return header + menu + crumbs + subnav(site, page) + content + tool_links(site, page) + footer


# -- HTML -------------------------------------------------------------------------------------
def _href(site: Site, lk: Link, sid: str | None) -> str:
    href = lk.href
    if sid and lk.kind in ("page", "trap") and href.startswith("/"):
        style = site.profile.session_style
        if style == "jsessionid":
            path, _, query = href.partition("?")
            href = f"{path};jsessionid={sid}" + (f"?{query}" if query else "")
        else:
            href += ("&" if "?" in href else "?") + f"sid={sid}"
    return escape(href, quote=True)


def _a(site: Site, lk: Link, sid: str | None, cls: str = "") -> str:
    attrs = f' class="{cls}"' if cls else ""
    if lk.kind == "offsite":
        attrs += ' rel="noopener" target="_blank"'
    return f'<a href="{_href(site, lk, sid)}"{attrs}>{escape(lk.text)}</a>'


def _block_html(site: Site, block: Block, sid: str | None) -> str:
    out = ['<section class="block block-%s">' % block.kind]
    if block.heading:
        out.append(f"<h2>{escape(block.heading)}</h2>")
    out.extend(f"<p>{escape(text)}</p>" for text in block.paragraphs)
    if block.links:
        if block.kind == "doclist":
            for lk in block.links:
                out.append('<div class="document">')
                if lk.heading:
                    out.append(f"<h3>{escape(lk.heading)}</h3>")
                if lk.note:
                    out.append(f"<p>{escape(lk.note)}</p>")
                out.append(f"<p>{_a(site, lk, sid, 'doc-link')}</p></div>")
        else:
            out.append("<ul>")
            for lk in block.links:
                before = f'<span class="date">{escape(lk.note)}</span> ' if lk.note else ""
                after = f' <span class="meta">{escape(lk.after)}</span>' if lk.after else ""
                out.append(f"<li>{before}{_a(site, lk, sid)}{after}</li>")
            out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


_DOCLIST_SCRIPT = (
    "<script>(function(){var el=document.getElementById('dokumentlista');function show(d){el.innerHTML='';"
    "(d.dokument||[]).forEach(function(x){if(!x.fil||!x.fil.url)return;var a=document.createElement('a');"
    "a.href=x.fil.url;a.textContent=x.titel+' ('+x.fil.typ+')';var li=document.createElement('li');"
    "li.appendChild(a);el.appendChild(li);});}%s})();</script>")


def _json_html(site: Site, page: Page, block: Block) -> str:
    """A document list the page's script fills from JSON: an endpoint (``data-src``) or inline JSON."""
    head = f"<h2>{escape(block.heading)}</h2>" if block.heading else ""
    if page.json_source:
        src = escape(page.json_source, quote=True)
        return (f'<section class="block block-json">{head}<ul id="dokumentlista" class="js-doclist" '
                f'data-src="{src}"><li>Dokumenten laddas …</li></ul><noscript><p>Aktivera JavaScript för att se '
                "dokumentlistan.</p></noscript>"
                + _DOCLIST_SCRIPT % "fetch(el.getAttribute('data-src')).then(function(r){return r.json()}).then(show);"
                + "</section>")
    data = site.real.json_inline if site.real is not None else "{}"
    return (f'<section class="block block-json">{head}<ul id="dokumentlista" class="js-doclist"></ul>'
            f'<script type="application/json" id="dokumentlista-data">{data}</script>'
            + _DOCLIST_SCRIPT % "show(JSON.parse(document.getElementById('dokumentlista-data').textContent));"
            + "</section>")


def _list(site: Site, links: list[Link], sid: str | None, cls: str) -> str:
    items = "".join(f"<li>{_a(site, lk, sid)}</li>" for lk in links)
    return f'<ul class="{cls}">{items}</ul>'


def render_page(site: Site, page: Page, *, sid: str | None = None, print_mode: bool = False,
                article: str | None = None) -> str:
    """The full HTML document of ``page`` (``article``: the HTML fragment of a document page)."""
    p = site.profile
    head_meta = '<meta charset="utf-8">'
    if p.charset != "utf-8":
        head_meta = ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
                     if p.charset_declared in ("meta", "both") else "")
    title = f"{page.title} - {p.display_name}"
    main = []
    if article is not None:
        main.append(article)
    else:
        main.append(f"<h1>{escape(page.title)}</h1>")
        if page.intro:
            main.append(f'<p class="lead">{escape(page.intro)}</p>')
    main.extend(_json_html(site, page, block) if block.kind == "json" else _block_html(site, block, sid)
                for block in page.blocks)
    main.append(f'<p class="updated">Senast uppdaterad: {escape(page.modified)}</p>')
    body_main = "\n".join(main)
    parts = [
        "<!DOCTYPE html>", '<html lang="sv">', "<head>", head_meta,
        f"<title>{escape(title)}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<link rel="canonical" href="http://{p.final_host}{escape(page.path)}">',
        "<style>body{font-family:sans-serif;margin:0}header,footer{background:#f2f2f2;padding:1em}"
        ".cookie-banner{background:#333;color:#fff;padding:1em}</style>",
        "</head>", f'<body class="{_BODY_CLASS[p.cms]}">',
    ]
    if print_mode:
        parts += [f'<main id="content" class="print">{body_main}</main>', "</body></html>"]
        return "\n".join(parts)
    header, menu, footer = chrome_links(site)
    search = site.urls.search()
    crumbs = _ancestors(site, page)
    parts += [
        '<div id="cookie-banner" class="cookie-banner" role="dialog" aria-label="Kakor">'
        "<p>Vi använder kakor (cookies) för att webbplatsen ska fungera och för att förbättra den.</p>"
        '<button type="button">Godkänn alla kakor</button> <button type="button">Endast nödvändiga</button></div>',
        f'<header class="site-header"><a class="logo" href="{_href(site, Link(site.home, ""), sid)}">'
        f"{escape(p.display_name)}</a>",
        '<nav class="utility" aria-label="Genvägar">' + _list(site, header, sid, "utility-links") + "</nav>",
    ]
    if search:
        parts.append(f'<form class="search" action="{escape(search[0])}" method="get" role="search">'
                     f'<label>Sök på webbplatsen <input type="search" name="{search[1]}"></label>'
                     '<button type="submit">Sök</button></form>')
    parts += [
        '<nav class="main-menu" aria-label="Huvudmeny">' + _list(site, menu, sid, "menu") + "</nav></header>",
    ]
    if crumbs:
        parts.append('<nav class="breadcrumbs" aria-label="Du är här">'
                     + _list(site, [Link(a.path, a.title) for a in crumbs], sid, "crumbs") + "</nav>")
    side = subnav(site, page)
    parts.append('<div class="layout">')
    if side:
        parts.append('<nav class="subnav" aria-label="Undermeny">' + _list(site, side, sid, "subnav-links") + "</nav>")
    tools = tool_links(site, page)
    parts.append(f'<main id="content">{body_main}'
                 + (f'<div class="page-tools">{_list(site, tools, sid, "tools")}</div>' if tools else "")
                 + "</main></div>")
    parts += [
        '<footer class="site-footer">',
        f"<p><strong>{escape(p.display_name)}</strong><br>Kommunhuset, Storgatan 1<br>Telefon: 0{p.kommunkod[1:3]}-"
        f"{p.kommunkod[2:]}{p.kommunkod[:2]}00 (växel)<br>E-post: <a href=\"mailto:kommun@{escape(p.base_domain)}\">"
        f"kommun@{escape(p.base_domain)}</a></p>",
        _list(site, footer, sid, "footer-links"), "</footer>", "</body></html>",
    ]
    return "\n".join(parts)


def encode_html(site: Site, html: str) -> tuple[bytes, str]:
    """Bytes and Content-Type of a page in the site's charset (ISO-8859-1 sites: unmappable → &#N;)."""
    p = site.profile
    if p.charset == "utf-8":
        return html.encode("utf-8"), "text/html; charset=utf-8"
    data = html.encode("iso-8859-1", errors="xmlcharrefreplace")
    declared = p.charset_declared in ("header", "both")
    return data, "text/html; charset=iso-8859-1" if declared else "text/html"
