"""learn: auto-graded exercises and quizzes for machine-learning concepts.

The package is a library with a thin command-line front end (`grader.cli`). Keep this module
empty of imports: `learn check` start-up time is a product feature.
"""
