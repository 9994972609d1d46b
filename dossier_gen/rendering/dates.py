"""Show partial dates (`2017`, `2017-10`, `2017-10-05`) as readers of each language expect.

Babel writes them from the Unicode CLDR data, never from the machine's locale, so a build
gives the same pages everywhere.
"""

from __future__ import annotations

import datetime as dt
import functools

from babel.dates import format_date as babel_date
from babel.dates import format_skeleton

from .i18n import SOURCE_LANGUAGE, babel_locale

DATE_LOCALES = {"en": "en_GB"}
"""The dossier's English is British (organisation, characterisation), and so are its
dates: 5 October 2017, not October 5, 2017."""


@functools.lru_cache(maxsize=16384)
def format_date(value: str, language: str = SOURCE_LANGUAGE) -> str:
    """A partial date as `language` writes it: `2017-10-05` → `5 October 2017` or
    `2017年10月5日`; `2017-10` → `October 2017` or `2017年10月`; `2017` → `2017` or
    `2017年`."""
    locale = DATE_LOCALES.get(language) or babel_locale(language)
    parts = [int(p) for p in value.split("-")]
    day = dt.date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
    if len(parts) == 3:
        return babel_date(day, "long", locale=locale)
    return format_skeleton("yMMMM" if len(parts) == 2 else "y", day, locale=locale)
