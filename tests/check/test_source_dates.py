"""Source dates as precise as their source: a day, a month (`2025-10`) or a year."""

from __future__ import annotations

import pickle
import shutil
from datetime import date

import pytest

from generator.check import check_directory
from generator.dates import SourceDate, iso_date, long_date
from tests.conftest import FICTIONAL, TODAY

SERVICE = "services/pos-pengaduan-kelurahan-magersari-contoh.yaml"


@pytest.mark.parametrize(
    ("text", "precision", "first_day", "shown", "iso"),
    [
        ("2025-10-13", "day", date(2025, 10, 13), "13 Oktober 2025", "2025-10-13"),
        ("2025-10", "month", date(2025, 10, 1), "Oktober 2025", "2025-10"),
        ("2025", "year", date(2025, 1, 1), "2025", "2025"),
    ],
)
def test_a_source_date_keeps_its_precision(text, precision, first_day, shown, iso):
    value = SourceDate.parse(text)
    assert value.precision == precision
    assert value == first_day  # compares and sorts as its first day
    assert long_date(value) == shown
    assert iso_date(value) == iso
    assert pickle.loads(pickle.dumps(value)).precision == precision  # leaflet workers


@pytest.mark.parametrize("text", ["2025-13", "2025-02-30", "25-10", "2025-1", "Oktober 2025", ""])
def test_not_a_source_date(text):
    with pytest.raises(ValueError):
        SourceDate.parse(text)


def test_plain_dates_still_show_the_day():
    assert long_date(date(2025, 3, 27)) == "27 Maret 2025"
    assert iso_date(date(2025, 3, 27)) == "2025-03-27"


def check_with_source_date(tmp_path, written: str):
    root = tmp_path / "fictional"
    shutil.copytree(FICTIONAL, root)
    path = root / SERVICE
    text = path.read_text(encoding="utf-8")
    assert "    date: 2025-10\n" in text, "fixture drifted"
    path.write_text(text.replace("    date: 2025-10\n", f"    date: {written}\n"), encoding="utf-8")
    _, report = check_directory(root, TODAY)
    return [p for p in report.problems if p.file.endswith(SERVICE) and p.code.startswith("E-")]


def test_month_of_today_is_not_in_the_future(tmp_path):
    assert check_with_source_date(tmp_path, TODAY.strftime("%Y-%m")) == []
    assert check_with_source_date(tmp_path / "y", str(TODAY.year)) == []


def test_future_month_is_reported_as_written(tmp_path):
    later = f"{TODAY.year + 1}-01"
    (problem,) = check_with_source_date(tmp_path, later)
    assert problem.code == "E-FUTURE-DATE"
    assert f"tanggal {later} ada di masa depan" in problem.format()


def test_impossible_month_is_a_date_error(tmp_path):
    (problem,) = check_with_source_date(tmp_path, "2025-13")
    assert problem.code == "E-DATE"
    assert "'2025-13'" in problem.format()
