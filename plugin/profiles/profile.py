"""Territory profiles: find, read, validate and write them.

A profile is one JSON file (bundled ones in resources/profiles/, the schema beside them). Reading
one checks it against the schema, then the rules a schema cannot say (a portal key that names a
declared portal, a CRS QGIS knows, layer names used once, one kind of boundary, files and folders
that exist); every problem names the file, the JSON path and what was expected.

Texts shown to users (name, description, titles) are one text or one per language
({"fr": "Parkings", "en": "Car parks"}): the loaded profile holds them in the user's language,
its `data` keeps them all (an exported profile stays multilingual).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass, field

from ..sources import registry
from ..sources.base import ENTRY_KEYS
from ..toolbelt import safe_json
from ..toolbelt.errors import InputError
from ..toolbelt.i18n import tr, ui_language
from ..toolbelt.layer_writer import atomic_output
from ..toolbelt.metadata import PROFILES_DIR
from .validator import Issue, Validator, profile_expectations

SCHEMA_PATH = os.path.join(PROFILES_DIR, "profile.schema.json")


def localized(value: object, language: str = None) -> str:
    """A profile text in `language` (default: the user's), else French, else English, else the first."""
    if isinstance(value, dict):
        for code in (language or ui_language(), "fr", "en"):
            if value.get(code):
                return value[code]
        return next((text for text in value.values() if text), "")
    return value or ""


def stable_text(value: object) -> str:
    """A profile text that does not depend on the user's language, for names derived from it."""
    if isinstance(value, dict):
        return value.get("en") or next((text for text in value.values() if text), "")
    return value or ""


def profile_error(file: str, issues: list) -> InputError:
    """A profile that cannot be used: one line per problem, each naming the file and the JSON path. The
    error's `issues` lists them (Issue: path, expected, found), `source` is the file."""
    issues = list(issues)
    error = InputError("\n".join(f"{file}: {issue}" for issue in issues), source=file, reason="profile")
    error.issues = issues
    return error


@dataclass
class ResourceEntry:
    category: str
    source: str
    spec: dict  # the source's own keys, portal keys resolved to URLs
    layer: str
    title: str = ""
    domain: str = ""
    unconfirmed: bool = False
    enabled: bool = True
    note: str = ""
    path: str = ""  # JSON path of the entry in the profile, for messages

    @property
    def dataset(self) -> str:
        """What identifies the resource inside its source, for tables and layer names."""
        spec = self.spec
        for key in ("dataset", "resource", "feed", "category"):
            if spec.get(key):
                value = str(spec[key])
                if key == "dataset" and spec.get("resource"):
                    value += "/" + str(spec["resource"])
                return value
        return self.source


@dataclass
class Profile:
    id: str
    name: str
    path: str
    data: dict
    crs: str = "EPSG:2154"
    resources: list = field(default_factory=list)

    @property
    def base_dir(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))

    @property
    def boundary(self) -> dict:
        return self.data.get("boundary", {})

    @property
    def boundary_title(self) -> str:
        return localized(self.boundary.get("title"))

    @property
    def extent(self) -> list | None:
        return self.data.get("extent")

    @property
    def description(self) -> str:
        return localized(self.data.get("description"))

    def relative(self, value: str) -> str:
        """A path of the profile, relative to the profile file."""
        return value if os.path.isabs(value) else os.path.normpath(os.path.join(self.base_dir, value))

    @property
    def offline_cache(self) -> str | None:
        value = self.data.get("offline_cache")
        return self.relative(value) if value else None

    def register_file(self, kind: str) -> str | None:
        value = self.data.get("register", {}).get(kind)
        return self.relative(value) if value else None

    def categories(self) -> list:
        seen = []
        for entry in self.resources:
            if entry.category not in seen:
                seen.append(entry.category)
        return seen


_validator = None


def schema_validator() -> Validator:
    global _validator
    if _validator is None:
        with open(SCHEMA_PATH, encoding="utf-8") as handle:
            _validator = Validator(json.load(handle), labels=profile_expectations)
    return _validator


def bundled_profile_ids() -> list:
    ids = []
    for name in sorted(os.listdir(PROFILES_DIR)):
        if name.endswith(".json") and not name.endswith(".schema.json"):
            ids.append(name[:-5])
    return ids


def bundled_profile_names() -> list:
    """(id, name) of the bundled profiles, read without validating them (the tests validate every one;
    a profile is validated when it is loaded)."""
    names = []
    for profile_id in bundled_profile_ids():
        try:
            with open(os.path.join(PROFILES_DIR, profile_id + ".json"), encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and isinstance(data.get("name"), (str, dict)):
            names.append((profile_id, localized(data["name"])))
    return names


def profile_path(id_or_path: str) -> str:
    """The file of a bundled profile id, or the path itself."""
    value = (id_or_path or "").strip()
    if re.match(r"^[a-z0-9][a-z0-9_-]*$", value) and not os.path.exists(value):
        candidate = os.path.join(PROFILES_DIR, value + ".json")
        if os.path.exists(candidate):
            return candidate
        known = ", ".join(bundled_profile_ids())
        raise profile_error(
            value,
            [
                Issue(
                    "$",
                    tr("a bundled profile id or a profile file; bundled profiles:") + " " + known,
                    tr("nothing with this name"),
                )
            ],
        )
    return value


def slug(text: str, length: int = 40) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").lower()
    return value[:length].strip("_") or "x"


BOUNDARY_KINDS = ("epci", "communes", "file")


def boundary_issues(boundary: dict) -> list:
    """Exactly one kind of outline: two would leave the user guessing which one is loaded."""
    kinds = [kind for kind in BOUNDARY_KINDS if boundary.get(kind)]
    if len(kinds) == 1:
        return []
    expected = tr("exactly one of epci (the SIREN of an EPCI), communes (INSEE codes) or file")
    if not kinds:
        found = tr("only") + " " + ", ".join(boundary) if boundary else tr("an empty object")
    else:
        found = tr("several:") + " " + ", ".join(kinds)
    return [Issue("$.boundary", expected, found)]


def path_issues(data: dict, base_dir: str) -> list:
    """The files and folders the profile names must exist (relative ones from the profile's folder)."""
    checks = []
    if data.get("boundary", {}).get("file"):
        checks.append(("$.boundary.file", data["boundary"]["file"], os.path.exists, tr("an existing file")))
    for kind, value in sorted(data.get("register", {}).items()):
        checks.append((f"$.register.{kind}", value, os.path.isfile, tr("an existing file")))
    if data.get("offline_cache"):
        checks.append(("$.offline_cache", data["offline_cache"], os.path.isdir, tr("an existing folder")))
    issues = []
    for path, value, exists, expected in checks:
        resolved = value if os.path.isabs(value) else os.path.normpath(os.path.join(base_dir, value))
        if not exists(resolved):
            issues.append(Issue(path, expected, f"{value!r} → {resolved}: " + tr("nothing there")))
    return issues


def semantic_issues(data: dict, base_dir: str = "") -> list:
    """What the schema cannot check. base_dir: the folder relative paths start from."""
    from qgis.core import QgsCoordinateReferenceSystem

    issues = boundary_issues(data.get("boundary", {})) + path_issues(data, base_dir or os.getcwd())
    portals = data.get("portals", {})
    crs = data.get("crs")
    if crs and not QgsCoordinateReferenceSystem(crs).isValid():
        issues.append(Issue("$.crs", tr("a CRS QGIS knows, such as EPSG:2154"), repr(crs)))
    extent = data.get("extent")
    if extent and (extent[0] >= extent[2] or extent[1] >= extent[3] or abs(extent[1]) > 90 or abs(extent[3]) > 90):
        issues.append(Issue("$.extent", tr("[xmin, ymin, xmax, ymax] in degrees, min before max"), repr(extent)))
    layers = {}
    for category, entries in data.get("resources", {}).items():
        for index, entry in enumerate(entries):
            path = f"$.resources.{category}[{index}]"
            portal = entry.get("portal")
            if (
                entry.get("source") == "ods"
                and isinstance(portal, str)
                and not portal.startswith(("http://", "https://"))
            ):
                if portal not in portals:
                    issues.append(
                        Issue(
                            path + ".portal",
                            tr("a portal URL or one of the profile's portals:") + " " + (", ".join(portals) or "-"),
                            repr(portal),
                        )
                    )
            layer = entry.get("layer")
            if layer:
                if layer.lower() in layers:
                    issues.append(
                        Issue(
                            path + ".layer",
                            tr("a layer name not used by another entry"),
                            f"{layer!r} ({layers[layer.lower()]})",
                        )
                    )
                layers[layer.lower()] = path
    return issues


def validate_data(data: object, path: str = "") -> list:
    """The problems of a profile whose file is (or will be) `path`; relative paths start from its folder."""
    if not isinstance(data, dict):
        return [Issue("$", tr("an object"), type(data).__name__)]
    issues = schema_validator().validate(data)
    if not issues:
        issues = semantic_issues(data, os.path.dirname(os.path.abspath(path)) if path else "")
    return issues


def entry_layer_names(data: dict) -> dict:
    """(category, index) -> layer name: <category>_<source>, with the dataset's slug when a category
    has several entries of one source, or the entry's own `layer`."""
    counts = {}
    for category, entries in data.get("resources", {}).items():
        for entry in entries:
            counts[(category, entry["source"])] = counts.get((category, entry["source"]), 0) + 1
    names = {}
    used = set()
    for category, entries in data.get("resources", {}).items():
        for index, entry in enumerate(entries):
            name = entry.get("layer")
            if not name:
                name = f"{category}_{entry['source']}"
                if counts[(category, entry["source"])] > 1:
                    # Portal ids are stable and readable; feeds are URLs, so their title says more.
                    # A name must not change with the user's language: a localized title gives its English.
                    ident = (
                        entry.get("dataset")
                        or entry.get("resource")
                        or stable_text(entry.get("title"))
                        or entry.get("feed")
                        or str(index + 1)
                    )
                    name += "_" + slug(ident.split("://")[-1], 30)
            base, number = name, 2
            while name.lower() in used:
                name, number = f"{base}_{number}", number + 1
            used.add(name.lower())
            names[(category, index)] = name
    return names


def resolve_entries(data: dict) -> list:
    portals = data.get("portals", {})
    names = entry_layer_names(data)
    result = []
    for category, entries in data.get("resources", {}).items():
        for index, entry in enumerate(entries):
            spec = {k: v for k, v in entry.items() if k not in ENTRY_KEYS}
            portal = spec.get("portal")
            if isinstance(portal, str) and portal in portals:
                spec["portal"] = portals[portal]["url"]
                if portals[portal].get("authcfg") and not spec.get("authcfg"):
                    spec["authcfg"] = portals[portal]["authcfg"]
            # An unknown source passes here (the validator names it; a load reports it for its entry alone).
            known = entry["source"] in registry.SOURCES
            field_name = registry.declaration(entry["source"]).category_field if known else ""
            if field_name:
                spec.setdefault(field_name, category)
            result.append(
                ResourceEntry(
                    category=category,
                    source=entry["source"],
                    spec=spec,
                    layer=names[(category, index)],
                    title=localized(entry.get("title")),
                    domain=entry.get("domain", ""),
                    unconfirmed=bool(entry.get("unconfirmed", False)),
                    enabled=bool(entry.get("enabled", True)),
                    note=entry.get("note", ""),
                    path=f"$.resources.{category}[{index}]",
                )
            )
    return result


def profile_from_data(data: dict, path: str) -> Profile:
    issues = validate_data(data, path)
    if issues:
        raise profile_error(path, issues)
    return Profile(
        id=data["id"],
        name=localized(data["name"]),
        path=path,
        data=data,
        crs=data.get("crs", "EPSG:2154"),
        resources=resolve_entries(data),
    )


def load_profile(id_or_path: str) -> Profile:
    path = profile_path(id_or_path)
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise profile_error(path, [Issue("$", tr("an existing profile file"), tr("no such file"))]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise profile_error(path, [Issue("$", tr("a readable UTF-8 JSON file"), str(error))]) from None
    try:
        data = safe_json.loads(text, kind=InputError)  # absurd nesting refused, as from any server
    except InputError as error:
        raise profile_error(path, [Issue("$", tr("valid JSON"), error.message)]) from None
    return profile_from_data(data, path)


def save_profile(data: dict, path: str) -> None:
    """Write a profile atomically, after checking it: a file this function writes always loads."""
    issues = validate_data(data, path)
    if issues:
        raise profile_error(path, issues)
    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
