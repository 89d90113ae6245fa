"""Registry loading and validation: the project's own file, user files, and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from crawler.registry import (
    DEFAULT_REGISTRY,
    RegistryError,
    load_registry,
    select,
    write_registry,
)
from kommun_inventering.cli import app

HEADER = "kommunkod,name,official_name,county_code,county_name,website,website_source\n"
GOOD_ROWS = (
    "0114,Upplands Väsby,Upplands Väsby kommun,01,Stockholms län,https://www.upplandsvasby.se/,x\n"
    "1280,Malmö,Malmö stad,12,Skåne län,https://malmo.se/,x\n"
)


def write(tmp_path: Path, text: str | bytes, name: str = "reg.csv") -> Path:
    p = tmp_path / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return p


def test_default_registry_has_290_unique_municipalities() -> None:
    items = load_registry()
    assert len(items) == 290
    assert len({m.kommunkod for m in items}) == 290
    assert len({m.county_code for m in items}) == 21
    gotland = next(m for m in items if m.kommunkod == "0980")
    assert gotland.official_name == "Region Gotland"
    assert all(m.website.startswith("https://") and m.host for m in items)
    # leading zeros kept
    assert items[0].kommunkod == "0114"


def test_subset_file_with_http_urls_is_accepted(tmp_path: Path) -> None:
    p = write(tmp_path, HEADER + GOOD_ROWS.replace("https://", "http://"))
    items = load_registry(p)
    assert [m.kommunkod for m in items] == ["0114", "1280"]
    assert items[1].host == "malmo.se"


def test_minimal_columns_and_bom_and_semicolons(tmp_path: Path) -> None:
    p = write(tmp_path, "\ufeffkommunkod;name;county_code;website\n0114;Upplands Väsby;01;https://www.upplandsvasby.se/\n")
    (m,) = load_registry(p)
    assert m.name == "Upplands Väsby" and m.county_code == "01"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("kommunkod,name,county_code\n0114,A,01\n", "missing column(s): website"),
        (HEADER + GOOD_ROWS + GOOD_ROWS.splitlines(True)[0], "line 4: duplicate kommunkod 0114 (first on line 2)"),
        (HEADER + "0114,A,A kommun,01,S,ftp://a.se/,x\n", "line 2: website 'ftp://a.se/' is not an http(s) URL"),
        (HEADER + "0114,A,A kommun,01,S,https://not a host/,x\n", "contains white space"),
        (HEADER + "114,A,A kommun,01,S,https://a.se/,x\n", "line 2: kommunkod '114' is not a 4-digit code"),
        (HEADER + "0114,A,A kommun,12,S,https://a.se/,x\n", "does not belong to county_code 12"),
        (HEADER, "has a header but no municipalities"),
        ("", "is empty"),
    ],
)
def test_bad_files_give_one_clear_line(tmp_path: Path, content: str, expected: str) -> None:
    p = write(tmp_path, content)
    with pytest.raises(RegistryError) as err:
        load_registry(p)
    message = str(err.value)
    assert expected in message
    assert str(p) in message
    assert "\n" not in message


def test_wrong_encoding_is_named(tmp_path: Path) -> None:
    p = write(tmp_path, (HEADER + GOOD_ROWS).encode("latin-1"))
    with pytest.raises(RegistryError, match=r"line 2: is not UTF-8 encoded"):
        load_registry(p)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="file not found"):
        load_registry(tmp_path / "nope.csv")


def test_default_registry_must_be_complete(tmp_path: Path) -> None:
    p = write(tmp_path, HEADER + GOOD_ROWS)
    with pytest.raises(RegistryError, match="lists 2 municipalities, expected 290"):
        load_registry(p, expect_full=True)


def test_select_only_and_county() -> None:
    items = load_registry()
    assert [m.name for m in select(items, only="0114,1280")] == ["Upplands Väsby", "Malmö"]
    skane = select(items, county="12")
    assert len(skane) == 33 and all(m.county_code == "12" for m in skane)
    assert select(items, only="1280", county="12")[0].name == "Malmö"
    with pytest.raises(RegistryError, match="unknown kommunkod"):
        select(items, only="0000")
    with pytest.raises(RegistryError, match="not a 4-digit"):
        select(items, only="12a4")


def test_write_registry_round_trip(tmp_path: Path) -> None:
    items = load_registry()[:5]
    out = write_registry(items, tmp_path / "sub.csv")
    assert load_registry(out) == items


def test_cli_municipalities_table_and_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["municipalities", "--only", "0114,1280", "--csv"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[1].startswith("0114,Upplands Väsby,01,")
    assert len(lines) == 3
    bad = write(tmp_path, HEADER + GOOD_ROWS + GOOD_ROWS)
    result = runner.invoke(app, ["municipalities", "--registry", str(bad)])
    assert result.exit_code == 2
    assert "duplicate kommunkod" in result.output
    result = runner.invoke(app, ["municipalities"])
    assert result.exit_code == 0 and "290 municipalities" in result.output


def test_default_registry_path_is_inside_project() -> None:
    assert DEFAULT_REGISTRY.exists()
    assert DEFAULT_REGISTRY.parent.name == "data"
