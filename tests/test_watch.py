"""`serve` hears of saved files from the system's notices, or scans where they fail."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from dossier_gen.mkdocs_watch import watch_natively


def _server(site: Path) -> LiveReloadServer:
    return LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site))


def _heard(server: LiveReloadServer, seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with server._rebuild_cond:
            if server._want_rebuild:
                return True
        time.sleep(0.01)
    return False


def test_the_watches_move_to_the_system_s_notices(tmp_path: Path):
    data = tmp_path / "data"
    (data / "claims").mkdir(parents=True)
    record = data / "claims" / "a.yml"
    record.write_text("id: a\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n")
    server = _server(tmp_path / "site")
    server.watch(str(data))
    server.watch(str(config))  # MkDocs watches its config file by itself
    assert watch_natively(server) is None
    try:
        assert not isinstance(server.observer, PollingObserver)
        server.observer.start()  # what the server does when it starts: nothing, already on
        assert not _heard(server, 0.3)
        # A rebuild reads the watched files: reading must not start another one.
        record.read_text()
        os.listdir(data / "claims")
        assert not _heard(server, 0.3)
        # A file beside the config file is not watched: a log written there started a
        # rebuild with each line.
        (tmp_path / "serve.log").write_text("INFO - Building documentation...\n")
        assert not _heard(server, 0.3)
        record.write_text("id: a\nedited: yes\n")
        # Well under MkDocs' scan every half second (the scan does not run: not started).
        assert _heard(server)
        server._want_rebuild = False
        config.write_text("site_name: y\n")
        assert _heard(server)
    finally:
        server.observer.stop()
        server.observer.join()


def test_a_folder_holding_a_linked_folder_is_still_scanned(tmp_path: Path):
    data = tmp_path / "data"
    (tmp_path / "elsewhere").mkdir()
    data.mkdir()
    os.symlink(tmp_path / "elsewhere", data / "claims")
    server = _server(tmp_path / "site")
    server.watch(str(data))
    reason = watch_natively(server)
    assert reason is not None and "linked folder" in reason
    assert isinstance(server.observer, PollingObserver)


def test_a_linked_folder_beside_mkdocs_yml_does_not_stop_the_notices(tmp_path: Path):
    # As in a project with its virtual environment inside: `.venv/lib64 -> lib`.
    (tmp_path / ".venv" / "lib").mkdir(parents=True)
    os.symlink(tmp_path / ".venv" / "lib", tmp_path / ".venv" / "lib64")
    (tmp_path / "data").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n")
    server = _server(tmp_path / "site")
    server.watch(str(tmp_path / "data"))
    server.watch(str(config))
    assert watch_natively(server) is None
    try:
        assert not isinstance(server.observer, PollingObserver)
        config.write_text("site_name: y\n")
        assert _heard(server)
    finally:
        server.observer.stop()
        server.observer.join()


@pytest.mark.parametrize("native", [True, False])
def test_the_option_chooses_the_watcher(native: bool, tmp_path: Path, monkeypatch):
    from dossier_gen.mkdocs_plugin import DossierPlugin

    plugin = DossierPlugin()
    plugin.load_config({"native_watcher": native})
    plugin.template_dirs = []
    data = tmp_path / "data"
    data.mkdir()
    plugin.config.data_dir = str(data)
    server = _server(tmp_path / "site")

    class Config:
        class theme:  # noqa: N801 -- the shape of MkDocs' config the hook reads
            custom_dir = None

    plugin.on_serve(server, config=Config(), builder=None)  # type: ignore[arg-type]
    try:
        assert isinstance(server.observer, PollingObserver) is not native
    finally:
        if server.observer.is_alive():
            server.observer.stop()
            server.observer.join()
