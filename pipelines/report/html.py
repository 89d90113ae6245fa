"""``rapport.html``: one self-contained page (inline CSS, JS and SVG) that opens offline.

Sections: key figures beside the previous run and the 2017 inventory, charts, a map of the
municipalities (and the counties) coloured by status, a table per county, why no program, and a
sortable list of all municipalities with links to the program and its evidence. Every number
comes from :func:`pipelines.export.summary.summary_figures` over the same results as
``kommuner.csv``.
"""

from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from functools import lru_cache
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any, Sequence

from pipelines.export import labels
from pipelines.export.columns import municipality_action_plan
from pipelines.export.summary import INVENTORY_2017, summary_figures, summary_rows, figure_text, percent_text
from pipelines.report.charts import Bar, Row, bar_chart
from pipelines.report.status import STATUS_COLOURS, STATUSES, municipality_status, status_label
from pipelines.results import DocumentResult, MunicipalityResult, RunInfo
from storage.atomic import atomic_write_text
from storage.version import __version__

log = logging.getLogger(__name__)

REPORT_NAME = "rapport.html"
EVIDENCE_ITEMS = 4
QUOTE_CHARS = 200
#: Reasons the shared vocabulary may not know yet: code → (Swedish, English).
EXTRA_REASONS = labels.pairs("report_extra_reasons")


@lru_cache(maxsize=1)
def map_data() -> dict[str, Any]:
    """The simplified boundaries (see ``build_map.py`` for source, licence and simplification)."""
    raw = resources.files("pipelines.report").joinpath("data/sverige_karta.json").read_text(encoding="utf-8")
    return json.loads(raw)


def _asset(name: str) -> str:
    return resources.files("pipelines.report").joinpath(f"data/{name}").read_text(encoding="utf-8")


def safe_url(url: str | None) -> str | None:
    """Only http(s) addresses become links (crawled data is untrusted)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _reason_label(code: str, lang: str) -> str:
    if code in EXTRA_REASONS:
        return EXTRA_REASONS[code][labels.check_lang(lang)]
    return labels.label("decision_reason", code, lang)


# ---- sections ----------------------------------------------------------------------------------

def _comparison(t: dict[str, str], run: RunInfo, figures: dict[str, Any],
                previous: tuple[RunInfo, dict[str, Any]] | None, lang: str) -> str:
    columns = [(t["this_run"].format(year=run.year), figures)]
    if previous is not None:
        columns.append((t["previous_run"].format(year=previous[0].year), previous[1]))
    columns.append((t["published_2017"], INVENTORY_2017))
    head = "".join(f"<th>{escape(name)}</th>" for name, _ in columns)
    body = []
    for label, _, count_key, share_key in summary_rows(figures, lang):
        cells = "".join(f'<td class="num">{escape(figure_text(f, count_key, share_key, lang))}</td>' for _, f in columns)
        body.append(f'<tr data-key="{escape(count_key or "")}"><th scope="row">{escape(label)}</th>{cells}</tr>')
    return (f'<section id="jamforelse"><h2>{escape(t["figures_title"])}</h2>'
            f'<table class="figures"><thead><tr><th>{escape(t["measure"])}</th>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table><p class="note">{escape(t["share_note"])}</p></section>')


def _series(t: dict[str, str], run: RunInfo, previous: tuple[RunInfo, dict[str, Any]] | None) -> list[tuple[str, str]]:
    series = [("current", str(run.year))]
    if previous is not None:
        series.append(("previous", f"{t['previous_run'].split('(')[0].strip()} ({previous[0].year})"))
    series.append(("2017", t["published_2017"]))
    return series


def _charts(t: dict[str, str], run: RunInfo, figures: dict[str, Any],
            previous: tuple[RunInfo, dict[str, Any]] | None, status_counts: Counter, lang: str) -> str:
    sets = [figures, *([previous[1]] if previous else []), INVENTORY_2017]
    series = _series(t, run, previous)

    def row(key: str, label: str, count_key: str | None, share_key: str) -> Row:
        bars = []
        for f in sets:
            count = f.get(count_key) if count_key else None
            if f is INVENTORY_2017 and count_key not in INVENTORY_2017:
                count = None
            bars.append(Bar(count, f.get(share_key)))
        return Row(key, label, bars)

    def tag(key: str) -> str:
        return labels.tag_name(key, lang)

    specs = [
        ("found", t["chart_found"], [row("programs_found", t["row_found"], "programs_found", "programs_found_share")]),
        ("type", t["chart_type"], [row(f"type_{c}", labels.label("program_type", c, lang), f"type_{c}", f"type_{c}_share")
                                    for c in ("naringslivsprogram", "tillvaxtprogram", "annat")]),
        ("regional", t["chart_regional"], [row(f"regional_{c}", labels.label("regional", c, lang), f"regional_{c}",
                                              f"regional_{c}_share") for c in ("none", "rus", "intermunicipal")]),
        ("action_plan", t["chart_action"], [row("action_plan", t["row_action"], "action_plan", "action_plan_share")]),
        ("sustainability", t["chart_sustainability"],
         [row("sustainability", t["row_sustainability"], "sustainability", "sustainability_share")]),
        ("success", t["chart_success"], [row(k, tag(k), k, f"{k}_share")
                                         for k in ("co_created", "measurable_goals", "yearly_activities")]),
    ]
    charts = [bar_chart(cid, title, series, rows, lang=lang, no_data=t["no_data"]) for cid, title, rows in specs]
    total = sum(status_counts.values()) or 1
    status_rows = [Row(s, status_label(s, lang), [Bar(status_counts.get(s, 0), status_counts.get(s, 0) / total)])
                   for s in STATUSES]
    charts.insert(1, bar_chart("status", t["chart_status"], [("current", str(run.year))], status_rows, lang=lang))
    return f'<section id="diagram"><h2>{escape(t["charts_title"])}</h2><div class="charts">{"".join(charts)}</div></section>'


def _county_colour(share: float) -> str:
    steps = ("#f7fcf5", "#c7e9c0", "#74c476", "#31a354", "#006d2c")
    return steps[min(len(steps) - 1, int(share * len(steps)))]


def _map(t: dict[str, str], municipalities: Sequence[MunicipalityResult], statuses: dict[str, str],
         by_county: dict[str, list[MunicipalityResult]], lang: str) -> str:
    data = map_data()
    vb = " ".join(str(v) for v in data["viewBox"])
    names = {m.kommunkod: m for m in municipalities}
    paths = []
    for code, shape in data["municipalities"].items():
        m = names.get(code)
        status = statuses.get(code)
        name = m.name if m else shape["name"]
        state = status_label(status, lang) if status else t["not_in_run"]
        cls = f"m s-{status}" if status else "m s-none"
        paths.append(f'<a href="#k-{code}"><path class="{cls}" data-kod="{code}" data-status="{status or ""}" '
                     f'd="{shape["d"]}"><title>{escape(name)}: {escape(state)}</title></path></a>')
    county_lines = "".join(f'<path class="lan-border" data-lan="{code}" d="{shape["d"]}"/>'
                           for code, shape in data["counties"].items())
    counts = Counter(statuses.values())
    legend = "".join(
        f'<li><span class="swatch" style="background:{STATUS_COLOURS[s]}"></span>{escape(status_label(s, lang))} '
        f'<b data-status-count="{s}">{counts.get(s, 0)}</b></li>' for s in STATUSES)
    options = "".join(f'<option value="{code}">{escape(shape["name"])}</option>'
                      for code, shape in sorted(data["counties"].items(), key=lambda kv: kv[1]["name"]))
    county_paths = []
    for code, shape in data["counties"].items():
        ms = by_county.get(code, [])
        valid = sum(1 for m in ms if statuses.get(m.kommunkod) == "program_valid")
        share = valid / len(ms) if ms else 0.0
        tip = f"{shape['name']}: {valid} {t['key_of']} {len(ms)} ({percent_text(share if ms else None, lang)})"
        county_paths.append(f'<path class="c" data-lan="{code}" fill="{_county_colour(share)}" d="{shape["d"]}">'
                            f'<title>{escape(tip)}</title></path>')
    scale = "".join(f'<li><span class="swatch" style="background:{_county_colour(i / 5 + 0.01)}"></span>'
                    f'{i * 20}–{(i + 1) * 20} %</li>' for i in range(5))
    return (
        f'<section id="karta"><h2>{escape(t["map_title"])}</h2>'
        f'<p class="no-print"><label>{escape(t["map_zoom"])} <select id="lan-val"><option value="">'
        f'{escape(t["map_all"])}</option>{options}</select></label> {escape(t["map_hint"])}</p>'
        f'<div class="maps"><figure><figcaption>{escape(t["map_municipalities"])}</figcaption>'
        f'<svg id="karta-kommuner" viewBox="{vb}" data-full="{vb}" xmlns="http://www.w3.org/2000/svg">'
        f'{"".join(paths)}<g class="lan-borders">{county_lines}</g></svg></figure>'
        f'<ul class="legend">{legend}</ul>'
        f'<figure><figcaption>{escape(t["map_counties"])}</figcaption>'
        f'<svg id="karta-lan" viewBox="{vb}" xmlns="http://www.w3.org/2000/svg">{"".join(county_paths)}</svg></figure>'
        f'<ul class="legend">{scale}</ul></div>'
        f'<p class="note">{escape(t["map_source"].format(source=data["source"]))}</p></section>'
    )


def _counties(t: dict[str, str], by_county: dict[str, list[MunicipalityResult]], statuses: dict[str, str],
              lang: str) -> str:
    head = "".join(f'<th class="num">{escape(status_label(s, lang))}</th>' for s in STATUSES)
    rows = []
    for code, ms in sorted(by_county.items(), key=lambda kv: kv[0]):
        c = Counter(statuses[m.kommunkod] for m in ms)
        cells = "".join(f'<td class="num">{c.get(s, 0)}</td>' for s in STATUSES)
        share = c.get("program_valid", 0) / len(ms)
        rows.append(f'<tr data-lan="{escape(code)}"><th scope="row">{escape(ms[0].county_name)}</th>'
                    f'<td class="num">{len(ms)}</td>{cells}<td class="num">{percent_text(share, lang)}</td></tr>')
    return (f'<section id="lan"><h2>{escape(t["counties_title"])}</h2><table class="counties sortable"><thead><tr>'
            f'<th>{escape(t["county"])}</th><th class="num">{escape(t["municipalities"])}</th>{head}'
            f'<th class="num">{escape(t["share_valid"])}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></section>')


def _why(t: dict[str, str], figures: dict[str, Any], lang: str) -> str:
    reasons = sorted(figures.get("no_program_reasons", {}).items(), key=lambda kv: (-kv[1], kv[0]))
    total = sum(n for _, n in reasons) or 1
    rows = "".join(f'<tr data-reason="{escape(code)}"><th scope="row">{escape(_reason_label(code, lang))}</th>'
                   f'<td class="num">{n}</td><td class="num">{percent_text(n / total, lang)}</td></tr>'
                   for code, n in reasons)
    chart = bar_chart("why", t["chart_why"], [("current", t["count"])],
                      [Row(code, _reason_label(code, lang), [Bar(n, n / total)]) for code, n in reasons], lang=lang)
    return (f'<section id="varfor"><h2>{escape(t["why_title"])}</h2><p class="note">{escape(t["why_note"])}</p>'
            f'<div class="side"><table class="why"><thead><tr><th>{escape(t["reason"])}</th><th class="num">'
            f'{escape(t["count"])}</th><th class="num">%</th></tr></thead><tbody>{rows}</tbody></table>{chart}</div></section>')


def _validity(doc: DocumentResult | None, t: dict[str, str]) -> str:
    if doc is None:
        return ""
    c = doc.classification
    start = (c.valid_from or "")[:4]
    end = t["until_further_notice"] if c.until_further_notice and not c.valid_to else (c.valid_to or "")[:4]
    return f"{start}–{end}" if start or end else ""


def _evidence(doc: DocumentResult | None, t: dict[str, str], lang: str) -> str:
    if doc is None:
        return ""
    link = safe_url(doc.link)
    seen: set[str] = set()
    items = []
    for tag, evs in doc.classification.evidence.items():
        for ev in evs:
            quote = " ".join(str(getattr(ev, "quote", "") or "").split())
            if not quote or quote in seen:
                continue
            seen.add(quote)
            if len(quote) > QUOTE_CHARS:
                quote = quote[: QUOTE_CHARS - 1].rstrip() + "…"
            page = getattr(ev, "page", None)
            where = f'{t["page"]} {page}' if page else labels.label("evidence_source", getattr(ev, "source", ""), lang)
            if link and page:
                where = f'<a href="{escape(link)}#page={int(page)}" rel="noopener noreferrer">{escape(where)}</a>'
            else:
                where = escape(where)
            items.append(f'<li>{where}: ”{escape(quote)}” <i>({escape(labels.tag_name(tag, lang))})</i></li>')
            if len(items) >= EVIDENCE_ITEMS:
                break
        if len(items) >= EVIDENCE_ITEMS:
            break
    if not items:
        return ""
    return f'<details><summary>{escape(t["evidence_summary"].format(n=len(items)))}</summary><ul>{"".join(items)}</ul></details>'


def _list(t: dict[str, str], municipalities: Sequence[MunicipalityResult], statuses: dict[str, str], lang: str) -> str:
    cols = ["col_code", "col_municipality", "col_county", "col_status", "col_program", "col_type", "col_valid",
            "col_regional", "col_action", "col_sustainability", "col_evidence", "col_review"]
    head = "".join(f'<th data-col="{i}">{escape(t[c])}</th>' for i, c in enumerate(cols))
    rows = []
    for m in sorted(municipalities, key=lambda m: m.kommunkod):
        status = statuses[m.kommunkod]
        doc = m.primary if m.program_found else None
        c = doc.classification if doc else None
        url = safe_url(m.program_url) if m.program_found else None
        title = (doc.title if doc else None) or (url or "")
        if url:
            program = f'<a href="{escape(url)}" rel="noopener noreferrer" title="{escape(t["program_link_title"])}">{escape(title)}</a>'
        elif m.program_found:
            program = escape(title)
        else:
            program = f'<span class="reason">{escape(_reason_label(m.decision_reason or "nothing_found", lang))}</span>'
        action = municipality_action_plan(m) if m.program_found else None
        cells = [
            escape(m.kommunkod), escape(m.name), escape(m.county_name),
            f'<span class="swatch" style="background:{STATUS_COLOURS.get(status, "#fff")}"></span>{escape(status_label(status, lang))}',
            program,
            escape(labels.label("program_type", c.program_type, lang)) if c else "",
            escape(_validity(doc, t)),
            escape(labels.label("regional", c.regional, lang)) if c else "",
            escape(labels.bool_word(action, lang)) if action is not None else "",
            escape(labels.bool_word(c.sustainability, lang)) if c and c.sustainability is not None else "",
            _evidence(doc, t, lang),
            escape(labels.label("review_status", m.review_status, lang)),
        ]
        tds = "".join(f"<td>{cell}</td>" for cell in cells)
        rows.append(f'<tr id="k-{escape(m.kommunkod)}" data-status="{status}" data-lan="{escape(m.county_code)}">{tds}</tr>')
    return (f'<section id="kommuner"><h2>{escape(t["list_title"])} ({len(rows)})</h2>'
            f'<p class="no-print"><label>{escape(t["list_filter"])} <input id="filter" type="search"></label> '
            f'{escape(t["list_hint"])}</p><table id="lista" class="list sortable"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></section>')


# ---- the page ----------------------------------------------------------------------------------

def render_report(
    run: RunInfo,
    municipalities: Sequence[MunicipalityResult],
    documents: Sequence[DocumentResult] = (),
    *,
    previous: tuple[RunInfo, Sequence[MunicipalityResult], Sequence[DocumentResult]] | None = None,
    lang: str = "sv",
    version: str = "",
) -> str:
    """The whole page as one HTML string (results with the reviews applied, as for the exports)."""
    labels.check_lang(lang)
    t = labels.texts("report", lang)
    figures = summary_figures(municipalities, documents)
    prev = (previous[0], summary_figures(previous[1], previous[2])) if previous is not None else None
    statuses = {m.kommunkod: municipality_status(m) for m in municipalities}
    counts = Counter(statuses.values())
    by_county: dict[str, list[MunicipalityResult]] = defaultdict(list)
    for m in municipalities:
        by_county[m.county_code].append(m)
    total = len(municipalities)
    valid = counts.get("program_valid", 0)
    meta = t["meta"].format(run_id=run.run_id, year=run.year, end=(run.finished_at or "–").replace("T", " ")[:16],
                            size=total)
    nav = "".join(f'<a href="#{anchor}">{escape(t[key])}</a>' for anchor, key in (
        ("jamforelse", "nav_figures"), ("diagram", "nav_charts"), ("karta", "nav_map"), ("lan", "nav_counties"),
        ("varfor", "nav_why"), ("kommuner", "nav_list")))
    keys = (f'<div class="keys"><div><b id="key-valid">{valid}</b> {escape(t["key_of"])} {total} '
            f'({percent_text(valid / total if total else None, lang)}) {escape(t["key_found"])}</div>'
            f'<div><b>{figures["flagged"]}</b> {escape(t["key_flagged"])}</div>'
            f'<div><b>{figures["reviewed"]}</b> {escape(t["key_reviewed"])}</div></div>')
    status_css = "".join(f".s-{s}{{fill:{c}}}" for s, c in STATUS_COLOURS.items()) + ".s-none{fill:#fff}"
    body = "".join([
        _comparison(t, run, figures, prev, lang),
        _charts(t, run, figures, prev, counts, lang),
        _map(t, municipalities, statuses, by_county, lang),
        _counties(t, by_county, statuses, lang),
        _why(t, figures, lang),
        _list(t, municipalities, statuses, lang),
    ])
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{escape(t["title"].format(year=run.year))}</title>'
        f'<style>{_asset("report.css")}{status_css}</style></head><body>'
        f'<header><p class="sub">{escape(t["subtitle"])}</p><h1>{escape(t["title"].format(year=run.year))}</h1>'
        f'<p class="meta">{escape(meta)}</p><nav class="no-print">{nav}'
        f'<button type="button" id="skriv-ut">{escape(t["print"])}</button></nav>{keys}</header>'
        f'<main>{body}</main><footer><p>{escape(t["footer"].format(version=version or "–", classifier=run.classifier_version or "–"))}</p></footer>'
        f'<script>{_asset("report.js")}</script></body></html>'
    )


def write_report(
    folder: Path,
    run: RunInfo,
    municipalities: Sequence[MunicipalityResult],
    documents: Sequence[DocumentResult] = (),
    *,
    previous: tuple[RunInfo, Sequence[MunicipalityResult], Sequence[DocumentResult]] | None = None,
    lang: str = "sv",
) -> Path:
    """Write ``<folder>/rapport.html`` atomically; returns its path."""
    path = Path(folder) / REPORT_NAME
    html = render_report(run, municipalities, documents, previous=previous, lang=lang, version=__version__)
    atomic_write_text(path, html)
    log.info("wrote %s (%d kB)", path, len(html.encode("utf-8")) // 1024)
    return path
