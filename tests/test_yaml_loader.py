"""The loader keeps every scalar a string, refuses what records never need, and knows positions."""

from __future__ import annotations

import pytest

from dossier_gen.loading.yaml_loader import (
    MAX_DEPTH,
    USING_LIBYAML,
    YamlProblem,
    parse_record,
    parse_values,
)


def test_libyaml_is_used():
    # The C parser is what the performance figures and the crash analysis assume.
    assert USING_LIBYAML


def test_scalars_stay_strings():
    values, _ = parse_record("a: no\nb: 2017-09-12\nc: 012\nd: 3.10\ne: true\nf: '~'\n")
    assert values == {"a": "no", "b": "2017-09-12", "c": "012", "d": "3.10", "e": "true", "f": "~"}


@pytest.mark.parametrize("text", ["a: ~\n", "a: null\n", "a:\n", "a: NULL\n"])
def test_plain_nulls_become_none(text):
    assert parse_record(text)[0] == {"a": None}


def test_positions_of_values_and_keys():
    _, positions = parse_record("title: x\nevidence:\n  - quote: hello\n")
    assert positions.of(("title",)) == (1, 8)
    assert positions.of(("evidence", 0, "quote")) == (3, 12)
    assert positions.of(("evidence", 0, "quote"), key=True) == (3, 5)
    # A missing field points at the nearest enclosing value.
    assert positions.of(("evidence", 0, "source")) == (3, 5)


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        (
            "a: 1\nb: 2\na: 3\n",
            3,
            1,
            "duplicate key 'a': it is already set on line 1; remove one of the two",
        ),
        (
            "a:\n  b: 1\n  b: 2\n",
            3,
            3,
            "duplicate key 'b': it is already set on line 2; remove one of the two",
        ),
        (
            "a: !!python/object:os.system x\n",
            1,
            4,
            "explicit tags such as 'tag:yaml.org,2002:python/object:os.system' are not allowed;"
            " write the value as text (quote it if needed)",
        ),
        ("a: &x 1\n", 1, 4, "anchors (&x) are not allowed in records; write each value out"),
        (
            "a: 1\n---\nb: 2\n",
            2,
            1,
            "a record file holds one document; remove the second '---' and what follows,"
            " or move it to its own file",
        ),
        ("", 1, 1, "the file is empty; a record is a mapping of field: value lines"),
        (
            "# only a comment\n",
            1,
            1,
            "the file is empty; a record is a mapping of field: value lines",
        ),
        ("- a\n- b\n", 1, 1, "a record must be a mapping of field: value lines"),
        ("a: [1\n", 2, 1, "this is not valid YAML: did not find expected ',' or ']'"),
        (
            'a: ok\nb: "x\\u202ey"\n',
            2,
            4,
            "character U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed: it can make text display"
            " differently from how it is stored; delete it (character 2 of the value)",
        ),
        ("a:\n  - {b: 1}\n  - [c]: 2\n", 3, 5, "a key must be a plain word, not a list or mapping"),
    ],
)
@pytest.mark.parametrize("parse", [parse_record, parse_values])
def test_refused_input(parse, text, line, col, message):
    # Loading uses parse_values, which keeps no positions; its problems are placed the same.
    with pytest.raises(YamlProblem) as caught:
        parse(text)
    assert (caught.value.line, caught.value.col, caught.value.message) == (line, col, message)


def test_alias_refused():
    with pytest.raises(YamlProblem, match=r"aliases \(\*name\) are not allowed"):
        parse_record("a: [1]\nb: *x\n")


def test_deep_nesting_refused_without_crashing():
    # libyaml's composer segfaults on this; the event stream is checked before anything is built.
    with pytest.raises(YamlProblem) as caught:
        parse_record("[" * 50_000)
    assert caught.value.message == (
        f"nesting is deeper than {MAX_DEPTH} levels; records never need that"
    )


def test_values_are_the_same_with_or_without_positions():
    text = (
        "title: 'x: y'\nnote: |\n  two\n  lines\nevidence:\n  - quote: \"a\\u00e9b\"\n"
        "    tags: [one, ~, '']\nempty:\n"
    )
    assert (
        parse_values(text)
        == parse_record(text)[0]
        == {
            "title": "x: y",
            "note": "two\nlines\n",
            "evidence": [{"quote": "aéb", "tags": ["one", None, ""]}],
            "empty": None,
        }
    )
