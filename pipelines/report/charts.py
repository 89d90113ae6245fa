"""Grouped horizontal bar charts as static inline SVG, written from the figures.

Every bar carries its numbers (``data-chart``, ``data-key``, ``data-series``, ``data-count``,
``data-share``) so a reader's tools, and the browser tests, can check them against the CSV.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from pipelines.export import labels
from pipelines.export.summary import percent_text

SERIES_COLOURS = ("#2166ac", "#92c5de", "#b8b8b8")
LABEL_W, BAR_W, VALUE_W, BAR_H, GAP, ROW_GAP = 170, 190, 96, 13, 3, 12


@dataclass
class Bar:
    count: float | None  # None: the series has no count (the published 2017 shares)
    share: float | None  # 0–1; None: no figure


@dataclass
class Row:
    key: str
    label: str
    bars: list[Bar]


def _value_text(bar: Bar, lang: str, no_data: str) -> str:
    if bar.share is None and bar.count is None:
        return no_data
    if bar.count is None:
        return f'{labels.text("words", "about", lang)} {percent_text(bar.share, lang)}'
    count = f"{bar.count:g}"
    return f"{count} ({percent_text(bar.share, lang)})" if bar.share is not None else count


def bar_chart(chart_id: str, title: str, series: list[tuple[str, str]], rows: list[Row], *, lang: str = "sv",
              no_data: str = "–") -> str:
    """An SVG chart: one group of bars per row, one bar per series ((key, name) pairs); bar length = share."""
    group_h = len(series) * (BAR_H + GAP) + ROW_GAP
    legend_h = 18
    height = legend_h + len(rows) * group_h + 4
    label_w = max(LABEL_W, 12 + max((round(6.2 * len(r.label)) for r in rows), default=0))
    width = label_w + BAR_W + VALUE_W
    out = [f'<figure class="chart" id="chart-{escape(chart_id)}"><figcaption>{escape(title)}</figcaption>',
           f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
           f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">']
    x = 0
    for i, (_, name) in enumerate(series):
        out.append(f'<rect x="{x}" y="3" width="10" height="10" fill="{SERIES_COLOURS[i]}"/>'
                   f'<text x="{x + 14}" y="12" class="legend">{escape(name)}</text>')
        x += 14 + 7 * len(name) + 14
    y = legend_h
    for row in rows:
        out.append(f'<text x="0" y="{y + BAR_H - 2}" class="rowlabel">{escape(row.label)}</text>')
        for i, ((series_key, _), bar) in enumerate(zip(series, row.bars)):
            by = y + i * (BAR_H + GAP)
            length = round(BAR_W * max(0.0, min(1.0, bar.share or 0.0)), 1)
            count = "" if bar.count is None else f"{bar.count:g}"
            share = "" if bar.share is None else f"{bar.share:.4f}"
            out.append(
                f'<rect class="bar" x="{label_w}" y="{by}" width="{length}" height="{BAR_H}" fill="{SERIES_COLOURS[i]}" '
                f'data-chart="{escape(chart_id)}" data-key="{escape(row.key)}" data-series="{escape(series_key)}" '
                f'data-count="{count}" data-share="{share}"><title>{escape(row.label)}: '
                f'{escape(_value_text(bar, lang, no_data))}</title></rect>'
                f'<text x="{label_w + length + 4}" y="{by + BAR_H - 2}" class="value">'
                f'{escape(_value_text(bar, lang, no_data))}</text>')
        y += group_h
    out.append("</svg></figure>")
    return "".join(out)
