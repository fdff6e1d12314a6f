"""The territory a profile is composed for: one commune or one EPCI, as geo.api.gouv.fr describes it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..toolbelt.i18n import tr
from .names import department_of

COMMUNE = "commune"
EPCI = "epci"


@dataclass
class Territory:
    kind: str  # COMMUNE or EPCI
    code: str  # INSEE code of a commune, SIREN of an EPCI
    name: str
    departments: list = field(default_factory=list)
    population: int = 0
    siren: str = ""  # the SIREN data.gouv.fr knows its organisation by (an EPCI's code is its SIREN)
    epci: str = ""  # a commune's EPCI (SIREN), empty for a commune in none
    score: float = 0.0  # geo.api.gouv.fr's match score, for candidates of a name
    # Where it is, when asked (GeoApi(shapes=True)): GeoJSON geometries in EPSG:4326, a Point and a Polygon.
    centre: dict = None
    bbox: dict = None

    @classmethod
    def from_commune(cls, item: dict) -> Territory:
        code = str(item.get("code", "")).upper()
        return cls(
            kind=COMMUNE,
            code=code,
            name=item.get("nom") or code,
            departments=[item.get("codeDepartement") or department_of(code)],
            population=int(item.get("population") or 0),
            siren=str(item.get("siren") or ""),
            epci=str(item.get("codeEpci") or ""),
            score=float(item.get("_score") or 0.0),
            centre=item.get("centre"),
            bbox=item.get("bbox"),
        )

    @classmethod
    def from_epci(cls, item: dict) -> Territory:
        code = str(item.get("code", ""))
        return cls(
            kind=EPCI,
            code=code,
            name=item.get("nom") or code,
            departments=list(item.get("codesDepartements") or []),
            population=int(item.get("population") or 0),
            siren=code,
            score=float(item.get("_score") or 0.0),
            centre=item.get("centre"),
            bbox=item.get("bbox"),
        )

    @property
    def key(self) -> tuple:
        return (self.kind, self.code)

    def label(self) -> str:
        """How a candidate is shown: homonyms differ by their department and code.
        "Vitré (35) — commune 35360", "CA Vitré Communauté (35) — EPCI 200039022"."""
        departments = ", ".join(self.departments)
        kind = tr("commune") if self.kind == COMMUNE else tr("EPCI")
        return f"{self.name} ({departments}) — {kind} {self.code}"

    def boundary(self) -> dict:
        """The profile's boundary: the communes of the EPCI, or the commune itself."""
        return {"epci": self.code} if self.kind == EPCI else {"communes": [self.code]}
