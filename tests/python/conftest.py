"""Shared fixtures: the repository's files, the founding plan, and the kehoach command."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import kehoach

ROOT = Path(__file__).resolve().parents[2]
FOUNDING_PLAN = ROOT / "examples" / "plans" / "chu-rang-2023.plan.json"
SEEDS = ROOT.parent / "shared" / "seeds"
# A small commune plan of our own and its status log; tests/cpp/test_track.cpp works it by hand.
TRACKING = ROOT / "tests" / "data" / "tracking"
IA_MO_PLAN = TRACKING / "ia-mo-2023.txt"
IA_MO_LOG = TRACKING / "ia-mo-2023.status.csv"


@pytest.fixture(scope="session")
def founding() -> kehoach.Plan:
    return kehoach.Plan.from_json(FOUNDING_PLAN)


@pytest.fixture(scope="session")
def ia_mo() -> kehoach.Plan:
    return kehoach.read_plan(IA_MO_PLAN)


@pytest.fixture(scope="session")
def cli() -> str:
    """The kehoach command of this build: $KEHOACH_CLI (ctest sets it), else the one on PATH."""
    command = os.environ.get("KEHOACH_CLI") or shutil.which("kehoach")
    if not command:
        pytest.fail("the kehoach command was not found: set KEHOACH_CLI to the built binary")
    return command
