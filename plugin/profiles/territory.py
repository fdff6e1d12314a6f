"""Load a whole territory: every resource of a profile into one GeoPackage, or into a schema of a PostGIS
database (`postgres:<QGIS connection>/<schema>`).

The same function serves `openterritory:load_territory` (Processing feedback) and the dock (a
QgsTask's feedback). Each resource goes through its source's `fetch`, exactly as the source's own
algorithm; one failing source is reported in the `sources` table and skipped, the others load.
The GeoPackage is written beside the target and put in place at the end (layer_writer.atomic_geopackage: the
territory's file may be open in QGIS, its previous load's layers), so a failed or cancelled load leaves the previous
file untouched, and a load where every resource failed is an error that leaves nothing either. Into PostGIS, the
same GeoPackage is written in a temporary folder, then its layers and its `sources` table replace the schema's
tables of the same names in one transaction (the schema's other tables stay), and the styles go into QGIS's
layer_styles table.

The boundary comes first (the others take its extent); then the resources are fetched in parallel
(toolbelt/parallel.py: four at once, two per server at most), each into a scratch GeoPackage of its own,
and their layers are moved into the territory's GeoPackage one at a time, in the profile's order. The
progress text says what each running fetch is doing ("Parkings — data.example.fr: 3.2 MB"). A server
that stalled is not asked again in the same load: a dead portal costs one timeout, not one per dataset.
What a load reports (its outcomes, its messages) is redacted: no key of a URL reaches the summary, the
`sources` table or the feedback.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from osgeo import gdal, ogr
from qgis.core import QgsFeedback

from ..sources import registry
from ..sources.base import EXTENT
from ..toolbelt.errors import Cancelled, InputError, NetworkError, OpenTerritoryError
from ..toolbelt.gdal_errors import with_gdal_exceptions
from ..toolbelt.i18n import colon, tr
from ..toolbelt.layer_writer import (
    atomic_geopackage,
    layer_target,
    move_layer,
    put_layers_in_database,
    utc_now_iso,
)
from ..toolbelt.logger import log
from ..toolbelt.network import Transport
from ..toolbelt.parallel import Job, run_in_order
from ..toolbelt.postgres import GEOMETRY_COLUMN, checked_schema, is_postgres, split_destination, table_uri
from ..toolbelt.redaction import host_of, redact, redact_text
from ..toolbelt.settings import load_settings
from ..toolbelt.tasks import steps_feedback
from .boundary import BOUNDARY_LAYER, boundary_dataset, fetch_boundary, layer_extent
from .profile import Profile, ResourceEntry

if TYPE_CHECKING:  # names used in annotations only
    from typing import Callable, Iterator

    from qgis.core import QgsProcessingMultiStepFeedback

SOURCES_TABLE = "sources"
SOURCES_FIELDS = (
    ("layer", ogr.OFTString),
    ("category", ogr.OFTString),
    ("source", ogr.OFTString),
    ("dataset", ogr.OFTString),
    ("title", ogr.OFTString),
    ("licence", ogr.OFTString),
    ("url", ogr.OFTString),
    ("fetched_at", ogr.OFTString),
    ("feature_count", ogr.OFTInteger),
    ("status", ogr.OFTString),
    ("message", ogr.OFTString),
)
OK, FAILED, SKIPPED = "ok", "failed", "skipped"


@dataclass
class Outcome:
    layer: str
    category: str
    source: str
    dataset: str
    title: str = ""
    status: str = OK
    feature_count: int = 0
    licence: str = ""
    url: str = ""
    fetched_at: str = ""
    message: str = ""
    kind: str = ""  # the failure's kind (NetworkError, ReplyError...), for the likely cause; not in the table

    def __setattr__(self, name: str, value: object) -> None:
        # What an outcome holds is shown (the summary, the dock) and written (the sources table): a feed's
        # apiKey or a server's ?key= is masked as it comes in.
        super().__setattr__(name, redact_text(value) if isinstance(value, str) else value)


@dataclass(frozen=True)
class TerritoryOutput:
    """Where a territory goes: the GeoPackage `path`, or the `schema` of a PostGIS database reached through
    the saved QGIS connection `connection`."""

    path: str = ""
    connection: str = ""
    schema: str = ""

    @property
    def in_database(self) -> bool:
        return bool(self.connection)


def territory_output(output: str) -> TerritoryOutput:
    """The destination of a territory load: a GeoPackage path or `postgres:<connection>/<schema>`."""
    if not is_postgres(output):
        return TerritoryOutput(path=output)
    connection, names = split_destination(output, 1)
    if not names or not names[0]:
        raise InputError(
            tr("Name the schema of the PostgreSQL destination (postgres:<connection>/<schema>)") + f": '{output}'",
            reason="output",
        )
    return TerritoryOutput(connection=connection, schema=checked_schema(names[0]))


@dataclass
class TerritoryReport:
    profile: Profile
    output: str
    outcomes: list = field(default_factory=list)
    extent: list = None
    offline: bool = False
    database_layers: dict = field(default_factory=dict)  # layer -> its "postgres" data source, into PostGIS

    def layer_source(self, name: str) -> tuple:
        """(data source, QGIS provider) of a loaded layer, for QgsVectorLayer."""
        if name in self.database_layers:
            return self.database_layers[name], "postgres"
        return f"{self.output}|layername={name}", "ogr"

    @property
    def loaded(self) -> list:
        return [o for o in self.outcomes if o.status == OK]

    @property
    def failed(self) -> list:
        return [o for o in self.outcomes if o.status == FAILED]

    @property
    def layers(self) -> list:
        return [o.layer for o in self.loaded]

    def summary(self) -> str:
        lines = [
            tr("Territory")
            + f" {self.profile.name}"
            + colon()
            + tr("layers loaded")
            + f" {len(self.loaded)}, "
            + tr("failed")
            + f" {len(self.failed)} → {self.output}"
        ]
        for o in self.outcomes:
            if o.status == OK:
                count = f"{o.feature_count} " + tr("features") + f" ({o.source} {o.dataset})"
                lines.append(f"  ✓ {o.layer}" + colon() + count)
            elif o.status == FAILED:
                lines.append(f"  ✗ {o.layer}" + colon() + o.message)
            else:
                lines.append(f"  – {o.layer}" + colon() + o.message)
        return "\n".join(lines)


def push(feedback: QgsFeedback | None, message: str, warning: bool = False) -> None:
    message = redact_text(message)
    log(message, "warning" if warning else "info")
    if feedback is None:
        return
    method = getattr(feedback, "pushWarning" if warning else "pushInfo", None)
    if method is not None:
        method(message)


def select_entries(profile: Profile, layers: list | None = None, include_unconfirmed: bool = False) -> list:
    """The entries to load: the named layers, or every enabled, confirmed entry."""
    if layers:
        wanted = set(layers)
        return [e for e in profile.resources if e.layer in wanted]
    return [e for e in profile.resources if e.enabled and (include_unconfirmed or not e.unconfirmed)]


def entry_spec(entry: ResourceEntry, extent: list | None) -> dict:
    """The spec a source's fetch gets: the entry's own keys, and the territory's extent for a source that
    takes one (its declaration's coverage)."""
    spec = dict(entry.spec)
    known = entry.source in registry.SOURCES  # an unknown source fails for its entry alone, in `entry`
    if extent and "extent" not in spec and known and EXTENT in registry.declaration(entry.source).coverage:
        spec["extent"] = list(extent)
    return spec


@with_gdal_exceptions
def delete_layer(path: str, layer_name: str) -> None:
    """Remove a layer of a GeoPackage (the sources table written again)."""
    if not os.path.exists(path):
        return
    dataset = ogr.Open(path, 1)
    if dataset is None:
        return
    for index in range(dataset.GetLayerCount()):
        if dataset.GetLayerByIndex(index).GetName() == layer_name:
            dataset.DeleteLayer(index)
            break
    dataset = None


@with_gdal_exceptions
def write_sources_table(path: str, outcomes: list) -> None:
    driver = ogr.GetDriverByName("GPKG")
    dataset = driver.Open(path, 1) if os.path.exists(path) else driver.CreateDataSource(path)
    if dataset.GetLayerByName(SOURCES_TABLE) is not None:
        delete_layer(path, SOURCES_TABLE)
        dataset = driver.Open(path, 1)
    table = dataset.CreateLayer(SOURCES_TABLE, geom_type=ogr.wkbNone, options=["FID=fid"])
    for name, kind in SOURCES_FIELDS:
        table.CreateField(ogr.FieldDefn(name, kind))
    table.StartTransaction()
    for outcome in outcomes:
        feature = ogr.Feature(table.GetLayerDefn())
        for name, _kind in SOURCES_FIELDS:
            value = getattr(outcome, name)
            if value not in (None, ""):
                feature.SetField(name, value)
        table.CreateFeature(feature)
    table.CommitTransaction()
    dataset = None


def prepare_cache(profile: Profile) -> str | None:
    """A working copy of the profile's bundled cache (the bundled files stay untouched and may be
    read-only in an installed plugin), or None."""
    folder = profile.offline_cache
    if not folder:
        return None
    if not os.path.isdir(folder):
        raise InputError(tr("The profile's offline cache folder does not exist") + f": {folder}")
    work = tempfile.mkdtemp(prefix="open_territory_cache_")
    shutil.copytree(folder, os.path.join(work, "cache"))
    return work


@with_gdal_exceptions
def load_territory(
    profile: Profile,
    output: str,
    offline: bool = None,
    feedback: QgsFeedback | None = None,
    layers: list | None = None,
    include_unconfirmed: bool = False,
    transport_factory: Callable | None = None,
    styles: bool = True,
) -> TerritoryReport:
    """Load the profile's resources into the GeoPackage `output`; returns what loaded and what failed.

    offline: answer from the cache only; None follows the settings' offline mode.
    feedback: a QgsProcessingFeedback (Processing's, or the dock task's): progress, messages, cancel.
    layers: names of the entries to load (default: every enabled, confirmed entry).
    transport_factory(feedback, authcfg, cache_dir, offline) -> Transport, for tests.
    Raises Cancelled when the feedback is cancelled (the output is then left as it was)."""
    _check_cancel(feedback)
    entries = select_entries(profile, layers, include_unconfirmed)
    if offline is None:
        offline = load_settings().offline
    work_cache = prepare_cache(profile)
    if work_cache:
        offline = True  # a profile with its own recorded replies never goes on the network
    load = TerritoryLoad(
        report=TerritoryReport(profile=profile, output=output, offline=offline),
        factory=transport_factory
        or (lambda fb, authcfg, folder, off: Transport(feedback=fb, authcfg=authcfg, cache_dir=folder, offline=off)),
        cache_dir=os.path.join(work_cache, "cache") if work_cache else None,
        feedback=feedback,
        steps=steps_feedback(feedback, len(entries) + 2),  # the boundary, each entry, the tables and styles
    )
    skipped = [] if layers else [e for e in profile.resources if e not in entries]
    destination = territory_output(output)
    try:
        with territory_scratch(destination) as tmp:
            load.boundary(tmp)
            _check_cancel(feedback)
            load.entries(tmp, entries)
            _check_cancel(feedback)
            if entries and not any(o.status == OK and o.layer != BOUNDARY_LAYER for o in load.report.outcomes):
                raise nothing_loaded(load.report)  # the scratch goes: nothing on disk changes
            load.finish(tmp, skipped, styles and not destination.in_database, len(entries) + 1)
            _check_cancel(feedback)
            if destination.in_database:
                load.publish(tmp, destination, styles)
    finally:
        if work_cache:
            shutil.rmtree(work_cache, ignore_errors=True)
    if feedback is not None:
        feedback.setProgress(100)
    return load.report


def entry_host(entry: ResourceEntry, spec: dict) -> str:
    """The server an entry's fetch mostly talks to, for the per-server limit of the parallel fetch: the host
    of the first URL of its spec (a portal, a feed, a server), else its source's name (its default server)."""
    for value in spec.values():
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return host_of(value)
    return entry.source


def nothing_loaded(report: TerritoryReport) -> OpenTerritoryError:
    """A load where every resource failed is an error, said once with its likely cause: offline without the
    replies, no server reachable (the connection, QGIS's proxy settings), else the first failure. The error
    carries the report (`error.report`): each resource's failure, for whoever shows them."""
    failed = [o for o in report.outcomes if o.status == FAILED and o.layer != BOUNDARY_LAYER]
    kinds = {o.kind for o in failed}
    text = tr("No resource of {name} could be loaded ({count} failed)").format(
        name=report.profile.name, count=len(failed)
    )
    if kinds == {NetworkError.__name__} and report.offline:
        error = NetworkError(text + colon() + tr("offline, and the cache holds no reply for them"), reason="offline")
    elif kinds == {NetworkError.__name__}:
        cause = tr("no server could be reached: check the network connection or QGIS's proxy settings")
        error = NetworkError(text + colon() + cause, reason="unreachable")
    else:
        first = failed[0] if failed else None
        cause = f"{first.layer}{colon()}{first.message}" if first else ""
        error = OpenTerritoryError(text + (colon() + cause if cause else ""), reason="nothing_loaded")
    error.report = report
    return error


@contextlib.contextmanager
def territory_scratch(destination: TerritoryOutput) -> Iterator[str]:
    """The GeoPackage the load writes: beside the destination file, put in its place when the block ends
    well; for a PostGIS destination, in a temporary folder removed at the end."""
    if not destination.in_database:
        with atomic_geopackage(destination.path) as tmp:
            yield tmp
        return
    folder = tempfile.mkdtemp(prefix="open_territory_territory_")
    try:
        yield os.path.join(folder, "territory.gpkg")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@with_gdal_exceptions
def spatial_layers(path: str) -> set:
    """Names of the layers of a GeoPackage that have a geometry column."""
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR)
    names = set()
    for index in range(dataset.GetLayerCount()):
        layer = dataset.GetLayerByIndex(index)
        if layer.GetGeomType() != ogr.wkbNone:
            names.add(layer.GetName())
    dataset = None
    return names


def style_category(outcome: Outcome) -> str:
    """The style a loaded layer gets: its category's, the boundary's own for the boundary."""
    return "boundary" if outcome.layer == BOUNDARY_LAYER else outcome.category


def territory_cancelled() -> Cancelled:
    return Cancelled(tr("The territory load was cancelled"))


def _check_cancel(feedback):
    if feedback is not None and feedback.isCanceled():
        raise territory_cancelled()


def skipped_outcome(entry: ResourceEntry) -> Outcome:
    reason = (
        tr("unconfirmed identifier: not loaded unless asked for")
        if entry.unconfirmed
        else tr("disabled in the profile")
    )
    return Outcome(entry.layer, entry.category, entry.source, entry.dataset, entry.title, SKIPPED, message=reason)


@dataclass
class TerritoryLoad:
    """One territory load under way: each step writes its layer into the scratch GeoPackage `tmp`, through
    the layer writer, and records its outcome in the report. One failing step is reported, not fatal."""

    report: TerritoryReport
    factory: object
    cache_dir: str
    feedback: object
    steps: object  # the QgsProcessingMultiStepFeedback the sources report into, None without a feedback
    silent_hosts: set = field(default_factory=set)  # hosts that stalled: not asked again in this load

    def step(self, index: int) -> QgsProcessingMultiStepFeedback | None:
        if self.steps is not None:
            self.steps.setCurrentStep(index)
        return self.steps

    def transport(self, feedback, authcfg: str) -> Transport:
        transport = self.factory(feedback, authcfg, self.cache_dir, self.report.offline)
        transport.silent_hosts = self.silent_hosts
        return transport

    def boundary(self, tmp: str) -> None:
        profile = self.report.profile
        spec = profile.boundary
        outcome = Outcome(
            BOUNDARY_LAYER,
            "other",
            spec.get("server") or "geo.api.gouv.fr",
            boundary_dataset(spec),
            profile.boundary_title or tr("Territory boundary"),
            fetched_at=utc_now_iso(),
        )
        step = self.step(0)
        try:
            push(self.feedback, tr("Boundary of") + f" {profile.name}…")
            transport = self.transport(step, "")
            result = fetch_boundary(spec, transport, layer_target(tmp, BOUNDARY_LAYER), profile.base_dir, step)
            outcome.feature_count, outcome.licence, outcome.url = (
                result.feature_count,
                result.licence,
                redact(result.url),
            )
            outcome.source, outcome.fetched_at = result.source, result.fetched_at
            self.report.extent = layer_extent(tmp, BOUNDARY_LAYER)
        except Cancelled:
            raise territory_cancelled() from None
        except Exception as error:  # noqa: BLE001 - a missing boundary must not stop the resources
            _check_cancel(self.feedback)
            outcome.status, outcome.message = FAILED, str(error)
            push(self.feedback, tr("Boundary failed") + f": {error}", warning=True)
        self.report.outcomes.append(outcome)

    def entries(self, tmp: str, entries: list) -> None:
        """Fetch the entries in parallel, each into a scratch GeoPackage of its own beside `tmp`, and move
        their layers into `tmp` in the profile's order as they come."""
        if not entries:
            return
        count = len(entries)
        scratch = tempfile.mkdtemp(prefix=".sources-", dir=os.path.dirname(os.path.abspath(tmp)))
        jobs = [self.entry_job(entry, index, count, scratch) for index, entry in enumerate(entries, start=1)]
        # The boundary is the first of count + 2 steps, the tables and styles the last.
        share = (100.0 / (count + 2), 100.0 * (count + 1) / (count + 2))
        try:
            for position, result, error in run_in_order(jobs, self.feedback, share=share):
                self.entry_outcome(tmp, entries[position], result, error)
        except Cancelled:
            raise territory_cancelled() from None
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def entry_job(self, entry: ResourceEntry, index: int, count: int, scratch: str) -> Job:
        """The fetch of one entry, run in a worker thread with a feedback of its own: it writes the entry's
        layer into a GeoPackage of its own under `scratch` (GeoPackage writes are not shared between threads)
        and returns (FetchResult, that file)."""
        extent = self.report.extent or self.report.profile.extent
        spec = entry_spec(entry, extent)

        def fetch(feedback) -> tuple:
            feedback.pushInfo(f"[{index}/{count}] {entry.layer} ({entry.source} {entry.dataset})…")
            try:
                source_class = registry.source_class(entry.source)
            except KeyError:
                raise InputError(tr("This version of the plugin has no source named") + f" '{entry.source}'") from None
            path = os.path.join(scratch, f"{index}.gpkg")
            transport = self.transport(feedback, entry.spec.get("authcfg", ""))
            result = source_class(transport).fetch(spec, layer_target(path, entry.layer), entry.category, feedback)
            return result, path

        return Job(entry.title or entry.layer, entry_host(entry, spec), fetch)

    def entry_outcome(self, tmp: str, entry: ResourceEntry, result: tuple | None, error: Exception | None) -> None:
        """Record one entry's outcome, its layer moved into `tmp` when it loaded."""
        outcome = Outcome(
            entry.layer, entry.category, entry.source, entry.dataset, entry.title, fetched_at=utc_now_iso()
        )
        try:
            if error is not None:
                raise error
            fetched, path = result
            move_layer(path, layer_target(tmp, entry.layer))
            outcome.feature_count = int(fetched.feature_count)
            outcome.source, outcome.dataset = fetched.source or entry.source, fetched.dataset or entry.dataset
            outcome.licence, outcome.url, outcome.fetched_at = (
                fetched.licence,
                redact(fetched.url or ""),
                fetched.fetched_at,
            )
            if fetched.warnings:
                outcome.message = "; ".join(str(w) for w in fetched.warnings)
            push(self.feedback, f"    {entry.layer}: {outcome.feature_count} " + tr("features"))
        except Cancelled:
            raise territory_cancelled() from None
        except Exception as failure:  # noqa: BLE001 - one failing source is reported, the others still load
            _check_cancel(self.feedback)
            outcome.status, outcome.message = FAILED, str(failure) or type(failure).__name__
            outcome.kind = type(failure).__name__
            push(self.feedback, f"    {entry.layer}: " + tr("failed") + f": {outcome.message}", warning=True)
        self.report.outcomes.append(outcome)

    def publish(self, tmp: str, destination: TerritoryOutput, styles: bool) -> None:
        """Into PostGIS: the loaded layers and the sources table replace the schema's tables of the same names
        in one transaction; then, with `styles`, every loaded layer's style goes into QGIS's layer_styles."""
        from .styles import save_database_style

        names = self.report.layers
        push(self.feedback, tr("Writing into the database") + f" {destination.connection}/{destination.schema}…")
        put_layers_in_database(
            tmp, destination.connection, destination.schema, {name: name for name in names + [SOURCES_TABLE]}
        )
        spatial = spatial_layers(tmp)
        for outcome in self.report.loaded:
            geometry = GEOMETRY_COLUMN if outcome.layer in spatial else None
            uri = table_uri(destination.connection, destination.schema, outcome.layer, geometry).uri(False)
            self.report.database_layers[outcome.layer] = uri
            if styles and geometry:
                save_database_style(destination.connection, destination.schema, outcome.layer, style_category(outcome))

    def finish(self, tmp: str, skipped: list, styles: bool, index: int) -> None:
        """The entries not loaded, the `sources` table and, with `styles`, every loaded layer's style."""
        self.step(index)
        self.report.outcomes.extend(skipped_outcome(entry) for entry in skipped)
        write_sources_table(tmp, self.report.outcomes)
        if styles:
            from .styles import save_layer_style

            for outcome in self.report.loaded:
                save_layer_style(tmp, outcome.layer, style_category(outcome))
