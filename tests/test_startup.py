"""Opening the database and the model: a wrong setting is one line naming it, never the password."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.config import Settings
from app.startup import StartupError, annotator_version, load_annotator, open_database, open_job_queue
from tests.queue import REDIS_URL


def test_unknown_dialect_names_the_setting_without_the_password() -> None:
    with pytest.raises(StartupError) as raised:
        open_database("nosuchdb://reader:secret@db.example/news")
    assert (
        str(raised.value)
        == "QUOTEWIRE_DATABASE_URL=nosuchdb://reader:***@db.example/news: no such database dialect"
    )


def test_sqlite_file_that_cannot_be_opened_says_why(tmp_path: Path) -> None:
    with pytest.raises(StartupError) as raised:
        open_database(f"sqlite:///{tmp_path}")
    assert str(raised.value) == (
        f"QUOTEWIRE_DATABASE_URL=sqlite:///{tmp_path}: "
        "cannot open the database (unable to open database file)"
    )


def test_migrated_sqlite_file_opens(tmp_path: Path) -> None:
    engine = open_database(f"sqlite:///{tmp_path / 'q.db'}")
    assert engine.url.database == str(tmp_path / "q.db")
    engine.dispose()


def test_unknown_model_is_one_line_naming_the_setting() -> None:
    with pytest.raises(StartupError) as raised:
        load_annotator("no_such_pipeline")
    assert str(raised.value).startswith(
        "QUOTEWIRE_NLP_MODEL=no_such_pipeline: cannot load this spaCy pipeline ([E050] Can't find model"
    )
    assert "\n" not in str(raised.value)


def test_unknown_model_read_for_its_version_only_is_the_same_one_line() -> None:
    with pytest.raises(StartupError) as loading:
        load_annotator("no_such_pipeline")
    with pytest.raises(StartupError) as reading:
        annotator_version("no_such_pipeline")
    assert str(reading.value) == str(loading.value)


# Run with the queue extra's packages made unimportable, as on an install without `[queue]`.
WITHOUT_QUEUE_EXTRA = "import sys; sys.modules['rq'] = sys.modules['redis'] = None; "


def test_app_starts_without_the_queue_extra() -> None:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_QUEUE_EXTRA + "from app.main import app; print(app.title)"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, "quotewire\n"), result.stderr


def test_redis_url_without_the_queue_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rq", None)
    monkeypatch.delitem(sys.modules, "app.jobs", raising=False)
    with pytest.raises(StartupError) as raised:
        open_job_queue(Settings(redis_url=REDIS_URL))
    assert str(raised.value) == "the job queue is not installed (no rq): pip install 'quotewire[queue]'"


def test_no_redis_url_means_no_job_queue() -> None:
    assert open_job_queue(Settings(redis_url=None)) is None
