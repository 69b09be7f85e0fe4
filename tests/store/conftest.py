"""Fixtures for store tests; the records themselves are built in synth.py."""
from __future__ import annotations

import pytest

from tests.store.synth import event, record, synthetic  # noqa: F401  (re-exported for the tests)


@pytest.fixture
def store(tmp_path):
    from kronika.store import Store

    with Store(tmp_path / "t.duckdb") as st:
        yield st
