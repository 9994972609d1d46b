"""The interface catalogs: every string the templates and the code mark for translation is
translated in every language a dossier here declares, with the same placeholders.

The strings are extracted afresh from the source with `babel.cfg` (as `make catalogs`
does), so a string added to a template and not to the catalogs fails here, and so does a
catalog entry left empty or fuzzy.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from dossier_gen.loading.load import load_catalog
from dossier_gen.rendering.i18n import LOCALE_DIR, catalog_path, has_interface

from .conftest import BILINGUAL, ROOT

PACKAGE = ROOT / "dossier_gen"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _method_map() -> tuple[list[tuple[str, str]], dict[str, dict[str, str]]]:
    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        return parse_mapping_cfg(cfg)


def extracted() -> set[str]:
    """Every message id the package's code and templates mark, read from the source."""
    method_map, options_map = _method_map()
    return {
        message if isinstance(message, str) else message[0]
        for _, _, message, _, _ in extract_from_dir(str(PACKAGE), method_map, options_map)
    }


def untranslated(po_file: Path, wanted: set[str]) -> list[str]:
    """The ids of `wanted` that `po_file` leaves untranslated (missing, empty or fuzzy), and
    translations whose placeholders differ from their id's."""
    with po_file.open("rb") as po:
        catalog = read_po(po)
    found = []
    for msgid in sorted(wanted):
        entry = catalog.get(msgid)
        # A message with a plural has one translation per plural form of the language.
        forms = () if entry is None else entry.string
        forms = (forms,) if isinstance(forms, str) else forms
        if entry is None or not all(forms) or entry.fuzzy:
            found.append(f"untranslated: {msgid!r}")
        elif any(
            sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(msgid))
            for form in forms
        ):
            found.append(f"placeholders differ: {msgid!r} → {entry.string!r}")
    return found


def declared_languages() -> list[str]:
    """Every language other than English that this repository's dossiers declare."""
    languages: set[str] = set()
    for data in (ROOT / "data", BILINGUAL / "data"):
        languages |= set(load_catalog(data).dossier.model.other_languages)
    return sorted(languages)


def test_the_extraction_finds_the_strings_of_code_and_templates():
    found = extracted()
    assert "Ratings" in found  # ratings.md.j2, {% trans %}
    assert "No claim has this rating." in found
    assert "Not yet translated" in found  # localize.py, N_()
    assert "supporting evidence" in found  # fragments.py
    assert "This page in other languages" in found  # publishing/theme.py


@pytest.mark.parametrize("language", declared_languages())
def test_every_string_is_translated_in_each_declared_language(language):
    assert has_interface(language), f"no catalog for {language} in {LOCALE_DIR}"
    problems = untranslated(catalog_path(language), extracted())
    assert problems == [], (
        f"{catalog_path(language).relative_to(ROOT)}: run `make catalogs`, then translate:\n"
        + "\n".join(problems)
    )


def test_the_check_catches_an_untranslated_string(tmp_path):
    po = catalog_path("zh-Hans").read_text(encoding="utf-8")
    doctored = tmp_path / "dossier.po"
    plural = 'msgstr[0] "已核查%(count)s项说法"'
    assert plural in po
    doctored.write_text(
        po.replace('msgstr "结论"', 'msgstr ""', 1).replace(plural, 'msgstr[0] ""')
        + '\nmsgid "Brand new"\nmsgstr ""\n',
        encoding="utf-8",
    )
    wanted = {"Verdict", "Ratings", "Brand new", "Not in the file", "%(count)s claim checked"}
    assert untranslated(doctored, wanted) == [
        "untranslated: '%(count)s claim checked'",
        "untranslated: 'Brand new'",
        "untranslated: 'Not in the file'",
        "untranslated: 'Verdict'",
    ]


def test_an_edited_catalog_is_read_again(tmp_path, monkeypatch):
    # A preview (`dossier serve`) notices a translator's edit without a restart.
    import os
    import shutil

    from dossier_gen.rendering import i18n

    locale = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, locale)
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale)
    po = i18n.catalog_path("zh-Hans")
    before = i18n.gettext_for("zh-Hans")("Verdict")
    assert before != "Verdict"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace(f'msgstr "{before}"', 'msgstr "裁定"', 1), encoding="utf-8")
    stat = po.stat()
    os.utime(po, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert i18n.gettext_for("zh-Hans")("Verdict") == "裁定"
