"""The progress store keeps every update, even from two processes at once, and never loses a file."""

import json
import multiprocessing

import pytest

from grader.learner.progress import FORMAT_VERSION, ProgressError, ProgressStore, exercise_record


def bump(path, times):
    store = ProgressStore(path)
    for _ in range(times):
        store.update(lambda p: exercise_record(p, "03_threshold").__setitem__(
            "attempts", exercise_record(p, "03_threshold")["attempts"] + 1))


def test_missing_file_reads_as_empty_progress(tmp_path):
    progress = ProgressStore(tmp_path / "progress.json").read()
    assert progress == {"version": FORMAT_VERSION, "exercises": {}, "quizzes": {}}


def test_update_writes_versioned_json_and_no_temporary_files(tmp_path):
    path = tmp_path / "progress.json"
    ProgressStore(path).update(lambda p: exercise_record(p, "01_mse").__setitem__("status", "passed"))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == FORMAT_VERSION
    assert data["exercises"]["01_mse"]["status"] == "passed"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.json", "progress.json.lock"]


def test_two_processes_updating_at_once_lose_nothing(tmp_path):
    path = tmp_path / "progress.json"
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=bump, args=(path, 50)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert ProgressStore(path).read()["exercises"]["03_threshold"]["attempts"] == 100


@pytest.mark.parametrize("content", ["{not json", "[]", '{"version": "one"}', '{"version": 1, "exercises": []}', ""])
def test_corrupt_file_is_set_aside_with_a_message(tmp_path, content):
    path = tmp_path / "progress.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProgressError) as error:
        ProgressStore(path).read()
    assert "진행 상황 파일이 손상되어" in str(error.value)
    aside = list(tmp_path.glob("progress.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == content
    assert not path.exists()
    assert ProgressStore(path).read()["exercises"] == {}


def test_file_from_a_newer_version_is_left_alone(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text('{"version": 99, "exercises": {}, "quizzes": {}}', encoding="utf-8")
    with pytest.raises(ProgressError) as error:
        ProgressStore(path).update(lambda p: None)
    assert "learn을 업데이트하세요" in str(error.value)
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 99
