"""The CRS a composed profile's maps are drawn in: the legal projected system of where the territory is.

Mainland France and Corsica use Lambert-93 (EPSG:2154). Each overseas department has its own legal
system (décret n° 2006-272 and its updates): RGAF09 / UTM 20N for Guadeloupe, Martinique and the
northern islands, RGFG95 / UTM 22N for French Guiana, RGR92 / UTM 40S for La Réunion, RGM04 / UTM 38S
for Mayotte, RGSPM06 / UTM 21N for Saint-Pierre-et-Miquelon.
"""

from __future__ import annotations

MAINLAND = "EPSG:2154"
OVERSEAS = {
    "971": "EPSG:5490",
    "972": "EPSG:5490",
    "973": "EPSG:2972",
    "974": "EPSG:2975",
    "975": "EPSG:4467",
    "976": "EPSG:4471",
    "977": "EPSG:5490",
    "978": "EPSG:5490",
}


def territory_crs(departments) -> str:
    """The overseas system when every department of the territory shares one, Lambert-93 otherwise."""
    systems = {OVERSEAS.get(str(d), MAINLAND) for d in departments or []}
    return systems.pop() if len(systems) == 1 else MAINLAND
