"""The composition: the steps in order, into one profile document, written atomically.

Only the territory itself is required (its lookup and its outline): any other step that fails (a
catalog down, an unexpected reply) becomes a sentence of the profile's `notes` and the others go on,
so a territory always gets at least its boundary, the OpenStreetMap presets and sensor.community.
A cancellation stops everything.

The document is an ordinary profile: every entry carries its `note` (where it came from and why it was
chosen), entries to check are `unconfirmed`, and the file is readable, editable and shareable. It
uses the round-2 categories (transit_stop, public_vehicle, carpool_area, road_accident), the `gtfs`
and `national_file` sources, the profile-level `notes` and the boundary's `note`, which the shipped
schema learns at the composer's integration; until then `loadable_profile` builds the Profile the
territory load takes without checking it against that schema (the tests check it against the
round-2 schema).
"""

from __future__ import annotations

import datetime
import json
import os
import time
from dataclasses import dataclass, field

from ..definitions import CATEGORIES
from ..profiles.profile import Profile, localized, resolve_entries, slug
from ..toolbelt.errors import Cancelled, OpenTerritoryError
from ..toolbelt.i18n import colon, tr
from ..toolbelt.logger import log
from ..toolbelt.network import Transport
from .accidents import accident_entry, latest_accident_file
from .common_entries import osm_entries, sensor_entries
from .crs import territory_crs
from .datagouv_org import find_organization, organization_datasets, organization_entries
from .geo_api import GeoApi
from .lookup import find_territory
from .national_bases import BASES, base_entry, in_transport_catalog, on_datagouv
from .outline import Outline, add_arrondissements, boundary_spec, fetch_outline
from .schema_catalog import consolidation_dataset, read_schema_catalog
from .services import Services
from .territory import Territory
from .transport_catalog import catalog_entries, read_catalog, territory_aom, territory_datasets

# Categories added in round 2 (DESIGN.md), after the first ones in the profile's order.
ROUND2_CATEGORIES = ("transit_stop", "transit_route", "public_vehicle", "carpool_area", "road_accident")
STEPS = 8


@dataclass
class Composition:
    profile: dict
    territory: Territory
    outline: Outline
    notes: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def entry_count(self) -> int:
        return sum(len(entries) for entries in self.profile["resources"].values())

    def summary(self) -> str:
        unconfirmed = sum(
            1 for entries in self.profile["resources"].values() for entry in entries if entry.get("unconfirmed")
        )
        lines = [
            tr("Profile composed for")
            + f" {self.territory.label()}: "
            + tr("communes")
            + colon()
            + f"{len(self.outline.communes)}, "
            + tr("entries")
            + colon()
            + f"{self.entry_count} ("
            + tr("to tick")
            + colon()
            + f"{unconfirmed}), {self.seconds:.1f} s"
        ]
        lines += [f"  ! {note}" for note in self.notes]
        return "\n".join(lines)


class Steps:
    """Progress and cancellation of the composition, and the notes of the steps that failed."""

    def __init__(self, feedback, notes: list):
        self.feedback, self.notes, self.done = feedback, notes, 0

    def start(self, text: str):
        if self.feedback is not None:
            if self.feedback.isCanceled():
                raise Cancelled()
            self.feedback.setProgress(100.0 * self.done / STEPS)
            if hasattr(self.feedback, "pushInfo"):
                self.feedback.pushInfo(text)
        self.done += 1

    def failed(self, what: str, error: OpenTerritoryError, consequence: str):
        note = f"{what}: {error}. {consequence}"
        log(note, "warning")
        self.notes.append(note)


def category_order(category: str) -> tuple:
    order = list(CATEGORIES) + [c for c in ROUND2_CATEGORIES if c not in CATEGORIES]
    return (order.index(category) if category in order else len(order), category)


def resources_section(items: list) -> dict:
    resources = {}
    for category, entry in items:
        resources.setdefault(category, []).append(entry)
    return {category: resources[category] for category in sorted(resources, key=category_order)}


def profile_document(
    territory: Territory, outline: Outline, items: list, notes: list, services: Services, references: list
) -> dict:
    today = datetime.date.today().isoformat()
    boundary_note = (
        f"{services.geo}: "
        + tr("the outlines of the territory's communes")
        + f" ({len(outline.communes)}, geometry=contour)"
    )
    document = {
        "$schema": "profile.schema.json",
        "version": 1,
        "id": f"{slug(territory.name, 30)}_{territory.code.lower()}",
        "name": territory.name,
        "description": tr("Composed by Open Territory from France's national open data on")
        + f" {today}: {territory.label()}; "
        + tr("communes")
        + colon()
        + f"{len(outline.communes)}.",
        "country": "FR",
        "crs": territory_crs(territory.departments),
        "extent": outline.extent,
        "boundary": dict(boundary_spec(territory, services), title=territory.name, note=boundary_note),
        "resources": resources_section(items),
    }
    if notes:
        document["notes"] = list(notes)
    document["references"] = list(dict.fromkeys(references))
    return document


def compose_profile(  # noqa: C901 - split at the composer's integration
    query, services: Services = None, feedback=None, transport=None, include_accidents: bool = True
) -> Composition:
    """Compose the profile of the territory `query` names (text, or a Territory already chosen).

    Raises InputError when the territory is unknown or ambiguous (reason "unknown"/"ambiguous", the
    candidates as payload), another OpenTerritoryError when its outline cannot be had, Cancelled."""
    started = time.monotonic()
    services = services or Services()
    transport = transport or Transport(feedback=feedback)
    geo = GeoApi(transport, services.geo)
    notes, references, items = [], [], []
    steps = Steps(feedback, notes)

    steps.start(tr("Looking up the territory") + f" {query if isinstance(query, str) else query.label()}…")
    territory = query if isinstance(query, Territory) else find_territory(query, geo)
    steps.start(tr("Outlines of the communes of") + f" {territory.label()}…")
    outline = fetch_outline(territory, services, transport)
    references.append(outline.url)
    try:
        add_arrondissements(outline, territory, geo)
    except Cancelled:
        raise
    except OpenTerritoryError as error:
        steps.failed(
            "geo.api.gouv.fr", error, tr("Rows coded by municipal arrondissement are not kept by the national files")
        )
    items += osm_entries(services) + sensor_entries(services)
    codes = outline.filter_codes

    steps.start(tr("Catalog of Etalab schemas (data.gouv.fr)…"))
    schemas = []
    try:
        schemas = read_schema_catalog(transport, services)
    except Cancelled:
        raise
    except OpenTerritoryError as error:
        steps.failed(
            tr("Catalog of Etalab schemas"), error, tr("The national files' columns are not typed by their schema")
        )

    steps.start(tr("Catalog of transport.data.gouv.fr…"))
    catalog = None
    try:
        catalog = read_catalog(transport, services)
        references.append(f"{services.transport}/api/datasets")
    except Cancelled:
        raise
    except OpenTerritoryError as error:
        steps.failed(
            "transport.data.gouv.fr",
            error,
            tr("The territory's GBFS feeds and transit networks are missing; national bases come from data.gouv.fr"),
        )
    if catalog is not None:
        aom = None
        try:
            aom = territory_aom(transport, services, outline.communes[0]["code"])
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            steps.failed(tr("Transport authority (AOM)"), error, tr("Datasets published for the AOM are missing"))
        matches = territory_datasets(catalog, territory, {c["code"]: c["nom"] for c in outline.communes}, aom)
        found = catalog_entries(matches, services)
        items += [(item.category, item.entry) for item in found]
        if not found:
            notes.append(
                tr("transport.data.gouv.fr lists no transport dataset for the territory, its communes or its AOM")
            )

    steps.start(tr("National bases…"))
    for base in BASES:
        consolidation = consolidation_dataset(schemas, base.schema)
        found, found_on = None, "transport.data.gouv.fr"
        if catalog is not None:
            found = in_transport_catalog(catalog, base, consolidation)
        if found is None and consolidation:
            found_on = "data.gouv.fr"
            try:
                found = on_datagouv(transport, services, base, consolidation)
            except Cancelled:
                raise
            except OpenTerritoryError as error:
                steps.failed(base.label(), error, tr("This national base is missing from the profile"))
                continue
        if found is None:
            notes.append(tr("Not found in the catalogs, missing from the profile:") + f" {base.label()}")
            continue
        dataset, resource = found
        items.append((base.category, base_entry(base, dataset, resource, codes, schemas, found_on)))

    steps.start(tr("Road accidents (data.gouv.fr)…"))
    if include_accidents:
        try:
            found = latest_accident_file(transport, services)
            if found:
                items.append(("road_accident", accident_entry(*found, codes)))
            else:
                notes.append(tr("No yearly file of road accidents was found on data.gouv.fr"))
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            steps.failed(tr("Road accidents"), error, tr("Road accidents are missing from the profile"))

    steps.start(tr("The territory's organisation on data.gouv.fr…"))
    try:
        organization = find_organization(transport, services, territory)
        if organization is None:
            notes.append(
                tr("data.gouv.fr has no organisation with the territory's SIREN") + f" {territory.siren or '-'}"
            )
        else:
            datasets = organization_datasets(transport, services, organization)
            items += organization_entries(datasets, organization, services)
            if organization.get("page"):
                references.append(organization["page"])
    except Cancelled:
        raise
    except OpenTerritoryError as error:
        steps.failed("data.gouv.fr", error, tr("The datasets of the territory's own organisation are missing"))

    steps.start(tr("Writing the profile…"))
    profile = profile_document(territory, outline, items, notes, services, references)
    if feedback is not None:
        feedback.setProgress(100.0)
    return Composition(profile, territory, outline, notes, time.monotonic() - started)


def write_profile(data: dict, path: str) -> None:
    """Write the composed profile atomically: a file already there changes only once this one is whole."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    tmp = os.path.join(folder, f".{os.path.basename(path)}.part")
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def loadable_profile(data: dict, path: str) -> Profile:
    """The Profile `load_territory` takes, for a composed document (see the module's docstring)."""
    return Profile(
        id=data["id"],
        name=localized(data["name"]),
        path=path,
        data=data,
        crs=data.get("crs", "EPSG:2154"),
        resources=resolve_entries(data),
    )
