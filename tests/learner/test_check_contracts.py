"""`learn check` (the learner's path: quick pass, then the engine) rejects an in-place write and a
warning the contract rules out with their named mistakes, and lets a warning the contract allows
pass."""

import json

from grader.course.authoring import wrong_implementations
from grader.course.content import CONTENT_ROOT


def check_json(learn, workspace, exercise_id, source):
    (workspace / "exercises" / f"{exercise_id}.py").write_text(source, encoding="utf-8")
    result = learn("check", exercise_id, "--json", "--seed", "3", cwd=workspace)
    payload = json.loads(result.stdout)
    mistakes = {m["id"] for t in payload["tests"] if t.get("verdict") for m in t["verdict"]["mistakes"]}
    return result.returncode, mistakes


def entry(exercise_id, manifest, name):
    return next(w for w in wrong_implementations(exercise_id, manifest_name=manifest) if w.name == name)


def test_a_forbidden_warning_and_an_in_place_write_fail_with_their_names(learn, workspace):
    code, mistakes = check_json(learn, workspace, "20_logit", entry("20_logit", "wrong_warnings.toml", "logit_divide_warns").source)
    assert code == 1 and mistakes == {"runtime-warning"}
    code, mistakes = check_json(learn, workspace, "01_mse", entry("01_mse", "wrong_inplace.toml", "mse_subtracts_in_place").source)
    assert code == 1 and mistakes == {"input-mutated"}


def test_a_warning_the_contract_allows_passes(learn, workspace):
    reference = (CONTENT_ROOT / "solutions" / "16_activations.py").read_text(encoding="utf-8")
    old = "    return np.maximum(np.asarray(x, dtype=np.float64), 0.0)\n"
    assert reference.count(old) == 1
    warns = reference.replace(old, "    np.exp(np.full(1, 1000.0))  # overflows: a RuntimeWarning, harmless here\n" + old)
    code, mistakes = check_json(learn, workspace, "16_activations", warns)
    assert code == 0 and not mistakes
