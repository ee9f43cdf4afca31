"""One pytest module per exercise, written against the `student` and `reference` fixtures.

A check never imports the learner's code, the CLI, the progress store or the sandbox: it only
calls `student.call(...)` (usually through `grader.engine.verdict.compare`) so that the same check
grades an in-process module (`learn check`) or a sandboxed worker (`learn grade`).
"""
