"""Hostile and broken records: each category of the hardening issue, with its exact message.

Every case writes one file into a copy of the fixture dossier and asserts the whole problem
line an editor sees, `path:line:col: message`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dossier_gen.loading.load import MAX_FILE_BYTES, load_catalog
from dossier_gen.loading.yaml_loader import MAX_DEPTH
from dossier_gen.problems import DataError

from .test_validation import CLAIM, claim_with, problems_after


def only_problem(root: Path, path: str, text: str | bytes) -> str:
    found = problems_after(root, path, text)
    assert len(found) == 1, found
    return found[0]


NEW = "data/claims/new-claim.yml"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Explicit tags, of every kind.
        (
            claim_with("summary: Short.", "summary: !!python/object/apply:os.system [ls]"),
            "12:10: explicit tags such as 'tag:yaml.org,2002:python/object/apply:os.system' are"
            " not allowed; write the value as text (quote it if needed)",
        ),
        (
            claim_with("summary: Short.", "summary: !!binary aGVsbG8="),
            "12:10: explicit tags such as 'tag:yaml.org,2002:binary' are not allowed; write the"
            " value as text (quote it if needed)",
        ),
        (
            claim_with('claimed_on: "2018-05"', "claimed_on: !!timestamp 2018-05-01"),
            "6:13: explicit tags such as 'tag:yaml.org,2002:timestamp' are not allowed; write the"
            " value as text (quote it if needed)",
        ),
        (
            claim_with("summary: Short.", "summary: !local x"),
            "12:10: explicit tags such as '!local' are not allowed; write the value as text"
            " (quote it if needed)",
        ),
        # Duplicate keys, at the top and deeper down.
        (
            claim_with("rating: confirmed\n", "rating: confirmed\nrating: false\n"),
            "12:1: duplicate key 'rating': it is already set on line 11; remove one of the two",
        ),
        (
            claim_with("  form: quote\n", "  form: quote\n  form: paraphrase\n"),
            "5:3: duplicate key 'form': it is already set on line 4; remove one of the two",
        ),
        # Anchors and aliases.
        (
            claim_with("summary: Short.", "summary: &s Short."),
            "12:10: anchors (&s) are not allowed in records; write each value out",
        ),
        (
            claim_with("analysis: Long.", "analysis: *s"),
            "13:11: aliases (*name) are not allowed in records; write the value out in full",
        ),
        # Nesting deeper than any record needs.
        (
            claim_with("summary: Short.", "summary: " + "[" * 40),
            f"12:{10 + MAX_DEPTH - 1}: nesting is deeper than {MAX_DEPTH} levels; records never"
            " need that",
        ),
        # Several documents, an empty file, a top level that is not a mapping.
        (
            CLAIM + "---\ntitle: Another\n",
            "15:1: a record file holds one document; remove the second '---' and what follows,"
            " or move it to its own file",
        ),
        ("", "1:1: the file is empty; a record is a mapping of field: value lines"),
        ("just words\n", "1:1: a record must be a mapping of field: value lines"),
        # Tabs: in indentation, and after a colon (where libyaml and PyYAML disagree).
        (
            claim_with("  form: quote", "\tform: quote"),
            "4:1: a tab in the indentation; indent YAML with spaces only",
        ),
        (
            claim_with("rating: confirmed", "rating:\tconfirmed"),
            "11:8: a tab character is not allowed in a record; use spaces instead",
        ),
        # Control, bidirectional-override and line-separator characters, raw or escaped.
        (
            claim_with("summary: Short.", "summary: Short\u202e.gnp"),
            "12:15: character U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed: it can make text"
            " display differently from how it is stored; delete it",
        ),
        (
            claim_with("summary: Short.", "summary: One\u2028Two"),
            "12:13: character U+2028 (LINE SEPARATOR) is not allowed: it breaks lines in some"
            " tools but not others; use an ordinary line break",
        ),
        (
            claim_with("summary: Short.", "summary: A\x1bB"),
            "12:11: character U+001B (control character) is not allowed: it is invisible or"
            " breaks the text; delete it",
        ),
        (
            claim_with("summary: Short.", 'summary: "Sho\\u2066rt"'),
            "12:10: character U+2066 (LEFT-TO-RIGHT ISOLATE) is not allowed: it can make text"
            " display differently from how it is stored; delete it (character 4 of the value)",
        ),
        (
            claim_with("summary: Short.", 'summary: "a\\0b"'),
            "12:10: character U+0000 (control character) is not allowed: it is invisible or"
            " breaks the text; delete it (character 2 of the value)",
        ),
        # Text over its length limit.
        (
            claim_with("summary: Short.", "summary: " + "x" * 5001),
            "12:10: summary is 5001 characters long; at most 5000 are allowed",
        ),
        (
            claim_with("analysis: Long.", "analysis: " + "x" * 50_001),
            "13:11: analysis is 50001 characters long; at most 50000 are allowed",
        ),
        # Invalid and ambiguous dates.
        (
            claim_with('claimed_on: "2018-05"', "claimed_on: 10.05.17"),
            "6:13: claimed_on: '10.05.17' is ambiguous: the order of day and month (or the"
            " century) is not clear; write it as YYYY-MM-DD, such as '2017-10-05'",
        ),
        (
            claim_with('claimed_on: "2018-05"', "claimed_on: 2018-13"),
            "6:13: claimed_on: '2018-13' is not a date on the calendar",
        ),
        (
            claim_with('claimed_on: "2018-05"', "claimed_on: 0018-05-01"),
            "6:13: claimed_on: '0018-05-01' has the year 18; write the year in full, such as 2017",
        ),
        (
            claim_with('reviewed_on: "2026-11-20"', "reviewed_on: 2026-11-20T10:00:00Z"),
            "14:14: reviewed_on: '2026-11-20T10:00:00Z' is not a date: write YYYY, YYYY-MM or"
            " YYYY-MM-DD, such as '2017-10' or '2017-10-05'",
        ),
        # Unknown fields, at any depth.
        (
            claim_with("  form: quote\n", "  form: quote\n  onclick: x\n"),
            "5:3: unknown field 'onclick' Fields allowed here: text, form",
        ),
        # Ids that are not lowercase slugs.
        (
            claim_with("claimant: ada-example", "claimant: Ada-Example"),
            "5:11: claimant: 'Ada-Example' is not a valid id: use lowercase letters, digits and"
            " single hyphens, such as 'guo-wengui'",
        ),
        # Numbers too large to be numbers.
        (
            claim_with("rating: confirmed", "rating: " + "9" * 5000),
            "11:9: rating '" + "9" * 60 + "…' does not exist; add it in data/dossier.yml or fix"
            " the id",
        ),
    ],
)
def test_refused_claim(root, text, expected):
    assert only_problem(root, "claims/new-claim.yml", text) == f"{NEW}:{expected}"


SOURCE = "title: T\npublisher: P\nlanguage: en\nkind: document\nurl: {url}\n"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/", "'ftp://example.org/' must start with https:// or http://"),
        ("data:text/html,hi", "'data:text/html,hi' must start with https:// or http://"),
        (
            "'javascript://%0aalert(1)'",
            "'javascript://%0aalert(1)' must start with https:// or http://",
        ),
        ("'https://example.org/a b'", "a URL may not contain spaces; encode them as %20"),
        (
            '"https://exa\\u200bmple.org/"',
            "'https://exa\\u200bmple.org/' contains an invisible"
            " or control character; retype the address",
        ),
        (
            "'https://example.org\\evil.example/'",
            "'https://example.org\\\\evil.example/'"
            " contains a backslash; URLs use forward slashes (write %5C for a literal"
            " backslash)",
        ),
        (
            "https://user@example.org/",
            "'https://user@example.org/' may not carry a user name or password",
        ),
        ("https:/example.org", "'https:/example.org' has no host name"),
        ("https://example.org:99999/", "'https://example.org:99999/' is not a URL that parses"),
        ("'https://[::1/'", "'https://[::1/' is not a URL that parses"),
        (
            "https://exa_mple.org/",
            "'https://exa_mple.org/' has a host name that is not a valid domain name",
        ),
        (
            "https://xn--a.example/",
            "'https://xn--a.example/' has a host name that is not a valid domain name",
        ),
    ],
)
def test_refused_url(root, url, message):
    assert only_problem(root, "sources/bad-url.yml", SOURCE.format(url=url)) == (
        f"data/sources/bad-url.yml:5:6: url: {message}"
    )


def test_internationalised_domain_is_accepted(root):
    (root / "data" / "sources" / "idn.yml").write_text(
        SOURCE.format(url="https://bücher.example/straße"), encoding="utf-8"
    )
    assert load_catalog("data").sources["idn"].model.url == "https://bücher.example/straße"


def test_file_over_the_size_limit(root):
    text = CLAIM + "# " + "x" * MAX_FILE_BYTES + "\n"
    assert only_problem(root, "claims/big.yml", text) == (
        f"data/claims/big.yml:1:1: the file is {len(text):,} bytes; records may be at most"
        f" {MAX_FILE_BYTES:,} bytes"
    )


def test_bytes_that_are_not_utf8(root):
    data = CLAIM.replace("Short.", "Short\udcff.").encode("utf-8", "surrogateescape")
    assert only_problem(root, "claims/bytes.yml", data) == (
        "data/claims/bytes.yml:12:15: the file is not UTF-8 text; save it with UTF-8 encoding"
    )


def test_utf16_is_not_utf8(root):
    assert only_problem(root, "claims/wide.yml", CLAIM.encode("utf-16")) == (
        "data/claims/wide.yml:1:1: the file is not UTF-8 text; save it with UTF-8 encoding"
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "index.yml",
            "'index' is a reserved name: the page would replace the list page of its"
            " folder; choose another file name",
        ),
        (
            "con.yml",
            "'con' is a reserved device name on Windows, where the file could not be"
            " checked out; choose another file name",
        ),
        (
            "Claim.yml",
            "file name 'Claim.yml' is not a valid id: rename it with lowercase"
            " letters, digits and single hyphens, such as 'guo-wengui.yml'",
        ),
        (
            "ﬁsh.yml",
            "file name 'ﬁsh.yml' is not a valid id: rename it with lowercase letters,"
            " digits and single hyphens, such as 'guo-wengui.yml'",
        ),
    ],
)
def test_refused_id(root, name, message):
    assert only_problem(root, f"claims/{name}", CLAIM) == f"data/claims/{name}:1:1: {message}"


def test_symbolic_link_record_is_refused_and_not_followed(root, tmp_path):
    secret = tmp_path / "secret.yml"
    secret.write_text(CLAIM, encoding="utf-8")
    os.symlink(secret, root / "data" / "claims" / "linked.yml")
    with pytest.raises(DataError) as caught:
        load_catalog("data")
    assert [str(p) for p in caught.value.problems] == [
        "data/claims/linked.yml:1:1: the file is a symbolic link; a record must be a regular"
        " file in the repository: replace the link with the file itself"
    ]


def test_symbolic_link_folder_is_refused(root, tmp_path):
    outside = tmp_path / "elsewhere"
    (root / "data" / "sources").rename(outside)
    os.symlink(outside, root / "data" / "sources")
    with pytest.raises(DataError) as caught:
        load_catalog("data")
    assert str(caught.value.problems[-1]) == (
        "data/sources:1:1: the folder is a symbolic link; keep the records in the repository"
        " itself and replace the link with a folder"
    )


def test_fifo_is_refused_without_hanging(root):
    os.mkfifo(root / "data" / "claims" / "pipe.yml")
    with pytest.raises(DataError) as caught:
        load_catalog("data")
    assert [str(p) for p in caught.value.problems] == [
        "data/claims/pipe.yml:1:1: this is not a regular file; a record must be an ordinary file"
    ]


def test_folder_named_like_a_record_is_refused(root):
    (root / "data" / "claims" / "folder.yml").mkdir()
    with pytest.raises(DataError) as caught:
        load_catalog("data")
    assert [str(p) for p in caught.value.problems] == [
        "data/claims/folder.yml:1:1: this is not a regular file; a record must be an ordinary file"
    ]


def test_ids_colliding_after_case_folding_are_refused(root):
    # Both are slugs only once folded, so the slug rule reports them; the folded-id check
    # guards the remaining case of two spellings of one id in different suffixes.
    (root / "data" / "claims" / "same.yaml").write_text(CLAIM, encoding="utf-8")
    assert only_problem(root, "claims/same.yml", CLAIM) == (
        "data/claims/same.yml:1:1: id 'same' is already used by data/claims/same.yaml;"
        " rename one of them"
    )


def test_unreadable_folder_is_a_problem_not_a_crash(root, monkeypatch):
    # The tests run as root, which reads any folder, so the refusal is simulated.
    real_iterdir = Path.iterdir

    def iterdir(self):
        if self.name == "entities":
            raise PermissionError(13, "Permission denied")
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    with pytest.raises(DataError) as caught:
        load_catalog("data")
    assert "data/entities:1:1: cannot read the folder: Permission denied" in [
        str(p) for p in caught.value.problems
    ]


def test_size_limit_also_applies_to_text_read_from_git(root):
    from dossier_gen.loading.load import read_record_text
    from dossier_gen.records.models import Claim

    text = CLAIM + "# " + "é" * MAX_FILE_BYTES + "\n"
    loaded, problems = read_record_text(text, Path("data/claims/x.yml"), "data/claims/x.yml", Claim)
    size = len(text.encode())
    assert loaded is None
    assert [str(p) for p in problems] == [
        f"data/claims/x.yml:1:1: the file is {size:,} bytes; records may be at most"
        f" {MAX_FILE_BYTES:,} bytes"
    ]


# --- a record's page may not land on another page's path ----------------------------------


def _validate(*args: str):
    from click.testing import CliRunner

    from dossier_gen.cli import cli

    return CliRunner().invoke(cli, ["validate", *args])


def test_a_claim_named_like_a_generated_page_is_refused(root):
    (root / "data" / "claims" / "by-claimant.yml").write_text(CLAIM, encoding="utf-8")
    result = _validate()
    assert result.exit_code == 1
    assert (
        "data/claims/by-claimant.yml:1:1: this claim's page would be claims/by-claimant.md,"
        " which is the list of claims by claimant (claims/by-claimant.md); rename the file"
        " (the file name is the id)"
    ) in result.output
    render = _render(root)
    assert render.exit_code == 1 and "data/claims/by-claimant.yml:1:1" in render.output
    assert not (root / "out").exists()


def test_a_record_whose_page_a_hand_written_page_already_holds_is_refused(root):
    (root / "docs" / "sources").mkdir()
    (root / "docs" / "sources" / "example-report.md").write_text("# Mine\n", encoding="utf-8")
    result = _validate()
    assert result.exit_code == 1
    assert (
        "data/sources/example-report.yml:1:1: this source's page would be"
        " sources/example-report.md, which is the hand-written page docs/sources/example-report.md"
    ) in result.output


def test_a_hand_written_page_at_a_generated_path_is_refused(root):
    (root / "docs" / "ratings.md").write_text("# My ratings\n", encoding="utf-8")
    (root / "docs" / "feed.atom").write_text("<feed/>", encoding="utf-8")
    result = _render(root)
    assert result.exit_code == 1
    assert (
        "docs/feed.atom:1:1: the dossier generates a page or file at this path; rename or"
        " remove the hand-written one"
    ) in result.output
    assert "docs/ratings.md:1:1: the dossier generates" in result.output


def _render(root: Path):
    from click.testing import CliRunner

    from dossier_gen.cli import cli

    return CliRunner().invoke(cli, ["render", "--out", "out"])


# --- limits that keep a build bounded -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            claim_with("title: A claim", "title: '   '"),
            "1:8: title: holds no visible character; write the text, or remove the line",
        ),
        (
            claim_with("title: A claim", 'title: "\\u200b\\u200b"'),
            "1:8: title: holds no visible character; write the text, or remove the line",
        ),
        (
            claim_with("title: A claim", "title: " + "t" * 121),
            "1:8: title is 121 characters long; at most 120 are allowed",
        ),
        (
            CLAIM + "tags:\n" + "".join(f"  - tag-{i}\n" for i in range(21)),
            "16:3: tags has 21 items; at most 20 are allowed",
        ),
        (
            CLAIM + 'tags: ["bad\\n"]\n',
            "15:8: tags[0]: 'bad\\n' is not a valid id: use lowercase letters, digits and single"
            " hyphens, such as 'guo-wengui'",
        ),
    ],
)
def test_limits_are_refused_with_a_position(root, text, expected):
    assert only_problem(root, "claims/new-claim.yml", text) == f"{NEW}:{expected}"


def test_an_id_with_a_trailing_newline_is_refused(root):
    path = root / "data" / "claims" / "x\n.yml"
    path.write_text(CLAIM, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_catalog("data")
    assert any("is not a valid id" in p.message for p in caught.value.problems)


def test_a_dossier_with_too_many_distinct_tags_is_refused(root, monkeypatch):
    from dossier_gen.loading import load

    monkeypatch.setattr(load, "MAX_TAGS", 3)
    text = CLAIM + "tags: [a, b, c, d]\n"  # the fixture's claims use two tags already
    assert only_problem(root, "claims/new-claim.yml", text) == (
        f"{NEW}:15:14: tag 'c' would be the dossier's 4th; a dossier uses at most 3 distinct"
        " tags: reuse an existing one"
    )


def test_too_many_records_of_a_kind_are_refused_before_parsing(root, monkeypatch):
    from dossier_gen.loading import load

    monkeypatch.setattr(load, "MAX_RECORDS_PER_KIND", 1)
    with pytest.raises(DataError) as caught:
        load_catalog("data")
    assert [str(p) for p in caught.value.problems] == [
        "data/claims:1:1: 2 claims; a dossier holds at most 1 of each kind (split it into"
        " several dossiers)",
        "data/entities:1:1: 2 entities; a dossier holds at most 1 of each kind (split it into"
        " several dossiers)",
        "data/sources:1:1: 2 sources; a dossier holds at most 1 of each kind (split it into"
        " several dossiers)",
    ]
