"""Every algorithm of the provider keeps the contracts of DESIGN.md and documents its parameters."""

from open_territory.processing.provider import algorithm_names

# The ids and key parameters fixed by DESIGN.md.
CONTRACT = {
    "ods_load": {"PORTAL", "DATASET", "WHERE", "EXTENT", "AUTHCFG", "OUTPUT"},
    "ods_search": {"PORTAL", "QUERY", "GEO_ONLY", "OUTPUT"},
    "datagouv_load": {"DATASET", "RESOURCE", "OUTPUT"},
    "osm_resources": {"CATEGORY", "EXTENT", "AREA", "SERVER", "TIMEOUT", "OUTPUT"},
    "gbfs_stations": {"FEED", "OUTPUT"},
    "gbfs_vehicles": {"FEED", "OUTPUT"},
    "sensor_community": {"EXTENT", "SENSOR_TYPES", "OUTPUT"},
    "load_territory": {"PROFILE", "OUTPUT", "OFFLINE"},
    "challenge_context": {"CHALLENGES", "RESOURCES", "ACTORS", "DISTANCE", "OUTPUT"},
    "competence_matrix": {"CHALLENGES", "RESOURCES", "ACTORS", "OUTPUT", "REPORT"},
    "council_map": {"LAYERS", "EXTENT", "TITLE", "COVERAGE", "FORMAT", "OUTPUT"},
}


def test_provider_identity(provider):
    assert provider.id() == "openterritory"
    assert not provider.icon().isNull()
    assert len(provider.algorithms()) == len(algorithm_names())


def test_contract_parameters(provider):
    assert set(CONTRACT) <= {algorithm.name() for algorithm in provider.algorithms()}
    for algorithm in provider.algorithms():
        expected = CONTRACT.get(algorithm.name())
        if expected is None:
            continue
        names = {p.name() for p in algorithm.parameterDefinitions()}
        assert expected <= names, f"{algorithm.id()}: missing {expected - names}"


def test_every_parameter_and_algorithm_is_documented(provider):
    for algorithm in provider.algorithms():
        assert algorithm.id().startswith("openterritory:")
        assert algorithm.displayName() and algorithm.group()
        assert algorithm.shortHelpString(), f"{algorithm.id()} has no help"
        for parameter in algorithm.parameterDefinitions():
            assert parameter.help(), f"{algorithm.id()}: parameter {parameter.name()} has no help text"
            assert parameter.description(), f"{algorithm.id()}: parameter {parameter.name()} has no label"
