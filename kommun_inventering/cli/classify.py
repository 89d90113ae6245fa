"""``inventory classify``, ``inventory evaluate``, ``inventory train``: the classifier from the command line.

Bad input lines (not UTF-8, not JSON, no id, empty text) are reported on stderr with their line
number; the other lines are still classified and written, and the exit code is 1. With
``--strict`` nothing is written when any line is bad. Output is written atomically.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Optional

import typer

from kommun_inventering.cli import DEVELOPERS, app
from kommun_inventering.cli.common import fail_usage


def _current_year() -> int:
    return date.today().year


@app.command("classify", rich_help_panel=DEVELOPERS)
def classify_cmd(
    input_path: Path = typer.Argument(..., metavar="INPUT.jsonl", help='Lines {"id", "text"} (+ title, url, anchor_text, municipality); "\\f" separates pages.'),
    output: Path = typer.Option(..., "-o", "--output", metavar="OUTPUT.jsonl", help="Where to write one classification per line."),
    year: int = typer.Option(None, "--year", help="Inventory year for valid_in_year (default: the current year; 2017 = the original inventory)."),
    strict: bool = typer.Option(False, "--strict", help="Write nothing if any input line is bad."),
) -> None:
    """Classify raw document texts: relevance, type, validity, regional links, themes, with evidence."""
    from classify.classifier import Classifier, output_row
    from classify.corpus import LineError, read_jsonl
    from storage.atomic import atomic_write_text

    if not input_path.is_file():
        raise fail_usage(f"{input_path}: no such file")
    year = year or _current_year()
    errors: list[LineError] = []
    rows: list[str] = []
    classifier = Classifier()
    for item in read_jsonl(input_path):
        if isinstance(item, LineError):
            errors.append(item)
            typer.secho(f"error: {item}", fg=typer.colors.RED, err=True)
            continue
        result = classifier.classify(item.document, year)
        rows.append(json.dumps(output_row(result), ensure_ascii=False))
    if errors and strict:
        typer.secho(f"{len(errors)} bad line(s) in {input_path}: nothing written (--strict)", err=True)
        raise typer.Exit(code=1)
    atomic_write_text(output, "".join(r + "\n" for r in rows))
    typer.echo(f"{len(rows)} document(s) classified for {year} → {output} (model {classifier.model_hash})", err=True)
    if errors:
        typer.secho(f"{len(errors)} bad line(s) skipped", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=1)


@app.command("evaluate", rich_help_panel=DEVELOPERS)
def evaluate_cmd(
    labeled: Path = typer.Argument(..., metavar="LABELED.jsonl", help="Labeled records (corpus format: id, text, … and every tag)."),
    year: Optional[int] = typer.Option(None, "--year", help="Inventory year for records without their own 'year' field."),
    errors: bool = typer.Option(False, "--errors", help="Also list every wrong tag with the document id."),
) -> None:
    """Score the classifier on a labeled file: per tag, per kind of page (with the ids judged wrong), calibration, confusions."""
    from classify.classifier import Classifier
    from classify.corpus import LabeledFileError, load_labeled
    from classify.evaluate import score

    if not labeled.is_file():
        raise fail_usage(f"{labeled}: no such file")
    try:
        items = load_labeled([labeled], default_year=year or _current_year())
    except LabeledFileError as exc:
        raise fail_usage(str(exc)) from None
    classifier = Classifier()
    preds = [classifier.classify(it.document, it.year) for it in items]
    report = score([it.gold for it in items], preds, [it.document.id for it in items], [it.kind for it in items])
    typer.echo(f"model {classifier.model_hash}")
    typer.echo(report.table())
    if errors and report.errors:
        typer.echo("\nwrong tags:")
        typer.echo("\n".join(report.errors))


@app.command("train", rich_help_panel=DEVELOPERS)
def train_cmd(
    extra: list[Path] = typer.Option([], "--extra", metavar="FILE", help="Analyst-reviewed labeled JSONL to train on as well (repeatable)."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", metavar="DIR", help="Corpus folder (default classify/data/corpus)."),
    model_path: Optional[Path] = typer.Option(None, "--model", metavar="FILE", help="Where to save the model (default: the user's cache, ~/.cache/kommun-inventering)."),
) -> None:
    """Train the relevance model on classify/data/corpus/train*.jsonl (+ --extra) into the user's cache; prints its hash."""
    from classify.corpus import LabeledFileError
    from classify.corpus import CORPUS_DIR
    from classify.model import clear_cache, train
    from classify.model import model_path as model_path_default

    for path in extra:
        if not path.is_file():
            raise fail_usage(f"{path}: no such file")
    try:
        model = train(extra=[p.resolve() for p in extra], folder=corpus or CORPUS_DIR, save_to=model_path or model_path_default())
    except (LabeledFileError, FileNotFoundError, ValueError) as exc:
        raise fail_usage(str(exc)) from None
    clear_cache()
    meta = model.meta
    typer.echo(f"model {meta['model_hash']}: {meta['n_train']} documents ({meta['n_relevant']} relevant) → {model_path or model_path_default()}")
