"""Benchmarks kept with the project: search quality (issue 4) and scale (issue 7)."""
