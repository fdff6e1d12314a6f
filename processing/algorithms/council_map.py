"""openterritory:council_map"""

from __future__ import annotations

from qgis.core import (
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsReferencedRectangle,
    QgsVectorLayer,
)

from ...plugin.export.council_map import (
    FORMATS,
    ORIENTATIONS,
    PAGES,
    export_council_map,
    output_for_format,
)
from ...plugin.export.sources_text import layer_title
from ...plugin.toolbelt.errors import OpenTerritoryError
from ...plugin.toolbelt.i18n import tr
from .base import OpenTerritoryAlgorithm

# The enumerations a model, a script or qgis_process may give by index (as models store them) or by
# name, in any case: FORMAT pdf/png, PAGE A4/A3, ORIENTATION landscape/portrait.
CHOICES = {"FORMAT": FORMATS, "PAGE": PAGES, "ORIENTATION": ORIENTATIONS}


def choice_index(name: str, value: object, labels: tuple = ()) -> int:
    """The index among CHOICES[name] that `value` names: an index (0, "1"), a key ("pdf", "A3",
    "portrait") or an option's label ("Portrait", in any case); None stands for the default (0). A
    QgsProcessingException names the parameter, the value and what is accepted."""
    keys = CHOICES[name]
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    if isinstance(value, bool):
        value = None  # True/False are not choices
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        if 0 <= value < len(keys):
            return value
    elif isinstance(value, str):
        text = value.strip()
        if text.isdigit() and int(text) < len(keys):
            return int(text)
        names = [key.lower() for key in keys]
        if text.lower() in names:
            return names.index(text.lower())
        label_names = [str(label).lower() for label in labels]
        if text.lower() in label_names:
            return label_names.index(text.lower())
    accepted = " / ".join(keys)
    numbers = " / ".join(str(i) for i in range(len(keys)))
    raise QgsProcessingException(
        f"{name} '{value}': " + tr("unknown value; expected") + f" {accepted} " + tr("(any case) or") + f" {numbers}"
    )


def prepare_file_layer(layer: QgsMapLayer) -> None:
    """A layer Processing loaded from a path gets its title and its default style (layer_styles)."""
    title = layer_title(layer)
    if title:
        layer.setName(title)
    if isinstance(layer, QgsVectorLayer):
        layer.loadDefaultStyle()


def move_into_project(layers: list, project: QgsProject, context: QgsProcessingContext) -> None:
    """Layers Processing loaded from paths move from its temporary store into the project, so that a layout kept
    in the project still shows them once the algorithm is done."""
    store = context.temporaryLayerStore()
    for layer in layers:
        if project.mapLayer(layer.id()) is None and store.mapLayer(layer.id()) is not None:
            project.addMapLayer(store.takeMapLayer(layer))


class CouncilMapAlgorithm(OpenTerritoryAlgorithm):
    NAME = "council_map"
    GROUP = "export"

    def displayName(self) -> str:
        return self.tr("Council map")

    def shortHelpString(self) -> str:
        return self.tr(
            "Exports a print-ready map for a council meeting: title, subtitle, date, the map of the chosen layers, "
            "a legend of those layers, scale bar, north arrow, the territory's logo and a box listing the sources "
            "and licences of every layer shown (with the OpenStreetMap attribution when OSM data is shown). "
            "A4 or A3, landscape or portrait, vector PDF or PNG. With a coverage layer (communes, districts), "
            "one page per feature, named after the feature: a single PDF, or one PNG per page named "
            "<output>_<page name>.png. The file is replaced only when the export succeeds."
        )

    def choice(self, parameters: dict, name: str) -> int:
        definition = self.parameterDefinition(name)
        return choice_index(name, parameters.get(name), definition.options() if definition else ())

    def with_choice_indices(self, parameters: dict) -> dict:
        """The parameters with FORMAT, PAGE and ORIENTATION as indices, what QGIS's own checks expect."""
        return dict(parameters, **{name: self.choice(parameters, name) for name in CHOICES if name in parameters})

    def checkParameterValues(self, parameters: dict, context: QgsProcessingContext) -> tuple:  # noqa: N802
        try:
            checked = self.with_choice_indices(parameters)
        except QgsProcessingException as error:
            return False, str(error)
        return super().checkParameterValues(checked, context)

    def preprocessParameters(self, parameters: dict) -> dict:  # noqa: N802
        try:
            return self.with_choice_indices(parameters)
        except QgsProcessingException:
            return parameters  # checkParameterValues reports it

    def flags(self) -> QgsProcessingAlgorithm.Flags:
        # Print layouts are not thread safe: like QGIS's own layout export algorithms, run in the main thread.
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config: dict | None = None) -> None:
        self.addParameter(
            self.help_param(
                QgsProcessingParameterMultipleLayers("LAYERS", self.tr("Layers to show"), QgsProcessing.TypeMapLayer),
                self.tr("Layers drawn on the map and listed in the legend and the sources box; the first is on top"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterExtent("EXTENT", self.tr("Map extent"), optional=True),
                self.tr("Area shown on the map; empty: the combined extent of the layers (ignored for an atlas)"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString("TITLE", self.tr("Title"), defaultValue=self.tr("Council map")),
                self.tr("Title printed at the top of the page"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterString("SUBTITLE", self.tr("Subtitle"), optional=True),
                self.tr("Line under the title; for an atlas the page's name is added to it"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterVectorLayer(
                    "COVERAGE",
                    self.tr("One page per feature of (atlas)"),
                    [QgsProcessing.TypeVectorPolygon],
                    optional=True,
                ),
                self.tr(
                    "Communes or districts: one page per feature, the map centred on it, pages named by its "
                    "name field (nom, name...); empty: a single page"
                ),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterEnum("FORMAT", self.tr("Format"), options=["PDF", "PNG"], defaultValue=0),
                self.tr(
                    "Vector PDF (one file, every page), or PNG images at 150 dpi (one file per page); by "
                    "name (pdf, png, any case) or by number (0, 1)"
                ),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterEnum("PAGE", self.tr("Page size"), options=list(PAGES), defaultValue=0),
                self.tr("Paper size: A4 or A3 (or 0, 1)"),
                advanced=True,
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterEnum(
                    "ORIENTATION",
                    self.tr("Orientation"),
                    options=[self.tr("Landscape"), self.tr("Portrait")],
                    defaultValue=0,
                ),
                self.tr(
                    "Landscape (legend beside the map) or portrait (legend under the map); by name "
                    "(landscape, portrait) or by number (0, 1)"
                ),
                advanced=True,
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterFile(
                    "LOGO",
                    self.tr("Logo"),
                    optional=True,
                    fileFilter=self.tr("Images") + " (*.svg *.png *.jpg *.jpeg)",
                ),
                self.tr("The territory's logo, printed in the top right corner; empty: no logo"),
                advanced=True,
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterFileDestination(
                    "OUTPUT", self.tr("Output file"), self.tr("PDF") + " (*.pdf);;" + self.tr("PNG image") + " (*.png)"
                ),
                self.tr(
                    "PDF or PNG file; its extension follows FORMAT. A PNG atlas writes <name>_<page name>.png beside it"
                ),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterBoolean(
                    "KEEP_LAYOUT", self.tr("Keep the layout in the project"), defaultValue=False, optional=True
                ),
                self.tr(
                    "Also add the map's layout to the project's layouts, to finish it by hand in the layout designer "
                    "(the layers it shows are added to the project too)"
                ),
            )
        )
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Pages")))
        self.addOutput(QgsProcessingOutputString("SOURCES", self.tr("Sources text")))
        self.addOutput(QgsProcessingOutputString("LAYOUT", self.tr("Layout kept in the project")))

    def processAlgorithm(
        self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        layers = self.parameterAsLayerList(parameters, "LAYERS", context)
        if not layers:
            raise QgsProcessingException(self.tr("Choose at least one layer to show on the map"))
        fmt = FORMATS[self.choice(parameters, "FORMAT")]
        requested = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        output = output_for_format(requested, fmt)
        if output != requested:
            feedback.pushInfo(self.tr("Output file named after the format") + f": {output}")
        extent = None
        if parameters.get("EXTENT") not in (None, ""):
            rect = self.parameterAsExtent(parameters, "EXTENT", context)
            if not rect.isNull() and not rect.isEmpty():
                extent = QgsReferencedRectangle(rect, self.parameterAsExtentCrs(parameters, "EXTENT", context))
        coverage = self.parameterAsVectorLayer(parameters, "COVERAGE", context)
        project = context.project() or QgsProject.instance()
        keep_layout = self.parameterAsBoolean(parameters, "KEEP_LAYOUT", context)
        for layer in layers + ([coverage] if coverage is not None else []):
            if project.mapLayer(layer.id()) is None:
                # Loaded from a path by Processing: named after the file and drawn with a random symbol.
                # The territory GeoPackage knows better: its layer titles and default styles.
                prepare_file_layer(layer)
        if keep_layout:
            move_into_project(layers + ([coverage] if coverage is not None else []), project, context)
        try:
            result = export_council_map(
                layers,
                output,
                self.parameterAsString(parameters, "TITLE", context),
                extent=extent,
                coverage=coverage,
                fmt=fmt,
                page=PAGES[self.choice(parameters, "PAGE")],
                orientation=ORIENTATIONS[self.choice(parameters, "ORIENTATION")],
                subtitle=self.parameterAsString(parameters, "SUBTITLE", context) or None,
                logo=self.parameterAsFile(parameters, "LOGO", context) or None,
                project=project,
                feedback=feedback,
                keep_layout=keep_layout,
            )
        except OpenTerritoryError as error:
            raise QgsProcessingException(str(error)) from None
        for path in result["FILES"]:
            feedback.pushInfo(path)
        return {
            "OUTPUT": result["OUTPUT"],
            "FILES": result["FILES"],
            "PAGES": result["PAGES"],
            "PAGE_NAMES": result["PAGE_NAMES"],
            "SOURCES": result["SOURCES_TEXT"],
            "LAYOUT": result.get("LAYOUT", ""),
        }
