"""Serve the preview on 127.0.0.1 with live reload, and apply each change as it is saved.

MkDocs' own `LiveReloadServer` serves the files and reloads the browser (it long-polls
`/livereload/…` on the same address: no third-party request). It is told which files
changed (its own watcher only says "something changed"), watches with inotify instead
of polling the 17,000 record files twice a second, and writes the current check
problems as a banner at the top of every page it serves.
"""

from __future__ import annotations

import ipaddress
import logging
import threading
import urllib.parse
from pathlib import Path

import watchdog.events
import watchdog.observers
from markupsafe import escape
from mkdocs.livereload import _SCRIPT_TEMPLATE, LiveReloadServer, _timestamp

from ..errors import UsageError
from .session import Outcome, Session

log = logging.getLogger(__name__)

# The site's Content-Security-Policy (overrides/main.html) allows no inline script or
# style: the banner uses the theme's own admonition style, and the live-reload script
# (MkDocs' own, see mkdocs.livereload) is served as a file from this address.
BANNER = (
    '<div id="pratinjau-masalah" class="admonition danger" role="alert">'
    '<p class="admonition-title">Pemeriksaan gagal: halaman ini dari versi terakhir yang'
    " benar. Perbaiki file di bawah lalu simpan.</p>{lines}</div>"
)
RELOAD_JS = "/_pratinjau/muat-ulang.js"
RELOAD_TAG = '<script src="' + RELOAD_JS + '?epoch={epoch}&amp;request={request}"></script>'


class NotLocal(UsageError):
    """The preview serves only this machine (it shows unpublished, unchecked records)."""


def loopback(host: str) -> str:
    try:
        if ipaddress.ip_address(host).is_loopback:
            return host
    except ValueError:
        if host == "localhost":
            return "127.0.0.1"
    raise NotLocal(
        f"alamat '{host}' bukan alamat lokal; pratinjau hanya untuk komputer ini (127.0.0.1)"
        f" / '{host}' is not a loopback address; the preview serves 127.0.0.1 only"
    )


class PreviewServer(LiveReloadServer):
    """`LiveReloadServer` that hands the changed paths to the session."""

    def __init__(self, session: Session, host: str, port: int):
        super().__init__(self.rebuild, loopback(host), port, str(session.o.site_dir))
        self.session = session
        self.pending: set[Path] = set()
        self.pending_lock = threading.Lock()
        self.observer = watchdog.observers.Observer()  # type: ignore[assignment]  # inotify
        self.last: Outcome | None = None
        self.error_handler = self.not_found
        self.due = threading.Event()
        threading.Thread(target=self.catch_up_loop, daemon=True, name="catch-up").start()

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = self.changed  # type: ignore[method-assign]
        self._watched_paths[path] = 1
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive)

    def changed(self, event: watchdog.events.FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):
            return
        paths = [event.src_path, getattr(event, "dest_path", "")]
        with self.pending_lock:
            self.pending.update(Path(str(p)) for p in paths if p and not _temporary(str(p)))
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()

    def rebuild(self) -> None:
        with self.pending_lock:
            paths, self.pending = self.pending, set()
        if not paths:
            return
        try:
            self.last = outcome = self.session.apply(paths)
        except Exception as exc:  # a bug must not stop the preview nor hide the last site
            log.error("preview update failed: %s: %s", type(exc).__name__, exc)
            self.session.problems["(pratinjau)"] = [f"pembaruan gagal: {type(exc).__name__}: {exc}"]
            return
        log.info("preview %s in %.2f s (CPU %.2f s)", outcome.mode, outcome.seconds, outcome.cpu)
        self.due.set()

    def catch_up_loop(self) -> None:
        """Search shards after the pages, outside the build loop: a page request waits
        for the build loop, never for this."""
        while not self._shutdown:
            if self.due.wait(timeout=0.5):
                self.due.clear()
                self.session.catch_up()

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        tag = RELOAD_TAG.format(epoch=epoch, request=_timestamp()).encode()
        end = content.rfind(b"</body>")
        content = content[:end] + tag + content[end:] if end >= 0 else content + tag
        lines = [line for group in self.session.problems.values() for line in group]
        if not lines:
            return content
        shown = "".join(f"<p><code>{escape(line)}</code></p>" for line in lines)
        banner = BANNER.format(lines=shown).encode()
        start = content.find(b'<article class="md-content__inner')
        start = start if start >= 0 else content.find(b"<body")
        at = content.find(b">", start) + 1
        return content[:at] + banner + content[at:]

    def _serve_request(self, environ, start_response):
        if environ["PATH_INFO"] != RELOAD_JS:
            return super()._serve_request(environ, start_response)
        query = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
        numbers = [query.get(k, ["0"])[0] for k in ("epoch", "request")]
        epoch, request = (int(n) if n.isdigit() else 0 for n in numbers)
        script = _SCRIPT_TEMPLATE.substitute(epoch=epoch, request_id=request).encode()
        start_response("200 OK", [("Content-Type", "text/javascript"),
                                  ("Content-Length", str(len(script)))])  # fmt: skip
        return [script]

    def not_found(self, code: int) -> bytes | None:
        """The site's 404 page; before a first good build, the problems that stop it."""
        page = Path(self.root) / "404.html"
        if code == 404 and page.is_file():
            return page.read_bytes()
        return self._inject_js_into_html(
            b"<!doctype html><html><body></body></html>", self._visible_epoch
        )


def _temporary(path: str) -> bool:
    """Editors' swap and backup files, and our own atomic-write temporaries."""
    name = Path(path).name
    return name.endswith((".swp", ".swx", "~", ".tmp")) or name.startswith(".#")
