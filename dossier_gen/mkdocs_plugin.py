"""The MkDocs plugin: a thin adapter that adds the dossier's pages to a MkDocs build.

Enable it in `mkdocs.yml` with `plugins: [search, dossier]`. It is the only module of the
package that imports MkDocs; everything it publishes comes from the engine-neutral core.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from .audit import audit_site
from .escape import json_for_html, plain_title
from .exports import ATOM_FEED
from .load import Catalog, display, load_catalog
from .problems import DataError
from .render import RenderedSite, render_site
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


class DossierPlugin(BasePlugin[DossierConfig]):
    catalog: Catalog | None = None
    rendered: RenderedSite | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps one plugin instance across `mkdocs serve` rebuilds.
        pass

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.catalog = load_catalog(self.config.data_dir)
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
        rendered = render_site(self.catalog, self.config.templates, intro,
                               doc_pages=[f.src_uri for f in files.documentation_pages()])
        self.rendered = rendered
        docs_dir = Path(config.docs_dir)
        for path, page in rendered.pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                # A hand-written page the dossier completes (the home page): keep its edit link.
                existing.content_string = page.markdown
                continue
            inclusion = InclusionLevel.UNDEFINED if page.listed else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, path, content=page.markdown, inclusion=inclusion)
            if page.source is not None:
                file.edit_uri = Path(os.path.relpath(page.source.resolve(),
                                                     docs_dir.resolve())).as_posix()
            files.append(file)
        for path, content in rendered.files.items():
            files.append(File.generated(config, path, content=content))
        return files

    def on_page_context(self, context: TemplateContext, /, *, page: Page,
                        config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        # Read by overrides/partials/dossier-head.html.
        assert self.rendered is not None
        blocks = self.rendered.head.get(page.file.src_uri, [])
        context["dossier_jsonld"] = [json_for_html(block) for block in blocks]
        context["dossier_feed"] = ATOM_FEED
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # Defence in depth: fail the build if any page holds active content from data.
        problems = audit_site(config.site_dir)
        if problems:
            raise PluginError("The built site failed the HTML audit (active content that may"
                              " have come from data):\n" + "\n".join(problems))

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: object) -> LiveReloadServer:
        server.watch(self.config.data_dir)
        for folder in self.config.templates:
            server.watch(folder)
        return server
