"""The build-time math hook turns arithmatex output into MathML and fails loudly."""

from __future__ import annotations

from types import SimpleNamespace

import markdown
import pytest

from grader.docs_site import math_hook
from grader.docs_site.math_hook import MathConversionError, convert_page_math

SAMPLE_PAGE = r"""
# 예시

민감도는 $\frac{TP}{TP + FN}$ 이고, $p < t$ 이면 음성입니다.

$$
\sigma(z) = \frac{1}{1 + e^{-z}}
$$

코드 안의 `$x$`는 수식이 아닙니다.
"""


def render(text: str) -> str:
    """Render Markdown the way mkdocs.yml configures arithmatex."""
    return markdown.markdown(
        text,
        extensions=["pymdownx.arithmatex"],
        extension_configs={"pymdownx.arithmatex": {"generic": True}},
    )


def test_sample_page_renders_arithmatex_markup():
    html = render(SAMPLE_PAGE)
    assert '<span class="arithmatex">' in html
    assert '<div class="arithmatex">' in html


def test_inline_and_display_math_become_mathml():
    out = convert_page_math(render(SAMPLE_PAGE), "concepts/example.md")
    assert out.count("<math") == 3
    assert 'class="arithmatex"' not in out
    assert '<div class="math-display"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block">' in out
    assert out.count('display="inline"') == 2
    assert "<mfrac>" in out
    # The HTML-escaped "<" in the LaTeX source is unescaped before conversion.
    assert "<mo>&#x0003C;</mo>" in out
    # No LaTeX delimiters left for a browser-side renderer.
    assert "\\(" not in out and "\\[" not in out
    # Inline code is left alone.
    assert "<code>$x$</code>" in out


def test_page_without_math_is_unchanged():
    html = render("# 제목\n\n수식이 없는 문단입니다.\n")
    assert convert_page_math(html, "index.md") == html


@pytest.mark.parametrize(
    "bad",
    [
        r"$$\frac{1}{$$",  # unbalanced brace
        r"$\notacommand{x}$",  # unknown command would be shown as raw text
        r"$$\frac{a}$$",  # missing denominator
        r"$\left( x$",  # \left without \right
    ],
)
def test_bad_formula_raises_with_page_name(bad: str):
    html = render(f"# 틀린 수식\n\n{bad}\n")
    assert "arithmatex" in html
    with pytest.raises(MathConversionError) as info:
        convert_page_math(html, "concepts/broken.md")
    assert "concepts/broken.md" in str(info.value)


def test_on_page_content_uses_page_source_path():
    page = SimpleNamespace(file=SimpleNamespace(src_uri="concepts/softmax.md"))
    ok = math_hook.on_page_content(render("$e^{z_i}$\n"), page=page, config=None, files=None)
    assert "<msup>" in ok
    with pytest.raises(MathConversionError, match="concepts/softmax.md"):
        math_hook.on_page_content(render(r"$\bogus$" + "\n"), page=page, config=None, files=None)


def test_error_is_a_mkdocs_plugin_error():
    from mkdocs.exceptions import PluginError

    assert issubclass(MathConversionError, PluginError)
