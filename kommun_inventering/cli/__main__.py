"""``python -m kommun_inventering.cli`` is the ``inventory`` command."""

from kommun_inventering.cli import app

app(prog_name="inventory")
