"""`cleaner suggest` on a label a site also opens sentences with, going on in lower case
("Foto: la imagen ... se difundió en redes sociales."): the sentence is no line of the label's
group (no example to remove, not counted), and the label's rule leaves such sentences, with one
as a keep example."""

from __future__ import annotations

import re2

from suggest_helpers import suggested, write_dump

CREDITS = ["Foto: EFE/Juan Ruiz", "Foto: EFE/Ana Martín", "Foto: Europa Press/Luis Gil",
           "Foto: EFE/Marta Sanz", "Foto: Reuters/Pablo Díaz"]
SENTENCE = ("Foto: la imagen de la manifestación se difundió en redes sociales y acumuló miles "
            "de visitas.")


def _docs() -> list[list[str]]:
    docs = []
    for i in range(10):
        body = [f"El pleno del municipio número {i} aprobó ayer el presupuesto del año que viene "
                f"tras un largo debate entre los grupos." for _ in range(3)]
        if i == 4:
            body.insert(1, SENTENCE)
        docs.append([*body, CREDITS[i % len(CREDITS)]])
    return docs


def test_a_sentence_opening_on_a_label_is_kept_by_the_labels_rule(tmp_path, capsys):
    dump = write_dump(tmp_path, _docs(), lambda i: f"https://diario-sur.example/n/{i}")
    [foto] = [c for c in suggested(dump, capsys, "--packs", "none")
              if c["kind"] == "label" and "foto" in c["shape"]]
    assert SENTENCE not in foto["examples"] and foto["lines"] == 10
    rule = foto["rule"]
    assert rule["keep"] == [SENTENCE]
    pattern, unless = re2.compile(rule["pattern"]), re2.compile(rule["unless"])
    assert pattern.search(SENTENCE) and unless.search(SENTENCE)
    assert all(pattern.search(c) and not unless.search(c) for c in CREDITS)


def test_a_label_no_sentence_opens_gets_no_unless(tmp_path, capsys):
    docs = [[line for line in doc if line != SENTENCE] for doc in _docs()]
    dump = write_dump(tmp_path, docs, lambda i: f"https://diario-sur.example/n/{i}")
    [foto] = [c for c in suggested(dump, capsys, "--packs", "none")
              if c["kind"] == "label" and "foto" in c["shape"]]
    assert "unless" not in foto["rule"] and "keep" not in foto["rule"]


def test_a_labels_own_note_in_capitals_stays_its_line(tmp_path, capsys):
    """A site's note opens in capitals after its label, as a sentence does ("Disclosure:
    Artikel ini adalah advertorial ..."): it is the label's line, to remove."""
    note = ("Disclosure: Artikel ini adalah advertorial hasil kerja sama dengan mitra kami "
            "dalam acara ini.")
    docs = [[f"Paragraf berita nomor {i} menceritakan acara warga kota dengan rinci dan panjang."
             for _ in range(3)] + [note] for i in range(10)]
    dump = write_dump(tmp_path, docs, lambda i: f"https://berita-uji.example/n/{i}")
    candidates = suggested(dump, capsys, "--packs", "none")
    [disclosure] = [c for c in candidates if note in c["examples"]]
    assert "unless" not in disclosure["rule"]
