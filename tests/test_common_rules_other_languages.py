"""Two common rules that took or left other languages' text (an acceptance run in Brazilian
Portuguese):

1. `common/editor-code-end` took a one- to three-capital acronym in brackets after a sentence
   as an Indonesian desk code, in every language: a quote's attribution ('"O Brasil precisa de
   juros menores." (CNI)') and a party's tag ('... por 52 votos a 18. (PL)', '(PT-BA)') went.
   Common keeps only the codes no text writes: a desk's prefix ('T/', 'T.', 'Uu.') or a slash
   beside a part of letters glued to digits ('(T/RE1/P1)', '(T.A067/R010)', '(Uu. C003)',
   '(mcr12/jpnn)', '(R021/H015)'); the acronyms and lower-case initials ('(ant)', '[sau]',
   '(mr)', '(HRD)') are Indonesian desks' practice, `id/editor-code-end`'s.
2. `common/dateline-agency` read only the Indonesian, Malay and English months and a one-word
   agency: 'SÃO PAULO, 12 de março (Reuters) - ', 'SÃO PAULO, 12 mar (Reuters) - ' and
   'BRASÍLIA (Agência Brasil) - ' stayed in the text. A day and up to three lower-case words
   (the months Romance languages write in lower case) and an agency of up to three capitalised
   words are read now.

The Portuguese texts are the acceptance run's reproducers, or written in their shapes.
"""

from __future__ import annotations

import pytest

COMMON_END = "common/editor-code-end"
ID_END = "id/editor-code-end"
DATELINE = "common/dateline-agency"

PT_LEAD = ("O governo federal anunciou nesta quinta-feira um novo programa de crédito para "
           "pequenos empresários, com juros abaixo dos praticados pelo mercado.")
PT_OUTRO = ("Segundo o ministério, a linha terá R$ 5 bilhões e poderá ser contratada a partir do "
            "mês que vem nas agências dos bancos públicos.")
ID_LEAD = ("Pemerintah mengumumkan aturan baru soal pendaftaran sekolah pada Senin, dan aturan itu "
           "berlaku mulai tahun ajaran depan di seluruh provinsi.")
ID_OUTRO = "Aturan itu akan ditinjau lagi setelah satu tahun berjalan, kata pejabat itu."


def _cuts(record: dict, *rules: str) -> list[tuple[str, str]]:
    return [(r["rule"], r["text"].strip()) for r in record["removed"] if r["rule"] in rules]


# -- 1. codes after a sentence -------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "“O Brasil precisa de juros menores.” (CNI)",
    "O texto foi aprovado por 52 votos a 18. (PL)",
    "A proposta foi apresentada pelo senador. (PT-BA)",
    "“Não vamos recuar nem um milímetro.” (Lula)",
    "“A inflação vai cair até o fim do ano.” (Gabriel Galípolo)",
    "O partido votou contra a proposta. (PSDB)",
    "A pesquisa ouviu 2.000 eleitores. (mr)",
])
def test_a_credit_or_a_party_after_a_sentence_stays_in_another_language(cleaner, line):
    record = cleaner.clean(f"{PT_LEAD}\n\n{line}\n\n{PT_OUTRO}")
    assert _cuts(record, COMMON_END, ID_END) == []
    assert line in record["text"].split("\n")


def test_the_acceptance_reproducer_keeps_every_attribution(cleaner):
    text = ("“O Brasil precisa de juros menores.” (CNI)\n\n"
            "O texto foi aprovado por 52 votos a 18. (PL)")
    record = cleaner.clean(text, url="https://x.com.br/a")
    assert record["text"] == text
    assert record["removed"] == []


@pytest.mark.parametrize("code", ["(T/RE1/P1)", "( T.A067/R010 )", "(Uu. C003)", "(mcr12/jpnn)",
                                  "(R021/H015)", "(T.KR - NJI / M019)", "(T/RE1/P1) (ant)"])
def test_a_desk_code_after_a_sentence_goes_in_any_language(cleaner, code):
    sentence = "O texto foi aprovado por 52 votos a 18."
    record = cleaner.clean(f"{PT_LEAD}\n\n{sentence} {code}\n\n{PT_OUTRO}")
    assert _cuts(record, COMMON_END, ID_END) == [(COMMON_END, code)]
    assert sentence in record["text"].split("\n")


@pytest.mark.parametrize("code", ["(ant)", "[sau]", "(mr)", "(HRD)", "(RAG)", "(SYSA/ant)",
                                  "(kpl/dna)", "(gk - 68)", "(M054)", "(stu) (T/RE1/P1)"])
def test_an_indonesian_desks_code_after_a_sentence_goes_as_the_indonesian_packs(cleaner, code):
    sentence = "Ia menolak tuduhan itu, ujarnya."
    record = cleaner.clean(f"{ID_LEAD}\n\n{sentence} {code}\n\n{ID_OUTRO}")
    assert record["meta"]["lang"] == "id"
    assert _cuts(record, COMMON_END, ID_END) == [(ID_END, code)]
    assert sentence in record["text"].split("\n")


def test_a_desk_code_closing_a_line_without_end_punctuation_is_still_commons(cleaner):
    record = cleaner.clean(f"{PT_LEAD}\n\n{PT_OUTRO}\n\nTécnico: Abel Ferreira (T/RE1/P1)")
    assert _cuts(record, COMMON_END, ID_END) == [(COMMON_END, "(T/RE1/P1)")]
    assert record["text"].endswith("\nTécnico: Abel Ferreira")


# -- 2. wire datelines in other languages ------------------------------------------------------

@pytest.mark.parametrize("dateline, place, source", [
    ("SÃO PAULO, 12 de março (Reuters) - ", "São Paulo", "Reuters"),
    ("SÃO PAULO, 12 mar (Reuters) - ", "São Paulo", "Reuters"),
    ("SÃO PAULO, 12 mar. (Reuters) - ", "São Paulo", "Reuters"),
    ("BRASÍLIA (Agência Brasil) - ", "Brasília", "Agência Brasil"),
    ("RIO DE JANEIRO, 3 de abril (Agência Brasil) - ", "Rio de Janeiro", "Agência Brasil"),
    ("SÃO PAULO (AP) - ", "São Paulo", "AP"),
    ("PARIS, 12 mars (Agence France-Presse) - ", "Paris", "Agence France-Presse"),
    ("ROMA, 5 marzo (ANSA) - ", "Roma", "ANSA"),
])
def test_a_wire_dateline_in_another_language_gives_place_and_source(cleaner, dateline, place,
                                                                     source):
    record = cleaner.clean(f"{dateline}{PT_LEAD}\n\n{PT_OUTRO}")
    assert (record["meta"]["location"], record["meta"]["source"]) == (place, source)
    assert record["text"].startswith("O governo federal anunciou")
    assert _cuts(record, DATELINE) == [(DATELINE, dateline.strip())]


def test_the_dateline_reproducer_is_cleaned(cleaner):
    text = "SÃO PAULO, 12 mar (Reuters) - " + PT_LEAD + "\n\n" + PT_OUTRO
    record = cleaner.clean(text, url="https://jornaldoplanalto.com.br/economia/2026/03/credito/",
                           date="2026-03-12T02:00:00Z")
    assert record["text"] == PT_LEAD + "\n\n" + PT_OUTRO
    assert record["meta"]["date"] == "2026-03-12T02:00:00+00:00"   # the day written fills no date


@pytest.mark.parametrize("line", [
    "Ele disse (em entrevista) - O governo vai recorrer.",
    "SÃO PAULO (em entrevista) - O governo vai recorrer.",
    "COPA DO BRASIL (Ao Vivo) - Acompanhe o jogo lance a lance.",
    "ELEIÇÕES 2026 (Primeiro Turno) - O candidato venceu.",
    "COPA DO MUNDO (Fase de Grupos) - O Brasil estreia hoje.",
    "SÃO PAULO (Agência Brasil de Notícias Hoje) - O governo anunciou.",
    "SÃO PAULO, 12 de março de 2026 às 10h (Reuters) - O governo anunciou.",
    "SÃO PAULO, 12 Mortos (Reuters) - Doze pessoas morreram.",
])
def test_prose_or_a_heading_before_a_bracket_and_a_dash_is_no_dateline(cleaner, line):
    record = cleaner.clean(f"{line}\n\n{PT_LEAD}\n\n{PT_OUTRO}")
    assert _cuts(record, DATELINE) == []
    assert record["meta"]["location"] is None
    assert record["text"].split("\n\n")[0] == line
