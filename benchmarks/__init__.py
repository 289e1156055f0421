"""briefbook's speed suite: generated briefs, a plain ReportLab baseline and the runner.

Run it with ``python -m benchmarks.run`` (see ``benchmarks/README.md``). Nothing
here is part of the test suite's pass/fail.
"""
