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

With `cli.py`, it is one of the package's two faces and the only module that imports MkDocs;
everything it publishes comes from the engine-neutral core (`publishing.site.build_site`,
`publishing.theme`), and what a preview keeps between rebuilds lives in `speed.preview`.
"""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup
from mkdocs.config import base, load_config
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import normalize_url

from .loading.catalog import Catalog
from .loading.load import load_catalog
from .loading.safefiles import docs_folder_problems
from .problems import DataError
from .publishing.audit import audit_site
from .publishing.site import build_site
from .publishing.sitemap import with_alternates
from .publishing.theme import (
    Alternate,
    Share,
    fix_theme_markup,
    head_block,
    insert_head,
    insert_in_article,
    language_switcher,
    mark_chinese,
    set_html_lang,
)
from .records.models import Dossier
from .rendering import urls
from .rendering.escape import json_for_html, plain_title
from .rendering.i18n import N_, has_interface
from .rendering.localize import Edition, notice_html
from .rendering.render import DEFAULT_TEMPLATES, site_template_dirs
from .speed import parallel
from .speed.auditing import PageAuditor
from .speed.preview import Preview, files_stamp

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

SEARCH_SEPARATOR = r"[\s\u200b\u3000\-、。，．？！；]+"
"""Where search splits words: white space, hyphens and Chinese punctuation, and the zero-width
space that jieba's segmentation puts between Chinese words (without it, Chinese text is one
long word and a search for a name inside it finds nothing). mkdocs-material's own separator
for Chinese."""


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
    search_setup = c.Type(bool, default=True)
    """Set the search plugin's word separator so Chinese text is found by the words in it.
    A separator of the site's own that lacks the zero-width space gets a warning."""


NAV_TITLES = (
    N_("Home"),
    N_("Claims"),
    N_("All claims"),
    N_("By rating"),
    N_("By claimant"),
    N_("By tag"),
    N_("Timeline"),
    N_("People and organisations"),
    N_("Sources"),
    N_("Corrections"),
    N_("Open data"),
    N_("Methodology"),
    N_("About"),
)
"""The navigation titles of the `mkdocs.yml` that `dossier init` writes (and this
repository's), so the catalogs translate them. A title with no translation is left out of
another edition's navigation, which then shows the page's own title."""


def edition_nav(nav: Any, gettext: Any) -> Any:
    """`mkdocs.yml`'s navigation for another edition: section titles translated through the
    catalog (else kept), page titles translated or else left to the page's own heading."""
    if not isinstance(nav, list):
        return nav
    out: list[Any] = []
    for item in nav:
        if not isinstance(item, dict) or len(item) != 1:
            out.append(item)
            continue
        ((title, value),) = item.items()
        translated = gettext(title)
        if isinstance(value, list):
            out.append({translated: edition_nav(value, gettext)})
        elif translated != title or "://" in str(value):
            out.append({translated: value})
        else:
            out.append(value)
    return out


def material_language(language: str, config: MkDocsConfig) -> str | None:
    """The theme's own language code for a BCP 47 tag (`zh-Hans` → `zh`, `zh-Hant` →
    `zh-Hant`), or None when mkdocs-material has no translation for it."""
    folder = next(
        (Path(d) / "partials" / "languages" for d in config.theme.dirs if "material" in d), None
    )
    if folder is None:
        return None
    primary = language.split("-")[0].lower()
    for candidate in (language, language.lower(), primary):
        if (folder / f"{candidate}.html").is_file():
            return candidate
    return None


class _DirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a build is dirty, which would stop a strict preview."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


class _GeneratedPage(File):
    """A generated page that a dirty rebuild may skip when its Markdown did not change."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()


def _moved(config: MkDocsConfig, file: File, src_uri: str, inclusion: InclusionLevel) -> File:
    """`file` (such as `docs/zh/about.md`) as the page at `src_uri` (`about.md`) of its
    edition, with its edit link still pointing at it."""
    if file.abs_src_path is not None:
        moved = File.generated(config, src_uri, abs_src_path=file.abs_src_path, inclusion=inclusion)
    else:
        moved = File.generated(config, src_uri, content=file.content_bytes, inclusion=inclusion)
    moved.edit_uri = file.src_uri
    return moved


def _settings_files(config: MkDocsConfig) -> list[Path]:
    """mkdocs.yml and the theme's override files: a change to any may change every page."""
    paths = [Path(config.config_file_path)] if config.config_file_path else []
    if config.theme.custom_dir:
        paths += sorted(p for p in Path(config.theme.custom_dir).rglob("*") if p.is_file())
    return paths


def _share(page: Page, config: MkDocsConfig) -> Share:
    """What a link preview of `page` shows: its title and description, or the site's."""
    title = config.site_name
    if page.title and not page.is_homepage:
        title = Markup(page.title).striptags()
    description = (page.meta or {}).get("description") or config.site_description
    return Share(config.site_name, title, description or None, page.canonical_url)


class DossierPlugin(BasePlugin[DossierConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.catalog: Catalog | None = None
        self.template_dirs: list[Path] = []
        self.preview: Preview | None = None
        """Set by `mkdocs serve`; a one-shot build keeps nothing between builds."""
        self.head: dict[str, list[str]] = {}
        """Page path → its JSON-LD blocks, as the HTML head prints them."""
        self.auditor: PageAuditor | None = None
        """Audits a full build's pages as they are written (a dirty rebuild reads its few)."""
        self.edition: str | None = None
        """Set on the plugin of another edition's build: its language."""
        self.given_catalog: Catalog | None = None
        """The records, handed to another edition's build by the first one's."""
        self.editions_catalog: Catalog | None = None
        """Kept by the first edition's build for the other editions it builds."""
        self.language = ""
        self.dossier: Dossier | None = None
        """The dossier's settings (kept when the records are let go)."""
        self.untranslated: set[str] = set()
        """Hand-written pages this edition shows in the original language."""

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

    # Early: the search plugin fills in its default separator in its own on_config.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.preview is not None:
            self.preview.settings(files_stamp(_settings_files(config)))
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
        problems = docs_folder_problems(Path(config.docs_dir), project)
        if problems:
            raise PluginError(
                "The pages folder links outside the project:\n" + "\n".join(map(str, problems))
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
        if self.config.search_setup:
            self._set_up_search(config)
        if config.theme.name == "material" and config.theme.get("font"):
            log.warning(
                "theme.font makes every page load fonts from Google's servers, which tells"
                " them who reads the dossier; set `font: false` under `theme` in mkdocs.yml"
            )
        return config

    def _set_up_search(self, config: MkDocsConfig) -> None:
        search = config.plugins.get("material/search") or config.plugins.get("search")
        settings = getattr(search, "config", None)
        if settings is None:
            return  # a site without search has nothing to set up
        if "separator" not in settings:
            log.warning(
                "The search plugin has no word separator to set, so the dossier cannot make"
                " Chinese text searchable by the words in it (a search for a Chinese name"
                " inside a longer run finds nothing); dossier-gen supports mkdocs-material's"
                " search. Set the plugin's `search_setup: false` to silence this."
            )
            return
        if not settings["separator"]:
            settings["separator"] = SEARCH_SEPARATOR
        elif "\\u200b" not in settings["separator"] and "\u200b" not in settings["separator"]:
            log.warning(
                "The search plugin's separator %r lacks the zero-width space (\\u200b) that"
                " Chinese word segmentation puts between words, so a search for a Chinese name"
                " finds nothing; remove the separator setting to use the dossier's (%s), or"
                " add \\u200b to it",
                settings["separator"],
                SEARCH_SEPARATOR,
            )

    def _edition_docs(self, files: Files, config: MkDocsConfig) -> None:
        """Each edition's hand-written pages: `docs/zh/about.md` is the `zh` edition's
        `about.md`; a page with no translation stays in the original language (and says
        so); the other editions' folders are left out."""
        assert self.catalog is not None
        dossier = self.catalog.dossier.model
        folders = {urls.edition_folder(lang, dossier.languages) for lang in dossier.languages[1:]}
        own = urls.edition_prefix(dossier, self.language).rstrip("/") or None
        translated: dict[str, File] = {}
        for file in list(files):
            top, _, rest = file.src_uri.partition("/")
            if rest and top in folders:
                files.remove(file)
                if top == own:
                    translated[rest] = file
        self.untranslated = set()
        if own is None:
            return
        for file in list(files.documentation_pages()):
            found = translated.pop(file.src_uri, None)
            if found is None:
                self.untranslated.add(file.src_uri)
                continue
            files.remove(file)
            files.append(_moved(config, found, file.src_uri, file.inclusion))
        for rest, found in translated.items():  # a translated page with no original
            files.append(_moved(config, found, rest, InclusionLevel.UNDEFINED))

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.catalog is not None
        self._edition_docs(files, config)
        home = files.get_file_from_path(urls.HOME)
        intro = home.content_string if home is not None else ""
        renderer = self.preview.pages.render if self.preview else parallel.render_in_parallel
        site = build_site(
            self.catalog,
            self.template_dirs,
            intro,
            doc_pages=[f.src_uri for f in files.documentation_pages()],
            renderer=renderer,
            language=self.language,
        )
        # Only the heads outlive this hook; as text they take a fraction of their objects.
        self.head = {
            path: [json_for_html(block) for block in blocks] for path, blocks in site.head.items()
        }
        docs_dir = Path(config.docs_dir).resolve()

        @functools.cache
        def edit_folder(folder: Path) -> str:  # once a folder, not once a page
            return Path(os.path.relpath(folder.resolve(), docs_dir)).as_posix()

        if self._dirty:
            assert self.preview is not None
            self.preview.start()
        for path, page in site.pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                # A hand-written page the dossier completes (the home page): keep its edit link.
                existing.content_string = page.markdown
                continue
            inclusion = InclusionLevel.UNDEFINED if page.listed else InclusionLevel.NOT_IN_NAV
            file = _GeneratedPage.generated(
                config, path, content=page.markdown, inclusion=inclusion
            )
            assert isinstance(file, _GeneratedPage)  # File.generated makes an instance of cls
            if self._dirty:  # the page's HTML is its Markdown and its JSON-LD
                assert self.preview is not None
                file.unchanged = self.preview.unchanged(path, page.markdown, self.head.get(path))
            if page.source is not None:
                file.edit_uri = f"{edit_folder(page.source.parent)}/{page.source.name}"
            files.append(file)
        for path, content in site.files.items():
            files.append(File.generated(config, path, content=content))
        if self.preview is None:
            # A one-shot build needs the records no more (the other editions' builds keep
            # their own reference), and the pages' HTML can use the memory.
            self.catalog = None
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

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        if self.preview is not None:
            env.bytecode_cache = self.preview.theme_code
        return env

    # MkDocs keeps every page's Markdown, HTML and source until the build ends (mkdocs#1960),
    # which at 10,000 claims is most of a build's memory. A one-shot build lets go of each as
    # soon as nothing reads it again; a preview keeps them for its rebuilds.
    @event_priority(-100)  # after every other plugin has seen the page's HTML
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.preview is None and isinstance(page.file, _GeneratedPage):
            page.markdown = ""  # not None: a page whose Markdown is None has no title
            page.file.content_string = ""
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
        return html

    def _alternates(self, page: Page) -> list[Alternate]:
        """The page in each of the dossier's languages, itself included."""
        dossier = self.dossier
        if dossier is None or len(dossier.languages) < 2:
            return []
        here = urls.edition_prefix(dossier, self.language) + page.url
        alternates = []
        for language in dossier.languages:
            there = urls.edition_prefix(dossier, language) + page.url
            alternates.append(
                Alternate(
                    language,
                    urls.relative_address(there, here),
                    urls.site_url(dossier.base_url, there),
                    original=language == dossier.language,
                )
            )
        return alternates

    @event_priority(-100)  # the page as written, after every other plugin
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        feed_title = f"{config.site_name}: new and updated claims"
        alternates = self._alternates(page)
        block = head_block(
            normalize_url(urls.ATOM_FEED, page=page),
            feed_title,
            self.head.get(page.file.src_uri, []),
            _share(page, config),
            # Deeper pages' alternates are in the sitemap (publishing/sitemap.py says why).
            alternates if page.is_homepage else [],
        )
        output = fix_theme_markup(insert_head(output, block))
        if alternates:
            output = set_html_lang(output, self.language)
            output = insert_in_article(output, language_switcher(alternates, self.language))
        if self.auditor is not None:
            self.auditor.add(page.file.dest_uri, output)
        if self.preview is None and isinstance(page.file, _GeneratedPage):
            # Search and the theme read the HTML in on_page_context; anchors were listed
            # while rendering it. The title stays, so other pages' links keep their text.
            page.content = ""
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
        block = head_block(feed, f"{config.site_name}: new and updated claims", [], share)
        return fix_theme_markup(insert_head(output_content, block))

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # Defence in depth: fail the build if any page holds active content from data.
        # A dirty rebuild audits the pages it wrote (and the theme's 404 page, written every
        # time); the others were audited when they were written. A full build audits all:
        # its pages as they were written, any other HTML file from disk.
        if self.auditor is not None:
            auditor, self.auditor = self.auditor, None
            problems = auditor.finish(config.site_dir)
        elif self.config.audit and self.preview is not None:
            problems = audit_site(config.site_dir, self.preview.written | {"404.html"})
        else:
            problems = []
        if problems:
            raise PluginError(
                "The built site failed the HTML audit (active content that may"
                " have come from data):\n" + "\n".join(problems)
            )
        if self._dirty:
            assert self.preview is not None
            self.preview.merge_search_index(Path(config.site_dir) / "search" / "search_index.json")
        if self.editions_catalog is not None:
            catalog, self.editions_catalog = self.editions_catalog, None
            for language in catalog.dossier.model.other_languages:
                self._build_edition(catalog, language, config)

    def _build_edition(self, catalog: Catalog, language: str, config: MkDocsConfig) -> None:
        """Build the edition in `language` into its folder of the site: the same settings,
        read again from mkdocs.yml (so every plugin starts afresh), with this language."""
        from mkdocs.commands.build import build  # only here: the build command's module

        folder = urls.edition_prefix(catalog.dossier.model, language).rstrip("/")
        edition_config = load_config(
            config.config_file_path,
            site_dir=os.path.join(config.site_dir, folder),
            strict=config.strict,
        )
        plugin = next(
            (p for p in edition_config.plugins.values() if isinstance(p, DossierPlugin)), None
        )
        if plugin is None:  # pragma: no cover -- the file that enabled this plugin
            raise PluginError("the dossier plugin is missing from the edition's settings")
        plugin.edition = language
        plugin.given_catalog = catalog
        log.info("Building the %s edition into %s/", language, folder)
        build(edition_config)

    def on_build_error(self, *, error: Exception) -> None:
        if self.auditor is not None:
            self.auditor.close()
            self.auditor = None

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
        return server
