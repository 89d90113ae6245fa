"""The bottom layer: the one SQLite database (schema, migrations, connections), the blob store and
atomic file writes. Used by ``crawler``, ``pipelines``, ``simweb`` and the CLI; imports none of them."""
