"""From the user's text to one territory, through the geo.api.gouv.fr stand-in."""

import pytest
from open_territory.plugin.compose.lookup import find_territory, suggestions
from open_territory.plugin.toolbelt.errors import InputError


@pytest.mark.parametrize("text", ["Vitré", "vitre", "VITRE", " Vitré  "])
def test_a_commune_by_name_with_or_without_accents(geo, text):
    territory = find_territory(text, geo)
    assert (territory.kind, territory.code, territory.name) == ("commune", "35360", "Vitré")
    assert territory.departments == ["35"] and territory.epci == "200039022"
    assert territory.siren == "213503600"


def test_the_exact_name_wins_over_the_names_that_contain_it(geo):
    """'Vitré' also starts words of 'CA Vitré Communauté' and 'Beaussais-Vitré': the commune is meant."""
    found = suggestions("Vitré", geo)
    assert [t.code for t in found][:1] == ["35360"]
    assert {"200039022", "79030"} <= {t.code for t in found}


def test_an_epci_by_its_name_without_its_legal_form(geo):
    territory = find_territory("Vitré Communauté", geo)
    assert (territory.kind, territory.code) == ("epci", "200039022")
    assert territory.name == "CA Vitré Communauté" and territory.siren == "200039022"


@pytest.mark.parametrize(
    ("text", "kind", "code"),
    [
        ("35360", "commune", "35360"),
        ("2A004", "commune", "2A004"),
        ("2a004", "commune", "2A004"),
        ("97411", "commune", "97411"),
        ("243500139", "epci", "243500139"),
        ("24350013900189", "epci", "243500139"),  # a SIRET: its SIREN
        ("213503600", "commune", "35360"),  # a commune's SIREN
        ("44460", "commune", None),  # a postcode shared by three communes: ambiguous, below
    ],
)
def test_by_code(geo, text, kind, code):
    if code is None:
        with pytest.raises(InputError) as caught:
            find_territory(text, geo)
        assert caught.value.reason == "ambiguous"
        assert {t.code for t in caught.value.payload} == {"44185", "44058", "44008"}
        return
    territory = find_territory(text, geo)
    assert (territory.kind, territory.code) == (kind, code)


def test_a_postcode_of_one_commune_is_that_commune(geo):
    assert find_territory("35130", geo).code == "35125"  # La Guerche-de-Bretagne's postcode, not an INSEE code


def test_homonyms_are_listed_with_their_department(geo):
    with pytest.raises(InputError) as caught:
        find_territory("Saint-Denis", geo)
    error = caught.value
    assert error.reason == "ambiguous"
    assert [t.code for t in error.payload] == ["97411", "93066", "11339"]  # population-boosted order
    assert "Saint-Denis (974) — commune 97411" in str(error)
    assert "Saint-Denis (93) — commune 93066" in str(error)


def test_a_department_chooses_among_homonyms(geo, stand_ins):
    assert find_territory("Saint-Denis (93)", geo).code == "93066"
    assert all(
        "codeDepartement=93" in query for _m, path, query in stand_ins.log if path.endswith(("/communes", "/epcis"))
    )
    assert find_territory("saint denis (974)", geo).code == "97411"
    assert find_territory("Sainte-Marie (972)", geo).code == "97228"


def test_an_unknown_name_gets_the_closest_matches(geo):
    with pytest.raises(InputError) as caught:
        find_territory("Vitrée", geo)
    assert caught.value.reason == "unknown"
    assert "35360" in {t.code for t in caught.value.payload}
    assert "Vitré (35) — commune 35360" in str(caught.value)
    assert suggestions("Vitrée", geo)[0].code == "35360"


def test_nothing_close(geo):
    with pytest.raises(InputError) as caught:
        find_territory("Xyzzy", geo)
    assert caught.value.reason == "unknown" and caught.value.payload == []
    with pytest.raises(InputError) as caught:
        find_territory("99999", geo)
    assert caught.value.reason == "unknown"
    with pytest.raises(InputError) as caught:
        find_territory("  ", geo)
    assert caught.value.reason == "empty"


def test_an_epci_spanning_three_departments(geo):
    territory = find_territory("Redon Agglomération", geo)
    assert territory.kind == "epci" and territory.departments == ["35", "44", "56"]
    assert territory.label() == "CA Redon Agglomération (35, 44, 56) — EPCI 243500726"


def test_a_commune_in_no_epci(geo):
    territory = find_territory("Ouessant", geo)
    assert territory.code == "29155" and territory.epci == ""


def test_the_service_down_is_a_clear_error(geo, stand_ins):
    from open_territory.plugin.toolbelt.errors import ReplyError

    stand_ins.down.add("/geo/")
    with pytest.raises(ReplyError) as caught:
        find_territory("Vitré", geo)
    assert "geo.api.gouv.fr" in str(caught.value) and caught.value.status == 503
