"""The values of an imported row: French names of domains, statuses, priorities and kinds, dates."""

import pytest
from open_territory.plugin.definitions import DOMAINS
from open_territory.plugin.register.import_values import (
    match_competences,
    match_domain,
    match_kind,
    match_priority,
    match_status,
    parse_datetime,
    validate_row,
)
from open_territory.plugin.toolbelt.errors import InputError


@pytest.mark.parametrize(
    ("match", "text", "key"),
    [
        (match_domain, "Sécurité routière", "securite_routiere"),  # the key, accents and capitals aside
        (match_domain, "Roads", "voirie"),  # the English label
        (match_domain, "Transports en commun", "transport_collectif"),  # a French synonym
        (match_domain, "parking", "stationnement"),
        (match_status, "En cours", "in_progress"),
        (match_status, "Résolue", "solved"),
        (match_status, "Identified", "identified"),
        (match_kind, "Collectivité territoriale", "public body"),
        (match_kind, "Fab Lab", "maker"),
        (match_kind, "Association", "association"),
        (match_priority, "Haute", 1),
        (match_priority, "2", 2),
        (match_priority, "faible", 3),
    ],
)
def test_domain_status_kind_and_priority_names(match, text, key):
    assert match(text) == key


@pytest.mark.parametrize(
    ("match", "text", "message"),
    [
        (match_domain, "Aviation", "Unknown mobility domain 'Aviation' (expected one of: voirie, stationnement"),
        (match_status, "Abandonné", "Unknown status 'Abandonné' (expected one of: identified, in_progress, solved)"),
        (match_kind, "Club", "Unknown kind of actor 'Club' (expected one of: public body, association"),
        (match_priority, "4", "Invalid priority '4' (expected 1, 2 or 3)"),
    ],
)
def test_unknown_values_are_named_with_the_expected_ones(match, text, message):
    with pytest.raises(InputError) as raised:
        match(text)
    assert str(raised.value).startswith(message)


def test_competence_lists():
    assert match_competences("Vélo; parking, vélos") == "{velo,stationnement}"  # duplicates once
    assert match_competences('["voirie", "Données"]') == "{voirie,donnees}"
    assert match_competences("{marche,logistique}") == "{marche,logistique}"  # as the register exports it
    assert match_competences(" ; ") is None
    with pytest.raises(InputError, match="Unknown mobility domain 'fusées'"):
        match_competences("vélo, fusées")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("14/09/2026", "2026-09-14T00:00:00"),
        ("14/09/2026 08:30", "2026-09-14T08:30:00"),
        ("2026-09-14T08:30:00", "2026-09-14T08:30:00"),
        ("2026-09-14T08:30:00+02:00", "2026-09-14T06:30:00Z"),
        ("2026/09/14 08:30:00+02", "2026-09-14T06:30:00Z"),  # as GDAL writes the register's CSV export
    ],
)
def test_dates(text, iso):
    assert parse_datetime(text) == iso


def test_bad_date():
    with pytest.raises(InputError, match="Invalid date '31/02/2026'"):
        parse_datetime("31/02/2026")


def test_validate_row_defaults_and_empty_required_values():
    mapping = {"title": "Titre", "domain": "Domaine", "status": "Statut"}
    values = validate_row("challenges", {"Titre": " Pont ", "Domaine": "vélo", "Statut": ""}, mapping)
    assert values == {
        "title": "Pont",
        "domain": "velo",
        "status": "identified",
        "priority": None,
        "description": None,
        "community": None,
        "created_at": None,
        "updated_at": None,
    }
    with pytest.raises(InputError, match=r"The mobility domain is empty \(column Domaine\)"):
        validate_row("challenges", {"Titre": "Pont", "Domaine": " "}, mapping)
    with pytest.raises(InputError, match=r"The name is empty \(column Nom\)"):
        validate_row("actors", {"Nom": ""}, {"name": "Nom"})


def test_validate_row_lists_every_problem_with_column_value_and_expected():
    mapping = {
        "title": "Titre",
        "domain": "Domaine",
        "status": "Statut",
        "priority": "Priorité",
        "created_at": "Créé le",
    }
    with pytest.raises(InputError) as raised:
        validate_row(
            "challenges",
            {"Titre": "", "Domaine": "fusées", "Statut": "fini", "Priorité": "7", "Créé le": "hier"},
            mapping,
        )
    problems = str(raised.value).split("; ")
    assert problems == [
        "The title is empty (column Titre)",
        "column Domaine: Unknown mobility domain 'fusées' (expected one of: " + ", ".join(DOMAINS) + ")",
        "column Statut: Unknown status 'fini' (expected one of: identified, in_progress, solved)",
        "column Priorité: Invalid priority '7' (expected 1, 2 or 3)",
        "column Créé le: Invalid date 'hier' (expected YYYY-MM-DD or DD/MM/YYYY)",
    ]
    with pytest.raises(
        InputError,
        match=r"^column Type: Unknown kind of actor 'Club'.*; column Compétences: "
        r"Unknown mobility domain 'fusées'",
    ):
        validate_row(
            "actors",
            {"Nom": "X", "Type": "Club", "Compétences": "velo, fusées"},
            {"name": "Nom", "kind": "Type", "competences": "Compétences"},
        )
