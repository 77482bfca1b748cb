"""Faults around a build: wrong output folders, two builds at once, kills at every stage,
permissions, a full disk, damaged caches. Nothing lost, nothing half-published, no
traceback. The expensive stages are stand-ins (fault_build.py); guard, lock, clean-up
and swap are the real ones."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fault_build import fake_stages, options
from hardening_limits import load_factor

from generator import build, outfolder
from generator.__main__ import main
from tests.reference import TODAY

HERE = Path(__file__).parent
REPO = HERE.parents[1]
RECORD = "name: Layanan Contoh\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """tmp/project with mkdocs.yml, directory/ (one record), a last good site/ and a
    leaflet cache; the expensive stages replaced by stand-ins."""
    root = tmp_path / "project"
    (root / "directory" / "services").mkdir(parents=True)
    (root / "directory" / "services" / "x.yaml").write_text(RECORD, encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (root / ".build" / "leaflets").mkdir(parents=True)
    (root / ".build" / "leaflets" / "kept.pdf").write_bytes(b"%PDF cache")
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("last good site", encoding="utf-8")
    (site / outfolder.MARKER).write_text("", encoding="utf-8")
    for name in ("prepare_docs", "mkdocs_stage", "swap_stage"):
        monkeypatch.setattr(build, name, getattr(build, name))  # restored after the test
    fake_stages(None)
    monkeypatch.chdir(root)
    return root


def cli(project: Path, *args: str) -> int:
    return main(["build", "--config", str(project / "mkdocs.yml"),
                 "--root", str(project / "directory"), "--today", TODAY.isoformat(), *args])  # fmt: skip


def records_intact(project: Path) -> bool:
    return (project / "directory" / "services" / "x.yaml").read_text(encoding="utf-8") == RECORD


def site_text(project: Path) -> str:
    return (project / "site" / "index.html").read_text(encoding="utf-8")


# --- output folders (Why: `--out directory` deleted every record) ----------------------


@pytest.mark.parametrize(
    "out, why",
    [
        ("directory", "berisi atau berada di dalam"),
        ("directory/services", "berisi atau berada di dalam"),
        (".", "berisi atau berada di dalam"),
        ("..", "berisi atau berada di dalam"),
        (".build", "berisi atau berada di dalam"),
        ("mkdocs.yml", "adalah file, bukan folder"),
    ],
)
def test_out_that_would_delete_the_project_is_refused(project, capsys, out, why):
    assert cli(project, "--out", out) == 1
    err = capsys.readouterr().err
    assert f"error: folder keluaran '{out}' ditolak: {why}" in err
    assert "Traceback" not in err
    assert records_intact(project) and site_text(project) == "last good site"
    assert (project / "mkdocs.yml").is_file()


def test_out_holding_other_files_is_refused(project, capsys):
    (project / "notes").mkdir()
    (project / "notes" / "a.txt").write_text("keep", encoding="utf-8")
    assert cli(project, "--out", "notes") == 1
    assert "bukan situs buatan generator (tidak ada .direktori-site)" in capsys.readouterr().err
    assert (project / "notes" / "a.txt").read_text(encoding="utf-8") == "keep"


def test_out_outside_the_project_needs_a_flag(project, tmp_path, capsys):
    elsewhere = tmp_path / "elsewhere"
    assert cli(project, "--out", str(elsewhere)) == 1
    assert "berada di luar proyek" in capsys.readouterr().err and not elsewhere.exists()
    assert cli(project, "--out", str(elsewhere), "--allow-outside") == 0
    assert (elsewhere / "index.html").read_text(encoding="utf-8") == "new site"
    assert (elsewhere / outfolder.MARKER).is_file()


def test_out_symlink_is_refused(project, capsys):
    (project / "link").symlink_to(project / "directory")
    assert cli(project, "--out", "link") == 1
    assert "adalah tautan (symlink)" in capsys.readouterr().err and records_intact(project)


def test_new_and_empty_and_generated_folders_are_accepted(project):
    (project / "empty").mkdir()
    assert cli(project, "--out", "empty") == 0
    assert cli(project, "--out", "fresh") == 0
    assert cli(project) == 0 and site_text(project) == "new site"


def test_docs_dir_inside_the_records_is_refused(project, capsys):
    assert cli(project, "--docs-dir", "directory/docs") == 1
    assert "--docs-dir 'directory/docs' ditolak" in capsys.readouterr().err


def test_docs_folder_that_is_a_file(project, capsys):
    shutil.rmtree(project / ".build")
    (project / ".build").mkdir()
    (project / ".build" / "docs").write_text("", encoding="utf-8")
    assert cli(project, "--docs-dir", ".build/docs") == 1
    err = capsys.readouterr().err
    assert "'.build/docs' adalah file, padahal harus folder dokumen build" in err
    assert site_text(project) == "last good site"


# --- two builds at once ------------------------------------------------------------------


def test_second_build_of_one_checkout_is_refused_while_the_first_runs(project, capsys):
    entered, release = threading.Event(), threading.Event()
    real = build.mkdocs_stage

    def slow(*args):
        entered.set()
        release.wait(4)
        real(*args)

    build.mkdocs_stage = slow
    first = threading.Thread(target=cli, args=(project,))
    first.start()
    assert entered.wait(4)
    try:
        assert cli(project) == 1
    finally:
        release.set()
        first.join()
    err = capsys.readouterr().err
    assert f"build lain sedang berjalan untuk folder ini (proses {os.getpid()}" in err
    assert site_text(project) == "new site"  # the first build finished normally
    assert cli(project) == 0  # and the lock is free again


# --- kills at every stage (Why: leftovers, orphans, no site/ between two renames) ------


def run_and_kill(tmp_path: Path, stage: str) -> int:
    """Start a build that stops at `stage`, SIGKILL it there; return its worker's pid."""
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{HERE}"}
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "fault_build.py"), str(tmp_path), stage],
        stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    worker = int(proc.stdout.readline().split()[1])
    assert proc.stdout.readline().strip() == f"at {stage}"
    proc.send_signal(signal.SIGKILL)
    proc.wait(3)
    return worker


def gone(pid: int, within: float = 2.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        status = Path(f"/proc/{pid}/stat")
        if status.exists() and status.read_text().split()[2] == "Z":
            return True  # a zombie: dead, only waiting to be reaped
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("stage", ["check", "docs", "leaflets", "search", "mkdocs", "swap"])
def test_kill_at_every_stage_loses_nothing_and_leaves_nothing(project, tmp_path, stage):
    worker = run_and_kill(tmp_path, stage)
    assert gone(worker), "worker process outlived the killed build"
    assert records_intact(project) and site_text(project) == "last good site"
    assert build.build(options(tmp_path)).site_dir == project / "site"
    assert site_text(project) == "new site"
    leftovers = sorted(p.name for p in project.iterdir() if p.name.startswith(".site."))
    assert leftovers == [".site.lock"]
    assert (project / ".build" / "leaflets" / "kept.pdf").read_bytes() == b"%PDF cache"


def test_site_left_as_old_by_a_kill_between_two_renames_is_put_back(project):
    (project / "site").rename(project / ".site.old")
    outfolder.clean_leftovers(project / "site")
    assert site_text(project) == "last good site"


def test_swap_is_one_rename_exchange_so_a_site_always_exists(project, tmp_path):
    new = project / ".site.new-x"
    new.mkdir()
    (new / "index.html").write_text("new site", encoding="utf-8")
    assert outfolder.rename_exchange(new, project / "site")  # supported here
    assert site_text(project) == "new site"
    assert (new / "index.html").read_text(encoding="utf-8") == "last good site"


def test_fallback_swap_without_rename_exchange(project, monkeypatch):
    monkeypatch.setattr(outfolder, "rename_exchange", lambda a, b: False)
    assert cli(project) == 0 and site_text(project) == "new site"
    assert not (project / ".site.old").exists()


# --- permissions, a full disk, a site that cannot be replaced -----------------------------


def test_site_is_world_readable_whatever_the_umask(project):
    old = os.umask(0o077)
    try:
        assert cli(project) == 0
    finally:
        os.umask(old)
    site = project / "site"
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    assert stat.S_IMODE((site / "index.html").stat().st_mode) == 0o644


@pytest.mark.parametrize(
    "err, words",
    [
        (errno.ENOSPC, "(disk penuh). Saran: kosongkan ruang disk lalu coba lagi"),
        (errno.EACCES, "(izin ditolak). Saran: periksa izin tulis folder proyek"),
        (errno.EROFS, "(sistem file hanya-baca)"),
    ],
)
def test_write_failure_in_mkdocs_keeps_the_site(project, capsys, err, words):
    def failing(config_file, docs_dir, site_dir, directory, strict):
        (site_dir / "half.html").write_text("half", encoding="utf-8")
        raise OSError(err, os.strerror(err), str(site_dir / "x.html"))

    build.mkdocs_stage = failing
    assert cli(project) == 1
    out = capsys.readouterr().err
    assert words in out and "situs lama tidak diubah" in out and "Traceback" not in out
    assert site_text(project) == "last good site"
    assert not [p for p in project.iterdir() if p.name.startswith(".site.new-")]


def test_site_that_cannot_be_replaced(project, capsys, monkeypatch):
    def refuse(a, b):
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(b))

    monkeypatch.setattr(outfolder, "rename_exchange", refuse)
    assert cli(project) == 1
    assert "gagal membangun situs" in capsys.readouterr().err
    assert site_text(project) == "last good site"


def test_read_only_project_cannot_take_the_lock(project, capsys, monkeypatch):
    real_open = os.open

    def read_only(path, flags, *args):
        if str(path).endswith(".lock"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", read_only)
    assert cli(project) == 1
    err = capsys.readouterr().err
    assert "gagal membuat kunci build" in err and "(sistem file hanya-baca)" in err


def test_file_size_limit_in_a_real_process(project, tmp_path):
    """RLIMIT_FSIZE: writing past it gives EFBIG (SIGXFSZ ignored), reported cleanly."""
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))\n"
        "from fault_build import fake_stages; fake_stages(None)\n"
        "from generator.__main__ import main\n"
        f"sys.exit(main(['build', '--config', '{project}/mkdocs.yml', '--root',"
        f" '{project}/directory']))\n"
    )
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{HERE}"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=project,
        timeout=4 * load_factor(),
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "(file terlalu besar untuk sistem ini)" in done.stderr
    assert "Traceback" not in done.stderr
    assert site_text(project) == "last good site"


# --- cached artefacts (Why: a corrupt cached PDF was published by a green build) -------


def test_damaged_cached_pdf_is_rendered_again(tmp_path):
    from generator.print.pipeline import Job, _output_hashes, _up_to_date

    job = Job("leaflet-x", "33.71", None, False)
    (tmp_path / f"{job.stem}.pdf").write_bytes(b"%PDF-1.7 whole file %%EOF")
    (tmp_path / f"{job.stem}.png").write_bytes(b"\x89PNG preview")
    manifest = {job.stem: "inputs", **_output_hashes(tmp_path, job, "leaflet_trifold")}
    assert _up_to_date(tmp_path, job, "leaflet_trifold", "inputs", manifest)
    (tmp_path / f"{job.stem}.pdf").write_bytes(b"%PDF-1.7 whole f")  # cut short on disk
    assert not _up_to_date(tmp_path, job, "leaflet_trifold", "inputs", manifest)
    (tmp_path / f"{job.stem}.pdf").unlink()
    assert not _up_to_date(tmp_path, job, "leaflet_trifold", "inputs", manifest)


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "--out", "directory/services/x.yaml"],
        ["leaflets", "--out", "directory"],
        ["leaflets", "--cache", "directory/cache"],
    ],
)
def test_other_outputs_never_land_on_the_records(project, capsys, argv):
    assert main([*argv, "--root", "directory", "--today", TODAY.isoformat()]) == 1
    err = capsys.readouterr().err
    assert "ditolak: berisi atau berada di dalam" in err and "Traceback" not in err
    assert records_intact(project)
