"""The yearly run: crawl → store → extract → classify → decide → export, resumable.

``orchestrator.run_inventory`` is the one entry point; each stage lives in its own module and
is idempotent, so re-running after a crash or Ctrl-C continues where the last run stopped.
"""
