"""Attribute forms of the register's layers: widgets with translated labels, constraints, default
values and the tabs that show a challenge's actors and resources (n:m relations through the link
tables).

Everything here is layer configuration saved with the project; nothing is written to the register.
"""

from __future__ import annotations

from qgis.core import (
    QgsAttributeEditorContainer,
    QgsAttributeEditorField,
    QgsAttributeEditorRelation,
    QgsDefaultValue,
    QgsEditFormConfig,
    QgsEditorWidgetSetup,
    QgsField,
    QgsFieldConstraints,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from ..definitions import (
    ACTOR_KINDS,
    CATALOG_KINDS,
    CHALLENGE_STATUSES,
    DOMAINS,
    PRIORITIES,
    actor_kind_label,
    catalog_kind_label,
    domain_label,
    priority_label,
    status_label,
)
from ..toolbelt.i18n import tr
from .schema import COLUMNS, GEOMETRY_COLUMN, ROW_VERSION, ROW_VERSIONED, TIMESTAMPED

DOMAIN_LABEL_FIELD = "label"
NOW = "now()"
# Sent with every edit of a row: the version this QGIS read, negated, which the register's triggers compare
# with the row's (schema.py, version 3): a colleague's change since then makes the edit fail, not vanish.
EDITED_FROM = f'CASE WHEN "{ROW_VERSION}" IS NULL THEN NULL ELSE -abs("{ROW_VERSION}") END'


def field_alias(name: str) -> str:
    return {
        "title": tr("Title"),
        "description": tr("Description"),
        "domain": tr("Mobility domain"),
        "status": tr("Status"),
        "priority": tr("Priority"),
        "community": tr("Raised by"),
        "name": tr("Name"),
        "kind": tr("Kind"),
        "competences": tr("Competences"),
        "contact": tr("Contact"),
        "website": tr("Website"),
        "url": tr("Address (URL)"),
        "owner": tr("Owner"),
        "licence": tr("Licence"),
        "challenge_id": tr("Challenge"),
        "actor_id": tr("Actor"),
        "resource_id": tr("Resource"),
        "role": tr("Role"),
        "note": tr("Note"),
        "created_at": tr("Created"),
        "updated_at": tr("Updated"),
        "key": tr("Key"),
        "position": tr("Position"),
        DOMAIN_LABEL_FIELD: tr("Label"),
    }.get(name, name)


def value_map(pairs: list) -> QgsEditorWidgetSetup:
    """A ValueMap widget: [(key, translated label)] in the nomenclature's order."""
    return QgsEditorWidgetSetup("ValueMap", {"map": [{label: key} for key, label in pairs]})


def _in_list_expression(field: str, keys, nullable: bool) -> str:
    items = ", ".join(str(k) if isinstance(k, int) else "'" + k.replace("'", "''") + "'" for k in keys)
    expression = f'"{field}" IN ({items})'
    return f'"{field}" IS NULL OR {expression}' if nullable else expression


def _constrain(layer, field: str, not_null: bool = False, expression: str = None, description: str = "") -> None:
    index = layer.fields().indexOf(field)
    if index < 0:
        return
    if not_null:
        layer.setFieldConstraint(
            index, QgsFieldConstraints.ConstraintNotNull, QgsFieldConstraints.ConstraintStrengthHard
        )
    if expression:
        layer.setConstraintExpression(index, expression, description)
        layer.setFieldConstraint(
            index, QgsFieldConstraints.ConstraintExpression, QgsFieldConstraints.ConstraintStrengthHard
        )


def _widget(layer, field: str, setup: QgsEditorWidgetSetup) -> None:
    index = layer.fields().indexOf(field)
    if index >= 0:
        layer.setEditorWidgetSetup(index, setup)


def _nomenclature(layer, field: str, pairs, nullable: bool) -> None:
    _widget(layer, field, value_map(pairs))
    expression = _in_list_expression(field, [k for k, _ in pairs], nullable)
    _constrain(layer, field, not_null=not nullable, expression=expression, description=tr("A value from the list"))


def domain_label_expression() -> str:
    """A CASE expression giving the translated label of the `key` field (labels are not stored)."""
    cases = " ".join(
        f"WHEN \"key\" = '{key}' THEN '{domain_label(key).replace(chr(39), chr(39) * 2)}'" for key in DOMAINS
    )
    return f'CASE {cases} ELSE "key" END'


def setup_domain_layer(layer: QgsVectorLayer) -> None:
    """The mobility domains lookup table: read-only, with a translated label computed in the project."""
    if layer.fields().indexOf(DOMAIN_LABEL_FIELD) < 0:
        layer.addExpressionField(domain_label_expression(), QgsField(DOMAIN_LABEL_FIELD, QVariant.String))
    layer.setReadOnly(True)
    _aliases(layer)


def _aliases(layer) -> None:
    for index, field in enumerate(layer.fields()):
        alias = field_alias(field.name())
        if alias != field.name():
            layer.setFieldAlias(index, alias)


def _common(layer, table: str) -> None:
    _aliases(layer)
    for hidden in ("fid", GEOMETRY_COLUMN, ROW_VERSION):
        _widget(layer, hidden, QgsEditorWidgetSetup("Hidden", {}))
    index = layer.fields().indexOf(ROW_VERSION)
    if table in ROW_VERSIONED and index >= 0:
        layer.setDefaultValueDefinition(index, QgsDefaultValue(EDITED_FROM, True))
    if table in TIMESTAMPED:
        config = {
            "display_format": "yyyy-MM-dd HH:mm:ss",
            "field_format": "yyyy-MM-dd HH:mm:ss",
            "allow_null": True,
            "calendar_popup": False,
        }
        for name, on_update in (("created_at", False), ("updated_at", True)):
            index = layer.fields().indexOf(name)
            if index < 0:
                continue
            layer.setDefaultValueDefinition(index, QgsDefaultValue(NOW, on_update))
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("DateTime", config))
            form = layer.editFormConfig()
            form.setReadOnly(index, True)
            layer.setEditFormConfig(form)


def setup_fields(
    layer: QgsVectorLayer,
    table: str,
    domain_layer: QgsVectorLayer | None = None,
    actors_layer: QgsVectorLayer | None = None,
    catalog_layer: QgsVectorLayer | None = None,
) -> None:
    """Widgets, aliases, constraints and default values of one register layer."""
    _common(layer, table)
    if table == "challenges":
        _constrain(
            layer, "title", not_null=True, expression='length(trim("title")) > 0', description=tr("A title is required")
        )
        _nomenclature(layer, "domain", [(k, domain_label(k)) for k in DOMAINS], nullable=False)
        _nomenclature(layer, "status", [(k, status_label(k)) for k in CHALLENGE_STATUSES], nullable=False)
        layer.setDefaultValueDefinition(layer.fields().indexOf("status"), QgsDefaultValue("'identified'"))
        _nomenclature(layer, "priority", [(k, priority_label(k)) for k in PRIORITIES], nullable=True)
    elif table == "actors":
        _constrain(
            layer, "name", not_null=True, expression='length(trim("name")) > 0', description=tr("A name is required")
        )
        _nomenclature(layer, "kind", [(k, actor_kind_label(k)) for k in ACTOR_KINDS], nullable=True)
        if domain_layer is not None:
            _widget(layer, "competences", competences_widget(domain_layer))
    elif table == "resources_catalog":
        _constrain(
            layer, "title", not_null=True, expression='length(trim("title")) > 0', description=tr("A title is required")
        )
        _nomenclature(layer, "kind", [(k, catalog_kind_label(k)) for k in CATALOG_KINDS], nullable=False)
        _nomenclature(layer, "domain", [(k, domain_label(k)) for k in DOMAINS], nullable=True)
    elif table == "challenge_actors" and actors_layer is not None:
        _widget(layer, "actor_id", _lookup(actors_layer, "name"))
    elif table == "challenge_resources" and catalog_layer is not None:
        _widget(layer, "resource_id", _lookup(catalog_layer, "title"))
    for name in ("challenge_id", "actor_id", "resource_id"):
        _constrain(layer, name, not_null=True)


def _layer_reference(layer) -> dict:
    return {
        "Layer": layer.id(),
        "LayerName": layer.name(),
        "LayerSource": layer.publicSource(),
        "LayerProviderName": layer.providerType(),
    }


def _lookup(layer, value_field: str) -> QgsEditorWidgetSetup:
    return QgsEditorWidgetSetup(
        "ValueRelation",
        {
            **_layer_reference(layer),
            "Key": "fid",
            "Value": value_field,
            "AllowMulti": False,
            "AllowNull": False,
            "OrderByValue": True,
            "UseCompleter": True,
            "FilterExpression": "",
            "NofColumns": 1,
        },
    )


def competences_widget(domain_layer: QgsVectorLayer) -> QgsEditorWidgetSetup:
    """Multi-select of mobility domains; stores "{a,b}" in the text field (read by parse_competences)."""
    return QgsEditorWidgetSetup(
        "ValueRelation",
        {
            **_layer_reference(domain_layer),
            "Key": "key",
            "Value": DOMAIN_LABEL_FIELD,
            "AllowMulti": True,
            "AllowNull": True,
            "OrderByValue": False,
            "UseCompleter": False,
            "FilterExpression": "",
            "NofColumns": 2,
        },
    )


def tabbed_form(layer: QgsVectorLayer, table: str, relation_tabs: list) -> None:
    """A drag-and-drop form: the table's fields in a first tab, then one tab per relation editor.

    relation_tabs: [(tab title, QgsRelation to show, n:m relation or None)]."""
    config = layer.editFormConfig()
    config.setLayout(QgsEditFormConfig.TabLayout)
    config.clearTabs()
    root = config.invisibleRootContainer()
    main = QgsAttributeEditorContainer(table_title(table), root)
    main.setIsGroupBox(False)  # 3.22 makes containers group boxes unless told: these are the form's tabs
    for name in COLUMNS[table] + (("created_at", "updated_at") if table in TIMESTAMPED else ()):
        index = layer.fields().indexOf(name)
        if index >= 0:
            main.addChildElement(QgsAttributeEditorField(name, index, main))
    config.addTab(main)
    for title, relation, nm_relation in relation_tabs:
        tab = QgsAttributeEditorContainer(title, root)
        tab.setIsGroupBox(False)
        element = QgsAttributeEditorRelation(relation, tab)
        element.setRelationWidgetTypeId("relation_editor")  # empty: 3.22 logs a failure and falls back
        element.setLabel(title)
        if nm_relation is not None:
            element.setNmRelationId(nm_relation.id())
            config.setWidgetConfig(relation.id(), {"nm-rel": nm_relation.id()})
        tab.addChildElement(element)
        config.addTab(tab)
    layer.setEditFormConfig(config)


def table_title(table: str) -> str:
    return {
        "challenges": tr("Challenge"),
        "actors": tr("Actor"),
        "resources_catalog": tr("Resource"),
        "challenge_actors": tr("Challenge actor"),
        "challenge_resources": tr("Challenge resource"),
    }[table]
