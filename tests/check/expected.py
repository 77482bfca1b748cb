"""Exact lines `check` prints for each planted fault in cases.py (review on change)."""

LEAFLET_HINT = (
    "(Saran: Selebaran tetap dibuat: layanan pengaduan dicetak lebih dulu, lalu kode QR ke hala"
    "man kota (atau SAPA 129 dan nama situs). Untuk daftar yang lebih pendek, persempit `featured.categories` di materi ini.)"
)

EXPECTED = {
    "E-ALIAS": [
        "fictional/services/alias.yaml:1:7: error[E-ALIAS]: anchor/alias YAML (`&`, `*`) tidak dipakai di "
        "direktori (Saran: Tulis nilainya langsung.)"
    ],
    "E-CHANNEL": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:21:5: error[E-CHANNEL]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': channels[2]: saluran `email` perlu `value` (nomor/alamat) atau "
        "`hotline`"
    ],
    "E-COBRAND-LOGO": [
        "fictional/organisations/uptd-ppa-contoh-kota-magelang.yaml:20:1: error[E-COBRAND-LOGO]: "
        "organisasi 'uptd-ppa-contoh-kota-magelang': logo: file logo 'logo-uptd.png' tidak ada di "
        "directory/assets/"
    ],
    "E-CONFIDENTIAL": [
        "fictional/services/rumah-aman-contoh-magelang.yaml:30:5: error[E-CONFIDENTIAL]: layanan "
        "'rumah-aman-contoh-magelang': locations[0].address: lokasi rahasia tidak boleh punya address "
        "(Saran: Rumah aman: tulis hanya `confidential: true`, kode kota dan `referral`. Alamat tidak "
        "pernah masuk repositori.)"
    ],
    "E-COORDINATES": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:51:5: error[E-COORDINATES]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': locations[0].latitude: koordinat (-7.4851, 10.2203) berada "
        "di luar Indonesia (Saran: Garis lintang antara -11 dan 6, garis bujur antara 95 dan 141.)"
    ],
    "E-CYCLE": [
        "fictional/organisations/dinas-contoh-ppa-kota-magelang.yaml:22:1: error[E-CYCLE]: organisasi "
        "'dinas-contoh-ppa-kota-magelang': parent: induk organisasi berputar: dinas-contoh-ppa-kota-magelang → "
        "uptd-ppa-contoh-kota-magelang → dinas-contoh-ppa-kota-magelang"
    ],
    "E-DATE": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:59:5: error[E-DATE]: layanan 'pengaduan-uptd-ppa-contoh-magelang': sources[0].date: tanggal harus ditulis YYYY-MM-DD, tertulis '20-11-2025'; tulis: 2025-11-20",
    ],
    "E-DUPLICATE-ID": [
        "fictional/taxonomy/categories.yaml:47:5: error[E-DUPLICATE-ID]: kategori: categories[12].id: id "
        "'pengaduan' sudah dipakai di categories[0]"
    ],
    "E-DUPLICATE-KEY": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:63:1: error[E-DUPLICATE-KEY]: kunci 'status' ditulis dua kali (baris 54 dan 63) (Saran: Jika keduanya benar, gabungkan isinya di satu kunci (daftar: `[a, b]`); jika sama, hapus yang kedua.)",
    ],
    "E-EMAIL": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:22:5: error[E-EMAIL]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': channels[2].value: alamat email 'pengaduan-uptd@' tidak sah (tidak ada "
        "nama domain setelah tanda @)"
    ],
    "E-EMPTY": [
        "fictional/services/kosong.yaml:1:1: error[E-EMPTY]: file kosong (Saran: Isi file dengan catatan, atau "
        "hapus file ini.)"
    ],
    "E-ENCODING": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:1:1: error[E-ENCODING]: file bukan teks "
        "UTF-8 (byte 9) (Saran: Simpan file sebagai UTF-8.)"
    ],
    "E-FUTURE-DATE": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:59:5: error[E-FUTURE-DATE]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': sources[0].date: tanggal 2027-01-01 ada di masa depan (hari "
        "ini 2026-11-01)"
    ],
    "E-HOURS": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:32:7: error[E-HOURS]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': hours.weekly[1].closes: jam tutup 07:00 harus setelah jam buka "
        "08:00"
    ],
    "E-ID": [
        "fictional/services/Layanan_Baru.yaml:1:1: error[E-ID]: layanan 'Layanan_Baru': id 'Layanan_Baru' tidak sah: "
        "hanya huruf kecil, angka dan tanda hubung, mis. uptd-ppa-kota-kendari.yaml"
    ],
    "E-INVALID": [
        "fictional/short-codes.yaml:16:5: error[E-INVALID]: nomor pendek: short_codes[2].code: nilai tidak sah: "
        "'12a' tidak sesuai pola ^\\d{3,5}$"
    ],
    "E-KEY-TYPE": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:63:3: error[E-KEY-TYPE]: kunci harus "
        "berupa teks, bukan daftar"
    ],
    "E-LANG": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:37:17: error[E-LANG]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': languages[1]: 'jawa' bukan kode bahasa ISO 639 (mis. id, jv)"
    ],
    "E-LENGTH": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:8:1: error[E-LENGTH]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': categories: harus berisi minimal 1 butir"
    ],
    "E-MARKDOWN": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:3:1: error[E-MARKDOWN]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': name: teks tidak boleh memuat HTML (`<…>`) (Saran: Pakai hanya "
        "paragraf, daftar, huruf tebal/miring dan tautan http(s).)"
    ],
    "E-MISSING-FILE": [
        "fictional/short-codes.yaml:1:1: error[E-MISSING-FILE]: file wajib 'short-codes.yaml' tidak ada"
    ],
    "E-MULTI-DOC": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:64:1: error[E-MULTI-DOC]: file berisi "
        "lebih dari satu dokumen YAML (`---`) (Saran: Satu file berisi satu catatan.)"
    ],
    "E-NOT-MAPPING": [
        "fictional/services/daftar.yaml:1:1: error[E-NOT-MAPPING]: isi file harus berupa daftar `kunci: "
        "nilai`, bukan daftar"
    ],
    "E-PHONE": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:13:5: error[E-PHONE]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': channels[0].value: nomor '(0293) 12' tidak sah: bukan nomor "
        "Indonesia yang sah (jumlah angka atau kode area salah?) (Saran: Tulis nomor lengkap dengan kode area, "
        'mis. "(kode area) nomor" atau nomor HP "08xx-xxxx-xxxx".)'
    ],
    "E-PHONE-DIGITS": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:13:5: error[E-PHONE-DIGITS]: layanan 'pengaduan-uptd-ppa-contoh-magelang': channels[0].value: nomor '(٠٢٩٣) ٠٠٠١٠٢' memakai angka yang tidak ada di tombol telepon (ARABIC-INDIC) (Saran: Tulis dengan angka biasa 0–9: (0293) 000102)"
    ],
    "E-PHONE-FOREIGN": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:13:5: error[E-PHONE-FOREIGN]: layanan 'pengaduan-uptd-ppa-contoh-magelang': channels[0].value: nomor '+1 202-555-0100' adalah nomor luar negeri (US); menelepon dari Indonesia mahal atau tidak bisa (Saran: Tulis nomor Indonesia layanan itu. Jika memang harus nomor ini, tambahkan `number_exception:` pada saluran itu dengan alasannya.)"
    ],
    "E-PHONE-PREMIUM": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:13:5: error[E-PHONE-PREMIUM]: layanan 'pengaduan-uptd-ppa-contoh-magelang': channels[0].value: nomor '0809-1-000102' adalah nomor premium (tarif mahal) (Saran: Tulis nomor biasa atau bebas pulsa layanan itu. Jika memang harus nomor ini, tambahkan `number_exception:` pada saluran itu dengan alasannya.)"
    ],
    "E-REF": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:2:1: error[E-REF]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': organisation: organisasi 'uptd-ppa-contoh-kota-magelan' tidak "
        "dikenal (maksud Anda 'uptd-ppa-contoh-kota-magelang'?)"
    ],
    "E-REGION": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:10:16: error[E-REGION]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': service_area[0]: kode wilayah '33.79' tidak ada di tabel "
        "Kemendagri (33 = Jawa Tengah)"
    ],
    "E-REGION-FORMAT": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:10:16: error[E-REGION-FORMAT]: "
        "layanan 'pengaduan-uptd-ppa-contoh-magelang': service_area[0]: 'Magelang' bukan kode wilayah "
        "(contoh: 33.75 atau 33.75.01)"
    ],
    "E-REGION-LEVEL": [
        "fictional/services/rumah-aman-contoh-magelang.yaml:29:5: error[E-REGION-LEVEL]: layanan "
        "'rumah-aman-contoh-magelang': locations[0].region: '33.71.01' harus kode kabupaten/kota, bukan "
        "kecamatan"
    ],
    "E-REGION-NAME": [
        "fictional/regions/33.71.yaml:2:1: error[E-REGION-NAME]: wilayah '33.71': name: nama 'Kota Magelan' "
        "tidak cocok dengan kode 33.71 ('Kota Magelang')"
    ],
    "E-REQUIRED": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:1:1: error[E-REQUIRED]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': status: wajib diisi"
    ],
    "E-SHORT-CODE": [
        "fictional/hotlines/sapa-129.yaml:7:5: error[E-SHORT-CODE]: hotline 'sapa-129': channels[0].value: "
        "nomor pendek '1299' tidak ada di short-codes.yaml (Saran: Tambahkan nomor ini ke "
        "directory/short-codes.yaml beserta sumbernya.)"
    ],
    "E-SLUG": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:8:14: error[E-SLUG]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': categories[0]: 'Pengaduan_Kasus' bukan id yang sah: pakai huruf "
        "kecil, angka dan tanda hubung"
    ],
    "E-TIME": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:28:7: error[E-TIME]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': hours.weekly[0].opens: jam '8.00' harus ditulis HH:MM dalam tanda "
        'kutip, mis. "08:00"'
    ],
    "E-TOO-BIG": [
        "fictional/services/besar.yaml:1:1: error[E-TOO-BIG]: file terlalu besar (1000005 byte; batas 1000000) "
        "(Saran: Satu file berisi satu catatan saja.)"
    ],
    "E-TYPE": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:9:1: error[E-TYPE]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': audiences: harus daftar (baris-baris diawali `- `), tertulis "
        "'perempuan'"
    ],
    "W-UNEXPECTED-FILE": [
        "fictional/services/catatan.txt:1:1: warning[W-UNEXPECTED-FILE]: file ini tidak dibaca (bukan "
        ".yaml di folder yang dikenal)"
    ],
    "E-UNKNOWN-KEY": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:45:1: error[E-UNKNOWN-KEY]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': kunci 'eligibilty' tidak dikenal (maksud Anda "
        "'eligibility'?)"
    ],
    "E-URL": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:58:5: error[E-URL]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': sources[0].url: 'berita.example.org/uptd-ppa-contoh-diresmikan' "
        "bukan alamat web http:// atau https://"
    ],
    "E-VALUE": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:54:1: error[E-VALUE]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': status: nilai 'aktif' tidak diizinkan; pilih salah satu: `active`, "
        "`temporarily_closed`, `closed` atau `unverified`"
    ],
    "E-VERIFIED": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:60:1: error[E-VERIFIED]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': verified_on: `verified_by` wajib diisi (kantor/jabatan yang "
        "mengonfirmasi)"
    ],
    "E-WHATSAPP": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:16:5: error[E-WHATSAPP]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': channels[1].value: nomor WhatsApp '(0293) 000102' harus nomor "
        "HP (08…), tertulis nomor telepon rumah/kantor"
    ],
    "E-YAML": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:3:7: error[E-YAML]: YAML tidak bisa dibaca: daftar `[` dibuka di sini tetapi tidak ditutup dengan `]` (atau kurang koma) (terlihat di baris 4) (Saran: Periksa titik dua, tanda kutip dan indentasi (pakai spasi, bukan tab).)",
    ],
    "W-MISSING": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:1:1: warning[W-MISSING]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': kolom 'fees' belum diisi (Saran: Isi, atau tulis `unknown` jika "
        "memang belum diketahui.)"
    ],
    "W-NO-SOURCE": [
        "fictional/organisations/lsm-fiktif-tanpa-sumber.yaml:1:1: warning[W-NO-SOURCE]: organisasi "
        "'lsm-fiktif-tanpa-sumber': tidak ada sumber (Saran: Tambahkan `sources:` dengan nama, alamat dan "
        "tanggal sumber.)"
    ],
    "W-SHARED-NUMBER": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:13:5: warning[W-SHARED-NUMBER]: "
        "layanan 'pengaduan-uptd-ppa-contoh-magelang': channels[0].value: nomor +62293000102 juga dipakai "
        "oleh fictional/services/visum-rsu-contoh-magelang.yaml (Saran: Jika layanan lain dihubungi lewat "
        "nomor yang sama, rujuk hotline-nya (`hotline:`).)",
        "fictional/services/visum-rsu-contoh-magelang.yaml:13:5: warning[W-SHARED-NUMBER]: layanan "
        "'visum-rsu-contoh-magelang': channels[0].value: nomor +62293000102 juga dipakai oleh "
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml (Saran: Jika layanan lain dihubungi "
        "lewat nomor yang sama, rujuk hotline-nya (`hotline:`).)",
    ],
    "W-LEAFLET-FULL": [
        "fictional/materials/flyer-contoh-nomor-penting.yaml:17:11: warning[W-LEAFLET-FULL]: "
        "materi 'flyer-contoh-nomor-penting': regions[0]: selebaran untuk Kota Magelang (33.71) "
        "penuh: ada 7 layanan, yang dicetak hanya 5; 2 layanan lain diganti petunjuk ke daftar "
        "lengkap " + LEAFLET_HINT,
        "fictional/materials/flyer-contoh-nomor-penting.yaml:17:20: warning[W-LEAFLET-FULL]: "
        "materi 'flyer-contoh-nomor-penting': regions[1]: selebaran untuk Kabupaten Bone (73.08) "
        "penuh: ada 7 layanan, yang dicetak hanya 5; 2 layanan lain diganti petunjuk ke daftar "
        "lengkap " + LEAFLET_HINT,
    ],
    "W-STALE": [
        "fictional/organisations/lbh-fiktif-magelang.yaml:14:1: warning[W-STALE]: organisasi "
        "'lbh-fiktif-magelang': verified_on: terakhir dikonfirmasi 2025-03-01 (20 bulan lalu); perlu dicek ulang",
        "fictional/organisations/rs-contoh-magelang.yaml:15:1: warning[W-STALE]: organisasi 'rs-contoh-magelang': "
        "verified_on: terakhir dikonfirmasi 2025-06-10 (16 bulan lalu); perlu dicek ulang",
        "fictional/services/bantuan-hukum-lbh-fiktif-magelang.yaml:48:1: warning[W-STALE]: layanan "
        "'bantuan-hukum-lbh-fiktif-magelang': verified_on: terakhir dikonfirmasi 2025-03-01 (20 bulan lalu); "
        "perlu dicek ulang",
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:60:1: warning[W-STALE]: layanan "
        "'pengaduan-uptd-ppa-contoh-magelang': verified_on: terakhir dikonfirmasi 2024-09-15 (25 bulan lalu); "
        "perlu dicek ulang",
        "fictional/services/visum-rsu-contoh-magelang.yaml:41:1: warning[W-STALE]: layanan "
        "'visum-rsu-contoh-magelang': verified_on: terakhir dikonfirmasi 2025-06-10 (16 bulan lalu); perlu dicek "
        "ulang",
    ],
    "E-NOT-REGULAR": [
        "fictional/services/tautan.yaml:1:1: error[E-NOT-REGULAR]: bukan file biasa (tautan simbolik); tidak dibaca (Saran: Simpan catatan sebagai file .yaml biasa di folder ini (tanpa tautan/symlink).)",
    ],
    "E-TOO-DEEP": [
        "fictional/services/dalam.yaml:2:1: error[E-TOO-DEEP]: isi bersarang terlalu dalam (lebih dari 20 tingkat) (Saran: Catatan hanya perlu beberapa tingkat; periksa indentasi dan tanda kurung [ ] { }.)",
    ],
    "E-REPEATED": [
        "fictional/services/kunci-banyak.yaml:22:1: error[E-REPEATED]: 5 masalah [E-UNKNOWN-KEY] lain di file ini tidak ditampilkan (Saran: Perbaiki yang ditampilkan dulu; biasanya sisanya kesalahan yang sama.)",
    ],
    "E-SELF-REF": [
        "fictional/organisations/organisasi-wanita-contoh-mawar.yaml:4:13: error[E-SELF-REF]: organisasi 'organisasi-wanita-contoh-mawar': member_of[0]: merujuk ke dirinya sendiri ('organisasi-wanita-contoh-mawar'): organisasi tidak bisa menjadi anggota dirinya sendiri (Saran: Hapus rujukan ini, atau ganti dengan catatan lain atau nomor/alamatnya langsung.)",
    ],
    "E-NAME-CHARS": [
        "fictional/hotlines/sapa-129.yaml:2:1: error[E-NAME-CHARS]: hotline 'sapa-129': name: nama memuat karakter tak terlihat atau karakter kendali (U+200B, U+202E) (Saran: Ketik ulang nama dengan huruf biasa; jangan salin dari dokumen berformat.)",
    ],
    "E-MISSING-DASH": [
        "fictional/hotlines/sapa-129.yaml:9:5: error[E-MISSING-DASH]: kunci 'type' ditulis dua kali dalam satu butir daftar (baris 6 dan 9): sepertinya tanda `- ` hilang di awal baris 9 (Saran: Tambahkan `- ` di awal baris 9 (sejajar dengan `- ` butir pertama) agar menjadi butir baru. Jangan hapus salah satu: isinya akan hilang.)",
    ],
    "E-PLAIN-TEXT": [
        'fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:35:1: error[E-PLAIN-TEXT]: layanan \'pengaduan-uptd-ppa-contoh-magelang\': fees: ditulis sebagai teks biasa; tulis dalam bentuk terstruktur: fees: {"kind": "free"} (Saran: Isinya sama, dalam bentuk yang bisa dibaca situs dan selebaran. Periksa hasilnya; tulis `unknown` hanya jika memang belum diketahui.)',
    ],
    "E-CONFIDENTIAL-TEXT": [
        "fictional/services/rumah-aman-contoh-magelang.yaml:26:1: error[E-CONFIDENTIAL-TEXT]: layanan 'rumah-aman-contoh-magelang': if_no_answer: teks ini tampak memuat alamat, arah tempat, koordinat atau tautan peta ('Jl'), padahal layanan ini rahasia (rumah aman) (Saran: Hapus petunjuk tempat dari teks ini. Rumah aman hanya ditulis `confidential: true`, kode kota dan cara dirujuk.)"
    ],
    "E-SHELTER": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:48:5: error[E-SHELTER]: layanan 'pengaduan-uptd-ppa-contoh-magelang': locations[0]: tempat ini rumah aman (nama tempat) tetapi tidak ditulis `confidential: true` (Saran: Tulis lokasinya hanya `confidential: true`, kode kota dan `referral`, tanpa nama tempat, alamat atau koordinat. Kantor yang mengatur rujukan ke rumah aman dicatat sebagai layanannya sendiri dengan alamat kantornya.)"
    ],
    "W-CONFIDENTIAL-HIDDEN": [
        "fictional/services/rumah-aman-contoh-magelang.yaml:12:5: warning[W-CONFIDENTIAL-HIDDEN]: layanan 'rumah-aman-contoh-magelang': channels[0]: saluran ini tidak akan tampil di mana pun: layanan ini rahasia (rumah aman), jadi hanya saluran `hotline:` yang ditampilkan (Saran: Agar orang bisa dirujuk, tulis saluran yang menunjuk ke saluran bantuan (`hotline: <id>`), atau catat nomor ini di layanan kantor yang merujuk (mis. UPTD PPA).)"
    ],
    "E-CONFIDENTIAL-MIXED": [
        "fictional/services/rumah-aman-contoh-magelang.yaml:28:5: error[E-CONFIDENTIAL-MIXED]: layanan 'rumah-aman-contoh-magelang': locations[0]: layanan dengan lokasi rahasia tidak boleh punya lokasi lain dengan alamat atau koordinat (Saran: Pisahkan: kantor dengan alamatnya menjadi layanan sendiri; layanan rumah aman hanya punya lokasi rahasia.)"
    ],
    "E-SHELTER-ADDRESS": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:55:1: error[E-SHELTER-ADDRESS]: layanan 'pengaduan-uptd-ppa-contoh-magelang': notes: teks ini menyebut rumah aman dan juga tampak memuat alamat, arah tempat, koordinat atau tautan peta ('Gg') (Saran: Jangan tulis di mana rumah aman berada. Tulis cara dirujuk, mis. lewat UPTD PPA atau SAPA 129.)"
    ],
    "W-MAP-IN-TEXT": [
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:55:1: warning[W-MAP-IN-TEXT]: layanan 'pengaduan-uptd-ppa-contoh-magelang': notes: teks ini memuat tautan peta ('maps.app.goo.gl') (Saran: Tempat kantor ditulis di `locations` (alamat, `latitude`, `longitude`), di sana diperiksa. Jangan pernah untuk rumah aman.)"
    ],
    "E-IMAGE": [
        "fictional/hotlines/sapa-129.yaml:4:1: error[E-IMAGE]: hotline 'sapa-129': purpose: teks tidak boleh memuat gambar (![…](…)); situs dan selebaran tidak mengambil apa pun dari internet (Saran: Hapus gambarnya. Tautan biasa `[teks](https://…)` boleh.)"
    ],
    "E-LOGO-PATH": [
        "fictional/organisations/uptd-ppa-contoh-kota-magelang.yaml:20:1: error[E-LOGO-PATH]: organisasi 'uptd-ppa-contoh-kota-magelang': logo: logo '../settings.yaml' tidak bisa dipakai: hanya nama file, tanpa folder (Saran: Simpan file logo langsung di `directory/assets/` (bukan symlink) dan tulis nama filenya saja, mis. `logo-gow.png`.)"
    ],
}
