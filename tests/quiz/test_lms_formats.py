"""The quiz bank as GIFT, Moodle XML and QTI 1.2, checked against each format's rules."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from grader.quiz.service import load_quiz_bank
from grader.quiz.lms_formats import (GIFT_SPECIAL, QTI_TYPES, gift_escape, gift_question, to_gift, to_moodle_xml,
                                     to_qti_xml, to_qti_zip)
from grader.quiz.model import NumericMistake, Option, Question, QuizBank, Section

NASTY = "a~b=c#d{e}f:g\\h C:\\new\\=\n둘째 줄 <b>&amp;</b> <script>alert('x')</script> -> ]]> //끝"
QNS = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


@pytest.fixture(scope="module")
def bank() -> QuizBank:
    return load_quiz_bank()


def nasty_bank() -> QuizBank:
    questions = (
        Question("nasty-single", "single", NASTY, NASTY, "x",
                 options=(Option(NASTY, True), Option("틀림 = 1", False, NASTY))),
        Question("nasty-multiple", "multiple", NASTY, NASTY, "x",
                 options=(Option("a", True), Option("b", True), Option("c", False, NASTY))),
        Question("nasty-tf", "truefalse", NASTY, NASTY, "x", answer=False, feedback=NASTY),
        Question("nasty-numeric", "numeric", NASTY, NASTY, "x", answer=0.75, tolerance=0.01,
                 mistakes=(NumericMistake(0.8, NASTY),)),
        Question("nasty-order", "order", NASTY, NASTY, "x", items=("첫째 {a}", "둘째 ~b", "셋째 #c")),
    )
    return QuizBank((Section("x", "특수 문자", questions),))


def unescaped(text: str, chars: str) -> list[int]:
    """Positions of `chars` not preceded by an odd number of backslashes."""
    found, backslashes = [], 0
    for index, ch in enumerate(text):
        if ch == "\\":
            backslashes += 1
            continue
        if ch in chars and backslashes % 2 == 0:
            found.append(index)
        backslashes = 0
    return found


def gift_unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def test_gift_escape_round_trips_every_special_character():
    escaped = gift_escape(NASTY)
    assert "\n" not in escaped and not unescaped(escaped, GIFT_SPECIAL.replace("\\", ""))
    assert gift_unescape(escaped) == NASTY


def test_gift_questions_have_exactly_one_answer_block_and_escaped_text():
    for question in nasty_bank().questions:
        text = gift_question(question)
        opens, closes = unescaped(text, "{"), unescaped(text, "}")
        assert len(opens) == len(closes) == 1 and opens[0] < closes[0], text
        head = text[:opens[0]]
        assert unescaped(head, "~=#") == [] and len(unescaped(head, ":")) == 4  # only ::id::
        assert gift_unescape(head.split("::")[2].removeprefix("[markdown]").strip()) == NASTY.strip()
    single = gift_question(nasty_bank().questions[0])
    body = single[single.index(" {") + 2:single.rindex("}")]
    answers = [body[i] for i in unescaped(body, "~=")]
    assert answers == ["=", "~"]  # the '=' inside the option text is escaped, not a second right answer


def test_the_whole_bank_in_gift(bank):
    text = to_gift(bank)
    blocks = [b for b in text.split("\n\n") if b.startswith("::")]
    assert len(blocks) == len(bank)
    for block in blocks:
        assert len(unescaped(block, "{")) == 1 and len(unescaped(block, "}")) == 1


def test_moodle_xml_follows_the_question_types_rules(bank):
    for source in (bank, nasty_bank()):
        root = ET.fromstring(to_moodle_xml(source))
        questions = [q for q in root if q.get("type") != "category"]
        assert len(questions) == len(source)
        for element, question in zip(questions, source.questions):
            assert element.findtext("name/text") == question.id
            assert element.findtext("questiontext/text") == question.prompt.strip()
            fractions = [float(a.get("fraction")) for a in element.findall("answer")]
            kind = element.get("type")
            if kind == "multichoice" and element.findtext("single") == "true":
                assert fractions.count(100) == 1
            elif kind == "multichoice":
                assert abs(sum(f for f in fractions if f > 0) - 100) < 0.01
            elif kind == "truefalse":
                assert sorted(fractions) == [0, 100] and {a.findtext("text") for a in element.findall("answer")} == {"true", "false"}
            elif kind == "numerical":
                assert fractions[0] == 100 and element.find("answer/tolerance") is not None
            else:
                assert kind == "matching" and len(element.findall("subquestion")) >= 3
    assert "<b>&amp;amp;</b>" in to_moodle_xml(nasty_bank()).replace("&lt;", "<").replace("&gt;", ">")


def check_qti(xml: str, count: int) -> None:
    root = ET.fromstring(xml)
    assert root.tag == QNS + "questestinterop"
    items = root.findall(f".//{QNS}item")
    assert len(items) == count and len({i.get("ident") for i in items}) == count
    for item in items:
        meta = {f.findtext(f"{QNS}fieldlabel"): f.findtext(f"{QNS}fieldentry") for f in item.iter(QNS + "qtimetadatafield")}
        assert meta["question_type"] in QTI_TYPES.values() and float(meta["points_possible"]) > 0
        responses = {r.get("ident"): {l.get("ident") for l in r.iter(QNS + "response_label")}
                     for tag in ("response_lid", "response_str") for r in item.iter(QNS + tag)}
        assert responses
        for condition in item.iter(QNS + "varequal"):
            labels = responses[condition.get("respident")]
            assert meta["question_type"] == "numerical_question" or condition.text in labels
        assert item.find(f"{QNS}resprocessing/{QNS}outcomes/{QNS}decvar") is not None
        for link in item.iter(QNS + "displayfeedback"):
            assert item.find(f"{QNS}itemfeedback[@ident='{link.get('linkrefid')}']") is not None


def test_qti_items_are_consistent(bank):
    check_qti(to_qti_xml(bank), len(bank))
    check_qti(to_qti_xml(nasty_bank()), len(nasty_bank()))


def test_qti_package_has_a_manifest_naming_the_assessment(bank):
    with zipfile.ZipFile(io.BytesIO(to_qti_zip(bank))) as archive:
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        hrefs = [f.get("href") for f in manifest.iter("{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}file")]
        assert hrefs and all(h in archive.namelist() for h in hrefs)
        check_qti(archive.read(hrefs[0]).decode("utf-8"), len(bank))


def test_cli_quiz_export_formats(tmp_path):
    for fmt, name in (("gift", "bank.gift"), ("moodle-xml", "bank.xml"), ("qti", "bank.zip")):
        result = subprocess.run([sys.executable, "-m", "grader", "quiz", "export", "--format", fmt,
                                 "--out", str(tmp_path / name)], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert (tmp_path / name).stat().st_size > 1000


# ---- GIFT read back as Moodle reads it --------------------------------------------------------
# No GIFT parser on PyPI is both maintained and faithful (pygiftparser: last release 2017;
# pygiftparserrgmf 0.0.5: a PLY grammar with unresolved conflicts and a non-standard `|TRUE`), so
# this is Moodle's own reading (question/format/gift/format.php: readquestions, escapedchar_pre/
# post, readquestion) written out independently of the exporter.

MOODLE_ESCAPES = [("\\\\", "&&092;"), ("\\#", "&&035;"), ("\\=", "&&061;"), ("\\{", "&&123;"), ("\\}", "&&125;"),
                  ("\\~", "&&126;"), ("\\:", "&&058;"), ("\\n", "&&010;")]


def _pre(text: str) -> str:
    for escaped, placeholder in MOODLE_ESCAPES:
        text = text.replace(escaped, placeholder)
    return text


def _post(text: str) -> str:
    for escaped, placeholder in MOODLE_ESCAPES:
        text = text.replace(placeholder, "\n" if escaped == "\\n" else escaped[1])
    return text.strip()


def _weight(answer: str) -> tuple[float, str]:
    if answer.startswith("="):
        return 100.0, answer[1:]
    answer = answer.removeprefix("~")
    match = re.match(r"^%(-?[0-9.]+)%", answer)
    return (float(match.group(1)), answer[match.end():]) if match else (0.0, answer)


def moodle_read_gift(text: str) -> list[dict]:
    """Questions as Moodle's GIFT import sees them: name, text, type, answers, feedback."""
    blocks, lines = [], []
    for line in text.split("\n") + [""]:
        if line.strip().startswith("//"):  # Moodle drops comment lines before anything else
            continue
        if line.strip():
            lines.append(line)
        elif lines:
            blocks.append("\n".join(lines))
            lines = []
    questions = []
    for block in blocks:
        if block.startswith("$CATEGORY:"):
            continue
        block = _pre(block.strip())
        name = ""
        if block.startswith("::"):
            name, block = block[2:].split("::", 1)
        start, finish = block.index("{"), block.rindex("}")
        assert block.count("{") == block.count("}") == 1, block  # every other brace is escaped
        prompt, answers = block[:start], block[start + 1:finish].strip()
        fmt = ""
        if prompt.startswith("["):
            fmt, prompt = prompt[1:].split("]", 1)
        general = ""
        if "####" in answers:
            answers, general = answers.split("####", 1)
            answers = answers.strip()
        question = {"name": _post(name), "format": fmt, "text": _post(prompt), "general": _post(general)}
        if answers.startswith("#"):
            question["type"] = "numerical"
            parsed = []
            for answer in [a.strip() for a in answers[1:].split("=") if a.strip()]:
                weight, rest = _weight("=" + answer) if not answer.startswith("%") else _weight("~" + answer)
                value, _, feedback = rest.partition("#")
                number, _, tolerance = value.partition(":")
                parsed.append((weight, float(number), float(tolerance or 0), _post(feedback)))
            question["answers"] = parsed
        elif "~" in answers:
            question["type"] = "multichoice"
            parsed = []
            for answer in [a.strip() for a in answers.replace("=", "~=").split("~") if a.strip()]:
                weight, rest = _weight(answer if answer.startswith("=") else "~" + answer)
                body, _, feedback = rest.partition("#")
                parsed.append((weight, _post(body), _post(feedback)))
            question["answers"] = parsed
        elif "=" in answers and "->" in answers:
            question["type"] = "matching"
            pairs = []
            for answer in [a.strip() for a in answers.split("=") if a.strip()]:
                left, _, right = answer.partition("->")
                pairs.append((_post(left), _post(right)))
            question["answers"] = pairs
        else:
            parts = answers.split("#")
            assert parts[0].strip() in ("T", "TRUE", "F", "FALSE"), answers
            question["type"] = "truefalse"
            question["answers"] = (parts[0].strip() in ("T", "TRUE"), _post(parts[1]) if len(parts) > 1 else "")
        questions.append(question)
    return questions


def expected_gift(question: Question) -> dict:
    """What Moodle must read back for `question`."""
    result = {"name": question.id, "format": "markdown", "text": question.prompt.strip(),
              "general": question.explanation.strip()}
    if question.type in ("single", "multiple"):
        weights = [100.0 if o.correct else 0.0 for o in question.options] if question.type == "single" else \
            [round(100 / len(question.correct_indices), 4) if o.correct else -100.0 for o in question.options]
        result |= {"type": "multichoice",
                   "answers": [(w, o.text.strip(), o.feedback.strip()) for w, o in zip(weights, question.options)]}
    elif question.type == "truefalse":
        result |= {"type": "truefalse", "answers": (bool(question.answer), question.feedback.strip())}
    elif question.type == "numeric":
        result |= {"type": "numerical",
                   "answers": [(100.0, float(question.answer), float(question.tolerance), "")]  # type: ignore[arg-type]
                   + [(0.0, float(m.value), 0.0, m.feedback.strip()) for m in question.mistakes]}
    else:
        result |= {"type": "matching", "answers": [(f"{i + 1}번째", item.strip()) for i, item in enumerate(question.items)]}
    return result


@pytest.mark.parametrize("source", ["bank", "payloads"])
def test_gift_round_trips_through_moodles_reading(bank, source):
    """Export, read back as Moodle does, and get every question's text, answers, weights and
    feedback exactly, payloads (`~ = # { } :`, backslash, new line, `<script>`, Hangul) included."""
    chosen = bank if source == "bank" else nasty_bank()
    read = moodle_read_gift(to_gift(chosen))
    assert len(read) == len(chosen)
    for got, question in zip(read, chosen.questions):
        want = expected_gift(question)
        if want["type"] == "multichoice" and question.type == "multiple":
            got = dict(got, answers=[(round(w, 4), t, f) for w, t, f in got["answers"]])
            right = [w for w, _, _ in got["answers"] if w > 0]
            assert abs(sum(right) - 100) < 0.01 and len(set(right)) == 1, question.id
            want = dict(want, answers=[(right[0] if w > 0 else w, t, f) for w, t, f in want["answers"]])
        assert got == want, question.id


# ---- Moodle XML as Moodle's importer reads it -------------------------------------------------
# question/format/xml/format.php: every question has name/text and questiontext (with a format
# Moodle knows); answers carry `fraction` in percent from question_bank::fraction_options_full();
# multichoice has single/shuffleanswers/answernumbering; truefalse answers are "true"/"false";
# numerical answers have a tolerance; matching has subquestions with an answer each.

MOODLE_TEXT_FORMATS = {"html", "moodle_auto_format", "plain_text", "markdown"}
MOODLE_FRACTIONS = {100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
                    12.5, 11.11111, 10, 5, 0}
MOODLE_NUMBERING = {"abc", "ABCD", "123", "iii", "IIII", "none"}


def test_moodle_xml_is_well_formed_and_what_moodles_importer_reads(bank):
    from lxml import etree

    for source in (bank, nasty_bank()):
        raw = to_moodle_xml(source).encode("utf-8")
        root = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
        assert root.tag == "quiz"
        questions = [q for q in root if q.get("type") != "category"]
        assert [q.findtext("name/text") for q in questions] == [q.id for q in source]
        for element, question in zip(questions, source):
            assert element.find("questiontext").get("format") in MOODLE_TEXT_FORMATS
            assert element.findtext("questiontext/text") == question.prompt.strip()
            assert element.findtext("generalfeedback/text") == question.explanation.strip()
            assert float(element.findtext("defaultgrade")) > 0 and element.findtext("hidden") in ("0", "1")
            for answer in element.findall("answer"):
                assert round(abs(float(answer.get("fraction"))), 5) in MOODLE_FRACTIONS, (question.id, answer.get("fraction"))
            kind = element.get("type")
            if kind == "multichoice":
                assert element.findtext("single") in ("true", "false") and element.findtext("answernumbering") in MOODLE_NUMBERING
                assert [(a.findtext("text"), a.findtext("feedback/text") or "") for a in element.findall("answer")] == \
                    [(o.text, o.feedback) for o in question.options]
            elif kind == "matching":
                subs = element.findall("subquestion")
                assert len(subs) >= 2 and [s.findtext("answer/text") for s in subs] == list(question.items)
            elif kind == "numerical":
                assert float(element.findtext("answer/text")) == float(question.answer)  # type: ignore[arg-type]
                assert float(element.findtext("answer/tolerance")) == float(question.tolerance)
            else:
                assert kind == "truefalse"
    raw = to_moodle_xml(nasty_bank())
    assert "<script>" not in raw and "&lt;script&gt;" in raw  # escaped text, never markup
    assert "둘째 줄" in raw and raw.startswith('<?xml version="1.0" encoding="UTF-8"?>')  # Hangul as UTF-8, not mangled


# ---- QTI 1.2 against the IMS QTI ASI 1.2.1 content models -------------------------------------
# The IMS XSD (ims_qtiasiv1p2p1.xsd) could not be had offline; the normative DTD's content models
# for every element the export writes are transcribed in schemas/qti_asi_v1p2p1_subset.dtd.

QTI_DTD = Path(__file__).parent / "schemas" / "qti_asi_v1p2p1_subset.dtd"


def qti_errors(xml: bytes) -> list[str]:
    from lxml import etree

    dtd = etree.DTD(str(QTI_DTD))
    document = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    return [] if dtd.validate(document) else [e.message for e in dtd.error_log.filter_from_errors()]


def test_qti_validates_against_the_qti_1_2_content_models(bank):
    assert qti_errors(to_qti_xml(bank).encode("utf-8")) == []
    assert qti_errors(to_qti_xml(nasty_bank()).encode("utf-8")) == []
    with zipfile.ZipFile(io.BytesIO(to_qti_zip(nasty_bank()))) as archive:
        inner = [n for n in archive.namelist() if n != "imsmanifest.xml"]
        assert len(inner) == 1 and qti_errors(archive.read(inner[0])) == []


def test_qti_validation_rejects_what_canvas_would_not_read():
    """The check is not vacuous: a misordered item and a `not` with two conditions fail."""
    broken = to_qti_xml(nasty_bank()).replace("<resprocessing>", "<resprocessing><respcondition><conditionvar>"
                                              "<not><other /><other /></not></conditionvar></respcondition>", 1)
    errors = qti_errors(broken.encode("utf-8"))
    assert any("resprocessing" in e for e in errors) and any("not" in e for e in errors)


def test_qti_keeps_payloads_as_text():
    raw = to_qti_xml(nasty_bank())
    assert "<script>" not in raw and "&lt;script&gt;" in raw and "둘째 줄" in raw
    root = ET.fromstring(raw)
    prompts = [m.text for m in root.iter(QNS + "mattext")]
    assert NASTY.strip() in prompts  # the exact text, `~=#{}:` and `]]>` included, comes back
