"""Names and codes as the user types them."""

import pytest
from open_territory.plugin.compose.names import (
    department_of,
    fold,
    parse_query,
    same_name,
    without_legal_form,
    words,
)


def test_fold_drops_accents_case_and_punctuation():
    assert fold("Vitré") == fold("VITRE") == fold(" vitré ") == "vitre"
    assert fold("L'Haÿ-les-Roses") == "lhaylesroses"
    assert words("Saint-Denis-en-Val") == ["saint", "denis", "en", "val"]


@pytest.mark.parametrize(
    ("name", "plain"),
    [
        ("CA Vitré Communauté", "Vitré Communauté"),
        ("CC du Pays de Redon", "du Pays de Redon"),
        ("Communauté d'agglomération du Pays Ajaccien", "du Pays Ajaccien"),
        ("Rennes Métropole", "Rennes Métropole"),
        ("CA Cap Excellence", "Cap Excellence"),
        ("Cap Atlantique", "Cap Atlantique"),  # "Ca" is no legal form without a space after it
    ],
)
def test_an_epci_without_its_legal_form(name, plain):
    assert without_legal_form(name) == plain


def test_same_name():
    assert same_name("vitre communaute", "CA Vitré Communauté", epci=True)
    assert not same_name("vitre communaute", "CA Vitré Communauté", epci=False)
    assert not same_name("Vitré", "Beaussais-Vitré")


@pytest.mark.parametrize(
    ("code", "department"),
    [("35360", "35"), ("2A004", "2A"), ("2b033", "2B"), ("97411", "974"), ("97611", "976"), ("01004", "01")],
)
def test_department_of(code, department):
    assert department_of(code) == department


@pytest.mark.parametrize(
    ("text", "kind", "value", "department"),
    [
        ("Vitré", "name", "Vitré", ""),
        ("  Saint-Denis   (974) ", "name", "Saint-Denis", "974"),
        ("Ajaccio (2a)", "name", "Ajaccio", "2A"),
        ("35360", "insee", "35360", ""),
        ("2a004", "insee", "2A004", ""),
        ("200039022", "siren", "200039022", ""),
        ("200 039 022", "siren", "200039022", ""),
        ("20003902200016", "siren", "200039022", ""),
        ("Paris 15", "name", "Paris 15", ""),
    ],
)
def test_parse_query(text, kind, value, department):
    query = parse_query(text)
    assert (query.kind, query.value, query.department) == (kind, value, department)
