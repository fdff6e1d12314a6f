"""openterritory:gbfs_vehicles — the free-floating vehicles of a GBFS system."""

from __future__ import annotations

from .gbfs_stations import GbfsStationsAlgorithm


class GbfsVehiclesAlgorithm(GbfsStationsAlgorithm):
    NAME = "gbfs_vehicles"
    KIND = "vehicles"

    def displayName(self):  # noqa: N802
        return self.tr("GBFS free-floating vehicles")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Loads the free-floating vehicles of a shared-vehicle system published in GBFS 1.x, 2.x "
            "(free_bike_status) or 3.0 (vehicle_status), where they are now: one point per available "
            "vehicle with its type, form factor and propulsion (from vehicle_types when the system "
            "publishes them), whether it is reserved or disabled, and its remaining range."
        )

    def output_label(self) -> str:
        return self.tr("Vehicles")
