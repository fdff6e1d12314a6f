"""The one redaction: URLs and texts lose their credentials, nothing else."""

import pytest
from open_territory.plugin.toolbelt.errors import NetworkError
from open_territory.plugin.toolbelt.redaction import host_of, redact, redact_text


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://x.fr/gbfs.json?apiKey=abc&lang=fr", "https://x.fr/gbfs.json?apiKey=***&lang=fr"),
        ("https://x.fr/api/interpreter?key=abc", "https://x.fr/api/interpreter?key=***"),
        ("https://x.fr/f.csv?token=t0k&access_token=a&sig=s", "https://x.fr/f.csv?token=***&access_token=***&sig=***"),
        ("https://tech:pa55@x.fr/a", "https://tech:***@x.fr/a"),
        ("https://x.fr/a?q=v%C3%A9lo&limit=5", "https://x.fr/a?q=v%C3%A9lo&limit=5"),
        ("", ""),
    ],
)
def test_redact_url(url, shown):
    assert redact(url) == shown


def test_redact_text_masks_every_url_and_pair_in_a_sentence():
    text = (
        "Overpass https://o.fr/api/interpreter?key=K1&x=1 failed; feed apiKey=K2, "
        "proxy http://me:K3@proxy.fr:3128/ and (token=K4)"
    )
    shown = redact_text(text)
    assert not any(secret in shown for secret in ("K1", "K2", "K3", "K4")), shown
    assert "x=1" in shown and "proxy.fr:3128" in shown and shown.count("***") == 4


def test_plain_text_is_left_as_it_is():
    text = "Opendatasoft data.rennesmetropole.fr, dataset parcs-relais: 12 records (where x = 5)"
    assert redact_text(text) is text


def test_every_error_message_is_redacted_whoever_raises_it():
    error = NetworkError("No answer from x.fr (https://x.fr/a?apiKey=SECRET)", url="https://x.fr/a?apiKey=SECRET")
    assert "SECRET" not in str(error) and "SECRET" not in error.url and "apiKey=***" in str(error)


def test_host_names_a_server_without_its_credentials_and_default_port():
    assert host_of("https://u:p@Data.Example.fr:443/x") == "data.example.fr"
    assert host_of("http://127.0.0.1:8080/x?key=1") == "127.0.0.1:8080"


def test_osm_tag_grammar_in_prose_is_not_taken_for_a_key():
    text = "OpenStreetMap: a tag condition is key=value, key=*, key!=value; server https://o.fr/i?key=K9"
    shown = redact_text(text)
    assert "key=value, key=*" in shown and "K9" not in shown and "?key=***" in shown
