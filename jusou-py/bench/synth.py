"""The benchmark's synthetic consultations: ``examples/population.py`` (calibrated to cited public
statistics; see its docstring and ``docs/analysis.md``), re-exported so ``bench_route.py`` and
older scripts can keep importing ``synth``. About one case in 200 is deliberately invalid."""

from __future__ import annotations

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "examples"))

from population import consultation, population  # noqa: E402,F401
