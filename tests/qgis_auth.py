"""Authentication configurations in the test session's QGIS authentication database."""

from qgis.core import QgsApplication, QgsAuthMethodConfig


def store_auth_config(method: str, values: dict, name: str) -> str:
    """Store a `method` configuration ("Basic"...) with `values`; return its id (the authcfg)."""
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        manager.setMasterPassword("test-master", True)
    config = QgsAuthMethodConfig(method)
    config.setName(name)
    for key, value in values.items():
        config.setConfig(key, value)
    assert manager.storeAuthenticationConfig(config)[0]
    return config.id()
