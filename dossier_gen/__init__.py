"""dossier-gen: a fact-check dossier kept as YAML records, published as a static site.

Data flows one way, and the package's folders follow it:

- `records/`: what a record is (models, fields, rating scale, record kinds, JSON Schema);
- `loading/`: YAML files → a validated `Catalog`, or every problem at once;
- `rendering/`: a catalog → Markdown pages through Jinja templates;
- `publishing/`: pages + JSON-LD + open-data files → a site (`build_site`), written and
  audited;
- `speed/`: the same output on every core, and caches for previews;
- `importing/` and `editing/`: other fact-checkers' ClaimReview in; diffs, new records and
  link checks for editors.

Two thin faces sit on top: `cli.py` (the `dossier` command) and `mkdocs_plugin.py`
(which, with its page classes in `mkdocs_pages.py`, is all that imports MkDocs). The public
API is what this module exports.
"""

from importlib.metadata import PackageNotFoundError, version

from .loading.catalog import Catalog, Loaded
from .loading.load import load_catalog
from .problems import DataError, Problem
from .publishing.site import Site, build_site
from .rendering.render import Page

try:
    __version__ = version("dossier-gen")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "Catalog",
    "DataError",
    "Loaded",
    "Page",
    "Problem",
    "Site",
    "__version__",
    "build_site",
    "load_catalog",
]
