"""openterritory:competence_matrix"""

from __future__ import annotations

from qgis.core import (
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
)

from ...plugin.planning.overlays import matrix_overlay, overlay_features
from ...plugin.toolbelt.layer_writer import atomic_output
from .planning_inputs import PlanningAlgorithm


class CompetenceMatrixAlgorithm(PlanningAlgorithm):
    NAME = "competence_matrix"

    def displayName(self) -> str:
        return self.tr("Competence matrix")

    def shortHelpString(self) -> str:
        return self.tr(
            "One row per mobility domain: open and solved challenges, competent actors and resources of the "
            "categories related to the domain (resources_related), with their count per category in the "
            "res_<category> columns (empty when the category is not related to the domain). Mark: weak when "
            "there are open challenges and no competent actor or no related resource, or more than three open "
            "challenges per competent actor; strong when there are competent actors and related resources and at "
            "most two open challenges per competent actor; balanced otherwise. Optionally writes an HTML report "
            "with a chart and the related resources by category per domain."
        )

    def initAlgorithm(self, config: dict | None = None) -> None:
        self.add_register_inputs(resources_optional=True, distance=False)
        self.addParameter(
            self.help_param(
                QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Competence matrix"), QgsProcessing.TypeVector),
                self.tr("Table with one row per mobility domain"),
            )
        )
        self.addParameter(
            self.help_param(
                QgsProcessingParameterFileDestination(
                    "REPORT",
                    self.tr("HTML report"),
                    self.tr("HTML files (*.html)"),
                    optional=True,
                    createByDefault=False,
                ),
                self.tr("Optional HTML page with one chart per domain, ready to print"),
            )
        )

    def processAlgorithm(
        self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        challenges = self.parameterAsVectorLayer(parameters, "CHALLENGES", context)
        resources = self.parameterAsLayerList(parameters, "RESOURCES", context)
        actors = self.parameterAsVectorLayer(parameters, "ACTORS", context)
        overlay = matrix_overlay(challenges, resources, actors, feedback)
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, overlay.fields, overlay.wkb_type)
        self.mark_output(context, dest, overlay.made_from)
        sink.addFeatures(overlay_features(overlay), QgsFeatureSink.FastInsert)
        results = {"OUTPUT": dest}
        report = self.parameterAsFileOutput(parameters, "REPORT", context)
        if report:
            with atomic_output(report) as tmp:
                with open(tmp, "w", encoding="utf-8") as handle:
                    handle.write(overlay.report)
            results["REPORT"] = report
        return results
