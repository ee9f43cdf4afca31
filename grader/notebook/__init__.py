"""Check exercises written in a Jupyter or Colab notebook.

    from grader.notebook import check
    check("03_threshold")          # grades the functions defined in this notebook

or, as an IPython magic: `%load_ext grader.notebook` then `%learn check 03`.
`learn notebook ID` (and `learn init --notebooks`) writes a ready-made notebook per exercise.
Kept light: numpy and pytest are imported only when a check runs.
"""

from grader.notebook.checking import NotebookResult, check
from grader.notebook.magic import load_ipython_extension

__all__ = ["NotebookResult", "check", "load_ipython_extension"]
