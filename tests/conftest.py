"""Shared fixtures: small articles written for kronika's tests (never texts from ../shared)."""
from __future__ import annotations

import pytest

PL_ARTICLE = """Węgry blokują pakiet sankcji. Bruksela szuka kompromisu
Anna Nowicka
3 lutego 2023, 14:05·2 minuty czytania

Rząd Węgier zapowiedział, że nie poprze nowego pakietu sankcji wobec Rosji. – Nie zgodzimy się na rozwiązania, które uderzą w naszą gospodarkę – powiedział szef węgierskiej dyplomacji w rozmowie z agencją Reuters.

Według dziennika "Financial Times" Komisja Europejska przygotowuje propozycję kompromisu.
"""

EN_ARTICLE = """Japan and South Korea agree to resume security talks
By Tom Harris

Japan and South Korea agreed on Tuesday to resume regular security talks, the foreign ministers of both countries said.

"This is a new chapter," the Japanese foreign minister told reporters in Tokyo.
"""


@pytest.fixture
def pl_article() -> str:
    return PL_ARTICLE


@pytest.fixture
def en_article() -> str:
    return EN_ARTICLE
