"""How every figure of the notes looks: the Korean font, the colours and their Korean names, sizes.

Labels are Korean, like the rest of what a learner reads. The font is NanumGothic (SIL Open Font
Licence) from the `koreanize-matplotlib` package of the ``docs`` extra. We only take its font
file: importing that package would change matplotlib's global settings as a side effect. The
SVG backend writes every glyph as a path (``svg.fonttype = "path"``), so the pictures show the
same Korean letters in any browser, with or without a Korean font installed.

Captions in the Markdown name colours in Korean ("빨간 점"); `COLOUR_NAMES` maps those words to
the one hex value used for them here, and a test checks that a colour named in a caption is
really drawn in that figure.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

__all__ = [
    "BLACK", "BLUE", "COLOUR_NAMES", "GREEN", "GREY", "ORANGE", "PURPLE", "RED",
    "KOREAN_FONT", "korean_font_path", "register_korean_font", "rc_params",
]

# Colour-vision friendly (Okabe-Ito), except red: Okabe-Ito's "vermillion" reads as orange,
# and the captions call it red.
BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
RED = "#C62828"
PURPLE = "#8E44AD"
GREY = "#777777"
BLACK = "#000000"

# Korean colour words (stems, as they appear in captions) -> the colour drawn.
COLOUR_NAMES: dict[str, str] = {
    "파란": BLUE, "파랑": BLUE,
    "주황": ORANGE,
    "초록": GREEN,
    "빨간": RED, "빨강": RED,
    "보라": PURPLE,
    "회색": GREY,
    "검은": BLACK, "검정": BLACK,
}

KOREAN_FONT = "NanumGothic"
# Minimum text sizes (points) a reader can still read in a figure scaled to the page width.
LEGEND_SIZE = 10.5
TEXT_SIZE = 11


def korean_font_path() -> Path:
    """NanumGothic.ttf inside the installed koreanize-matplotlib package (not imported)."""
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("koreanize-matplotlib (한국어 글꼴 NanumGothic)")
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / "NanumGothic.ttf"
    if not path.is_file():
        raise ImportError(f"koreanize-matplotlib에 {path.name}이 없습니다")
    return path


def register_korean_font() -> None:
    """Make NanumGothic known to matplotlib's font manager (idempotent)."""
    from matplotlib import font_manager

    if not any(entry.name == KOREAN_FONT for entry in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(str(korean_font_path()))


def rc_params() -> dict[str, Any]:
    """matplotlib settings for every figure: deterministic SVG, Korean text, readable sizes."""
    return {
        "svg.fonttype": "path",  # glyphs as paths: the browser needs no font
        "svg.hashsalt": "learn-docs",  # stable element ids: reproducible files
        # DejaVu Sans (ships with matplotlib) for Latin, digits and symbols such as the minus
        # sign U+2212 that NanumGothic lacks; glyph by glyph fallback to NanumGothic for Hangul.
        "font.family": ["DejaVu Sans", KOREAN_FONT],
        "mathtext.fontset": "dejavusans",
        "font.size": TEXT_SIZE,
        "axes.titlesize": 12,
        "axes.labelsize": TEXT_SIZE,
        "xtick.labelsize": 10,
        "ytick.labelsize": 10,
        "legend.fontsize": LEGEND_SIZE,
        "figure.facecolor": "white",  # readable on Material's dark (slate) theme too
        "axes.facecolor": "white",
        "savefig.facecolor": "white",
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
