"""The MkDocs plugin: a thin adapter that adds the dossier's pages to a MkDocs build.

Enable it in `mkdocs.yml` with `plugins: [search, dossier]`. It is the only module of the
package that imports MkDocs; everything it publishes comes from the engine-neutral core.
"""

from __future__ import annotations

import functools
import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from . import parallel
from .audit import PageAuditor, audit_site
from .cache import PageCache, RecordCache
from .escape import json_for_html, plain_title
from .exports import ATOM_FEED
from .load import Catalog, display, load_catalog
from .problems import DataError
from .render import render_site
from .safefiles import links_out_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)


class DossierConfig(base.Config):
    data_dir = c.Dir(exists=True, default="data")
    """Folder holding `dossier.yml` and the `claims/`, `entities/` and `sources/` records."""
    templates = c.ListOfItems(c.Dir(exists=True), default=["templates"])
    """Template folders searched in order: put a site's own overrides first."""


class _DirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a build is dirty, which would stop a strict preview."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


class _GeneratedPage(File):
    """A generated page that a dirty rebuild may skip when its Markdown did not change."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()


def _settings_stamp(config: MkDocsConfig) -> tuple[int, ...]:
    """When mkdocs.yml and the theme's override files were last changed."""
    paths = [Path(config.config_file_path)] if config.config_file_path else []
    if config.theme.custom_dir:
        paths += sorted(p for p in Path(config.theme.custom_dir).rglob("*") if p.is_file())
    return tuple(p.stat().st_mtime_ns for p in paths)


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's compiled templates, kept in memory across `mkdocs serve` rebuilds.

    MkDocs makes a new theme environment for every rebuild, so the theme's dozens of
    templates were compiled again each time (about a second). Jinja checks each entry
    against its template's source, so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.compiled.clear()


class DossierPlugin(BasePlugin[DossierConfig]):
    catalog: Catalog | None = None

    def __init__(self) -> None:
        super().__init__()
        # Parsed records and rendered pages, reused across `mkdocs serve` rebuilds.
        self.records = RecordCache()
        self.pages = PageCache()
        self.serving = self.dirty = False
        self.built: dict[str, tuple[str, Any]] = {}
        """Page path → what MkDocs last built it from (dirty serve only)."""
        self.settings: tuple[int, ...] = ()
        self.theme_code = _CompiledTemplates()
        self.current: set[str] = set()
        self.rebuilt: set[str] = set()
        """URLs of every page, and of the pages this dirty rebuild writes."""
        self.written: set[str] = set()
        """Site paths of the HTML files this dirty rebuild writes (for the audit)."""
        self.search_docs: list[dict] | None = None
        """The preview's whole search index, as of the last build."""
        self.head: dict[str, list[str]] = {}
        """Page path → its JSON-LD blocks, as the HTML head prints them."""
        self.auditor: PageAuditor | None = None
        """Audits a full build's pages as they are written (a dirty rebuild reads its few)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps one plugin instance across `mkdocs serve` rebuilds.
        # With `serve --dirty`, MkDocs rebuilds only the pages whose Markdown changed.
        self.serving = command == "serve"
        self.dirty = dirty and self.serving
        if self.dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_DirtyWarning())

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        stamp = _settings_stamp(config)
        if stamp != self.settings:
            # mkdocs.yml or the theme overrides changed: every page's HTML may change.
            self.settings, self.built = stamp, {}
            self.theme_code.clear()
        try:
            # A one-shot build has nothing to reuse: it skips the caches' bookkeeping.
            read_many = self.records.read_many if self.serving else parallel.read_many
            self.catalog = load_catalog(self.config.data_dir, read_many=read_many)
        except DataError as error:
            raise PluginError(f"The dossier's data has problems:\n{error}") from None
        project = Path(config.config_file_path or ".").resolve().parent
        outside = links_out_of(Path(config.docs_dir), project)
        if outside:
            raise PluginError("The pages folder links outside the project:\n" + "\n".join(
                f"{display(path)}:1:1: {why}" for path, why in outside))
        dossier = self.catalog.dossier.model
        # data/dossier.yml is the one place for the site's title, description and address.
        # The theme prints name and description unescaped (into <title> and attributes), so
        # they get the same look-alike characters as page titles.
        config.site_name = plain_title(dossier.title)
        config.site_description = plain_title(dossier.description)
        config.site_url = dossier.base_url
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.catalog is not None
        home = files.get_file_from_path("index.md")
        intro = home.content_string if home is not None else ""
        renderer = self.pages.render if self.serving else parallel.render_in_parallel
        rendered = render_site(self.catalog, self.config.templates, intro,
                               doc_pages=[f.src_uri for f in files.documentation_pages()],
                               renderer=renderer)
        # Only the heads outlive this hook; as text they take a fraction of their objects.
        self.head = {path: [json_for_html(block) for block in blocks]
                     for path, blocks in rendered.head.items()}
        docs_dir = Path(config.docs_dir).resolve()

        @functools.cache
        def edit_folder(folder: Path) -> str:  # once a folder, not once a page
            return Path(os.path.relpath(folder.resolve(), docs_dir)).as_posix()

        built, self.built = self.built, {}
        for path, page in rendered.pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                # A hand-written page the dossier completes (the home page): keep its edit link.
                existing.content_string = page.markdown
                continue
            inclusion = InclusionLevel.UNDEFINED if page.listed else InclusionLevel.NOT_IN_NAV
            file = _GeneratedPage.generated(config, path, content=page.markdown,
                                            inclusion=inclusion)
            if self.dirty:  # the page's HTML is its Markdown and its JSON-LD
                built_from = (page.markdown, self.head.get(path))
                file.unchanged = built.get(path) == built_from
                self.built[path] = built_from
            if page.source is not None:
                file.edit_uri = f"{edit_folder(page.source.parent)}/{page.source.name}"
            files.append(file)
        for path, content in rendered.files.items():
            files.append(File.generated(config, path, content=content))
        if not self.serving:
            # A one-shot build needs the records no more. Their value positions alone take
            # hundreds of MiB at 10,000 claims, which the pages' HTML can reuse.
            self.catalog = None
        if not self.dirty:
            many = len(files.documentation_pages()) >= parallel.MIN_ITEMS
            self.auditor = PageAuditor(None if many else 0)
        if self.dirty:
            pages = files.documentation_pages()
            # As search entries name pages: the home page's "./" is "".
            self.current = {f.url.removeprefix("./") for f in pages}
            self.rebuilt = {f.url.removeprefix("./") for f in pages if f.is_modified()}
            self.written = {f.dest_uri for f in pages if f.is_modified()}
        return files

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig,
               files: Files) -> jinja2.Environment:
        if self.serving:
            env.bytecode_cache = self.theme_code
        return env

    def on_page_context(self, context: TemplateContext, /, *, page: Page,
                        config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        # Read by overrides/partials/dossier-head.html.
        context["dossier_jsonld"] = self.head.get(page.file.src_uri, [])
        context["dossier_feed"] = ATOM_FEED
        return context

    # MkDocs keeps every page's Markdown, HTML and source until the build ends (mkdocs#1960),
    # which at 10,000 claims is most of a build's memory. A one-shot build lets go of each as
    # soon as nothing reads it again; a preview keeps them for its rebuilds.
    @event_priority(-100)  # after every other plugin has seen the page's HTML
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        if not self.serving and isinstance(page.file, _GeneratedPage):
            page.markdown = ""  # not None: a page whose Markdown is None has no title
            page.file.content_string = ""
        return html

    @event_priority(-100)  # the page as written, after every other plugin
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self.auditor is not None:
            self.auditor.add(page.file.dest_uri, output)
        if not self.serving and isinstance(page.file, _GeneratedPage):
            # Search and the theme read the HTML in on_page_context; anchors were listed
            # while rendering it. The title stays, so other pages' links keep their text.
            page.content = ""
        return output

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # Defence in depth: fail the build if any page holds active content from data.
        # A dirty rebuild audits the pages it wrote (and the theme's 404 page, written every
        # time); the others were audited when they were written. A full build audits all:
        # its pages as they were written, any other HTML file from disk.
        if self.auditor is not None:
            auditor, self.auditor = self.auditor, None
            problems = auditor.finish(config.site_dir)
        else:
            problems = audit_site(config.site_dir, self.written | {"404.html"})
        if problems:
            raise PluginError("The built site failed the HTML audit (active content that may"
                              " have come from data):\n" + "\n".join(problems))
        self._merge_search_index(config)

    def on_build_error(self, *, error: Exception) -> None:
        if self.auditor is not None:
            self.auditor.close()
            self.auditor = None

    def _merge_search_index(self, config: MkDocsConfig) -> None:
        """Keep the preview's search index whole across dirty rebuilds.

        Material's search plugin merges a dirty rebuild into its previous index assuming one
        page was rebuilt; with several (the home page among them) it keeps only those. So
        the index is put together here: the rebuilt pages' new entries, the others' old ones.
        """
        path = Path(config.site_dir) / "search" / "search_index.json"
        if not self.dirty or not path.is_file():
            return
        index = json.loads(path.read_text(encoding="utf-8"))
        if self.search_docs is not None:
            def page(entry: dict) -> str:
                return entry["location"].split("#", 1)[0]

            kept = self.current - self.rebuilt
            index["docs"] = ([e for e in self.search_docs if page(e) in kept]
                             + [e for e in index["docs"] if page(e) in self.rebuilt])
            path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
        self.search_docs = index["docs"]

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: object) -> LiveReloadServer:
        server.watch(self.config.data_dir)
        for folder in self.config.templates:
            server.watch(folder)
        if config.theme.custom_dir:
            # MkDocs watches the theme only with --watch-theme; the site's overrides are
            # edited as often as its templates.
            server.watch(config.theme.custom_dir)
        return server
