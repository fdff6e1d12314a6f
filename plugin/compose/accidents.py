"""The yearly road-accident file: one located row per accident with an injury, the latest year.

The Ministry of the Interior (ONISR) publishes on data.gouv.fr one dataset of yearly files, four per
year; the "caractéristiques" one locates each accident: `;` separators, quoted values, `lat` and
`long` with decimal commas, `com` the INSEE code of the commune (`dep` its department; Paris, Lyon and
Marseille rows carry their arrondissement's code). File names are not always spelt alike
("caracteristiques-2023.csv", "carcteristiques-2022.csv"): the year is read from any spelling.
"""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

from ..sources.datagouv import licence_label
from ..toolbelt.errors import ReplyError
from ..toolbelt.i18n import tr
from .names import ascii_lower
from .services import Services, get_json

SERVICE = "data.gouv.fr"
SEARCH_WORDS = "accidents corporels"
SEARCH_MAX_AGE = 7 * 86400
YEAR_FILE = re.compile(r"car[a-z]*ct[a-z]*ristiques?[-_ ]?(\d{4})")


def file_year(resource: dict):
    """The year of a "caractéristiques" CSV resource, or None for any other file."""
    url_name = os.path.basename(urlsplit(str(resource.get("url") or "")).path)
    for text in (resource.get("title") or "", url_name):
        match = YEAR_FILE.search(ascii_lower(text))
        if match and ("csv" in str(resource.get("format") or "").lower() or text.lower().endswith(".csv")):
            return int(match.group(1))
    return None


def latest_accident_file(transport, services: Services):
    """(dataset, resource, year) of the latest "caractéristiques" file, or None when none is found."""
    reply = get_json(
        transport,
        f"{services.datagouv}/api/1/datasets/",
        SERVICE,
        params={"q": SEARCH_WORDS, "page_size": 20},
        max_age=SEARCH_MAX_AGE,
    )
    items = reply.get("data") if isinstance(reply, dict) else None
    if not isinstance(items, list):
        raise ReplyError(
            tr("Unexpected reply from the data.gouv.fr search") + f" ({services.datagouv})", source=SERVICE
        )
    found = []
    for dataset in items:
        for resource in (dataset or {}).get("resources") or []:
            year = file_year(resource) if isinstance(resource, dict) and resource.get("url") else None
            if year:
                found.append((year, str(resource.get("last_modified") or ""), dataset, resource))
    if not found:
        return None
    year, _modified, dataset, resource = max(found, key=lambda item: (item[0], item[1]))
    return dataset, resource, year


def accident_entry(dataset: dict, resource: dict, year: int, codes: list) -> dict:
    page = dataset.get("page") or ""
    note = (
        f"data.gouv.fr, « {dataset.get('title', '')} »"
        + (f" ({page})" if page else "")
        + ": "
        + tr("the latest yearly file of road accidents with injuries")
        + f" ({year}); "
        + tr("filtered when loaded to the territory's communes by their INSEE code, column")
        + " com"
    )
    entry = {
        "source": "national_file",
        "url": resource["url"],
        "format": "csv",
        "insee_fields": ["com"],
        "communes": list(codes),
        "lon_field": "long",
        "lat_field": "lat",
        "title": tr("Road accidents") + f" {year}",
        "domain": "securite_routiere",
    }
    licence = licence_label(dataset.get("license"))
    if licence:
        entry["licence"] = licence
    if page:
        entry["dataset"] = page
    entry["note"] = note
    return entry
