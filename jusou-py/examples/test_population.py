"""The population generator: reproducible, at municipal scale, and drawing the cited rates."""

from __future__ import annotations

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import population as P  # noqa: E402

import jusou  # noqa: E402


def test_volume_is_the_national_count_scaled_by_population():
    v = P.yearly_volume(150_000)
    # 286.0万 new 生活困窮 consultations over 8 years, × 150,000 / 126,146,099.
    assert v["自立相談支援機関"] == round(2_860_000 / 8 * 150_000 / 126_146_099) == 425
    assert sum(v.values()) == len(P.city_year(150_000))


def test_seeded_and_reproducible():
    assert P.city_year(30_000, seed=5) == P.city_year(30_000, seed=5)
    assert P.city_year(30_000, seed=5) != P.city_year(30_000, seed=6)
    assert P.population(50, 1, start=100) == P.population(50, 1, start=100)


def test_every_case_is_valid_and_most_state_the_assessment():
    cases = P.city_year(150_000)
    assert all("errors" not in d for d in jusou.route_many(cases))
    assessed = [c for c in cases if P.assessed(c)]
    assert 0.80 < len(assessed) / len(cases) < 0.90  # ASSESSED_SHARE = 0.85
    not_one = sum(1 for c in assessed if not c["findings"]["one_agency_can_resolve"])
    assert 0 < not_one / len(assessed) < 0.08  # 25.8 % × 15 % ≈ 3.9 %


def test_background_prevalence_follows_the_cited_rates():
    import random

    rng = random.Random(1)
    n = 200_000
    hik = sum("hikikomori" in P._background(rng, 30) for _ in range(n)) / n
    assert abs(hik - P.HIKIKOMORI_15_39) < 0.002
    yc = sum("young_carer" in P._background(rng, 13) for _ in range(n)) / n
    assert abs(yc - P.YOUNG_CARER_12_14) < 0.003
    care = sum("care" in P._background(rng, 82) for _ in range(n)) / n
    assert abs(care - 0.272) < 0.005


def test_benchmark_population_has_some_bad_rows():
    bad = [d for d in jusou.route_many(P.population(4000, 3)) if "errors" in d]
    assert 5 <= len(bad) <= 40  # INVALID_RATE = 0.5 %
