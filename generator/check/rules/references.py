"""References between records: every id a record names exists (E-REF, with a
suggestion from the same place), no record names itself where another belongs
(E-SELF-REF), and no organisation is its own ancestor (E-CYCLE)."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable, Iterator
from typing import Any

from ...errors import Problem
from ...kinds import KIND_OF_LABEL
from ..context import Batch, Checked, Context, Rule
from ..reading import Loc, RawRecord

LABEL_KINDS = {  # the record kinds a reference may name, by their label in messages
    label: kind
    for label, kind in KIND_OF_LABEL.items()
    if kind in ("organisations", "services", "hotlines")
}
ORG = ("organisations", "organisasi")
# A reference not answered when seen: (record, place, value, id table, label).
Pending = tuple[Checked[Any], Loc, str, Collection[str], str]


class References(Rule):
    """A reference is looked up when its record arrives; one to a record not seen yet
    (a pathway names services, which come later in the tree) waits for `finish`."""

    def __init__(self, ctx: Context):
        super().__init__(ctx)
        # kind -> ids of the record files read so far (and those a partial run knows of)
        self.ids: dict[str, set[str]] = {k: set(v) for k, v in ctx.known_ids.items()}
        self.unresolved: list[Pending] = []
        self._places_by_id: dict[str, dict[str, set[str]]] = {}

    def read(self, raw: RawRecord) -> tuple[()]:
        """References to a file resolve even when it has problems of its own: those are
        reported in its file, not at every record that names it."""
        if raw.id is not None:
            self.ids.setdefault(raw.kind, set()).add(raw.id)
        return ()

    def add(self, batch: Batch) -> tuple[()]:
        for c in batch.of("organisations"):
            if c.model.parent:
                self._ref(c, ("parent",), c.model.parent, *ORG)
            for i, m in enumerate(c.model.member_of):
                self._ref(c, ("member_of", i), m, *ORG)
        for c in batch.of("services"):
            self._ref(c, ("organisation",), c.model.organisation, *ORG)
            self._terms(c, (), c.model.categories, c.model.audiences)
        for c in batch.of("hotlines"):
            if c.model.operator:
                self._ref(c, ("operator",), c.model.operator, *ORG)
            self._terms(c, (), c.model.categories, c.model.audiences)
        for c in batch.of("materials"):
            self._material(c)
        for c in batch.of("pathways"):
            self._pathway(c)
        for c, loc, channel in batch.channels:
            if channel.hotline:
                self._ref(c, (*loc, "hotline"), channel.hotline, "hotlines", "hotline")
        return ()

    def _material(self, c: Checked[Any]) -> None:
        m = c.model
        if m.publisher:
            self._ref(c, ("publisher",), m.publisher, *ORG)
        self._terms(c, (), [], m.audiences)
        for i, hid in enumerate(m.featured.hotlines):
            self._ref(c, ("featured", "hotlines", i), hid, "hotlines", "hotline")
        for i, sid in enumerate(m.featured.services):
            self._ref(c, ("featured", "services", i), sid, "services", "layanan")
        categories = self.ctx.tables.categories
        for i, cat in enumerate(m.featured.categories):
            self._known(c, ("featured", "categories", i), cat, categories, "kategori")

    def _pathway(self, c: Checked[Any]) -> None:
        for s, step in enumerate(c.model.steps):
            for i, sid in enumerate(step.services):
                self._ref(c, ("steps", s, "services", i), sid, "services", "layanan")
            for i, oid in enumerate(step.organisations):
                self._ref(c, ("steps", s, "organisations", i), oid, *ORG)
            for i, hid in enumerate(step.hotlines):
                self._ref(c, ("steps", s, "hotlines", i), hid, "hotlines", "hotline")

    def _terms(
        self, c: Checked[Any], at: Loc, categories: Iterable[str], audiences: Iterable[str]
    ) -> None:
        tables = self.ctx.tables
        for i, cat in enumerate(categories):
            self._known(c, (*at, "categories", i), cat, tables.categories, "kategori")
        for i, aud in enumerate(audiences):
            self._known(c, (*at, "audiences", i), aud, tables.audiences, "sasaran")

    def _ref(self, c: Checked[Any], loc: Loc, value: str, kind: str, label: str) -> None:
        # The live id table of `kind`: filled as records arrive, complete at `finish`.
        self._known(c, loc, value, self.ids.setdefault(kind, set()), label)

    def _known(
        self, c: Checked[Any], loc: Loc, value: str, known: Collection[str], label: str
    ) -> None:
        if value not in known:
            self.unresolved.append((c, loc, value, known, label))

    def finish(self) -> Iterator[Problem]:
        """References that no record answered, once every record is in."""
        phrases = self.ctx.single("taxonomy/phrases.yaml")
        if phrases:  # everyday phrases lead to kinds of help and audiences that exist
            for i, entry in enumerate(phrases.model.phrases):
                self._terms(phrases, ("phrases", i), entry.categories, entry.audiences)
        for c, loc, value, known, label in self.unresolved:
            if value not in known:
                close = difflib.get_close_matches(value, self._nearby(c, label, known), 1, 0.75)
                yield c.at(
                    loc, "E-REF", target=label, value=value, did_you_mean=close[0] if close else ""
                )

    def _nearby(self, c: Checked[Any], label: str, known: Collection[str]) -> list[str]:
        """Ids to suggest for a wrong reference: of the same kind and working where the
        referring record works (a national record fits anywhere). A suggestion from
        another city would send a person to an office that cannot help them."""
        kind = LABEL_KINDS.get(label)
        mine = _places(c.model)
        if kind is None or not mine:
            return sorted(known)
        if kind not in self._places_by_id:
            self._places_by_id[kind] = {x.raw.id or "": _places(x.model) for x in self.ctx.of(kind)}
        places = self._places_by_id[kind]
        return sorted(k for k in known if _overlap(places.get(k), mine))


def _places(model: Any) -> set[str]:
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


class SelfReferences(Rule):
    """A record that names itself where another record belongs: a loop for readers."""

    def add(self, batch: Batch) -> Iterator[Problem]:
        for c in batch.of("organisations"):
            for i, m in enumerate(c.model.member_of):
                if m == c.raw.id:
                    yield c.at(("member_of", i), "E-SELF-REF", value=m,
                               why="organisasi tidak bisa menjadi anggota dirinya sendiri",
                               why_en="an organisation cannot be a member of itself")  # fmt: skip
        for c, loc, channel in batch.channels:
            if c.raw.kind == "hotlines" and channel.hotline == c.raw.id:
                yield c.at((*loc, "hotline"), "E-SELF-REF", value=channel.hotline,
                           why="saluran hotline perlu nomor atau alamatnya sendiri",
                           why_en="a hotline's channel needs its own number or address")  # fmt: skip


class ParentCycles(Rule):
    def finish(self) -> Iterator[Problem]:
        """Each cycle of parents once, at its first organisation in id order. Linear: an
        organisation already walked is never walked again (a chain of 10,000 is fine)."""
        orgs = {c.raw.id or "": c for c in self.ctx.of("organisations")}
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
