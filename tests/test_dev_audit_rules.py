"""Rule fixes from an audit of the cleaned IndoSum dev split, each on a text shaped like the real one.

The texts are excerpts of articles of the IndoSum dev split (Kurniawan and Louvan, 2018, CC BY-SA
4.0; see fixtures/indosum/README.md), shortened, with their urls: paragraphs split by a blank line,
spacing as the corpus tokenised it. The audit's other two findings are not here: kumparan's
"(kumparan.com)" after its name and a closing "... klik di sini." are article text by the labelled
sample (fixtures/indosum/labelled.jsonl, tests/test_quality.py, tests/test_audit_leftovers.py).
"""

from __future__ import annotations

import pytest


def _by_rule(record) -> list[tuple[str, str]]:
    return [(removal["rule"], removal["text"]) for removal in record["removed"]]


# 2. goal (1504560639 and 30 more): 'SIMAK JUGA - <title>' lines are the language pack's related
#    links, whichever rule reaches them first; goal/related-title keeps the Title Case headlines
#    that lost their label. What goes is the same text either way; only its rule differs.
GOAL = (
    "Prancis gagal mencetak gol dan harus menerima hasil imbang kontra Luksemburg di Stadium "
    "Municipal, Senin (4 / 9) dini hari WIB.\n\n"
    "SIMAK JUGA - Andre Silva Menangkan Portugal\n\n"
    "Sejak menit awal, terlihat jelas Luksemburg tak berniat mencari kemenangan.\n\n"
    "SIMAK JUGA - Wenger: Saya Nyaris Tinggalkan Arsenal\n\n"
    "Namun tak ada yang menyangka Prancis gagal mencetak gol hingga jeda turun minum.\n\n"
    "SIMAK JUGA: Hubungan Baik Suporter, Buat Persija Seperti Berlaga Di Kandang\n\n"
    "Sanksi Embargo Transfer Real Madrid Diperingan\n\n"
    "Kebuntuan itu bertahan hingga menit ke - 60.")
GOAL_URL = "http://www.goal.com/id-ID/match/prancis-vs-luksemburg/2116204/report"


@pytest.mark.xfail(strict=True, reason="goal/related-title reaches the labelled lines first (a "
                   "site's rules go first); to leave them to id/related-link its pattern must spell "
                   "out every label word's negation (RE2 has no look-ahead): 861 characters that "
                   "cost every document's scan 4%. The text removed is the same either way")
def test_goal_labelled_related_links_are_credited_to_the_label_rule(cleaner):
    record = cleaner.clean(GOAL, url=GOAL_URL)
    assert _by_rule(record) == [
        ("id/related-link", "SIMAK JUGA - Andre Silva Menangkan Portugal"),
        ("id/related-link", "SIMAK JUGA - Wenger: Saya Nyaris Tinggalkan Arsenal"),
        ("id/related-link",
         "SIMAK JUGA: Hubungan Baik Suporter, Buat Persija Seperti Berlaga Di Kandang"),
        ("goal/related-title", "Sanksi Embargo Transfer Real Madrid Diperingan"),
    ]
    assert record["text"] == "\n\n".join(
        paragraph for paragraph in GOAL.split("\n\n")
        if not paragraph.startswith(("SIMAK", "Sanksi")))


@pytest.mark.parametrize("headline", ["Bacary Sagna Gabung Benevento Secara Gratis",
                                      "Simeone Perpanjang Kontrak Di Atletico Madrid",
                                      "L'Equipe: Neymar Tolak Tawaran Real Madrid"])
def test_goal_headline_opening_like_a_label_verb_is_still_a_related_title(cleaner, headline):
    text = GOAL.split("\n\n")[0] + "\n\n" + headline + "\n\n" + GOAL.split("\n\n")[-1]
    assert _by_rule(cleaner.clean(text, url=GOAL_URL)) == [("goal/related-title", headline)]


# 4. merdeka (1496090700, 1497303000): the headline after the dateline, alone on the line, is the
#    title, not the first paragraph; a lead sentence after the dateline stays the article's.
MERDEKA_BODY = (
    "AS Roma sukses meraih kemenangan dengan skor 3 - 2 saat melawan Genoa di giornata 38 Serie A "
    "di Olimpico, Minggu (28 / 05).\n\n"
    "Laga ini tergolong spesial karena akan jadi pertandingan terakhir Francesco Totti bersama "
    "dengan Roma.")
MERDEKA_URL = "https://www.merdeka.com/sepakbola/hasil-pertandingan-as-roma-vs-genoa-skor-3-2.html"


@pytest.mark.parametrize("headline", ["Kado Indah Untuk Totti",
                                      "La Roja Menang Tipis dari Makedonia"])
def test_merdeka_headline_after_the_dateline_is_the_title(cleaner, headline):
    record = cleaner.clean(f"Merdeka.com - {headline}\n\n{MERDEKA_BODY}", url=MERDEKA_URL)
    assert record["meta"]["title"] == headline
    assert record["meta"]["source"] == "Merdeka.com"
    assert record["text"] == MERDEKA_BODY
    assert _by_rule(record) == [("merdeka/dateline-title", f"Merdeka.com - {headline}")]


@pytest.mark.parametrize("lead", [
    "AS Roma sukses meraih kemenangan dengan skor 3 - 2 saat melawan Genoa.",
    "Polisi menangkap seorang pria di Bekasi",
    "Totti Pensiun?",
])
def test_merdeka_lead_after_the_dateline_stays_the_first_paragraph(cleaner, lead):
    record = cleaner.clean(f"Merdeka.com - {lead}\n\n{MERDEKA_BODY}", url=MERDEKA_URL)
    assert record["meta"]["title"] is None
    assert record["text"] == f"{lead}\n\n{MERDEKA_BODY}"
    assert _by_rule(record) == [("merdeka/dateline", "Merdeka.com - ")]
