"""The presentation layer on its own: numbers, contact order, hours, trust labels and
labels of every choice list, as a person reads them."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import pytest

from generator import models, present
from generator.models import Channel, Hotline, Hours, Period, Service
from generator.present.labels import LABELS

GENERATOR = Path(__file__).resolve().parents[2] / "generator"
SHORT = {"129": None, "110": None}


@pytest.mark.parametrize(
    ("value", "display", "tel"),
    [
        ("0812 3456 7890", "0812-3456-7890", "tel:+6281234567890"),
        ("+62 812-3456-7890", "0812-3456-7890", "tel:+6281234567890"),
        ("(0293) 000102", "(0293) 000102", "tel:+62293000102"),
        ("0293-000102", "(0293) 000102", "tel:+62293000102"),
        ("129", "129", "tel:129"),
        ("+1 202-555-0100", "+1 202-555-0100", "tel:+12025550100"),
    ],
)
def test_one_display_form_from_the_parsed_number(value, display, tel):
    number = present.number(value, SHORT)
    assert (number.display, number.tel) == (display, tel)


def test_foreign_number_says_what_it_costs():
    channel = Channel(type="phone", value="+1 202-555-0100", number_exception="Satu-satunya nomor")
    [action] = present.actions_for([channel], SHORT, {})
    assert action.note == "Nomor luar negeri: biaya telepon internasional."


def test_whatsapp_target_is_wa_me_with_country_code():
    [action] = present.actions_for([Channel(type="whatsapp", value="0812-3456-7890")], SHORT, {})
    assert (action.label, action.href) == ("WhatsApp 0812-3456-7890", "https://wa.me/6281234567890")


def _service(**kw) -> Service:
    base = dict(
        organisation="o", name="Layanan", description="d", categories=["c"], audiences=["a"],
        service_area=["33.71"], status="active",
    )  # fmt: skip
    return Service(**{**base, **kw})


class _Dir:
    short_codes = SHORT
    hotlines: dict = {}


def test_number_marked_recheck_comes_last_and_is_never_a_card_button():
    rec = _service(
        channels=[
            Channel(type="phone", value="(0293) 000303", recheck="nomor lama"),
            Channel(type="website", value="https://example.org/"),
            Channel(type="whatsapp", value="0812-3456-7890"),
        ]
    )
    actions = present.contact_actions(_Dir(), rec)
    assert [a.kind for a in actions] == ["whatsapp", "website", "call"]
    assert [a.kind for a in present.card_actions(actions)] == ["whatsapp"]
    assert present.recheck_warnings(rec, actions) == [
        "Perlu dicek ulang: Telepon (0293) 000303: nomor lama"
    ]


def test_record_marked_recheck_has_no_big_button():
    rec = _service(channels=[Channel(type="phone", value="(0293) 000303")], recheck="pindah kantor")
    actions = present.contact_actions(_Dir(), rec)
    assert present.card_actions(actions) == []
    assert present.recheck_warnings(rec, actions) == ["Perlu dicek ulang: pindah kantor"]


def test_hours_in_the_local_time_of_the_region_and_national_lines_in_local_time():
    hours = Hours(weekly=[Period(days=["mon", "tue", "wed", "thu"], opens="08:00", closes="15:30")],
                  public_holidays="closed")  # fmt: skip
    assert present.hours_lines(hours, "73.08") == [
        "Senin–Kamis 08.00–15.30 WITA",
        "Libur nasional tutup",
    ]
    national = Hotline(name="H", purpose="p", channels=[Channel(type="phone", value="129")],
                       coverage={"level": "national"}, hours=hours)  # fmt: skip
    assert present.record_hours(national)[0] == "Senin–Kamis 08.00–15.30 waktu setempat"
    assert present.hours_json(hours, None) == ""


@pytest.fixture(scope="module")
def fictional(fictional_directory):
    return fictional_directory


def test_trust_labels_of_each_kind(fictional):
    texts = {present.trust(fictional, e).kind: present.trust(fictional, e).text
             for e in fictional.services.values()}  # fmt: skip
    assert texts["confirmed"].startswith("Dikonfirmasi lewat ")
    assert texts["stale"] == "Dikonfirmasi 10 Juni 2025, sudah lama. Perlu dicek ulang."
    assert texts["public_source"].startswith("Dari sumber publik ")
    assert texts["public_source"].endswith(". Belum dikonfirmasi.")


def test_services_of_a_city_filter_by_status_explicitly(fictional):
    listed = present.services_of_city(fictional, "73.08", present.LISTED)
    printed = present.services_of_city(fictional, "73.08", present.PRINTED)
    assert {e.record.status for e in listed} <= present.LISTED
    assert {e.record.status for e in printed} <= present.PRINTED
    assert {e.id for e in printed} < {e.id for e in listed}  # a temporarily closed one


def _choices() -> dict[str, set[str]]:
    """`Model.field` -> its Literal values, for every choice list of the models."""
    found: dict[str, set[str]] = {}
    for name in dir(models):
        model = getattr(models, name)
        if not (isinstance(model, type) and issubclass(model, models.Model)):
            continue
        for field_name, info in model.model_fields.items():
            values = _literals(info.annotation) - {"unknown", "national"}
            if values and field_name in model.__annotations__:
                found[f"{model.__name__}.{field_name}"] = values
    return found


def _literals(annotation) -> set[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return {v for v in typing.get_args(annotation) if isinstance(v, str)}
    return set().union(*(_literals(a) for a in typing.get_args(annotation)), set())


def test_every_choice_list_has_a_label_for_every_choice():
    for choice, values in _choices().items():
        assert choice in LABELS, f"no labels for {choice} in generator/present/labels.py"
        assert values <= set(LABELS[choice]), (choice, values - set(LABELS[choice]))


# Output modules ask `present` for numbers, hours, fees and trust labels; none of them
# parses a number or keeps its own table of days or fees.
OUTPUTS = ["site", "search", "print"]


def test_no_output_module_formats_numbers_hours_fees_or_trust_itself():
    for folder in OUTPUTS:
        for path in sorted((GENERATOR / folder).glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            imported = {
                alias.name.split(".")[0]
                for node in ast.walk(tree)
                if isinstance(node, ast.Import | ast.ImportFrom)
                for alias in node.names
            } | {
                (node.module or "").split(".")[-1]
                for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom)
            }
            assert not imported & {"phonenumbers", "phones"}, path
            names = {t.id for n in ast.walk(tree) if isinstance(n, ast.Assign) for t in n.targets
                     if isinstance(t, ast.Name)}  # fmt: skip
            assert not names & {"DAYS", "DAY_NAMES", "FEES", "HOW_VERIFIED", "CHANNEL_LABELS"}, path
            assert "directory.trust(" not in path.read_text(encoding="utf-8"), path
