"""Stage 2: check every record, alone and against the others, and build the Directory.

`check_directory()` gathers every problem of the whole tree (read, shape, rules) into
one Report and returns the resolved Directory only when there is no error. It never
writes anything.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Container, Iterator
from datetime import date
from pathlib import Path

from . import logo, phones, regions
from .addresses import SHELTER_RE, normalise
from .confidential import is_confidential, is_shelter_only
from .dates import iso_date
from .directory import Directory, Entry
from .early import (
    _EMAILS,
    Started,
    _email_problem,
    email_reason_id,
    paused_gc,
    start_reading,
)
from .errors import Problem, Report, problem
from .kinds import FILES, FOLDERS, KIND_OF_LABEL
from .leaflet_room import is_printed, slots
from .load import Loc, RawRecord, field_path
from .models import (
    RECOMMENDED,
    REGION_RE,
    SLUG_RE,
    Channel,
    Hours,
    Location,
    Material,
    Model,
    Organisation,
    Service,
    Settings,
    ShortCodes,
)
from .paths import REAL_ROOT
from .phones import NUMBER_TYPES, PhoneChecker
from .shape import subject, validate_shape

# Fields that name a record (headings, search results, leaflets).
NAME_FIELDS = ("name", "short_name", "title")
# Unicode categories Cc (controls, NUL included), Cf (format: zero-width characters,
# bidi controls, soft hyphen, BOM), Zl/Zp (line and paragraph separators) and the
# Hangul fillers that render as nothing. tests/hardening checks it against unicodedata.
INVISIBLE_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\u3164\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)

# Bounding box of Indonesia, with a margin for outlying islands.
LAT_RANGE = (-11.5, 6.5)
LON_RANGE = (94.5, 141.5)


class Checked:
    """A record that passed its shape check, with where it came from.

    `partial`: it did not pass; `model` is what is left without its faulty optional
    fields (`shape._salvage`), checked by the rules that do not judge a missing field.
    """

    def __init__(self, raw: RawRecord, model: Model, partial: bool = False):
        self.raw = raw
        self.model = model
        self.partial = partial

    def at(self, loc: Loc, code: str, field: str | None = None, **params) -> Problem:
        line, col = self.raw.position(loc)
        name = field if field is not None else field_path(loc)
        return problem(self.raw.display, line, col, code, subject(self.raw), name, **params)


def check_directory(
    root: Path,
    today: date,
    started: Started | None = None,
    resolve: bool = True,
    cache: bool = False,
) -> tuple[Directory | None, Report]:
    """Load, check and resolve the directory at `root` (gather, then decide).

    `started`: the reading already begun by `early.start_reading(root)` (the `check`
    command begins it before importing this module, so the readers work meanwhile).
    `resolve=False`: only the report is wanted; no Directory is built.
    `cache`: take unchanged files from the last run's reading (`readcache`).
    """
    with paused_gc():
        raws, tree_problems = started or start_reading(root, cache)
        return _check_records(root, today, raws, tree_problems, resolve)


def check_part(
    root: Path, today: date, raws: list[RawRecord], known: dict[str, set[str]]
) -> tuple[Directory | None, Report]:
    """Check some files of a tree whose other records were checked before (the live
    preview re-checks only the files that changed). `raws`: the table files
    (settings.yaml, taxonomy/…, short-codes.yaml) first, then the changed records;
    `known`: the ids of every record file of the tree, by folder kind, so references
    resolve as in a whole check. Whole-tree rules see only these records."""
    return _check_records(root, today, iter(raws), [], known=known)


def _check_records(
    root: Path,
    today: date,
    raws: Iterator[RawRecord],
    tree_problems: list[Problem],
    resolve: bool = True,
    known: dict[str, set[str]] | None = None,
) -> tuple[Directory | None, Report]:
    report = Report()
    report.extend(tree_problems)
    regions.names()  # read the region table while the first files are being parsed
    rules = Rules(root, today)
    rules.ids = {kind: set(ids) for kind, ids in (known or {}).items()}
    batch: list[Checked] = []
    for raw in raws:
        phones.seed(raw.extra.get("phones", {}))
        _EMAILS.update(raw.extra.get("emails", {}))
        report.extend(raw.problems)
        report.extend(check_file_id(raw))
        if raw.id is not None:
            rules.exists(raw.kind, raw.id)
        if raw.data is None:
            continue
        model, problems = validate_shape(raw, salvage=True)
        report.extend(problems)
        if model is not None:
            batch.append(Checked(raw, model, partial=bool(problems)))
            if len(batch) == RULES_BATCH:  # while the readers still read the rest
                report.extend(rules.add(batch))
                batch = []
    report.extend(rules.add(batch))
    report.extend(rules.finish())
    if report.errors or rules.settings is None or not resolve:
        return None, report
    return rules.directory(), report


def check_file_id(raw: RawRecord) -> list[Problem]:
    """The file name is the id: a region code for regions, a lowercase slug otherwise."""
    rid = raw.id
    if rid is None:
        return []
    if raw.kind == "regions":
        if REGION_RE.fullmatch(rid):
            return []
        reason = "nama file wilayah harus kode wilayah, mis. 33.75.yaml"
    elif SLUG_RE.fullmatch(rid):
        return []
    else:
        reason = "hanya huruf kecil, angka dan tanda hubung, mis. uptd-ppa-kota-kendari.yaml"
    return [problem(raw.display, 1, 1, "E-ID", subject(raw), "", value=rid, reason=reason)]


# Records per batch of per-record rules: small enough that little is left to check
# when the readers finish, large enough that the stages' own cost stays negligible.
RULES_BATCH = 500

ByKind = dict[str, list[Checked]]


class Rules:
    """The rules over records that passed their shape check (or partly: `Checked.partial`),
    in two sorts of stage.

    - Per-record stages need one record and the tables (settings, short codes,
      taxonomy, the national region table). `add()` runs them on each batch as it
      arrives, while the readers are still reading the rest of a large tree.
    - Whole-tree stages (references, parent cycles, shared numbers) need every record:
      `finish()` runs them at the end.

    Records come in tree order, so the single files that hold the tables (settings.yaml,
    short-codes.yaml, taxonomy/…) arrive before any folder record (`load.discover`);
    the tables are read when the first folder record arrives. A reference is looked up
    when its record arrives; one to a record not seen yet waits for `finish()`.
    """

    def __init__(self, root: Path, today: date):
        self.root = root
        self.today = today
        self.by_kind: ByKind = defaultdict(list)
        self.tables_read = False
        self.settings_c: Checked | None = None
        self.settings: Settings | None = None
        self.categories: dict = {}
        self.audiences: dict = {}
        self.short_codes: dict = {}
        self.phones = PhoneChecker(set())
        self.ids: dict[str, set[str]] = {}  # kind -> ids of the records read so far
        # References not answered when seen: (record, place, value, id table, label).
        self.unresolved: list[tuple[Checked, Loc, str, Container[str], str]] = []
        self.owners: dict[str, list[tuple[Checked, Loc]]] = defaultdict(list)  # by number
        self._places_by_id: dict[str, dict[str, set[str]]] = {}
        # Services by city code (or province code, for province-wide ones), for leaflets.
        self.areas: dict[str, list[tuple[str, Service]]] = defaultdict(list)
        self.leaflet_keys: set[str] | None = None  # known when the first services arrive

    def add(self, batch: list[Checked]) -> list[Problem]:
        """Take the next records (in tree order) and run the per-record stages on them.
        Their ids count for references once `exists` has been told of their files."""
        mine: ByKind = defaultdict(list)
        for c in batch:
            if c.raw.kind in FILES and self.tables_read:
                raise RuntimeError(f"{c.raw.display} came after the folder records")
            if c.raw.kind not in FILES and not self.tables_read:
                self._read_tables()
            mine[c.raw.kind].append(c)
            self.by_kind[c.raw.kind].append(c)
        channels = _channels_of(mine)
        out: list[Problem] = []
        for stage in (
            self.check_regions,
            self.check_locations,
            self.check_dates,
            self.check_verification,
            self.check_completeness,
        ):
            out.extend(stage(mine))
        out.extend(self.check_channels(channels))
        out.extend(self.check_hours(mine, channels))
        out.extend(self.check_self_refs(mine, channels))
        out.extend(self.check_names(mine))
        self.gather_references(mine, channels)
        self.gather_numbers(channels)
        self.gather_areas(mine)
        return out

    def finish(self) -> list[Problem]:
        """Run the whole-tree stages, once every record has been added."""
        if not self.tables_read:  # a tree of single files only
            self._read_tables()
        out: list[Problem] = []
        for stage in (
            self.check_settings,
            self.check_taxonomy,
            self.check_references,
            self.check_parents,
            self.check_shared_numbers,
            self.check_leaflet_room,
        ):
            out.extend(stage())
        return out

    def exists(self, kind: str, rid: str | None) -> None:
        """A record file `kind/rid.yaml` was read. References to it resolve even when it
        has problems of its own: those are reported in its file, not at every record
        that names it."""
        self.ids.setdefault(kind, set()).add(rid)

    def _read_tables(self) -> None:
        self.tables_read = True
        self.settings_c = self._single("settings.yaml")
        self.settings = self.settings_c.model if self.settings_c else None
        self.categories = self._terms("taxonomy/categories.yaml", "categories")
        self.audiences = self._terms("taxonomy/audiences.yaml", "audiences")
        codes = self._single("short-codes.yaml")
        self.short_codes = {s.code: s for s in codes.model.short_codes} if codes else {}
        self.phones = PhoneChecker(set(self.short_codes))

    def _single(self, kind: str) -> Checked | None:
        items = self.by_kind.get(kind) or []
        return items[0] if items else None

    def _terms(self, kind: str, attr: str) -> dict:
        c = self._single(kind)
        return {t.id: t for t in getattr(c.model, attr)} if c else {}

    def records(self, *kinds: str) -> Iterator[Checked]:
        """Every record so far (of `kinds`, or of all kinds)."""
        return _of(self.by_kind, *kinds)

    # --- settings and lists ---------------------------------------------------------

    def check_settings(self) -> Iterator[Problem]:
        if self.settings_c is None:
            return
        if self.settings.fictional and self.root.resolve() == REAL_ROOT.resolve():
            yield self.settings_c.at(("fictional",), "E-FICTIONAL")
        for i, code in enumerate(self.settings.cities):
            yield from self._region_ref(self.settings_c, ("cities", i), code, levels={2})

    def check_taxonomy(self) -> Iterator[Problem]:
        for kind, attr in (
            ("taxonomy/categories.yaml", "categories"),
            ("taxonomy/audiences.yaml", "audiences"),
        ):
            c = self._single(kind)
            if c is None:
                continue
            seen: dict[str, int] = {}
            for i, term in enumerate(getattr(c.model, attr)):
                if term.id in seen:
                    yield c.at(
                        (attr, i, "id"),
                        "E-DUPLICATE-ID",
                        value=term.id,
                        other=f"{attr}[{seen[term.id]}]",
                    )
                seen.setdefault(term.id, i)
        phrases = self._single("taxonomy/phrases.yaml")
        if phrases:  # everyday phrases lead to kinds of help and audiences that exist
            for i, entry in enumerate(phrases.model.phrases):
                self._terms_ref_at(phrases, ("phrases", i), entry.categories, entry.audiences)
        codes = self._single("short-codes.yaml")
        if codes:
            seen = {}
            for i, sc in enumerate(codes.model.short_codes):
                if sc.code in seen:
                    yield codes.at(
                        ("short_codes", i, "code"),
                        "E-DUPLICATE-ID",
                        value=sc.code,
                        other=f"short_codes[{seen[sc.code]}]",
                    )
                seen.setdefault(sc.code, i)

    # --- regions ------------------------------------------------------------------

    def check_regions(self, batch: ByKind) -> Iterator[Problem]:
        for c in _of(batch, "regions"):
            info = regions.lookup(c.raw.id)
            if info is None:
                yield c.at((), "E-REGION", value=c.raw.id, suggestion="")
            elif c.model.name.casefold() != info.name.casefold():
                yield c.at(
                    ("name",),
                    "E-REGION-NAME",
                    got=c.model.name,
                    region=info.code,
                    expected=info.name,
                )
        for c in _of(batch, "organisations"):
            if c.model.regions == "national":
                continue
            for i, code in enumerate(c.model.regions):
                yield from self._region_ref(c, ("regions", i), code)
        for c in _of(batch, "services"):
            for i, code in enumerate(c.model.service_area):
                yield from self._region_ref(c, ("service_area", i), code)
        for c in _of(batch, "hotlines"):
            yield from self._coverage(c)
        for c in _of(batch, "materials"):
            for i, code in enumerate(c.model.regions):
                yield from self._region_ref(c, ("regions", i), code, levels={2})
        for c in _of(batch, "pathways"):
            yield from self._region_ref(c, ("region",), c.model.region, levels={2})

    def _coverage(self, c: Checked) -> Iterator[Problem]:
        cov = c.model.coverage
        want = {"national": set(), "province": {1}, "city": {2}}[cov.level]
        if cov.level != "national" and not cov.regions:
            yield c.at(("coverage", "regions"), "E-REQUIRED")
        for i, code in enumerate(cov.regions):
            yield from self._region_ref(c, ("coverage", "regions", i), code, levels=want or None)

    def _region_ref(
        self, c: Checked, loc: Loc, code: str, levels: set[int] | None = None
    ) -> Iterator[Problem]:
        info = regions.lookup(code)
        if info is None:
            yield c.at(loc, "E-REGION", value=code, suggestion=_region_suggestion(code))
            return
        if levels and info.level not in levels:
            expected = " atau ".join(regions.LEVELS[level] for level in sorted(levels))
            yield c.at(
                loc, "E-REGION-LEVEL", value=code, expected=expected, got=regions.LEVELS[info.level]
            )

    # --- references ---------------------------------------------------------------

    def gather_references(self, batch: ByKind, channels: list) -> None:
        """Look up every reference in the batch. One to a record not seen yet (a pathway
        names services, which come later in the tree) waits for `check_references`."""
        org = ("organisations", "organisasi")
        for c in _of(batch, "organisations"):
            if c.model.parent:
                self._ref(c, ("parent",), c.model.parent, *org)
            for i, m in enumerate(c.model.member_of):
                self._ref(c, ("member_of", i), m, *org)
        for c in _of(batch, "services"):
            self._ref(c, ("organisation",), c.model.organisation, *org)
            self._terms_ref(c, c.model.categories, c.model.audiences)
        for c in _of(batch, "hotlines"):
            if c.model.operator:
                self._ref(c, ("operator",), c.model.operator, *org)
            self._terms_ref(c, c.model.categories, c.model.audiences)
        for c in _of(batch, "materials"):
            self._material_refs(c)
        for c in _of(batch, "pathways"):
            for s, step in enumerate(c.model.steps):
                for i, sid in enumerate(step.services):
                    self._ref(c, ("steps", s, "services", i), sid, "services", "layanan")
                for i, oid in enumerate(step.organisations):
                    self._ref(c, ("steps", s, "organisations", i), oid, *org)
                for i, hid in enumerate(step.hotlines):
                    self._ref(c, ("steps", s, "hotlines", i), hid, "hotlines", "hotline")
        for c, loc, channel in channels:
            if channel.hotline:
                self._ref(c, (*loc, "hotline"), channel.hotline, "hotlines", "hotline")

    def _material_refs(self, c: Checked) -> None:
        m: Material = c.model
        if m.publisher:
            self._ref(c, ("publisher",), m.publisher, "organisations", "organisasi")
        self._terms_ref(c, [], m.audiences)
        for i, hid in enumerate(m.featured.hotlines):
            self._ref(c, ("featured", "hotlines", i), hid, "hotlines", "hotline")
        for i, sid in enumerate(m.featured.services):
            self._ref(c, ("featured", "services", i), sid, "services", "layanan")
        for i, cat in enumerate(m.featured.categories):
            self._known(c, ("featured", "categories", i), cat, self.categories, "kategori")

    def _terms_ref(self, c: Checked, categories: list[str], audiences: list[str]) -> None:
        self._terms_ref_at(c, (), categories, audiences)

    def _terms_ref_at(
        self, c: Checked, at: Loc, categories: list[str], audiences: list[str]
    ) -> None:
        for i, cat in enumerate(categories):
            self._known(c, (*at, "categories", i), cat, self.categories, "kategori")
        for i, aud in enumerate(audiences):
            self._known(c, (*at, "audiences", i), aud, self.audiences, "sasaran")

    def _ref(self, c: Checked, loc: Loc, value: str, kind: str, label: str) -> None:
        # The live id table of `kind`: filled as records arrive, complete at `finish`.
        self._known(c, loc, value, self.ids.setdefault(kind, set()), label)

    def _known(self, c: Checked, loc: Loc, value: str, known, label: str) -> None:
        if value not in known:
            self.unresolved.append((c, loc, value, known, label))

    def check_references(self) -> Iterator[Problem]:
        """References that no record answered, once every record is in."""
        for c, loc, value, known, label in self.unresolved:
            if value not in known:
                candidates = self._nearby(c, label, known)
                close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.75)
                yield c.at(
                    loc, "E-REF", target=label, value=value, did_you_mean=close[0] if close else ""
                )

    def _nearby(self, c: Checked, label: str, known) -> list[str]:
        """Ids to suggest for a wrong reference: of the same kind and working where the
        referring record works (a national record fits anywhere). A suggestion from
        another city would send a person to an office that cannot help them."""
        kind = LABEL_KINDS.get(label)
        mine = _places(c.model)
        if kind is None or not mine:
            return sorted(known)
        if kind not in self._places_by_id:
            self._places_by_id[kind] = {x.raw.id: _places(x.model) for x in self.records(kind)}
        places = self._places_by_id[kind]
        return sorted(k for k in known if _overlap(places.get(k), mine))

    def check_parents(self) -> Iterator[Problem]:
        """Each cycle of parents once, at its first organisation in id order. Linear: an
        organisation already walked is never walked again (a chain of 10,000 is fine)."""
        orgs = {c.raw.id: c for c in self.records("organisations")}
        done: set[str] = set()
        cycles: list[list[str]] = []
        for start in sorted(orgs):
            path: dict[str, int] = {}  # organisation -> place on this walk
            current: str | None = start
            while current in orgs and current not in done and current not in path:
                path[current] = len(path)
                current = orgs[current].model.parent
            if current in path:
                cycles.append(list(path)[path[current] :])
            done.update(path)
        for members in cycles:
            first = members.index(min(members))
            chain = members[first:] + members[:first]
            yield orgs[chain[0]].at(("parent",), "E-CYCLE", chain=" → ".join([*chain, chain[0]]))

    def check_self_refs(self, batch: ByKind, channels: list) -> Iterator[Problem]:
        """A record that names itself where another record belongs: a loop for readers."""
        for c in _of(batch, "organisations"):
            for i, m in enumerate(c.model.member_of):
                if m == c.raw.id:
                    yield c.at(("member_of", i), "E-SELF-REF", value=m,
                               why="organisasi tidak bisa menjadi anggota dirinya sendiri",
                               why_en="an organisation cannot be a member of itself")  # fmt: skip
        for c, loc, channel in channels:
            if c.raw.kind == "hotlines" and channel.hotline == c.raw.id:
                yield c.at((*loc, "hotline"), "E-SELF-REF", value=channel.hotline,
                           why="saluran hotline perlu nomor atau alamatnya sendiri",
                           why_en="a hotline's channel needs its own number or address")  # fmt: skip

    def check_names(self, batch: ByKind) -> Iterator[Problem]:
        """Names shown in headings, search and leaflets: no control, invisible or
        direction-changing characters (a bidi override can make a name read as another;
        https://unicode.org/reports/tr9/ and https://trojansource.codes/)."""
        for c in self.records_of(batch):
            fields = c.model.__dict__  # getattr of a field the kind lacks is slow in pydantic
            for name in NAME_FIELDS:
                value = fields.get(name)
                if not isinstance(value, str) or (value.isascii() and value.isprintable()):
                    continue  # most names: no character to look at (C-speed test)
                if INVISIBLE_RE.search(value):
                    found = sorted({f"U+{ord(ch):04X}" for ch in INVISIBLE_RE.findall(value)})
                    yield c.at((name,), "E-NAME-CHARS", chars=", ".join(found))

    @staticmethod
    def records_of(batch: ByKind) -> Iterator[Checked]:
        return (c for items in batch.values() for c in items)

    # --- channels -----------------------------------------------------------------

    def check_channels(self, channels: list[tuple[Checked, Loc, Channel]]) -> Iterator[Problem]:
        for c, loc, ch in channels:
            yield from self._channel(c, loc, ch)

    def _channel(self, c: Checked, loc: Loc, ch: Channel) -> Iterator[Problem]:
        if ch.type == "walk_in":
            return
        if ch.value and ch.hotline:
            yield c.at(loc, "E-CHANNEL", detail="isi `value` atau `hotline`, jangan keduanya")
            return
        if not ch.value and not ch.hotline:
            yield c.at(
                loc,
                "E-CHANNEL",
                detail=f"saluran `{ch.type}` perlu `value` (nomor/alamat) atau `hotline`",
            )
            return
        if ch.hotline:
            if ch.type not in NUMBER_TYPES:
                yield c.at(
                    (*loc, "hotline"),
                    "E-CHANNEL",
                    detail="`hotline` hanya untuk phone, whatsapp atau sms",
                )
            return
        vloc = (*loc, "value")
        if ch.type in NUMBER_TYPES:
            error = self.phones.check(
                ch.value,
                whatsapp=ch.type == "whatsapp",
                sms=ch.type == "sms",
                exception=bool(ch.number_exception),
            )
            if error:
                code, params = error
                yield c.at(vloc, code, **params)
        elif ch.type == "email":
            reason = _email_problem(ch.value)
            if reason:
                yield c.at(
                    vloc,
                    "E-EMAIL",
                    value=ch.value,
                    reason=email_reason_id(reason),
                    reason_en=reason,
                )
        elif not re.match(r"^https?://[^\s/$.?#][^\s]*$", ch.value, re.IGNORECASE):
            yield c.at(vloc, "E-URL", value=ch.value)

    # --- hours --------------------------------------------------------------------

    def check_hours(
        self, batch: ByKind, channels: list[tuple[Checked, Loc, Channel]]
    ) -> Iterator[Problem]:
        for c in _of(batch, "services", "hotlines"):
            if isinstance(c.model.hours, Hours):
                yield from self._hours(c, ("hours",), c.model.hours)
        for c, loc, ch in channels:
            if ch.hours:
                yield from self._hours(c, (*loc, "hours"), ch.hours)

    def _hours(self, c: Checked, loc: Loc, hours: Hours) -> Iterator[Problem]:
        if hours.always and hours.weekly:
            yield c.at(
                loc, "E-HOURS", detail="pilih salah satu: `always: true` (24 jam) atau `weekly`"
            )
        elif not hours.always and not hours.weekly:
            yield c.at(loc, "E-HOURS", detail="isi `always: true` (24 jam) atau jadwal `weekly`")
        for i, period in enumerate(hours.weekly or []):
            if period.closes <= period.opens:
                yield c.at(
                    (*loc, "weekly", i, "closes"),
                    "E-HOURS",
                    detail=f"jam tutup {period.closes} harus setelah jam buka {period.opens}",
                )
            if len(set(period.days)) != len(period.days):
                yield c.at(
                    (*loc, "weekly", i, "days"), "E-HOURS", detail="ada hari yang ditulis dua kali"
                )

    # --- locations and shelters ------------------------------------------------------

    def check_locations(self, batch: ByKind) -> Iterator[Problem]:
        for c in _of(batch, "services"):
            locations = c.model.locations if isinstance(c.model.locations, list) else []
            for i, loc in enumerate(locations):
                yield from self._location(c, ("locations", i), loc)
            yield from _shelter_places(c, locations)
            yield from _hidden_channels(c)

    def _location(self, c: Checked, at: Loc, loc: Location) -> Iterator[Problem]:
        if loc.confidential:
            for name in ("address", "latitude", "longitude", "name", "accessibility"):
                if getattr(loc, name) is not None:
                    yield c.at((*at, name), "E-CONFIDENTIAL", what=name)
            yield from self._region_ref(c, (*at, "region"), loc.region, levels={2})
            return
        yield from self._region_ref(c, (*at, "region"), loc.region, levels={2, 3, 4})
        if (loc.latitude is None) != (loc.longitude is None):
            yield c.at(
                at,
                "E-REQUIRED",
                field=field_path((*at, "latitude" if loc.latitude is None else "longitude")),
            )
        elif loc.latitude is not None and not (
            LAT_RANGE[0] <= loc.latitude <= LAT_RANGE[1]
            and LON_RANGE[0] <= loc.longitude <= LON_RANGE[1]
        ):
            yield c.at((*at, "latitude"), "E-COORDINATES", lat=loc.latitude, lon=loc.longitude)

    # --- dates and trust ---------------------------------------------------------------

    def check_dates(self, batch: ByKind) -> Iterator[Problem]:
        for c in _of(batch):
            for loc, value in _dates(c):
                if value > self.today:
                    yield c.at(
                        loc, "E-FUTURE-DATE", value=iso_date(value), today=self.today.isoformat()
                    )

    def check_verification(self, batch: ByKind) -> Iterator[Problem]:
        stale_after = self.settings.stale_after_months if self.settings else 12
        from .directory import months_between

        for c in _of(batch, "organisations", "services", "hotlines", "pathways"):
            m = c.model
            if m.verified_on and m.verified_on <= self.today:
                months = months_between(m.verified_on, self.today)
                if months >= stale_after:
                    yield c.at(
                        ("verified_on",), "W-STALE", value=m.verified_on.isoformat(), months=months
                    )
            if c.partial:
                continue  # a field left out for its own problem is not a missing field
            if m.verified_on and not m.verified_by:
                yield c.at(
                    ("verified_on",),
                    "E-VERIFIED",
                    detail="`verified_by` wajib diisi (kantor/jabatan yang mengonfirmasi)",
                )
            elif m.verified_by and not m.verified_on:
                yield c.at(
                    ("verified_by",),
                    "E-VERIFIED",
                    detail="`verified_on` wajib diisi (tanggal konfirmasi)",
                )
            if not m.sources and not m.verified_on:
                yield c.at((), "W-NO-SOURCE", field="")
        for c in _of(batch, "organisations"):
            if c.model.logo:
                yield from self._logo(c, c.model.logo)

    def _logo(self, c: Checked, name: str) -> Iterator[Problem]:
        why = logo.refused(self.root, name)
        if why == "missing":
            yield c.at(("logo",), "E-COBRAND-LOGO", value=name)
        elif why:
            yield c.at(("logo",), "E-LOGO-PATH", value=name, why=why)

    def check_completeness(self, batch: ByKind) -> Iterator[Problem]:
        for c in _of(batch, "organisations", "services", "hotlines"):
            if c.partial:
                continue  # its faulty fields were left out, not left unwritten
            for name in RECOMMENDED.get(type(c.model), ()):
                if getattr(c.model, name) is None:
                    yield c.at((), "W-MISSING", field="", name=name)

    def gather_numbers(self, channels: list[tuple[Checked, Loc, Channel]]) -> None:
        """Who uses each phone number (E.164), for `check_shared_numbers`."""
        for c, loc, ch in channels:
            if ch.value and ch.type in NUMBER_TYPES and not self.phones.is_short(ch.value):
                number = self.phones.normalise(ch.value)
                if number:
                    self.owners[number].append((c, loc))

    def check_shared_numbers(self) -> Iterator[Problem]:
        shared = sorted((n, users) for n, users in self.owners.items() if len(users) > 1)
        for number, users in shared:
            for c, loc in users:
                others = sorted({o.raw.display for o, _ in users if not self._related(c, o)})
                if others:
                    yield c.at(
                        (*loc, "value"), "W-SHARED-NUMBER", value=number, other=", ".join(others)
                    )

    def gather_areas(self, batch: ByKind) -> None:
        """Services of the cities (or their provinces) that leaflets list, for
        `check_leaflet_room`. Materials and settings come before services in tree order."""
        services = batch.get("services")
        if not services:
            return
        if self.leaflet_keys is None:
            self.leaflet_keys = self._leaflet_keys()
        keys = self.leaflet_keys
        if not keys:
            return
        for c in services:
            for code in c.model.service_area:
                if code in keys or code[:5] in keys:
                    self.areas[code[:5]].append((c.raw.id, c.model))

    def _leaflet_keys(self) -> set[str]:
        """Codes of the cities listed by a leaflet, and of their provinces."""
        cities = set(self.settings.cities) if self.settings else set()
        needed = {
            city for c in self.records("materials") if slots(c.model.kind)
            for city in c.model.regions if city in cities
        }  # fmt: skip
        return needed | {city[:2] for city in needed}

    def check_leaflet_room(self) -> Iterator[Problem]:
        """A city with more services than a leaflet lists: the leaflet is still made (the
        ones that fit, complaint services first, and a pointer to the rest); staff are told."""
        cities = set(self.settings.cities) if self.settings else set()
        materials = [c for c in self.records("materials") if slots(c.model.kind)]
        needed = {city for c in materials for city in c.model.regions if city in cities}
        if not needed:
            return
        for c in materials:
            room = slots(c.model.kind)
            for i, city in enumerate(c.model.regions):
                found = dict(self.areas.get(city[:2], ())) | dict(self.areas.get(city, ()))
                count = sum(is_printed(rid, s, c.model) for rid, s in found.items())
                if count > room:
                    yield c.at(
                        ("regions", i), "W-LEAFLET-FULL", material=c.raw.id,
                        city=f"{regions.names().get(city, city)} ({city})",
                        count=count, room=room, rest=count - room,
                    )  # fmt: skip

    def _related(self, a: Checked, b: Checked) -> bool:
        if a is b:
            return True
        return bool(_family(a) & _family(b))

    # --- result -----------------------------------------------------------------

    def directory(self) -> Directory:
        d = Directory(root=self.root, settings=self.settings, today=self.today)
        d.categories = dict(self.categories)
        d.audiences = dict(self.audiences)
        syn = self._single("taxonomy/synonyms.yaml")
        d.synonyms = list(syn.model.synonyms) if syn else []
        d.short_codes = dict(self.short_codes)
        for kind in FOLDERS:
            entries = {
                c.raw.id: Entry(c.raw.id, kind, c.raw.display, c.model)
                for c in sorted(self.records(kind), key=lambda c: c.raw.id)
            }
            setattr(d, kind, entries)
        return d


def _shelter_places(c: Checked, locations: list[Location]) -> Iterator[Problem]:
    """A shelter is a confidential location: by its name, or because temporary shelter
    is the service's only kind of help. An office that arranges shelter among other
    help keeps its public address. A confidential service lists no public place beside
    its shelter: that would say where the shelter's people are."""
    service: Service = c.model
    shelter_only = is_shelter_only(service)
    confidential = is_confidential(service)
    for i, loc in enumerate(locations):
        if loc.confidential:
            continue
        if loc.name and SHELTER_RE.search(normalise(loc.name)):
            yield c.at(("locations", i), "E-SHELTER", why="nama tempat")
        elif shelter_only:
            yield c.at(("locations", i), "E-SHELTER", why="penampungan sementara saja")
        elif confidential and (loc.address or loc.latitude is not None):
            yield c.at(("locations", i), "E-CONFIDENTIAL-MIXED")


def _hidden_channels(c: Checked) -> Iterator[Problem]:
    """A confidential service publishes only its `hotline:` channels (`confidential.py`):
    say so where a number or address of its own would silently never appear."""
    if not is_confidential(c.model) or not isinstance(c.model.channels, list):
        return
    for i, channel in enumerate(c.model.channels):
        if not channel.hotline:
            yield c.at(("channels", i), "W-CONFIDENTIAL-HIDDEN")


def _of(by_kind: ByKind, *kinds: str) -> Iterator[Checked]:
    for kind in kinds or tuple(by_kind):
        yield from by_kind.get(kind, ())


def _channels_of(by_kind: ByKind) -> list[tuple[Checked, Loc, Channel]]:
    """Every contact channel with its record and place (listed once, used by 4 rules)."""
    return [
        (c, ("channels", i), ch)
        for c in _of(by_kind, "organisations", "services", "hotlines")
        if isinstance(c.model.channels, list)
        for i, ch in enumerate(c.model.channels)
    ]


LABEL_KINDS = {  # the record kinds a reference may name, by their label in messages
    label: kind
    for label, kind in KIND_OF_LABEL.items()
    if kind in ("organisations", "services", "hotlines")
}


def _places(model: Model) -> set[str]:
    """Region codes a record works in (empty: national or not said)."""
    codes: list[str] = []
    for name in ("service_area", "regions"):
        value = getattr(model, name, None)
        if isinstance(value, list):
            codes += value
    coverage = getattr(model, "coverage", None)
    if coverage is not None:
        codes += list(getattr(coverage, "regions", []) or [])
    return set(codes)


def _overlap(theirs: set[str] | None, mine: set[str]) -> bool:
    """Unknown or national, or one place lies in the other (a city in its province)."""
    if not theirs:
        return True
    return any(a.startswith(b) or b.startswith(a) for a in theirs for b in mine)


def _family(c: Checked) -> set[str]:
    """Organisation ids a record belongs to (itself, its organisation, its parent)."""
    m = c.model
    ids: set[str] = set()
    if isinstance(m, Organisation):
        ids.add(c.raw.id)
        if m.parent:
            ids.add(m.parent)
    elif isinstance(m, Service):
        ids.add(m.organisation)
    elif getattr(m, "operator", None):
        ids.add(m.operator)
    return ids


def _dates(c: Checked) -> Iterator[tuple[Loc, date]]:
    """Every date field: sources' dates, verified_on, a material's date."""
    m = c.model
    values = m.__dict__  # pydantic keeps fields here; getattr of a missing one is slow
    for i, source in enumerate(values.get("sources") or []):
        yield ("sources", i, "date"), source.date
    for name in ("verified_on", "date"):
        value = values.get(name)
        if isinstance(value, date):
            yield (name,), value
    if isinstance(m, ShortCodes):
        for i, sc in enumerate(m.short_codes):
            for j, source in enumerate(sc.sources):
                yield ("short_codes", i, "sources", j, "date"), source.date


def _region_suggestion(code: str) -> str:
    parent = code.rsplit(".", 1)[0] if "." in code else None
    info = regions.lookup(parent) if parent else None
    return f" ({parent} = {info.name})" if info else ""
