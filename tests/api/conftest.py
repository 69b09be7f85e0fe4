"""A store filled from hand-made records, and TestClients over it (read-only, and with a write token)."""
from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from sample_records import TOKEN, build_store, fake_analyze  # noqa: E402


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "sample.duckdb")


def _client(app):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")     # starlette's note about httpx's successor
        from fastapi.testclient import TestClient
    return TestClient(app)


@pytest.fixture(scope="session")
def client(sample_db):
    from kronika.api import create_app

    app = create_app(sample_db, analyze=fake_analyze)
    with _client(app) as c:
        yield c


@pytest.fixture
def writer(tmp_path):
    """A client over a fresh store, started with a token (so writing is enabled)."""
    from kronika.api import create_app

    app = create_app(tmp_path / "w.duckdb", token=TOKEN, analyze=fake_analyze)
    with _client(app) as c:
        yield c
