"""The drawing functions of the notes' figures, grouped by topic (one module per group).

Each ``draw_*(ref, plt)`` gets the reference solution module named first in its `Figure` entry
and draws one new matplotlib figure. Extra reference solutions come from `reference()`. All data
is fixed or drawn from seeded generators, so the SVG files are the same on every build.
Labels are Korean; `grader.docs_site.figure_style` sets the font and sizes.
"""

from __future__ import annotations

from typing import Any

__all__ = ["reference"]


def reference(exercise_id: str) -> Any:
    """The trusted reference solution module of one exercise (``"02"`` or ``"02_sensitivity"``)."""
    from grader.course.catalog import load_catalog
    from grader.engine.runner import load_reference

    return load_reference(load_catalog().resolve(exercise_id))
