"""Render a validated catalog through Jinja templates into Markdown pages.

The result is a plain mapping of page paths to Markdown, with no tie to any site engine:
`dossier render --out DIR` writes it to disk, and the MkDocs plugin hands it to MkDocs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import jinja2.compiler
from markupsafe import Markup

from . import escape, exports, links
from .charts import rating_chart
from .claimreview import all_claim_reviews, claim_url, publisher_jsonld
from .dates import format_date
from .indexes import build_indexes
from .load import Catalog
from .sharing import claim_description, entity_description, robots_txt, with_front_matter
from .timeline import claim_timeline, site_timeline


@dataclass(frozen=True)
class Page:
    markdown: str
    source: Path | None
    """The file an editor changes to change this page; the page's edit link points at it."""
    listed: bool
    """Whether the page belongs in the sidebar navigation (detail pages do not)."""


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


PageRenderer = Callable[[jinja2.Environment, Mapping[str, Any], list[PageJob]], list[str]]
"""Renders jobs to Markdown in order: serially here, or in parallel or from a cache."""


def render_page(env: jinja2.Environment, shared: Mapping[str, Any], job: PageJob) -> str:
    page_links = links.PageLinks(shared, job.path).template_variables()
    return env.get_template(job.template).render(shared, page_path=job.path, **page_links,
                                                 **job.extra)


def render_serially(env: jinja2.Environment, shared: Mapping[str, Any],
                    jobs: list[PageJob]) -> list[str]:
    return [render_page(env, shared, job) for job in jobs]


@dataclass(frozen=True)
class RenderedSite:
    pages: dict[str, Page]
    """Page path such as `claims/x.md` → its page, sorted by path."""
    files: dict[str, bytes] = field(default_factory=dict)
    """Data-file path such as `data/claims.csv` → its content (the open-data exports)."""
    head: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Page path → the JSON-LD objects its HTML head carries (ClaimReview, Organization)."""


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


def make_environment(template_dirs: Sequence[Path | str]) -> jinja2.Environment:
    """A Jinja environment over `template_dirs`, searched in order (a site's own first).

    `finalize` escapes every printed value as Markdown text unless a filter marked it safe,
    so a template that forgets a filter shows text literally rather than as markup.
    Autoescape is on only so that macros return `Markup`; `finalize` has already turned
    every value into `Markup` by the time Jinja's HTML escaping would apply. The pieces
    every page repeats (links, badges, dates, claim tables) are Python globals from
    `links`, which print through `finalize` too.
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=escape.finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.code_generator_class = _CodeGenerator
    env.filters.update(
        title_text=escape.title_text,
        prose=escape.prose,
        date=format_date,
        json_for_html=lambda v: Markup(escape.json_for_html(v)),
        slug=links.slug,
    )
    env.globals.update(links.GLOBALS)
    env.globals.update(external_link=escape.external_link, heading_id=_heading_id,
                       rating_chart=rating_chart, claim_url=claim_url)
    return env


@functools.lru_cache(maxsize=8)
def _environment(template_dirs: tuple[str, ...]) -> jinja2.Environment:
    # One environment per template path, so `mkdocs serve` rebuilds reuse compiled templates;
    # Jinja's auto_reload still recompiles a template whose file changed.
    return make_environment(template_dirs)


def _heading_id(slug: str) -> Markup:
    """An explicit heading anchor (`attr_list`), so links survive a change of label."""
    return Markup("{#" + slug + "}")


def render_site(
    catalog: Catalog, template_dirs: Sequence[Path | str], intro: str = "",
    doc_pages: Iterable[str] = (),
    renderer: PageRenderer = render_serially,
) -> RenderedSite:
    """Render every page. `intro` is the hand-written Markdown of the home page;
    `doc_pages` are the paths of the hand-written pages (`methodology.md`), which the
    publisher's JSON-LD links to when they exist. `renderer` turns the list of pages into
    Markdown; any renderer gives the same pages."""
    env = _environment(tuple(str(Path(d).resolve()) for d in template_dirs))
    indexes = build_indexes(catalog)
    dossier = catalog.dossier.model
    shared = {
        "dossier": dossier,
        "ratings": {r.id: r for r in dossier.ratings},
        "claims": {cid: rec.model for cid, rec in catalog.claims.items()},
        "entities": {eid: rec.model for eid, rec in catalog.entities.items()},
        "sources": {sid: rec.model for sid, rec in catalog.sources.items()},
        "indexes": indexes,
        "site_events": site_timeline(catalog),
    }
    jobs: list[PageJob] = []

    def add(path: str, template: str, edit: Path | None, listed: bool,
            meta: dict[str, str] | None = None, **extra: Any) -> None:
        jobs.append(PageJob(path, template, edit, listed, extra, meta or {}))

    add("index.md", "home.md.j2", None, True, intro=Markup(intro))
    add("ratings.md", "ratings.md.j2", catalog.dossier.path, True)
    add("corrections.md", "corrections.md.j2", None, True)
    add("claims/index.md", "claims_index.md.j2", None, True)
    add("entities/index.md", "entities_index.md.j2", None, True)
    add("sources/index.md", "sources_index.md.j2", None, True)
    add("claims/by-claimant.md", "claims_by_claimant.md.j2", None, True)
    add("timeline.md", "timeline.md.j2", None, True)
    add("tags.md", "tags.md.j2", None, True)
    add("open-data.md", "open_data.md.j2", None, True, files={
        "feed": exports.FEED_JSON, "csv": exports.CLAIMS_CSV, "atom": exports.ATOM_FEED,
        "claimreview_schema": exports.CLAIMREVIEW_SCHEMA_FILE,
        "claim_schema": exports.SCHEMA_DIR + "claim.schema.json",
        "entity_schema": exports.SCHEMA_DIR + "entity.schema.json",
        "source_schema": exports.SCHEMA_DIR + "source.schema.json",
        "dossier_schema": exports.SCHEMA_DIR + "dossier.schema.json",
    })
    for cid, rec in catalog.claims.items():
        add(f"claims/{cid}.md", "claim.md.j2", rec.path, False,
            {"description": claim_description(rec.model, dossier.rating(rec.model.rating))},
            claim_id=cid, claim=rec.model, events=claim_timeline(catalog, cid))
    for eid, rec in catalog.entities.items():
        add(f"entities/{eid}.md", "entity.md.j2", rec.path, False,
            {"description": entity_description(rec.model)}, entity_id=eid, entity=rec.model)
    for sid, rec in catalog.sources.items():
        add(f"sources/{sid}.md", "source.md.j2", rec.path, False, source_id=sid,
            source=rec.model)
    for template in sorted({job.template for job in jobs}):
        # Compiled here, before any fork: workers inherit them instead of each compiling its
        # own, and the parent has them for the next `serve` rebuild, which renders in-process.
        env.get_template(template)
    markdowns: list[str | None] = list(renderer(env, shared, jobs))
    if len(markdowns) != len(jobs):
        raise RuntimeError(f"the renderer gave {len(markdowns)} pages for {len(jobs)}")
    pages: dict[str, Page] = {}
    for n, job in enumerate(jobs):
        # Each page's Markdown without front matter is let go as soon as the page has it:
        # holding both copies of every page was a peak of hundreds of MiB at 10,000 claims.
        markdown, markdowns[n] = markdowns[n], None
        pages[job.path] = Page(with_front_matter(str(markdown), job.meta), job.source,
                               job.listed)
    del markdowns
    reviews = all_claim_reviews(catalog)  # for the feed and the pages' heads: built once
    files = exports.build_exports(catalog, reviews)
    files["robots.txt"] = robots_txt(dossier.base_url).encode("utf-8")
    head = {f"claims/{cid}.md": [reviews[cid]] for cid in catalog.claims}
    head["index.md"] = [publisher_jsonld(dossier, set(pages) | set(doc_pages))]
    return RenderedSite(dict(sorted(pages.items())), files, dict(sorted(head.items())))
