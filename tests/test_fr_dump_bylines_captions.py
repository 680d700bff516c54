"""French-language dump records (an acceptance run of 39 invented records from French, Belgian,
Swiss, Quebec and African sites): an outlet's byline with its wire, a writer named before the
outlet, a caption closing on its credit, the paywall's offers and AFP's desk code go; the
article's paragraphs stay."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

PARAS = [
    "Le prix de la tonne de beurre a dépassé 7 000 euros sur le marché de gros, un niveau jamais "
    "atteint depuis la création de la cotation.",
    "Les boulangers, qui en consomment de grandes quantités pour les viennoiseries, disent ne plus "
    "pouvoir absorber la hausse sans toucher au prix du croissant.",
    "Selon l'interprofession laitière, la collecte de lait a reculé de 2 % en un an, ce qui pèse "
    "sur l'offre de matière grasse."]
TITLE = "Le prix du beurre atteint un record, les boulangers inquiets"


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def test_outlet_byline_caption_paywall(cleaner):
    text = "\n\n".join([
        TITLE, "Le Monde avec AFP", "Publié le 12 mars 2024 à 10h15, modifié le 12 mars 2024 à 11h02",
        PARAS[0], "Un boulanger prépare des croissants, à Paris, le 11 mars 2024. LUDOVIC MARIN / AFP",
        PARAS[1], "Lire aussi l'enquête | Le prix du lait payé aux éleveurs en légère hausse",
        PARAS[2], "Il vous reste 62.15% de cet article à lire. La suite est réservée aux abonnés.",
        "Offrir cet article", "jd/cb/ial"])
    record = cleaner.clean(text)
    assert record["meta"]["lang"] == "fr"
    assert record["text"].split("\n\n") == PARAS
    assert record["meta"]["source"] == "AFP"
    assert record["meta"]["date"] == "2024-03-12T10:15"


def test_writer_before_the_outlet_and_the_dash_dateline(cleaner):
    text = "\n\n".join([
        TITLE, "Isabelle Ducas La Presse", "Publié le 12 mars 2024 à 10 h 15",
        "OTTAWA — " + PARAS[0], PARAS[1], "PHOTO MARTIN CHAMBERLAND, LA PRESSE", PARAS[2],
        "Qu'en pensez-vous ? Exprimez votre opinion"])
    record = cleaner.clean(text)
    assert record["text"].split("\n\n") == PARAS
    assert record["meta"]["authors"] == ["Isabelle Ducas"]
    assert record["meta"]["location"] == "Ottawa"


def test_a_two_sentence_paragraph_ending_on_a_credit_stays(cleaner):
    para = ("Le ministre a démenti toute hausse. Le texte sera présenté mardi, a indiqué son "
            "entourage — Jean Dupont / Le Monde")
    record = cleaner.clean("\n\n".join([TITLE, "Par Claire Vasseur", PARAS[0], para, PARAS[1]]))
    assert para in record["text"].split("\n\n")
