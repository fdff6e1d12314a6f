"""The one small interface every source (portal or service) implements, and the declaration it makes.

A source lives in plugin/sources/<key>.py, or plugin/sources/<key>/ when it has several modules, and
is listed in plugin/sources/registry.py. The file formats it reads are in plugin/formats/.
Processing algorithms, the dock and `load_territory` all go through `fetch`, so a profile entry
`{"source": "<key>", ...}` loads the same way as the source's own algorithm.

A source says once, in its `DECLARATION` (a SourceDeclaration), what the rest of the plugin needs to
know of it: its key and label, the keys of its profile entries (a JSON-schema fragment, mirrored by
resources/profiles/profile.schema.json, which a test keeps equal) and what they expect in the user's
words, the Processing algorithms that load it, whether it takes the territory's extent or area, and how
a layer it wrote is prepared in QGIS (style, attribution, properties). The registry, the profile
validator, the dock's Territory tab and the Processing provider read it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from qgis.core import QgsFeedback

from ..formats.resource_file import load_file
from ..toolbelt.errors import Cancelled, OpenTerritoryError
from ..toolbelt.gdal_errors import wrap_own_methods
from ..toolbelt.i18n import tr
from ..toolbelt.layer_checks import ScratchCheck
from ..toolbelt.layer_writer import OutputTarget
from ..toolbelt.logger import log
from ..toolbelt.network import cancelled_download

if TYPE_CHECKING:  # names used in annotations only
    from ..toolbelt.settings import PluginSettings


def restated(error: OpenTerritoryError, message: str) -> OpenTerritoryError:
    """The same kind of error with the same facts, told as `message` (which names the service and what it
    was asked): how a source passes on a transport's failure in its own words."""
    return type(error)(
        message, source=error.source, url=error.url, status=error.status, reason=error.reason, payload=error.payload
    )


# Keys of a profile entry that belong to the profile, not to the source's spec.
ENTRY_KEYS = ("source", "title", "layer", "domain", "enabled", "unconfirmed", "note")
EXTENT, AREA = "extent", "area"  # what a source may be given to cover the territory


@dataclass(frozen=True)
class SourceDeclaration:
    """What a source declares once (see the module's docstring).

    key: the `source` of profile entries. label(): its name in the user's language.
    profile_fields: JSON-schema `properties` of the entry's own keys; required: those it cannot miss.
    expectations(): {field (or field[] for a list's items): what it expects, in the user's language}.
    algorithms: (module under processing/algorithms, class name) of the algorithms that load it.
    coverage: what of the territory it takes (EXTENT, AREA): the territory load gives it the extent.
    category_field: the spec key an entry's category fills when the entry does not say (Overpass's
    preset: `{"source": "overpass"}` listed under car_park loads the car_park preset).
    prepare_layer(layer, spec, style=True): makes a QGIS layer it wrote complete (style unless `style`
    is False, for a layer whose style is saved with it; licence, attribution, properties)."""

    key: str
    label: Callable[[], str]
    profile_fields: dict
    required: tuple = ()
    expectations: Callable[[], dict] = dict
    algorithms: tuple = ()
    coverage: tuple = ()
    category_field: str = ""
    prepare_layer: Callable | None = None

    def profile_schema(self) -> dict:
        """The definition of this source's profile entries, as profile.schema.json holds it."""
        schema = {
            "additionalProperties": False,
            "properties": {**dict.fromkeys(ENTRY_KEYS, True), **self.profile_fields},
        }
        if self.required:
            schema["required"] = list(self.required)
        return schema


@dataclass
class FetchResult:
    layer_name: str  # layer written in the output
    feature_count: int
    source: str  # portal base URL or service name, as written in the `source` field
    dataset: str  # dataset id, feed URL or query, as written in `source_dataset`
    licence: str
    url: str  # the URL the data came from (secrets redacted)
    fetched_at: str  # UTC ISO-8601
    warnings: list = field(default_factory=list)

    def common_fields(self, category: str | None = None) -> dict:
        """The common fields of the layer this result describes (`category`, else "other"; `name` comes from the
        data)."""
        return {
            "category": category or "other",
            "source": self.source,
            "source_dataset": self.dataset,
            "licence": self.licence,
            "fetched_at": self.fetched_at,
        }


class Source:
    """Subclasses set DECLARATION (its key becomes KEY) and implement `fetch`; `search` and `describe`
    where the service has a catalog."""

    KEY = ""
    DECLARATION: SourceDeclaration = None

    def __init_subclass__(cls, **kwargs):
        # GDAL raises during a fetch, and only then (toolbelt/gdal_errors.py).
        super().__init_subclass__(**kwargs)
        wrap_own_methods(cls, "fetch")
        if "DECLARATION" in cls.__dict__:
            cls.KEY = cls.DECLARATION.key

    def __init__(self, transport):
        self.transport = transport

    def describe(self, spec: dict) -> dict:
        """Metadata of one dataset: title, description, licence, fields, record count... (catalog sources)."""
        raise NotImplementedError

    def search(self, spec: dict, query: str) -> list:
        """Catalog entries matching `query` (catalog sources)."""
        raise NotImplementedError

    def fetch(
        self, spec: dict, target: OutputTarget, category: str = None, feedback: QgsFeedback | None = None
    ) -> FetchResult:
        """Write the resource described by `spec` into `target` (toolbelt/layer_writer.py: a file, or a layer
        of a GeoPackage whose other layers stay) with the common fields, through the layer writer, so that a
        failure or a cancellation leaves the target as it was. `spec` holds the source's own keys as a
        profile writes them; an optional `extent` is [xmin, ymin, xmax, ymax] in EPSG:4326 and an optional
        `area_wkt` a polygon in EPSG:4326. Failures raise the kinds of toolbelt/errors.py."""
        raise NotImplementedError


# -- what the catalog sources (data.gouv.fr, RUDI) share: a downloaded file written as a layer --------


def too_large(settings: PluginSettings, size: int | None) -> bool:
    """Whether `size` bytes exceed the download size the options warn about."""
    limit = int(settings.download_warning_mb or 0)
    return bool(size and limit and size > limit * 1024 * 1024)


def large_download_warnings(settings: PluginSettings, size: int | None, what: str) -> list:
    """The warning of a download over the size set in the options, logged, for the result's warnings
    (Processing shows them in its log, the dock beside the loaded layer); [] for a smaller one."""
    if not too_large(settings, size):
        return []
    text = tr("Large download") + f": {what} {size / 1024 / 1024:.0f} MB > {settings.download_warning_mb} MB"
    log(text, "warning")
    return [text]


def load_download(
    path: str, target: OutputTarget, result: FetchResult, what: str, category: str = None, **options
) -> FetchResult:
    """Write the file a source downloaded into `target` with the common fields taken from `result`
    (source, dataset, licence, fetched_at; `category` or "other"), and return `result` completed with
    the feature count and the file's warnings. Failures are told again naming `what` (the portal's
    resource), a cancelled write a Cancelled naming the download URL."""
    options.setdefault("check", ScratchCheck(what=what))  # the writer's log lines name the resource
    try:
        count, warnings = load_file(path, target, result.common_fields(category), **options)
    except Cancelled:
        raise cancelled_download(result.url) from None
    except OpenTerritoryError as error:
        raise restated(error, f"{what}: {error}") from None
    result.feature_count = count
    result.warnings.extend(warnings)
    log(f"{what}: {count} features -> {target.layer} ({os.path.basename(target.path)})")
    return result
