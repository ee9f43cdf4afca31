"""Instructor batch grading (`learn grade`): intake of submissions, sandboxed runs, reports.

The trusted process holds the references, inputs, expected outputs and verdicts; student code
only ever runs in `grader.sandbox` workers. The same check modules as `learn check` decide.
"""
