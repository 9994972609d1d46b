"""The dossier plugin's settings in mkdocs.yml: a typed schema, a docstring per option.

Part of the MkDocs face, with `mkdocs_plugin.py`, which reads them.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from .publishing.cards import CACHE_DIR


class DossierConfig(base.Config):
    data_dir = c.Dir(exists=True, default="data")
    """Folder holding `dossier.yml` and the `claims/`, `entities/` and `sources/` records."""
    templates = c.ListOfItems(c.Dir(exists=True), default=[])
    """A site's own page-template folders, searched in order before the templates that ship
    with dossier-gen: a file of the same name overrides the package's. When empty, a
    `templates/` folder beside `mkdocs.yml` is used if there is one."""
    base_url = c.Optional(c.URL())
    """The address the site is published at, ending in `/`. Overrides `base_url` in
    `dossier.yml`, such as for a preview deployment at another address."""
    audit = c.Type(bool, default=True)
    """Audit every built page's HTML and fail the build on active content (a script, frame,
    event handler or non-http(s) address) that may have come from data. Leave it on: it is
    the second line of defence behind the escaping of record text."""
    parallel = c.Type(bool, default=True)
    """Convert the generated pages' Markdown to HTML on every core before MkDocs reaches
    them, with MkDocs' own conversion (the same HTML, links and warnings); off, MkDocs
    converts each page in turn on one core."""
    sidebar_cache = c.Type(bool, default=True)
    """Render the theme's sidebars once for all the pages that show the same ones (every
    record's page in a folder with the same headings), instead of once a page: the same
    HTML, a quarter of the theme's time per page saved. Off, the theme renders them for
    every page."""
    pass_tables = c.Type(bool, default=True)
    """Leave the generated pages' raw HTML tables (the claims list, a claim's evidence) out
    of Python-Markdown, which would read every tag only to pass them through unchanged, and
    put them back in the HTML: the same HTML (tested). Off, every table is read; the claims
    list alone takes 0.15 s at 1,000 claims, on every preview rebuild that changes a row."""
    native_watcher = c.Type(bool, default=True)
    """In `mkdocs serve` and `dossier serve`, hear of a saved file from the operating system
    at once, instead of MkDocs' scan of every watched file twice a second. Turn it off where
    the system's notices do not arrive: folders on a network drive, or shared into a
    container from another system. A watched folder holding a linked folder is scanned
    anyway (notices do not follow links)."""
    search_setup = c.Type(bool, default=True)
    """Answer the theme's search box with the dossier's own index (`publishing.search`):
    built from the records, with Chinese cut into words, fetched by a reader's browser only
    when they search, and then only the shards a query needs. Off: the plugin leaves the
    theme's search as the site configures it (it indexes every page's HTML, and every page
    downloads the whole index)."""
    share_links = c.Type(bool, default=True)
    """Put links to share each claim on its page: e-mail, X, Facebook, WhatsApp, Telegram,
    Weibo and LINE. They are plain links: no script or request reaches those sites before a
    reader clicks one."""
    cards = c.Type(bool, default=True)
    """Draw a link-preview card (a 1200×630 PNG with the verdict, the claim's title, the
    claimant and the site's name) for each claim page, and name it in the page's `og:image`
    and Twitter card tags."""
    cards_cache = c.Type(str, default=CACHE_DIR)
    """Folder, relative to `mkdocs.yml`, where cards are kept between builds; a card is drawn
    again only when what it shows changes. The editions after the first keep theirs in a
    folder inside it named by their language. Keep it out of version control (`.cache/`
    is)."""
