"""A build with stand-in stages, for fault scripts: `python fault_build.py TMP [STAGE]`.

The real pipeline order and the real guard, lock, clean-up and swap run; the expensive
stages (check, pages, leaflets, search, MkDocs) are replaced by small writers. With STAGE,
the process prints `at STAGE` and waits there to be killed. It also starts one worker
process the way the readers do, and prints `worker PID`.
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

from generator import build, outfolder

STAGES = ["check", "docs", "leaflets", "search", "mkdocs", "swap"]


def pause(stage: str, at: str | None) -> None:
    if stage == at:
        print(f"at {stage}", flush=True)
        time.sleep(60)


def options(tmp: Path) -> build.BuildOptions:
    project = tmp / "project"
    return build.BuildOptions(
        root=project / "directory",
        out=project / "site",
        config_file=project / "mkdocs.yml",
        docs_dir=project / ".build" / "docs",
        today=date(2026, 11, 1),
    )


def fake_stages(at: str | None) -> None:
    def prepare_docs(root, docs_dir, content_dir, today, timings, leaflets=True):
        for stage in ("check", "docs", "leaflets", "search"):
            pause(stage, at)
            docs_dir.mkdir(parents=True, exist_ok=True)
            (docs_dir / f"{stage}.md").write_text(stage, encoding="utf-8")
        return None, []

    def mkdocs_stage(config_file, docs_dir, site_dir, directory, strict):
        (site_dir / "index.html").write_text("new site", encoding="utf-8")
        (site_dir / "big.bin").write_bytes(b"x" * 100_000)
        pause("mkdocs", at)

    real_swap = build.swap_stage

    def swap_stage(new_site, out):
        pause("swap", at)
        real_swap(new_site, out)

    build.prepare_docs = prepare_docs
    build.mkdocs_stage = mkdocs_stage
    build.swap_stage = swap_stage


def start_worker() -> ProcessPoolExecutor:
    pool = ProcessPoolExecutor(1, initializer=outfolder.die_with_parent)
    print(f"worker {pool.submit(os.getpid).result()}", flush=True)
    return pool


def main() -> None:
    tmp = Path(sys.argv[1])
    at = sys.argv[2] if len(sys.argv) > 2 else None
    fake_stages(at)
    _pool = start_worker()
    build.build(options(tmp))
    print("built", flush=True)


if __name__ == "__main__":
    main()
