"""The analyst's review loop: export what the machine is unsure of, import the decisions.

``export_review_workbook`` writes ``granskning.xlsx`` and records it; ``import_review_workbook``
checks a returned file completely and stores its decisions in one transaction;
``load_reviews`` feeds :func:`pipelines.results.apply_reviews`; ``reviews_as_training_rows``
turns reviews into labeled corpus rows for ``inventory train --extra``.
"""

from pipelines.review.importer import ImportReport, Problem, import_review_workbook
from pipelines.review.store import (
    add_reviews,
    load_reviews,
    reviews_as_training_rows,
    write_training_jsonl,
)
from pipelines.review.workbook import (
    ReviewExport,
    documents_to_review,
    export_review_workbook,
    municipalities_to_review,
)

__all__ = [
    "ImportReport",
    "Problem",
    "ReviewExport",
    "add_reviews",
    "documents_to_review",
    "export_review_workbook",
    "import_review_workbook",
    "load_reviews",
    "municipalities_to_review",
    "reviews_as_training_rows",
    "write_training_jsonl",
]
