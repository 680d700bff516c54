"""A pack combination is one tuple for all its documents; what stages derive from it is found by identity, correctly and in bounded memory."""

from __future__ import annotations

from cleaner import lexicon as lexicon_module
from cleaner.lexicon import lexicon


def test_documents_of_one_site_share_one_pack_tuple(cleaner):
    first = cleaner.index.packs_for("Isi berita.", "https://www.kompas.com/a")
    second = cleaner.index.packs_for("Berita lain.", "https://nasional.kompas.com/b")
    other = cleaner.index.packs_for("Isi berita.", "https://www.detik.com/c")
    assert first is second
    assert first[0].id == "kompas.com" and other[0].id == "detik.com"
    assert other is not first


def test_a_new_tuple_of_the_same_packs_gets_the_same_lexicon(cleaner):
    packs = cleaner.index.packs_for("Isi berita.", "https://www.kompas.com/a")
    assert lexicon(tuple(list(packs))) is lexicon(packs)
    assert lexicon(packs[1:]) is not lexicon(packs)


def test_lexicons_kept_by_identity_stay_bounded(cleaner):
    packs = cleaner.index.packs_for("Isi berita.", "https://www.kompas.com/a")
    for _ in range(3 * lexicon_module._IDENTITIES_KEPT):
        assert lexicon(tuple(list(packs))).months == lexicon(packs).months
    assert len(lexicon_module._BY_IDENTITY) <= lexicon_module._IDENTITIES_KEPT

