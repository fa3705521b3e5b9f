"""The UI's catalogue (kpi/texts.py): every string in both languages, a status in words."""

from __future__ import annotations

import string

import pytest

from kpi.data.model import Text
from kpi.texts import LANGS, TEXTS, counted, status_words, t, text


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (("甲", "A"), "zh", "甲"),
        (("甲", "A"), "en", "A"),
        (Text(zh="乙", en="B"), "en", "B"),
        (Text(zh="乙", en="B"), "fr", "乙"),
    ],
)
def test_a_bilingual_text_in_the_readers_language(value, lang, expected):
    assert text(value, lang) == expected


@pytest.mark.parametrize(
    ("key", "lang", "params", "expected"),
    [
        ("year_n", "zh", {"year": 2024}, "2024年"),
        ("year_n", "en", {"year": 2024}, "2024"),
        ("change_since", "en", {"period": "2022"}, "vs 2022"),
    ],
)
def test_a_catalogue_string_with_its_placeholders_filled(key, lang, params, expected):
    assert t(key, lang, **params) == expected


def test_both_languages_of_every_string_name_the_same_placeholders():
    def fields(s: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(s) if name}

    assert [key for key, (zh, en) in TEXTS.items() if fields(zh) != fields(en)] == []
    assert LANGS == ("zh", "en")


@pytest.mark.parametrize(("n", "expected"), [(1, "key_one"), (2, "key"), (0, "key")])
def test_counted_takes_the_one_form_only_for_one_thing(monkeypatch, n, expected):
    monkeypatch.setitem(TEXTS, "key", ("{n} 项", "{n} items"))
    monkeypatch.setitem(TEXTS, "key_one", ("{n} 项", "{n} item"))
    assert counted("key", "en", n) == t(expected, "en", n=n)


@pytest.mark.parametrize(
    ("status", "lang", "year", "overridden", "expected"),
    [
        ("on_track", "zh", "", False, "↗ 进度正常"),
        ("on_track", "en", "", False, "↗ On track"),
        ("not_mentioned", "zh", 2024, False, "– 2024年报告未提及"),
        ("not_mentioned", "en", 2024, False, "– Not mentioned in the 2024 report"),
    ],
)
def test_a_status_in_words_has_its_symbol_and_year(status, lang, year, overridden, expected):
    assert status_words(status, lang, year, overridden) == expected


def test_an_overridden_status_says_so_in_the_catalogues_words():
    assert status_words("done", "en", overridden=True) == "✔ Done" + t("overridden", "en")


def test_a_catalogue_error_speaks_both_languages_and_logs_in_english():
    from kpi.texts import CatalogueError

    error = CatalogueError("staff_password_short", n=12)
    assert str(error) == t("staff_password_short", "en", n=12) and error.text("zh") == t(
        "staff_password_short", "zh", n=12
    )
