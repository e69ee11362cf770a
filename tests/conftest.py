"""Shared test settings: Hypothesis profiles and paths to the repository's files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent

settings.register_profile(
    "default",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    parent=settings.get_profile("default"),
    print_blob=True,
    database=None,
)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture
def root() -> Path:
    """The repository's top folder."""
    return ROOT


@pytest.fixture
def example_path() -> Path:
    """The Panjshir example document."""
    return ROOT / "examples" / "panjshir.json"
