"""The MkDocs face's editions: a dossier in several languages, one MkDocs build each.

The theme's own interface (its `language` setting) is chosen once per build, so the first
language's build builds each other edition into its folder of the site, from the same
`mkdocs.yml` with the edition's language, address, navigation titles and hand-written pages
(`docs/zh/`). Used only by `mkdocs_plugin.py`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config import defaults, load_config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from .loading.catalog import Catalog
from .publishing.theme import Alternate
from .records.models import Dossier
from .rendering import urls
from .rendering.i18n import N_

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = get_plugin_logger(__name__)


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


def moved(config: MkDocsConfig, file: File, src_uri: str, inclusion: InclusionLevel) -> File:
    """`file` (such as `docs/zh/about.md`) as the page at `src_uri` (`about.md`) of its
    edition, with its edit link still pointing at it."""
    if file.abs_src_path is not None:
        moved = File.generated(config, src_uri, abs_src_path=file.abs_src_path, inclusion=inclusion)
    else:
        moved = File.generated(config, src_uri, content=file.content_bytes, inclusion=inclusion)
    moved.edit_uri = file.src_uri
    return moved


def edition_docs(files: Files, config: MkDocsConfig, dossier: Dossier, language: str) -> set[str]:
    """Each edition's hand-written pages: `docs/zh/about.md` is the `zh` edition's
    `about.md`; a page with no translation stays in the original language (and says so:
    its path is returned); the other editions' folders are left out."""
    folders = {urls.edition_folder(lang, dossier.languages) for lang in dossier.languages[1:]}
    own = urls.edition_prefix(dossier, language).rstrip("/") or None
    translated: dict[str, File] = {}
    for file in list(files):
        top, _, rest = file.src_uri.partition("/")
        if rest and top in folders:
            files.remove(file)
            if top == own:
                translated[rest] = file
    untranslated: set[str] = set()
    if own is None:
        return untranslated
    for file in list(files.documentation_pages()):
        found = translated.pop(file.src_uri, None)
        if found is None:
            untranslated.add(file.src_uri)
            continue
        files.remove(file)
        files.append(moved(config, found, file.src_uri, file.inclusion))
    for rest, found in translated.items():  # a translated page with no original
        files.append(moved(config, found, rest, InclusionLevel.UNDEFINED))
    return untranslated


def alternates(dossier: Dossier | None, language: str, page_url: str) -> list[Alternate]:
    """The page at `page_url` in each of the dossier's languages, itself included (none
    for a dossier in one language)."""
    if dossier is None or len(dossier.languages) < 2:
        return []
    here = urls.edition_prefix(dossier, language) + page_url
    found = []
    for other in dossier.languages:
        there = urls.edition_prefix(dossier, other) + page_url
        found.append(
            Alternate(
                other,
                urls.relative_address(there, here),
                urls.site_url(dossier.base_url, there),
                original=other == dossier.language,
            )
        )
    return found


def build_edition(
    catalog: Catalog,
    language: str,
    config: MkDocsConfig,
    plugin_class: type[Any],
    kept_plugins: dict[str, Any] | None = None,
    prepare: Callable[[Any], None] | None = None,
    dirty: bool = False,
) -> None:
    """Build the edition in `language` into its folder of the site: the same settings,
    read again from mkdocs.yml, with this language.

    Every plugin starts afresh, unless `kept_plugins` holds the edition's plugins from its
    last build (a preview keeps them, so that a rebuild makes only what changed); it is
    updated with those this build used. `prepare` is given the edition's dossier plugin
    before the build; `dirty` rebuilds only the pages that changed, as a preview's first
    edition is."""
    from mkdocs.commands.build import build  # only here: the build command's module

    folder = urls.edition_prefix(catalog.dossier.model, language).rstrip("/")
    # MkDocs hands every later configuration of the process the very instance of a plugin
    # that has `on_startup` (so that `serve` keeps it across rebuilds). The edition would
    # get the first edition's dossier plugin, and its language and records would stay on
    # it: a preview's next rebuild built the first edition in this language from the
    # records of the build before, so an edit never showed. The edition gets plugins of its
    # own; the first edition's are put back for its next rebuild.
    cache: dict[str, Any] = getattr(defaults.MkDocsConfig.plugins, "plugin_cache", {})
    kept = dict(cache)
    cache.clear()
    cache.update(kept_plugins or {})
    try:
        edition_config = load_config(
            config.config_file_path,
            site_dir=os.path.join(config.site_dir, folder),
            strict=config.strict,
        )
    finally:
        if kept_plugins is not None:
            kept_plugins.clear()
            kept_plugins.update(cache)
        cache.clear()
        cache.update(kept)
    plugin = next((p for p in edition_config.plugins.values() if isinstance(p, plugin_class)), None)
    if plugin is None:  # pragma: no cover -- the file that enabled this plugin
        raise PluginError("the dossier plugin is missing from the edition's settings")
    plugin.edition = language
    plugin.given_catalog = catalog
    if prepare is not None:
        prepare(plugin)
    log.info("Building the %s edition into %s/", language, folder)
    build(edition_config, dirty=dirty)
