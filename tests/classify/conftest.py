"""Shared helpers for the classifier tests: build documents from short Swedish fixtures."""

from __future__ import annotations

import pytest

from classify.classifier import Classifier
from classify.document import Document
from classify.normalize import split_pages
from classify.segment import DocText


def make_doc(text: str, title: str | None = None, doc_id: str = "t1", url: str | None = None,
             municipality: str | None = None, anchor: str | None = None, metadata: dict | None = None,
             format: str | None = None) -> Document:
    return Document(id=doc_id, pages=split_pages(text), title=title, url=url, anchor_text=anchor,
                    municipality=municipality, metadata=metadata or {}, format=format)


def make_text(text: str, title: str = "") -> DocText:
    return DocText(text.split("\f"), title)


@pytest.fixture(scope="session")
def classifier() -> Classifier:
    return Classifier()
