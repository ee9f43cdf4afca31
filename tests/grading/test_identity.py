"""Student names: every script kept, NFC, safe and bounded file names, uniqueness."""

import unicodedata

from grader.grading.identity import MAX_KEY_BYTES, clean_name, file_key, unique_names


def test_clean_name_keeps_every_script_and_normalises():
    assert clean_name(unicodedata.normalize("NFD", "이서연")) == "이서연"
    assert clean_name("José  García\u202e") == "José García"
    assert clean_name("王小明") == "王小明"
    assert clean_name("../../etc/passwd") == "etc passwd"
    assert clean_name("\x00\x1b") == "student"


def test_file_key_is_safe_and_capped_in_bytes():
    assert file_key("김민수 (2024123)") == "김민수_2024123"
    assert file_key("José") == "José"
    long_name = "가나다라마바사아자차카타파하" * 6
    key = file_key(long_name)
    assert len(key.encode("utf-8")) <= MAX_KEY_BYTES and key.startswith("가나다")
    assert file_key(long_name) == key != file_key(long_name + "가")
    assert file_key("<script>") == "script" and "/" not in file_key("a/../b")


def test_unique_names_check_that_a_suffix_is_free():
    assert unique_names(["dup", "dup", "dup_2"]) == ["dup", "dup_3", "dup_2"]
    assert unique_names(["Kim", "kim"]) == ["Kim", "kim_2"]
    assert unique_names(["a/b", "a_b"]) == ["a/b", "a_b_2"]
