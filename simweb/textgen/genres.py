"""Registers the text builders of every role (imported by :mod:`simweb.textgen.build`)."""
