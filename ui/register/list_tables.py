"""What differs between the register section's two lists: the challenges' and the actors'. One small class per
table says its filters, texts, sort order, ways of adding and first values; RegisterListPanel (list_panel.py)
asks it instead of branching on the table's name."""

from __future__ import annotations

from qgis.core import QgsVectorLayer

from ...plugin.definitions import ACTOR_KINDS, CHALLENGE_STATUSES, actor_kind_label, status_label
from ...plugin.register.in_project import RegisterLayers
from ...plugin.toolbelt.i18n import tr


class ListTable:
    """The behaviour of one list; subclasses fill in every method."""

    TABLE = ""
    SORT_COLUMN = 0  # the column the list is sorted on at first
    STRETCH_COLUMNS = (0,)  # columns sharing the width left by the others

    def domain_tip(self) -> str:
        raise NotImplementedError

    def state_choices(self) -> list:
        """[(key or None, label)] of the second filter, "all" first."""
        raise NotImplementedError

    def state_tip(self) -> str:
        raise NotImplementedError

    def search_placeholder(self) -> str:
        raise NotImplementedError

    def add_text(self) -> str:
        raise NotImplementedError

    def add_entries(self) -> list:
        """[(geometry family, menu text)] of the add menu, the button's own action first."""
        raise NotImplementedError

    def add_tip(self, family: str) -> str:
        if family == "None":
            return self.without_location_tip()
        return tr(
            "Draw it with QGIS's digitizing tool (right click ends), then fill its form; save the "
            "layer's edits to write it to the register"
        )

    def without_location_tip(self) -> str:
        raise NotImplementedError

    def count_text(self, total: int) -> str:
        raise NotImplementedError

    def unlocated_tip(self) -> str:
        """Why a row cannot be zoomed to."""
        raise NotImplementedError

    def picks_a_point(self, family: str) -> bool:
        """Whether adding `family` starts with a click on the map (else a form, or QGIS's digitizing)."""
        return False

    def family_layer(self, register: RegisterLayers, family: str) -> QgsVectorLayer | None:
        """The register's layer a new row of geometry `family` goes to (None when it is not in the project)."""
        raise NotImplementedError

    def initial_pairs(self, domain: str | None, state: str | None) -> tuple:
        """((field, value)...): the filters in force as a new row's first values."""
        raise NotImplementedError


class ChallengeList(ListTable):
    TABLE = "challenges"
    SORT_COLUMN = 3

    def domain_tip(self) -> str:
        return tr("Show the challenges of one mobility domain")

    def state_choices(self) -> list:
        return [(None, tr("All statuses"))] + [(key, status_label(key)) for key in CHALLENGE_STATUSES]

    def state_tip(self) -> str:
        return tr("Show the challenges of one status")

    def search_placeholder(self) -> str:
        return tr("Search title, description, raised by")

    def add_text(self) -> str:
        return tr("Add on map")

    def add_entries(self) -> list:
        return [
            ("Point", tr("Point on the map")),
            ("LineString", tr("Line on the map")),
            ("Polygon", tr("Area on the map")),
            ("None", tr("Without location")),
        ]

    def add_tip(self, family: str) -> str:
        if family == "Point":
            return tr("Click on the map where the challenge is, then fill its form (Esc cancels)")
        return super().add_tip(family)

    def without_location_tip(self) -> str:
        return tr("Fill the form of a challenge without a location")

    def count_text(self, total: int) -> str:
        return tr("{total} challenges").format(total=total)

    def unlocated_tip(self) -> str:
        return tr("This challenge has no location")

    def picks_a_point(self, family: str) -> bool:
        return family == "Point"

    def family_layer(self, register: RegisterLayers, family: str) -> QgsVectorLayer | None:
        return register.challenge_layer(family)

    def initial_pairs(self, domain: str | None, state: str | None) -> tuple:
        return (("domain", domain), ("status", state))


class ActorList(ListTable):
    TABLE = "actors"
    STRETCH_COLUMNS = (0, 2)  # the competences share the width with the name

    def domain_tip(self) -> str:
        return tr("Show the actors competent in one mobility domain")

    def state_choices(self) -> list:
        return [(None, tr("All kinds"))] + [(key, actor_kind_label(key)) for key in ACTOR_KINDS]

    def state_tip(self) -> str:
        return tr("Show the actors of one kind")

    def search_placeholder(self) -> str:
        return tr("Search name, contact, website")

    def add_text(self) -> str:
        return tr("Add")

    def add_entries(self) -> list:
        return [("None", tr("Without area")), ("Polygon", tr("Area of action on the map"))]

    def without_location_tip(self) -> str:
        return tr("Fill the form of an actor without an area of action")

    def count_text(self, total: int) -> str:
        return tr("{total} actors").format(total=total)

    def unlocated_tip(self) -> str:
        return tr("This actor has no area of action")

    def family_layer(self, register: RegisterLayers, family: str) -> QgsVectorLayer | None:
        return register.actors_layer()

    def initial_pairs(self, domain: str | None, state: str | None) -> tuple:
        return (("competences", "{" + domain + "}" if domain else None), ("kind", state))


def list_table(table: str) -> ListTable:
    """The behaviour of the list of `table` ("challenges" or "actors")."""
    return {"challenges": ChallengeList, "actors": ActorList}[table]()
