"""The one small interface every source (portal or service) implements.

A source module lives in plugin/sources/<key>.py and is listed in plugin/sources/registry.py.
Processing algorithms, the dock and `load_territory` all go through `fetch`, so a profile entry
`{"source": "<key>", ...}` loads the same way as the source's own algorithm.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..toolbelt.errors import OpenTerritoryError
from ..toolbelt.gdal_errors import wrap_own_methods
from ..toolbelt.layer_writer import OutputTarget


def restated(error: OpenTerritoryError, message: str) -> OpenTerritoryError:
    """The same kind of error with the same facts, told as `message` (which names the service and what it
    was asked): how a source passes on a transport's failure in its own words."""
    return type(error)(
        message, source=error.source, url=error.url, status=error.status, reason=error.reason, payload=error.payload
    )


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


class Source:
    """Subclasses set KEY and implement `fetch`; `search` and `describe` where the service has a catalog."""

    KEY = ""

    def __init_subclass__(cls, **kwargs):
        # GDAL raises during a fetch, and only then (toolbelt/gdal_errors.py).
        super().__init_subclass__(**kwargs)
        wrap_own_methods(cls, "fetch")

    def __init__(self, transport):
        self.transport = transport

    def describe(self, spec: dict) -> dict:
        """Metadata of one dataset: title, description, licence, fields, record count... (catalog sources)."""
        raise NotImplementedError

    def search(self, spec: dict, query: str) -> list:
        """Catalog entries matching `query` (catalog sources)."""
        raise NotImplementedError

    def fetch(self, spec: dict, target: OutputTarget, category: str = None, feedback=None) -> FetchResult:
        """Write the resource described by `spec` into `target` (toolbelt/layer_writer.py: a file, or a layer
        of a GeoPackage whose other layers stay) with the common fields, through the layer writer, so that a
        failure or a cancellation leaves the target as it was. `spec` holds the source's own keys as a
        profile writes them; an optional `extent` is [xmin, ymin, xmax, ymax] in EPSG:4326 and an optional
        `area_wkt` a polygon in EPSG:4326. Failures raise the kinds of toolbelt/errors.py."""
        raise NotImplementedError
