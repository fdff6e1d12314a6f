"""Where a planning overlay comes from: the layers it was made from, kept on the layer it makes.

The overlays (challenge context, gaps, competence matrix) are made by Open Territory from the register and the
resource layers, not published by anyone: a map that shows one says so ("Open Territory planning, from
Challenges, Car parks"; plugin/export/sources_text.py). The input layers' names travel as a custom property of
the layer, which the project saves with it, and as its metadata's history, which the user sees in the layer's
properties.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..toolbelt.i18n import tr

if TYPE_CHECKING:
    from qgis.core import QgsMapLayer

PROPERTY = "open_territory/planning_inputs"


def input_names(*layers) -> list:
    """The names of the layers an overlay reads (None and repeats left out), in the order given; a list of
    layers counts as its members."""
    names = []
    for item in layers:
        for layer in item if isinstance(item, (list, tuple)) else [item]:
            if layer is not None and layer.name() not in names:
                names.append(layer.name())
    return names


def mark_made_from(layer: QgsMapLayer, inputs: list) -> None:
    """Record on `layer` that the planning overlays made it from the layers named `inputs`."""
    layer.setCustomProperty(PROPERTY, json.dumps(list(inputs), ensure_ascii=False))
    metadata = layer.metadata()
    metadata.addHistoryItem(tr("Open Territory planning, from") + " " + ", ".join(inputs))
    layer.setMetadata(metadata)


def made_from(layer: QgsMapLayer) -> list | None:
    """The input layers' names of a layer the planning overlays made; None for any other layer."""
    value = layer.customProperty(PROPERTY)
    if value in (None, ""):
        return None
    try:
        names = json.loads(value)
    except (TypeError, ValueError):
        return []
    return [str(name) for name in names] if isinstance(names, list) else []
