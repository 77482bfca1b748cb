"""Error kinds, the problem report, and the one exception hierarchy.

Every problem `check` can report has a stable code and a message template in
Indonesian (for staff) and English (`--lang en`, for developers). Tests assert code
and text; CI annotations match the code.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .kinds import subject_in

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class ProblemType:
    """One entry of the catalogue: a problem code, its severity and its message."""

    code: str
    severity: Severity
    id: str  # Indonesian template
    en: str  # English template
    hint_id: str = ""
    hint_en: str = ""


def _k(
    code: str, severity: Severity, id_: str, en: str, hint_id: str = "", hint_en: str = ""
) -> ProblemType:
    return ProblemType(code, severity, id_, en, hint_id, hint_en)


CATALOGUE: dict[str, ProblemType] = {
    k.code: k
    for k in [
        # --- reading files ---
        _k(
            "E-YAML",
            "error",
            "YAML tidak bisa dibaca: {detail}",
            "YAML cannot be parsed: {detail}",
            "Periksa titik dua, tanda kutip dan indentasi (pakai spasi, bukan tab).",
            "Check colons, quotes and indentation (spaces, not tabs).",
        ),
        _k(
            "E-ENCODING",
            "error",
            "file bukan teks UTF-8 ({detail})",
            "file is not UTF-8 text ({detail})",
            "Simpan file sebagai UTF-8.",
            "Save the file as UTF-8.",
        ),
        _k(
            "E-EMPTY",
            "error",
            "file kosong",
            "file is empty",
            "Isi file dengan catatan, atau hapus file ini.",
            "Fill in the record or delete the file.",
        ),
        _k(
            "E-TOO-BIG",
            "error",
            "file terlalu besar ({size} byte; batas {limit})",
            "file too large ({size} bytes; limit {limit})",
            "Satu file berisi satu catatan saja.",
            "One record per file.",
        ),
        _k(
            "E-MULTI-DOC",
            "error",
            "file berisi lebih dari satu dokumen YAML (`---`)",
            "file holds more than one YAML document (`---`)",
            "Satu file berisi satu catatan.",
            "One record per file.",
        ),
        _k(
            "E-DUPLICATE-KEY",
            "error",
            "kunci '{key}' ditulis dua kali (baris {first_line} dan {again})",
            "key '{key}' appears twice (lines {first_line} and {again})",
            "Jika keduanya benar, gabungkan isinya di satu kunci (daftar: `[a, b]`); jika sama, hapus yang kedua.",
            "If both are right, join them under one key (a list: `[a, b]`); if they are the same, remove the second.",
        ),
        _k(
            "E-ALIAS",
            "error",
            "anchor/alias YAML (`&`, `*`) tidak dipakai di direktori",
            "YAML anchors/aliases (`&`, `*`) are not allowed",
            "Tulis nilainya langsung.",
            "Write the value out.",
        ),
        _k(
            "E-KEY-TYPE",
            "error",
            "kunci harus berupa teks, bukan {got}",
            "keys must be text, not {got}",
        ),
        _k(
            "E-NOT-MAPPING",
            "error",
            "isi file harus berupa daftar `kunci: nilai`, bukan {got}",
            "the file must hold a `key: value` mapping, not {got}",
        ),
        _k(
            "W-UNEXPECTED-FILE",
            "warning",
            "file ini tidak dibaca (bukan .yaml di folder yang dikenal)",
            "this file is not read (not .yaml in a known folder)",
        ),
        _k(
            "E-MISSING-FILE",
            "error",
            "file wajib '{name}' tidak ada",
            "required file '{name}' is missing",
        ),
        # --- shape of one record ---
        _k("E-REQUIRED", "error", "wajib diisi", "required field is missing"),
        _k(
            "E-UNKNOWN-KEY",
            "error",
            "kunci '{key}' tidak dikenal",
            "unknown key '{key}'",
        ),
        _k("E-TYPE", "error", "harus {expected}, tertulis {got}", "must be {expected}, got {got}"),
        _k(
            "E-VALUE",
            "error",
            "nilai '{got}' tidak diizinkan; pilih salah satu: {expected}",
            "value '{got}' is not allowed; choose one of: {expected}",
        ),
        _k("E-LENGTH", "error", "{detail}", "{detail}"),
        _k(
            "E-SLUG",
            "error",
            "'{value}' bukan id yang sah: pakai huruf kecil, angka dan tanda hubung",
            "'{value}' is not a valid id: use lowercase letters, digits and hyphens",
        ),
        _k(
            "E-REGION-FORMAT",
            "error",
            "'{value}' bukan kode wilayah (contoh: 33.75 atau 33.75.01)",
            "'{value}' is not a region code (e.g. 33.75 or 33.75.01)",
        ),
        _k(
            "E-TIME",
            "error",
            "jam '{value}' harus ditulis HH:MM dalam tanda kutip, mis. \"08:00\"",
            "time '{value}' must be HH:MM in quotes, e.g. \"08:00\"",
        ),
        _k(
            "E-LANG",
            "error",
            "'{value}' bukan kode bahasa ISO 639 (mis. id, jv)",
            "'{value}' is not an ISO 639 language code (e.g. id, jv)",
        ),
        _k(
            "E-URL",
            "error",
            "'{value}' bukan alamat web http:// atau https://",
            "'{value}' is not an http:// or https:// address",
        ),
        _k(
            "E-DATE",
            "error",
            "tanggal harus ditulis YYYY-MM-DD, tertulis '{got}'{fix}",
            "date must be YYYY-MM-DD, got '{got}'{fix}",
        ),
        _k(
            "E-FUTURE-DATE",
            "error",
            "tanggal {value} ada di masa depan (hari ini {today})",
            "date {value} is in the future (today is {today})",
        ),
        # --- record rules ---
        _k(
            "E-ID",
            "error",
            "id '{value}' tidak sah: {reason}",
            "id '{value}' is not valid: {reason}",
        ),
        _k(
            "E-DUPLICATE-ID",
            "error",
            "id '{value}' sudah dipakai di {other}",
            "id '{value}' is already used in {other}",
        ),
        _k(
            "E-REF",
            "error",
            "{target} '{value}' tidak dikenal",
            "unknown {target} '{value}'",
        ),
        _k(
            "E-CYCLE",
            "error",
            "induk organisasi berputar: {chain}",
            "parent organisations form a cycle: {chain}",
        ),
        _k(
            "E-REGION",
            "error",
            "kode wilayah '{value}' tidak ada di tabel Kemendagri{suggestion}",
            "region code '{value}' is not in the Kemendagri table{suggestion}",
        ),
        _k(
            "E-REGION-LEVEL",
            "error",
            "'{value}' harus kode {expected}, bukan {got}",
            "'{value}' must be a {expected} code, not {got}",
        ),
        _k(
            "E-REGION-NAME",
            "error",
            "nama '{got}' tidak cocok dengan kode {region} ('{expected}')",
            "name '{got}' does not match code {region} ('{expected}')",
        ),
        _k(
            "E-PHONE",
            "error",
            "nomor '{value}' tidak sah: {reason}",
            "number '{value}' is not valid: {reason}",
            'Tulis nomor lengkap dengan kode area, mis. "(kode area) nomor" atau nomor HP "08xx-xxxx-xxxx".',
            "Write the full number with area code.",
        ),
        _k(
            "E-PHONE-DIGITS",
            "error",
            "nomor '{value}' memakai angka yang tidak ada di tombol telepon ({chars})",
            "number '{value}' uses digits a phone keypad does not have ({chars})",
            "Tulis dengan angka biasa 0–9: {plain}",
            "Write it with the plain digits 0–9: {plain}",
        ),
        _k(
            "E-PHONE-FOREIGN",
            "error",
            "nomor '{value}' adalah nomor luar negeri ({country}); menelepon dari Indonesia mahal atau tidak bisa",
            "number '{value}' is a foreign number ({country}); calling it from Indonesia is costly or impossible",
            "Tulis nomor Indonesia layanan itu. Jika memang harus nomor ini, tambahkan `number_exception:` pada saluran itu dengan alasannya.",
            "Give the service's Indonesian number. If it must be this one, add `number_exception:` with the reason to that channel.",
        ),
        _k(
            "E-PHONE-PREMIUM",
            "error",
            "nomor '{value}' adalah nomor premium (tarif mahal)",
            "number '{value}' is a premium-rate number",
            "Tulis nomor biasa atau bebas pulsa layanan itu. Jika memang harus nomor ini, tambahkan `number_exception:` pada saluran itu dengan alasannya.",
            "Give the service's ordinary or toll-free number. If it must be this one, add `number_exception:` with the reason to that channel.",
        ),
        _k(
            "E-WHATSAPP",
            "error",
            "nomor WhatsApp '{value}' harus nomor HP (08…), tertulis nomor {got}",
            "WhatsApp number '{value}' must be a mobile number, got a {got} number",
        ),
        _k(
            "E-SHORT-CODE",
            "error",
            "nomor pendek '{value}' tidak ada di short-codes.yaml",
            "short code '{value}' is not in short-codes.yaml",
            "Tambahkan nomor ini ke directory/short-codes.yaml beserta sumbernya.",
            "Add it to directory/short-codes.yaml with a source.",
        ),
        _k(
            "E-EMAIL",
            "error",
            "alamat email '{value}' tidak sah ({reason})",
            "email '{value}' is not valid ({reason})",
        ),
        _k("E-CHANNEL", "error", "{detail}", "{detail}"),
        _k("E-HOURS", "error", "{detail}", "{detail}"),
        _k(
            "E-COORDINATES",
            "error",
            "koordinat ({lat}, {lon}) berada di luar Indonesia",
            "coordinates ({lat}, {lon}) are outside Indonesia",
            "Garis lintang antara -11 dan 6, garis bujur antara 95 dan 141.",
            "Latitude between -11 and 6, longitude between 95 and 141.",
        ),
        _k(
            "E-CONFIDENTIAL",
            "error",
            "lokasi rahasia tidak boleh punya {what}",
            "a confidential location must not have {what}",
            "Rumah aman: tulis hanya `confidential: true`, kode kota dan `referral`. Alamat tidak pernah masuk repositori.",
            "Shelter: only `confidential: true`, the city code and `referral`.",
        ),
        _k(
            "E-CONFIDENTIAL-TEXT",
            "error",
            "teks ini tampak memuat alamat, arah tempat, koordinat atau tautan peta ('{match}'), padahal layanan ini rahasia (rumah aman)",
            "this text looks like an address, directions, coordinates or a map link ('{match}') on a confidential service (shelter)",
            "Hapus petunjuk tempat dari teks ini. Rumah aman hanya ditulis `confidential: true`, kode kota dan cara dirujuk.",
            "Remove every hint of the place. A shelter is only `confidential: true`, the city code and how to be referred.",
        ),
        _k(
            "E-SHELTER",
            "error",
            "tempat ini rumah aman ({why}) tetapi tidak ditulis `confidential: true`",
            "this place is a shelter ({why}) but is not marked `confidential: true`",
            "Tulis lokasinya hanya `confidential: true`, kode kota dan `referral`, tanpa nama tempat, alamat atau koordinat. Kantor yang mengatur rujukan ke rumah aman dicatat sebagai layanannya sendiri dengan alamat kantornya.",
            "Write the location as `confidential: true`, the city code and `referral` only. The office that refers people to the shelter is its own service with its office address.",
        ),
        _k(
            "E-CONFIDENTIAL-MIXED",
            "error",
            "layanan dengan lokasi rahasia tidak boleh punya lokasi lain dengan alamat atau koordinat",
            "a service with a confidential location must not list another location with an address or coordinates",
            "Pisahkan: kantor dengan alamatnya menjadi layanan sendiri; layanan rumah aman hanya punya lokasi rahasia.",
            "Split it: the office with its address becomes its own service; the shelter service keeps only its confidential location.",
        ),
        _k(
            "W-CONFIDENTIAL-HIDDEN",
            "warning",
            "saluran ini tidak akan tampil di mana pun: layanan ini rahasia (rumah aman), jadi hanya saluran `hotline:` yang ditampilkan",
            "this channel will not be shown anywhere: the service is confidential (a shelter), so only `hotline:` channels are shown",
            "Agar orang bisa dirujuk, tulis saluran yang menunjuk ke saluran bantuan (`hotline: <id>`), atau catat nomor ini di layanan kantor yang merujuk (mis. UPTD PPA).",
            "To let people be referred, add a channel pointing at a hotline (`hotline: <id>`), or record this number on the referring office's own service (e.g. UPTD PPA).",
        ),
        _k(
            "E-SHELTER-ADDRESS",
            "error",
            "teks ini menyebut rumah aman dan juga tampak memuat alamat, arah tempat, koordinat atau tautan peta ('{match}')",
            "this text names a shelter and also looks like an address, directions, coordinates or a map link ('{match}')",
            "Jangan tulis di mana rumah aman berada. Tulis cara dirujuk, mis. lewat UPTD PPA atau SAPA 129.",
            "Never say where a shelter is; say how to be referred (e.g. through UPTD PPA or SAPA 129).",
        ),
        _k(
            "W-MAP-IN-TEXT",
            "warning",
            "teks ini memuat tautan peta ('{match}')",
            "this text holds a map link ('{match}')",
            "Tempat kantor ditulis di `locations` (alamat, `latitude`, `longitude`), di sana diperiksa. Jangan pernah untuk rumah aman.",
            "A public office's place goes in `locations`, where it is checked. Never for a shelter.",
        ),
        _k(
            "E-IMAGE",
            "error",
            "teks tidak boleh memuat gambar ({what}); situs dan selebaran tidak mengambil apa pun dari internet",
            "text must not contain an image ({what}); the site and leaflets fetch nothing from the internet",
            "Hapus gambarnya. Tautan biasa `[teks](https://…)` boleh.",
            "Remove the image. A plain link `[text](https://…)` is fine.",
        ),
        _k(
            "E-MARKDOWN",
            "error",
            "teks tidak boleh memuat {what}",
            "text must not contain {what}",
            "Pakai hanya paragraf, daftar, huruf tebal/miring dan tautan http(s).",
            "Use only paragraphs, lists, emphasis and http(s) links.",
        ),
        _k("E-INVALID", "error", "nilai tidak sah: {detail}", "invalid value: {detail}"),
        _k("E-VERIFIED", "error", "{detail}", "{detail}"),
        _k(
            "E-FICTIONAL",
            "error",
            "direktori asli tidak boleh `fictional: true`",
            "the real directory must not set `fictional: true`",
        ),
        _k(
            "E-COBRAND-LOGO",
            "error",
            "file logo '{value}' tidak ada di directory/assets/",
            "logo file '{value}' is not in directory/assets/",
        ),
        # --- hostile input: files that are not records, depth, repeats, self-references ---
        _k(
            "E-NOT-REGULAR",
            "error",
            "bukan file biasa ({what}); tidak dibaca",
            "not a regular file ({what}); not read",
            "Simpan catatan sebagai file .yaml biasa di folder ini (tanpa tautan/symlink).",
            "Store the record as a plain .yaml file in this folder (no symbolic links).",
        ),
        _k(
            "E-MISSING-DASH",
            "error",
            "kunci '{key}' ditulis dua kali dalam satu butir daftar (baris {first_line} dan"
            " {again}): sepertinya tanda `- ` hilang di awal baris {again}",
            "key '{key}' appears twice in one list item (lines {first_line} and {again}):"
            " the `- ` at the start of line {again} seems to be missing",
            "Tambahkan `- ` di awal baris {again} (sejajar dengan `- ` butir pertama) agar"
            " menjadi butir baru. Jangan hapus salah satu: isinya akan hilang.",
            "Add `- ` at the start of line {again} (in line with the first item's `- `) to"
            " start a new item. Do not delete either: that loses what it says.",
        ),
        _k(
            "E-PLAIN-TEXT",
            "error",
            "ditulis sebagai teks biasa; tulis dalam bentuk terstruktur: {form}",
            "written as plain text; write it in its structured form: {form}",
            "Isinya sama, dalam bentuk yang bisa dibaca situs dan selebaran. Periksa hasilnya;"
            " tulis `unknown` hanya jika memang belum diketahui.",
            "Same facts, in the form the site and leaflets read. Check the result; write"
            " `unknown` only when the fact is really not known.",
        ),
        _k(
            "E-TOO-DEEP",
            "error",
            "isi bersarang terlalu dalam (lebih dari {limit} tingkat)",
            "nested more than {limit} levels deep",
            "Catatan hanya perlu beberapa tingkat; periksa indentasi dan tanda kurung [ ] { }.",
            "Records need only a few levels; check indentation and [ ] { } brackets.",
        ),
        _k(
            "E-REPEATED",
            "error",
            "{count} masalah [{which}] lain di file ini tidak ditampilkan",
            "{count} more [{which}] problems in this file are not shown",
            "Perbaiki yang ditampilkan dulu; biasanya sisanya kesalahan yang sama.",
            "Fix the ones shown first; the rest are usually the same mistake.",
        ),
        _k(
            "E-SELF-REF",
            "error",
            "merujuk ke dirinya sendiri ('{value}'): {why}",
            "refers to itself ('{value}'): {why}",
            "Hapus rujukan ini, atau ganti dengan catatan lain atau nomor/alamatnya langsung.",
            "Remove this reference, or name another record or the number/address itself.",
        ),
        _k(
            "E-NAME-CHARS",
            "error",
            "nama memuat karakter tak terlihat atau karakter kendali ({chars})",
            "the name holds invisible or control characters ({chars})",
            "Ketik ulang nama dengan huruf biasa; jangan salin dari dokumen berformat.",
            "Type the name again with plain letters; do not paste from formatted documents.",
        ),
        _k(
            "E-LOGO-PATH",
            "error",
            "logo '{value}' tidak bisa dipakai: {why}",
            "logo '{value}' cannot be used: {why}",
            "Simpan file logo langsung di `directory/assets/` (bukan symlink) dan tulis nama filenya saja, mis. `logo-gow.png`.",
            "Put the logo file itself in `directory/assets/` (not a symlink) and write only its name.",
        ),
        # --- warnings ---
        _k(
            "W-STALE",
            "warning",
            "terakhir dikonfirmasi {value} ({months} bulan lalu); perlu dicek ulang",
            "last confirmed {value} ({months} months ago); needs re-checking",
        ),
        _k(
            "W-NO-SOURCE",
            "warning",
            "tidak ada sumber",
            "no source given",
            "Tambahkan `sources:` dengan nama, alamat dan tanggal sumber.",
            "Add `sources:`.",
        ),
        _k(
            "W-MISSING",
            "warning",
            "kolom '{name}' belum diisi",
            "field '{name}' is not filled in",
            "Isi, atau tulis `unknown` jika memang belum diketahui.",
            "Fill it in, or write `unknown`.",
        ),
        _k(
            "W-SHARED-NUMBER",
            "warning",
            "nomor {value} juga dipakai oleh {other}",
            "number {value} is also used by {other}",
            "Jika layanan lain dihubungi lewat nomor yang sama, rujuk hotline-nya (`hotline:`).",
            "Refer to the hotline instead of repeating the number.",
        ),
        _k(
            "W-LEAFLET-FULL",
            "warning",
            "selebaran untuk {city} penuh: ada {count} layanan, yang dicetak hanya {room}; "
            "{rest} layanan lain diganti petunjuk ke daftar lengkap",
            "the leaflet for {city} is full: {count} services, {room} are printed; "
            "{rest} others are replaced by a pointer to the full list",
            "Selebaran tetap dibuat: layanan pengaduan dicetak lebih dulu, lalu kode QR ke "
            "halaman kota (atau SAPA 129 dan nama situs). Untuk daftar yang lebih pendek, "
            "persempit `featured.categories` di materi ini.",
            "The leaflet is still made: complaint services first, then the QR code to the "
            "city page (or SAPA 129 and the site's name). To list fewer, narrow "
            "`featured.categories` in this material.",
        ),
    ]
}


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found in one file."""

    file: str
    line: int
    col: int
    code: str
    params: tuple[tuple[str, str], ...] = ()
    subject: str = ""  # e.g. "layanan 'x'"
    field: str = ""  # dotted path, e.g. "channels[0].value"

    @property
    def type(self) -> ProblemType:
        """Its catalogue entry (what every problem of this code says)."""
        return CATALOGUE[self.code]

    @property
    def severity(self) -> Severity:
        return self.type.severity

    def message(self, lang: str = "id") -> str:
        template = self.type.id if lang == "id" else self.type.en
        params = dict(self.params)
        if lang != "id":  # `detail_en` stands for `detail`; else the detail is translated
            from .english import english

            given = {k[:-3]: v for k, v in self.params if k.endswith("_en")}
            params = {k: given.get(k, english(v)) for k, v in params.items()}
        text = template.format_map(_Params(params))
        if params.get("did_you_mean"):
            ask = "maksud Anda" if lang == "id" else "did you mean"
            text += f" ({ask} '{params['did_you_mean']}'?)"
        hint = self.type.hint_id if lang == "id" else self.type.hint_en
        hint = hint.format_map(_Params(params))  # a hint may show the fix itself
        return (
            f"{text} (Saran: {hint})"
            if hint and lang == "id"
            else (f"{text} (Hint: {hint})" if hint else text)
        )

    def body(self, lang: str = "id") -> str:
        """`<subject>: <field>: <message>` (without position and code)."""
        parts = [p for p in (subject_in(self.subject, lang), self.field) if p]
        parts.append(self.message(lang))
        return ": ".join(parts)

    def format(self, lang: str = "id") -> str:
        return (
            f"{self.file}:{self.line}:{self.col}: {self.severity}[{self.code}]: {self.body(lang)}"
        )


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def problem(file, line, col, code, subject="", field="", **params) -> Problem:
    """A problem whose every text is shown, never obeyed, wherever it is printed."""
    if code not in CATALOGUE:
        raise KeyError(f"unknown problem code {code}")
    return Problem(
        visible(str(file)),
        line,
        col,
        code,
        tuple(sorted((k, visible(str(v))) for k, v in params.items())),
        visible(subject),
        visible(field),
    )


# C0 and C1 controls (ESC starts terminal escape sequences; CR and LF could forge a second
# line of output or a second GitHub workflow command), line and paragraph separators, and
# the invisible format characters that reorder or hide text (bidi controls, zero-width:
# https://www.unicode.org/reports/tr9/, "Trojan Source" https://trojansource.codes/).
_HIDDEN_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """`text` with control and invisible characters written out (`\\n`, `\\x1b`, `\\u202e`)."""
    if text.isprintable():
        return text
    return _HIDDEN_RE.sub(_spell, text)


def _spell(match: re.Match) -> str:
    ch = match.group(0)
    return _SHORT.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


@dataclass
class Report:
    """All problems of one run, errors and warnings together."""

    problems: list[Problem] = field(default_factory=list)
    _sorted: list[Problem] | None = field(default=None, repr=False, compare=False)
    _sorted_from: int = field(default=-1, repr=False, compare=False)

    def add(self, p: Problem) -> None:
        self.problems.append(p)

    def extend(self, ps) -> None:
        self.problems.extend(ps)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == "warning"]

    def sorted(self) -> list[Problem]:
        """Every problem once, in file order, repeats capped (computed once per change)."""
        if self._sorted is None or self._sorted_from != len(self.problems):
            self._sorted = cap_repeats(list(set(self.problems)))
            self._sorted_from = len(self.problems)
        return self._sorted

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))


# Problems of one code shown per file: one mistake repeated (an alias used 100,000
# times) must not bury the rest of the report, nor take minutes to print.
REPEAT_LIMIT = 20


def cap_repeats(problems: list[Problem]) -> list[Problem]:
    """Sorted problems, with at most REPEAT_LIMIT errors of each code in each file and
    an E-REPEATED saying how many more. Warnings are never capped (they must not turn
    into an error). O(n log REPEAT_LIMIT) for a large group, not a sort of all of it."""
    groups: dict[tuple[str, str], list[Problem]] = {}
    for p in problems:
        groups.setdefault((p.file, p.code), []).append(p)
    kept: list[Problem] = []
    for group in groups.values():
        if len(group) <= REPEAT_LIMIT or group[0].severity == "warning":
            kept.extend(group)
            continue
        if group[0].code == "E-REPEATED":
            kept.extend(group)
            continue
        shown = heapq.nsmallest(REPEAT_LIMIT, group)
        after = min((p for p in group if p > shown[-1]), default=shown[-1])
        kept.extend(shown)
        kept.append(
            problem(
                after.file,
                after.line,
                after.col,
                "E-REPEATED",
                count=len(group) - REPEAT_LIMIT,
                which=after.code,
            )  # fmt: skip
        )
    return sorted(kept)


class GeneratorError(Exception):
    """Base of every error the command line turns into a clean message and exit code.

    Library code raises these (or subclasses next to the stage that raises them:
    `build.BuildFailed`, `print.render.LeafletError`, `outfolder.UnsafeOutput`...);
    only `__main__.main` catches them, prints and exits with `exit_code`."""

    exit_code = 1


class CheckFailed(GeneratorError):
    """`check` found errors, so a command stopped before it wrote anything.

    Every command ends the same way on it (`__main__.main`): each problem on its own
    line, then one line saying what was left as it was (`kept`)."""

    def __init__(self, report: Report, kept: str = ""):
        super().__init__(f"{len(report.errors)} error(s)")
        self.report = report
        self.kept = kept  # e.g. "site/ tidak diubah"

    def summary(self) -> str:
        counts = f"{len(self.report.errors)} kesalahan, {len(self.report.warnings)} peringatan"
        kept = f"; {self.kept}" if self.kept else ""
        return f"GAGAL: {counts}{kept}. Perbaiki dulu, lalu jalankan lagi."


class ReaderStopped(GeneratorError):
    """A reader process died (killed, out of memory): say so instead of waiting forever."""


class UsageError(GeneratorError):
    """Bad command-line input (unknown id, conflicting flags...)."""


class MissingRoot(UsageError):
    """The directory folder to read does not exist (exit 2, like a missing file)."""

    exit_code = 2

    def __init__(self, root: object):
        what = "bukan folder" if Path(str(root)).exists() else "tidak ada"
        super().__init__(f"folder direktori '{root}' {what}")
