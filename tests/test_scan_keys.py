"""The `scan` keys of rules whose patterns made the set of all rules costly: each names every line
its pattern matches (alone and joined with other lines), and passes over ordinary lines."""

from __future__ import annotations

import pytest

from cleaner.matcher import RuleSets, search_rules
from cleaner.rulefile import load_packs

# Lines each rule's pattern matches beyond its examples: the forms a looser scan could miss.
EDGE_LINES = {
    "detik/dateline": [
        "Jakarta -- Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Selasa.",
        "Jakarta, detikNews — Komisi Pemberantasan Korupsi menetapkan dua tersangka baru hari ini.",
        "Kota Bandung – \"Kami akan menindak tegas setiap pelanggaran,\" kata Kapolrestabes (2/3).",
        "Banda Aceh, detikcom - Pemerintah Aceh menetapkan status darurat banjir di tiga daerah.",
    ],
    "kumparan/related-inline": [
        "kata dia. BACA JUGA: Harga Emas Naik Lagi Menurut analis, harga emas akan terus naik.",
        "ujarnya. Simak juga：Video Banjir di Jakarta Selain itu, hujan diperkirakan masih turun.",
    ],
    "chrome/newsletter": [
        "Weekly Newsletter",
        "Daftar sekarang dan dapatkan buletin kami setiap pekan.",
        "Terima kabar terbaru langsung ke kotak masuk Anda setiap pagi.",
        "Thanks for reading. Sign up to get our e-mail updates on the election.",
    ],
    "chrome/contact-line": [
        "redaksi@kompas.co.id",
        "Write to Jane Doe at jane.doe@wsj.com and follow her on Twitter.",
        "E-mail the author at first_last@news-site.co.uk",
    ],
}
# Article lines none of these scans should name: most documents are then scanned joined.
ORDINARY = [
    "Presiden Joko Widodo mengatakan bahwa pembangunan jalan tol akan dilanjutkan tahun depan.",
    "Kepala Dinas Kesehatan Kota Bandung, Ahyani Raksanagara, menyebut kasus demam berdarah naik.",
    "Menurut dia, harga bahan pokok menjelang Lebaran masih stabil di pasar tradisional.",
    "Baca juga laporan kami sebelumnya tentang banjir di Jakarta.",
    "Persib Bandung - yang bermain di kandang - menang 2-1 atas Persija.",
    "Ikuti akun Twitter @jokowi untuk kabar terbaru.",
    "Daftar pemain yang dipanggil pelatih akan diumumkan pekan depan di Jakarta.",
]


@pytest.fixture(scope="module")
def rules() -> dict:
    return {rule.id: rule for pack in load_packs() for rule in pack.rules}


def _lines(rule) -> list[str]:
    lines = list(rule.remove) + EDGE_LINES[rule.id]
    for case in rule.cases:
        lines.extend(case["input"].split("\n"))
    return lines


@pytest.mark.parametrize("rule_id", sorted(EDGE_LINES))
def test_rule_has_a_scan(rules, rule_id):
    assert rules[rule_id].scan


@pytest.mark.parametrize("rule_id", sorted(EDGE_LINES))
def test_scan_names_every_line_the_pattern_matches(rules, rule_id):
    rule = rules[rule_id]
    sets = RuleSets([rule])
    for line in EDGE_LINES[rule_id]:                    # the edge lines are the rule's own
        assert search_rules(line, [rule]), line
    matched = [line for line in _lines(rule) if search_rules(line, [rule])]
    for line in matched:
        assert sets.match(line.encode()), line
        joined = "\n".join([ORDINARY[0], line, ORDINARY[2]])
        assert sets.match(joined.encode()), line


@pytest.mark.parametrize("rule_id", sorted(EDGE_LINES))
def test_scan_passes_over_ordinary_lines(rules, rule_id):
    sets = RuleSets([rules[rule_id]])
    assert not sets.match("\n".join(ORDINARY).encode())
    for line in ORDINARY:
        assert not sets.match(line.encode()), line
