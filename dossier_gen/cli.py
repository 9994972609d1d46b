"""The `dossier` command: validate records, render pages, build and preview the site.

Exit status: 0 on success, 1 when the data has problems (or the site build fails), 2 on
wrong usage.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import click

from .load import Catalog, load_catalog
from .problems import DataError

EXIT_PROBLEMS = 1

data_option = click.option(
    "--data", "data_dir", default="data", show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder holding dossier.yml and the claims/, entities/ and sources/ records.",
)
templates_option = click.option(
    "--templates", "template_dirs", multiple=True, default=("templates",), show_default=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Template folder; repeat to search a site's own templates before the defaults.",
)
docs_option = click.option(
    "--docs", "docs_dir", default="docs", show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of hand-written pages; its index.md opens the home page.",
)
config_option = click.option(
    "--config", "config_file", default="mkdocs.yml", show_default=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="MkDocs configuration file.",
)

# Material 9.7+ prints a notice about MkDocs 2 on every run; it is noise in a build log.
_QUIET_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def _load_or_exit(data_dir: Path) -> Catalog:
    from .parallel import read_many

    try:
        return load_catalog(data_dir, read_many=read_many)
    except DataError as error:
        click.echo(str(error), err=True)
        sys.exit(EXIT_PROBLEMS)


def _mkdocs(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dossier-gen")
def cli() -> None:
    """Validate, render and publish a fact-check dossier kept as YAML records."""


@cli.command()
@data_option
def validate(data_dir: Path) -> None:
    """Check every record and report every problem as PATH:LINE:COL: message."""
    catalog = _load_or_exit(data_dir)
    click.echo(
        f"{data_dir}: {len(catalog.claims)} claims, {len(catalog.entities)} entities,"
        f" {len(catalog.sources)} sources: no problems found."
    )


@cli.command()
@click.option("--out", "out_dir", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the pages to; it is replaced whole once rendering succeeds.")
@data_option
@templates_option
@docs_option
def render(out_dir: Path, data_dir: Path, template_dirs: tuple[Path, ...],
           docs_dir: Path) -> None:
    """Write the site's Markdown pages (hand-written and generated) to a folder.

    The folder is a complete docs folder that any engine can build, such as MkDocs with
    `docs_dir` pointed at it, ProperDocs or Zensical.
    """
    from .parallel import render_in_parallel
    from .publish import write_pages
    from .render import render_site

    catalog = _load_or_exit(data_dir)
    intro_file = docs_dir / "index.md"
    intro = intro_file.read_text(encoding="utf-8") if intro_file.is_file() else ""
    rendered = render_site(catalog, template_dirs, intro, renderer=render_in_parallel)
    write_pages(rendered, out_dir, docs_dir)
    click.echo(f"Wrote {len(rendered.pages)} generated pages to {out_dir}/")


@cli.command()
@data_option
@config_option
@click.option("--site-dir", default="site", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Where the built site goes; replaced only when the build succeeds.")
def build(data_dir: Path, config_file: Path, site_dir: Path) -> None:
    """Validate, then build the site with `mkdocs build --strict`.

    The site is built in a new folder and moved into place only if the build succeeds, so
    a failed build leaves the previous site untouched.
    """
    from .publish import new_build_dir, replace_dir

    _load_or_exit(data_dir)
    staging = new_build_dir(site_dir)
    try:
        result = subprocess.run(
            _mkdocs("build", "--strict", "--config-file", str(config_file),
                    "--site-dir", str(staging.resolve())),
            env={**os.environ, **_QUIET_ENV},
        )
        if result.returncode != 0:
            click.echo(f"The build failed; {site_dir}/ was left as it was.", err=True)
            sys.exit(EXIT_PROBLEMS)
        replace_dir(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    click.echo(f"Built the site into {site_dir}/. Open {site_dir}/index.html, or preview it"
               " with `make serve` (dossier serve).")


@cli.command()
@data_option
@config_option
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True,
              help="Address and port to serve on.")
@click.option("--full-rebuilds", is_flag=True,
              help="Rebuild every page on each change, rather than only the pages whose"
                   " Markdown changed (slower; for changes the preview does not pick up).")
def serve(data_dir: Path, config_file: Path, dev_addr: str, full_rebuilds: bool) -> None:
    """Preview the site, rebuilding when data/, templates/ or docs/ change.

    After the first build, a change rebuilds only the pages it affects (`mkdocs serve
    --dirty`), so a saved record shows in about a second even in a large dossier.
    """
    _load_or_exit(data_dir)
    args = _mkdocs("serve", "--config-file", str(config_file), "--dev-addr", dev_addr)
    if not full_rebuilds:
        args.append("--dirty")
    sys.exit(subprocess.run(args, env={**os.environ, **_QUIET_ENV}).returncode)


@cli.command()
@click.option("--out", "out_dir", default="schema", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write one JSON Schema file per record kind into.")
def schema(out_dir: Path) -> None:
    """Write the JSON Schema of the records, for editors' autocompletion and checks."""
    from .schema import schema_texts

    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in schema_texts().items():
        (out_dir / name).write_text(text, encoding="utf-8")
        click.echo(f"Wrote {out_dir / name}")


if __name__ == "__main__":
    cli()
