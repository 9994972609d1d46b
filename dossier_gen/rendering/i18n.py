"""The interface in each of a dossier's languages: message catalogs, dates, language names.

Interface strings (headings, table heads, notices) are written in English in the templates
and in the code, marked for extraction (`{% trans %}` and `_()` in templates, `N_()` here
and in the fragments), and translated through the catalogs in `locale/`: one
`<locale>/LC_MESSAGES/dossier.po` per language, kept in step by `make catalogs`.

The `.po` files are the committed sources and the only form the package ships: they are
compiled in memory when an edition is first rendered (Babel, a few milliseconds), so there
is no compiled `.mo` file to go stale or to be left out of a wheel. Dates are in
`dates.py`.
"""

from __future__ import annotations

import functools
import gettext
import io
from collections.abc import Callable
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "dossier"
SOURCE_LANGUAGE = "en"
"""The language the interface strings are written in; it needs no catalog."""


def N_(message: str) -> str:  # noqa: N802 -- the name extraction tools look for
    """Marks a string for the catalogs where it is defined; it is translated where shown."""
    return message


def babel_locale(language: str) -> Locale:
    """The Babel locale of a BCP 47 tag: `zh-Hans` → `zh_Hans`. Raises ValueError."""
    try:
        return Locale.parse(language, sep="-")
    except (ValueError, UnknownLocaleError) as error:
        raise ValueError(f"{language!r} is not a language Babel knows: {error}") from None


def catalog_path(language: str) -> Path:
    return LOCALE_DIR / str(babel_locale(language)) / "LC_MESSAGES" / f"{DOMAIN}.po"


def interface_languages() -> list[str]:
    """The languages the interface is translated into, as language tags (`zh-Hans`), with
    the language it is written in."""
    found = sorted(
        p.parent.parent.name.replace("_", "-")
        for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")
    )
    return [SOURCE_LANGUAGE, *found]


def has_interface(language: str) -> bool:
    """Whether the interface can be shown in `language` (its primary language is the one
    the strings are written in, or a catalog exists for it)."""
    try:
        locale = babel_locale(language)
    except ValueError:
        return False
    return locale.language == SOURCE_LANGUAGE or catalog_path(language).is_file()


def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of `language`; for the source language, no translation. Read
    again when the catalog file changes (a preview notices a translator's edit)."""
    path = catalog_path(language)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = None
    return _translations(language, stamp)


@functools.lru_cache(maxsize=32)
def _translations(language: str, stamp: int | None) -> gettext.NullTranslations:
    if babel_locale(language).language == SOURCE_LANGUAGE or stamp is None:
        return gettext.NullTranslations()
    with catalog_path(language).open("rb") as po:
        catalog = read_po(po, locale=str(babel_locale(language)), domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out, as gettext's tools do
    compiled.seek(0)
    return Translations(fp=compiled, domain=DOMAIN)


def gettext_for(language: str) -> Callable[[str], str]:
    return translations(language).gettext


@functools.cache
def language_name(language: str) -> str:
    """A language's name in itself, as a language switcher shows it: `中文 (简体)`."""
    return babel_locale(language).get_display_name() or language
