"""Render a validated catalog through Jinja templates into Markdown pages.

The result is a plain mapping of page paths to Markdown, with no tie to any site engine;
`publishing.site.build_site` adds the data files and JSON-LD a site publishes beside them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import jinja2.compiler
import jinja2.ext
from jinja2 import nodes
from markupsafe import Markup

from ..loading.catalog import Catalog, EachClaim, each_claim
from ..records.kinds import DOSSIER_SCHEMA_FILE, KINDS
from ..records.ratings import RatingScale
from ..records.readiness import is_preview
from . import escape, fragments, urls, wording
from .charts import NONE_YET as charts_none_yet
from .charts import rating_chart
from .dates import format_date
from .i18n import SOURCE_LANGUAGE, gettext_for, translations
from .indexes import build_indexes
from .localize import (
    Edition,
    localized,
    localized_events,
    notice,
    record_status,
    with_notice,
)
from .sharing import (
    claim_description,
    entity_description,
    report_route,
    share_targets,
    with_front_matter,
)
from .textfile import Shelved
from .timeline import claim_timeline, site_timeline


@dataclass(frozen=True)
class Page:
    markdown: str
    source: Path | None
    """The file an editor changes to change this page; the page's edit link points at it."""
    listed: bool
    """Whether the page belongs in the sidebar navigation (detail pages do not)."""
    file: Shelved | None = None
    """Where the renderer shelved the Markdown (front matter included) instead of handing it
    over; `markdown` is then empty. A large build's pages do not all fit in memory at once."""

    def read(self) -> str:
        """The page's Markdown, with its front matter."""
        return self.markdown if self.file is None else self.file.read()


@dataclass(frozen=True)
class PageJob:
    """One page to render: which template, with what beyond the shared context."""

    path: str
    template: str
    source: Path | None
    listed: bool
    extra: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)
    """Front matter added after rendering (a page's description)."""
    notice: str = ""
    """Markdown put below the page's title after rendering: that it is not yet translated."""

    def finish(self, markdown: str) -> str:
        """The page's rendered Markdown as published: with its notice and front matter."""
        note_after_top = self.template == "claim.md.j2"
        return with_front_matter(with_notice(markdown, self.notice, note_after_top), self.meta)


PageRenderer = Callable[
    [jinja2.Environment, Mapping[str, Any], list[PageJob]], Sequence[str] | Sequence[Shelved]
]
"""Renders jobs to Markdown in order: serially here, or in parallel or from a cache. A
renderer may instead shelve each page (`PageJob.finish` applied) in a scratch file and give
where each is."""


def render_page(env: jinja2.Environment, shared: Mapping[str, Any], job: PageJob) -> str:
    page_links = fragments.PageLinks(shared, job.path).template_variables()
    return env.get_template(job.template).render(
        shared, page_path=job.path, **page_links, **job.extra
    )


def render_serially(
    env: jinja2.Environment, shared: Mapping[str, Any], jobs: list[PageJob]
) -> list[str]:
    return [render_page(env, shared, job) for job in jobs]


class _CodeGenerator(jinja2.compiler.CodeGenerator):
    """Compiles `{{ value }}` to `str(finalize(value))` instead of `escape(finalize(value))`.

    `escape.finalize` returns `Markup` or raises, so Jinja's HTML escaping after it never
    changes a character; it only copied every printed value into a new `Markup` (a tenth
    of rendering). Macro bodies still return `Markup`, as autoescape decides that. Should a
    later Jinja rename this hook, the override is simply not called: output stays the same.
    """

    def _output_child_pre(self, node: Any, frame: Any, finalize: Any) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src:
            self.write("str(" + finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)


class _Translate(jinja2.ext.InternationalizationExtension):
    """Jinja's `{% trans %}`, with every variable escaped as Markdown text exactly as
    `{{ value }}` is: the catalog's text is trusted Markdown, record text never becomes
    markup. (Jinja's own would only escape variables for HTML.) Templates use the old-style
    `gettext`, so a translation is formatted once, here, with escaped values."""

    def _make_node(
        self,
        singular: str,
        plural: str | None,
        context: str | None,
        variables: dict[str, nodes.Expr],
        plural_expr: nodes.Expr | None,
        vars_referenced: bool,
        num_called_num: bool,
    ) -> nodes.Output:
        escaped: dict[str, nodes.Expr] = {
            name: nodes.Filter(value, "md", [], [], None, None) for name, value in variables.items()
        }
        return super()._make_node(
            singular, plural, context, escaped, plural_expr, vars_referenced, num_called_num
        )


DEFAULT_TEMPLATES = Path(__file__).parent / "templates"
"""The page templates that ship with the package; a site's own folders are searched first,
so a site overrides a template by giving its own file of the same name."""


SITE_TEMPLATES = "templates"
"""The folder of a site's own templates, beside its configuration, used when none is named."""


def site_template_dirs(project: Path, configured: Sequence[Path | str]) -> list[Path]:
    """A site's own template folders: those configured, else `templates/` in `project` when
    it exists, else none (the package's templates alone)."""
    if configured:
        return [Path(d) for d in configured]
    default = project / SITE_TEMPLATES
    return [default] if default.is_dir() else []


def make_environment(
    template_dirs: Sequence[Path | str] = (), language: str = SOURCE_LANGUAGE
) -> jinja2.Environment:
    """A Jinja environment over `template_dirs` (a site's own, searched in order), then the
    package's default templates, with the interface in `language`: `{% trans %}` and `_()`
    read its catalog (`i18n`), and the `date` filter writes dates as it does.

    `finalize` escapes every printed value as Markdown text unless a filter marked it safe,
    so a template that forgets a filter shows text literally rather than as markup.
    Autoescape is on only so that macros return `Markup`; `finalize` has already turned
    every value into `Markup` by the time Jinja's HTML escaping would apply. The pieces
    every page repeats (links, badges, dates, claim tables) are Python globals from
    `fragments`, which print through `finalize` too.
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in (*template_dirs, DEFAULT_TEMPLATES)]),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=escape.finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=[_Translate],
    )
    env.code_generator_class = _CodeGenerator
    env.install_gettext_translations(translations(language), newstyle=False)  # type: ignore[attr-defined]
    # A field of another edition shown in the original language for want of a translation.
    env.tests["untranslated"] = lambda value: (
        isinstance(value, escape.Foreign) and value.lang is not None and not value.translation
    )
    env.filters.update(
        title_text=escape.title_text,
        prose=escape.prose,
        md=escape.finalize,
        date=functools.partial(format_date, language=language),
        json_for_html=lambda v: Markup(escape.json_for_html(v)),
        slug=fragments.slug,
        attr=escape.attr,
    )
    env.globals.update(fragments.GLOBALS)
    env.globals.update(
        external_link=escape.external_link,
        heading_id=_heading_id,
        rating_chart=functools.partial(rating_chart, empty=gettext_for(language)(charts_none_yet)),
        claim_url=functools.partial(urls.claim_url, language=language),
        rating_icon=RatingScale.icon,
        finding=wording.finding,
        more_findings=wording.more_findings,
        reader_locator=wording.reader_locator,
        source_kind=wording.source_kind,
        language_name=wording.language_name,
        tag_label=wording.tag_label,
        entity_kinds=wording.ENTITY_KINDS,
        share_targets=functools.partial(share_targets, gettext=gettext_for(language)),
        report_route=functools.partial(report_route, gettext=gettext_for(language)),
    )
    return env


@functools.lru_cache(maxsize=8)
def _environment(template_dirs: tuple[str, ...], language: str) -> jinja2.Environment:
    # One environment per template path and language, so `mkdocs serve` rebuilds reuse
    # compiled templates; Jinja's auto_reload still recompiles a template whose file changed.
    return make_environment(template_dirs, language)


def _heading_id(slug: str) -> Markup:
    """An explicit heading anchor (`attr_list`), so links survive a change of label."""
    return Markup("{#" + slug + "}")


def render_pages(
    catalog: Catalog,
    template_dirs: Sequence[Path | str] = (),
    intro: str = "",
    renderer: PageRenderer = render_serially,
    share_links: bool = True,
    language: str | None = None,
    each: EachClaim = each_claim,
) -> dict[str, Page]:
    """Every generated page of one edition by page path, sorted. `template_dirs` are a
    site's own template folders, searched before the package's. `intro` is the hand-written
    Markdown of the home page. `renderer` turns the list of pages into Markdown; any
    renderer gives the same pages. `share_links` puts links to share each claim (e-mail and
    social networks, as plain links) on its page. `language` is the edition's (by default
    the dossier's first): page paths are the same in every edition, and
    `urls.edition_prefix` places them on the site. `each` makes what each claim needs."""
    dossier_model = catalog.dossier.model
    edition = Edition(language or dossier_model.language, dossier_model.language)
    env = _environment(tuple(str(Path(d).resolve()) for d in template_dirs), edition.language)
    escape.mark_han_runs(edition.language)
    views = localized(catalog, edition)
    dossier = views.dossier
    ratings = {rating.id: rating for rating in dossier.ratings}
    shared = {
        "dossier": dossier,
        "language": edition.language,
        "ratings": ratings,
        "ROLE_LABELS": fragments.role_labels(edition.language),
        # What each kind of update is called, in the edition's language.
        "UPDATE_KINDS": {k: edition.gettext(v) for k, v in fragments.UPDATE_KINDS.items()},
        "claims": views.claims,
        "entities": views.entities,
        "sources": views.sources,
        "indexes": build_indexes(catalog),
        "site_events": localized_events(site_timeline(catalog), views, edition),
        "preview": is_preview(dossier_model),
        "share_links": share_links,
    }
    jobs: list[PageJob] = []
    _ = edition.gettext

    def add(
        path: str,
        template: str,
        edit: Path | None,
        listed: bool,
        meta: dict[str, str] | None = None,
        note: str = "",
        **extra: Any,
    ) -> None:
        jobs.append(PageJob(path, template, edit, listed, extra, meta or {}, note))

    add(urls.HOME, "home.md.j2", None, True, intro=Markup(intro))
    add(urls.RATINGS, "ratings.md.j2", catalog.dossier.path, True)
    add(urls.CORRECTIONS, "corrections.md.j2", None, True)
    add(urls.CLAIMS_INDEX, "claims_index.md.j2", None, True)
    add(urls.ENTITIES_INDEX, "entities_index.md.j2", None, True)
    add(urls.SOURCES_INDEX, "sources_index.md.j2", None, True)
    add(urls.CLAIMS_BY_CLAIMANT, "claims_by_claimant.md.j2", None, True)
    add(urls.TIMELINE, "timeline.md.j2", None, True)
    add(urls.TAGS, "tags.md.j2", None, True)
    add(
        urls.OPEN_DATA,
        "open_data.md.j2",
        None,
        True,
        files={
            "feed": urls.FEED_JSON,
            "csv": urls.CLAIMS_CSV,
            "atom": urls.ATOM_FEED,
            "claimreview_schema": urls.CLAIMREVIEW_SCHEMA_FILE,
            **{f"{kind.name}_schema": urls.SCHEMA_DIR + kind.schema_file for kind in KINDS},
            "dossier_schema": urls.SCHEMA_DIR + DOSSIER_SCHEMA_FILE,
        },
    )
    timelines = each(claim_timeline, catalog)
    for cid, rec in catalog.claims.items():
        claim = views.claims[cid]
        add(
            urls.claim_page(cid),
            "claim.md.j2",
            rec.path,
            False,
            {"description": claim_description(claim, ratings[claim.rating], _)},
            notice(edition, record_status(rec.model, edition)),
            claim_id=cid,
            claim=claim,
            events=localized_events(timelines[cid], views, edition),
        )
    for eid, profile in catalog.entities.items():
        entity = views.entities[eid]
        add(
            urls.entity_page(eid),
            "entity.md.j2",
            profile.path,
            False,
            {"description": entity_description(entity)},
            notice(edition, record_status(profile.model, edition)),
            entity_id=eid,
            entity=entity,
        )
    for sid, cited in catalog.sources.items():
        add(
            urls.source_page(sid),
            "source.md.j2",
            cited.path,
            False,
            None,
            notice(edition, record_status(cited.model, edition)),
            source_id=sid,
            source=views.sources[sid],
        )
    for template in sorted({job.template for job in jobs}):
        # Compiled here, before any fork: workers inherit them instead of each compiling its
        # own, and the parent has them for the next `serve` rebuild, which renders in-process.
        env.get_template(template)
    markdowns: list[str | Shelved | None] = list(renderer(env, shared, jobs))
    if len(markdowns) != len(jobs):
        raise RuntimeError(f"the renderer gave {len(markdowns)} pages for {len(jobs)}")
    pages: dict[str, Page] = {}
    for n, job in enumerate(jobs):
        # Each page's Markdown without front matter is let go as soon as the page has it:
        # holding both copies of every page was a peak of hundreds of MiB at 10,000 claims.
        markdown, markdowns[n] = markdowns[n], None
        if job.path in pages:  # page_path_problems refuses the records that would do this
            raise RuntimeError(f"two pages were rendered to {job.path}")
        if isinstance(markdown, Shelved):
            pages[job.path] = Page("", job.source, job.listed, markdown)
        else:
            pages[job.path] = Page(job.finish(str(markdown)), job.source, job.listed)
    return dict(sorted(pages.items()))
