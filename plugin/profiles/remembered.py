"""Recent and favourite datasets, and recently opened profiles, kept in the plugin's settings.

A dataset is remembered as what loads it again: a profile entry (the keys a profile writes, `{"source": "ods",
"portal": ..., "dataset": ...}`), with its category and its title. The panels, the Browser's Open Territory node
and the Territory tab load it through the same source as a profile entry (sources/registry.make_source(...).fetch).
The lists live in the one settings object (toolbelt/settings.py), one compact JSON object a line, newest first;
an unreadable line (a hand-edited setting) is skipped, not fatal.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..toolbelt.settings import load_settings, save_settings

MAX_RECENT = 20
MAX_PROFILES = 10


@dataclass(frozen=True, eq=False)
class RememberedDataset:
    """A dataset the user loaded: the profile entry that loads it, its category and its title; for a resource of a
    profile, the profile file and the entry's layer name (it then loads as the territory load loads it). Two are
    the same dataset when their entries are (the title may change)."""

    entry: dict
    category: str = "other"  # empty: the source gives each feature its category (GBFS vehicles)
    title: str = ""
    profile: str = ""
    layer: str = ""

    @property
    def key(self) -> str:
        """The same dataset whatever its title: the entry's keys, in order."""
        return json.dumps(self.entry, sort_keys=True, ensure_ascii=False)

    @property
    def source(self) -> str:
        return str(self.entry.get("source", ""))

    def to_line(self) -> str:
        values = {"entry": self.entry, "category": self.category, "title": self.title}
        if self.profile:
            values["profile"], values["layer"] = self.profile, self.layer
        return json.dumps(values, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_line(cls, line: str) -> RememberedDataset | None:
        try:
            values = json.loads(line)
        except (TypeError, ValueError):
            return None
        entry = values.get("entry") if isinstance(values, dict) else None
        if not isinstance(entry, dict) or not entry.get("source"):
            return None
        return cls(
            entry,
            str(values.get("category") if values.get("category") is not None else "other"),
            str(values.get("title") or ""),
            str(values.get("profile") or ""),
            str(values.get("layer") or ""),
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RememberedDataset) and other.key == self.key

    def __hash__(self) -> int:
        return hash(self.key)


def _read(lines: list) -> list:
    found = [RememberedDataset.from_line(line) for line in lines]
    return [dataset for dataset in found if dataset is not None]


def recent_datasets() -> list:
    """The datasets loaded lately, newest first."""
    return _read(load_settings().recent_datasets)


def favourite_datasets() -> list:
    """The starred datasets, most recently starred first."""
    return _read(load_settings().favourite_datasets)


def remember_dataset(dataset: RememberedDataset) -> None:
    """Put `dataset` first in the recent list (once), keeping MAX_RECENT; a favourite's title follows the latest."""
    settings = load_settings()
    kept = [d for d in _read(settings.recent_datasets) if d != dataset]
    settings.recent_datasets = [d.to_line() for d in [dataset] + kept[: MAX_RECENT - 1]]
    settings.favourite_datasets = [
        (dataset if d == dataset else d).to_line() for d in _read(settings.favourite_datasets)
    ]
    save_settings(settings)


def is_favourite(dataset: RememberedDataset) -> bool:
    return dataset in favourite_datasets()


def set_favourite(dataset: RememberedDataset, favourite: bool) -> None:
    settings = load_settings()
    kept = [d for d in _read(settings.favourite_datasets) if d != dataset]
    settings.favourite_datasets = [d.to_line() for d in ([dataset] if favourite else []) + kept]
    save_settings(settings)


def toggle_favourite(dataset: RememberedDataset) -> bool:
    """Star or unstar `dataset`; returns whether it is now a favourite."""
    favourite = not is_favourite(dataset)
    set_favourite(dataset, favourite)
    return favourite


def forget_recent_datasets() -> None:
    settings = load_settings()
    settings.recent_datasets = []
    save_settings(settings)


def recent_profiles() -> list:
    """Profile files opened lately (newest first) that still exist."""
    return [path for path in load_settings().recent_profiles if os.path.isfile(path)]


def remember_profile(path: str) -> None:
    """Put a profile file first in the recent profiles (the bundled ones need not be remembered)."""
    settings = load_settings()
    path = os.path.abspath(path)
    kept = [p for p in settings.recent_profiles if p != path]
    settings.recent_profiles = [path] + kept[: MAX_PROFILES - 1]
    save_settings(settings)


class RememberedLists(QObject):
    """Tells the Browser's node and the Resources tab's list that the recent or favourite datasets changed. Here,
    beside the lists, so that the Browser's node made at QGIS's start imports nothing heavy."""

    changed = pyqtSignal()


remembered_lists = RememberedLists()
