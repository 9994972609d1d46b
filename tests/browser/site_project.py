"""Build a dossier's site with the repository's real configuration, theme and templates.

The browser tests need the site exactly as readers get it: the real `mkdocs.yml`, the theme
pages in `docs/`. Only the records may come from
elsewhere (the fixture dossier, when the real `data/` lacks what a test needs), so the
project is assembled in a temporary folder with links back to the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_site(data_dir: Path, work: Path, base_url: str | None = None) -> Path:
    """Build the site for `data_dir` in `work`; return the built site folder. With
    `base_url`, the site is built for that address (where the test serves it)."""
    from devtools.web import with_base_url

    work.mkdir(parents=True, exist_ok=True)
    # Copied, not linked: edit links are computed from the records' real paths.
    shutil.copytree(data_dir, work / "data")
    shutil.copytree(ROOT / "docs", work / "docs")
    if data_dir.resolve() != (ROOT / "data").resolve():
        # The real hand-written pages link to the real records: other records get the same
        # pages as placeholders (the nav names them), and their own pages where they have them.
        for page in (work / "docs").rglob("*.md"):
            page.write_text(f"# {page.stem.capitalize()}\n\nA placeholder.\n", encoding="utf-8")
        # The real dossier's other editions (`docs/zh/`) are not this dossier's.
        for folder in [p for p in (work / "docs").iterdir() if p.is_dir()]:
            shutil.rmtree(folder)
        own = data_dir.parent / "docs"
        if own.is_dir():
            shutil.copytree(own, work / "docs", dirs_exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if base_url:
        config = with_base_url(config, base_url)
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "dossier_gen", "build", "--site-dir", "site"],
        cwd=work,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if result.returncode != 0 or "WARNING" in result.stderr:
        raise RuntimeError(
            f"building the site from {data_dir} failed:\n{result.stdout}\n{result.stderr}"
        )
    return work / "site"


if __name__ == "__main__":  # handy by hand: python -m tests.browser.site_project DATA OUT
    print(build_site(Path(sys.argv[1]), Path(sys.argv[2])))
