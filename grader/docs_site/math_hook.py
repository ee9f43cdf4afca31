"""MkDocs hook: turn arithmatex output into MathML at build time.

``pymdownx.arithmatex`` (``generic: true``) leaves the LaTeX source in the page as
``<span class="arithmatex">\\(...\\)</span>`` (inline) and
``<div class="arithmatex">\\[...\\]</div>`` (display). Normally a JavaScript library
(MathJax, KaTeX) loaded from a CDN would typeset it in the browser. The learn docs
site must work with no network, so this hook converts every formula to MathML with
``latex2mathml`` while the site is built; browsers render MathML natively, with the OpenType
MATH font that ships in ``site/assets/fonts/``. `mathml_polish` rewrites the few constructs
whose literal MathML Chromium lays out badly (accents, bars, upright names, limits, primes).

A formula that cannot be converted fails the build with the page name, instead of
showing raw LaTeX to a learner.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from typing import Any

from latex2mathml.converter import convert as latex_to_mathml
from mkdocs.exceptions import PluginError

from grader.docs_site.mathml_polish import polish_mathml

__all__ = ["MathConversionError", "convert_page_math", "convert_formula", "on_page_content"]


class MathConversionError(PluginError):
    """A LaTeX formula on a page could not be turned into MathML."""


_INLINE_RE = re.compile(
    r'<span class="arithmatex">\s*\\\((?P<tex>.*?)\\\)\s*</span>', re.DOTALL
)
_DISPLAY_RE = re.compile(
    r'<div class="arithmatex">\s*(?:\\\[(?P<tex>.*?)\\\]|(?P<env>\\begin\{.*?\\end\{[^}]*\}))\s*</div>',
    re.DOTALL,
)
# Any arithmatex wrapper still present after conversion means a form we did not expect.
_LEFTOVER_RE = re.compile(r'class="arithmatex"')

_MATHML_NS = "{http://www.w3.org/1998/Math/MathML}"
# Elements whose children are positional arguments: name -> required child count.
_ARITY = {
    "mfrac": 2,
    "msub": 2,
    "msup": 2,
    "msubsup": 3,
    "mroot": 2,
    "munder": 2,
    "mover": 2,
    "munderover": 3,
}
_UNKNOWN_COMMAND_RE = re.compile(r"\\[A-Za-z]+")


def _check_mathml(mathml: str) -> None:
    """Raise ValueError when latex2mathml produced something that is not real math.

    latex2mathml does not reject every bad input: an unknown command such as
    ``\\foo`` comes out as the literal text ``\\foo``, and ``\\frac{a}`` yields a
    fraction with one child. Both are caught here.
    """
    try:
        root = ET.fromstring(mathml)
    except ET.ParseError as exc:
        raise ValueError(f"output is not well-formed MathML ({exc})") from exc
    for element in root.iter():
        name = element.tag.removeprefix(_MATHML_NS)
        expected = _ARITY.get(name)
        if expected is not None and len(element) != expected:
            raise ValueError(f"<{name}> has {len(element)} arguments, expected {expected}")
        if name in {"mi", "mo", "mn"} and element.text:
            unknown = _UNKNOWN_COMMAND_RE.search(element.text)
            if unknown:
                raise ValueError(f"unsupported command {unknown.group(0)}")


def convert_formula(tex: str, *, display: bool, page_name: str) -> str:
    """Convert one LaTeX formula (HTML-escaped, as arithmatex writes it) to MathML."""
    source = html.unescape(tex).strip()
    if not source:
        raise MathConversionError(f"{page_name}: empty formula")
    try:
        mathml = latex_to_mathml(source, display="block" if display else "inline")
        _check_mathml(mathml)
        mathml = polish_mathml(mathml, display=display)
    except Exception as exc:  # latex2mathml raises many exception types
        raise MathConversionError(
            f"{page_name}: cannot convert formula {source!r} to MathML: "
            f"{type(exc).__name__}: {exc}"
        ) from exc
    return mathml


def convert_page_math(page_html: str, page_name: str) -> str:
    """Return ``page_html`` with every arithmatex formula replaced by MathML."""

    def display(match: re.Match[str]) -> str:
        tex = match.group("tex") if match.group("tex") is not None else match.group("env")
        mathml = convert_formula(tex, display=True, page_name=page_name)
        return f'<div class="math-display">{mathml}</div>'

    def inline(match: re.Match[str]) -> str:
        mathml = convert_formula(match.group("tex"), display=False, page_name=page_name)
        return f'<span class="math-inline">{mathml}</span>'

    result = _DISPLAY_RE.sub(display, page_html)
    result = _INLINE_RE.sub(inline, result)
    if _LEFTOVER_RE.search(result):
        snippet = result[_LEFTOVER_RE.search(result).start():][:120]
        raise MathConversionError(f"{page_name}: unrecognised math markup: {snippet!r}")
    return result


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:  # noqa: A002
    """MkDocs event: runs after Markdown is rendered to HTML, before templating."""
    return convert_page_math(html, page.file.src_uri)
