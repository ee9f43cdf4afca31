"""Reading a class's submissions: folders, zips, LMS bulk zips, and everything unsafe refused."""

import io
import zipfile

import pytest

from grader.grading import intake
from grader.grading.intake import collect, safe_student_id

WANTED = {"01_mse.py", "03_threshold.py"}


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_folders_and_zips_one_per_student(tmp_path):
    (tmp_path / "kim").mkdir()
    (tmp_path / "kim" / "sub").mkdir()
    (tmp_path / "kim" / "sub" / "03_threshold.py").write_text("x = 1\n")
    (tmp_path / "kim" / "notes.txt").write_text("ignored")
    (tmp_path / "lee.zip").write_bytes(zip_bytes({"hw1/01_mse.py": b"y = 2\n", "hw1/readme.md": b"-"}))
    submissions = collect(tmp_path, WANTED)
    assert [(s.student, sorted(s.files)) for s in submissions] == [("kim", ["03_threshold.py"]), ("lee", ["01_mse.py"])]
    assert submissions[1].files["01_mse.py"] == b"y = 2\n"


def test_lms_bulk_zip_of_zips_and_folders(tmp_path):
    bulk = zip_bytes({
        "park_123_assignsubmission_file_.zip": zip_bytes({"03_threshold.py": b"a = 1\n"}),
        "choi/01_mse.py": b"b = 2\n",
        "choi/nested/03_threshold.py": b"c = 3\n",
    })
    (tmp_path / "class.zip").write_bytes(bulk)
    submissions = {s.student: s for s in collect(tmp_path / "class.zip", WANTED)}
    assert set(submissions) == {"park_123_assignsubmission_file", "choi"}
    assert submissions["choi"].files == {"01_mse.py": b"b = 2\n", "03_threshold.py": b"c = 3\n"}


@pytest.mark.parametrize("members, reason", [
    ({"../../evil/03_threshold.py": b"x"}, "폴더 밖"),
    ({"/etc/03_threshold.py": b"x"}, "폴더 밖"),
    ({"C:\\\\temp\\\\03_threshold.py": b"x"}, "폴더 밖"),
    ({f"f{i}.txt": b"" for i in range(intake.MAX_MEMBERS + 1)}, "항목이 너무 많습니다"),
])
def test_unsafe_archives_are_refused_for_that_student(tmp_path, members, reason):
    (tmp_path / "bad.zip").write_bytes(zip_bytes(members))
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "01_mse.py").write_text("ok = 1\n")
    submissions = {s.student: s for s in collect(tmp_path, WANTED)}
    assert reason in submissions["bad"].refused and not submissions["bad"].files
    assert submissions["good"].files and submissions["good"].refused is None


def test_zip_bomb_by_declared_size_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(intake, "MAX_UNCOMPRESSED_BYTES", 1000)
    (tmp_path / "bomb.zip").write_bytes(zip_bytes({"03_threshold.py": b"0" * 5000}))
    assert "압축을 풀면 너무 큽니다" in collect(tmp_path, WANTED)[0].refused


def test_member_larger_than_its_limit_is_skipped_with_a_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(intake, "MAX_FILE_BYTES", 10)
    (tmp_path / "big.zip").write_bytes(zip_bytes({"03_threshold.py": b"x" * 100, "01_mse.py": b"y = 1\n"}))
    submission = collect(tmp_path, WANTED)[0]
    assert list(submission.files) == ["01_mse.py"] and "너무 커서" in submission.problems[0]


def test_not_a_zip_and_symlinked_folder(tmp_path):
    (tmp_path / "broken.zip").write_bytes(b"not a zip at all")
    (tmp_path / "target").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path / "target")
    submissions = {s.student: s for s in collect(tmp_path, WANTED)}
    assert "손상" in submissions["broken"].refused
    assert "링크" in submissions["linked"].refused


def test_student_ids_are_safe_file_names():
    assert safe_student_id("../../etc/passwd") == "etc_passwd"
    assert safe_student_id("김민수 (2024123).zip") == "김민수_2024123"
