"""The latest yearly road-accident file on data.gouv.fr."""

import pytest
from open_territory.plugin.compose.accidents import accident_entry, file_year, latest_accident_file


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("caracteristiques-2023.csv", 2023),
        ("carcteristiques-2022.csv", 2022),
        ("caracteristiques_2019.csv", 2019),
        ("Caractéristiques 2021", 2021),
        ("lieux-2023.csv", None),
        ("usagers-2023.csv", None),
    ],
)
def test_file_year(title, year):
    assert file_year({"title": title, "format": "csv", "url": "https://example.org/x"}) == year


def test_a_pdf_is_no_file_of_accidents():
    assert file_year({"title": "caracteristiques-2023.pdf", "format": "pdf", "url": "https://x.org/c.pdf"}) is None


def test_the_latest_year_is_chosen(transport, services, root):
    dataset, resource, year = latest_accident_file(transport, services)
    assert year == 2023 and resource["url"] == f"{root}/files/caracteristiques-2023.csv"
    entry = accident_entry(dataset, resource, year, ["35360"])
    assert entry["insee_fields"] == ["com"] and (entry["lon_field"], entry["lat_field"]) == ("long", "lat")
    assert entry["title"] == "Road accidents 2023" and entry["domain"] == "securite_routiere"
    assert "(2023)" in entry["note"] and entry["note"].startswith("data.gouv.fr, « Bases de données annuelles")


def test_nothing_found(transport, services, stand_ins, monkeypatch):
    import open_territory.plugin.compose.accidents as accidents

    monkeypatch.setattr(accidents, "SEARCH_WORDS", "aucun résultat")
    assert latest_accident_file(transport, services) is None
