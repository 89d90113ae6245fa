"""Turn a planned document into its :class:`Content`: pick the builder for its role, seed it."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Callable

from simweb.textgen.model import Content, Cover, Heading, Para, Style
from simweb.textgen.vary import Gen, stable_seed

if TYPE_CHECKING:
    from simweb.documents import SimDocument

Builder = Callable[[dict, Gen, "SimDocument"], Content]
_BUILDERS: dict[str, Builder] = {}


def builder(*roles: str):
    def register(fn: Builder) -> Builder:
        for r in roles:
            _BUILDERS[r] = fn
        return fn
    return register


def content_gen(doc: "SimDocument") -> Gen:
    key = doc.spec.get("content_key", doc.doc_id)
    muni = doc.spec.get("muni", {})
    slots = {"kommun": muni.get("display", ""), "namn": muni.get("name", ""), "gen": muni.get("gen_display", ""),
             "org": "regionen" if muni.get("is_region") else "kommunen"}
    return Gen(random.Random(stable_seed("content", doc.seed, doc.spec.get("year"), doc.kommunkod, key)), slots)


def build_content(doc: "SimDocument") -> Content:
    from simweb.textgen import genres  # noqa: F401  (registers the builders)

    fn = _BUILDERS.get(doc.spec.get("builder", doc.role), _generic)
    return fn(doc.spec, content_gen(doc), doc)


def _generic(spec: dict, g: Gen, doc: "SimDocument") -> Content:
    muni = spec.get("muni", {})
    blocks = [Cover(title=doc.title, issuer=muni.get("display", "")), Heading("Inledning"),
              Para(g.t("Detta dokument {beskriver|redovisar} {$kommun}s arbete.", kommun=muni.get("name", "")))]
    return Content(tuple(blocks), Style(created=doc.published))
