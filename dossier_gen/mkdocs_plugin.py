"""The MkDocs plugin: a thin adapter that adds the dossier to a MkDocs build.

Enable it in `mkdocs.yml` with `plugins: [search, dossier]`; nothing else is needed. It adds
the dossier's pages and data files, its stylesheet and script, each page's head (JSON-LD,
the feed link, link-preview tags) and the fixes the theme's markup needs, and sets up search
for Chinese text, so a site needs no copy of any template.

A dossier in several languages (`languages` in `dossier.yml`) is built as one edition per
language, because the theme's own interface (its `language` setting: buttons, search,
footer) is chosen once per build: after the first language's build, the plugin builds each
other edition into its folder of the site (`site/zh/`), from the same `mkdocs.yml` with the
edition's language, address, navigation titles and hand-written pages (`docs/zh/`). So
`mkdocs build`, `mkdocs serve`, `dossier build` and `dossier serve` all give every edition.

With `cli.py`, it is one of the package's two faces, and with `mkdocs_pages.py` (its page
classes and the conversion on every core) the only module that imports MkDocs;
everything it publishes comes from the engine-neutral core (`publishing.site.build_site`,
`publishing.theme`), and what a preview keeps between rebuilds lives in `speed.preview`.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils import normalize_url

from .loading.catalog import Catalog, EachClaim, each_claim
from .loading.load import load_catalog
from .loading.safefiles import docs_folder_problems
from .mkdocs_config import DossierConfig
from .mkdocs_editions import alternates as edition_alternates
from .mkdocs_editions import build_edition, edition_docs, edition_nav, material_language
from .mkdocs_pages import GeneratedPage, LinkedFile, convert_ahead, pass_tables_through
from .mkdocs_watch import watch_natively
from .problems import DataError
from .publishing import search
from .publishing.audit import audit_site
from .publishing.site import ASSETS, Image, build_site
from .publishing.sitemap import with_alternates
from .publishing.theme import (
    Share,
    fix_theme_markup,
    head_block,
    insert_csp,
    insert_head,
    insert_in_article,
    language_switcher,
    mark_chinese,
    set_html_lang,
    use_dossier_search,
)
from .records.models import Dossier
from .rendering import urls
from .rendering.escape import json_for_html, plain_title
from .rendering.i18n import N_, has_interface
from .rendering.localize import Edition, notice_html
from .rendering.render import DEFAULT_TEMPLATES, PageRenderer, site_template_dirs
from .speed import memory, parallel, rawhtml, sidebars
from .speed.auditing import PageAuditor
from .speed.cores import worker_count
from .speed.preview import Preview, files_stamp

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)


FEED_TITLE = N_("%(site)s: new and updated claims")


class _DirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a build is dirty, which would stop a strict preview."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _settings_files(config: MkDocsConfig) -> list[Path]:
    """mkdocs.yml and the theme's override files: a change to any may change every page."""
    paths = [Path(config.config_file_path)] if config.config_file_path else []
    if config.theme.custom_dir:
        paths += sorted(p for p in Path(config.theme.custom_dir).rglob("*") if p.is_file())
    return paths


def _share(page: Page, config: MkDocsConfig, image: Image | None) -> Share:
    """What a link preview of `page` shows: its title, description and image, or the
    site's."""
    title = config.site_name
    if page.title and not page.is_homepage:
        title = Markup(page.title).striptags()
    description = (page.meta or {}).get("description") or config.site_description
    if image is None or not config.site_url:
        return Share(config.site_name, title, description or None, page.canonical_url)
    return Share(
        config.site_name,
        title,
        description or None,
        page.canonical_url,
        urls.site_url(config.site_url, image.path),
        image.alt,
        (image.width, image.height),
    )


def _neutralise_head_text(page: Page) -> None:
    """A hand-written page's title and description as the theme may print them.

    mkdocs-material prints both raw into the head (the title through `striptags`, which
    decodes entities), so `title: '</title><script>…'` in front matter, or such a first
    heading, would become markup. They get the look-alike characters generated pages' titles
    get; a title without `< > & " '` reads exactly as written."""
    title = page.title
    if title:
        page.meta["title"] = plain_title(title)
    description = page.meta.get("description")
    if description is not None:
        page.meta["description"] = plain_title(str(description))


class DossierPlugin(BasePlugin[DossierConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.catalog: Catalog | None = None
        self.template_dirs: list[Path] = []
        self.preview: Preview | None = None
        """Set by `mkdocs serve`; a one-shot build keeps nothing between builds."""
        self.head: dict[str, list[str]] = {}
        """Page path → its JSON-LD blocks, as the HTML head prints them."""
        self.images: dict[str, Image] = {}
        """Page path → its link-preview image."""
        self.project = Path(".")
        self.sidebars: sidebars.SidebarCache | None = None
        """The theme's sidebars rendered once for pages that share them (`on_env`)."""
        self.auditor: PageAuditor | None = None
        """Audits a full build's pages as they are written (a dirty rebuild reads its few)."""
        self.edition: str | None = None
        """Set on the plugin of another edition's build: its language."""
        self.given_catalog: Catalog | None = None
        """The records, handed to another edition's build by the first one's."""
        self.editions_catalog: Catalog | None = None
        """Kept by the first edition's build for the other editions it builds."""
        self.edition_plugins: dict[str, dict[str, Any]] = {}
        """A preview's other editions' plugins by language, kept for their next rebuild."""
        self.language = ""
        self.dossier: Dossier | None = None
        """The dossier's settings (kept when the records are let go)."""
        self.untranslated: set[str] = set()
        """Hand-written pages this edition shows in the original language."""
        self.search: dict[str, search.SearchDoc] | None = None
        """Page path → its search document, when the dossier answers the search box: the
        records' pages from the catalog, the others as MkDocs renders them."""
        self.page_search: dict[str, search.SearchDoc] = {}
        """The search documents of pages that are not records' pages. Kept across a
        preview's rebuilds, which render only the pages that changed."""
        self.pages_searched: set[str] = set()
        self.scratch: Path | None = None
        """A one-shot build's folder for its pages' Markdown and HTML, removed at its end."""
        self.written = memory.EveryNth(500)
        """Pages a one-shot build wrote: every 500, the memory they took goes back."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps one plugin instance across `mkdocs serve` rebuilds.
        # With `serve --dirty`, MkDocs rebuilds only the pages whose Markdown changed.
        if command == "serve":
            self.preview = Preview(dirty=dirty)
            if dirty:
                logging.getLogger("mkdocs.commands.build").addFilter(_DirtyWarning())

    @property
    def _dirty(self) -> bool:
        return self.preview is not None and self.preview.dirty

    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.preview is not None:
            self.preview.idle_gc.build_started()
            self.preview.settings(files_stamp(_settings_files(config)))
            # Before the theme's search plugin, which compiles templates in its on_config.
            theme = config.theme
            theme.get_env = self.preview.theme_environments(theme.get_env)  # type: ignore[method-assign]
        if self.given_catalog is not None:
            catalog = self.given_catalog
        else:
            # A one-shot build has nothing to reuse: it skips the caches' bookkeeping.
            read_many = self.preview.records.read_many if self.preview else parallel.read_many
            try:
                catalog = load_catalog(self.config.data_dir, read_many=read_many)
            except DataError as error:
                raise PluginError(f"The dossier's data has problems:\n{error}") from None
            if self.config.base_url:
                catalog = catalog.with_base_url(self.config.base_url)
            elif self.preview is not None and config.site_url:
                # `mkdocs serve` sets the address it serves at: a preview's links to itself
                # (the editions' alternates among them) then stay on the preview.
                catalog = catalog.with_base_url(config.site_url)
        self.catalog = catalog
        project = Path(config.config_file_path or ".").resolve().parent
        self.project = project
        problems = docs_folder_problems(Path(config.docs_dir), project)
        if problems:
            raise PluginError(
                "The pages folder holds symbolic links:\n" + "\n".join(map(str, problems))
            )
        self.template_dirs = site_template_dirs(project, self.config.templates)
        dossier = catalog.dossier.model
        self.dossier = dossier
        self.language = self.edition or dossier.language
        edition = Edition(self.language, dossier.language)
        for language in dossier.languages:
            if not has_interface(language):
                raise PluginError(
                    f"dossier.yml: languages names {language!r}, but dossier-gen's interface"
                    " has no translation into it (dossier_gen/rendering/locale/)"
                )
        own = dossier.translations.get(self.language) if not edition.is_original else None
        # data/dossier.yml is the one place for the site's title, description and address.
        # The theme prints name and description unescaped (into <title> and attributes), so
        # they get the same look-alike characters as page titles.
        config.site_name = plain_title((own and own.title) or dossier.title)
        config.site_description = plain_title((own and own.description) or dossier.description)
        config.site_url = urls.edition_base_url(dossier, self.language)
        if not edition.is_original:
            # The theme's buttons, search box and footer in the edition's language.
            theme_language = material_language(self.language, config)
            if theme_language is not None:
                config.theme["language"] = theme_language
            config.nav = edition_nav(config.nav, edition.gettext)
        if dossier.other_languages and self.edition is None:
            self.editions_catalog = catalog
        for listed, path in (
            (config.extra_css, urls.STYLESHEET),
            (config.extra_javascript, urls.SCRIPT),
        ):
            if path not in [str(item) for item in listed]:
                listed.append(path)
        search_plugin = config.plugins.get("material/search") or config.plugins.get("search")
        # The dossier's search needs the theme's search box, which only Material's plugin adds.
        self.search = {} if self.config.search_setup and search_plugin is not None else None
        if config.theme.name == "material" and config.theme.get("font"):
            log.warning(
                "theme.font makes every page load fonts from Google's servers, which tells"
                " them who reads the dossier; set `font: false` under `theme` in mkdocs.yml"
            )
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.catalog is not None
        assert self.dossier is not None
        self.untranslated = edition_docs(files, config, self.dossier, self.language)
        home = files.get_file_from_path(urls.HOME)
        intro = home.content_string if home is not None else ""
        each: EachClaim = each_claim
        if self.preview is not None:
            renderer: PageRenderer = self.preview.pages.render
            each = self.preview.each_claim
        else:
            # A one-shot build keeps no page's text in memory until MkDocs needs it.
            self.scratch = Path(tempfile.mkdtemp(prefix="dossier-build-"))
            renderer = parallel.render_into(self.scratch / "markdown")
        try:
            site = build_site(
                self.catalog,
                self.template_dirs,
                intro,
                doc_pages=[f.src_uri for f in files.documentation_pages() if f.abs_src_path],
                renderer=renderer,
                language=self.language,
                docs=Path(config.docs_dir).name,
                share_links=self.config.share_links,
                card_cache=self._card_cache() if self.config.cards else None,
                card_drawer=parallel.draw_in_parallel,
                each=each,
            )
        except DataError as error:
            raise PluginError(f"The dossier's pages would clash:\n{error}") from None
        self.images = site.images
        if self.search is not None:
            self.search = site.search
        # Only the heads outlive this hook; as text they take a fraction of their objects.
        if self.preview is not None:
            self.head = self.preview.heads(site.head)
        else:
            self.head = {
                path: [json_for_html(block) for block in blocks]
                for path, blocks in site.head.items()
            }

        @functools.cache
        def edit_folder(folder: Path) -> str:  # once a folder, not once a page
            return Path(
                os.path.relpath(folder.resolve(), Path(config.docs_dir).resolve())
            ).as_posix()

        if self._dirty:
            assert self.preview is not None
            self.preview.start()
        for path, page in site.pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                # A hand-written page the dossier completes (the home page): keep its edit link.
                existing.content_string = page.read()
                continue
            inclusion = InclusionLevel.UNDEFINED if page.listed else InclusionLevel.NOT_IN_NAV
            file = (
                GeneratedPage.from_shelf(config, path, page.file, inclusion)
                if page.file is not None
                else GeneratedPage.from_text(config, path, page.markdown, inclusion)
            )
            if self._dirty:  # the page's HTML is its Markdown and its JSON-LD
                assert self.preview is not None
                file.unchanged = self.preview.unchanged(path, page.markdown, self.head.get(path))
            if page.source is not None:
                file.edit_uri = f"{edit_folder(page.source.parent)}/{page.source.name}"
            files.append(file)
        for path, content in site.files.items():
            files.append(File.generated(config, path, content=content))
        if self.search is not None:
            # Every page the site has once the generated ones are in: what search may list.
            self.pages_searched = {f.src_uri for f in files.documentation_pages()}
            worker = (ASSETS / "dossier-search.js").read_bytes()
            files.append(File.generated(config, urls.SEARCH_WORKER, content=worker))
        for image in site.images.values():  # linked from the card cache when written
            files.append(LinkedFile.generated(config, image.path, abs_src_path=str(image.file)))
        if self.preview is None:
            # A one-shot build needs the records no more (the other editions' builds keep
            # their own reference), and the pages' HTML can use the memory.
            self.catalog = None
            memory.give_back_freed_memory()
        if self._dirty:
            assert self.preview is not None
            # As search entries name pages: the home page's "./" is "".
            self.preview.pages_written(
                (f.url.removeprefix("./"), f.dest_uri, f.is_modified())
                for f in files.documentation_pages()
            )
        elif self.config.audit:
            many = len(files.documentation_pages()) >= parallel.MIN_ITEMS
            self.auditor = PageAuditor(None if many else 0)
        return files

    # Last: the pages are as every other plugin left them.
    @event_priority(-100)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        # MkDocs converts each page's Markdown on one core (half of a build's time at 10,000
        # claims). The record pages, which stay out of the navigation, are converted here by
        # MkDocs' own code on every core, and each takes its HTML when MkDocs reaches it.
        unknown = rawhtml.unknown_extensions(config.markdown_extensions)
        if unknown and self.config.pass_tables:
            log.debug("Tables are read by Markdown: unknown extensions %s", ", ".join(unknown))
        pass_tables = self.config.pass_tables and not unknown
        if self.preview is not None or not self.config.parallel or not parallel.can_fork():
            if pass_tables:
                pass_tables_through(files)
            return nav
        assert self.scratch is not None  # made by on_files in a one-shot build
        count = convert_ahead(nav, config, files, self.scratch / "html", pass_tables)
        if count:
            log.debug("Converted %d generated pages ahead, on %d cores", count, worker_count())
        return nav

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        self.sidebars = sidebars.install(env) if self.config.sidebar_cache else None
        return env

    # MkDocs keeps every page's Markdown, HTML and source until the build ends (mkdocs#1960),
    # which at 10,000 claims is most of a build's memory. A one-shot build lets go of each as
    # soon as nothing reads it again; a preview keeps them for its rebuilds.
    @event_priority(-100)  # after every other plugin has seen the page's HTML
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if isinstance(page.file, GeneratedPage):
            if self.preview is None:
                page.markdown = ""  # not None: a page whose Markdown is None has no title
                page.file.content_string = ""
        else:
            _neutralise_head_text(page)
            # Generated pages mark Chinese in record text as they are rendered
            # (`escape.md_text`); a hand-written page is marked here.
            html = mark_chinese(html, self.language)
        if page.file.src_uri in self.untranslated:
            assert self.dossier is not None
            original = self.dossier.language
            edition = Edition(self.language, original)
            # The home page is the hand-written introduction, then generated sections (which
            # are in the edition's language) from its first second-level heading on.
            split = html.find("<h2") if page.file.src_uri == urls.HOME else -1
            split = len(html) if split == -1 else split
            html = (
                notice_html(edition, "missing")
                + f'<div lang="{original}">{html[:split]}</div>'
                + html[split:]
            )
        if self.search is not None and page.file.src_uri not in self.search:
            # Not a record's page: found by its title, and a hand-written page by its text.
            written = not isinstance(page.file, GeneratedPage) and not page.is_homepage
            self.page_search[page.file.src_uri] = search.page_doc(
                page.file.src_uri, page.title or "", search.html_text(html) if written else ""
            )
        return html

    # Before the theme's search plugin, which then leaves the page out of its own index.
    @event_priority(100)
    def on_page_context(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> Any:
        if self.search is not None:
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return context

    def _feed_title(self, config: MkDocsConfig) -> str:
        """The title of the edition's Atom feed, as the head's link names it."""
        gettext = Edition(self.language, self.language).gettext if self.language else str
        return gettext(FEED_TITLE) % {"site": config.site_name}

    @event_priority(-100)  # the page as written, after every other plugin
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self.preview is None and isinstance(page.file, GeneratedPage):
            # The theme has put the page's HTML into `output`: the page's own copy goes
            # before the head is edited, which copies `output`. At 10,000 claims, with the
            # 10 MB claims list, the build's peak went from 500 to 477 MiB (one run each).
            # Search and the theme read the HTML in on_page_context; anchors were listed
            # while rendering it. The title stays, so other pages' links keep their text.
            page.content = ""
            page.toc = TableOfContents([])  # anchors are checked from present_anchor_ids
            self.written.tick()
        feed_title = self._feed_title(config)
        alternates = edition_alternates(self.dossier, self.language, page.url)
        block = head_block(
            normalize_url(urls.ATOM_FEED, page=page),
            feed_title,
            self.head.get(page.file.src_uri, []),
            _share(page, config, self.images.get(page.file.src_uri)),
            # Deeper pages' alternates are in the sitemap (publishing/sitemap.py says why).
            alternates if page.is_homepage else [],
        )
        output = fix_theme_markup(insert_head(output, block))
        if alternates:
            output = set_html_lang(output, self.language)
            output = insert_in_article(output, language_switcher(alternates, self.language))
        if self.search is not None:
            output = use_dossier_search(output, urls.search_worker_address())
        # Last: the policy hashes the inline scripts as they finally are.
        output = insert_csp(output)
        if self.auditor is not None:
            self.auditor.add(page.file.dest_uri, output)
        return output

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if template_name == urls.SITEMAP and self.dossier and self.dossier.other_languages:
            dossier = self.dossier
            return with_alternates(
                output_content,
                dossier.base_url,
                urls.edition_prefix(dossier, self.language),
                [(lang, urls.edition_prefix(dossier, lang)) for lang in dossier.languages],
            )
        # Theme pages that are no page of the site, such as 404.html: the same head (without
        # a page's own JSON-LD) and the same fixes as every page.
        if not template_name.endswith(".html"):
            return output_content
        share = Share(config.site_name, config.site_name, config.site_description or None, None)
        # As MkDocs links error pages: from the server's root, which they may be served at.
        feed = normalize_url(urls.ATOM_FEED, base=urlsplit(config.site_url or "/").path)
        block = head_block(feed, self._feed_title(config), [], share)
        output = fix_theme_markup(insert_head(output_content, block))
        if self.search is not None:
            output = use_dossier_search(output, urls.search_worker_address())
        return insert_csp(output)

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.sidebars is not None:
            log.debug(
                "Rendered the theme's sidebars %d times for %d pages",
                self.sidebars.misses,
                self.sidebars.misses + self.sidebars.hits,
            )
            self.sidebars = None
        # Defence in depth: fail the build if any page holds active content from data.
        # A dirty rebuild audits the pages it wrote (and the theme's 404 page, written every
        # time); the others were audited when they were written. A full build audits all:
        # its pages as they were written, any other HTML file from disk.
        if self.auditor is not None:
            auditor, self.auditor = self.auditor, None
            problems = auditor.finish(config.site_dir)
        elif self.config.audit and self.preview is not None:
            problems = audit_site(
                config.site_dir,
                self.preview.written | {"404.html"},
                memo=self.preview.audit_memo,
            )
        else:
            problems = []
        if problems:
            raise PluginError(
                "The built site failed the HTML audit (active content that may"
                " have come from data):\n" + "\n".join(problems)
            )
        if self.search is not None:
            memory.give_back_freed_memory()
            self._write_search_index(config)
        self._remove_scratch()
        if self.editions_catalog is not None:
            catalog, self.editions_catalog = self.editions_catalog, None
            for language in catalog.dossier.model.other_languages:
                kept = self.edition_plugins.setdefault(language, {}) if self.preview else None
                build_edition(
                    catalog, language, config, DossierPlugin, kept, self._edition, self._dirty
                )
        if self.preview is not None:
            self.preview.idle_gc.build_finished()

    def _card_cache(self) -> Path:
        """The card cache of this edition. Each edition has its own folder: the cache keeps
        one site's cards and removes the others, so editions sharing it removed each other's
        cards, and every build and every preview rebuild drew an edition's cards again (2.4 s
        of a rebuild of the real dossier's two editions)."""
        assert self.dossier is not None
        folder = self.project / self.config.cards_cache
        return folder if self.language == self.dossier.language else folder / self.language

    def _edition(self, plugin: DossierPlugin) -> None:
        """Another edition's plugin in a preview previews too: it keeps what it made for
        its next rebuild, and the garbage collector waits for this preview's idle time."""
        if self.preview is not None and plugin.preview is None:
            plugin.preview = Preview(dirty=self.preview.dirty)
            plugin.preview.idle_gc = self.preview.idle_gc

    def _remove_scratch(self) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None

    def _write_search_index(self, config: MkDocsConfig) -> None:
        assert self.search is not None
        site = Path(config.site_dir)
        pages = {path: doc for path, doc in self.page_search.items() if path in self.pages_searched}
        docs = [*self.search.values(), *pages.values()]
        if self.preview is None:
            files = search.index_files(docs)
        else:
            files = self.preview.search_files(docs)
            if not self.preview.dirty:  # MkDocs emptied the site's folder for this build
                files = self.preview.search_index.files
        for path, content in files.items():
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        # The theme's own index, empty since every page was left out of it: nothing reads it.
        (site / urls.SEARCH_DIR / "search_index.json").unlink(missing_ok=True)

    def on_build_error(self, *, error: Exception) -> None:
        self._remove_scratch()
        if self.preview is not None:
            self.preview.idle_gc.build_finished()
        if self.auditor is not None:
            self.auditor.close()
            self.auditor = None

    def on_shutdown(self) -> None:
        if self.preview is not None:
            self.preview.idle_gc.close()

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(self.config.data_dir)
        for folder in [*self.template_dirs, DEFAULT_TEMPLATES]:
            server.watch(str(folder))
        if config.theme.custom_dir:
            # MkDocs watches the theme only with --watch-theme; the site's overrides are
            # edited as often as its templates.
            server.watch(config.theme.custom_dir)
        if self.config.native_watcher:
            reason = watch_natively(server)
            if reason is None:
                log.info("Watching for changes with the system's file notices")
            else:
                log.info("Watching for changes by scanning twice a second: %s", reason)
        return server
