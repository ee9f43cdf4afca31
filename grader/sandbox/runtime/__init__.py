"""Code that runs inside the fork server and the student workers.

This package is loaded by the fork server straight from its folder (not as part of `grader`),
so it must only use relative imports, the standard library and numpy. The trusted grading
process imports the same modules (`grader.sandbox.runtime.*`) for the shared wire format.
"""
