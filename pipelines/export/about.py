"""The "Om data" sheet, first in every workbook: what the file is, where the data come from, what each
column means and which values it takes, the run and classifier behind it, and whom to ask."""

from __future__ import annotations

import os
from typing import Any, Iterable, Sequence

from openpyxl.styles import Alignment, Font
from openpyxl.workbook import Workbook

from pipelines.export import labels
from pipelines.export.columns import Column
from pipelines.results import REVIEW_BELOW_CONFIDENCE, RunInfo

#: Environment variable with the analysts' contact (e-mail or phone), shown in "Om data".
CONTACT_ENV = "INVENTORY_CONTACT"

#: What a column means: column key (or tag) → (Swedish, English).
DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "kommunkod": ("SCB:s fyrsiffriga kommunkod (text, med inledande nolla).", "Statistics Sweden's four-digit code."),
    "kommun": ("Kommunens namn.", "The municipality's name."),
    "lan": ("Länet kommunen ligger i.", "The county."),
    "webbplats": ("Kommunens webbplats enligt registret.", "The municipality's website per the registry."),
    "program_found": ("Om ett näringslivs- eller tillväxtprogram som gällde inventeringsåret hittades. ”okänt” när "
                      "webbplatsen inte kunde genomsökas eller programmet bara är känt från en sida om det.",
                      "Whether a program valid in the inventory year was found; 'unknown' when the site was not "
                      "reached or the program is only known from a page about it."),
    "status": ("Kommunens läge i ett ord: giltigt program, endast utgånget, utkast, program känt men dokumentet inte "
               "hittat, inget program, webbplatsen ej nådd.", "The municipality's state in one phrase."),
    "titel": ("Dokumentets titel som den står på framsidan eller sidan.", "The document's title."),
    "lank": ("Länk till dokumentet.", "Link to the document."),
    "handlingsplan_lankar": ("Länkar till separata handlingsplaner som hör till programmet.",
                             "Links to separate action plans of the program."),
    "sakerhet": (f"Hur säker maskinen är på raden, från 0 (gissning) till 1 (säker). Kommuner under "
                 f"{str(REVIEW_BELOW_CONFIDENCE).replace('.', ',')} tas med i granskningen.",
                 f"How sure the machine is of the row, 0 (a guess) to 1 (sure); municipalities below "
                 f"{REVIEW_BELOW_CONFIDENCE} are listed for review."),
    "flaggad": ("ja = en människa bör titta på raden (se ”varför flaggad”).", "yes = a person should check the row."),
    "varfor_flaggad": ("Skälen till att raden flaggades, i klartext.", "Why the row was flagged."),
    "granskningsstatus": ("Om en analytiker har granskat raden.", "Whether an analyst has reviewed the row."),
    "granskad_av": ("Vem som granskade.", "Who reviewed."),
    "granskad_tid": ("När raden granskades (UTC).", "When it was reviewed (UTC)."),
    "mansklig_andring": ("Uppgifter som analytikern ändrade; de går före maskinens.", "Tags an analyst changed."),
    "crawl_status": ("Hur genomsökningen av webbplatsen gick.", "How the crawl of the site went."),
    "crawl_stopp": ("Varför genomsökningen av webbplatsen slutade.", "Why the crawl of the site ended."),
    "decision_reason": ("Varför inget giltigt program redovisas.", "Why no valid program is reported."),
    "beslutsdetalj": ("Beslutsorsaken i en mening, med årtal där de finns.", "The reason in a sentence."),
    "dokument_id": ("Dokumentets id i körningen (kommunkod och början av filens kontrollsumma).", "The document's id."),
    "korning": ("Körningens nummer i databasen.", "The run's number."),
    "ar": ("Inventeringsåret.", "The inventory year."),
    "roll": ("Dokumentets roll i kommunens beslut: huvuddokument, handlingsplan eller övrigt.",
             "The document's role in the decision."),
    "sha256": ("Teknisk: filens kontrollsumma (samma fil = samma summa).", "Technical: the file's checksum."),
    "slutlig_lank": ("Adressen där hämtningen slutade (efter omdirigeringar).", "Where the fetch ended."),
    "hanvisande_sida": ("Sidan som länkade till dokumentet.", "The page that linked to the document."),
    "lanktext": ("Länkens text på den sidan.", "The link's text on that page."),
    "innehallstyp": ("Teknisk: vad servern sa att filen var.", "Technical: the server's content type."),
    "hamtad": ("När filen hämtades (UTC).", "When the file was fetched (UTC)."),
    "extrahering": ("Om texten i filen gick att läsa.", "Whether the file's text could be read."),
    "sidor": ("Antal sidor.", "Number of pages."),
    "klassificerare": ("Teknisk: klassificerarens version.", "Technical: the classifier's version."),
    "modell": ("Teknisk: modellens id.", "Technical: the model's id."),
    "niva": ("Kommun eller dokument.", "Municipality or document."),
    "relevant": ("ja = dokumentet är kommunens näringslivs- eller tillväxtprogram (eller motsvarande).",
                 "yes = the document is the municipality's business or growth program."),
    "program_type": ("näringslivsprogram/-strategi, tillväxtprogram/-strategi, eller annat (plan, policy …).",
                     "business program, growth program, or other (plan, policy …)."),
    "valid_from": ("Första dagen programmet gäller.", "The first day the program applies."),
    "valid_to": ("Sista dagen programmet gäller; tomt när det gäller tills vidare.", "The last day it applies."),
    "until_further_notice": ("ja = programmet gäller tills vidare (inget slutår).", "yes = open-ended."),
    "valid_in_year": ("Om programmet gällde inventeringsåret.", "Whether the program applied in the year."),
    "rus_link": ("ja = programmet kopplas till den regionala utvecklingsstrategin (RUS).",
                 "yes = tied to the regional development strategy."),
    "intermunicipal_link": ("ja = programmet beskriver samarbete med andra kommuner.",
                            "yes = describes cooperation with other municipalities."),
    "regional": ("RUS, mellankommunal eller ingen regional koppling.", "RUS, intermunicipal or none."),
    "action_plan": ("ja = programmet har eller hänvisar till en handlingsplan.", "yes = has an action plan."),
    "sustainability": ("ja = programmet betonar hållbarhet.", "yes = stresses sustainability."),
    "co_created": ("ja = programmet togs fram tillsammans med näringslivet.", "yes = made together with business."),
    "measurable_goals": ("ja = programmet har mätbara mål.", "yes = has measurable goals."),
    "yearly_activities": ("ja = programmet anger aktiviteter per år.", "yes = lists yearly activities."),
}
_TEXT = {
    "title": ("Om data – inventering av näringslivs- och tillväxtprogram {year}",
              "About the data – inventory of business and growth programs {year}"),
    "what": ("Vad", "What"),
    "source": ("Källa", "Source"),
    "source_text": ("Kommunernas webbplatser, genomsökta automatiskt av kommun-inventering. Varje uppgift har belägg "
                    "(sida och citat) i dokumentfilen.", "The municipalities' websites, crawled automatically."),
    "run": ("Körning", "Run"),
    "run_text": ("nr {run_id}, inventeringsår {year}, startad {started}, klar {finished}",
                 "no. {run_id}, inventory year {year}, started {started}, finished {finished}"),
    "classifier": ("Klassificerare", "Classifier"),
    "contact": ("Kontakt", "Contact"),
    "no_contact": ("(anges med miljövariabeln INVENTORY_CONTACT)", "(set the INVENTORY_CONTACT variable)"),
    "sheet": ("Blad", "Sheet"),
    "column": ("Kolumn", "Column"),
    "meaning": ("Betydelse", "Meaning"),
    "values": ("Värden", "Values"),
    "evidence": ("Belägg för uppgiften: sida och citat ur dokumentet.", "Evidence: page and quote."),
    "date": ("datum ÅÅÅÅ-MM-DD", "date YYYY-MM-DD"),
    "decimal": ("tal 0–1", "number 0–1"),
}


def _t(key: str, lang: str, **values: object) -> str:
    return _TEXT[key][labels.check_lang(lang)].format(**values)


def column_values(column: Column, lang: str) -> str:
    """The values a column takes, as the analyst will see them."""
    kind = column.kind
    if kind in ("bool", "tri"):
        words = list(labels.BOOL_WORDS[lang]) + ([labels.UNKNOWN_WORD[lang]] if kind == "tri" else [])
        return ", ".join(words)
    if kind.startswith("code:"):
        return ", ".join(dict.fromkeys(labels.labels(kind[5:], lang)))
    if kind == "date":
        return _t("date", lang)
    if kind == "decimal":
        return _t("decimal", lang)
    return ""


def describe(column: Column, lang: str) -> str:
    i = labels.check_lang(lang)
    if column.kind == "evidence":
        return _t("evidence", lang)
    pair = DESCRIPTIONS.get(column.key)
    return pair[i] if pair else ""


_REVIEW_PARTS = {
    "machine": ("Maskinens värde (låst).", "The machine's value (locked)."),
    "evidence": ("Maskinens belägg: sida och citat (låst).", "The machine's evidence (locked)."),
    "edit": ("Ditt värde: välj i listan; tomt = ingen ändring. Går före maskinens värde.",
             "Your value: pick from the list; empty = no change. Wins over the machine."),
}
_REVIEW_ROW = {
    "id": ("Radens id (låst).", "The row's id (locked)."),
    "confirmed": ("ja = du har kontrollerat raden och maskinens värden stämmer.",
                  "yes = you checked the row and the machine's values are right."),
    "comment": ("Fri kommentar (sparas med beslutet).", "A free comment (kept with the decision)."),
}


def review_rows(sheets: Sequence[tuple[str, Iterable[Any]]], lang: str) -> list[tuple[str, str, str, str]]:
    """(sheet, header, meaning, values) for the review workbook's columns (``layout.ReviewColumn``)."""
    i = labels.check_lang(lang)
    out = []
    for sheet, columns in sheets:
        for c in columns:
            base, _, part = c.key.partition(":")
            if part in _REVIEW_PARTS:
                meaning = " ".join(x for x in (DESCRIPTIONS.get(base, ("", ""))[i], _REVIEW_PARTS[part][i]) if x)
            else:
                meaning = (_REVIEW_ROW.get(c.key) or DESCRIPTIONS.get(c.key) or ("", ""))[i]
            out.append((sheet, c.header, meaning, ""))
    return out


def column_rows(sheets: Sequence[tuple[str, Iterable[Column]]], lang: str) -> list[tuple[str, str, str, str]]:
    """(sheet, column header, meaning, values) for export columns."""
    return [(sheet, c.header(lang), describe(c, lang), column_values(c, lang)) for sheet, cols in sheets for c in cols]


def add_about_sheet(wb: Workbook, run: RunInfo | None, rows_: Sequence[tuple[str, str, str, str]],
                    lang: str = "sv") -> None:
    """Insert "Om data" as the first sheet of ``wb``; ``rows_`` from :func:`column_rows` (or alike)."""
    from pipelines.export.xlsx import set_text

    ws = wb.create_sheet("Om data" if lang == "sv" else "About the data", 0)
    wb.active = 0
    year = run.year if run else ""
    set_text(ws.cell(row=1, column=1), _t("title", lang, year=year))
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    rows = [(_t("source", lang), _t("source_text", lang))]
    if run is not None:
        rows.append((_t("run", lang), _t("run_text", lang, run_id=run.run_id, year=run.year,
                                         started=run.started_at or "–", finished=run.finished_at or "–")))
        rows.append((_t("classifier", lang), f"{run.classifier_version} {run.model_hash}".strip() or "–"))
    rows.append((_t("contact", lang), os.environ.get(CONTACT_ENV, "").strip() or _t("no_contact", lang)))
    r = 3
    for key, value in rows:
        set_text(ws.cell(row=r, column=1), key)
        ws.cell(row=r, column=1).font = Font(bold=True)
        set_text(ws.cell(row=r, column=2), value)
        r += 1
    r += 1
    for i, head in enumerate((_t("sheet", lang), _t("column", lang), _t("meaning", lang), _t("values", lang)), 1):
        set_text(ws.cell(row=r, column=i), head)
        ws.cell(row=r, column=i).font = Font(bold=True)
    for row in rows_:
        r += 1
        for i, text in enumerate(row, 1):
            set_text(ws.cell(row=r, column=i), text)
            ws.cell(row=r, column=i).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCD", (16, 30, 70, 40)):
        ws.column_dimensions[letter].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
