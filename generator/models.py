"""Record kinds of the directory, declared once.

Every kind is a pydantic model with a docstring per field. From these models come:
the validation of each YAML file (`check/shape.py`), the JSON Schemas in
`directory/schema/` (`schema.py`), and the field reference page for staff.

Field names are English and map onto Open Referral HSDS 3.0 where HSDS has the
field (see `HSDS` comments); their meaning is documented in Indonesian for staff.

Rules that need other records (references, phone numbers against the short-code
list, region codes against the national table) live in `check/rules/`; the models
only hold the shape of one record.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from .dates import SOURCE_DATE_RE, SourceDate
from .kinds import FILES, FOLDERS, KIND_LABELS  # noqa: F401 - KIND_LABELS re-exported

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REGION_RE = re.compile(r"^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$")
TIME_RE = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$")
LANG_RE = re.compile(r"^[a-z]{2,3}$")


# Format codes by pattern: pydantic-core checks these in Rust (no Python call per value,
# ~0.07 s at 10,000 records) and `check/shape.py` turns a mismatch into the code.
PATTERN_CODES: dict[str, str] = {
    SLUG_RE.pattern: "E-SLUG",
    REGION_RE.pattern: "E-REGION-FORMAT",
    TIME_RE.pattern: "E-TIME",
    LANG_RE.pattern: "E-LANG",
}


def _url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value, re.IGNORECASE):
        raise PydanticCustomError("E-URL", "{value}", {"value": value})
    return value


def _source_date(value: Any) -> SourceDate:
    if isinstance(value, str):
        found = _SOURCE_DATES.get(value)
        if found is not None:
            return found
        try:
            found = _SOURCE_DATES[value] = SourceDate.parse(value.strip())
        except ValueError:
            raise PydanticCustomError("E-DATE", "{got}", {"got": value}) from None
        return found
    if isinstance(value, SourceDate):
        return value
    if isinstance(value, date) and not isinstance(value, datetime):
        return SourceDate(value.year, value.month, value.day)
    raise PydanticCustomError("E-DATE", "{got}", {"got": value})


# Parsed source dates by their text: many sources share a date, and a SourceDate is
# never changed once made (~1 µs a source saved at 10,000 records).
_SOURCE_DATES: dict[str, SourceDate] = {}


# A source's date, as precise as the source: `2025-10-13`, `2025-10` or `2025`.
SourceDay = Annotated[
    SourceDate,
    PlainValidator(_source_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": SOURCE_DATE_RE.pattern},
                {"type": "integer", "minimum": 1900, "maximum": 2999},
            ]
        }
    ),
]
Slug = Annotated[str, StringConstraints(pattern=SLUG_RE.pattern)]
RegionCode = Annotated[str, StringConstraints(pattern=REGION_RE.pattern)]
Time = Annotated[str, StringConstraints(pattern=TIME_RE.pattern)]
LangCode = Annotated[str, StringConstraints(pattern=LANG_RE.pattern)]
Url = Annotated[str, AfterValidator(_url)]
Text = Annotated[str, Field(min_length=1)]
Markdown = Annotated[str, Field(min_length=1)]
"""Short Markdown: paragraphs, lists, emphasis and links only (no raw HTML)."""

Unknown = Literal["unknown"]
"""Written as `unknown`: the fact is genuinely not known (silences the missing-field warning)."""

Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        str_strip_whitespace=True,
        frozen=True,
    )


# --- shared parts -----------------------------------------------------------------


class Source(Model):
    """A public source for facts in the record (HSDS: metadata)."""

    name: Text
    """Sumber: nama situs/media atau dokumen, mis. `jateng.antaranews.com` atau `SK Wali Kota 2021`."""
    url: Url | None = None
    """Alamat web sumber (http/https), jika ada."""
    date: SourceDay
    """Tanggal sumber itu terbit atau menyatakan fakta (bukan tanggal dicek). Jika sumber hanya menyebut bulan atau tahun, tulis itu saja (`2025-10` atau `2025`); jangan menebak tanggalnya."""
    covers: str | None = None
    """Fakta mana dari catatan ini yang berasal dari sumber ini."""


class Period(Model):
    """One opening period on some days of the week (HSDS: schedule)."""

    days: list[Day] = Field(min_length=1)
    """Hari: `mon` `tue` `wed` `thu` `fri` `sat` `sun`."""
    opens: Time
    """Jam buka, format `HH:MM` dalam tanda kutip, mis. `"08:00"`."""
    closes: Time
    """Jam tutup, format `HH:MM`, mis. `"14:00"`; `"24:00"` untuk tengah malam."""


class Hours(Model):
    """Opening hours, in the local time zone of the service's region."""

    always: bool = False
    """`true` jika buka 24 jam setiap hari."""
    weekly: list[Period] | None = None
    """Jadwal mingguan (jika tidak 24 jam)."""
    public_holidays: Literal["open", "closed", "unknown"] | None = None
    """Hari libur nasional: `open` (buka), `closed` (tutup) atau `unknown`."""
    note: str | None = None
    """Catatan singkat tentang jam layanan."""


class Fees(Model):
    """What the service costs (HSDS: cost_option)."""

    kind: Literal["free", "paid", "varies"]
    """`free` (gratis), `paid` (berbayar) atau `varies` (tergantung)."""
    note: str | None = None
    """Penjelasan biaya, mis. apa yang gratis dan apa yang tidak."""


ChannelType = Literal["phone", "whatsapp", "sms", "email", "website", "form", "app", "walk_in"]


class Channel(Model):
    """One way to contact (HSDS: phone, contact, url, email)."""

    type: ChannelType
    """Jenis: `phone`, `whatsapp`, `sms`, `email`, `website`, `form` (formulir online), `app` (aplikasi), `walk_in` (datang langsung)."""
    value: str | None = None
    """Nomor, alamat email atau alamat web. Kosongkan jika lewat `hotline` atau `walk_in`."""
    hotline: Slug | None = None
    """Dihubungi lewat saluran bantuan ini (id hotline), bukan nomor sendiri, mis. `sapa-129`."""
    label: str | None = None
    """Keterangan singkat, mis. `Pengaduan` atau `Kantor`."""
    hours: Hours | None = None
    """Jam khusus saluran ini, jika berbeda dari jam layanan."""
    note: str | None = None
    """Catatan untuk pembaca, mis. `hanya pesan teks`."""
    recheck: str | None = None
    """Alasan nomor ini perlu dicek ulang (mis. nomor lama). Ditampilkan sebagai peringatan."""
    number_exception: Text | None = None
    """Hanya untuk nomor luar negeri atau nomor premium (tarif mahal): alasan nomor ini tetap dicantumkan, mis. `Satu-satunya nomor resmi layanan ini; tertulis di situs resminya`. Tanpa alasan, nomor seperti itu ditolak (E-PHONE-FOREIGN, E-PHONE-PREMIUM). Pembaca melihat peringatan tarif."""


class Location(Model):
    """Where the service is (HSDS: location + address)."""

    name: str | None = None
    """Nama tempat, mis. `Kantor UPTD PPA`."""
    address: str | None = None
    """Alamat jalan. DILARANG untuk lokasi rahasia (rumah aman)."""
    region: RegionCode
    """Kode wilayah kecamatan atau kelurahan (mis. `33.75.01`); untuk lokasi rahasia hanya kode kota (mis. `33.75`)."""
    latitude: float | None = None
    """Garis lintang (desimal). DILARANG untuk lokasi rahasia."""
    longitude: float | None = None
    """Garis bujur (desimal). DILARANG untuk lokasi rahasia."""
    confidential: bool = False
    """`true` untuk rumah aman/shelter: tanpa alamat, koordinat, kelurahan."""
    referral: str | None = None
    """Untuk lokasi rahasia: cara dirujuk ke sana (mis. lewat UPTD PPA)."""
    accessibility: str | None = None
    """Akses untuk penyandang disabilitas, jika diketahui."""


# --- record kinds ------------------------------------------------------------------


class Record(Model):
    """Fields every sourced record kind has."""

    sources: list[Source] = Field(default_factory=list)
    """Sumber publik untuk isi catatan ini, masing-masing dengan tanggalnya."""
    verified_on: date | None = None
    """Tanggal seseorang mengonfirmasi langsung (menelepon/berkunjung). Jangan diisi dari berita."""
    verified_by: str | None = None
    """Siapa yang mengonfirmasi: nama kantor atau jabatan, bukan nama pribadi."""
    verified_how: Literal["phone_call", "visit", "email", "letter"] | None = None
    """Cara konfirmasi: `phone_call`, `visit`, `email`, `letter`."""
    recheck: str | None = None
    """Alasan catatan ini perlu dicek ulang. Ditampilkan sebagai peringatan."""


class Region(Model):
    """A region the directory covers; the file name is its Kemendagri code."""

    name: Text
    """Nama resmi sesuai tabel Kemendagri, mis. `Kota Pekalongan`."""
    note: str | None = None
    """Catatan untuk pembaca tentang wilayah ini."""


OrgKind = Literal[
    "government",
    "police",
    "justice",
    "health",
    "legal_aid",
    "ngo",
    "religious_community",
    "womens_organisation",
    "network",
]


class Organisation(Record):
    """An office or organisation (HSDS: organization)."""

    name: Text
    """Nama lengkap, mis. `Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kota Kendari`."""
    short_name: str | None = None
    """Singkatan, mis. `DP3A`, `DPMPPA`, `GOW`."""
    kind: OrgKind
    """Jenis: `government` (dinas/pemerintah), `police` (kepolisian), `justice` (pengadilan/kejaksaan/lapas), `health`, `legal_aid` (bantuan hukum), `ngo` (LSM), `religious_community` (ormas/keagamaan), `womens_organisation` (organisasi perempuan), `network` (jaringan/forum)."""
    parent: Slug | None = None
    """Induk organisasi (struktur), mis. UPTD di bawah Dinas: id organisasi."""
    member_of: list[Slug] = Field(default_factory=list)
    """Jaringan tempat organisasi ini menjadi anggota (bukan induk), mis. GOW."""
    regions: Annotated[list[RegionCode], Field(min_length=1)] | Literal["national"]
    """Kode wilayah tempat organisasi ini bekerja, atau `national` untuk lembaga yang bekerja di seluruh Indonesia (mis. kementerian)."""
    description: Markdown | None = None
    """Penjelasan singkat tentang organisasi."""
    channels: list[Channel] | Unknown | None = None
    """Cara menghubungi (telepon, WhatsApp, email, situs web…)."""
    logo: str | None = None
    """Nama file logo di `directory/assets/`, untuk selebaran."""


class Service(Record):
    """A service a person can use (HSDS: service)."""

    organisation: Slug
    """Organisasi yang menjalankan layanan ini (id organisasi)."""
    name: Text
    """Nama layanan yang dikenal warga."""
    description: Markdown
    """Apa yang dilakukan layanan ini, dengan kata-kata sederhana."""
    categories: list[Slug] = Field(min_length=1)
    """Jenis bantuan (id dari `taxonomy/categories.yaml`)."""
    audiences: list[Slug] = Field(min_length=1)
    """Untuk siapa (id dari `taxonomy/audiences.yaml`)."""
    service_area: list[RegionCode] = Field(min_length=1)
    """Wilayah yang dilayani (kode wilayah)."""
    channels: list[Channel] | Unknown | None = None
    """Cara menghubungi; tiap saluran boleh punya jam sendiri."""
    hours: Hours | Unknown | None = None
    """Jam layanan."""
    fees: Fees | Unknown | None = None
    """Biaya."""
    keeps_confidential: bool = False
    """`true` hanya jika sumber yang dikutip menyatakan layanan ini menjaga kerahasiaan pelapor atau korban. Selebaran menulis "rahasia" hanya dari kolom ini."""
    languages: list[LangCode] | Unknown | None = None
    """Bahasa layanan (kode ISO 639, mis. `id`, `jv`)."""
    how_to_get_help: Markdown | None = None
    """Langkah mendapatkan bantuan (HSDS: application_process)."""
    what_to_bring: list[Text] | None = None
    """Yang perlu dibawa (HSDS: required_document)."""
    eligibility: str | None = None
    """Siapa yang bisa dilayani (HSDS: eligibility_description)."""
    if_no_answer: str | None = None
    """Apa yang dilakukan jika nomor tidak menjawab."""
    locations: list[Location] | Unknown | None = None
    """Tempat layanan; rumah aman hanya `confidential: true` tanpa alamat."""
    status: Literal["active", "temporarily_closed", "closed", "unverified"]
    """Status: `active`, `temporarily_closed`, `closed`, `unverified` (belum pasti masih berjalan)."""
    keywords: list[Text] = Field(default_factory=list)
    """Kata kunci tambahan untuk pencarian."""
    notes: str | None = None
    """Catatan penting untuk pembaca."""


class Coverage(Model):
    """Where a hotline answers."""

    level: Literal["national", "province", "city"]
    """`national`, `province` atau `city`."""
    regions: list[RegionCode] = Field(default_factory=list)
    """Kode provinsi/kota (kosong untuk nasional)."""
    note: str | None = None
    """Catatan cakupan, mis. 112 tidak aktif di semua kota."""


class Hotline(Record):
    """A number people call or message directly (SAPA 129, 110, 112…)."""

    name: Text
    """Nama saluran, mis. `SAPA 129`."""
    operator: Slug | None = None
    """Organisasi yang menjalankan (id organisasi)."""
    purpose: Markdown
    """Untuk apa saluran ini, dengan kata sederhana."""
    channels: list[Channel] = Field(min_length=1)
    """Nomor dan saluran (telepon, WhatsApp, email, formulir…)."""
    hours: Hours | Unknown | None = None
    """Jam layanan."""
    fees: Fees | Unknown | None = None
    """Biaya."""
    keeps_confidential: bool = False
    """`true` hanya jika sumber yang dikutip menyatakan layanan ini menjaga kerahasiaan pelapor atau korban. Selebaran menulis "rahasia" hanya dari kolom ini."""
    coverage: Coverage
    """Cakupan wilayah."""
    categories: list[Slug] = Field(default_factory=list)
    """Jenis bantuan (id kategori)."""
    audiences: list[Slug] = Field(default_factory=list)
    """Untuk siapa (id kelompok sasaran)."""
    emergency: bool = False
    """`true` untuk nomor darurat yang tampil paling atas di beranda."""
    order: int = 100
    """Urutan tampil (kecil = lebih dulu)."""
    keywords: list[Text] = Field(default_factory=list)
    """Kata kunci tambahan untuk pencarian."""
    notes: str | None = None
    """Catatan penting untuk pembaca."""


class Featured(Model):
    """What a campaign material shows."""

    hotlines: list[Slug] = Field(default_factory=list)
    """Saluran bantuan yang ditampilkan (id hotline)."""
    services: list[Slug] = Field(default_factory=list)
    """Layanan tertentu yang ditampilkan (id layanan)."""
    categories: list[Slug] = Field(default_factory=list)
    """Layanan kota dengan jenis bantuan ini ikut ditampilkan."""


class Section(Model):
    """A heading and a short text in a material."""

    heading: Text
    """Judul bagian."""
    text: Markdown
    """Isi singkat (Markdown sederhana)."""


class Material(Model):
    """A campaign material: leaflet, flyer or poster."""

    title: Text
    """Judul materi."""
    kind: Literal["leaflet_trifold", "flyer_a5", "poster_a3"]
    """Bentuk: `leaflet_trifold` (A4 lipat tiga), `flyer_a5`, `poster_a3`."""
    audiences: list[Slug] = Field(min_length=1)
    """Sasaran pembaca (id kelompok sasaran)."""
    language: LangCode = "id"
    """Bahasa (ISO 639)."""
    sections: list[Section] = Field(min_length=1)
    """Bagian-bagian isi."""
    key_messages: list[Text] = Field(default_factory=list)
    """Pesan utama yang ditonjolkan."""
    featured: Featured = Field(default_factory=Featured)
    """Nomor dan layanan yang ditampilkan."""
    regions: list[RegionCode] = Field(min_length=1)
    """Kota tujuan materi (kode kab/kota)."""
    publisher: Slug | None = None
    """Organisasi penerbit (id organisasi), hanya jika organisasi itu menerbitkan materi ini. Kosong: disusun oleh pengelola direktori."""
    cobranding: bool = False
    """`true` jika organisasi penyebar boleh menambahkan namanya."""
    licence: Text
    """Lisensi, mis. `CC BY 4.0`."""
    version: Text
    """Versi materi, mis. `1.0`."""
    date: date
    """Tanggal versi ini."""


class Step(Model):
    """One step of a referral pathway."""

    title: Text
    """Nama langkah, mis. `Pengaduan`."""
    description: Markdown
    """Apa yang terjadi di langkah ini."""
    services: list[Slug] = Field(default_factory=list)
    """Layanan yang menjalankan langkah ini (id layanan)."""
    organisations: list[Slug] = Field(default_factory=list)
    """Lembaga yang ikut di langkah ini tetapi tidak punya layanan sendiri di direktori, mis. kejaksaan atau pengadilan (id organisasi)."""
    hotlines: list[Slug] = Field(default_factory=list)
    """Saluran bantuan untuk langkah ini (id hotline)."""


class Pathway(Record):
    """A city's referral pathway (alur layanan)."""

    region: RegionCode
    """Kota (kode kab/kota)."""
    title: Text
    """Judul alur."""
    description: Markdown | None = None
    """Penjelasan singkat."""
    steps: list[Step] = Field(min_length=2)
    """Langkah-langkah berurutan."""


# --- list files --------------------------------------------------------------------


class Term(Model):
    """A taxonomy term: kind of help or audience."""

    id: Slug
    """Id (huruf kecil dan tanda hubung)."""
    label: Text
    """Nama dalam Bahasa Indonesia."""
    description: Text
    """Penjelasan singkat."""
    uptd_function: bool = False
    """`true` untuk enam fungsi UPTD PPA (Permen PPPA 4/2018)."""


class Categories(Model):
    """Kinds of help (`directory/taxonomy/categories.yaml`)."""

    categories: list[Term] = Field(min_length=1)
    """Daftar jenis bantuan."""


class Audiences(Model):
    """Audiences (`directory/taxonomy/audiences.yaml`)."""

    audiences: list[Term] = Field(min_length=1)
    """Daftar kelompok sasaran."""


class SynonymGroup(Model):
    """Words a searcher may use for the same thing."""

    terms: list[Text] = Field(min_length=2)
    """Kata-kata yang bermakna sama, mis. `kdrt`, `kekerasan dalam rumah tangga`."""


class Synonyms(Model):
    """Search synonyms and abbreviations (`directory/taxonomy/synonyms.yaml`)."""

    synonyms: list[SynonymGroup] = Field(min_length=1)
    """Kelompok sinonim."""


class PhraseEntry(Model):
    """One group of everyday phrases for what happened, and where they lead."""

    gloss: Text
    """Arti singkat untuk staf, mis. `Kekerasan fisik di rumah.`"""
    phrases: list[Text] = Field(min_length=1)
    """Kata atau ungkapan sehari-hari, mis. `suami memukul`, `digebukin`."""
    categories: list[Slug] = Field(default_factory=list)
    """Jenis bantuan yang cocok (id dari taxonomy/categories.yaml)."""
    audiences: list[Slug] = Field(default_factory=list)
    """Sasaran yang cocok (id dari taxonomy/audiences.yaml)."""


class PhraseFile(Model):
    """Everyday phrases for the search (`directory/taxonomy/phrases.yaml`, optional)."""

    phrases: list[PhraseEntry] = Field(min_length=1)
    """Kelompok ungkapan."""


class ShortCode(Model):
    """A short number (e.g. 129) with its source."""

    code: Annotated[str, Field(pattern=r"^\d{3,5}$")]
    """Nomor pendek, dalam tanda kutip, mis. `"129"`."""
    name: Text
    """Milik siapa."""
    sources: list[Source] = Field(min_length=1)
    """Sumber yang menyebut nomor ini."""


class ShortCodes(Model):
    """Short numbers valid in this directory (`directory/short-codes.yaml`)."""

    short_codes: list[ShortCode] = Field(min_length=1)
    """Daftar nomor pendek yang sah."""


class Corrections(Model):
    """How people without a GitHub account send a correction."""

    text: Text
    """Kalimat untuk pembaca, mis. `Kirim koreksi ke ...`."""
    email: str | None = None
    """Email pengelola untuk koreksi."""
    url: Url | None = None
    """Alamat formulir/halaman untuk koreksi."""


class Settings(Model):
    """Site settings for this directory (`directory/settings.yaml`); forks edit this file."""

    site_name: Text
    """Nama situs."""
    site_description: Text
    """Deskripsi singkat situs."""
    cities: list[RegionCode] = Field(min_length=1)
    """Kota/kabupaten yang dicakup direktori ini (kode kab/kota)."""
    public_url: Url | None = None
    """Alamat publik situs. Kosong (`null`) sampai alamat asli ditetapkan; selebaran diberi cap CONTOH."""
    repo_url: Url | None = None
    """Alamat repositori (untuk tautan "sunting catatan ini")."""
    edit_branch: Text = "main"
    """Cabang repositori untuk tautan sunting."""
    quick_exit_url: Url
    """Situs netral tujuan tombol "Keluar cepat"."""
    corrections: Corrections
    """Cara mengirim koreksi tanpa akun GitHub."""
    data_licence: Text
    """Lisensi data direktori, mis. `CC BY 4.0`."""
    fictional: bool = False
    """`true` hanya untuk direktori contoh/uji: semua keluaran diberi cap CONTOH — FIKTIF."""
    stale_after_months: int = Field(default=12, ge=1, le=60)
    """Catatan dianggap perlu dicek ulang setelah sekian bulan tanpa konfirmasi."""
    one_history_entry: bool = True
    """`true`: dengan JavaScript, pindah antarhalaman situs ini tidak menambah riwayat tab. Setelah "Keluar cepat", tombol Kembali tidak membuka halaman situs ini lagi. Setiap halaman punya tautan kembali sendiri. `false`: tombol Kembali biasa."""


# Record kinds stored one per file, by folder. The file name is the id.
FOLDER_KINDS: dict[str, type[Model]] = {
    "regions": Region,
    "organisations": Organisation,
    "services": Service,
    "hotlines": Hotline,
    "materials": Material,
    "pathways": Pathway,
}

# Single files holding lists.
FILE_KINDS: dict[str, type[Model]] = {
    "settings.yaml": Settings,
    "short-codes.yaml": ShortCodes,
    "taxonomy/categories.yaml": Categories,
    "taxonomy/audiences.yaml": Audiences,
    "taxonomy/synonyms.yaml": Synonyms,
    "taxonomy/phrases.yaml": PhraseFile,
}
assert tuple(FOLDER_KINDS) == FOLDERS and tuple(FILE_KINDS) == FILES  # one list of kinds

# The model of every kind in `kinds.KINDS`, in the same order.
MODELS: dict[str, type[Model]] = {**FOLDER_KINDS, **FILE_KINDS}

# Fields staff should fill in; leaving one out gives W-MISSING unless it says `unknown`.
RECOMMENDED: dict[type[Model], tuple[str, ...]] = {
    Service: ("channels", "hours", "fees", "languages", "locations", "how_to_get_help"),
    Hotline: ("hours", "fees"),
    Organisation: ("channels", "description"),
}
