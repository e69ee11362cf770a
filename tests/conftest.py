"""Shared test settings: Hypothesis profiles and paths to the repository's files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent

# "ci" is the thorough profile CI runs (CI=true): 100 examples a property, no example database
# (every run starts afresh), and the blob to reproduce a failure printed.  "dev", the default
# elsewhere, is a quick look for local runs: 10 examples a property, and the local database
# (.hypothesis/, ignored by git), so that a failure found once is tried first next time.
# HYPOTHESIS_PROFILE names one explicitly.
settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
    database=None,
)
settings.register_profile(
    "dev",
    parent=settings.get_profile("ci"),
    max_examples=10,
    print_blob=False,
    database=settings.get_profile("default").database,
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)


@pytest.fixture
def root() -> Path:
    """The repository's top folder."""
    return ROOT


@pytest.fixture
def example_path() -> Path:
    """The Panjshir example document."""
    return ROOT / "examples" / "panjshir.json"
