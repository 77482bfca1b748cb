"""One leaflet content dict -> PDF bytes, with WeasyPrint 70.

Panels are absolutely positioned boxes of fixed size (no CSS columns). WeasyPrint does
not report overflow, so after layout every panel's descendants are measured against the
panel's content box and any overflow fails with the panel's name.
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import segno
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..errors import GeneratorError
from ..leaflet_room import slots
from ..paths import NODE_MODULES

log = logging.getLogger(__name__)
# WeasyPrint logs every layout step at INFO; keep its warnings only.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)

TEMPLATES = Path(__file__).parent / "templates"
FONT_DIR = NODE_MODULES / "@fontsource" / "noto-sans" / "files"
# Latin and Latin Extended cover Indonesian and the typographic punctuation we use.
FONT_FILES = [
    (subset, weight, style)
    for subset in ("latin", "latin-ext")
    for weight, style in ((400, "normal"), (700, "normal"), (400, "italic"))
]
MM_TO_PT = 72 / 25.4
BLEED_MM = 3
MARK_ZONE_MM = 9
# The panel listing the city's services; what does not fit there moves to another panel
# (tri-fold: the back panel; flyer: under the texts on page 1).
SERVICES_PANEL = {
    "leaflet_trifold": "dalam kanan (halaman 2, panel kanan)",
    "flyer_a5": "belakang (halaman 2)",
}
# The panel that takes the services the services panel cannot hold.
SPILL_PANEL = {
    "leaflet_trifold": "belakang (halaman 1, panel tengah)",
    "flyer_a5": "depan (halaman 1)",
    "poster_a3": "poster kanan",
}
PAGES = {"leaflet_trifold": 2, "flyer_a5": 2, "poster_a3": 1}

# Trim sizes and panel geometry per kind, in mm.
GEOMETRY = {
    # Roll fold: the tuck-in panel (outside left / inside right) is 3 mm narrower.
    "leaflet_trifold": dict(
        page_size="A4 landscape",
        width=297,
        height=210,
        wide=100,
        narrow=97,
        safe=7,
        font_size=11,
        qr=30,
        stamp=40,
    ),
    "flyer_a5": dict(page_size="A5", width=148, height=210, safe=7, font_size=10, qr=28, stamp=30),
    "poster_a3": dict(
        page_size="A3", width=297, height=420, head=150, safe=12, font_size=12.5, qr=45, stamp=60
    ),
}


class LeafletError(GeneratorError):
    """A leaflet cannot be made (overflow, missing font, refused option)."""


class PanelOverflow(LeafletError):
    pass


def font_paths() -> list[Path]:
    paths = [FONT_DIR / f"noto-sans-{s}-{w}-{st}.woff" for s, w, st in FONT_FILES]
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise LeafletError(
            f"font file {missing[0]} is missing. Hint: run `make setup` (npm ci installs "
            "@fontsource/noto-sans at its pinned version)."
        )
    return paths


@cache
def fonts_css() -> str:
    faces = []
    for (subset, weight, style), path in zip(FONT_FILES, font_paths(), strict=True):
        ranges = _unicode_range(subset, weight, style)
        faces.append(
            f'@font-face {{ font-family: "Noto Sans"; font-weight: {weight}; '
            f"font-style: {style}; src: url({path.as_uri()}) format('woff'); "
            f"unicode-range: {ranges}; }}"
        )
    return "\n".join(faces)


def _unicode_range(subset: str, weight: int, style: str) -> str:
    """The unicode-range @fontsource declares for this file (read from its CSS)."""
    suffix = "" if style == "normal" else "-italic"
    css = (FONT_DIR.parent / f"{weight}{suffix}.css").read_text(encoding="utf-8")
    name = f"noto-sans-{subset}-{weight}-{style}.woff"
    for block in css.split("@font-face")[1:]:
        if f"/{name})" in block:
            for line in block.splitlines():
                if line.strip().startswith("unicode-range:"):
                    return line.split(":", 1)[1].strip().rstrip(";")
    raise LeafletError(f"no unicode-range for {name} in @fontsource/noto-sans CSS")


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def qr_svg(url: str | None) -> str | None:
    """A vector QR code (never Micro QR: not every phone reads it)."""
    if not url:
        return None
    qr = segno.make_qr(url, error="m")
    return qr.svg_inline(omitsize=True, border=4, dark="#000", light="#fff")


def balanced_groups(sections: list[dict], count: int) -> list[list[dict]]:
    """Split sections, in order, into `count` runs with the most even text length."""
    weights = [len(s["heading"]) + len(s["html"]) for s in sections]
    best: tuple[int, list[list[dict]]] | None = None
    for cuts in _cut_points(len(sections), count):
        bounds = [0, *cuts, len(sections)]
        groups = [sections[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        worst = max(sum(weights[a:b]) for a, b in zip(bounds, bounds[1:], strict=False))
        if best is None or worst < best[0]:
            best = (worst, groups)
    return best[1] if best else [[] for _ in range(count)]


def _cut_points(n: int, count: int, start: int = 0):
    if count == 1:
        yield []
        return
    for cut in range(start, n + 1):
        for rest in _cut_points(n, count - 1, cut):
            yield [cut, *rest]


def render_html(content: dict, spill: int = 0, shown: int | None = None) -> str:
    """HTML of one leaflet listing the first `shown` services (all by default), the last
    `spill` of them moved to the spill panel (SERVICES_PANEL)."""
    geo = dict(GEOMETRY[content["kind"]], mark_zone=MARK_ZONE_MM)
    cobrand = content["cobrand"]
    if cobrand and cobrand["logo"]:
        cobrand = dict(cobrand, logo_url=Path(cobrand["logo"]).as_uri())
    c = dict(content, cobrand=cobrand)
    services = content["services"]
    listed = services if shown is None else services[:shown]
    template = environment().get_template(f"{content['kind']}.html.j2")
    return template.render(
        c=c,
        geo=geo,
        fonts_css=fonts_css(),
        qr_svg=qr_svg(content["city_url"]),
        groups=balanced_groups(content["sections"], 3),
        inside_services=listed[: len(listed) - spill],
        back_services=listed[len(listed) - spill :],
        hidden=len(services) - len(listed),
        services_panel=SERVICES_PANEL.get(content["kind"], ""),
    )


def render_pdf(content: dict, where: str) -> bytes:
    """PDF bytes for one leaflet; `where` names it in errors (material, city).

    At most `slots(kind)` services are listed, in the printing order; the rest get a
    pointer to the full list. Services that do not fit their panel continue on the spill
    panel; when that is full too, the last listed service gives way to the pointer. So
    services never make a leaflet fail: only a material's own text can.
    """
    from weasyprint import HTML, URLFetcher  # imported late: slow, only workers need it

    # A build never goes to the network: only files (fonts, logo) and data: URIs load;
    # anything else is skipped with a warning (https://doc.courtbouillon.org/weasyprint/stable/first_steps.html#url-fetchers).
    local_only = URLFetcher(allowed_protocols={"file", "data"})

    shown = min(len(content["services"]), slots(content["kind"]))
    spill = 0
    with _source_date_epoch(content["epoch"]):
        while True:
            html = render_html(content, spill, shown)
            document = HTML(string=html, base_url=str(TEMPLATES), url_fetcher=local_only).render(
                pdf_variant="pdf/ua-1"
            )
            problems = overflow_problems(document, content["kind"])
            step = _next_layout(content["kind"], problems, spill, shown)
            if step is None:
                break
            spill, shown = step
        if problems:
            raise PanelOverflow(_overflow_message(where, problems))
        if shown < len(content["services"]):
            log.info("%s: %d of %d services listed", where, shown, len(content["services"]))
        finisher = _bleed_box if content["profile"] == "shop" else None
        return document.write_pdf(pdf_variant="pdf/ua-1", finisher=finisher)


def _next_layout(kind: str, problems, spill: int, shown: int) -> tuple[int, int] | None:
    """(spill, shown) to try next, or None: it fits, or only shorter texts can help."""
    if not problems:
        return None
    panels = {name for name, _page, _over in problems}
    services_panel = SERVICES_PANEL.get(kind)
    if services_panel and panels == {services_panel} and spill < shown:
        return spill + 1, shown
    if panels <= {services_panel, SPILL_PANEL.get(kind)} and shown > 0:
        return min(spill, shown - 1), shown - 1
    return None


@contextmanager
def _source_date_epoch(epoch: int):
    """fontTools stamps subset fonts with SOURCE_DATE_EPOCH, else the clock."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def _bleed_box(document, pdf) -> None:
    """BleedBox = trim + 3 mm; the media box beyond it holds only the crop marks."""
    import pydyf

    bleed = BLEED_MM * MM_TO_PT
    for number in pdf.pages["Kids"][::3]:
        pdf_page = pdf.objects[number]
        left, top, right, bottom = pdf_page["TrimBox"]
        pdf_page["BleedBox"] = pydyf.Array(
            [left - bleed, top - bleed, right + bleed, bottom + bleed]
        )


def overflow_problems(document, content_kind: str) -> list[tuple[str, int, float | None]]:
    """(panel, page, mm over) for each panel whose content does not fit its box."""
    tolerance = 0.5  # CSS px
    problems: list[tuple[str, int, float | None]] = []
    for page_number, page in enumerate(document.pages, start=1):
        for panel in _panels(page._page_box):
            bottom = panel.content_box_y() + panel.height
            right = panel.content_box_x() + panel.width
            lowest, rightmost = _extent(panel)
            if not _has_end(panel):
                # WeasyPrint drops what does not fit on the page: the sentinel is missing.
                problems.append((panel.element.get("data-panel"), page_number, None))
            elif lowest > bottom + tolerance or rightmost > right + tolerance:
                over_mm = max(lowest - bottom, rightmost - right) * 25.4 / 96
                problems.append((panel.element.get("data-panel"), page_number, over_mm))
    if len(document.pages) != PAGES[content_kind]:
        problems.append(("(seluruh dokumen)", len(document.pages), 0.0))
    return problems


def _panels(box):
    seen = set()
    for child in _walk(box):
        element = child.element
        if element is None or id(element) in seen or element.get("data-panel") is None:
            continue
        if child.element_tag != "div" or not hasattr(child, "children"):
            continue
        seen.add(id(element))
        yield child


def _has_end(panel) -> bool:
    return any(
        box.element is not None and box.element.get("class") == "panel-end" for box in _walk(panel)
    )


def _walk(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _walk(child)


def _extent(panel) -> tuple[float, float]:
    lowest = rightmost = 0.0
    for box in _walk(panel):
        if box is panel:
            continue
        lowest = max(lowest, box.position_y + box.margin_height())
        if type(box).__name__ == "TextBox":
            rightmost = max(rightmost, box.position_x + box.width)
    return lowest, rightmost


def _overflow_message(where: str, problems) -> str:
    parts = [
        f"panel '{name}' (halaman {page}) kelebihan {over:.1f} mm"
        if over is not None and over > 0
        else f"panel '{name}' (halaman {page}) terpotong"
        if over is None
        else f"dokumen jadi {page} halaman"
        for name, page, over in problems
    ]
    return (
        f"{where}: teks tidak muat: {'; '.join(parts)}. "
        "Saran: persingkat teks materi atau kurangi layanan yang ditampilkan (featured)."
    )
