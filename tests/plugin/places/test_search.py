"""plugin/places/search.py against the geo.api.gouv.fr stand-in (tests/plugin/compose/standins.py): names with
and without accents, homonyms with their department, codes, bounding boxes, outlines, the cache, failures."""

from __future__ import annotations

import pytest
from open_territory.plugin.compose.territory import COMMUNE, EPCI
from open_territory.plugin.places.search import (
    place_extent,
    place_from_dict,
    place_outline,
    place_to_dict,
    search_places,
)
from open_territory.plugin.toolbelt.errors import Cancelled, NetworkError, ReplyError
from open_territory.plugin.toolbelt.network import Transport
from qgis.core import QgsFeedback

from ..compose.standins import StandIns


@pytest.fixture()
def geo(httpserver):
    stand_ins = StandIns().register(httpserver)
    return stand_ins, httpserver.url_for("/geo").rstrip("/")


def test_a_name_without_accents_finds_the_commune_first_with_where_it_is(geo):
    _stand_ins, base = geo
    found = search_places("vitre", Transport(retries=0), base)
    first = found[0]
    assert (first.kind, first.code, first.name) == (COMMUNE, "35360", "Vitré")
    assert first.label() == "Vitré (35) — commune 35360"
    assert "CA Vitré Communauté" in [t.name for t in found] and "Beaussais-Vitré" in [t.name for t in found]
    extent = place_extent(first)
    assert extent is not None and extent.width() > 0 and extent.height() > 0
    centre = first.centre["coordinates"]
    assert extent.contains(extent.center()) and extent.xMinimum() <= centre[0] <= extent.xMaximum()
    epci = next(t for t in found if t.kind == EPCI)
    assert place_extent(epci) is not None and place_extent(epci).width() > extent.width()


def test_homonyms_are_told_apart_by_their_department(geo):
    _stand_ins, base = geo
    found = search_places("Saint-Denis", Transport(retries=0), base)
    homonyms = [t.label() for t in found if t.name == "Saint-Denis"]
    assert len(homonyms) == 3 and len({label.split("(")[1][:3] for label in homonyms}) == 3
    only = search_places("Saint-Denis (974)", Transport(retries=0), base)
    assert [(t.name, t.departments) for t in only if t.name == "Saint-Denis"] == [("Saint-Denis", ["974"])]


def test_codes_find_one_place(geo):
    _stand_ins, base = geo
    assert [t.name for t in search_places("35360", Transport(retries=0), base)] == ["Vitré"]
    assert [t.name for t in search_places("200039022", Transport(retries=0), base)] == ["CA Vitré Communauté"]


def test_too_short_asks_nothing(geo):
    stand_ins, base = geo
    assert search_places(" v ", Transport(retries=0), base) == []
    assert stand_ins.log == []


def test_replies_are_cached_and_found_again_offline(geo):
    stand_ins, base = geo
    first = search_places("Vitré", Transport(retries=0), base)
    asked = len(stand_ins.log)
    assert search_places("Vitré", Transport(retries=0, offline=True), base) == first
    assert len(stand_ins.log) == asked


def test_the_outline_of_a_commune_and_of_an_epci(geo):
    stand_ins, base = geo
    vitre = search_places("35360", Transport(retries=0), base)[0]
    outline = place_outline(vitre, Transport(retries=0), base)
    assert outline.isValid() and outline.providerType() == "memory" and outline.featureCount() == 1
    assert outline.name() == "Vitré (35)" and outline.geometryType() == 2  # polygons
    assert stand_ins.log[-1][1] == "/geo/communes/35360" and "geometry=contour" in stand_ins.log[-1][2]
    epci = search_places("200039022", Transport(retries=0), base)[0]
    communes = place_outline(epci, Transport(retries=0), base)
    assert communes.featureCount() == 12  # the fixture's communes of CA Vitré Communauté
    assert communes.extent().contains(outline.extent())


def test_a_place_travels_as_plain_values(geo):
    _stand_ins, base = geo
    place = search_places("Vitré", Transport(retries=0), base)[0]
    assert place_from_dict(place_to_dict(place)) == place
    assert place_from_dict(dict(place_to_dict(place), unknown="x")) == place


def test_failures_name_the_service(geo):
    stand_ins, base = geo
    stand_ins.down.add("/geo/")
    with pytest.raises(ReplyError) as error:
        search_places("Rennes", Transport(retries=0), base)
    assert "geo.api.gouv.fr" in str(error.value) and error.value.status == 503
    with pytest.raises(NetworkError) as error:
        search_places("Nowhere", Transport(retries=0, offline=True), base)
    assert "geo.api.gouv.fr" in str(error.value)
    feedback = QgsFeedback()
    feedback.cancel()
    stand_ins.down.clear()
    with pytest.raises(Cancelled):
        search_places("Rennes", Transport(feedback=feedback, retries=0), base)
