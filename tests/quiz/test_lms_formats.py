"""The quiz bank as GIFT, Moodle XML and QTI 1.2, checked against each format's rules."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import pytest

from grader.quiz.service import load_quiz_bank
from grader.quiz.lms_formats import (GIFT_SPECIAL, QTI_TYPES, gift_escape, gift_question, to_gift, to_moodle_xml,
                                     to_qti_xml, to_qti_zip)
from grader.quiz.model import NumericMistake, Option, Question, QuizBank, Section

NASTY = "a~b=c#d{e}f:g\\h\n둘째 줄 <b>&amp;</b>"
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
