"""The algorithms' descriptions: what QGIS's Processing registry shows of each algorithm before it runs (its names,
group, help, flags, parameters and outputs), written once per language when the plugin is packaged
(scripts/describe_algorithms.py, run by `make package`).

Why: QGIS registers every provider's algorithms as it starts, and registering an algorithm means instantiating its
class and calling its initAlgorithm. Our algorithm modules import the sources, the register, the council map and,
through them, GDAL and the network code: about a hundred modules that would make every QGIS start (and every
`qgis_process` call) pay for all of them. With a description at hand, the provider registers a `DescribedAlgorithm`
instead: it answers the registry, the toolbox, the modeler and `qgis_process help` from the description, and its
createInstance() imports and builds the algorithm's own class, which is what QGIS runs (the toolbox, the modeler,
`processing.run` and `qgis_process run` all run `createAlgorithmById`, i.e. createInstance()).

Without a description for the plugin's version and language (a development checkout, a language without its file),
the provider imports the algorithm classes as before. The descriptions are made from the classes themselves, so a
package cannot disagree with its code (tests/processing/test_descriptions.py compares the two); an algorithm whose
parameters depend on the user's settings at registration would be described as it was at packaging: keep
initAlgorithm to fixed choices.
"""

from __future__ import annotations

import importlib
import json
import os
from typing import TYPE_CHECKING

import qgis.core
from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameters
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QIcon

from ..plugin.toolbelt.i18n import tr
from ..plugin.toolbelt.metadata import ICON_PATH, PLUGIN_DIR, plugin_version

if TYPE_CHECKING:  # names used in annotations only
    from qgis.core import QgsProcessingOutputDefinition

DESCRIPTIONS_DIR = os.path.join(PLUGIN_DIR, "processing", "descriptions")
# Outputs by their type(); destination parameters make their own outputs and are not listed again.
OUTPUT_KINDS = (
    "Boolean",
    "File",
    "Folder",
    "Html",
    "MapLayer",
    "MultipleLayers",
    "Number",
    "RasterLayer",
    "String",
    "VectorLayer",
)
OUTPUT_CLASSES = {
    cls("x").type(): cls for cls in (getattr(qgis.core, f"QgsProcessingOutput{kind}") for kind in OUTPUT_KINDS)
}


def descriptions_file(language: str) -> str:
    return os.path.join(DESCRIPTIONS_DIR, f"{language}.json")


def plain(value: object) -> object:
    """A parameter's variant map as JSON can hold it (QGIS gives NULL QVariants for unset values)."""
    if isinstance(value, QVariant):
        return None if value.isNull() else plain(value.value())
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    raise TypeError(f"{type(value).__name__} cannot be described")


def describe(algorithm: QgsProcessingAlgorithm, module: str, class_name: str) -> dict:
    """What the registry needs of an initialised algorithm, as plain JSON values."""
    parameters = algorithm.parameterDefinitions()
    made_by_parameters = {p.name() for p in parameters if p.isDestination()}
    return {
        "module": module,
        "class": class_name,
        "name": algorithm.name(),
        "displayName": algorithm.displayName(),
        "shortDescription": algorithm.shortDescription(),
        "group": algorithm.group(),
        "groupId": algorithm.groupId(),
        "tags": list(algorithm.tags()),
        "shortHelpString": algorithm.shortHelpString(),
        "helpUrl": algorithm.helpUrl(),
        "flags": int(algorithm.flags()),
        "parameters": [plain(p.toVariantMap()) for p in parameters],
        "outputs": [
            {"type": o.type(), "name": o.name(), "description": o.description()}
            for o in algorithm.outputDefinitions()
            if o.name() not in made_by_parameters
        ],
    }


def write_descriptions(path: str, descriptions: list) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"version": plugin_version(), "algorithms": descriptions}, handle, ensure_ascii=False, indent=1)


def read_descriptions(language: str) -> list | None:
    """The descriptions written for this version of the plugin in `language`, or None."""
    path = descriptions_file(language)
    if not os.path.exists(path):
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    if data.get("version") != plugin_version():
        return None
    return data.get("algorithms") or None


class DescribedAlgorithm(QgsProcessingAlgorithm):
    """An algorithm as its description shows it; createInstance() gives the algorithm's own class."""

    def __init__(self, description: dict):
        super().__init__()
        self.description = description

    def name(self) -> str:
        return self.description["name"]

    def displayName(self) -> str:  # noqa: N802
        return self.description["displayName"]

    def shortDescription(self) -> str:  # noqa: N802
        return self.description["shortDescription"]

    def group(self) -> str:
        return self.description["group"]

    def groupId(self) -> str:  # noqa: N802
        return self.description["groupId"]

    def tags(self) -> list:
        return list(self.description["tags"])

    def shortHelpString(self) -> str:  # noqa: N802
        return self.description["shortHelpString"]

    def helpUrl(self) -> str:  # noqa: N802
        return self.description["helpUrl"]

    def flags(self) -> QgsProcessingAlgorithm.Flags:
        return QgsProcessingAlgorithm.Flags(self.description["flags"])

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def svgIconPath(self) -> str:  # noqa: N802
        return ICON_PATH

    def initAlgorithm(self, config: dict | None = None) -> None:  # noqa: N802
        for definition in self.description["parameters"]:
            self.addParameter(QgsProcessingParameters.parameterFromVariantMap(definition))
        for output in self.description["outputs"]:
            self.addOutput(self.output(output))

    @staticmethod
    def output(output: dict) -> QgsProcessingOutputDefinition:
        return OUTPUT_CLASSES[output["type"]](output["name"], output["description"])

    def createInstance(self) -> QgsProcessingAlgorithm:  # noqa: N802
        module = importlib.import_module(f"{__package__}.algorithms.{self.description['module']}")
        return getattr(module, self.description["class"])()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        # QGIS runs the instance createInstance() gives; a caller running the registered instance itself gets the
        # same run, through the algorithm's own class.
        results, ok = self.create().run(parameters, context, feedback)
        if not ok:
            raise QgsProcessingException(tr("The algorithm failed: see the messages above"))
        return results
