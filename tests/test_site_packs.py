"""Site packs end to end: a synthetic article per site, cleaned with and without its url.

Each article is written here as it comes out of a dump: a title, the site's header lines, its
dateline, body paragraphs with the site's cruft between and after them. Parts are marked:

- T(text): the title line, expected in meta.title;
- C(text): a cruft line, must be gone from the text;
- P(prefix, text): a paragraph whose prefix (a dateline) must go and whose text must stay;
- K(text, suffix=""): a paragraph that must stay word for word, with an optional closing code or
  tag that must go.

The cleaned text must be exactly the kept paragraphs, in order, so nothing is lost and nothing is
left over. Without a url the site is found by the pack's text signatures; with one, by its host.
The `cleaner` fixture (conftest.py) is one shared `Cleaner()`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITES_DIR = ROOT / "rules" / "sites"


@dataclass(frozen=True)
class T:
    text: str


@dataclass(frozen=True)
class C:
    text: str


@dataclass(frozen=True)
class P:
    prefix: str
    text: str


@dataclass(frozen=True)
class K:
    text: str
    suffix: str = ""


@dataclass
class Article:
    host: str
    path: str
    meta: dict
    parts: list = field(default_factory=list)

    def raw(self) -> str:
        lines = []
        for part in self.parts:
            if isinstance(part, P):
                lines.append(part.prefix + part.text)
            elif isinstance(part, K):
                lines.append(part.text + part.suffix)
            else:
                lines.append(part.text)
        return "\n\n".join(lines) + "\n"

    def kept(self) -> list[str]:
        return [p.text for p in self.parts if isinstance(p, (P, K))]

    def cruft(self) -> list[str]:
        out = [p.text for p in self.parts if isinstance(p, C)]
        out += [p.prefix.strip() for p in self.parts if isinstance(p, P)]
        out += [p.suffix.strip() for p in self.parts if isinstance(p, K) and p.suffix]
        return out

    def title(self) -> str | None:
        return next((p.text for p in self.parts if isinstance(p, T)), None)


ARTICLES = [
    Article("kompas.com", "/read/2022/04/05/14350001/jokowi-minta-menteri",
            {"source": "Kompas.com", "location": "Jakarta", "date": "2022-04-05T14:35+07:00",
             "authors": ["Ardito Ramadhan"], "editors": ["Bayu Galih"]}, [
        T("Jokowi Minta Menteri Tak Lagi Bicara Penundaan Pemilu"),
        C("Kompas.com - 05/04/2022, 14:35 WIB"),
        C("Penulis Ardito Ramadhan | Editor Bayu Galih"),
        C("Lihat Foto"),
        C("KOMPAS.com/KRISTIANTO PURNOMO"),
        P("JAKARTA, KOMPAS.com - ", "Presiden Joko Widodo meminta para menteri Kabinet Indonesia "
          "Maju tidak lagi berbicara soal penundaan Pemilu 2024 maupun perpanjangan masa jabatan "
          "presiden."),
        K("Permintaan itu disampaikan Jokowi saat membuka sidang kabinet paripurna di Istana "
          "Negara, Jakarta, Selasa (5/4/2022)."),
        C("Baca juga: Jokowi: Jangan Ada Lagi yang Suarakan Soal Penundaan Pemilu"),
        K("\"Jangan sampai nanti ada yang menyuarakan lagi mengenai urusan penundaan, urusan "
          "perpanjangan. Enggak,\" kata Jokowi."),
        K("Menurut Jokowi, para menteri semestinya fokus menangani kenaikan harga kebutuhan pokok "
          "menjelang Ramadhan, termasuk minyak goreng dan bahan bakar minyak."),
        K("Ia juga mengingatkan bahwa tahapan pemilu sudah disepakati bersama DPR dan penyelenggara "
          "pemilu, yakni pemungutan suara pada 14 Februari 2024."),
        C("Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari "
          "bergabung di Grup Telegram \"Kompas.com News Update\", caranya klik link "
          "https://t.me/kompascomupdate, kemudian join. Anda harus install aplikasi Telegram "
          "terlebih dulu di ponsel."),
        C("Copyright 2008 - 2022 PT. Kompas Cyber Media (Kompas Gramedia Digital Group). "
          "All Rights Reserved."),
    ]),
    Article("detik.com", "/berita/d-6019123/polisi-tangkap-pengedar-sabu-di-bekasi",
            {"source": "detikcom", "location": "Bekasi", "date": "2022-04-06T11:20+07:00",
             "authors": ["Wildan Noviansah"]}, [
        T("Polisi Tangkap Pengedar Sabu di Bekasi, 2 Kg Barang Bukti Disita"),
        C("Wildan Noviansah - detikNews"),
        C("Rabu, 06 Apr 2022 11:20 WIB"),
        P("Bekasi - ", "Polisi menangkap seorang pria yang diduga menjadi pengedar sabu di kawasan "
          "Bekasi Timur, Kota Bekasi. Dari tangan pelaku, polisi menyita sekitar 2 kilogram sabu."),
        C("ADVERTISEMENT"),
        C("SCROLL TO CONTINUE WITH CONTENT"),
        K("\"Pelaku kami tangkap di sebuah rumah kontrakan pada Selasa malam,\" kata Kapolres Metro "
          "Bekasi Kota Kombes Hengki kepada wartawan, Rabu (6/4/2022)."),
        K("Hengki mengatakan pelaku sudah dua kali menerima kiriman sabu dari seseorang yang kini "
          "masih diburu polisi. Barang haram itu rencananya diedarkan di wilayah Bekasi dan "
          "Jakarta Timur."),
        C("Simak Video \"Polisi Gerebek Kampung Narkoba di Jakarta Barat\""),
        C("[Gambas:Video 20detik]"),
        K("Atas perbuatannya, pelaku dijerat Pasal 114 ayat 2 Undang-Undang Nomor 35 Tahun 2009 "
          "tentang Narkotika dengan ancaman hukuman maksimal 20 tahun penjara.", " (mea/mea)"),
        C("Baca artikel detiknews, \"Polisi Tangkap Pengedar Sabu di Bekasi, 2 Kg Barang Bukti "
          "Disita\" selengkapnya https://news.detik.com/berita/d-6019123/polisi-tangkap-pengedar"),
        C("Download Apps Detikcom Sekarang https://apps.detik.com/detik/"),
    ]),
    Article("liputan6.com", "/bisnis/read/4930001/harga-minyak-goreng-curah",
            {"source": "Liputan6.com", "location": "Jakarta"}, [
        T("Harga Minyak Goreng Curah Masih Tinggi di Pasar Tradisional"),
        P("Liputan6.com, Jakarta - ", "Harga minyak goreng curah di sejumlah pasar tradisional di "
          "Jakarta masih berada di atas harga eceran tertinggi (HET) yang ditetapkan pemerintah "
          "sebesar Rp 14.000 per liter."),
        K("Berdasarkan pantauan di Pasar Kramat Jati, Jakarta Timur, pada Rabu (6/4/2022), minyak "
          "goreng curah dijual seharga Rp 18.000 hingga Rp 20.000 per liter."),
        C("Advertisement"),
        K("\"Stoknya sudah ada, tapi harganya belum turun. Kami juga beli dari agen sudah mahal,\" "
          "ujar Siti, salah seorang pedagang."),
        C("Pedagang menata minyak goreng curah di Pasar Kramat Jati, Jakarta. "
          "(Liputan6.com/Angga Yuniar)"),
        K("Kementerian Perdagangan menyatakan akan terus memantau distribusi minyak goreng curah "
          "hingga ke tingkat pengecer agar harga sesuai ketentuan."),
        C("Saksikan Video Pilihan Berikut Ini:"),
        C("* Fakta atau Hoaks? Untuk mengetahui kebenaran informasi yang beredar, silakan WhatsApp "
          "ke nomor Cek Fakta Liputan6.com 0811 9787 670 hanya dengan ketik kata kunci yang "
          "diinginkan."),
    ]),
    Article("cnbcindonesia.com", "/market/20220406101500-17-329001/harga-emas-dunia-melonjak",
            {"source": "CNBC Indonesia", "location": "Jakarta", "category": "Market",
             "authors": ["Chandra Dwi"], "date": "2022-04-06T10:15+07:00"}, [
        T("Harga Emas Dunia Melonjak, Tertinggi dalam Sebulan"),
        C("Market - Chandra Dwi, CNBC Indonesia"),
        C("06 April 2022 10:15"),
        P("Jakarta, CNBC Indonesia - ", "Harga emas dunia menguat pada perdagangan Rabu "
          "(6/4/2022) pagi seiring meningkatnya permintaan aset aman di tengah ketidakpastian "
          "geopolitik."),
        C("ADVERTISEMENT"),
        C("SCROLL TO RESUME CONTENT"),
        K("Pada pukul 09.30 WIB, harga emas di pasar spot tercatat US$ 1.931,5 per troy ons, naik "
          "0,4% dibandingkan posisi kemarin."),
        K("Analis menilai sanksi baru terhadap Rusia membuat investor kembali memburu emas sebagai "
          "lindung nilai terhadap inflasi."),
        C("Saksikan video di bawah ini:"),
        C("[Gambas:Video CNBC]"),
        K("Namun, penguatan dolar Amerika Serikat berpotensi menahan laju kenaikan harga emas dalam "
          "jangka pendek.", " (chd/chd)"),
        C("Artikel Selanjutnya"),
        C("Harga Emas Antam Hari Ini Turun Rp 3.000 per Gram"),
    ]),
    Article("okezone.com", "/read/2022/04/06/525/2574001/banjir-rendam-ratusan-rumah",
            {"source": "Okezone", "location": "Bandung", "authors": ["Agus Warsudi"],
             "date": "2022-04-06T08:45+07:00"}, [
        T("Banjir Rendam Ratusan Rumah di Kabupaten Bandung"),
        C("Agus Warsudi, Jurnalis · Rabu 06 April 2022 08:45 WIB"),
        P("BANDUNG - ", "Banjir merendam ratusan rumah warga di Kecamatan Dayeuhkolot, Kabupaten "
          "Bandung, setelah hujan deras mengguyur kawasan itu sejak Selasa sore."),
        K("Ketinggian air di permukiman warga bervariasi antara 50 sentimeter hingga 1,5 meter. "
          "Sebagian warga memilih bertahan di lantai dua rumah mereka."),
        C("Baca Juga: Hujan Deras, Sejumlah Ruas Jalan di Bandung Tergenang"),
        K("\"Air mulai masuk rumah sekitar pukul 21.00 WIB dan terus naik sampai dini hari,\" kata "
          "Ujang, warga Desa Citeureup."),
        K("Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Bandung telah mendirikan posko "
          "pengungsian dan dapur umum bagi warga terdampak.", " (han)"),
        C("Follow Berita Okezone di Google News"),
    ]),
    Article("sindonews.com", "/read/735001/13/kpk-tetapkan-dua-tersangka-baru",
            {"source": "SINDOnews", "location": "Jakarta", "date": "2022-04-05T16:20+07:00"}, [
        T("KPK Tetapkan Dua Tersangka Baru Kasus Suap Proyek Jalan"),
        C("Selasa, 05 April 2022 - 16:20 WIB"),
        P("JAKARTA - ", "Komisi Pemberantasan Korupsi (KPK) menetapkan dua tersangka baru dalam "
          "kasus dugaan suap proyek pembangunan jalan di Kabupaten Bogor."),
        K("Keduanya merupakan pihak swasta yang diduga memberikan uang kepada pejabat dinas "
          "pekerjaan umum setempat agar memenangkan tender proyek."),
        C("Baca Juga: KPK Periksa Bupati Bogor sebagai Saksi"),
        K("\"Tim penyidik telah menemukan bukti permulaan yang cukup,\" kata Plt Juru Bicara KPK "
          "Ali Fikri di Gedung Merah Putih KPK, Jakarta."),
        K("KPK juga mencegah kedua tersangka bepergian ke luar negeri selama enam bulan ke depan.",
          " (ynt)"),
        C("Dapatkan berita terkini dan kejutan menarik dari SINDOnews.com, Klik Disini"),
    ]),
    Article("tempo.co", "/read/1579001/polisi-selidiki-kebakaran-gudang-di-cakung",
            {"source": "Tempo", "location": "Jakarta", "authors": ["ADAM PRIREZA"]}, [
        T("Polisi Selidiki Kebakaran Gudang di Cakung"),
        P("TEMPO.CO, Jakarta - ", "Kepolisian Sektor Cakung menyelidiki penyebab kebakaran gudang "
          "tekstil di kawasan industri Pulogadung, Jakarta Timur, pada Senin malam."),
        K("Api baru bisa dipadamkan setelah 18 unit mobil pemadam dikerahkan ke lokasi selama "
          "hampir empat jam."),
        C("Pilihan Editor: Anies Minta Warga Waspadai Cuaca Ekstrem"),
        K("\"Kami masih menunggu hasil pemeriksaan Puslabfor untuk memastikan sumber api,\" kata "
          "Kapolsek Cakung Komisaris Rahmat Sujatmiko."),
        C("Baca berita dengan sedikit iklan, klik di sini"),
        K("Tidak ada korban jiwa dalam peristiwa itu, tetapi kerugian ditaksir mencapai miliaran "
          "rupiah."),
        C("ADAM PRIREZA | ANTARA"),
    ]),
    Article("republika.co.id", "/berita/r9x5f1/kemenag-gelar-sidang-isbat",
            {"source": "Republika", "location": "Jakarta", "authors": ["Fuji Eka Permana"],
             "editors": ["Ani Nursalikah"]}, [
        T("Kemenag Gelar Sidang Isbat Awal Ramadhan"),
        C("Rep: Fuji Eka Permana/ Red: Ani Nursalikah"),
        P("REPUBLIKA.CO.ID, JAKARTA -- ", "Kementerian Agama (Kemenag) akan menggelar sidang isbat "
          "untuk menentukan awal Ramadhan 1443 Hijriyah pada Jumat (1/4/2022) petang."),
        K("Sidang isbat akan diawali dengan pemaparan posisi hilal oleh tim hisab dan rukyat "
          "Kemenag, dilanjutkan dengan verifikasi hasil rukyatul hilal dari berbagai daerah."),
        C("Baca juga : Muhammadiyah Tetapkan 1 Ramadhan Jatuh pada 2 April"),
        K("\"Sidang isbat tetap digelar secara hibrida dengan memperhatikan protokol kesehatan,\" "
          "ujar Dirjen Bimas Islam Kamaruddin Amin."),
        K("Pemantauan hilal akan dilakukan di 101 titik yang tersebar di seluruh provinsi di "
          "Indonesia."),
        C("Ikuti Whatsapp Channel Republika.co.id klik di sini"),
    ]),
    Article("suara.com", "/bisnis/2022/04/20/101500/harga-cabai-rawit-naik",
            {"source": "Suara.com", "location": None}, [
        T("Harga Cabai Rawit di Pasar Induk Kramat Jati Naik Jelang Lebaran"),
        P("Suara.com - ", "Harga cabai rawit merah di Pasar Induk Kramat Jati, Jakarta Timur, terus "
          "merangkak naik menjelang Lebaran."),
        K("Pada Rabu (20/4/2022), cabai rawit merah dijual Rp 70.000 per kilogram, naik dari "
          "Rp 55.000 pada pekan sebelumnya."),
        C("Pedagang cabai melayani pembeli di Pasar Induk Kramat Jati, Jakarta, Rabu (20/4/2022). "
          "[Suara.com/Alfian Winanto]"),
        K("\"Pasokan dari daerah berkurang karena hujan, jadi harganya naik,\" kata Rohman, seorang "
          "pedagang."),
        C("Baca Juga: Harga Bawang Merah Mulai Turun"),
        K("Pemerintah Provinsi DKI Jakarta berencana menggelar operasi pasar untuk menekan harga "
          "sejumlah komoditas pangan."),
    ]),
    Article("viva.co.id", "/sport/bola/1465001-timnas-indonesia-menang-telak",
            {"source": "VIVA", "location": None, "category": "Bola"}, [
        T("Timnas Indonesia Menang Telak atas Timor Leste"),
        C("Photo :"),
        C("VIVA/M Ali Wafa"),
        P("VIVA Bola – ", "Timnas Indonesia meraih kemenangan telak 4-1 atas Timor Leste dalam laga "
          "uji coba di Stadion Kapten I Wayan Dipta, Gianyar, Bali, Kamis malam."),
        K("Gol Indonesia dicetak oleh Dimas Drajad, Ricky Kambuaya, Irfan Jaya, dan Fachruddin "
          "Aryanto. Sementara gol balasan Timor Leste lahir dari titik penalti."),
        C("Halaman Selanjutnya"),
        K("Pelatih Shin Tae-yong mengaku puas dengan permainan anak asuhnya, meski masih menemukan "
          "sejumlah kekurangan di lini belakang."),
        K("\"Kami akan terus memperbaiki koordinasi pertahanan sebelum Piala AFF,\" kata Shin "
          "Tae-yong seusai pertandingan."),
        C("Baca artikel Bola menarik lainnya di link ini."),
    ]),
    Article("jpnn.com", "/news/polda-metro-jaya-bongkar-sindikat-pemalsuan-dokumen",
            {"source": "JPNN.com", "location": "Jakarta", "authors": ["Ferry Suhartono"],
             "editors": ["Ferry Suhartono"]}, [
        T("Polda Metro Jaya Bongkar Sindikat Pemalsuan Dokumen Kendaraan"),
        P("jpnn.com, JAKARTA - ", "Polda Metro Jaya membongkar sindikat pemalsuan dokumen kendaraan "
          "bermotor yang beroperasi di wilayah Jakarta dan Tangerang."),
        K("Dalam pengungkapan itu, polisi menangkap lima orang tersangka beserta ratusan lembar Buku "
          "Pemilik Kendaraan Bermotor (BPKB) palsu."),
        C("Jangan Lewatkan Video Terbaru:"),
        K("\"Para tersangka sudah beraksi sejak 2019 dan meraup keuntungan ratusan juta rupiah,\" "
          "kata Kabid Humas Polda Metro Jaya Kombes Endra Zulpan."),
        K("Para tersangka dijerat pasal pemalsuan surat dengan ancaman hukuman enam tahun penjara.",
          " (cr1/jpnn)"),
        C("Redaktur & Reporter : Ferry Suhartono"),
    ]),
    Article("idntimes.com", "/news/indonesia/debbie-sutrisno/fakta-gempa-cianjur",
            {"source": "IDN Times", "location": "Bandung"}, [
        T("5 Fakta Gempa Magnitudo 5,6 yang Guncang Cianjur"),
        C("Editor’s picks"),
        P("Bandung, IDN Times - ", "Gempa bumi bermagnitudo 5,6 mengguncang Kabupaten Cianjur, Jawa "
          "Barat, pada Senin siang dan terasa hingga Jakarta."),
        C("IDN Times/Debbie Sutrisno"),
        K("Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) menyebut pusat gempa berada di darat "
          "pada kedalaman 10 kilometer."),
        C("Baca Juga: BMKG Catat 25 Gempa Susulan di Cianjur"),
        K("Ratusan rumah dilaporkan rusak dan warga diminta mewaspadai gempa susulan."),
        C("instagram.com/infobmkg"),
        K("Pemerintah Provinsi Jawa Barat telah mengirimkan bantuan logistik dan tenda darurat ke "
          "lokasi terdampak."),
    ]),
    Article("tirto.id", "/kejagung-periksa-tiga-saksi-gq7x",
            {"source": "Tirto.id", "category": "Hukum", "authors": ["Adi Briantika"],
             "editors": ["Bayu Septianto"]}, [
        T("Kejagung Periksa Tiga Saksi Kasus Korupsi Minyak Goreng"),
        P("tirto.id - ", "Kejaksaan Agung memeriksa tiga saksi dalam perkara dugaan korupsi "
          "pemberian izin ekspor minyak sawit mentah dan turunannya."),
        K("Ketiga saksi merupakan pegawai Kementerian Perdagangan dan perwakilan perusahaan "
          "eksportir minyak sawit."),
        C("Baca juga: Kejagung Tetapkan Dirjen Daglu Kemendag Jadi Tersangka"),
        K("\"Pemeriksaan saksi dilakukan untuk memperkuat pembuktian,\" kata Kapuspenkum Kejagung "
          "Ketut Sumedana di Jakarta, Senin (25/4/2022).", " (tirto.id - Hukum)"),
        C("Baca juga artikel terkait KORUPSI MINYAK GORENG atau tulisan lainnya dari Adi Briantika"),
        C("Reporter: Adi Briantika"),
        C("Penulis: Adi Briantika"),
        C("Editor: Bayu Septianto"),
    ]),
    Article("kapanlagi.com", "/showbiz/selebriti/raisa-gelar-konser-tunggal.html",
            {"source": "KapanLagi.com"}, [
        T("Raisa Gelar Konser Tunggal di Jakarta Usai Tiga Tahun Vakum"),
        P("KapanLagi.com - ", "Penyanyi Raisa Andriana akhirnya kembali menggelar konser tunggal di "
          "Jakarta setelah tiga tahun vakum dari panggung besar."),
        C("(credit: instagram.com/raisa6690)"),
        K("Konser bertajuk Raisa Live in Concert itu digelar di Istora Senayan dan dihadiri ribuan "
          "penggemar."),
        K("\"Terima kasih sudah menunggu selama ini. Malam ini untuk kalian semua,\" ujar Raisa di "
          "atas panggung."),
        C("© KapanLagi.com/Bayu Herdianto"),
        K("Raisa membawakan lebih dari 20 lagu, termasuk sejumlah lagu dari album terbarunya.",
          " (kpl/gen/rna)"),
        C("Yuk, baca berita menarik lainnya di KapanLagi.com!"),
    ]),
    Article("grid.id", "/read/043150001/nakes-rela-jalan-kaki-demi-vaksinasi-lansia",
            {"source": "Grid.ID", "authors": ["Nesiana Yuswar"],
             "date": "2022-02-21T15:30+07:00"}, [
        T("Nakes di Puskesmas Ini Rela Jalan Kaki Demi Vaksinasi Lansia"),
        C("Nesiana Yuswar - Senin, 21 Februari 2022 | 15:30 WIB"),
        P("Grid.ID - ", "Seorang tenaga kesehatan di Kabupaten Lebak, Banten, rela berjalan kaki "
          "berjam-jam demi memberikan vaksin Covid-19 kepada warga lanjut usia."),
        K("Aksi tenaga kesehatan tersebut viral di media sosial setelah videonya diunggah oleh rekan "
          "kerjanya."),
        C("Baca Juga: Kisah Bidan Desa yang Seberangi Sungai Demi Layani Ibu Hamil"),
        K("Ia mengaku harus menempuh perjalanan sekitar tiga jam melewati jalan setapak karena "
          "kendaraan tidak bisa masuk ke kampung tersebut."),
        C("Artikel ini telah tayang di Kompas.com dengan judul \"Kisah Nakes di Lebak Jalan Kaki 3 "
          "Jam demi Vaksinasi Lansia\", Klik untuk baca: https://regional.kompas.com/read/2022/02/"
          "21/153000178/kisah-nakes"),
        C("Sumber: Kompas.com"),
    ]),
    Article("poskotanews.com", "/2022/04/05/dua-pelaku-curanmor-dibekuk-warga",
            {"source": "Poskota", "location": "Jakarta"}, [
        T("Dua Pelaku Curanmor Dibekuk Warga di Cengkareng"),
        P("JAKARTA (Poskotanews.com) – ", "Dua pelaku pencurian sepeda motor dibekuk warga saat "
          "beraksi di sebuah rumah kos di Cengkareng, Jakarta Barat, Selasa dini hari."),
        K("Kedua pelaku sempat menjadi sasaran amuk massa sebelum diamankan petugas Polsek "
          "Cengkareng yang datang ke lokasi."),
        C("Baca Juga: Maling Motor Beraksi di Kembangan, Terekam CCTV"),
        K("\"Barang bukti berupa kunci letter T dan satu unit sepeda motor sudah kami amankan,\" "
          "kata Kapolsek Cengkareng Kompol Ubaidillah."),
        K("Kini kedua pelaku mendekam di sel tahanan Polsek Cengkareng untuk menjalani pemeriksaan "
          "lebih lanjut.", " (cahyono/win)"),
    ]),
    Article("bisnis.com", "/read/20220406/7/1520001/ihsg-ditutup-menguat",
            {"source": "Bisnis.com", "location": "Jakarta"}, [
        T("IHSG Ditutup Menguat 0,5 Persen, Saham Bank Jadi Penopang"),
        P("Bisnis.com, JAKARTA - ", "Indeks Harga Saham Gabungan (IHSG) ditutup menguat 0,5 persen "
          "ke level 7.150,25 pada akhir perdagangan Rabu (6/4/2022)."),
        K("Saham perbankan berkapitalisasi besar menjadi penopang utama penguatan indeks, dipimpin "
          "oleh saham BBCA dan BBRI."),
        C("Konten Premium"),
        C("Nikmati Konten Premium Untuk Informasi Yang Lebih Dalam"),
        K("Investor asing mencatatkan pembelian bersih senilai Rp 1,2 triliun di seluruh pasar."),
        K("Analis memperkirakan IHSG masih berpotensi melanjutkan penguatan dalam jangka pendek "
          "seiring kuatnya arus dana asing."),
        C("Disclaimer: berita ini tidak bertujuan mengajak membeli atau menjual saham. Keputusan "
          "investasi sepenuhnya ada di tangan pembaca. Bisnis.com tidak bertanggung jawab terhadap "
          "segala kerugian maupun keuntungan yang timbul dari keputusan investasi pembaca."),
        C("Cek Berita dan Artikel yang lain di Google News dan WA Channel"),
    ]),
    Article("kontan.co.id", "/news/bank-indonesia-tahan-suku-bunga-acuan",
            {"source": "Kontan", "location": "Jakarta", "authors": ["Dina Mirayanti Hutauruk"],
             "editors": ["Tendi Mahadi"]}, [
        T("Bank Indonesia Tahan Suku Bunga Acuan di Level 3,5%"),
        C("Reporter: Dina Mirayanti Hutauruk | Editor: Tendi Mahadi"),
        P("KONTAN.CO.ID - JAKARTA. ", "Bank Indonesia (BI) kembali menahan suku bunga acuan BI "
          "7-Day Reverse Repo Rate di level 3,5% dalam Rapat Dewan Gubernur bulan ini."),
        K("Gubernur BI Perry Warjiyo mengatakan keputusan tersebut sejalan dengan perkiraan inflasi "
          "yang tetap terjaga dan upaya menjaga stabilitas nilai tukar rupiah."),
        C("Selanjutnya: Rupiah Menguat Tipis Usai Keputusan BI"),
        K("BI juga memperkirakan pertumbuhan ekonomi Indonesia tahun ini berada di kisaran 4,7% "
          "hingga 5,5%."),
        C("Cek Berita dan Artikel yang lain di Google News"),
    ]),
    Article("tribunnews.com", "/internasional/2022/02/15/kremlin-putin-siap-berunding",
            {"source": "Tribunnews", "location": "Moskwa", "authors": ["Fitri Wulandari"]}, [
        C("Laporan Wartawan Tribunnews, Fitri Wulandari"),
        P("TRIBUNNEWS.COM, MOSKWA - ", "Juru bicara Kremlin Dmitry Peskov mengatakan bahwa Presiden "
          "Rusia Vladimir Putin siap mengadakan pembicaraan tentang jaminan keamanan."),
        C("TRIBUNNEWS.COM/AFP"),
        K("\"Pertama-tama, Presiden Putin selalu menuntut negosiasi dan diplomasi,\" kata Peskov "
          "pada Senin kemarin."),
        C("Baca juga: Rusia Desak AS Segera Jawab Proposal Keamanan"),
        K("Sebelumnya, Putin secara konseptual menyetujui rancangan Kementerian Luar Negeri Rusia "
          "tentang tanggapan negaranya itu atas proposal jaminan keamanan."),
        K("Menurut Rusia, klaim Barat digunakan sebagai dalih untuk menyebarkan lebih banyak "
          "peralatan militer NATO di dekat perbatasan Rusia.", " (Tribunnews.com/Fitri Wulandari)"),
        C("Berita lain terkait Konflik Rusia Vs Ukraina"),
    ]),
]

MY_SITES = [a.host for a in ARTICLES]


def _check(record: dict, article: Article) -> None:
    meta = record["meta"]
    assert meta["site"] == article.host
    for name, expected in article.meta.items():
        assert meta[name] == expected, (name, meta[name], expected)
    if article.title():
        assert meta["title"] == article.title()
    text = record["text"]
    for cruft in article.cruft():
        assert cruft not in text, f"cruft left in text: {cruft!r}"
    for paragraph in article.kept():
        assert paragraph in text.split("\n\n"), f"article paragraph lost or changed: {paragraph!r}"
    assert text == "\n\n".join(article.kept())
    assert record["flags"] == []


@pytest.mark.parametrize("article", ARTICLES, ids=MY_SITES)
def test_site_identified_by_text(cleaner, article):
    _check(cleaner.clean(article.raw()), article)


@pytest.mark.parametrize("article", ARTICLES, ids=MY_SITES)
def test_site_identified_by_url(cleaner, article):
    record = cleaner.clean(article.raw(), url=f"https://www.{article.host}{article.path}")
    _check(record, article)
    assert record["meta"]["url"].startswith(f"https://www.{article.host}/")


@pytest.mark.parametrize("article", ARTICLES, ids=MY_SITES)
def test_every_removal_is_recorded(cleaner, article):
    removed = " ".join(r["text"] for r in cleaner.clean(article.raw())["removed"])
    for cruft in article.cruft():
        assert cruft in removed, f"removal not recorded: {cruft!r}"


def _site_files() -> list[Path]:
    return sorted(SITES_DIR.glob("*.toml"))


@pytest.mark.parametrize("path", _site_files(), ids=lambda p: p.stem)
def test_site_pack_has_name_domains_signatures(path):
    head = tomllib.loads(path.read_text(encoding="utf-8")).get("pack", {})
    assert isinstance(head.get("name"), str) and head["name"].strip()
    assert head.get("domains") and all(isinstance(d, str) and d for d in head["domains"])
    signatures = head.get("signatures")
    assert signatures and all(isinstance(s, str) and s for s in signatures)


def test_site_pack_file_is_named_by_a_domain_it_claims():
    for path in _site_files():
        head = tomllib.loads(path.read_text(encoding="utf-8")).get("pack", {})
        assert path.stem in [d.lower() for d in head.get("domains", [])], path.name


def test_no_two_site_packs_claim_a_domain():
    owner: dict[str, str] = {}
    clashes = []
    for path in _site_files():
        head = tomllib.loads(path.read_text(encoding="utf-8")).get("pack", {})
        for domain in head.get("domains", []):
            domain = domain.lower()
            if domain in owner:
                clashes.append((domain, owner[domain], path.name))
            owner[domain] = path.name
    assert clashes == []


def test_every_covered_site_has_a_pack_and_an_article():
    stems = {p.stem for p in _site_files()}
    expected = {"kompas.com", "detik.com", "liputan6.com", "cnbcindonesia.com", "okezone.com",
                "sindonews.com", "tempo.co", "republika.co.id", "suara.com", "viva.co.id",
                "jpnn.com", "idntimes.com", "tirto.id", "kapanlagi.com", "grid.id",
                "poskotanews.com", "bisnis.com", "kontan.co.id", "tribunnews.com"}
    assert expected <= stems
    assert set(MY_SITES) == expected


# Article sentences that look like some site's cruft; under every site pack they must stay.
LOOKALIKES = [
    "Lihat foto-foto banjir itu di galeri, kata petugas BPBD.",
    "Menurut KOMPAS.com, rapat itu berlangsung tertutup hingga malam.",
    "Pilihan editor itu menuai kritik dari pembaca setia majalah tersebut.",
    "Selanjutnya, pemerintah akan menaikkan tarif cukai rokok tahun depan.",
    "Konten premium itu dijual seharga Rp50.000 per bulan, kata dia.",
    "Berita lain terkait kasus ini belum dapat dikonfirmasi kebenarannya oleh polisi.",
    "Presiden Jokowi - yang baru tiba dari Bali - langsung memimpin rapat terbatas.",
    "Simak video yang beredar itu, polisi menduga pelaku berjumlah tiga orang.",
    "Halaman selanjutnya memuat daftar nama korban yang sudah teridentifikasi.",
    "Hal itu disampaikan kepada Suara.com di Jakarta, Selasa (22/2/2022).",
    "Baca artikel ilmiah itu, kata dosen, sebelum ujian akhir semester.",
    "Kepada tirto.id, ia mengaku tak tahu apa-apa soal aliran dana itu.",
    "Advertisement di media sosial kini menyedot separuh belanja iklan nasional.",
    "Redaktur senior itu mengatakan naskah sudah diperiksa dua kali.",
]


@pytest.mark.parametrize("article", ARTICLES, ids=MY_SITES)
def test_lookalike_sentences_survive(cleaner, article):
    at = next(i for i, p in enumerate(article.parts) if isinstance(p, P)) + 1
    parts = article.parts[:at] + [K(s) for s in LOOKALIKES] + article.parts[at:]
    mixed = Article(article.host, article.path, article.meta, parts)
    for url in (None, f"https://www.{article.host}{article.path}"):
        record = cleaner.clean(mixed.raw(), url=url)
        assert record["text"] == "\n\n".join(mixed.kept())
