"""Per-county names for the assembled variants: regional strategy names and business bodies.

Only used by ``variants.py`` when the corpus is built. The names are real (regional strategies
and intermunicipal business bodies around 2014–2020); the sentences around them are ours.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

REGISTRY = Path(__file__).resolve().parents[3] / "crawler" / "data" / "municipalities.csv"

#: county code -> names by which a municipal program may refer to the county's strategy.
RUS_NAMES: dict[str, tuple[str, ...]] = {
    "01": ("RUFS 2010, den regionala utvecklingsplanen för Stockholmsregionen", "RUFS 2010"),
    "03": ("den regionala utvecklingsstrategin för Uppsala län",),
    "04": ("Sörmlandsstrategin 2020", "Sörmlandsstrategin, länets regionala utvecklingsstrategi"),
    "05": ("RUP>2030, det regionala utvecklingsprogrammet för Östergötland",
           "Östergötlands regionala utvecklingsprogram"),
    "06": ("den regionala utvecklingsstrategin för Jönköpings län 2013–2025", "länets RUS 2013–2025"),
    "07": ("Gröna Kronoberg 2025", "Gröna Kronoberg 2025, länets regionala utvecklingsstrategi"),
    "08": ("den regionala utvecklingsstrategin för Kalmar län",),
    "10": ("Attraktiva Blekinge – Blekingestrategin", "Blekingestrategin"),
    "12": ("Det öppna Skåne 2030", "Det öppna Skåne 2030 – Skånes regionala utvecklingsstrategi"),
    "13": ("Halland – bästa livsplatsen", "Tillväxtstrategi för Halland 2014–2020"),
    "14": ("VG2020", "VG2020 – strategi för tillväxt och utveckling i Västra Götaland"),
    "17": ("Värmlandsstrategin 2014–2020", "Värmlandsstrategin"),
    "18": ("Utvecklingsstrategi för Örebroregionen", "den regionala utvecklingsstrategin för Örebro län"),
    "19": ("Länsplan för Västmanlands län 2013–2020", "Västmanlands regionala utvecklingsprogram"),
    "20": ("Dalastrategin – Dalarna 2020", "Dalastrategin"),
    "21": ("Nya möjligheter, Gävleborgs regionala utvecklingsstrategi",
           "den regionala utvecklingsstrategin för Gävleborg"),
    "22": ("den regionala utvecklingsstrategin för Västernorrland",),
    "23": ("Jämtland/Härjedalen 2030 – Innovativt & Attraktivt", "RUS Jämtland/Härjedalen 2030"),
    "24": ("RUS för Västerbottens län 2014–2020", "Västerbottens regionala utvecklingsstrategi"),
    "25": ("den regionala utvecklingsstrategin för Norrbotten", "Norrbottens RUS"),
}


@dataclass(frozen=True)
class Body:
    """An intermunicipal business body and the municipalities it covers (empty = whole county)."""

    name: str
    members: tuple[str, ...]
    what: str  # what the members do together, in Swedish


BODIES: dict[str, tuple[Body, ...]] = {
    "01": (Body("Stockholm Business Alliance", (), "investeringsfrämjande och etableringar"),
           Body("Södertörnssamarbetet", ("Botkyrka", "Haninge", "Huddinge", "Nykvarn", "Nynäshamn",
                                         "Salem", "Södertälje", "Tyresö"), "arbetsplatser och etableringsservice")),
    "04": (Body("industrisamverkan i KFV-området", ("Katrineholm", "Flen", "Vingåker"),
                "industrins kompetensförsörjning och gemensamma företagsbesök"),),
    "05": (Body("det gemensamma kust- och skärgårdsprogrammet", ("Norrköping", "Söderköping", "Valdemarsvik"),
                "besöksnäring och företagande i skärgården"),),
    "06": (Body("Gnosjöregionen (GGVV)", ("Gnosjö", "Gislaved", "Värnamo", "Vaggeryd"),
                "industriutveckling och kompetensförsörjning"),),
    "07": (Body("Business Region Kronoberg", (), "etableringar och investeringsfrämjande"),),
    "08": (Body("Centrum Sydost", ("Emmaboda", "Torsås", "Nybro"), "företagsrådgivning och nyföretagande"),
           Body("samarbetet i norra Kalmar län", ("Vimmerby", "Hultsfred", "Västervik", "Oskarshamn"),
                "tillväxt och etableringar")),
    "10": (Body("Sydostlänken", ("Karlshamn", "Sölvesborg", "Olofström"), "godstransporter och etableringar"),),
    "12": (Body("Familjen Helsingborg", ("Bjuv", "Båstad", "Helsingborg", "Höganäs", "Klippan", "Landskrona",
                                         "Perstorp", "Svalöv", "Åstorp", "Ängelholm", "Örkelljunga"),
                "näringsliv, etableringar och kompetensförsörjning"),
           Body("MalmöLundregionen", ("Burlöv", "Eslöv", "Höör", "Kävlinge", "Lomma", "Lund", "Malmö",
                                      "Skurup", "Staffanstorp", "Svedala", "Trelleborg", "Vellinge"),
                "etableringsservice och näringslivsutveckling"),
           Body("Skåne Nordost", ("Bromölla", "Hässleholm", "Hörby", "Kristianstad", "Osby", "Östra Göinge"),
                "näringslivsutveckling och infrastruktur"),
           Body("Sydöstra Skånes samarbetskommitté", ("Ystad", "Simrishamn", "Tomelilla", "Sjöbo"),
                "företagsrådgivning och marknadsföring av Österlen")),
    "13": (Body("Invest in Halland", (), "investeringsfrämjande och etableringar"),),
    "14": (Body("Business Region Göteborg", ("Ale", "Alingsås", "Göteborg", "Härryda", "Kungsbacka", "Kungälv",
                                             "Lerum", "Lilla Edet", "Mölndal", "Partille", "Stenungsund",
                                             "Tjörn", "Öckerö"), "etableringar och näringslivsanalys"),
           Body("Fyrbodals kommunalförbund och Position Väst",
                ("Bengtsfors", "Dals-Ed", "Färgelanda", "Lysekil", "Mellerud", "Munkedal", "Orust", "Sotenäs",
                 "Strömstad", "Tanum", "Trollhättan", "Uddevalla", "Vänersborg", "Åmål"),
                "investeringsfrämjande och marknadsföring av Fyrbodal"),
           Body("Skaraborgs kommunalförbund", ("Essunga", "Falköping", "Grästorp", "Gullspång", "Götene", "Hjo",
                                               "Karlsborg", "Lidköping", "Mariestad", "Skara", "Skövde",
                                               "Tibro", "Tidaholm", "Töreboda", "Vara"),
                "industriell utveckling och kompetensförsörjning"),
           Body("Boråsregionen Sjuhärads kommunalförbund",
                ("Bollebygd", "Borås", "Herrljunga", "Mark", "Svenljunga", "Tranemo", "Ulricehamn", "Vårgårda"),
                "näringslivsutveckling och besöksnäring")),
    "17": (Body("Karlstadsregionen", ("Karlstad", "Forshaga", "Grums", "Hammarö", "Kil"),
                "etableringar och gemensam marknadsföring"),),
    "18": (Body("Business Region Örebro", (), "etableringar och investeringsfrämjande"),
           Body("Sydnärke", ("Askersund", "Laxå", "Lekeberg", "Hallsberg"), "etableringsservice och kompetens")),
    "19": (Body("Västra Mälardalen", ("Köping", "Arboga", "Kungsör", "Surahammar"),
                "näringslivsutveckling och etableringar"),),
    "20": (Body("Falun Borlänge-regionen AB", ("Falun", "Borlänge", "Ludvika", "Gagnef", "Smedjebacken", "Säter"),
                "marknadsföring och etableringar"),),
    "21": (Body("Hälsingerådet", ("Bollnäs", "Hudiksvall", "Ljusdal", "Nordanstig", "Ovanåker", "Söderhamn"),
                "näringslivsutveckling och infrastruktur i Hälsingland"),),
    "22": (Body("Sundsvallsregionen", ("Härnösand", "Timrå", "Sundsvall", "Ånge"),
                "etableringar och en gemensam arbetsmarknad"),),
    "23": (Body("Business Region MidSweden", (), "etableringar och investeringsfrämjande"),),
    "24": (Body("Umeåregionen", ("Umeå", "Vindeln", "Vännäs", "Bjurholm", "Nordmaling", "Robertsfors"),
                "etableringar och kompetensförsörjning"),),
    "25": (Body("Fyrkantsområdet", ("Luleå", "Boden", "Älvsbyn", "Piteå"), "arbetsmarknad och etableringar"),
           Body("Heart of Lapland", ("Kalix", "Pajala", "Överkalix", "Övertorneå", "Haparanda"),
                "marknadsföring och besöksnäring")),
}


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    county: str
    host: str  # e.g. "www.motala.se"
    official: str  # e.g. "Motala kommun", "Borås Stad"


def load_places() -> list[Place]:
    """Every municipality of the registry except Gotland (its program is a special case)."""
    places = []
    with REGISTRY.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["kommunkod"] == "0980":
                continue
            host = row["website"].split("//", 1)[1].strip("/")
            places.append(Place(row["kommunkod"], row["name"], row["county_code"], host, row["official_name"]))
    return places


def bodies_for(place: Place) -> list[Body]:
    """The bodies the municipality belongs to."""
    return [b for b in BODIES.get(place.county, ()) if not b.members or place.name in b.members]


def neighbours(place: Place, places: list[Place], n: int = 2) -> list[str]:
    """Municipalities of the same county next to it in the registry (a stand-in for neighbours)."""
    same = [p.name for p in places if p.county == place.county and p.code != place.code]
    if not same:
        return []
    idx = sum(ord(c) for c in place.code) % len(same)
    return [same[(idx + k) % len(same)] for k in range(min(n, len(same)))]
