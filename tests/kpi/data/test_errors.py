"""Data errors as staff read them (kpi/data/errors.py): the catalogue's words, located, all at once and in order."""

from __future__ import annotations

import pytest

from kpi.data.errors import DataError, DataErrors, make_error, show_input


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("一百", "'一百'"),
        (42, "42"),
        (None, "None"),
        ("x" * 50, "'" + "x" * 38 + "…"),
    ],
)
def test_the_offending_value_is_shown_quoted_and_cut_short(value, shown):
    assert show_input(value) == shown


@pytest.mark.parametrize(
    ("field", "code", "params", "zh", "en"),
    [
        (
            "indicators[economy.x].values[0].value",
            "float_type",
            {"input": "'一百'"},
            "'value' 应为数字，实际为 '一百'",
            "'value' must be a number, not '一百'",
        ),
        ("", "file_missing", {}, "找不到文件", "file not found"),
        (
            "indicators[0].id",
            "string_pattern_mismatch",
            {"input": "'X'"},  # the catalogue's example for the field
            "'id' 格式不对，实际为 'X'，应形如 economy.enterprises_attracted",
            "'id' is not in the right form: 'X'; expected something like economy.enterprises_attracted",
        ),
        (
            "themes[0].id",
            "no_such_code",
            {"input": "x"},
            "'id' 的值无效：x（no_such_code）",
            "'id' is invalid: x (no_such_code)",
        ),
    ],
)
def test_an_error_takes_its_words_from_the_catalogue(field, code, params, zh, en):
    error = make_error("indicators.yaml", 3, 5, field, code, **params)
    assert (error.zh, error.en, error.code, error.field) == (zh, en, code, field)


@pytest.mark.parametrize(
    ("field", "lang", "formatted"),
    [
        ("terms[x].forms", "zh", "glossary.yaml:6:3: terms[x].forms: 中"),
        ("terms[x].forms", "en", "glossary.yaml:6:3: terms[x].forms: en"),
        ("", "en", "glossary.yaml:6:3: en"),
    ],
)
def test_an_error_reads_file_line_column_field_message(field, lang, formatted):
    assert DataError("glossary.yaml", 6, 3, field, "code", "中", "en").format(lang) == formatted


def test_all_errors_of_a_load_are_kept_once_in_file_and_line_order():
    late, early = (DataError("indicators.yaml", line, 1, "", "c", "中", "en") for line in (30, 4))
    other = DataError("glossary.yaml", 9, 1, "", "c", "中", "en")
    errors = DataErrors([late, early, other, late])
    assert errors.errors == [other, early, late]
    assert str(errors).splitlines() == ["glossary.yaml:9:1: en", "indicators.yaml:4:1: en", "indicators.yaml:30:1: en"]
