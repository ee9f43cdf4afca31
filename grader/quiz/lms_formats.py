"""The quiz bank in the formats LMSs import: GIFT and Moodle XML (Moodle's question bank) and
QTI 1.2 (Canvas: Settings → Import course content → QTI .zip).

| bank type | GIFT / Moodle XML | QTI 1.2 (Canvas) |
|---|---|---|
| single | multichoice, one right answer | multiple_choice_question |
| multiple | multichoice, weights over the right answers, wrong ones negative | multiple_answers_question |
| truefalse | truefalse | true_false_question |
| numeric | numerical with tolerance | numerical_question (exact or range) |
| order | matching: "1번째", "2번째", … → the items | matching_question |

Every question keeps its id as its name, its explanation as general feedback and each wrong
option's feedback. Text is escaped for each format (GIFT's `~ = # { } :` and backslash; XML by
ElementTree), never pasted in raw.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from .model import Question, QuizBank

FORMATS = ("gift", "moodle-xml", "qti")
GIFT_SPECIAL = "\\~=#{}:"
QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
# Moodle accepts only these answer weights (percent); a multiple-answer question splits 100 over them.
MOODLE_WEIGHTS = (100, 50, 33.33333, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10)


def _weight(count: int) -> str:
    """Moodle's own spelling of the weight (`33.33333`, not `33.3333`): its question editor offers
    only the values of `question_bank::fraction_options_full()` and shows any other as unset."""
    weight = MOODLE_WEIGHTS[count - 1] if 0 < count <= len(MOODLE_WEIGHTS) else 100 / count
    return f"{weight:.5f}".rstrip("0").rstrip(".")


def _number(value: float) -> str:
    return repr(float(value)) if not float(value).is_integer() else str(int(value))


def _position(index: int) -> str:
    return f"{index + 1}번째"


# ---- GIFT ------------------------------------------------------------------------------------

def gift_escape(text: str) -> str:
    """GIFT text: the special characters get a backslash, line breaks become `\\n`."""
    escaped = "".join("\\" + ch if ch in GIFT_SPECIAL else ch for ch in text.strip())
    return escaped.replace("\r\n", "\n").replace("\n", "\\n")


def gift_question(question: Question) -> str:
    head = f"::{gift_escape(question.id)}::[markdown]{gift_escape(question.prompt)}"
    feedback = f"####{gift_escape(question.explanation)}" if question.explanation else ""
    lines: list[str] = []
    if question.type == "single":
        for option in question.options:
            mark = "=" if option.correct else "~"
            lines.append(f"{mark}{gift_escape(option.text)}" + (f"#{gift_escape(option.feedback)}" if option.feedback else ""))
    elif question.type == "multiple":
        right = _weight(len(question.correct_indices))
        for option in question.options:
            weight = right if option.correct else "-100"
            lines.append(f"~%{weight}%{gift_escape(option.text)}" + (f"#{gift_escape(option.feedback)}" if option.feedback else ""))
    elif question.type == "truefalse":
        wrong = f"#{gift_escape(question.feedback)}" if question.feedback else ""
        lines.append(("T" if question.answer else "F") + wrong)
    elif question.type == "numeric":
        lines.append(f"#={_number(question.answer)}:{_number(question.tolerance)}")  # type: ignore[arg-type]
        for mistake in question.mistakes:
            lines.append(f"={_number(mistake.value)}:0#{gift_escape(mistake.feedback)}".replace("=", "=%0%", 1))
    else:
        for index, item in enumerate(question.items):
            lines.append(f"={gift_escape(_position(index))} -> {gift_escape(item)}")
    body = "\n".join(f"    {line}" for line in lines)
    return f"{head} {{\n{body}\n    {feedback}\n}}\n" if feedback else f"{head} {{\n{body}\n}}\n"


def to_gift(bank: QuizBank) -> str:
    parts = []
    for section in bank.sections:
        parts.append(f"$CATEGORY: $course$/learn/{section.slug}\n")
        parts += [gift_question(q) for q in section.questions]
    return "\n".join(parts)


# ---- Moodle XML ------------------------------------------------------------------------------

def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    ET.SubElement(element, "text").text = text
    return element


def _answer(parent: ET.Element, fraction: str, text: str, feedback: str = "") -> None:
    answer = ET.SubElement(parent, "answer", {"fraction": fraction, "format": "plain_text"})
    ET.SubElement(answer, "text").text = text
    _text(answer, "feedback", feedback, format="plain_text")


MOODLE_TYPES = {"single": "multichoice", "multiple": "multichoice", "truefalse": "truefalse",
                "numeric": "numerical", "order": "matching"}


def moodle_question(question: Question) -> ET.Element:
    element = ET.Element("question", {"type": MOODLE_TYPES[question.type]})
    _text(element, "name", question.id)
    _text(element, "questiontext", question.prompt.strip(), format="markdown")
    _text(element, "generalfeedback", question.explanation.strip(), format="markdown")
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = question.id
    if question.type in ("single", "multiple"):
        ET.SubElement(element, "single").text = "true" if question.type == "single" else "false"
        ET.SubElement(element, "shuffleanswers").text = "false"
        ET.SubElement(element, "answernumbering").text = "abc"
        right = "100" if question.type == "single" else _weight(len(question.correct_indices))
        for option in question.options:
            _answer(element, right if option.correct else ("0" if question.type == "single" else "-100"),
                    option.text, option.feedback)
    elif question.type == "truefalse":
        _answer(element, "100" if question.answer else "0", "true", "" if question.answer else question.feedback)
        _answer(element, "0" if question.answer else "100", "false", question.feedback if question.answer else "")
    elif question.type == "numeric":
        answer = ET.SubElement(element, "answer", {"fraction": "100", "format": "plain_text"})
        ET.SubElement(answer, "text").text = _number(question.answer)  # type: ignore[arg-type]
        ET.SubElement(answer, "tolerance").text = _number(question.tolerance)
        _text(answer, "feedback", "", format="plain_text")
        for mistake in question.mistakes:
            wrong = ET.SubElement(element, "answer", {"fraction": "0", "format": "plain_text"})
            ET.SubElement(wrong, "text").text = _number(mistake.value)
            ET.SubElement(wrong, "tolerance").text = "0"
            _text(wrong, "feedback", mistake.feedback, format="plain_text")
        if question.unit:
            units = ET.SubElement(element, "units")
            unit = ET.SubElement(units, "unit")
            ET.SubElement(unit, "multiplier").text = "1"
            ET.SubElement(unit, "unit_name").text = question.unit
    else:
        ET.SubElement(element, "shuffleanswers").text = "true"
        for index, item in enumerate(question.items):
            sub = _text(element, "subquestion", _position(index), format="plain_text")
            answer = ET.SubElement(sub, "answer")
            ET.SubElement(answer, "text").text = item
    return element


def to_moodle_xml(bank: QuizBank) -> str:
    quiz = ET.Element("quiz")
    for section in bank.sections:
        category = ET.SubElement(quiz, "question", {"type": "category"})
        _text(category, "category", f"$course$/learn/{section.slug}")
        _text(category, "info", section.title, format="plain_text")
        for question in section.questions:
            quiz.append(moodle_question(question))
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


# ---- QTI 1.2 (Canvas) ------------------------------------------------------------------------

QTI_TYPES = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
             "truefalse": "true_false_question", "numeric": "numerical_question", "order": "matching_question"}


def _mattext(parent: ET.Element, text: str) -> None:
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", {"texttype": "text/plain"}).text = text


def _choices(parent: ET.Element, ident: str, cardinality: str, labels: list[tuple[str, str]]) -> None:
    lid = ET.SubElement(parent, "response_lid", {"ident": ident, "rcardinality": cardinality})
    render = ET.SubElement(lid, "render_choice")
    for label, text in labels:
        response = ET.SubElement(render, "response_label", {"ident": label})
        _mattext(response, text)


def _setvar(parent: ET.Element, value: str, action: str = "Set") -> None:
    ET.SubElement(parent, "setvar", {"action": action, "varname": "SCORE"}).text = value


def qti_item(question: Question) -> ET.Element:
    item = ET.Element("item", {"ident": question.id, "title": question.id})
    meta = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    for label, entry in (("question_type", QTI_TYPES[question.type]), ("points_possible", "1.0")):
        field = ET.SubElement(meta, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry
    presentation = ET.SubElement(item, "presentation")
    _mattext(presentation, question.prompt.strip())
    processing = ET.SubElement(item, "resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(outcomes, "decvar", {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"})
    if question.type in ("single", "multiple", "truefalse"):
        if question.type == "truefalse":
            labels = [("true", "참 (O)"), ("false", "거짓 (X)")]
            right = ["true" if question.answer else "false"]
        else:
            labels = [(f"{question.id}-{i}", option.text) for i, option in enumerate(question.options)]
            right = [labels[i][0] for i in question.correct_indices]
        _choices(presentation, "response1", "Multiple" if question.type == "multiple" else "Single", labels)
        condition = ET.SubElement(processing, "respcondition", {"continue": "No"})
        test = ET.SubElement(condition, "conditionvar")
        if question.type == "multiple":
            test = ET.SubElement(test, "and")
            for label, _ in labels:
                if label in right:
                    ET.SubElement(test, "varequal", {"respident": "response1"}).text = label
                else:
                    ET.SubElement(ET.SubElement(test, "not"), "varequal", {"respident": "response1"}).text = label
        else:
            ET.SubElement(test, "varequal", {"respident": "response1"}).text = right[0]
        _setvar(condition, "100")
    elif question.type == "numeric":
        response = ET.SubElement(presentation, "response_str", {"ident": "response1", "rcardinality": "Single"})
        render = ET.SubElement(response, "render_fib", {"fibtype": "Decimal"})
        ET.SubElement(render, "response_label", {"ident": "answer1"})
        condition = ET.SubElement(processing, "respcondition", {"continue": "No"})
        test = ET.SubElement(ET.SubElement(condition, "conditionvar"), "or")
        answer, tolerance = float(question.answer), float(question.tolerance)  # type: ignore[arg-type]
        ET.SubElement(test, "varequal", {"respident": "response1"}).text = _number(answer)
        both = ET.SubElement(test, "and")
        ET.SubElement(both, "vargte", {"respident": "response1"}).text = _number(answer - tolerance)
        ET.SubElement(both, "varlte", {"respident": "response1"}).text = _number(answer + tolerance)
        _setvar(condition, "100")
    else:
        positions = [(f"{question.id}-p{i}", _position(i)) for i in range(len(question.items))]
        share = f"{100 / len(question.items):.4f}"
        for index, text in enumerate(question.items):
            ident = f"response_{index}"
            lid = ET.SubElement(presentation, "response_lid", {"ident": ident})
            _mattext(lid, text)
            render = ET.SubElement(lid, "render_choice")
            for label, shown in positions:
                _mattext(ET.SubElement(render, "response_label", {"ident": label}), shown)
            condition = ET.SubElement(processing, "respcondition", {"continue": "Yes"})
            ET.SubElement(ET.SubElement(condition, "conditionvar"), "varequal", {"respident": ident}).text = positions[index][0]
            _setvar(condition, share, "Add")
    if question.explanation:  # first, and continue: the scoring conditions still run
        shown = ET.Element("respcondition", {"continue": "Yes"})
        shown.append(_other())
        ET.SubElement(shown, "displayfeedback", {"feedbacktype": "Response", "linkrefid": "general_fb"})
        processing.insert(1, shown)
        feedback = ET.SubElement(item, "itemfeedback", {"ident": "general_fb"})
        _mattext(ET.SubElement(feedback, "flow_mat"), question.explanation.strip())
    return item


def _other() -> ET.Element:
    condition = ET.Element("conditionvar")
    ET.SubElement(condition, "other")
    return condition


def to_qti_xml(bank: QuizBank, ident: str = "learn-quiz-bank") -> str:
    root = ET.Element("questestinterop", {"xmlns": QTI_NS})
    assessment = ET.SubElement(root, "assessment", {"ident": ident, "title": "learn 퀴즈 문항 은행"})
    top = ET.SubElement(assessment, "section", {"ident": "root_section"})
    for section in bank.sections:
        part = ET.SubElement(top, "section", {"ident": f"section-{section.slug}", "title": section.title})
        for question in section.questions:
            part.append(qti_item(question))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="learn-quiz-manifest" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1">
  <metadata><schema>IMS Content</schema><schemaversion>1.1.3</schemaversion></metadata>
  <organizations/>
  <resources>
    <resource identifier="{ident}" type="imsqti_xmlv1p2">
      <file href="{ident}/{ident}.xml"/>
    </resource>
  </resources>
</manifest>
"""


def to_qti_zip(bank: QuizBank, ident: str = "learn-quiz-bank") -> bytes:
    """A QTI 1.2 content package (imsmanifest.xml + the assessment), as Canvas imports it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", MANIFEST.format(ident=ident))
        archive.writestr(f"{ident}/{ident}.xml", to_qti_xml(bank, ident))
    return buffer.getvalue()


def export_as(bank: QuizBank, fmt: str) -> bytes:
    if fmt == "gift":
        return to_gift(bank).encode("utf-8")
    if fmt == "moodle-xml":
        return to_moodle_xml(bank).encode("utf-8")
    if fmt == "qti":
        return to_qti_zip(bank)
    raise ValueError(fmt)
