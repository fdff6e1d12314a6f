"""openterritory:competence_matrix"""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...plugin.planning.matrix import RELATED_CATEGORIES, category_column, competence_matrix, html_report
from ...plugin.toolbelt.layer_writer import atomic_output
from .planning_inputs import PlanningAlgorithm

COLUMNS = (
    ("domain", QVariant.String),
    ("label", QVariant.String),
    ("challenges_open", QVariant.Int),
    ("challenges_solved", QVariant.Int),
    ("actors_competent", QVariant.Int),
    ("resources_related", QVariant.Int),
    ("mark", QVariant.String),
) + tuple((category_column(category), QVariant.Int) for category in RELATED_CATEGORIES)


class CompetenceMatrixAlgorithm(PlanningAlgorithm):
    NAME = "competence_matrix"

    def displayName(self):
        return self.tr("Competence matrix")

    def shortHelpString(self):
        return self.tr(
            "One row per mobility domain: open and solved challenges, competent actors and resources of the "
            "categories related to the domain (resources_related), with their count per category in the "
            "res_<category> columns (empty when the category is not related to the domain). Mark: weak when "
            "there are open challenges and no competent actor or no related resource, or more than three open "
            "challenges per competent actor; strong when there are competent actors and related resources and at "
            "most two open challenges per competent actor; balanced otherwise. Optionally writes an HTML report "
            "with a chart and the related resources by category per domain."
        )

    def initAlgorithm(self, config=None):
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

    def processAlgorithm(self, parameters, context, feedback):
        challenges = self.parameterAsVectorLayer(parameters, "CHALLENGES", context)
        resources = self.parameterAsLayerList(parameters, "RESOURCES", context)
        actors = self.parameterAsVectorLayer(parameters, "ACTORS", context)
        rows = competence_matrix(challenges, resources, actors, feedback)
        fields = QgsFields()
        for name, kind in COLUMNS:
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.NoGeometry)
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([row[name] for name, _ in COLUMNS])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        results = {"OUTPUT": dest}
        report = self.parameterAsFileOutput(parameters, "REPORT", context)
        if report:
            with atomic_output(report) as tmp:
                with open(tmp, "w", encoding="utf-8") as handle:
                    handle.write(html_report(rows, self.tr("Strengths and weaknesses by mobility domain")))
            results["REPORT"] = report
        return results
