"""The composition: the steps in order, into one profile document, written atomically.

Only the territory itself is required (its lookup and its outline): any other step that fails (a
catalog down, an unexpected reply) becomes a sentence of the profile's `notes` and the others go on,
so a territory always gets at least its boundary, the OpenStreetMap presets and sensor.community.
A cancellation stops everything.

The document is an ordinary profile: every entry carries its `note` (where it came from and why it was
chosen), entries to check are `unconfirmed`, and the file is readable, editable and shareable. An entry
of a source this version of the plugin does not have (a catalog may list more than it loads) is left
out and said in the notes, so that the profile always validates and loads.
"""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass, field
from typing import Callable

from ..definitions import CATEGORIES, category_label
from ..profiles.profile import slug
from ..sources import registry
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
            + f"{unconfirmed}), {self.seconds:.2f} s"
        ]
        lines += [f"  ! {note}" for note in self.notes]
        return "\n".join(lines)


class Steps:
    """Progress and cancellation of the composition, and the notes of the steps that failed or found
    nothing."""

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
        self.note(f"{what}: {error}. {consequence}", "warning")

    def note(self, text: str, level: str = "info") -> None:
        """A note of the profile: a step that failed (a warning), or what a step did not find."""
        log(text, level)
        self.notes.append(text)

    def attempt(self, what: str, consequence: str, function: Callable, *args, default=None):
        """`function(*args)`, or `default` with a note (what failed, why, what it costs) when a service fails;
        a cancellation stops the composition."""
        try:
            return function(*args)
        except Cancelled:
            raise
        except OpenTerritoryError as error:
            self.failed(what, error, consequence)
            return default


@dataclass
class Composing:
    """What a composition under way has found: the territory, its outline, the entries (category, entry),
    the references; its steps' notes."""

    territory: Territory
    outline: Outline
    services: Services
    transport: Transport
    steps: Steps
    items: list = field(default_factory=list)
    references: list = field(default_factory=list)


def category_order(category: str) -> tuple:
    return (CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES), category)


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


def left_out(items: list, steps: Steps) -> list:
    """The items whose source this version of the plugin has; the others are said in the notes."""
    kept = []
    for category, entry in items:
        if entry["source"] in registry.SOURCES:
            kept.append((category, entry))
            continue
        what = entry.get("feed") or entry.get("url") or entry.get("dataset") or ""
        steps.note(
            tr("Left out: this version of the plugin has no source")
            + f" '{entry['source']}' ({category_label(category)}): "
            + f"{entry.get('title') or what} ({what})"
        )
    return kept


def find_place(query, services: Services, transport: Transport, steps: Steps) -> Composing:
    """The territory and its outline (the only steps that must succeed), with the arrondissements the
    national files may code its rows with."""
    geo = GeoApi(transport, services.geo)
    steps.start(tr("Looking up the territory") + f" {query if isinstance(query, str) else query.label()}…")
    territory = query if isinstance(query, Territory) else find_territory(query, geo)
    steps.start(tr("Outlines of the communes of") + f" {territory.label()}…")
    outline = fetch_outline(territory, services, transport)
    work = Composing(territory, outline, services, transport, steps, references=[outline.url])
    steps.attempt(
        "geo.api.gouv.fr",
        tr("Rows coded by municipal arrondissement are not kept by the national files"),
        add_arrondissements,
        outline,
        territory,
        geo,
    )
    return work


def add_transport_datasets(work: Composing, catalog: list) -> None:
    """The GBFS feeds, transit networks and other datasets transport.data.gouv.fr lists for the territory."""
    aom = work.steps.attempt(
        tr("Transport authority (AOM)"),
        tr("Datasets published for the AOM are missing"),
        territory_aom,
        work.transport,
        work.services,
        work.outline.communes[0]["code"],
    )
    communes = {c["code"]: c["nom"] for c in work.outline.communes}
    found = catalog_entries(territory_datasets(catalog, work.territory, communes, aom), work.services)
    work.items += [(item.category, item.entry) for item in found]
    if not found:
        work.steps.note(
            tr("transport.data.gouv.fr lists no transport dataset for the territory, its communes or its AOM")
        )


def add_national_bases(work: Composing, catalog: list | None, schemas: list) -> None:
    """One `national_file` entry per national base, from transport.data.gouv.fr's catalog, else from
    data.gouv.fr's consolidation dataset."""
    work.steps.start(tr("National bases…"))
    for base in BASES:
        consolidation = consolidation_dataset(schemas, base.schema)
        found = in_transport_catalog(catalog, base, consolidation) if catalog is not None else None
        found_on = "transport.data.gouv.fr"
        if found is None and consolidation:
            found_on = "data.gouv.fr"
            found = work.steps.attempt(
                base.label(),
                tr("This national base is missing from the profile"),
                on_datagouv,
                work.transport,
                work.services,
                base,
                consolidation,
                default=False,
            )
            if found is False:
                continue
        if found is None:
            work.steps.note(tr("Not found in the catalogs, missing from the profile:") + f" {base.label()}")
            continue
        dataset, resource = found
        work.items.append(
            (base.category, base_entry(base, dataset, resource, work.outline.filter_codes, schemas, found_on))
        )


def accident_items(work: Composing) -> list:
    found = latest_accident_file(work.transport, work.services)
    if not found:
        work.steps.note(tr("No yearly file of road accidents was found on data.gouv.fr"))
        return []
    return [("road_accident", accident_entry(*found, work.outline.filter_codes))]


def organization_items(work: Composing) -> list:
    """The datasets of the territory's own organisation on data.gouv.fr, to tick."""
    organization = find_organization(work.transport, work.services, work.territory)
    if organization is None:
        work.steps.note(
            tr("data.gouv.fr has no organisation with the territory's SIREN") + f" {work.territory.siren or '-'}"
        )
        return []
    datasets = organization_datasets(work.transport, work.services, organization)
    if organization.get("page"):
        work.references.append(organization["page"])
    return organization_entries(datasets, organization, work.services)


def compose_profile(
    query, services: Services = None, feedback=None, transport=None, include_accidents: bool = True
) -> Composition:
    """Compose the profile of the territory `query` names (text, or a Territory already chosen).

    Raises InputError when the territory is unknown or ambiguous (reason "unknown"/"ambiguous", the
    candidates as payload), another OpenTerritoryError when its outline cannot be had, Cancelled."""
    started = time.monotonic()
    services = services or Services()
    transport = transport or Transport(feedback=feedback)
    steps = Steps(feedback, [])
    work = find_place(query, services, transport, steps)
    work.items += osm_entries(services) + sensor_entries(services)

    steps.start(tr("Catalog of Etalab schemas (data.gouv.fr)…"))
    schemas = steps.attempt(
        tr("Catalog of Etalab schemas"),
        tr("The national files' columns are not typed by their schema"),
        read_schema_catalog,
        transport,
        services,
        default=[],
    )
    steps.start(tr("Catalog of transport.data.gouv.fr…"))
    catalog = steps.attempt(
        "transport.data.gouv.fr",
        tr("The territory's GBFS feeds and transit networks are missing; national bases come from data.gouv.fr"),
        read_catalog,
        transport,
        services,
    )
    if catalog is not None:
        work.references.append(f"{services.transport}/api/datasets")
        add_transport_datasets(work, catalog)
    add_national_bases(work, catalog, schemas)
    steps.start(tr("Road accidents (data.gouv.fr)…"))
    if include_accidents:
        work.items += steps.attempt(
            tr("Road accidents"), tr("Road accidents are missing from the profile"), accident_items, work, default=[]
        )
    steps.start(tr("The territory's organisation on data.gouv.fr…"))
    work.items += steps.attempt(
        "data.gouv.fr",
        tr("The datasets of the territory's own organisation are missing"),
        organization_items,
        work,
        default=[],
    )
    steps.start(tr("Writing the profile…"))
    items = left_out(work.items, steps)
    profile = profile_document(work.territory, work.outline, items, steps.notes, services, work.references)
    if feedback is not None:
        feedback.setProgress(100.0)
    return Composition(profile, work.territory, work.outline, steps.notes, time.monotonic() - started)
