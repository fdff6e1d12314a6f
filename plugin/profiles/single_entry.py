"""One dataset loaded on its own (a resource of the Browser panel, a favourite, a recent dataset), into a GeoPackage
of its own, styled for its category.

A dataset of a profile loads exactly as the territory load loads it: `load_territory` with that one entry, so it
gets the same boundary, extent, recorded replies (the demo's) and `sources` table. Any other dataset (a portal's,
one the panels loaded) is fetched by the source its entry names, through the registry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..sources import registry
from ..sources.base import FetchResult
from ..toolbelt.errors import InputError, ReplyError
from ..toolbelt.i18n import tr
from ..toolbelt.layer_writer import file_target
from ..toolbelt.network import Transport
from .profile import load_profile
from .remembered import RememberedDataset
from .styles import save_layer_style
from .territory import FAILED, load_territory

if TYPE_CHECKING:
    from qgis.core import QgsFeedback

    from .profile import Profile, ResourceEntry


def dataset_from_entry(entry: ResourceEntry, profile: Profile) -> RememberedDataset:
    """A profile's resource as a dataset that loads on its own, through its profile."""
    entry_keys = dict(entry.spec, source=entry.source)
    return RememberedDataset(entry_keys, entry.category, entry.title or entry.layer, profile.path, entry.layer)


def fetch_dataset(dataset: RememberedDataset, path: str, feedback: QgsFeedback | None = None) -> FetchResult:
    """Write `dataset` into the new GeoPackage `path` with its category's style. Raises the kinds of
    toolbelt/errors.py (a failed entry of a profile as a ReplyError with the load's message)."""
    if dataset.profile and dataset.layer:
        return _through_profile(dataset, path, feedback)
    return _through_source(dataset, path, feedback)


def _through_profile(dataset: RememberedDataset, path: str, feedback) -> FetchResult:
    report = load_territory(load_profile(dataset.profile), path, feedback=feedback, layers=[dataset.layer])
    outcome = next((o for o in report.outcomes if o.layer == dataset.layer), None)
    if outcome is None:
        raise InputError(tr("The profile has no such resource") + f": {dataset.layer} ({dataset.profile})")
    if outcome.status == FAILED:
        raise ReplyError(f"{dataset.title}: {outcome.message}", source=outcome.source)
    warnings = [outcome.message] if outcome.message else []
    return FetchResult(
        dataset.layer,
        outcome.feature_count,
        outcome.source,
        outcome.dataset,
        outcome.licence,
        outcome.url,
        outcome.fetched_at,
        warnings,
    )


def _through_source(dataset: RememberedDataset, path: str, feedback) -> FetchResult:
    spec = {key: value for key, value in dataset.entry.items() if key != "source"}
    try:
        source_class = registry.source_class(dataset.source)
    except KeyError:
        raise InputError(tr("This version of the plugin has no source named") + f" '{dataset.source}'") from None
    transport = Transport(feedback=feedback, authcfg=spec.get("authcfg", ""))
    # Named as the territory load names its layers; no category: the source gives each feature its own.
    target = file_target(path, f"{dataset.category or 'resource'}_{dataset.source}")
    result = source_class(transport).fetch(spec, target, dataset.category or None, feedback)
    if dataset.category:
        save_layer_style(path, result.layer_name, dataset.category)
    return result
