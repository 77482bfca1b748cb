"""Development tools, kept out of the product package `generator`.

- `bench`: benchmarks at national scale (`python -m devtools bench`, `make bench`);
- `synth`: a synthetic, fictional national directory (`python -m devtools synth`);
- `chromium`: how the tests and the benchmark start headless Chromium.

Nothing in `generator/` imports from here; these tools import `generator`.
"""
