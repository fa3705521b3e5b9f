"""The one-pass YAML reader gives exactly what yaml.safe_load gives, with positions, and refuses what it must."""

from __future__ import annotations

import pytest
import yaml

from kpi.data.errors import DataErrors
from kpi.data.files import REPO_ROOT
from kpi.data.yaml_reader import locate, read_yaml

SNIPPETS = [
    "a: 1\nb: -2\nc: 0x1F\nd: 1_000\n",
    "a: 1.5\nb: .inf\nc: -.Inf\nd: .nan\ne: 3.45e2\n",
    "a: yes\nb: No\nc: true\nd: off\ne: ~\nf: null\ng:\n",
    "a: 2024-01-29\nb: 2024-01-29 10:00:00\nc: '2024-01-29'\n",
    "a: '139'\nb: \"3.45\"\nc: !!str 12\nd: ! 12\ne: !!int '7'\n",
    "a: [1, two, {x: 3}]\nb: {zh: 引进企业, en: 'Enterprises: attracted'}\n",
    "text: |\n  line one\n  line two\nfolded: >\n  one\n  two\n",
    "- 1\n- - 2\n  - 3\n- {}\n- []\n",
    "",
    "just text\n",
]


@pytest.mark.parametrize("text", SNIPPETS)
def test_data_is_what_safe_load_gives(tmp_path, text):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    data, _ = read_yaml(path, "x.yaml")
    expected = yaml.safe_load(text)
    assert repr(data) == repr(expected)  # repr: nan != nan, and 1 vs True vs 1.0 must not pass for each other


@pytest.mark.parametrize("name", ["indicators.yaml", "glossary.yaml"])
def test_the_shipped_files_read_as_safe_load_reads_them(name):
    data, _ = read_yaml(REPO_ROOT / name, name)
    assert data == yaml.safe_load((REPO_ROOT / name).read_text(encoding="utf-8"))


def test_positions_point_at_keys_and_items(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("top:\n  list:\n  - id: a\n    value: 1\n  - {id: b, value: 2}\n", encoding="utf-8")
    _, root = read_yaml(path, "x.yaml")
    assert locate(root, ("top", "list", 0, "value")) == (4, 5)
    assert locate(root, ("top", "list", 1, "value")) == (5, 13)
    assert locate(root, ("top", "list", 1)) == (5, 5)
    assert locate(root, ("top", "missing", 3)) == (1, 1)  # a missing field points at its parent


@pytest.mark.parametrize("text", ["a: 2024-06-40\n", "a: 2024-13-01\n", "a: 2023-02-29 10:00:00\n"])
def test_a_date_the_calendar_lacks_is_a_located_error_not_a_crash(tmp_path, text):
    # Why: yaml.safe_load raises ValueError for these, which `validate` reported as an internal error (exit 3).
    path = tmp_path / "x.yaml"
    path.write_text("b: 1\n" + text, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        read_yaml(path, "x.yaml")
    [error] = caught.value.errors
    assert (error.line, error.column, error.code) == (2, 4, "yaml_no_such_date")
    assert error.format("en").startswith(
        f"x.yaml:2:4: the date '{text[3:-1]}' does not exist: write it like 2024-03-31"
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a: 1\n---\nb: 2\n", "yaml_syntax"),
        ("? [1, 2]\n: x\n", "yaml_syntax"),
        ("a: !!python/name:os.system\n", "yaml_tag"),
        ("a: &x 1\nb: *x\n", "yaml_alias"),
        ("a: 1\na: 2\n", "yaml_duplicate_key"),
    ],
)
def test_what_safe_load_would_accept_silently_is_refused(tmp_path, text, code):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        read_yaml(path, "x.yaml")
    assert code in {e.code for e in caught.value.errors}
