"""Text in, tags out: program or not, validity, type, cooperation, action plan, sustainability.

Never imports ``crawler`` or ``pipelines``: it can be tested and evaluated on its own.
"""
