"""The base every record model shares, and the limits on its lists.

Separate from `models.py` so that the translations' models (`translated.py`) and the
records' can both build on them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    """Base of every model: unknown fields are an error, so a typo never goes unnoticed."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


# --- limits ------------------------------------------------------------------------------
# Far above what any real record needs, and low enough that the worst case a pull request can
# make stays well inside a CI build's budget (measured: see README, "Limits").
MAX_TAGS_PER_CLAIM = 20
MAX_EVIDENCE = 100
MAX_RELATED = 50
MAX_RELAYS = 10
MAX_UPDATES = 100
MAX_ALIASES = 50
MAX_CITATIONS = 100
MAX_LINKS = 50
MAX_DEVELOPMENTS = 200
MAX_AUTHORS = 50
MAX_RATINGS = 20
