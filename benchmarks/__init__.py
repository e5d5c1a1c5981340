"""Benchmarks for issue 7: ingest throughput, warm open, query latency and memory.

Run with `make bench` (or `python -m benchmarks.run --help`). Not part of the test suite.
"""
