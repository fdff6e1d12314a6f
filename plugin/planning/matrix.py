"""Competence matrix: per mobility domain, challenges, competent actors and related resources.

Rule for the mark (also in the algorithm's help and the report):
- "weak": open challenges and no competent actor or no related resource, or more than three open
  challenges per competent actor;
- "strong": competent actors and related resources, and at most two open challenges per actor;
- "balanced": otherwise (including domains with no challenge and no means).
"""

from __future__ import annotations

import html

from qgis.core import QgsFeatureRequest, QgsFeedback, QgsField, QgsFields, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from ..definitions import CATEGORIES, DOMAINS, category_label, domain_label
from ..toolbelt.i18n import tr
from .context import parse_competences
from .domain_categories import DOMAIN_CATEGORIES, categories_for

# Every category some domain relies on, in DESIGN.md's order: one `res_<category>` column each.
RELATED_CATEGORIES = tuple(c for c in CATEGORIES if any(c in related for related in DOMAIN_CATEGORIES.values()))


def category_column(category: str) -> str:
    return f"res_{category}"


OPEN_STATUSES = ("identified", "in_progress")

# The matrix's columns, in order (models and reports rely on the first seven).
MATRIX_COLUMNS = (
    ("domain", QVariant.String),
    ("label", QVariant.String),
    ("challenges_open", QVariant.Int),
    ("challenges_solved", QVariant.Int),
    ("actors_competent", QVariant.Int),
    ("resources_related", QVariant.Int),
    ("mark", QVariant.String),
) + tuple((category_column(category), QVariant.Int) for category in RELATED_CATEGORIES)


def mark(open_challenges: int, actors: int, resources: int) -> str:
    if open_challenges and (actors == 0 or resources == 0 or open_challenges > 3 * actors):
        return "weak"
    if actors and resources and open_challenges <= 2 * actors:
        return "strong"
    return "balanced"


def competence_matrix(
    challenges: QgsVectorLayer | None,
    resources: list,
    actors: QgsVectorLayer | None,
    feedback: QgsFeedback | None = None,
) -> list:
    """One dict per domain: domain, label, challenges_open, challenges_solved, actors_competent,
    resources_related, mark, and `res_<category>` for every category of RELATED_CATEGORIES: the number of
    resources of that category when it is related to the domain, None when it is not (so the related
    ones add up to resources_related). One pass over each layer's attributes, none over geometries."""
    open_count, solved_count = _challenge_counts(challenges)
    actor_count = _actor_counts(actors)
    per_category = _resource_counts(resources, feedback)
    return [_matrix_row(domain, open_count, solved_count, actor_count, per_category) for domain in DOMAINS]


def _challenge_counts(challenges) -> tuple:
    """({domain: open challenges}, {domain: solved challenges}); a challenge without status is open."""
    open_count = dict.fromkeys(DOMAINS, 0)
    solved_count = dict.fromkeys(DOMAINS, 0)
    if challenges is None or challenges.fields().indexOf("domain") < 0:
        return open_count, solved_count
    has_status = challenges.fields().indexOf("status") >= 0
    attributes = ["domain", "status"] if has_status else ["domain"]
    for feature in challenges.getFeatures(_subset(challenges, attributes)):
        domain = str(feature["domain"] or "").strip()
        if domain not in open_count:
            continue
        status = str(feature["status"] or "identified") if has_status else "identified"
        counts = solved_count if status == "solved" else open_count
        counts[domain] += 1
    return open_count, solved_count


def _actor_counts(actors) -> dict:
    """{domain: actors competent in it}."""
    actor_count = dict.fromkeys(DOMAINS, 0)
    if actors is None or actors.fields().indexOf("competences") < 0:
        return actor_count
    for feature in actors.getFeatures(_subset(actors, ["competences"])):
        for domain in set(parse_competences(feature["competences"])):
            if domain in actor_count:
                actor_count[domain] += 1
    return actor_count


def _resource_counts(resources, feedback) -> dict:
    """{category: resources of that category} over every resource layer with a category field."""
    per_category = {}
    for layer in resources or []:
        position = layer.fields().indexOf("category")
        if position < 0:
            continue
        for feature in layer.getFeatures(_subset(layer, [position])):
            category = feature[position]
            if category is not None:
                per_category[str(category)] = per_category.get(str(category), 0) + 1
        if feedback is not None and feedback.isCanceled():
            break
    return per_category


def _matrix_row(domain: str, open_count: dict, solved_count: dict, actor_count: dict, per_category: dict) -> dict:
    related = sum(per_category.get(category, 0) for category in categories_for(domain))
    row = {
        "domain": domain,
        "label": domain_label(domain),
        "challenges_open": open_count[domain],
        "challenges_solved": solved_count[domain],
        "actors_competent": actor_count[domain],
        "resources_related": related,
        "mark": mark(open_count[domain], actor_count[domain], related),
    }
    for category in RELATED_CATEGORIES:
        row[category_column(category)] = per_category.get(category, 0) if category in categories_for(domain) else None
    return row


def matrix_fields() -> QgsFields:
    """The matrix as a table: MATRIX_COLUMNS in order."""
    fields = QgsFields()
    for name, kind in MATRIX_COLUMNS:
        fields.append(QgsField(name, kind))
    return fields


def _subset(layer, attributes):
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    if attributes and isinstance(attributes[0], int):
        request.setSubsetOfAttributes(attributes)
    else:
        request.setSubsetOfAttributes(attributes, layer.fields())
    return request


def mark_label(key: str) -> str:
    return {"weak": tr("weak"), "strong": tr("strong"), "balanced": tr("balanced")}[key]


def categories_table(row: dict) -> str:
    """The domain's related resources by category (labels in the user's language), as a small table."""
    cells = [
        (category_label(category), row[category_column(category)])
        for category in RELATED_CATEGORIES
        if row.get(category_column(category)) is not None
    ]
    if not cells:
        return ""
    body = "".join(f"<tr><th>{html.escape(label)}</th><td>{count}</td></tr>" for label, count in cells)
    return (
        f'<table class="categories"><caption>{html.escape(tr("Related resources by category"))}</caption>{body}</table>'
    )


def html_report(rows: list, title: str) -> str:
    """A self-contained page: one bar chart per domain (inline SVG), readable in print."""
    colours = {"weak": "#b2182b", "strong": "#1a9850", "balanced": "#666666"}
    series = [
        ("challenges_open", tr("Open challenges")),
        ("challenges_solved", tr("Solved challenges")),
        ("actors_competent", tr("Competent actors")),
        ("resources_related", tr("Related resources")),
    ]
    top = max([1] + [row[key] for row in rows for key, _ in series])
    blocks = []
    for row in rows:
        bars = []
        for i, (key, label) in enumerate(series):
            width = 300 * row[key] / top
            y = 6 + i * 22
            bars.append(
                f'<text x="0" y="{y + 13}" font-size="12">{html.escape(label)}</text>'
                f'<rect x="150" y="{y}" width="{width:.1f}" height="16" fill="#4a6fa5" stroke="#000" '
                f'stroke-width="0.5"/>'
                f'<text x="{156 + width:.1f}" y="{y + 13}" font-size="12">{row[key]}</text>'
            )
        blocks.append(
            f'<section><h2>{html.escape(row["label"])} <span class="mark" style="color:{colours[row["mark"]]}">'
            f"{html.escape(mark_label(row['mark']))}</span></h2>"
            f'<svg width="520" height="96" role="img" aria-label="{html.escape(row["label"])}">'
            f"{''.join(bars)}</svg>"
            f"{categories_table(row)}"
            f"</section>"
        )
    rule = tr(
        "Weak: open challenges with no competent actor or no related resource, or more than three open "
        "challenges per competent actor. Strong: competent actors and related resources, and at most two "
        "open challenges per competent actor. Balanced: otherwise."
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>"
        "body{font-family:sans-serif;margin:2em;color:#000}section{page-break-inside:avoid;margin-bottom:1em}"
        "h2{font-size:1.1em;margin:0.3em 0}.mark{font-size:0.9em;border:1px solid;padding:0 0.3em}"
        "table.categories{border-collapse:collapse;font-size:0.9em;margin-left:150px}"
        "table.categories th,table.categories td{border:1px solid #999;padding:0.1em 0.5em;text-align:left}"
        "table.categories td{text-align:right}"
        "@media print{body{margin:1cm}}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p>{html.escape(rule)}</p>{''.join(blocks)}</body></html>"
    )
