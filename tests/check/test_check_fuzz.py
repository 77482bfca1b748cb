"""Random and mutated YAML never crashes `check`: every outcome is a report."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check import check_directory
from generator.check.reading import load_file
from generator.check.shape import validate_shape
from generator.errors import CATALOGUE
from tests.conftest import FICTIONAL, TODAY

SERVICE = (FICTIONAL / "services" / "pengaduan-uptd-ppa-contoh-magelang.yaml").read_bytes()
YAML_BITS = [
    b":",
    b"- ",
    b"  ",
    b"\t",
    b"\n",
    b"&a ",
    b"*a",
    b"[",
    b"]",
    b"{",
    b"}",
    b'"',
    b"'",
    b"---\n",
    b"? ",
    b"!!python/object:os.system ",
    b"\xef\xbb\xbf",
    b"\x00",
    b"\xff",
    b"null",
    b"~",
    b"08:00",
    b"<script>",
    b"javascript:",
    b"129",
    b"2026-13-45",
]


def mutate(data: bytes, ops: list[tuple[int, int, bytes]]) -> bytes:
    for position, cut, insert in ops:
        at = position % (len(data) + 1)
        data = data[:at] + insert + data[at + cut % 8 :]
    return data


mutations = st.lists(
    st.tuples(
        st.integers(0, 10_000),
        st.integers(0, 20),
        st.sampled_from(YAML_BITS) | st.binary(max_size=6),
    ),
    min_size=1,
    max_size=6,
)


def assert_report_only(path: Path, kind: str) -> None:
    record = load_file(path, kind, f"directory/{kind}/x.yaml")
    problems = list(record.problems)
    if record.data is not None and not record.problems:
        _model, shape_problems = validate_shape(record)
        problems += shape_problems
    for p in problems:
        assert p.code in CATALOGUE
        assert p.line >= 1 and p.col >= 1
        p.format()  # every template fills without error


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_random_bytes_give_problems_not_tracebacks(tmp_path, content):
    path = tmp_path / "x.yaml"
    path.write_bytes(content)
    assert_report_only(path, "services")


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    mutations,
    st.sampled_from(["services", "organisations", "hotlines", "materials", "pathways", "regions"]),
)
def test_mutated_records_give_problems_not_tracebacks(tmp_path, ops, kind):
    path = tmp_path / "x.yaml"
    path.write_bytes(mutate(SERVICE, ops))
    assert_report_only(path, kind)


@settings(max_examples=25, deadline=None)
@given(mutations)
def test_whole_directory_check_survives_a_mutated_file(ops):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "fictional"
        shutil.copytree(FICTIONAL, root)
        target = root / "services" / "pengaduan-uptd-ppa-contoh-magelang.yaml"
        target.write_bytes(mutate(SERVICE, ops))
        directory, report = check_directory(root, TODAY)
        assert (directory is None) == bool(report.errors)
