"""Pre-compressed copies of the built site (generator/site/compress.py)."""

from __future__ import annotations

import gzip
from pathlib import Path

from generator.site.compress import precompress

PAGE = ("<p>Telepon 129 untuk bantuan.</p>\n" * 40).encode()


def _tree(root: Path) -> Path:
    (root / "kota").mkdir(parents=True)
    (root / "index.html").write_bytes(PAGE)
    (root / "kota" / "index.html").write_bytes(PAGE + b"<p>kota</p>")
    (root / "site.css").write_bytes(b"body { margin: 0; }\n" * 30)
    (root / "tiny.js").write_bytes(b"var a = 1;\n")
    (root / "leaflet.pdf").write_bytes(b"%PDF-1.7\n" * 100)
    (root / "sitemap.xml").write_bytes(b"<urlset></urlset>\n" * 30)
    (root / "sitemap.xml.gz").write_bytes(b"written by MkDocs")
    return root


def _gz(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.gz"))}


def test_text_files_get_a_gzip_copy_with_the_same_content(tmp_path):
    root = _tree(tmp_path / "site")
    assert precompress(root) == 3
    assert sorted(_gz(root)) == [
        "index.html.gz",
        "kota/index.html.gz",
        "site.css.gz",
        "sitemap.xml.gz",
    ]
    assert gzip.decompress((root / "kota" / "index.html.gz").read_bytes()) == PAGE + b"<p>kota</p>"
    # Tiny files and PDFs are left alone; MkDocs' own sitemap.xml.gz is not rewritten.
    assert (root / "sitemap.xml.gz").read_bytes() == b"written by MkDocs"


def test_two_builds_give_byte_identical_copies(tmp_path):
    first, second = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    precompress(first)
    (second / "index.html").touch()  # another time stamp on disk must not matter
    precompress(second)
    assert _gz(first) == _gz(second)
    # No file name and time stamp 0 in the gzip header (RFC 1952 section 2.3.1).
    header = (first / "index.html.gz").read_bytes()[:10]
    assert header[3] & 0x08 == 0 and header[4:8] == b"\0\0\0\0"


def test_unchanged_files_take_their_copy_from_the_previous_site(tmp_path, monkeypatch):
    previous, new = _tree(tmp_path / "previous"), _tree(tmp_path / "new")
    precompress(previous)
    (new / "kota" / "index.html").write_bytes(PAGE + b"<p>kota baru</p>")
    (previous / "site.css.gz").write_bytes(b"damaged by hand")  # not taken: packed again
    packed = []
    import generator.site.compress as compress

    real = compress.gzip_bytes
    monkeypatch.setattr(compress, "gzip_bytes", lambda data: packed.append(data) or real(data))
    assert precompress(new, previous) == 3
    assert sorted(packed) == sorted([PAGE + b"<p>kota baru</p>", (new / "site.css").read_bytes()])
    fresh = _tree(tmp_path / "fresh")
    (fresh / "kota" / "index.html").write_bytes(PAGE + b"<p>kota baru</p>")
    precompress(fresh)
    assert _gz(new) == _gz(fresh)  # the same bytes as a build without a previous site
