"""Rewrite latex2mathml's MathML into the forms Chromium typesets like a textbook.

latex2mathml writes valid MathML, but a few of its choices look wrong in a browser's native
MathML layout (MathML Core, Chromium 109+), even with a proper OpenType MATH font:

* ``\\hat{y}`` becomes ``<mover accent="true">`` over ``<mo>^</mo>``. U+005E is stretchy in the
  operator dictionary, so Chromium widens it like ``\\widehat``. We use U+02C6 (the non-spacing
  modifier circumflex) with ``stretchy="false"``: a small hat centred on the letter.
* ``\\lvert x \\rvert`` becomes two bare ``<mo>|</mo>``; the dictionary makes the closing one a
  stretchy fence that grows to the height of everything before it (a sum with limits, say).
  A bar that was not written with ``\\left``/``\\right`` keeps its text size.
* ``\\mathrm{TP}`` becomes ``<mi mathvariant="normal">T</mi><mi mathvariant="normal">P</mi>``;
  we merge such runs into one ``<mi>TP</mi>``, which is upright by default and read as one name
  (true positives), not the product T·P.
* ``\\max_j``, ``\\min_j``, ``\\lim_{n}`` become ``<msub>`` around an ``<mo>``: the limits stay at
  the side. In a display formula we turn these into ``<munder>``/``<munderover>``, as TeX does;
  in running text the side position is the right one.
* ``\\sigma'`` becomes ``<msup>`` with a prime as superscript: the font's prime glyph is already
  raised, so the superscript shift puts it far too high. We put the prime beside the base.

Everything here is a pure function of the MathML text, so `math_hook` stays a thin adapter.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

__all__ = ["polish_mathml"]

MATHML_NS = "http://www.w3.org/1998/Math/MathML"
_NS = "{" + MATHML_NS + "}"

ET.register_namespace("", MATHML_NS)

# Accents that must not stretch to the width of their base (\hat, \check, \tilde, \dot ...).
_ACCENT_REPLACEMENTS = {"^": "\u02c6", "\u02c7": "\u02c7", "~": "\u02dc", "\u02d9": "\u02d9", "\u00a8": "\u00a8"}
# Operators whose limits go above and below in a display formula.
_LIMIT_OPERATORS = {"max", "min", "lim", "sup", "inf", "argmax", "argmin", "arg max", "arg min"}
_BARS = {"|", "\u2016", "\u2223", "\u2225"}
_PRIMES = {"\u2032", "\u2033", "\u2034"}


def _tag(element: ET.Element) -> str:
    return element.tag.removeprefix(_NS)


def _fix_accents(root: ET.Element) -> None:
    for mover in root.iter(_NS + "mover"):
        if mover.get("accent") != "true" or len(mover) != 2:
            continue
        accent = mover[1]
        if _tag(accent) == "mo" and accent.text in _ACCENT_REPLACEMENTS:
            accent.text = _ACCENT_REPLACEMENTS[accent.text]
            accent.set("stretchy", "false")


def _fix_bars(root: ET.Element) -> None:
    for mo in root.iter(_NS + "mo"):
        if mo.text in _BARS and mo.get("stretchy") is None:
            # TeX's | is an ordinary symbol: no stretching and no operator spacing around it.
            mo.set("stretchy", "false")
            mo.set("lspace", "0")
            mo.set("rspace", "0")


def _merge_upright_runs(root: ET.Element) -> None:
    for parent in root.iter():
        children = list(parent)
        merged: list[ET.Element] = []
        for child in children:
            previous = merged[-1] if merged else None
            if (
                previous is not None
                and _tag(child) == "mi"
                and _tag(previous) == "mi"
                and child.get("mathvariant") == "normal"
                and previous.get("mathvariant") == "normal"
                and not previous.tail
                and not len(child)
                and not len(previous)
            ):
                previous.text = (previous.text or "") + (child.text or "")
                previous.tail = child.tail
                continue
            merged.append(child)
        if len(merged) != len(children):
            parent[:] = merged
    for mi in root.iter(_NS + "mi"):
        # A name of two or more letters is upright without the attribute (MathML Core).
        if mi.get("mathvariant") == "normal" and mi.text and len(mi.text) > 1:
            del mi.attrib["mathvariant"]


_TALL = {"mfrac", "munderover", "munder", "mtable", "msqrt", "mroot"}


def _is_tall(element: ET.Element) -> bool:
    for node in element.iter():
        name = _tag(node)
        if name in _TALL or (name == "mover" and node.get("accent") != "true"):
            return True
    return False


def _unstretch_short_fences(root: ET.Element) -> None:
    for mrow in root.iter(_NS + "mrow"):
        if len(mrow) < 2:
            continue
        first, last = mrow[0], mrow[-1]
        if not (
            _tag(first) == "mo" and first.get("fence") == "true" and first.get("form") == "prefix"
            and _tag(last) == "mo" and last.get("fence") == "true" and last.get("form") == "postfix"
        ):
            continue
        if any(_is_tall(child) for child in list(mrow)[1:-1]):
            continue
        for fence in (first, last):
            fence.set("stretchy", "false")


def _operator_name(element: ET.Element) -> str | None:
    if _tag(element) == "mo" and element.text:
        return element.text.strip()
    return None


def _limits_below(root: ET.Element) -> None:
    for parent in root.iter():
        for element in list(parent):
            name = _tag(element)
            if name not in {"msub", "msubsup"} or len(element) < 2:
                continue
            if _operator_name(element[0]) not in _LIMIT_OPERATORS:
                continue
            element.tag = _NS + ("munder" if name == "msub" else "munderover")


_FUNCTION_NAMES = {"log", "ln", "exp", "max", "min", "sin", "cos", "tanh", "lim", "sup", "inf", "det", "sign", "argmax", "argmin"}
_OPENING = {"(", "[", "{", "|", "\u2016", "\u2061"}
_SIGNS = {"-", "\u2212", "+", "\u00b1"}


def _function_names(root: ET.Element) -> None:
    limit_bases = {id(el[0]) for el in root.iter() if _tag(el) in {"munder", "munderover"} and len(el)}
    for parent in root.iter():
        children = list(parent)
        if _tag(parent) in {"msub", "msup", "msubsup", "munder", "mover", "munderover", "mfrac", "mroot"}:
            continue  # positional children: never insert anything between them
        rebuilt: list[ET.Element] = []
        for index, child in enumerate(children):
            rebuilt.append(child)
            name = (child.text or "").strip()
            if _tag(child) not in {"mi", "mo"} or name not in _FUNCTION_NAMES or id(child) in limit_bases:
                continue
            if _tag(child) == "mo":
                child.tag = _NS + "mi"
                child.attrib.clear()
            following = children[index + 1] if index + 1 < len(children) else None
            if following is None or (_tag(following) == "mo" and (following.text or "") in _OPENING):
                continue
            space = ET.Element(_NS + "mspace", {"width": "0.167em"})
            space.tail, child.tail = child.tail, None
            rebuilt.append(space)
        if len(rebuilt) != len(children):
            parent[:] = rebuilt


def _prefix_signs(root: ET.Element) -> None:
    for parent in root.iter():
        if _tag(parent) not in {"mrow", "math", "mtd", "mstyle"}:
            continue
        previous: ET.Element | None = None
        for child in list(parent):
            if _tag(child) == "mo" and (child.text or "") in _SIGNS and child.get("form") is None:
                if previous is None or _tag(previous) == "mo" and (previous.text or "") not in {")", "]", "}", "|"} | _PRIMES:
                    child.set("form", "prefix")
            if _tag(child) != "mspace":
                previous = child


def _primes_beside(root: ET.Element) -> None:
    for parent in root.iter():
        children = list(parent)
        changed = False
        rebuilt: list[ET.Element] = []
        for child in children:
            if (
                _tag(child) == "msup"
                and len(child) == 2
                and _tag(child[1]) in {"mi", "mo"}
                and child[1].text
                and set(child[1].text) <= _PRIMES
            ):
                base, prime = child[0], child[1]
                mo = ET.Element(_NS + "mo")
                mo.text = prime.text
                mo.tail = child.tail
                base.tail = None
                rebuilt.extend([base, mo])
                changed = True
            else:
                rebuilt.append(child)
        if changed:
            parent[:] = rebuilt


def polish_mathml(mathml: str, *, display: bool) -> str:
    """Return ``mathml`` (one ``<math>`` element) with the rewrites described above."""
    root = ET.fromstring(mathml)
    _fix_accents(root)
    _fix_bars(root)
    _unstretch_short_fences(root)
    _merge_upright_runs(root)
    _primes_beside(root)
    if display:
        _limits_below(root)
    _function_names(root)
    _prefix_signs(root)
    return ET.tostring(root, encoding="unicode", short_empty_elements=True)
