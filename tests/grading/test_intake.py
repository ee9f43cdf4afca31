"""Reading a class's submissions: folders, zips, tars, LMS bulk zips, and everything unsafe
refused for the one student it belongs to."""

import io
import tarfile
import unicodedata
import zipfile

import pytest

from grader.grading.intake import IntakeError, IntakeLimits, collect, collect_class

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
        "park_123_assignsubmission_file_/과제.zip": zip_bytes({"03_threshold.py": b"a = 1\n"}),
        "choi_124_assignsubmission_file_/01_mse.py": b"b = 2\n",
        "choi_124_assignsubmission_file_/nested/03_threshold.py": b"c = 3\n",
    })
    (tmp_path / "class.zip").write_bytes(bulk)
    intake = collect_class(tmp_path / "class.zip", WANTED)
    submissions = {s.student: s for s in intake.submissions}
    assert set(submissions) == {"park", "choi"}
    assert submissions["choi"].files == {"01_mse.py": b"b = 2\n", "03_threshold.py": b"c = 3\n"}
    assert submissions["park"].files == {"03_threshold.py": b"a = 1\n"} and submissions["park"].lms_id == "123"
    assert intake.summary == "Moodle 폴더 (zip) 2명, 파일 3개"


@pytest.mark.parametrize("members, reason", [
    ({"../../evil/03_threshold.py": b"x"}, "폴더 밖"),
    ({"/etc/03_threshold.py": b"x"}, "폴더 밖"),
    ({"C:\\\\temp\\\\03_threshold.py": b"x"}, "폴더 밖"),
    ({f"f{i}.txt": b"" for i in range(IntakeLimits().max_entries + 1)}, "항목이 너무 많습니다"),
    ({"/".join(["d"] * 30) + "/01_mse.py": b"x"}, "너무 깊습니다"),
])
def test_unsafe_archives_are_refused_for_that_student(tmp_path, members, reason):
    (tmp_path / "bad.zip").write_bytes(zip_bytes(members))
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "01_mse.py").write_text("ok = 1\n")
    submissions = {s.student: s for s in collect(tmp_path, WANTED)}
    assert reason in submissions["bad"].refused and not submissions["bad"].files
    assert submissions["good"].files and submissions["good"].refused is None


def test_limits_are_per_student_not_per_class(tmp_path):
    """A class zip with far more entries than one student may have, and one unsafe student."""
    members = {}
    for i in range(40):
        for j in range(20):
            members[f"s{i:02d}_{1000 + i}_assignsubmission_file_/extra/f{j}.txt"] = b"-"
        members[f"s{i:02d}_{1000 + i}_assignsubmission_file_/01_mse.py"] = b"x = 1\n"
    members["s07_1007_assignsubmission_file_/../../escape.py"] = b"x"
    (tmp_path / "class.zip").write_bytes(zip_bytes(members))
    intake = collect_class(tmp_path / "class.zip", WANTED)
    assert len(intake.submissions) == 40 and intake.files > 800
    refused = [s for s in intake.submissions if s.refused]
    assert [s.student for s in refused] == ["s07"] and "폴더 밖" in refused[0].refused


def test_zip_bomb_by_declared_size_and_by_ratio(tmp_path):
    (tmp_path / "bomb.zip").write_bytes(zip_bytes({"03_threshold.py": b"0" * 5000}))
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "01_mse.py").write_text("x = 1\n")
    by_size = {s.student: s for s in collect(tmp_path, WANTED, IntakeLimits(max_total_bytes=1000))}
    assert "압축을 풀면 너무 큽니다" in by_size["bomb"].refused and by_size["ok"].files
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("03_threshold.py", b"0" * 3_000_000)
    (tmp_path / "bomb.zip").write_bytes(buffer.getvalue())
    assert "압축률" in {s.student: s for s in collect(tmp_path, WANTED)}["bomb"].refused


def test_member_larger_than_its_limit_is_skipped_with_a_reason(tmp_path):
    (tmp_path / "big.zip").write_bytes(zip_bytes({"03_threshold.py": b"x" * 100, "01_mse.py": b"y = 1\n"}))
    submission = collect(tmp_path, WANTED, IntakeLimits(max_file_bytes=10))[0]
    assert list(submission.files) == ["01_mse.py"] and "너무 커서" in submission.problems[0]


def test_not_a_zip_and_symlinked_folder(tmp_path):
    (tmp_path / "broken.zip").write_bytes(b"not a zip at all")
    (tmp_path / "target").mkdir()
    (tmp_path / "target" / "01_mse.py").write_text("x = 1\n")
    (tmp_path / "linked").symlink_to(tmp_path / "target")
    submissions = {s.student: s for s in collect(tmp_path, WANTED)}
    assert "손상" in submissions["broken"].refused
    assert "링크" in submissions["linked"].refused
    assert submissions["target"].files


def test_tar_of_student_folders_and_a_student_tar(tmp_path):
    def tar_bytes(members):
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
            for name, data in members.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
        return buffer.getvalue()

    (tmp_path / "kim.tar.gz").write_bytes(tar_bytes({"hw/01_mse.py": b"k = 1\n"}))
    (tmp_path / "lee").mkdir()
    (tmp_path / "lee" / "03_threshold.py").write_text("l = 1\n")
    assert {s.student: sorted(s.files) for s in collect(tmp_path, WANTED)} == {"kim": ["01_mse.py"], "lee": ["03_threshold.py"]}


def test_junk_versions_and_duplicates(tmp_path):
    kim = tmp_path / "kim"
    (kim / "__pycache__").mkdir(parents=True)
    (kim / "__pycache__" / "01_mse.py").write_text("junk")
    (kim / "__MACOSX").mkdir()
    (kim / "__MACOSX" / "01_mse.py").write_text("junk")
    (kim / "._01_mse.py").write_text("junk")
    (kim / "01_mse-1.py").write_text("newer = 1\n")
    (kim / "03_threshold.py").write_text("top = 1\n")
    (kim / "deeper").mkdir()
    (kim / "deeper" / "03_threshold.py").write_text("deep = 1\n")
    submission = collect(tmp_path, WANTED)[0]
    assert submission.files == {"01_mse.py": b"newer = 1\n", "03_threshold.py": b"top = 1\n"}
    assert any("01_mse-1.py" in p for p in submission.problems)


def test_korean_windows_zip_names_in_cp949(tmp_path):
    """Windows' built-in zip writes Korean names in CP949 without the UTF-8 flag."""
    encoded = "김민수/01_mse.py".encode("cp949")
    placeholder = b"A" * (len(encoded) - len(b"/01_mse.py")) + b"/01_mse.py"
    raw = zip_bytes({placeholder.decode(): b"k = 1\n"})
    (tmp_path / "class.zip").write_bytes(raw.replace(placeholder, encoded))
    assert [s.student for s in collect(tmp_path / "class.zip", WANTED)] == ["김민수"]


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "missing", "없습니다"),
    (lambda p: (p / "empty").mkdir() or p / "empty", "비어 있습니다"),
    (lambda p: (p / "corrupt.zip").write_bytes(b"PK\x03\x04 nope") and p / "corrupt.zip", "열 수 없습니다"),
    (lambda p: (p / "notes.txt").write_text("x") and p / "notes.txt", ".zip/.tar"),
    (lambda p: [(p / "c" / n).mkdir(parents=True) or (p / "c" / n / "a.txt").write_text("x") for n in "ab"] and p / "c",
     "찾지 못했습니다"),
])
def test_class_level_problems_are_one_korean_error(tmp_path, make, message):
    with pytest.raises(IntakeError, match=message):
        collect_class(make(tmp_path), WANTED)


def test_names_nfd_accents_cjk_long_and_collisions(tmp_path):
    long_name = "가나다라마바사아자차카타파하" * 6
    for name in [unicodedata.normalize("NFD", "이서연"), "José", "王小明", long_name, "dup", "dup_2"]:
        (tmp_path / name).mkdir()
        (tmp_path / name / "01_mse.py").write_text(name)
    (tmp_path / "dup.zip").write_bytes(zip_bytes({"01_mse.py": b"zip"}))
    submissions = {s.student: s for s in collect(tmp_path, WANTED)}
    assert set(submissions) == {"이서연", "José", "王小明", long_name, "dup", "dup_2", "dup_3"}
    assert submissions["dup"].files["01_mse.py"] == b"dup" and submissions["dup_3"].files["01_mse.py"] == b"zip"
    assert submissions["dup_2"].files["01_mse.py"] == b"dup_2"


def test_moodle_current_folders_and_team_submissions(tmp_path):
    """Moodle's downloader (mod/assign/classes/downloader.php and its tests): folders without a
    trailing `_`; a team submission is named after the group and its id, the default team has no id."""
    bulk = zip_bytes({
        "김민수_1001_assignsubmission_file/src/01_mse.py": b"a = 1\n",
        "김민수_1001_assignsubmission_onlinetext/onlinetext.html": b"<p>-</p>",
        "Team A_17_assignsubmission_file/03_threshold.py": b"b = 2\n",
        "Default group_assignsubmission_file/03_threshold.py": b"c = 3\n",
    })
    (tmp_path / "ML-과제1-42.zip").write_bytes(bulk)
    intake = collect_class(tmp_path / "ML-과제1-42.zip", WANTED)
    got = {s.student: (s.lms_id, s.files) for s in intake.submissions}
    assert got == {"김민수": ("1001", {"01_mse.py": b"a = 1\n"}), "Team A": ("17", {"03_threshold.py": b"b = 2\n"}),
                   "Default group": (None, {"03_threshold.py": b"c = 3\n"})}
    assert intake.summary.startswith("Moodle 폴더 (zip) 3명")


@pytest.mark.parametrize("name, student, lms_id, late", [
    ("garcíajosé_LATE_4711_98765_01_mse-1.py", "garcíajosé", "4711", True),
    ("kim_min_su_late_4712_98766_01_mse.py", "kim_min_su", "4712", True),  # older Canvas wrote the whole name in lower case
    ("anon_Xy12z_98767_01_mse.py", "anon_Xy12z", "anon_Xy12z", False),  # anonymous grading
    ("LATE_anon_Ab34c_98768_01_mse.py", "anon_Ab34c", "anon_Ab34c", True),
])
def test_canvas_names_as_content_zipper_writes_them(tmp_path, name, student, lms_id, late):
    """lib/content_zipper.rb: [sortable name with non-word characters removed, LATE, user id]
    joined by `_`, then the attachment id and the file name; `anon_<id>` instead under anonymous grading."""
    (tmp_path / "submissions.zip").write_bytes(zip_bytes({name: b"x = 1\n", "other_4799_98799_01_mse.py": b"y = 2\n"}))
    intake = collect_class(tmp_path / "submissions.zip", WANTED)
    submission = next(s for s in intake.submissions if s.student == student)
    assert submission.lms_id == lms_id and submission.files == {"01_mse.py": b"x = 1\n"}
    assert ("기한 뒤 제출 (LATE)" in submission.problems) == late and intake.summary.startswith("Canvas (zip) 2명")
