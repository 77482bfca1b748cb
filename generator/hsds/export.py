"""The resolved Directory as HSDS 3.0 objects (https://docs.openreferral.org/en/v3.0/).

Reads only the `Directory` (never YAML), so the export shows what every other output
shows. A service with a confidential location (rumah aman) is cut down here to its name,
organisation, kinds of help, audiences, status and city, whatever the record holds: no
address, coordinates, numbers or free text leave the repository through this file.
The mapping, field by field, is in generator/hsds/README.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import regions
from ..dates import iso_date
from ..directory import Directory, Entry
from ..models import Channel, Hours, Location
from . import labels
from .ids import hsds_id
from .taxonomy import AUDIENCES, CATEGORIES, EXTENSIONS, taxonomies, taxonomy_terms, term_id

DAYS = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
ALL_DAYS = ",".join(DAYS.values())
NUMBER_TYPES = {"phone": "voice", "whatsapp": "text", "sms": "text"}
LINK_CHANNELS = {"form": "saluran-form", "app": "saluran-app", "website": "saluran-web"}


@dataclass
class Export:
    """The whole export, each list sorted by id."""

    organizations: list[dict]
    services: list[dict]
    service_at_locations: list[dict]
    taxonomies: list[dict]
    taxonomy_terms: list[dict]


def export(directory: Directory) -> Export:
    writer = _Writer(directory)
    services = [writer.service(e) for e in directory.services.values()]
    services += [writer.hotline(e) for e in directory.hotlines.values()]
    services.sort(key=lambda s: s["id"])
    organizations = sorted(
        (writer.organization(e) for e in directory.organisations.values()), key=lambda o: o["id"]
    )
    sals = sorted(
        (
            dict(sal, service=_service_summary(s))
            for s in services
            for sal in s.get("service_at_locations", [])
        ),
        key=lambda s: s["id"],
    )
    return Export(organizations, services, sals, taxonomies(), taxonomy_terms(directory))


def is_confidential(record) -> bool:
    locations = getattr(record, "locations", None)
    return isinstance(locations, list) and any(loc.confidential for loc in locations)


def clean(obj: dict) -> dict:
    """Drop empty values: HSDS fields are optional, and an empty one says nothing."""
    return {k: v for k, v in obj.items() if v not in (None, "", [], {})}


def _service_summary(service: dict) -> dict:
    keep = ("id", "name", "status", "organization_id", "description")
    return {k: service[k] for k in keep if k in service}


@dataclass
class _Parts:
    """What one record's channels become."""

    phones: list[dict] = field(default_factory=list)
    contacts: list[dict] = field(default_factory=list)
    schedules: list[dict] = field(default_factory=list)
    attributes: list[dict] = field(default_factory=list)
    email: str | None = None
    url: str | None = None


class _Writer:
    def __init__(self, directory: Directory):
        self.d = directory
        self.short_codes = set(directory.short_codes)

    # --- attributes and metadata ------------------------------------------------

    def attr(self, entity: str, link_id: str, code: str, value: object, n: int = 0) -> dict:
        taxonomy = {"categories": CATEGORIES, "audiences": AUDIENCES}.get(entity, EXTENSIONS)
        if entity in ("categories", "audiences"):
            entity = "service"
        return {
            "id": hsds_id(link_id, "attribute", taxonomy, code, n),
            "link_id": link_id,
            "link_entity": entity,
            "link_type": taxonomy,
            "taxonomy_term_id": term_id(taxonomy, code),
            "value": str(value).lower() if isinstance(value, bool) else str(value),
        }

    def terms(self, service_id: str, record) -> list[dict]:
        """Kinds of help and audiences; `value` is the Indonesian label."""
        out = [
            self.attr("categories", service_id, c, self.d.categories[c].label)
            for c in record.categories
            if c in self.d.categories
        ]
        return out + [
            self.attr("audiences", service_id, a, self.d.audiences[a].label)
            for a in record.audiences
            if a in self.d.audiences
        ]

    def metadata(self, kind: str, rid: str, record) -> list[dict]:
        """Sources and the confirmation, as HSDS metadata rows with their own dates."""
        rows = [
            {
                "id": hsds_id(rid, "metadata", i),
                "resource_id": rid,
                "resource_type": kind,
                "last_action_date": iso_date(s.date),
                "last_action_type": "public_source",
                "field_name": s.covers or "",
                "previous_value": "",
                "replacement_value": s.url or "",
                "updated_by": s.name,
            }
            for i, s in enumerate(record.sources)
        ]
        if record.verified_on:
            rows.append(
                {
                    "id": hsds_id(rid, "metadata", "verified"),
                    "resource_id": rid,
                    "resource_type": kind,
                    "last_action_date": record.verified_on.isoformat(),
                    "last_action_type": "verified",
                    "field_name": "",
                    "previous_value": "",
                    "replacement_value": record.verified_how or "",
                    "updated_by": record.verified_by or "",
                }
            )
        return rows

    # --- channels ----------------------------------------------------------------

    def channels(self, owner: str, owner_id: str, channels, tz_code: str | None) -> _Parts:
        parts = _Parts()
        if not isinstance(channels, list):
            return parts
        for i, ch in enumerate(channels):
            if ch.type in NUMBER_TYPES:
                self._numbers(parts, owner, owner_id, i, ch, tz_code)
            elif ch.type == "email" and ch.value:
                self._email(parts, owner, owner_id, i, ch)
            elif ch.type == "website" and ch.value and parts.url is None:
                parts.url = ch.value
            elif ch.type in LINK_CHANNELS and ch.value:
                parts.attributes.append(
                    self.attr(owner, owner_id, LINK_CHANNELS[ch.type], ch.value, i)
                )
            elif ch.type == "walk_in":
                parts.attributes.append(
                    self.attr(owner, owner_id, "saluran-walk-in", ch.label or "", i)
                )
        return parts

    def _numbers(self, parts: _Parts, owner: str, owner_id: str, i: int, ch: Channel, tz) -> None:
        via = self.d.hotlines.get(ch.hotline) if ch.hotline else None
        if via is not None:
            targets = [c for c in via.record.channels if c.type in NUMBER_TYPES and c.value]
        else:
            targets = [ch] if ch.value else []
        for j, target in enumerate(targets):
            phone_id = hsds_id(owner_id, "channel", i, j)
            value = labels.number(target.value or "", self.short_codes)
            phone: dict[str, Any] = {
                "id": phone_id,
                f"{owner}_id": owner_id,
                "number": value,
                "type": NUMBER_TYPES[target.type],
                "description": ch.label or "",
            }
            attrs = [self.attr("phone", phone_id, "saluran", target.type)]
            if value in self.short_codes:
                attrs.append(self.attr("phone", phone_id, "nomor-pendek", True))
            if via is not None:
                attrs.append(
                    self.attr("phone", phone_id, "lewat-saluran", hsds_id("hotline", via.id))
                )
            if ch.note:
                attrs.append(self.attr("phone", phone_id, "catatan-saluran", ch.note))
            if ch.recheck:
                attrs.append(self.attr("phone", phone_id, "cek-ulang", ch.recheck))
            phone["attributes"] = attrs
            parts.phones.append(clean(phone))
            if isinstance(ch.hours, Hours) and owner == "service":
                parts.schedules += self.schedules(owner_id, ch.hours, tz, phone_id)

    def _email(self, parts: _Parts, owner: str, owner_id: str, i: int, ch: Channel) -> None:
        contact_id = hsds_id(owner_id, "channel", i)
        attrs = []
        if ch.note:
            attrs.append(self.attr("contact", contact_id, "catatan-saluran", ch.note))
        if ch.recheck:
            attrs.append(self.attr("contact", contact_id, "cek-ulang", ch.recheck))
        contact = {"id": contact_id, f"{owner}_id": owner_id, "name": ch.label, "email": ch.value}
        parts.contacts.append(clean(dict(contact, attributes=attrs)))
        parts.email = parts.email or ch.value

    # --- hours -------------------------------------------------------------------

    def schedules(
        self, service_id: str, hours, tz_code: str | None, phone_id: str = ""
    ) -> list[dict]:
        """24 hours is one weekly schedule, every day, 00:00 to 24:00, flagged `buka-24-jam`."""
        if not isinstance(hours, Hours):
            return []
        offset = regions.UTC_OFFSETS[regions.timezone_of(tz_code)] if tz_code else None
        suffix = f"+{offset:02d}:00" if offset is not None else ""
        base = hsds_id(service_id, "schedule", phone_id)
        periods = [(ALL_DAYS, "00:00", "24:00")] if hours.always else []
        periods += [
            (",".join(DAYS[d] for d in p.days), p.opens, p.closes) for p in hours.weekly or []
        ]
        rows = []
        for n, (days, opens, closes) in enumerate(periods or [("", "", "")]):
            row_id = hsds_id(base, n)
            attrs = (
                [self.attr("schedule", row_id, "buka-24-jam", True)]
                if hours.always and n == 0
                else []
            )
            if phone_id:
                attrs.append(self.attr("schedule", row_id, "jam-saluran", phone_id))
            row = {
                "id": row_id,
                "service_id": service_id,
                "freq": "WEEKLY" if days else None,
                "byday": days,
                "opens_at": opens + suffix if opens else None,
                "closes_at": closes + suffix if closes else None,
                "timezone": offset if days else None,
                "description": hours.note if n == 0 else None,
                "attributes": attrs,
            }
            rows.append(clean(row))
        return rows

    # --- records -------------------------------------------------------------------

    def service(self, entry: Entry) -> dict:
        rec = entry.record
        sid = hsds_id("service", entry.id)
        city = labels.city_of(rec.service_area[0])
        if is_confidential(rec):
            return self._confidential(sid, rec, city)
        parts = self.channels("service", sid, rec.channels, rec.service_area[0])
        obj = {
            "id": sid,
            "organization_id": hsds_id("organisation", rec.organisation),
            "name": rec.name,
            "description": rec.description,
            "status": labels.STATUS[rec.status],
            "application_process": rec.how_to_get_help,
            "eligibility_description": rec.eligibility,
            "alert": rec.notes,
            "assured_date": rec.verified_on.isoformat() if rec.verified_on else None,
            "email": parts.email,
            "url": parts.url,
            "phones": parts.phones,
            "contacts": parts.contacts,
            "schedules": self.schedules(sid, rec.hours, rec.service_area[0]) + parts.schedules,
            "service_areas": self.areas(sid, rec.service_area),
            "languages": self.languages(sid, rec.languages),
            "required_documents": [
                {"id": hsds_id(sid, "document", i), "service_id": sid, "document": text}
                for i, text in enumerate(rec.what_to_bring or [])
            ],
            "service_at_locations": self.locations(sid, rec),
            "metadata": self.metadata("service", sid, rec),
        }
        obj.update(self._fees(rec.fees))
        obj["attributes"] = self.terms(sid, rec) + parts.attributes + self._service_flags(sid, rec)
        return clean(obj)

    def _confidential(self, sid: str, rec, city: str) -> dict:
        loc_id = hsds_id(sid, "location", 0)
        sal_id = hsds_id(sid, "service_at_location", 0)
        location = {
            "id": loc_id,
            "location_type": "physical",
            "attributes": [self.attr("location", loc_id, "lokasi-rahasia", True)],
        }
        return {
            "id": sid,
            "organization_id": hsds_id("organisation", rec.organisation),
            "name": rec.name,
            "status": labels.STATUS[rec.status],
            "service_areas": self.areas(sid, [city]),
            "service_at_locations": [
                {"id": sal_id, "service_id": sid, "location_id": loc_id, "location": location}
            ],
            "attributes": self.terms(sid, rec)
            + [self.attr("service", sid, "lokasi-rahasia", True)],
        }

    def _fees(self, fees) -> dict:
        label, note = labels.fee_label(fees)
        return {"fees_description": note or label} if label else {}

    def _service_flags(self, sid: str, rec) -> list[dict]:
        flags = []
        if rec.status == "unverified":
            flags.append(self.attr("service", sid, "status-direktori", "unverified"))
        if rec.fees not in (None, "unknown"):
            flags.append(self.attr("service", sid, "biaya", rec.fees.kind))
        if isinstance(rec.hours, Hours) and rec.hours.public_holidays:
            flags.append(self.attr("service", sid, "hari-libur", rec.hours.public_holidays))
        if getattr(rec, "if_no_answer", None):
            flags.append(self.attr("service", sid, "jika-tidak-dijawab", rec.if_no_answer))
        if rec.recheck:
            flags.append(self.attr("service", sid, "cek-ulang", rec.recheck))
        return flags

    def areas(self, sid: str, codes: list[str]) -> list[dict]:
        rows = []
        for code in codes:
            area_id = hsds_id(sid, "service_area", code)
            rows.append(
                {
                    "id": area_id,
                    "service_id": sid,
                    "name": labels.region_name(code),
                    "attributes": [self.attr("service_area", area_id, "kode-wilayah", code)],
                }
            )
        return rows

    def languages(self, sid: str, codes) -> list[dict]:
        if not isinstance(codes, list):
            return []
        return [
            {
                "id": hsds_id(sid, "language", code),
                "service_id": sid,
                "code": code,
                "name": labels.language_name(code),
            }
            for code in codes
        ]

    def locations(self, sid: str, rec) -> list[dict]:
        if not isinstance(rec.locations, list):
            return []
        return [self._location(sid, i, loc) for i, loc in enumerate(rec.locations)]

    def _location(self, sid: str, i: int, loc: Location) -> dict:
        loc_id = hsds_id(sid, "location", i)
        sal_id = hsds_id(sid, "service_at_location", i)
        location = {
            "id": loc_id,
            "location_type": "physical",
            "name": loc.name,
            "latitude": loc.latitude,
            "longitude": loc.longitude,
            "external_identifier": loc.region,
            "external_identifier_type": "kode-wilayah-kemendagri",
            "addresses": [self._address(loc_id, loc)] if loc.address else [],
            "accessibility": (
                [
                    {
                        "id": hsds_id(loc_id, "accessibility"),
                        "location_id": loc_id,
                        "description": loc.accessibility,
                    }
                ]
                if loc.accessibility
                else []
            ),
        }
        sal = {"id": sal_id, "service_id": sid, "location_id": loc_id, "location": clean(location)}
        if loc.referral:
            sal["attributes"] = [self.attr("service_at_location", sal_id, "rujukan", loc.referral)]
        return sal

    def _address(self, loc_id: str, loc: Location) -> dict:
        # HSDS requires postal_code; we hold none and never guess one, so it is empty.
        city = labels.city_of(loc.region)
        return {
            "id": hsds_id(loc_id, "address"),
            "location_id": loc_id,
            "address_1": loc.address,
            "city": labels.region_name(city),
            "region": labels.region_name(loc.region) if loc.region != city else "",
            "state_province": labels.region_name(loc.region[:2]),
            "postal_code": "",
            "country": "ID",
            "address_type": "physical",
        }

    def hotline(self, entry: Entry) -> dict:
        rec = entry.record
        sid = hsds_id("hotline", entry.id)
        cov = rec.coverage
        tz = cov.regions[0] if cov.regions else None
        parts = self.channels("service", sid, rec.channels, tz)
        areas = (
            self.areas(sid, cov.regions)
            if cov.regions
            else [
                {
                    "id": hsds_id(sid, "service_area", "national"),
                    "service_id": sid,
                    "name": "Indonesia",
                }
            ]
        )
        obj = {
            "id": sid,
            "organization_id": hsds_id("organisation", rec.operator) if rec.operator else None,
            "name": rec.name,
            "description": rec.purpose,
            "status": "active",
            "alert": rec.notes,
            "assured_date": rec.verified_on.isoformat() if rec.verified_on else None,
            "email": parts.email,
            "url": parts.url,
            "phones": parts.phones,
            "contacts": parts.contacts,
            "schedules": self.schedules(sid, rec.hours, tz) + parts.schedules,
            "service_areas": areas,
            "metadata": self.metadata("service", sid, rec),
        }
        obj.update(self._fees(rec.fees))
        flags = [
            self.attr("service", sid, "jenis-catatan", "hotline"),
            self.attr("service", sid, "cakupan", cov.level),
        ]
        if rec.emergency:
            flags.append(self.attr("service", sid, "darurat", True))
        obj["attributes"] = (
            self.terms(sid, rec) + parts.attributes + flags + self._hotline_flags(sid, rec)
        )
        return clean(obj)

    def _hotline_flags(self, sid: str, rec) -> list[dict]:
        flags = []
        if rec.fees not in (None, "unknown"):
            flags.append(self.attr("service", sid, "biaya", rec.fees.kind))
        if isinstance(rec.hours, Hours) and rec.hours.public_holidays:
            flags.append(self.attr("service", sid, "hari-libur", rec.hours.public_holidays))
        if rec.recheck:
            flags.append(self.attr("service", sid, "cek-ulang", rec.recheck))
        return flags

    def organization(self, entry: Entry) -> dict:
        rec = entry.record
        oid = hsds_id("organisation", entry.id)
        parts = self.channels("organization", oid, rec.channels, None)
        regions_ = ["national"] if rec.regions == "national" else rec.regions
        attrs = [self.attr("organization", oid, "jenis-organisasi", rec.kind)]
        attrs += [
            self.attr("organization", oid, "wilayah-kerja", code, n)
            for n, code in enumerate(regions_)
        ]
        attrs += [
            self.attr("organization", oid, "anggota-dari", hsds_id("organisation", m), n)
            for n, m in enumerate(rec.member_of)
        ]
        if rec.recheck:
            attrs.append(self.attr("organization", oid, "cek-ulang", rec.recheck))
        obj = {
            "id": oid,
            "name": rec.name,
            "alternate_name": rec.short_name,
            # HSDS requires a description; an organisation without one gets an empty text.
            "description": rec.description or "",
            "email": parts.email,
            "website": parts.url,
            "parent_organization_id": hsds_id("organisation", rec.parent) if rec.parent else None,
            "phones": parts.phones,
            "contacts": parts.contacts,
            "metadata": self.metadata("organization", oid, rec),
            "attributes": attrs + parts.attributes,
        }
        return clean(obj) | {"description": obj["description"]}
