from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def seed_repo(tmp_path: Path) -> Path:
    """A copy of the bundled facts/ (and pyproject) in a temporary repository."""
    shutil.copytree(REPO / "facts", tmp_path / "facts")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path
