"""`mkdocs serve` hears of a saved file from the operating system, not from a scan.

Part of the MkDocs face: MkDocs watches by scanning every watched file twice a second,
which at 1,000 claims was about a quarter of the time from saving a record to seeing its
page, and CPU spent all the while. MkDocs chose scanning because the system's notices do
not reach folders on some network drives or shared into containers from another system,
and do not follow symbolic links; so a folder with a linked folder inside is still scanned,
and the plugin's `native_watcher: false` keeps scanning everywhere.

The server's watches are moved to the native observer after MkDocs and the plugins have
made them (in `on_serve`): MkDocs offers no other way to choose its observer.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.livereload import LiveReloadServer
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

CHANGES = [
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]
"""What MkDocs' scan reports, and so what starts a rebuild. The system also reports files
opened and closed unwritten: a rebuild reads the watched files, which would start another."""


class _Native(Observer):  # type: ignore[misc,valid-type]  # watchdog picks the class per system
    """Started when the watches move to it; the server's own start then does nothing."""

    def start(self) -> None:
        if not self.is_alive():
            super().start()


def _has_linked_folder(path: str) -> bool:
    if not os.path.isdir(path):
        return False
    # os.walk lists a linked folder among the folders but does not go into it.
    return any(
        os.path.islink(os.path.join(root, folder))
        for root, folders, _ in os.walk(path)
        for folder in folders
    )


def watch_natively(server: LiveReloadServer) -> str | None:
    """Move the server's watches from MkDocs' scanning observer to the system's own; the
    reason it stays scanning, or None once moved."""
    polling: Any = server.observer
    handlers = getattr(polling, "_handlers", None)
    if Observer is PollingObserver:
        return "this system offers no file notices"
    if not isinstance(polling, PollingObserver) or not isinstance(handlers, dict):
        return "this MkDocs watches in a way the plugin does not know"
    watches = [(watch, handler) for watch, all_ in handlers.items() for handler in all_]
    # The folders watched with what is inside them. For mkdocs.yml, watchdog's `path` is the
    # project's folder, whose `.venv` holds a link (`lib64 -> lib`): looking there kept a
    # project with its virtual environment inside scanning, and walked the environment.
    linked = [
        w.path
        for w, _ in watches
        if w.is_recursive and _has_linked_folder(getattr(w, "raw_path", w.path))
    ]
    if linked:
        return f"{Path(linked[0]).name}/ holds a linked folder, which notices do not follow"
    native = _Native()
    try:
        for watch, handler in watches:
            # The path MkDocs gave: for a file (mkdocs.yml), `path` is its folder, and only
            # the file's own path makes watchdog drop the events of the files beside it (a
            # log written there started a rebuild with each line).
            path = getattr(watch, "raw_path", watch.path)
            native.schedule(handler, path, recursive=watch.is_recursive, event_filter=CHANGES)
        native.start()
    except OSError as error:  # such as the system's limit on watches
        native.stop()
        return f"the system refused: {error}"
    server.observer = native
    return None
