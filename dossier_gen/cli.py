"""The `dossier` command: validate records, render pages, build and preview the site.

With `mkdocs_plugin.py`, one of the package's two faces: a thin click layer over the core.
Exit status: 0 on success, 1 when the data has problems (or the site build fails), 2 on
wrong usage. Every failure leaves through one path: a `DataError` from the core, or a
`Failed` raised here, is printed as it is worded and ends the command with status 1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import click

from .loading.catalog import Catalog
from .loading.load import load_catalog
from .problems import DataError, Problem, display
from .records.kinds import BY_NAME

EXIT_PROBLEMS = 1


class Failed(click.ClickException):
    """Ends a command with status 1 and `message` exactly as worded (no "Error:" prefix):
    problems are already written for the editor who has to fix them."""

    exit_code = EXIT_PROBLEMS

    def __init__(self, message: str, *, to_stderr: bool = True) -> None:
        super().__init__(message)
        self.to_stderr = to_stderr

    def show(self, file: Any = None) -> None:
        click.echo(self.message, err=self.to_stderr)


class _Commands(click.Group):
    """The command group: a `DataError` from any command is printed and exits 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DataError as error:
            raise Failed(str(error)) from None


data_option = click.option(
    "--data",
    "data_dir",
    default="data",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder holding dossier.yml and the claims/, entities/ and sources/ records.",
)
templates_option = click.option(
    "--templates",
    "template_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A folder of the site's own page templates, searched before the templates that ship"
    " with dossier-gen; repeat for several.  [default: templates/ when it exists]",
)
docs_option = click.option(
    "--docs",
    "docs_dir",
    default="docs",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of hand-written pages; its index.md opens the home page.",
)
config_option = click.option(
    "--config",
    "config_file",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="MkDocs configuration file.",
)

# Material 9.7+ prints a notice about MkDocs 2 on every run; it is noise in a build log.
_QUIET_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def _load(data_dir: Path) -> Catalog:
    """Every record, read on every core; a `DataError` lists every problem."""
    from .speed.parallel import read_many

    return load_catalog(data_dir, read_many=read_many)


def _mkdocs(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dossier-gen")
def cli() -> None:
    """Validate, render and publish a fact-check dossier kept as YAML records."""


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "github", "json"]),
    default="text",
    show_default=True,
    help="text: PATH:LINE:COL: message lines; github: workflow annotations on the pull"
    " request's lines; json: one object for tools.",
)


@cli.command()
@data_option
@format_option
@click.option(
    "--publication",
    is_flag=True,
    help="Also check the dossier is ready to publish: the publisher's name, contact and"
    " funding in dossier.yml are real (no placeholder or example.org address), the docs"
    " folder has methodology.md and a page with a 'Corrections policy' heading, and no page"
    " still says 'placeholder'. For the deployment, not for pull requests.",
)
@click.option(
    "--docs",
    "docs_dir",
    default="docs",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of hand-written pages that --publication reads.",
)
def validate(data_dir: Path, fmt: str, publication: bool, docs_dir: Path) -> None:
    """Check every record and report every problem as PATH:LINE:COL: message.

    In a dossier of several languages (`languages` in dossier.yml), also report for each
    other language how many records and hand-written pages (DOCS/FOLDER/) are translated,
    which are not, and warn about translations whose original changed since (these
    warnings do not fail the command).

    With --publication, also check what the IFCN's principles ask a publisher to show before
    the dossier is published (see that option).
    """
    from .loading.translations import out_of_date
    from .problems import github_annotation, render_problems
    from .publishing.editions import hand_written, interface_problems, translation_report

    catalog: Catalog | None = None
    problems: list[Problem] = []
    try:
        catalog = _load(data_dir)
    except DataError as error:
        problems += error.problems
    else:
        from .rendering.urls import page_path_problems

        problems += page_path_problems(catalog, hand_written(docs_dir), docs_dir.as_posix())
        problems += interface_problems(catalog)
    if publication:
        problems += _publication_problems(catalog, data_dir, docs_dir)
    if problems:
        summary = DataError(problems).summary()
        if publication:
            summary = summary.replace(" in the data.", ": not ready to publish.")
        # Text goes to stderr as it always has; the machine formats are the command's output.
        raise Failed(render_problems(problems, fmt, summary), to_stderr=fmt == "text")
    assert catalog is not None
    counts = {
        "claims": len(catalog.claims),
        "entities": len(catalog.entities),
        "sources": len(catalog.sources),
    }
    warnings = out_of_date(catalog)
    translations = translation_report(catalog, docs_dir)
    if fmt == "json":
        extra: dict[str, Any] = {"records": counts}
        if translations:
            extra["warnings"] = [
                {"path": w.path, "line": w.line, "col": w.col, "message": w.message}
                for w in warnings
            ]
            extra["translations"] = translations
        click.echo(render_problems([], fmt, **extra))
        return
    for warning in warnings:
        click.echo(github_annotation(warning, "warning") if fmt == "github" else str(warning))
    for language, kinds in translations.items():
        parts = [f"{k['translated']} of {k['total']} {kind}" for kind, k in kinds.items()]
        stale = sum(len(k["out_of_date"]) for k in kinds.values())
        click.echo(
            f"{language}: translated {', '.join(parts)}"
            + (f"; {stale} out of date" if stale else "")
            + "."
        )
        for kind, k in kinds.items():
            # When none is translated, the count says which: all of them.
            if k["missing"] and k["translated"]:
                click.echo(f"  {kind} not yet translated: {', '.join(k['missing'])}")
    click.echo(
        f"{data_dir}: {counts['claims']} claims, {counts['entities']} entities,"
        f" {counts['sources']} sources: no problems found."
        + (" Ready to publish." if publication else "")
    )


def _publication_problems(catalog: Catalog | None, data_dir: Path, docs_dir: Path) -> list[Problem]:
    """What stops publication; when the records have problems, the settings are still read
    on their own, so every problem is reported at once."""
    from .loading.load import read_record
    from .publishing.publication import publication_problems
    from .records.kinds import DOSSIER_FILE
    from .records.models import Dossier

    dossier = catalog.dossier if catalog is not None else None
    if dossier is None and (data_dir / DOSSIER_FILE).is_file():
        dossier, _ = read_record(data_dir / DOSSIER_FILE, Dossier)  # its problems: reported
    if dossier is None:
        return []  # the settings' own problems are already reported
    return publication_problems(dossier, docs_dir)


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
def init(folder: Path) -> None:
    """Write a new dossier repository into FOLDER, ready to build.

    FOLDER must be new or empty (a `.git` folder alone is allowed). It receives mkdocs.yml,
    pinned requirements.txt, an invented example dossier in data/, the home, methodology and
    about pages in docs/ with their placeholders marked, GitHub workflows that check pull
    requests and publish the main branch on GitHub Pages, a pre-commit configuration,
    .gitignore and a README. It passes `dossier validate` and builds at once;
    `dossier validate --publication` fails until the placeholders are replaced.
    """
    from . import __version__
    from .editing.newdossier import FolderNotEmpty, write_new_dossier
    from .problems import display

    try:
        written = write_new_dossier(folder, __version__)
    except NotADirectoryError:
        raise Failed(
            f"{display(folder)} is a file; give the path of a new or empty folder."
        ) from None
    except FolderNotEmpty as error:
        raise Failed(
            f"{display(folder)} is not empty (it holds {error}); dossier init writes only into"
            " a new or empty folder, so that nothing of yours is overwritten."
        ) from None
    shown = display(folder)
    where = "this folder" if shown == "." else f"{shown}/"
    click.echo(
        f"Wrote a new dossier to {where} ({len(written)} files): an invented example to"
        " replace with your own.\n"
        "Next:\n"
        + (f"  cd {shown}\n" if shown != "." else "")
        + "  python -m venv .venv && . .venv/bin/activate && pip install -r requirements.txt\n"
        "  dossier validate    # check the records\n"
        "  dossier build       # build the site into site/\n"
        "Before publishing, replace every placeholder (in data/dossier.yml and docs/):"
        " `dossier validate --publication` lists them."
    )


@cli.command()
@click.argument("kind", type=click.Choice(list(BY_NAME)))
@click.argument("record_id", metavar="ID")
@data_option
@click.option(
    "--schema-dir",
    default="schema",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the JSON Schema files the record's first line points editors at.",
)
def new(kind: str, record_id: str, data_dir: Path, schema_dir: Path) -> None:
    """Write a blank record of KIND (claim, entity or source) with the id ID.

    Every field is present under a comment saying what it holds. Fill in the values, then
    run `dossier validate`. An existing record is never overwritten.
    """
    from .editing.scaffold import write_new_record
    from .problems import display
    from .records.fields import is_slug

    if not is_slug(record_id):
        raise click.BadParameter(
            f"{record_id!r} is not a valid id: use lowercase letters, digits and single"
            " hyphens, such as 'guo-spies-flooding-us'",
            param_hint="ID",
        )
    try:
        path = write_new_record(kind, record_id, data_dir, schema_dir)
    except FileExistsError as error:
        raise Failed(
            f"{display(Path(str(error)))} already exists; edit it, or choose another id."
        ) from None
    click.echo(
        f"Wrote {display(path)}: fill in every field (read the comments), then run"
        " `dossier validate`."
    )


@cli.command()
@click.argument("base")
@click.argument("head", required=False)
@data_option
def diff(base: str, head: str | None, data_dir: Path) -> None:
    """Summarise in Markdown what the change from BASE to HEAD does to the claims.

    BASE and HEAD are git revisions; without HEAD, the working tree is compared. Lists
    claims added and removed, rating changes with the update explaining them, evidence added
    or removed and changed verdict summaries. Exits 1 if a rating changed without a new
    dated rating-change update, or if a record cannot be read.
    """
    from .editing.diff import diff_dossier
    from .editing.gitread import GitError

    try:
        report = diff_dossier(base, head, data_dir)
    except GitError as error:
        raise click.UsageError(str(error)) from None
    click.echo(report.markdown, nl=False)
    if report.problems:
        raise Failed("\n".join(map(str, report.problems)))


@cli.command("check-links")
@click.argument(
    "site_dir", default="site", type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option(
    "--root-path",
    default=None,
    help="Address path the site is served under, such as /dossier/ for a GitHub"
    " Pages project site; links starting with / resolve against it."
    "  [default: the path of the home page's canonical link, else /]",
)
@format_option
def check_links(site_dir: Path, root_path: str, fmt: str) -> None:
    """Check every internal link and #anchor of the site built in SITE_DIR (default: site).

    Each address without a host must lead to a file of the site, and each #fragment to an
    element with that id. External addresses are not fetched.
    """
    from .editing.linkcheck import check_site
    from .problems import render_problems

    report = check_site(site_dir, shown=site_dir.as_posix(), root_path=root_path)
    summary = (
        f"{site_dir}: {report.links} internal links in {report.pages} pages:"
        f" {len(report.problems)} broken."
    )
    if report.problems:
        raise Failed(
            render_problems(report.problems, fmt, summary, pages=report.pages, links=report.links),
            to_stderr=fmt == "text",
        )
    if fmt == "json":
        click.echo(render_problems([], fmt, pages=report.pages, links=report.links))
    else:
        click.echo(summary.replace(" 0 broken.", " none broken."))


@cli.command()
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the pages to; it is replaced whole once rendering succeeds.",
)
@data_option
@templates_option
@docs_option
def render(out_dir: Path, data_dir: Path, template_dirs: tuple[Path, ...], docs_dir: Path) -> None:
    """Write the site's Markdown pages (hand-written and generated) to a folder.

    The folder is a complete docs folder that any engine can build, such as MkDocs with
    `docs_dir` pointed at it, ProperDocs or Zensical. A dossier in several languages gets
    each other language's edition in its folder (`zh/`), with the translated hand-written
    pages of DOCS/zh/.
    """
    from .publishing.editions import build_editions
    from .publishing.write import check_docs_folder, write_pages
    from .rendering.render import site_template_dirs
    from .speed.parallel import render_in_parallel

    catalog = _load(data_dir)
    check_docs_folder(docs_dir)
    templates = site_template_dirs(Path.cwd(), template_dirs)
    sites = build_editions(catalog, templates, docs_dir, render_in_parallel)
    _, site = sites.pop("")
    write_pages(site, out_dir, docs_dir, sites)
    pages = len(site.pages) + sum(len(s.pages) for _, s in sites.values())
    files = len(site.files) + sum(len(s.files) for _, s in sites.values())
    click.echo(
        f"Wrote {pages} generated pages and {files} data files to {out_dir}/"
        + (f" ({len(sites) + 1} editions)" if sites else "")
    )


@cli.command()
@data_option
@config_option
@click.option(
    "--site-dir",
    default="site",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the built site goes; replaced only when the build succeeds.",
)
def build(data_dir: Path, config_file: Path, site_dir: Path) -> None:
    """Validate, then build the site with `mkdocs build --strict`.

    The site is built in a new folder and moved into place only if the build succeeds, so
    a failed build leaves the previous site untouched. Dates written into the site come from
    SOURCE_DATE_EPOCH, or else the last git commit, so two builds of one commit are identical.
    """
    from .publishing.write import last_commit_epoch, new_build_dir, replace_dir

    _load(data_dir)
    env = {**os.environ, **_QUIET_ENV}
    # The sitemap's dates and the gzip header carry the build time unless this is set; the
    # last commit's date makes two builds of one commit byte-identical.
    epoch = env.get("SOURCE_DATE_EPOCH") or last_commit_epoch(config_file.parent)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    staging = new_build_dir(site_dir)
    try:
        result = subprocess.run(
            _mkdocs(
                "build",
                "--strict",
                "--config-file",
                str(config_file),
                "--site-dir",
                str(staging.resolve()),
            ),
            env=env,
        )
        if result.returncode != 0:
            raise Failed(f"The build failed; {site_dir}/ was left as it was.")
        replace_dir(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    click.echo(
        f"Built the site into {site_dir}/. Open {site_dir}/index.html, or preview it"
        " with `dossier serve`."
    )


@cli.command()
@data_option
@config_option
@click.option(
    "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address and port to serve on."
)
@click.option(
    "--full-rebuilds",
    is_flag=True,
    help="Rebuild every page on each change, rather than only the pages whose"
    " Markdown changed (slower; for changes the preview does not pick up).",
)
def serve(data_dir: Path, config_file: Path, dev_addr: str, full_rebuilds: bool) -> None:
    """Preview the site, rebuilding when data/, templates/ or docs/ change.

    After the first build, a change rebuilds only the pages it affects (`mkdocs serve
    --dirty`), so a saved record shows in about a second even in a large dossier.
    """
    _load(data_dir)
    args = _mkdocs("serve", "--config-file", str(config_file), "--dev-addr", dev_addr)
    if not full_rebuilds:
        args.append("--dirty")
    # Become the server rather than wait for it: a signal that stops `dossier serve` (Ctrl-C,
    # a test's terminate()) then stops MkDocs too, instead of leaving it running.
    sys.stdout.flush()
    os.execve(args[0], args, {**os.environ, **_QUIET_ENV})


@cli.command()
@click.option(
    "--out",
    "out_dir",
    default="schema",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write one JSON Schema file per record kind into.",
)
def schema(out_dir: Path) -> None:
    """Write the JSON Schema of the records, for editors' autocompletion and checks."""
    from .records.schema import schema_texts

    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in schema_texts().items():
        (out_dir / name).write_text(text, encoding="utf-8")
        click.echo(f"Wrote {out_dir / name}")


class _ArgumentWithHelp(click.Argument):
    """click arguments take no help text; this one keeps it, for `--help` checks."""

    def __init__(self, param_decls: list[str], *, help: str, **kwargs: Any) -> None:  # noqa: A002
        super().__init__(param_decls, **kwargs)
        self.help = help


def _mapping(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for value in values:
        # A rating id never holds "=", so the last one splits: labels may hold any.
        label, sep, rating_id = value.rpartition("=")
        if not sep or not label.strip() or not rating_id.strip():
            raise click.BadParameter(
                f"{value!r} is not LABEL=RATING, such as 'Pants on Fire=false'", ctx, param
            )
        aliases[label.strip()] = rating_id.strip()
    return aliases


@cli.command("import-claimreview")
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    cls=_ArgumentWithHelp,
    type=click.Path(exists=True, path_type=Path),
    help="JSON files or HTML pages holding ClaimReview, or folders of them.",
)
@data_option
@click.option(
    "--map",
    "aliases",
    multiple=True,
    metavar="LABEL=RATING",
    callback=_mapping,
    help="Map another fact-checker's rating label to a rating id of this dossier for this"
    " run only, as rating_aliases in dossier.yml would; repeat for several labels.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Check everything and list the files that would be written; write none.",
)
def import_claimreview(
    paths: tuple[Path, ...], data_dir: Path, aliases: dict[str, str], dry_run: bool
) -> None:
    """Import other fact-checkers' ClaimReview as claim, entity and source records.

    PATHS are JSON files (a ClaimReview, a list, an @graph, a DataFeed or a Fact Check Tools
    API claims:search response) or HTML pages with JSON-LD script blocks, or folders holding
    them. Every problem is reported as PATH:LINE:COL: message, and then nothing is written.
    A review imported before (same url or @id) is left unchanged, or updated when its
    dateModified is later; an existing record is never overwritten otherwise. Rating labels
    not on the scale are mapped by --map or by rating_aliases in dossier.yml. Ends with a
    count: N new, N updated, N unchanged, N refused.
    """
    from .importing.run import BadMapping, ImportFailed, run_import

    try:
        result = run_import(paths, data_dir, dry_run=dry_run, aliases=aliases)
    except BadMapping as error:
        raise click.BadParameter(str(error), param_hint="--map") from None
    except ImportFailed as error:
        for warning in error.warnings:
            click.echo(str(warning), err=True)
        raise Failed(str(error)) from None
    for warning in result.warnings:
        click.echo(str(warning), err=True)
    written = [(path, "new") for path in result.created]
    written += [(path, "updated") for path in result.updated]
    if written:
        files = f"{len(written)} file{'s' if len(written) != 1 else ''}"
        click.echo(f"{'Would write' if dry_run else 'Wrote'} {files}:")
        for path, how in written:
            click.echo(f"  {display(path)} ({how})")
    for outcome in result.outcomes:
        if outcome.status == "unchanged":
            click.echo(outcome.found.problem(outcome.note))
    click.echo(f"{result.summary()}.")


if __name__ == "__main__":
    cli()
