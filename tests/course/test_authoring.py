"""`learn dev check` passes on the real curriculum and names each kind of authoring mistake."""

import shutil

import pytest

from grader.course.authoring import author_problems, wrong_implementations
from grader.course.catalog import Catalog, load_catalog
from grader.course.content import CONTENT_ROOT

CATALOG = load_catalog()
SMALL = Catalog(CATALOG.sections, tuple(e for e in CATALOG.exercises if e.id in {"01_mse", "03_threshold"}))


@pytest.fixture
def content(tmp_path):
    for folder in ("exercises", "solutions"):
        (tmp_path / folder).mkdir()
        for exercise in SMALL.exercises:
            shutil.copyfile(CONTENT_ROOT / folder / exercise.filename, tmp_path / folder / exercise.filename)
    return tmp_path


def test_the_real_curriculum_passes_the_author_check(learn, tmp_path):
    result = learn("dev", "check", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"연습 문제 {len(CATALOG.exercises)}개" in result.stdout


def test_a_small_sound_curriculum_has_no_problems(content):
    assert author_problems(content, SMALL) == []


def test_a_stub_that_passes_is_reported(content):
    shutil.copyfile(CONTENT_ROOT / "solutions" / "01_mse.py", content / "exercises" / "01_mse.py")
    problems = author_problems(content, SMALL)
    assert "exercises/01_mse.py: 스텁이 검사를 하나 이상 통과합니다." in problems
    assert "exercises/01_mse.py: '# TODO'가 없습니다." in problems


def test_a_failing_reference_is_reported(content):
    strict = next(w for w in wrong_implementations("03_threshold") if w.name == "strict")
    (content / "solutions" / "03_threshold.py").write_text(strict.source, encoding="utf-8")
    assert any(p.startswith("solutions/03_threshold.py: 참조 풀이가 검사를 통과하지 못합니다") for p in author_problems(content, SMALL))


def test_files_and_catalog_disagreeing_are_reported(content):
    (content / "exercises" / "03_threshold.py").unlink()
    shutil.copyfile(content / "solutions" / "01_mse.py", content / "solutions" / "99_extra.py")
    problems = author_problems(content, SMALL)
    assert "exercises/03_threshold.py: 카탈로그에 있는데 파일이 없습니다." in problems
    assert "solutions/99_extra.py: 카탈로그에 없는 파일입니다." in problems


def test_a_short_hint_ladder_is_reported(content):
    short = Catalog(SMALL.sections, tuple(
        type(e)(e.id, e.title, e.section, e.functions, e.points, e.hints[:2]) for e in SMALL.exercises))
    assert "01_mse: 힌트가 2단계뿐입니다 (최소 3단계)." in author_problems(content, short)
