"""Shared test settings: Hypothesis profiles and paths to the repository's files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent

# "ci" is the thorough profile CI runs (CI=true); "dev", the default elsewhere, is a quick look
# for local runs.  HYPOTHESIS_PROFILE names one explicitly.
settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
    database=None,
)
settings.register_profile(
    "dev", parent=settings.get_profile("ci"), max_examples=20, print_blob=False
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
