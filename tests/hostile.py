"""Record text that looks like markup of every kind the site's tools understand.

Each string is valid record text (the models accept it); a page must show it literally.
"""

from __future__ import annotations

import json
from pathlib import Path

PAYLOADS = [
    "</title><script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[click](javascript:alert(3))",
    "{: onclick=alert(4) }",
    '--8<-- "/etc/passwd"',
    '!!! danger "Admonition"',
    "{{ 7 * 7 }} {% raw %}",
    "&lt;b&gt; &amp; \\<i>",
    "*[HTML]: Hyper",
    "| a | b |",
    "# heading",
    "<!-- comment -->",
    ":smile: ~~del~~ ==mark== ^^ins^^ $x$",
]
TEXT = " ".join(PAYLOADS)
"""Everything at once, as a title or a paragraph would hold it."""

IDN_URL = "https://bücher.example/straße?q=1&r=2"
IDN_HREF_HOST = "xn--bcher-kva.example"


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def add_hostile_records(project: Path) -> None:
    """Write a claim, an entity and a source full of markup into a copy of the fixture."""
    data = project / "data"
    (data / "entities" / "hostile-person.yml").write_text(
        f"kind: person\nname: {quoted(TEXT[:200])}\nnative_name: {quoted('<b>名</b>')}\n"
        f"aliases: [{quoted(PAYLOADS[2])}]\ndescription: {quoted(TEXT)}\n"
        f"links:\n  - label: {quoted(PAYLOADS[1])}\n    url: {quoted(IDN_URL)}\n",
        encoding="utf-8",
    )
    (data / "sources" / "hostile-source.yml").write_text(
        f"title: {quoted(TEXT)}\npublisher: {quoted(PAYLOADS[0])}\n"
        f"authors: [{quoted(PAYLOADS[3])}]\nurl: {quoted(IDN_URL)}\nlanguage: en\n"
        f"kind: other\nnotes: {quoted(TEXT)}\n",
        encoding="utf-8",
    )
    analysis = (
        "Plain **bold** and a [fine link](https://example.org/ok).\n\n"
        "<script>alert(5)</script> <iframe src=https://evil.example></iframe>\n\n"
        '[bad](javascript:alert(6)) [worse](data:text/html,x) <a href="vbscript:x">v</a>\n\n'
        "<p onmouseover=alert(7)>hover</p> {: onclick=alert(8) }\n\n" + TEXT
    )
    (data / "claims" / "hostile-claim.yml").write_text(
        f"title: {quoted(TEXT[:120])}\n"
        f"statement:\n  text: {quoted(TEXT)}\n  form: quote\n"
        f"claimant: hostile-person\nclaimed_on: '2019-02-03'\n"
        f"appearance:\n  source: hostile-source\n  locator: {quoted(PAYLOADS[4])}\n"
        f"  quote: {quoted(PAYLOADS[0] + PAYLOADS[1])}\n"
        f"rating: confirmed\nsummary: {quoted(TEXT)}\nanalysis: {quoted(analysis)}\n"
        f"evidence:\n  - source: hostile-source\n    locator: {quoted(PAYLOADS[5])}\n"
        f"    quote: {quoted(PAYLOADS[6])}\n    stance: supports\n    note: {quoted(TEXT)}\n"
        f"reviewed_on: '2026-11-20'\n",
        encoding="utf-8",
    )
    dossier = data / "dossier.yml"
    dossier.write_text(
        dossier.read_text(encoding="utf-8")
        .replace("title: Fixture dossier", f"title: {quoted('Fixture ' + PAYLOADS[0])}")
        .replace(
            "description: Invented records that exercise every page kind.",
            "description: " + quoted(PAYLOADS[1] + ' " onload=alert(9) x='),
        ),
        encoding="utf-8",
    )
