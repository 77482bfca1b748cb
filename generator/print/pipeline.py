"""Which leaflets to make, which are out of date, and rendering them on every core.

Stages: `plan()` picks (material, city, org) jobs and refuses bad requests before
anything is written; `leaflet_content()` gathers what each shows; the digest of that
content (plus templates and fonts) is compared with `manifest.json`; only changed
outputs are rendered, in a process pool; the manifest is written last.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .. import regions
from ..directory import Directory
from ..errors import UsageError
from ..outfolder import die_with_parent
from . import render
from .content import leaflet_content
from .imposition import two_up_a4
from .render import LeafletError

log = logging.getLogger(__name__)

SUBDIR = "materi"
MANIFEST = "manifest.json"
PAGE_SIZES = {"leaflet_trifold": "A4 lanskap", "flyer_a5": "A5", "poster_a3": "A3"}
KIND_LABELS = {
    "leaflet_trifold": "Leaflet lipat tiga",
    "flyer_a5": "Flyer A5",
    "poster_a3": "Poster A3",
}
PREVIEW_DPI = 40
TWO_UP = "-2-per-a4"  # file-name suffix of an A5 flyer imposed two to an A4 sheet


@dataclass(frozen=True)
class Job:
    material: str
    city: str
    org: str | None
    print_shop: bool

    @property
    def stem(self) -> str:
        parts = [self.material, self.city.replace(".", "-")]
        if self.org:
            parts.append(self.org)
        if self.print_shop:
            parts.append("cetak")
        return "-".join(parts)

    def two_up(self, kind: str) -> bool:
        """An office-printer A5 flyer also comes two to an A4 sheet."""
        return kind == "flyer_a5" and not self.print_shop

    def outputs(self, kind: str) -> list[str]:
        """File names this job writes."""
        names = [f"{self.stem}.pdf", f"{self.stem}.png"]
        return names + ([f"{self.stem}{TWO_UP}.pdf"] if self.two_up(kind) else [])

    def where(self, city_name: str) -> str:
        """How errors name this output: material, city and organisation."""
        text = f"materi '{self.material}' untuk {city_name} ({self.city})"
        return text + (f", dibagikan oleh '{self.org}'" if self.org else "")


def plan(
    directory: Directory,
    *,
    material: str | None = None,
    city: str | None = None,
    org: str | None = None,
    print_shop: bool = False,
) -> list[Job]:
    """Every material x every city it is for (and in the directory), filtered."""
    _refuse_bad_request(directory, material, city, org, print_shop)
    materials = [material] if material else sorted(directory.materials)
    if org:
        refused = [m for m in materials if not directory.materials[m].record.cobranding]
        if refused:
            log.info("--org %s: skipped (cobranding not allowed): %s", org, ", ".join(refused))
        materials = [m for m in materials if m not in refused]
    cities = set(directory.city_codes())
    if org:
        cities = {c for c in cities if _works_in(directory, org, c)}
    jobs = [
        Job(m, c, org, print_shop)
        for m in materials
        for c in sorted(set(directory.materials[m].record.regions) & cities)
        if city is None or c == city
    ]
    if not jobs:
        raise UsageError(_nothing_to_do(material, city, org))
    return jobs


def _works_in(directory: Directory, org: str, city: str) -> bool:
    """The organisation works in the city: it works nationally, or one of its regions is
    the city, lies in it (a kecamatan) or holds it (its province)."""
    codes = directory.organisations[org].record.regions
    return codes == "national" or any(
        regions.contains(code, city) or regions.contains(city, code) for code in codes
    )


def _refuse_bad_request(directory, material, city, org, print_shop) -> None:
    if material and material not in directory.materials:
        raise UsageError(f"materi '{material}' tidak ada di {directory.root}/materials/")
    if city and city not in directory.city_codes():
        raise UsageError(
            f"kota '{city}' tidak ada di settings.yaml (pilih: {', '.join(directory.city_codes())})"
        )
    if org and org not in directory.organisations:
        raise UsageError(f"organisasi '{org}' tidak ada di {directory.root}/organisations/")
    if org and material and not directory.materials[material].record.cobranding:
        raise UsageError(
            f"materi '{material}' tidak boleh diberi nama penyebar (--org): `cobranding` tidak "
            "`true` di catatan materi. Saran: cetak tanpa --org, atau minta penerbit mengizinkan."
        )
    if print_shop and not directory.settings.public_url:
        raise UsageError(
            "--print-shop ditolak: alamat situs (`public_url` di settings.yaml) belum diatur, "
            "jadi kode QR belum bisa dibuat. Atur alamat situs dulu; sampai itu, cetak di "
            "printer kantor (tanpa --print-shop) dengan cap CONTOH."
        )


def _nothing_to_do(material, city, org) -> str:
    if org:
        return (
            f"tidak ada materi yang boleh diberi nama '{org}' (--org) untuk kota yang diminta: "
            "perlu materi dengan `cobranding: true` dan kota tempat organisasi itu bekerja."
        )
    return f"tidak ada materi untuk kota '{city}'" if city else "tidak ada materi di direktori"


def digest(content: dict) -> str:
    """Hash of everything that decides the PDF's bytes."""
    h = hashlib.sha256()
    h.update(json.dumps(content, sort_keys=True, ensure_ascii=False).encode())
    # Templates and this package's code (geometry, fonts, layout rules) shape the bytes too.
    code = Path(__file__).parent
    for path in sorted([*render.TEMPLATES.iterdir(), *code.glob("*.py")]):
        h.update(path.name.encode() + path.read_bytes())
    for path in render.font_paths():
        h.update(path.name.encode() + str(path.stat().st_size).encode())
    logo = (content.get("cobrand") or {}).get("logo")
    if logo:
        h.update(Path(logo).read_bytes())
    h.update(_versions().encode())
    return h.hexdigest()


def _versions() -> str:
    from importlib.metadata import version

    return " ".join(f"{p}={version(p)}" for p in ("weasyprint", "pydyf", "segno", "fonttools"))


def render_leaflets(
    directory: Directory,
    out_dir: Path,
    *,
    print_shop: bool = False,
    org: str | None = None,
    jobs: int | None = None,
    material: str | None = None,
    city: str | None = None,
    cache_dir: Path | None = None,
) -> list[dict]:
    """Write PDFs and PNG previews to `<out_dir>/materi/`; return one dict per output.

    Only outputs whose inputs changed since the last run are rendered. With
    `cache_dir`, PDFs, previews and the manifest live there and are copied to out_dir
    (so a site build that empties out_dir still skips unchanged leaflets). Each dict:
    title, material, city, city_name, kind, kind_label, pdf, png (paths relative to
    out_dir), page_size, file_size (bytes), org, rendered (bool).
    """
    planned = plan(directory, material=material, city=city, org=org, print_shop=print_shop)
    target = (cache_dir or out_dir) / SUBDIR
    contents = {
        job: leaflet_content(directory, job.material, job.city, job.org, job.print_shop)
        for job in planned
    }
    digests = {job: digest(content) for job, content in contents.items()}
    manifest = _read_manifest(target)
    stale = [
        job
        for job in planned
        if not _up_to_date(target, job, contents[job]["kind"], digests[job], manifest)
    ]
    log.info("leaflets: %d of %d to render", len(stale), len(planned))
    target.mkdir(parents=True, exist_ok=True)
    failed = _render_all(target, [(job, contents[job]) for job in stale], jobs)
    for job in planned:
        if job not in failed:
            manifest[job.stem] = digests[job]
            manifest.update(_output_hashes(target, job, contents[job]["kind"]))
    _write_manifest(target, manifest)
    if failed:
        errors = list(failed.values())
        raise type(errors[0])("\n".join(str(e) for e in errors)) if len(errors) > 1 else errors[0]
    if cache_dir is not None:
        _copy_out(target, out_dir / SUBDIR, [(job, contents[job]["kind"]) for job in planned])
    return [_describe(out_dir, job, contents[job], job in stale) for job in planned]


def _copy_out(source: Path, dest: Path, planned: list[tuple[Job, str]]) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for job, kind in planned:
        for name in job.outputs(kind):
            shutil.copyfile(source / name, dest / name)


def _up_to_date(target: Path, job: Job, kind: str, digest_: str, manifest: dict) -> bool:
    """Same inputs, and the cached files are byte for byte what was rendered: a cached
    PDF cut short or damaged on disk is rendered again, never published."""
    if manifest.get(job.stem) != digest_:
        return False
    hashes = _output_hashes(target, job, kind)
    return bool(hashes) and all(manifest.get(name) == h for name, h in hashes.items())


def _output_hashes(target: Path, job: Job, kind: str) -> dict[str, str]:
    """`{file name: sha256}` of every file the job writes, or {} when one is missing."""
    hashes = {}
    for name in job.outputs(kind):
        try:
            data = (target / name).read_bytes()
        except OSError:
            return {}
        hashes[name] = hashlib.sha256(data).hexdigest()
    return hashes


def _render_all(
    target: Path, work: list[tuple[Job, dict]], jobs: int | None
) -> dict[Job, LeafletError]:
    """Render every job (all cores); return the jobs that failed with their errors."""
    workers = min(jobs or os.cpu_count() or 1, len(work))
    failed: dict[Job, LeafletError] = {}
    if workers <= 1:
        for job, content in work:
            try:
                render_one(target, job, content)
            except LeafletError as exc:
                failed[job] = exc
        return failed
    import weasyprint  # noqa: F401  (imported once here; forked workers inherit it)

    # Workers die with the build that started them (no orphans after a kill).
    with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent) as pool:
        futures = {job: pool.submit(render_one, target, job, content) for job, content in work}
        for job, future in futures.items():
            error = future.exception()
            if isinstance(error, LeafletError):
                failed[job] = error
            elif error is not None:
                raise error
    return failed


def render_one(target: Path, job: Job, content: dict) -> None:
    """Render one PDF and its first-page preview (runs in a worker process)."""
    pdf = render.render_pdf(content, job.where(content["city"]["name"]))
    pdf_path = target / f"{job.stem}.pdf"
    _write(pdf_path, pdf)
    if job.two_up(content["kind"]):
        _write(target / f"{job.stem}{TWO_UP}.pdf", two_up_a4(pdf))
    preview(pdf_path, target / f"{job.stem}.png")


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(".pdf.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def preview(pdf_path: Path, png_path: Path) -> None:
    """PNG of the first page (pdftoppm), reduced to 32 colours: the site stays light."""
    from PIL import Image

    exe = shutil.which("pdftoppm")
    if exe is None:
        raise LeafletError("pdftoppm tidak ditemukan. Saran: `make setup` memasang poppler-utils.")
    raw = png_path.with_name(png_path.stem + "-raw")  # pdftoppm adds ".png"
    subprocess.run(
        [exe, "-png", "-r", str(PREVIEW_DPI), "-f", "1", "-l", "1", "-singlefile", pdf_path, raw],
        check=True,
        capture_output=True,
    )
    raw_png = raw.with_name(raw.name + ".png")
    with Image.open(raw_png) as image:
        small = image.convert("RGB").quantize(
            colors=32, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
    raw_png.unlink()
    small.save(png_path, "PNG", optimize=True)


def _read_manifest(target: Path) -> dict:
    try:
        return json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_manifest(target: Path, manifest: dict) -> None:
    text = json.dumps(manifest, sort_keys=True, indent=1) + "\n"
    (target / MANIFEST).write_text(text, encoding="utf-8")


def _describe(out_dir: Path, job: Job, content: dict, rendered: bool) -> dict:
    pdf = out_dir / SUBDIR / f"{job.stem}.pdf"
    return {
        "title": content["title"],
        "material": job.material,
        "city": job.city,
        "city_name": content["city"]["name"],
        "kind": content["kind"],
        "kind_label": KIND_LABELS[content["kind"]],
        "org": job.org,
        "print_shop": job.print_shop,
        "pdf": f"{SUBDIR}/{job.stem}.pdf",
        "png": f"{SUBDIR}/{job.stem}.png",
        "page_size": PAGE_SIZES[content["kind"]],
        "file_size": pdf.stat().st_size,
        "pdf_2up": f"{SUBDIR}/{job.stem}{TWO_UP}.pdf" if job.two_up(content["kind"]) else None,
        "rendered": rendered,
    }
