"""Open Territory QGIS plugin entry point."""


def classFactory(iface):  # noqa: N802 - name imposed by QGIS
    from .main import OpenTerritoryPlugin

    return OpenTerritoryPlugin(iface)
