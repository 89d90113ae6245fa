"""HTML fragments (``<article>…</article>``, UTF-8) from a :class:`Content`.

The site wraps the fragment in its own page chrome. A cover becomes the ``<h1>`` with a
metadata line; a table of contents becomes a list of in-page links.
"""

from __future__ import annotations

from html import escape

from simweb.textgen.model import Bullets, Columns, Content, Cover, Figure, Heading, PageBreak, Para, Table, Toc


def _slug(text: str, n: int) -> str:
    keep = "".join(ch if ch.isalnum() else "-" for ch in text.lower())
    return f"s{n}-" + "-".join(p for p in keep.split("-") if p)[:40]


def render_html(content: Content, *, title: str) -> bytes:
    out: list[str] = ['<article class="document">']
    heading_ids: dict[int, str] = {}
    for n, b in enumerate(content.blocks):
        if isinstance(b, Heading):
            heading_ids[n] = _slug(b.text, n)
    has_h1 = False
    for n, b in enumerate(content.blocks):
        if isinstance(b, Cover):
            text = b.title + (f" {b.big}" if b.big else "")
            out.append(f"<h1>{escape(text)}</h1>")
            has_h1 = True
            if b.subtitle:
                out.append(f'<p class="subtitle">{escape(b.subtitle)}</p>')
            if b.lines:
                out.append('<p class="meta">' + "<br>".join(escape(x) for x in b.lines) + "</p>")
        elif isinstance(b, Toc):
            out.append(f'<nav class="toc"><h2>{escape(b.title)}</h2><ul>')
            for m, h in enumerate(content.blocks[n + 1:], n + 1):
                if isinstance(h, Heading) and h.toc and h.level == 1:
                    out.append(f'<li><a href="#{heading_ids[m]}">{escape(h.text)}</a></li>')
            out.append("</ul></nav>")
        elif isinstance(b, Heading):
            level = min(6, b.level + 1) if has_h1 else min(6, b.level)
            if not has_h1:
                has_h1 = True
                level = 1
            out.append(f'<h{level} id="{heading_ids[n]}">{escape(b.text)}</h{level}>')
        elif isinstance(b, Para):
            cls = f' class="{b.kind}"' if b.kind != "body" else ""
            tag = "blockquote" if b.kind == "quote" else "p"
            out.append(f"<{tag}{cls}>{escape(b.text)}</{tag}>")
        elif isinstance(b, Bullets):
            tag = "ol" if b.numbered else "ul"
            out.append(f"<{tag}>" + "".join(f"<li>{escape(i)}</li>" for i in b.items) + f"</{tag}>")
        elif isinstance(b, Table):
            out.append("<table>")
            if b.caption:
                out.append(f"<caption>{escape(b.caption)}</caption>")
            if any(b.header):
                out.append("<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in b.header) + "</tr></thead>")
            out.append("<tbody>")
            for row in b.rows:
                out.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>")
            out.append("</tbody></table>")
        elif isinstance(b, Figure):
            out.append(f'<figure><div class="image"></div><figcaption>{escape(b.caption)}</figcaption></figure>')
        elif isinstance(b, (PageBreak, Columns)):
            continue
    if not has_h1:
        out.insert(1, f"<h1>{escape(title)}</h1>")
    out.append("</article>")
    return ("\n".join(out) + "\n").encode("utf-8")


def html_text(content: Content, title: str) -> str:
    """The visible text of the fragment (the single 'page' of an HTML document)."""
    from simweb.textgen.model import block_text

    parts = [block_text(b) for b in content.blocks if not isinstance(b, (PageBreak, Columns))]
    if not any(isinstance(b, (Cover, Heading)) for b in content.blocks):
        parts.insert(0, title)
    return "\n".join(p for p in parts if p)
