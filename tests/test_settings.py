"""The production settings refuse to start when unsafe; secrets never come from the repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load_production(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("VANTHU_", "DJANGO_"))}
    clean.update({"VANTHU_DATA_DIR": str(tmp_path), **env})
    return subprocess.run(
        [sys.executable, "-c", "import config.settings.production"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_debug(tmp_path: Path) -> None:
    result = _load_production(tmp_path, VANTHU_DEBUG="1", VANTHU_SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "VANTHU_DEBUG must be off" in result.stderr


def test_production_refuses_a_missing_secret_key(tmp_path: Path) -> None:
    result = _load_production(tmp_path)
    assert result.returncode != 0
    assert "VANTHU_SECRET_KEY must be set" in result.stderr


def test_production_starts_when_safe(tmp_path: Path) -> None:
    result = _load_production(tmp_path, VANTHU_SECRET_KEY="s" * 50)
    assert result.returncode == 0, result.stderr


def test_local_secret_key_is_generated_into_the_data_dir_once(tmp_path: Path) -> None:
    from config.settings.env import local_secret_key

    saved = os.environ.pop("VANTHU_SECRET_KEY", None)
    try:
        first = local_secret_key(tmp_path)
        assert len(first) >= 50
        assert local_secret_key(tmp_path) == first
        assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    finally:
        if saved is not None:
            os.environ["VANTHU_SECRET_KEY"] = saved
