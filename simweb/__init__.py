"""The simulated municipal web: realistic Swedish municipal websites with real PDF/DOCX/HTML
documents and a ground-truth manifest, served over real HTTP on loopback (also as a forward
HTTP proxy). It stands in for the internet in tests, benchmarks and the demo.

No product module imports this package; only the CLI's ``simweb``/``demo`` commands, the tests
and the benchmarks do.
"""
