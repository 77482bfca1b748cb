"""The words a reader sees for every choice list of the models.

`LABELS` is keyed by `Model.field`; `tests/present/test_present_labels.py` fails when a
choice (a `Literal` of `generator/models.py`) has no label here, so a new choice can't
reach a page as its code.
"""

from __future__ import annotations

DAYS = {
    "mon": "Senin", "tue": "Selasa", "wed": "Rabu", "thu": "Kamis",
    "fri": "Jumat", "sat": "Sabtu", "sun": "Minggu",
}  # fmt: skip
CHANNEL_TYPES = {
    "phone": "Telepon",
    "whatsapp": "WhatsApp",
    "sms": "SMS",
    "email": "Email",
    "website": "Situs web",
    "form": "Formulir online",
    "app": "Aplikasi",
    "walk_in": "Datang langsung",
}
FEES = {"free": "Gratis", "paid": "Berbayar", "varies": "Biaya tergantung layanan"}
HOLIDAYS = {
    "open": "Libur nasional buka",
    "closed": "Libur nasional tutup",
    "unknown": "",
}
VERIFIED_HOW = {
    "phone_call": "lewat telepon",
    "visit": "lewat kunjungan",
    "email": "lewat email",
    "letter": "lewat surat",
}
ORG_KINDS = {
    "government": "Pemerintah",
    "police": "Kepolisian",
    "justice": "Peradilan",
    "health": "Kesehatan",
    "legal_aid": "Bantuan hukum",
    "ngo": "Lembaga swadaya masyarakat",
    "religious_community": "Organisasi keagamaan/kemasyarakatan",
    "womens_organisation": "Organisasi perempuan",
    "network": "Jaringan",
}
STATUS = {
    "active": "",
    "temporarily_closed": "Layanan ini sedang tutup sementara.",
    "closed": "Layanan ini sudah tidak berjalan.",
    "unverified": "Belum pasti layanan ini masih berjalan. Telepon dulu sebelum datang.",
}
SHORT_STATUS = {
    "active": "",
    "temporarily_closed": "Tutup sementara.",
    "closed": "Sudah tidak berjalan.",
    "unverified": "Belum pasti masih berjalan.",
}
COVERAGE = {"national": "Seluruh Indonesia", "province": "Provinsi", "city": "Kota/kabupaten"}
MATERIAL_KINDS = {
    "leaflet_trifold": "Leaflet lipat tiga (A4)",
    "flyer_a5": "Selebaran A5",
    "poster_a3": "Poster A3",
}
LANGUAGES = {
    "id": "Bahasa Indonesia", "jv": "Bahasa Jawa", "su": "Bahasa Sunda", "mad": "Bahasa Madura",
    "bug": "Bahasa Bugis", "mak": "Bahasa Makassar", "ban": "Bahasa Bali", "min": "Bahasa Minang",
    "tol": "Bahasa Tolaki", "en": "Bahasa Inggris", "ar": "Bahasa Arab", "bjn": "Bahasa Banjar",
    "sgn": "Bahasa isyarat", "ins": "Bahasa isyarat", "bzs": "Bahasa isyarat",
}  # fmt: skip

LABELS: dict[str, dict[str, str]] = {
    "Period.days": DAYS,
    "Hours.public_holidays": HOLIDAYS,
    "Fees.kind": FEES,
    "Channel.type": CHANNEL_TYPES,
    "Record.verified_how": VERIFIED_HOW,
    "Organisation.kind": ORG_KINDS,
    "Service.status": STATUS,
    "Coverage.level": COVERAGE,
    "Material.kind": MATERIAL_KINDS,
}


def label(choice: str, value: str) -> str:
    """The reader's words for `value` of the choice list `choice` (e.g. `Fees.kind`)."""
    return LABELS[choice][value]


def language_names(codes) -> list[str]:
    """Language names; a code not in the table is shown as written (ISO 639)."""
    if not codes or codes == "unknown":
        return []
    return [LANGUAGES.get(code, code) for code in codes]
