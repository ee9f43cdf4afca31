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
    assert "<mo>&lt;</mo>" in out
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


# ------------------------------------------------------------------------------------------
# mathml_polish: the rewrites that make Chromium typeset like a textbook

from grader.docs_site.math_hook import convert_formula  # noqa: E402


def mathml(tex: str, display: bool = True) -> str:
    return convert_formula(tex, display=display, page_name="test.md")


def test_hat_is_a_small_non_stretchy_accent():
    out = mathml(r"\hat{y}")
    assert '<mover accent="true">' in out and '<mo stretchy="false">\u02c6</mo>' in out
    assert "<mo>^</mo>" not in out


def test_bars_do_not_stretch_unless_left_right():
    assert '<mo stretchy="false" lspace="0" rspace="0">|</mo>' in mathml(r"\sum_{i=1}^{n} \lvert y_i \rvert")
    assert 'stretchy="true"' in mathml(r"\left| \frac{a}{b} \right|")


def test_multi_letter_upright_names_are_one_identifier():
    out = mathml(r"\frac{\mathrm{TP}}{\mathrm{TP} + \mathrm{FN}}")
    assert out.count("<mi>TP</mi>") == 2 and "<mi>FN</mi>" in out


def test_limits_go_below_in_display_only():
    assert "<munder><mo>max</mo>" in mathml(r"m = \max_j z_j")
    assert "<msub><mo>max</mo>" in mathml(r"m = \max_j z_j", display=False)
    assert "<munderover><mo>\u2211</mo>" in mathml(r"\sum_{i=1}^{n} x_i")


def test_prime_sits_beside_its_base():
    out = mathml(r"\sigma'(z)")
    assert "<msup>" not in out and "<mi>\u03c3</mi><mo>\u2032</mo>" in out


def test_short_fences_do_not_stretch_tall_ones_do():
    assert 'stretchy="true"' not in mathml(r"\sigma(z)\left(1 - \sigma(z)\right)")
    assert 'stretchy="true"' in mathml(r"\left(\frac{1}{2}\right)")


def test_function_names_and_signs_are_spaced_like_tex():
    out = mathml(r"-\frac{1}{n} \log p")
    assert '<mo form="prefix">\u2212</mo>' in out
    assert '<mi>log</mi><mspace width="0.167em" />' in out
    assert "<mi>log</mi><mo" in mathml(r"\log(1 - p)")  # no space before a parenthesis

