"""The `learn` command: a thin layer that parses arguments, calls the library and prints.

Exit codes (others script against them): 0 success / all checks passed, 1 some check failed,
2 usage error (unknown id, no workspace, unusable progress file). Heavy modules (numpy, pytest)
are imported inside the commands that need them, so `learn list` and `learn hint` start fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from grader import cli_korean
from grader.course.catalog import Exercise, load_catalog
from grader.errors import LearnError

cli_korean.install()  # click's own words (--help, usage errors) in Korean, before any option is made


class LearnGroup(click.Group):
    """Turns every LearnError (and click's usage errors) into one Korean line and an exit code."""

    def main(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        try:
            return super().main(*args, standalone_mode=False, **kwargs)
        except LearnError as error:
            _fail(str(error), error.exit_code)
        except click.exceptions.NoArgsIsHelpError as error:
            click.echo(error.ctx.get_help() if error.ctx else "", err=True)
            sys.exit(2)
        except click.UsageError as error:
            _fail(f"사용법 오류: {error.format_message()} ('learn --help'로 사용법을 볼 수 있습니다)", 2)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.Abort:
            _fail("중단했습니다.", 1)


def _fail(message: str, code: int) -> NoReturn:
    click.echo(click.style("오류: ", fg="red", bold=True) + message, err=True)
    sys.exit(code)


CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group(cls=LearnGroup, context_settings=CONTEXT, help="머신러닝 개념 연습 문제와 퀴즈를 자동으로 채점합니다.")
@click.version_option(package_name="learn-ml-concepts", prog_name="learn", message="%(prog)s %(version)s",
                      help="버전을 보여 줍니다.")
@click.option("--workspace", "workspace_dir", type=click.Path(path_type=Path), default=None,
              help="작업 공간 폴더 (기본: 현재 폴더에서 위로 찾음)")
@click.pass_context
def main(ctx: click.Context, workspace_dir: Path | None) -> None:
    ctx.obj = workspace_dir


def _workspace(ctx: click.Context):  # -> Workspace
    from grader.learner.workspace import find_workspace, open_workspace

    return open_workspace(ctx.obj) if ctx.obj else find_workspace()


def _store(workspace):  # -> ProgressStore
    from grader.learner.progress import ProgressStore

    return ProgressStore(workspace.progress_path)


def _exercise(name: str) -> Exercise:
    return load_catalog().resolve(name)


@main.command(help="DIR에 새 작업 공간(연습 문제 스텁과 .learn/)을 만듭니다.")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--notebooks", is_flag=True, help="연습 문제마다 Jupyter 노트북(notebooks/ID.ipynb)도 만듭니다.")
def init(directory: Path, notebooks: bool) -> None:
    from grader.learner.workspace import init_workspace

    workspace = init_workspace(directory, [e.filename for e in load_catalog().exercises])
    click.echo(f"작업 공간을 만들었습니다: {workspace.root}")
    if notebooks:
        _write_notebooks(workspace)
    click.echo(f"  cd {directory}\n  learn list\n  learn check {load_catalog().exercises[0].id}")


@main.command(name="list", help="연습 문제마다 상태, 개념 노트 주소, 퀴즈 진행률을 보여 줍니다.")
@click.pass_context
def list_exercises(ctx: click.Context) -> None:
    from grader.learner.terminal import render_list, render_quiz_progress
    from grader.quiz import service as quizzing

    workspace = _workspace(ctx)
    progress = _store(workspace).read()
    click.echo(render_list(load_catalog(), progress, workspace))
    counts = quizzing.quiz_counts(quizzing.load_quiz_bank(), progress)
    click.echo(render_quiz_progress(load_catalog(), progress, counts))


@main.command(help="연습 문제를 채점합니다 (ID 예: 03_threshold, 03, 3, threshold).")
@click.argument("exercise_id", required=False)
@click.option("--all", "check_all", is_flag=True, help="모든 연습 문제를 채점합니다.")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.option("--seed", type=int, default=None, help="무작위 입력의 시드 (실패를 재현할 때).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=3.0, show_default=True,
              help="학습자 함수 한 번 호출의 제한 시간(초).")
@click.pass_context
def check(ctx: click.Context, exercise_id: str | None, check_all: bool, as_json: bool,
          seed: int | None, timeout: float) -> None:
    if check_all == bool(exercise_id):
        raise click.UsageError("연습 문제 ID 하나 또는 --all 중 하나만 주세요.")
    catalog = load_catalog()
    exercises = list(catalog.exercises) if check_all else [catalog.resolve(exercise_id or "")]
    workspace = _workspace(ctx)
    store = _store(workspace)
    store.read()  # a corrupt or too-new progress file stops us before any work

    from grader.learner.session import check_and_record
    from grader.learner.terminal import render_check, render_next, render_summary, render_untouched

    results = []
    for graded in check_and_record(workspace, store, exercises, seed=seed, timeout=timeout):
        results.append(graded)
        if as_json:
            continue
        if check_all and graded.untouched and not graded.result.passed:
            click.echo(render_untouched(graded.exercise, graded.result))
        else:
            click.echo(render_check(graded.exercise, graded.result))
    all_passed = all(graded.result.passed for graded in results)
    if as_json:
        from grader.engine.results import SCHEMA_VERSION

        payload: dict[str, Any] = (
            {"version": SCHEMA_VERSION, "passed": all_passed, "results": [g.result.to_json() for g in results]}
            if check_all else results[0].result.to_json()
        )
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        if check_all:
            click.echo(click.style("\n요약", bold=True))
            click.echo(render_summary((g.exercise, g.result) for g in results))
        last = results[-1]
        if last.result.passed or check_all:
            click.echo(render_next(workspace, last.exercise, store.read()))
    sys.exit(0 if all_passed else 1)


@main.command(help="힌트를 한 단계씩 보여 줍니다 (이미 본 힌트도 함께).")
@click.argument("exercise_id")
@click.pass_context
def hint(ctx: click.Context, exercise_id: str) -> None:
    from grader.learner.session import reveal_next_hint
    from grader.learner.terminal import render_hints

    exercise = _exercise(exercise_id)
    level = reveal_next_hint(_store(_workspace(ctx)), exercise)
    click.echo(render_hints(exercise, level))


@main.command(help="연습 문제 파일을 처음 상태로 되돌립니다 (지금 파일은 .learn/backups/에 보관).")
@click.argument("exercise_id")
@click.pass_context
def reset(ctx: click.Context, exercise_id: str) -> None:
    from grader.learner.session import reset_exercise

    exercise = _exercise(exercise_id)
    workspace = _workspace(ctx)
    backup = reset_exercise(workspace, _store(workspace), exercise)
    click.echo(f"{exercise.filename}을(를) 처음 상태로 되돌렸습니다.")
    if backup:
        click.echo(f"이전 파일은 {workspace.display(backup)}에 보관했습니다.")


@main.command(help="참조 풀이를 보여 줍니다 (통과한 뒤에만, 또는 --force).")
@click.argument("exercise_id")
@click.option("--force", is_flag=True, help="통과하지 않았어도 봅니다 (기록됩니다).")
@click.pass_context
def solution(ctx: click.Context, exercise_id: str, force: bool) -> None:
    from grader.learner.session import solution_text

    click.echo(solution_text(_store(_workspace(ctx)), _exercise(exercise_id), force))


@main.command(help="파일을 저장할 때마다 다시 채점합니다. 터미널에서는 한 화면에 진행률, 지금 연습, 최근 결과를 "
                   "보여 주고 키 하나로 h 힌트, n 다음 연습, l 목록, r 처음 상태로, c 다시 채점, q 끝.")
@click.argument("exercise_id", required=False)
@click.option("--auto-next", type=click.FloatRange(min=0), default=0.0, show_default=True,
              help="통과한 뒤 이 초만큼 지나면 다음 연습으로 넘어갑니다 (0: n을 누를 때까지 기다림).")
@click.option("--plain", is_flag=True, help="한 화면 대신 결과를 차례로 출력합니다 (터미널이 아닐 때는 언제나).")
@click.option("--interval", type=float, default=0.01, hidden=True)
@click.option("--max-checks", type=int, default=0, hidden=True)
@click.pass_context
def watch(ctx: click.Context, exercise_id: str | None, auto_next: float, plain: bool, interval: float,
          max_checks: int) -> None:
    workspace = _workspace(ctx)
    store = _store(workspace)
    store.read()
    start = _exercise(exercise_id) if exercise_id else None
    if not plain and not max_checks and sys.stdin.isatty() and sys.stdout.isatty():
        from grader.learner.watch import WatchSession
        from grader.learner.watch_screen import run_screen

        session = WatchSession(workspace, store, start)
        try:
            run_screen(session, interval=interval, auto_next=auto_next)
        except KeyboardInterrupt:
            pass
        done, total = session.passed_count()
        click.echo(f"지켜보기를 끝냈습니다. 통과 {done}/{total}.")
        return
    _watch_plain(workspace, store, start, interval, max_checks)


def _watch_plain(workspace: Any, store: Any, start: Exercise | None, interval: float, max_checks: int) -> None:
    from grader.learner.terminal import render_check, render_next, render_untouched
    from grader.learner.watch import AllPassed, Checked, Watching, watch_events

    try:
        for event in watch_events(workspace, store, start, interval=interval, max_checks=max_checks):
            if isinstance(event, Watching):
                click.echo(click.style(f"\n지켜보는 중: {event.path} (저장하면 채점, Ctrl+C로 끝)", fg="cyan"))
            elif isinstance(event, Checked):
                if event.untouched and not event.result.passed:
                    click.echo(render_untouched(event.exercise, event.result))
                else:
                    click.echo(render_check(event.exercise, event.result))
                if event.result.passed:
                    click.echo(render_next(workspace, event.exercise, store.read()))
            elif isinstance(event, AllPassed):
                click.echo(click.style("모든 연습 문제를 통과했습니다!", fg="green", bold=True))
    except KeyboardInterrupt:
        click.echo("\n지켜보기를 끝냈습니다.")


@main.command(help="퀴즈를 풉니다. TARGET: 섹션 이름(threshold), 연습 문제 ID(03), all, "
                   "또는 export(문항 은행을 정답과 함께 JSON으로 내보내기).")
@click.argument("target")
@click.option("--answers", "sheets", multiple=True, type=click.Path(path_type=Path),
              help="답안지 파일(YAML/JSON) 또는 답안지 폴더를 대화 없이 채점합니다. 여러 번 줄 수 있습니다.")
@click.option("--out", type=click.Path(path_type=Path), help="결과(또는 export)를 이 JSON 파일로 씁니다.")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.option("--format", "fmt", type=click.Choice(["json", "gift", "moodle-xml", "qti"]), default="json",
              show_default=True, help="export 형식: json, gift·moodle-xml(Moodle 문제 은행), qti(Canvas, .zip).")
@click.pass_context
def quiz(ctx: click.Context, target: str, sheets: tuple[Path, ...], out: Path | None, as_json: bool, fmt: str) -> None:
    from grader.quiz import service as quizzing
    from grader.quiz import export_bank, order_for_review, run_quiz

    bank = quizzing.load_quiz_bank()
    if target == "export":
        if fmt == "json":
            _emit_json(export_bank(bank), out, always=True)
            return
        from grader.quiz.lms_formats import export_as

        data = export_as(bank, fmt)
        if fmt == "qti" and out is None:
            out = Path("quiz-bank-qti.zip")
        if out is None:
            click.echo(data.decode("utf-8"), nl=False)
        else:
            out.write_bytes(data)
            click.echo(f"{out}에 썼습니다 (문항 {len(bank)}개).", err=True)
        return
    chosen = quizzing.resolve_target(bank, target)
    if sheets:
        _grade_sheets(ctx, bank, chosen, sheets, out, as_json)
        return
    workspace = _workspace(ctx)
    store = _store(workspace)
    history = quizzing.review_history(store.read(), chosen.key)
    questions = order_for_review(chosen.questions, history)
    click.echo(click.style(f"퀴즈: {chosen.title}", bold=True))
    run = run_quiz(questions, ask=_ask, say=click.echo)
    quizzing.record_run(store, chosen, run)


def _ask(prompt: str) -> str:
    return input(prompt)


def _grade_sheets(ctx: click.Context, bank: Any, chosen: Any, sheets: tuple[Path, ...], out: Path | None,
                  as_json: bool) -> None:
    """Grade answer sheets in batch; a bad sheet is reported and skipped, the rest are graded.
    A single sheet graded inside a workspace (a learner's own) is recorded in its progress."""
    from grader.quiz import service as quizzing
    from grader.quiz import QuizError
    from grader.learner.terminal import render_sheet
    from grader.learner.workspace import WorkspaceError

    graded, failed = [], 0
    for path in quizzing.sheet_paths(sheets):
        try:
            result = quizzing.grade_sheet_for(bank, chosen, path)
        except QuizError as error:
            failed += 1
            click.echo(click.style("오류: ", fg="red", bold=True) + str(error), err=True)
            continue
        graded.append((path, result))
        if not as_json:
            click.echo(render_sheet(result.student or path.name, result))
    if len(graded) == 1:
        try:
            quizzing.record_sheet(_store(_workspace(ctx)), chosen, graded[0][1])
        except WorkspaceError:
            pass  # an instructor grading sheets outside any workspace: nothing to record
    payloads = [{"sheet": path.name, **result.to_dict()} for path, result in graded]
    _emit_json(payloads[0] if len(payloads) == 1 else {"sheets": payloads}, out, always=as_json)
    sys.exit(2 if failed else 0)


def _emit_json(payload: Any, out: Path | None, *, always: bool) -> None:
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    if out:
        out.write_text(text + "\n", encoding="utf-8")
        click.echo(f"{out}에 썼습니다.", err=True)
    elif always:
        click.echo(text)


@main.command(help="반 전체 제출물을 샌드박스에서 채점해 성적표(grades.csv), results.json, "
                   "학생별 피드백, 요약(summary.html)을 만듭니다. SUBMISSIONS: 학생별 폴더나 zip이 든 폴더, "
                   "또는 LMS(Moodle, Canvas, Gradescope, GitHub Classroom)에서 내려받은 폴더·zip·tar.")
@click.argument("submissions", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), required=True, help="결과를 쓸 폴더.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="동시에 채점할 프로세스 수 (기본: CPU 수).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=3.0, show_default=True, help="함수 호출 하나의 제한 시간(초).")
@click.option("--seed", type=int, default=0, show_default=True, help="무작위 입력의 시드. 같은 시드면 같은 성적표.")
@click.option("--fresh", is_flag=True, help="이미 채점한 학생도 다시 채점합니다.")
@click.option("--budget", type=click.FloatRange(min=1.0), default=30.0, show_default=True,
              help="학생 한 명의 채점 시간 예산(초). 다 쓰면 남은 호출은 바로 0점이고 상태에 적힙니다.")
@click.option("--similarity", is_flag=True, help="학생 코드의 유사도 보고서(similarity.html, similarity.csv)도 만듭니다.")
@click.option("--lms", type=click.Choice(["canvas", "moodle"]), default=None,
              help="LMS 성적 가져오기 파일도 만듭니다 (canvas_import.csv 또는 moodle_worksheet.csv).")
@click.option("--detail", is_flag=True, help="results.json에 모든 검사의 결과를 씁니다 (기본: 학생당 요약).")
@click.option("--bom", is_flag=True, help="CSV를 BOM이 붙은 UTF-8로 씁니다 (Excel에서 한글이 바로 보이도록).")
def grade(submissions: Path, out: Path, jobs: int | None, timeout: float, seed: int, fresh: bool, similarity: bool,
          lms: str | None, detail: bool, bom: bool, budget: float) -> None:
    import os

    from grader.grading.batch import GradeOptions, grade_class
    from grader.grading.reports import ReportOptions

    options = GradeOptions(seed=seed, jobs=jobs or os.cpu_count() or 1, timeout=timeout, fresh=fresh, budget=budget)
    report = ReportOptions(detail=detail, bom=bom, lms=lms)
    count = grade_class(submissions, out, options, on_progress=_progress_printer(),
                        on_intake=lambda line: click.echo(f"받은 제출물: {line}", err=True), report_options=report)
    click.echo(f"학생 {count}명을 채점했습니다: {out / 'grades.csv'}, {out / 'summary.html'}")
    if lms:
        click.echo(f"LMS 가져오기 파일: {out / ('canvas_import.csv' if lms == 'canvas' else 'moodle_worksheet.csv')}")
    if similarity:
        _similarity(submissions, out, bom=bom)


@main.command(name="similarity", help="학생 코드를 연습 문제별로 비교해 비슷한 쌍을 similarity.html과 "
                                      "similarity.csv로 씁니다 (코드는 실행하지 않습니다).")
@click.argument("submissions", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), required=True, help="보고서를 쓸 폴더 (learn grade의 --out과 같아도 됩니다).")
@click.option("--threshold", type=click.FloatRange(0, 1), default=None, help="이 유사도 이상인 쌍만 보여 줍니다 (기본 0.5).")
@click.option("--bom", is_flag=True, help="CSV를 BOM이 붙은 UTF-8로 씁니다.")
def similarity_command(submissions: Path, out: Path, threshold: float | None, bom: bool) -> None:
    _similarity(submissions, out, threshold=threshold, bom=bom)


def _similarity(submissions: Path, out: Path, *, threshold: float | None = None, bom: bool = False) -> None:
    from grader.grading.similarity import DEFAULT_THRESHOLD, write_similarity_report

    pairs = write_similarity_report(submissions, out, threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
                                    bom=bom)
    click.echo(f"유사도 보고서: {out / 'similarity.html'} (기준 이상인 쌍 {pairs}개)")


@main.command(name="gradescope-autograder",
              help="Gradescope 자동 채점기 zip(setup.sh, run_autograder, 이 프로젝트의 소스)을 만듭니다.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("autograder.zip"), show_default=True)
@click.option("--wheel", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="zip에 넣을 learn 휠 파일 (기본: 이 설치본에서 만듦).")
def gradescope_autograder(out: Path, wheel: Path | None) -> None:
    from grader.grading.gradescope import build_autograder

    names = build_autograder(out, wheel)
    click.echo(f"{out}를 만들었습니다 (파일 {len(names)}개). Gradescope의 'Autograder' 설정에 올리세요.")


def _progress_printer() -> Any:
    """A redrawn bar on a terminal, one line per finished student anywhere else."""
    from grader.grading.progress import live_line, plain_line

    on_terminal = sys.stderr.isatty()

    def show(event: Any) -> None:
        if on_terminal:
            click.echo(f"\r{live_line(event)}", nl=event.done >= event.total, err=True)
        else:
            click.echo(plain_line(event), err=True)

    return show


@main.group(help="과정을 만드는 사람을 위한 명령.")
def dev() -> None:
    pass


@dev.command(name="check", help="스텁은 모두 실패하고 참조 풀이는 모두 통과하는지, 카탈로그·파일·힌트가 맞는지 확인합니다.")
def dev_check() -> None:
    from grader.course.authoring import author_problems

    problems = author_problems()
    for problem in problems:
        click.echo(click.style("✗ ", fg="red") + problem)
    if problems:
        _fail(f"문제 {len(problems)}개를 찾았습니다.", 1)
    click.echo(click.style(f"✓ 연습 문제 {len(load_catalog().exercises)}개: 스텁은 실패, 참조 풀이는 통과, 카탈로그와 파일 일치.", fg="green"))


@dev.command(name="stubs", help="참조 풀이(solutions/)의 # BEGIN SOLUTION 표시로 학습자 스텁(exercises/)을 만듭니다.")
@click.option("--check", "check_only", is_flag=True, help="쓰지 않고, 스텁이 풀이와 어긋나 있으면 종료 코드 1.")
def dev_stubs(check_only: bool) -> None:
    from grader.course.content import EXERCISES_DIR, SOLUTIONS_DIR
    from grader.course.stubs import MarkerError, sync_stubs

    names = [exercise.filename for exercise in load_catalog().exercises]
    try:
        drifted = sync_stubs(SOLUTIONS_DIR, EXERCISES_DIR, names, write=not check_only)
    except MarkerError as error:
        raise LearnError(str(error)) from None
    for drift in drifted:
        state = "없음" if drift.missing else "풀이와 다름"
        click.echo(f"{'✗' if check_only else '✎'} exercises/{drift.filename}: {state}")
    if check_only and drifted:
        _fail(f"스텁 {len(drifted)}개가 참조 풀이와 어긋납니다. 'learn dev stubs'로 다시 만드세요.", 1)
    verb = "확인했습니다" if check_only else "만들었습니다"
    click.echo(click.style(f"✓ 스텁 {len(names)}개를 {verb} (바뀐 파일 {0 if check_only else len(drifted)}개).", fg="green"))


@main.command(help="개념 노트 사이트를 엽니다: 현재 작업 공간의 진행 상황을 보여 주고, 사이트에서 푼 퀴즈를 "
                   "진행 상황 파일에 기록하며, learn check로 진행이 바뀌면 페이지가 새로 고쳐집니다. "
                   "--build를 주면 정적 사이트를 폴더에 만듭니다.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              help="사이트를 열 포트 (127.0.0.1에서만 열립니다).")
@click.option("--build", "build_dir", type=click.Path(path_type=Path), default=None,
              help="서버를 띄우지 않고 이 폴더에 사이트를 만듭니다.")
@click.pass_context
def docs(ctx: click.Context, port: int, build_dir: Path | None) -> None:
    from grader.docs_site.preview import build_site, check_port, serve
    from grader.learner.workspace import WorkspaceError

    try:
        workspace = _workspace(ctx)
    except WorkspaceError:
        if not build_dir:
            raise
        workspace = None
    if build_dir:
        build_site(build_dir, workspace.root if workspace else None)
        click.echo(f"사이트를 {build_dir}에 만들었습니다.")
        return
    check_port("127.0.0.1", port)  # before the build, which takes a while
    click.echo(f"http://127.0.0.1:{port}/ 에서 노트를 엽니다 (사이트를 만드는 데 몇 초 걸립니다, Ctrl+C로 끝).")
    serve(workspace.root, port=port)


# ---------------------------------------------------------------- installed anywhere (issue 13)


def _write_notebooks(workspace) -> None:  # workspace: Workspace
    from grader.notebook.authoring import write_notebooks

    paths = write_notebooks(workspace, load_catalog())
    click.echo(f"노트북 {len(paths)}개를 만들었습니다: {workspace.display(workspace.notebooks_dir)}/")


@main.command(help="연습 문제의 Jupyter 노트북(notebooks/ID.ipynb)을 작업 공간에 만듭니다: 소개와 개념 노트 링크, "
                   "스텁 코드 셀, learn check와 같은 채점 셀.")
@click.argument("exercise_id")
@click.option("--force", is_flag=True, help="이미 있는 노트북을 새로 만듭니다 (지금 내용은 사라집니다).")
@click.pass_context
def notebook(ctx: click.Context, exercise_id: str, force: bool) -> None:
    from grader.notebook.authoring import write_notebook

    workspace = _workspace(ctx)
    path = write_notebook(workspace, load_catalog(), _exercise(exercise_id), force=force)
    click.echo(f"{workspace.display(path)}을(를) 만들었습니다. Jupyter에서 열어 셀을 차례로 실행하세요.")


@main.command(help="GitHub Classroom 과제용 시작 저장소를 만듭니다: 연습 문제 스텁, learn 휠, 그리고 푸시마다 "
                   "'learn check --all --json'으로 채점해 점수를 보고하는 GitHub Actions 작업 흐름.")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="시작 저장소 폴더 (새 폴더나 작업 공간).")
@click.option("--wheel", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="넣을 learn 휠 파일 (기본: 이 설치본에서 만듦).")
@click.option("--force", is_flag=True, help="이미 있는 작업 흐름 파일을 덮어씁니다.")
def classroom(out: Path, wheel: Path | None, force: bool) -> None:
    from grader.grading.classroom import WORKFLOW, write_classroom

    write_classroom(out, wheel, force=force)
    click.echo(f"{out / WORKFLOW}와 learn 휠을 썼습니다. 이 폴더를 GitHub 템플릿 저장소로 올려 과제에 연결하세요.")
