"""HSDS 3 data -> YAML records that `check` then judges like any staff edit.

Rules (generator/hsds/README.md has the field table):
- ids come from names (`urls.slugify`); the dataset is named as a source with its date;
- nothing the data lacks is filled in: a missing required field stays missing and
  `check` says so; a place is matched to a Kemendagri code only when the data gives
  the code or a name that matches exactly one region, never guessed;
- `assured_date` (the publisher's own check) never becomes `verified_on`: only a person
  of ours confirms; it is mentioned in the source's `covers`;
- names of people (HSDS contacts) are not imported: offices and roles only;
- an existing record file is never overwritten without `replace`;
- every field or row that could not be mapped is reported with where, why and a code.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import phonenumbers
import yaml

from .. import regions
from ..kinds import BY_NAME
from ..urls import slugify
from . import labels
from .read import WHERE, Dataset, ref, shape_problems
from .taxonomy import AUDIENCES, CATEGORIES, EXTENSION_TERMS, EXTENSIONS, term_id

# Report codes.
UNMAPPED = "I-UNMAPPED"  # an HSDS field with no place in our records
FOREIGN = "I-FOREIGN-PLACE"  # a place outside Indonesia: no region is guessed
REGION = "I-REGION"  # an Indonesian place that matches no single Kemendagri region
PHONE = "I-PHONE"  # a number that is not a valid Indonesian number or short code
PERSON = "I-PERSON"  # a person's name: not recorded
MISSING = "I-MISSING"  # a field our records require is not in the data
NOT_CONFIRMED = "I-ASSURED"  # assured_date kept as a note, not as verified_on
EXISTS = "I-EXISTS"  # a record with this id exists: not overwritten
OTHER = "I-NOT-IMPORTED"  # an object or row of a kind we do not import
TAXONOMY = "I-TAXONOMY"  # a taxonomy term that is not one of ours
SHAPE = "I-SHAPE"  # a value of the wrong JSON type (a text where a list belongs…)

STRUCTURAL = {"id", WHERE}
DAY_CODES = {
    "MO": "mon",
    "TU": "tue",
    "WE": "wed",
    "TH": "thu",
    "FR": "fri",
    "SA": "sat",
    "SU": "sun",
}
TIME_RE = re.compile(r"^(\d{2}):(\d{2})")


@dataclass(frozen=True, order=True)
class Finding:
    where: str  # file and JSON path or row
    field: str
    code: str
    reason: str

    def format(self) -> str:
        return f"{self.where}: {self.field}: {self.code}: {self.reason}"


@dataclass
class Result:
    records: dict[str, dict] = field(default_factory=dict)  # "services/x" -> record
    findings: list[Finding] = field(default_factory=list)
    written: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.code] = counts.get(f.code, 0) + 1
        return dict(sorted(counts.items()))


class Importer:
    def __init__(
        self, dataset: Dataset, source_name: str, source_date: date, terms: dict[str, list[str]]
    ):
        self.data = dataset
        self.terms = {
            term_id(taxonomy, code): (taxonomy, code)
            for taxonomy in (CATEGORIES, AUDIENCES)
            for code in terms.get(taxonomy, [])
        }
        self.result = Result()
        self.source = {"name": source_name, "date": source_date.isoformat()}
        self.ext = {term_id(EXTENSIONS, code): code for code in EXTENSION_TERMS}
        self.org_ids: dict[str, str] = {}  # HSDS id -> our id
        self.service_ids: dict[str, str] = {}
        self.taken: set[str] = set()
        self._ext: dict[int, tuple] = {}
        self.ours = _has_terms(dataset, set(self.ext))
        self.countries = _countries(dataset)

    # --- report ------------------------------------------------------------------

    def note(self, obj: dict, name: str, code: str, reason: str) -> None:
        self.result.findings.append(Finding(obj.get(WHERE, "?"), name, code, reason))

    def leftovers(self, obj: dict, mapped: set[str], what: str) -> None:
        for key in sorted(obj):
            if key in mapped or key in STRUCTURAL or key.endswith("_id"):
                continue
            if obj[key] in (None, "", [], {}):
                continue
            self.note(obj, key, UNMAPPED, f"HSDS {what}.{key} has no field in our records")

    # --- ids ---------------------------------------------------------------------------

    def new_id(self, name: str) -> str:
        base = slugify(name)[:80].rstrip("-") or "tanpa-nama"
        found, n = base, 2
        while found in self.taken:
            found, n = f"{base}-{n}", n + 1
        self.taken.add(found)
        return found

    # --- whole run ---------------------------------------------------------------------

    def run(self) -> Result:
        for at, kind in self.data.other:
            self.result.findings.append(Finding(at, "-", OTHER, f"{kind}: not imported"))
        for at, key, what in shape_problems(self.data):
            self.result.findings.append(Finding(at, key, SHAPE, f"{what}: left out"))
        orgs = list(self.data.organizations)
        for service in self.data.services:  # organisations nested in services count too
            if isinstance(service.get("organization"), dict):
                orgs.append(service["organization"])
        for org in orgs:
            if _key(org) not in self.org_ids and _named(org):
                self.org_ids[_key(org)] = self.new_id(org["name"])
        for service in self.data.services:
            if _named(service):
                self.service_ids[_key(service)] = self.new_id(service["name"])
        seen: set[str] = set()
        for org in orgs:
            if _named(org) and _key(org) not in seen:
                seen.add(_key(org))
                self.organisation(org)
            elif not _named(org):
                self.note(org, "name", MISSING, "organisation without a name: not imported")
        for service in self.data.services:
            if _named(service):
                self.service(service)
            else:
                self.note(service, "name", MISSING, "service without a name: not imported")
        return self.result

    # --- attributes and metadata ---------------------------------------------------------

    def split_attributes(self, obj: dict) -> tuple[dict[str, list[str]], list[str], list[str]]:
        """(our extension code -> values, kinds of help, audiences); foreign terms reported."""
        ext: dict[str, list[str]] = {}
        cats: list[str] = []
        auds: list[str] = []
        for attr in obj.get("attributes") or []:
            tid = attr.get("taxonomy_term_id") or (attr.get("taxonomy_term") or {}).get("id")
            code = self.ext.get(ref(tid))
            if code is not None:
                ext.setdefault(code, []).append(str(attr.get("value", "")))
            elif tid in self.terms:
                taxonomy, code = self.terms[tid]
                (cats if taxonomy == CATEGORIES else auds).append(code)
            else:
                term = attr.get("taxonomy_term") or {}
                shown = term.get("name") or term.get("code") or tid or "?"
                self.note(
                    attr,
                    "taxonomy_term",
                    TAXONOMY,
                    f"term '{shown}' is not one of our kinds of help or audiences",
                )
        return ext, cats, auds

    def sources(self, obj: dict) -> list[dict]:
        out = []
        for row in obj.get("metadata") or []:
            if row.get("last_action_type") == "public_source" and isinstance(
                row.get("updated_by"), str
            ):
                src = {"name": row["updated_by"], "url": row.get("replacement_value") or None}
                src["date"] = row.get("last_action_date")
                src["covers"] = row.get("field_name") or None
                out.append({k: v for k, v in src.items() if v})
            elif row.get("last_action_type") == "verified":
                self.note(
                    row,
                    "metadata",
                    NOT_CONFIRMED,
                    "a confirmation by the publisher is not our confirmation: verified_on left empty",
                )
            else:
                self.note(
                    row,
                    "metadata",
                    UNMAPPED,
                    f"change record '{row.get('last_action_type')}' is not a source",
                )
        covers = "Diimpor dari data HSDS."
        if obj.get("assured_date"):
            covers += f" Penerbit data memeriksanya pada {obj['assured_date']} (assured_date); belum kami konfirmasi."
            self.note(
                obj, "assured_date", NOT_CONFIRMED, "kept in the source's covers; never verified_on"
            )
        return out + [dict(self.source, covers=covers)]

    # --- organisations -------------------------------------------------------------------

    ORG_FIELDS = {
        "name", "alternate_name", "description", "email", "website", "phones", "contacts",
        "attributes", "metadata", "services", "parent_organization_id",
    }  # fmt: skip

    def organisation(self, org: dict) -> None:
        ext = self.ext_of(org)
        rec: dict = {"name": org["name"], "short_name": org.get("alternate_name")}
        kind = _first(ext.get("jenis-organisasi"))
        if kind is None:
            self.note(
                org,
                "kind",
                MISSING,
                "the data does not say what kind of organisation this is; staff choose `kind`",
            )
        rec["kind"] = kind
        parent = self.org_ids.get(ref(org.get("parent_organization_id")))
        rec["parent"] = parent
        rec["member_of"] = [
            self.org_ids[m] for m in ext.get("anggota-dari", []) if m in self.org_ids
        ]
        rec["regions"] = self.org_regions(org, ext)
        rec["description"] = org.get("description") or None
        rec["channels"] = self.channels(org, ext, org.get("email"), org.get("website"))
        rec["recheck"] = _first(ext.get("cek-ulang"))
        rec["sources"] = self.sources(org)
        self.leftovers(org, self.ORG_FIELDS, "organization")
        self.result.records[f"organisations/{self.org_ids[_key(org)]}"] = _clean(rec)

    def org_regions(self, org: dict, ext: dict[str, list[str]]):
        codes = ext.get("wilayah-kerja") or []
        if codes == ["national"]:
            return "national"
        found = [c for c in codes if regions.lookup(c)]
        if not found:
            self.note(
                org,
                "regions",
                MISSING,
                "the data names no Indonesian region this organisation works in",
            )
        return found or None

    # --- services and hotlines -------------------------------------------------------------

    SERVICE_FIELDS = {
        "name", "description", "status", "application_process", "eligibility_description",
        "alert", "fees_description", "email", "url", "phones", "contacts", "schedules",
        "service_areas", "languages", "required_documents", "service_at_locations",
        "attributes", "metadata", "organization", "assured_date",
    }  # fmt: skip

    def service(self, obj: dict) -> None:
        ext, cats, auds = self.attrs(obj)
        if _first(ext.get("jenis-catatan")) == "hotline":
            return self.hotline(obj, ext, cats, auds)
        sid = self.service_ids[_key(obj)]
        org = self.org_ids.get(ref(obj.get("organization_id"))) or self.org_ids.get(
            ref((obj.get("organization") or {}).get("id"))
        )
        if org is None:
            self.note(
                obj, "organization_id", MISSING, "no organisation in the data runs this service"
            )
        rec: dict = {"organisation": org, "name": obj["name"]}
        rec["description"] = self.required(obj, "description", "description")
        if not cats:
            self.missing(obj, "categories", "no kind of help from our list")
        if not auds:
            self.missing(obj, "audiences", "no audience from our list")
        rec["categories"] = cats or None
        rec["audiences"] = auds or None
        rec["service_area"] = self.areas(obj) or None
        rec["channels"] = self.channels(obj, ext, obj.get("email"), obj.get("url"))
        rec["hours"] = self.hours(obj, ext)
        rec["fees"] = self.fees(obj, ext)
        rec["languages"] = self.languages(obj) or None
        rec["how_to_get_help"] = obj.get("application_process")
        rec["what_to_bring"] = self.documents(obj) or None
        rec["eligibility"] = obj.get("eligibility_description")
        rec["if_no_answer"] = _first(ext.get("jika-tidak-dijawab"))
        rec["locations"] = self.locations(obj, ext) or None
        rec["status"] = self.status(obj, ext)
        rec["notes"] = obj.get("alert")
        rec["recheck"] = _first(ext.get("cek-ulang"))
        rec["sources"] = self.sources(obj)
        self.leftovers(obj, self.SERVICE_FIELDS, "service")
        self.result.records[f"services/{sid}"] = _clean(rec)
        return None

    def hotline(self, obj: dict, ext, cats, auds) -> None:
        hid = self.service_ids[_key(obj)]
        level = _first(ext.get("cakupan"))
        rec: dict = {
            "name": obj["name"],
            "operator": self.org_ids.get(ref(obj.get("organization_id"))),
        }
        rec["purpose"] = self.required(obj, "description", "purpose")
        rec["channels"] = self.channels(obj, ext, obj.get("email"), obj.get("url"))
        rec["hours"] = self.hours(obj, ext)
        rec["fees"] = self.fees(obj, ext)
        codes = [] if level == "national" else self.areas(obj)
        rec["coverage"] = {"level": level, "regions": codes} if level else None
        rec["categories"], rec["audiences"] = cats, auds
        rec["emergency"] = _first(ext.get("darurat")) == "true" or None
        rec["notes"] = obj.get("alert")
        rec["recheck"] = _first(ext.get("cek-ulang"))
        rec["sources"] = self.sources(obj)
        self.leftovers(obj, self.SERVICE_FIELDS, "service")
        self.result.records[f"hotlines/{hid}"] = _clean(rec)

    def required(self, obj: dict, key: str, ours: str):
        if obj.get(key):
            return obj[key]
        return self.missing(obj, ours, f"HSDS {key} is empty")

    def missing(self, obj: dict, ours: str, why: str) -> None:
        self.note(obj, ours, MISSING, f"{why}; staff fill it in")
        return None

    def status(self, obj: dict, ext) -> str | None:
        if _first(ext.get("status-direktori")) == "unverified":
            return "unverified"
        found = labels.STATUS_BACK.get(ref(obj.get("status")))
        if found is None:
            self.note(
                obj,
                "status",
                UNMAPPED,
                f"status '{obj.get('status')}' has no match; staff choose `status`",
            )
        return found

    def fees(self, obj: dict, ext):
        kind = _first(ext.get("biaya"))
        text = obj.get("fees_description")
        if kind is None:
            if text:
                self.note(
                    obj,
                    "fees_description",
                    UNMAPPED,
                    "fees text without a kind (free/paid/varies): not guessed",
                )
            return None
        label, _note = labels.fee_label(_Fees(kind))
        return _clean({"kind": kind, "note": text if text and text != label else None})

    def languages(self, obj: dict) -> list[str]:
        out = []
        for lang in obj.get("languages") or []:
            code = str(lang.get("code") or "")
            if re.fullmatch(r"[a-z]{2,3}", code):
                out.append(code)
            else:
                self.note(
                    lang,
                    "code",
                    UNMAPPED,
                    f"language '{lang.get('name') or code}' has no ISO 639 code",
                )
            self.leftovers(lang, {"code", "name"}, "language")
        return list(dict.fromkeys(out))

    def documents(self, obj: dict) -> list[str]:
        out = []
        for doc in obj.get("required_documents") or []:
            if doc.get("document"):
                out.append(doc["document"])
            self.leftovers(doc, {"document"}, "required_document")
        return out

    # --- channels --------------------------------------------------------------------------

    def ext_of(self, obj: dict) -> dict[str, list[str]]:
        """Our extension values on an object (foreign terms reported once)."""
        return self.attrs(obj)[0]

    def attrs(self, obj: dict) -> tuple[dict[str, list[str]], list[str], list[str]]:
        key = id(obj)
        if key not in self._ext:
            self._ext[key] = self.split_attributes(obj)
        return self._ext[key]

    def channels(self, obj: dict, ext, email, url) -> list[dict] | None:
        hours = self.channel_hours(obj)
        out: list[dict] = []
        for phone in obj.get("phones") or []:
            ch = self.phone(phone, hours)
            if ch is not None and not (ch.get("hotline") and _same_ref(out, ch)):
                out.append(ch)
        emails = set()
        for contact in obj.get("contacts") or []:
            ch = self.contact(contact)
            if ch is not None:
                out.append(ch)
                emails.add(ch["value"])
        if email and email not in emails:
            out.append({"type": "email", "value": email})
        if url:
            out.append({"type": "website", "value": url})
        for code, kind in (
            ("saluran-web", "website"),
            ("saluran-form", "form"),
            ("saluran-app", "app"),
        ):
            out += [{"type": kind, "value": v} for v in ext.get(code, [])]
        out += [
            _clean({"type": "walk_in", "label": v or None}) for v in ext.get("saluran-walk-in", [])
        ]
        return out or None

    PHONE_FIELDS = {"number", "type", "description", "attributes"}
    PHONE_TYPES = {"voice": "phone", "cell": "phone", "text": "sms"}

    def phone(self, p: dict, hours: dict[str, dict]) -> dict | None:
        pext = self.ext_of(p)
        self.leftovers(p, self.PHONE_FIELDS, "phone")
        kind = _first(pext.get("saluran")) or self.PHONE_TYPES.get(p.get("type") or "voice")
        if kind is None:
            self.note(
                p, "type", UNMAPPED, f"phone type '{p.get('type')}' is not phone, WhatsApp or SMS"
            )
            return None
        via = self.service_ids.get(_first(pext.get("lewat-saluran")))
        ch: dict = {"type": "phone", "hotline": via} if via else {"type": kind}
        if not via:
            value = self.number(p)
            if value is None:
                return None
            ch["value"] = value
        ch["label"] = p.get("description")
        ch["hours"] = hours.get(ref(p.get("id")))
        ch["note"] = _first(pext.get("catatan-saluran"))
        ch["recheck"] = _first(pext.get("cek-ulang"))
        return _clean(ch)

    def number(self, p: dict) -> str | None:
        text = str(p.get("number") or "").strip().strip('"')
        if re.fullmatch(r"\d{3,5}", text):
            return text
        try:
            parsed = phonenumbers.parse(text, "ID")
        except phonenumbers.NumberParseException:
            parsed = None
        if parsed is None or not phonenumbers.is_valid_number(parsed):
            self.note(p, "number", PHONE, f"'{text}' is not a valid phone number: not imported")
            return None
        region = phonenumbers.region_code_for_number(parsed)
        if region != "ID":
            self.note(
                p,
                "number",
                FOREIGN,
                f"'{text}' is a number in {region}, not Indonesia: not imported",
            )
            return None
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)

    def contact(self, c: dict) -> dict | None:
        cext = self.ext_of(c)
        if c.get("name") and not self.ours:
            self.note(
                c, "name", PERSON, "names of people are not recorded (offices and roles only)"
            )
        self.leftovers(c, {"email", "name", "attributes"}, "contact")
        if not c.get("email"):
            return None
        ch = {"type": "email", "value": c["email"], "label": c.get("name") if self.ours else None}
        ch["note"] = _first(cext.get("catatan-saluran"))
        ch["recheck"] = _first(cext.get("cek-ulang"))
        return _clean(ch)

    # --- hours ---------------------------------------------------------------------------------

    def channel_hours(self, obj: dict) -> dict[str, dict]:
        by_phone: dict[str, list[dict]] = {}
        for s in obj.get("schedules") or []:
            phone = _first(self.ext_of(s).get("jam-saluran"))
            if phone:
                by_phone.setdefault(phone, []).append(s)
        return {k: h for k, rows in by_phone.items() if (h := self.hours_from(rows, None))}

    def hours(self, obj: dict, ext) -> dict | None:
        rows = [s for s in obj.get("schedules") or [] if not self.ext_of(s).get("jam-saluran")]
        return self.hours_from(rows, _first(ext.get("hari-libur")))

    SCHEDULE_FIELDS = {
        "freq",
        "byday",
        "opens_at",
        "closes_at",
        "timezone",
        "description",
        "attributes",
    }

    def hours_from(self, rows: list[dict], holidays: str | None) -> dict | None:
        out: dict = {}
        weekly = []
        for s in rows:
            self.leftovers(s, self.SCHEDULE_FIELDS, "schedule")
            if s.get("description") and "note" not in out:
                out["note"] = s["description"]
            if self.ext_of(s).get("buka-24-jam") == ["true"] or _is_always(s):
                out["always"] = True
            elif s.get("byday") or s.get("opens_at"):
                period = self.period(s)
                if period:
                    weekly.append(period)
        if weekly:
            out["weekly"] = weekly
        if holidays:
            out["public_holidays"] = holidays
        return out or None

    def period(self, s: dict) -> dict | None:
        days = [DAY_CODES.get(d.strip()) for d in str(s.get("byday") or "").split(",")]
        opens, closes = _clock(s.get("opens_at")), _clock(s.get("closes_at"))
        if (
            s.get("freq", "WEEKLY") != "WEEKLY"
            or not days
            or None in days
            or not (opens and closes)
        ):
            self.note(
                s,
                "byday",
                UNMAPPED,
                "only weekly opening hours (days, opens_at, closes_at) are kept",
            )
            return None
        return {"days": days, "opens": opens, "closes": closes}

    # --- places -----------------------------------------------------------------------------

    def areas(self, obj: dict) -> list[str]:
        codes = []
        for area in obj.get("service_areas") or []:
            code = _first(self.ext_of(area).get("kode-wilayah"))
            self.leftovers(area, {"name", "attributes"}, "service_area")
            found = (
                code if code and regions.lookup(code) else self.match_region(area, area.get("name"))
            )
            if found:
                codes.append(found)
        return list(dict.fromkeys(codes))

    def match_region(self, obj: dict, *names) -> str | None:
        """A Kemendagri code when a name matches exactly one region; else reported."""
        for name in names:
            found = _region_index().get(_norm(name)) if name else None
            if found and len(found) == 1:
                return found[0]
        if self.countries - {"ID"}:
            where = ", ".join(sorted(self.countries - {"ID"}))
            self.note(
                obj,
                "region",
                FOREIGN,
                f"the data's places are in {where}, outside Indonesia: no region guessed",
            )
        else:
            shown = next((n for n in names if n), "")
            if not shown:
                self.note(obj, "region", REGION, "the data names no place here: staff add the code")
                return None
            self.note(
                obj,
                "region",
                REGION,
                f"'{shown[:60]}' matches no single Kemendagri region: staff add the code",
            )
        return None

    LOCATION_FIELDS = {
        "location_type", "name", "latitude", "longitude", "external_identifier",
        "external_identifier_type", "addresses", "accessibility", "attributes",
    }  # fmt: skip
    ADDRESS_FIELDS = {
        "address_1",
        "address_2",
        "city",
        "region",
        "state_province",
        "country",
        "address_type",
        "postal_code",
    }

    def locations(self, obj: dict, ext) -> list[dict]:
        out = []
        secret = _first(ext.get("lokasi-rahasia")) == "true"
        for sal in obj.get("service_at_locations") or []:
            self.leftovers(sal, {"location", "attributes", "service"}, "service_at_location")
            referral = _first(self.ext_of(sal).get("rujukan"))
            loc = sal.get("location") or {}
            if secret or self.ext_of(loc).get("lokasi-rahasia"):
                city = self.areas(obj)[:1]
                out.append(
                    _clean(
                        {"confidential": True, "region": labels.city_of(city[0]) if city else None}
                    )
                )
                continue
            out.append(self.location(loc, referral))
        return out

    def location(self, loc: dict, referral: str | None) -> dict:
        self.leftovers(loc, self.LOCATION_FIELDS, "location")
        address: dict = next(iter(loc.get("addresses") or []), {})
        for extra in (loc.get("addresses") or [])[1:]:
            self.note(extra, "address", UNMAPPED, "only the first address of a location is kept")
        if address:
            self.leftovers(address, self.ADDRESS_FIELDS | {"attention"}, "address")
        if address.get("attention"):
            self.note(
                address,
                "attention",
                PERSON,
                "names of people are not recorded (offices and roles only)",
            )
        street = ", ".join(str(address[k]) for k in ("address_1", "address_2") if address.get(k))
        code = loc.get("external_identifier")
        if not (
            loc.get("external_identifier_type") == "kode-wilayah-kemendagri"
            and regions.lookup(str(code))
        ):
            code = self.match_region(loc, address.get("region"), address.get("city"))
        rec = {
            "name": loc.get("name"),
            "address": street or None,
            "region": code,
            "latitude": _float(loc.get("latitude")),
            "longitude": _float(loc.get("longitude")),
            "referral": referral,
            "accessibility": self.accessibility(loc) or None,
        }
        return _clean(rec)

    def accessibility(self, loc: dict) -> str:
        texts = []
        for item in loc.get("accessibility") or []:
            self.leftovers(item, {"description"}, "accessibility")
            if item.get("description"):
                texts.append(item["description"])
        return "; ".join(texts)


# --- helpers ---------------------------------------------------------------------------


class _Fees:
    def __init__(self, kind: str):
        self.kind, self.note = kind, None


def _key(obj: dict) -> str:
    """The object's HSDS id; one of its own when it has none (so nothing can refer to it)."""
    found = obj.get("id")
    return found if isinstance(found, str) and found else f"@{id(obj)}"


def _named(obj: dict) -> bool:
    return isinstance(obj.get("name"), str) and bool(obj["name"].strip())


def _first(values):
    return values[0] if values else None


def _clean(rec: dict) -> dict:
    return {k: v for k, v in rec.items() if v not in (None, "", [], {})}


def _same_ref(channels: list[dict], ch: dict) -> bool:
    """A channel through a hotline is exported as one phone per hotline number; one is enough."""
    return any(
        c.get("hotline") == ch["hotline"] and c.get("label") == ch.get("label") for c in channels
    )


def _clock(value) -> str | None:
    match = TIME_RE.match(str(value or ""))
    return f"{match[1]}:{match[2]}" if match else None


def _is_always(s: dict) -> bool:
    days = {d.strip() for d in str(s.get("byday") or "").split(",")}
    return (
        days == set(DAY_CODES)
        and _clock(s.get("opens_at")) == "00:00"
        and _clock(s.get("closes_at")) in ("24:00", "23:59")
    )


def _float(value) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", str(name)).strip().lower()


_INDEX: dict[str, list[str]] = {}


def _region_index() -> dict[str, list[str]]:
    """Lower-case Kemendagri name -> codes (many villages share a name: only a unique one matches)."""
    if not _INDEX:
        for code, name in regions.names().items():
            _INDEX.setdefault(_norm(name), []).append(code)
    return _INDEX


def _walk(obj):
    if isinstance(obj, dict):
        yield obj
        for v in obj.values():
            yield from _walk(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _walk(v)


def _has_terms(dataset: Dataset, ids: set[str]) -> bool:
    """True for data this project exported (it carries our extension terms)."""
    for obj in _walk([dataset.services, dataset.organizations]):
        if obj.get("taxonomy_term_id") in ids:
            return True
    return False


def _countries(dataset: Dataset) -> set[str]:
    return {
        str(obj["country"]).upper()
        for obj in _walk([dataset.services, dataset.organizations])
        if "address_1" in obj and obj.get("country")
    }


# --- the command's entry point ------------------------------------------------------------


def newest_date(dataset: Dataset) -> date | None:
    """The newest date the data gives for itself (last_modified, metadata dates)."""
    found = []
    for obj in _walk([dataset.services, dataset.organizations]):
        for key in ("last_modified", "last_action_date"):
            with contextlib.suppress(ValueError):
                found.append(date.fromisoformat(str(obj.get(key, ""))[:10]))
    return max(found, default=None)


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a `|` block, as staff write it."""


def _text(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def write_records(result: Result, out: Path, replace: bool) -> None:
    """Add one YAML file per record; an existing file is kept unless `replace`."""
    for key, record in sorted(result.records.items()):
        path = out / f"{key}.yaml"
        if path.exists() and not replace:
            result.findings.append(
                Finding(str(path), "-", EXISTS, "record exists: kept (use --replace)")
            )
            continue
        folder = key.split("/", 1)[0]
        header = f"# yaml-language-server: $schema=../schema/{BY_NAME[folder].schema}.schema.json\n"
        body = yaml.dump(record, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(header + body, encoding="utf-8")
        result.written.append(str(path))
