"""A built site on 127.0.0.1 (an ephemeral port, a background thread), for the tests,
the benchmark and the measuring scripts in bench/ and scripts/.

Three ways to send a file, as the hosts people put the site on do:
- "plain": as it is (Python's http.server never compresses);
- "static": the build's `.gz` copy when the browser accepts gzip (nginx `gzip_static on`,
  https://nginx.org/en/docs/http/ngx_http_gzip_static_module.html), else the file;
- "fly": every file gzip-compressed on the fly (hosts that compress each response).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

Gzip = Literal["plain", "static", "fly"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder it is given, without a log line per request."""

    gzip: Gzip = "plain"

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if self.gzip == "plain" or not accepts or not path.is_file():
            return super().send_head()
        packed = path.with_name(path.name + ".gz")
        if self.gzip == "static":
            if not packed.is_file():
                return super().send_head()
            body = packed.open("rb")
            return self._gzipped(path, body, os.fstat(body.fileno()).st_size)
        data = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        return self._gzipped(path, io.BytesIO(data), len(data))

    def _gzipped(self, path: Path, body, length: int):
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(length))
        self.end_headers()
        return body


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a page closed while a file still streamed in: not a failure here


@contextlib.contextmanager
def serve(site: Path, gzip: Gzip = "plain") -> Iterator[str]:
    """Serve `site`; yields its base URL, ending in '/'."""
    handler = type("Handler", (QuietHandler,), {"gzip": gzip})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
