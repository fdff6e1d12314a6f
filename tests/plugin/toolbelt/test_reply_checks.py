"""What a complete reply must be before it is kept: the checks on the stored body."""

from open_territory.plugin.toolbelt import reply_checks
from open_territory.plugin.toolbelt.reply_checks import first_invalid_utf8, refusal


def stored(tmp_path, data: bytes) -> str:
    path = tmp_path / "reply.body"
    path.write_bytes(data)
    return str(path)


def test_a_good_json_reply_is_kept(tmp_path):
    data = '{"nom": "Gare de Rennes — parc relais"}'.encode()
    assert refusal(stored(tmp_path, data), len(data), "application/json; charset=utf-8", "json") is None


def test_the_offset_of_the_first_byte_that_is_not_utf8_even_across_blocks(tmp_path, monkeypatch):
    monkeypatch.setattr(reply_checks, "BLOCK_BYTES", 4)
    data = "aé€".encode() + b"\xff" + b"tail"  # é and € cut by the 4-byte blocks
    assert first_invalid_utf8(stored(tmp_path, data)) == len("aé€".encode())
    assert first_invalid_utf8(stored(tmp_path, "aé€ ok".encode())) is None
    assert first_invalid_utf8(stored(tmp_path, "aé".encode()[:-1])) == 1  # cut at the end


def test_latin1_declared_by_the_server_is_not_refused(tmp_path):
    data = '{"nom": "Gare"}'.replace("Gare", "Géré").encode("latin-1")
    assert refusal(stored(tmp_path, data), len(data), "application/json; charset=ISO-8859-1", "json") is None
    assert refusal(stored(tmp_path, data), len(data), "application/json", "json")[0] == "encoding"


def test_empty_web_page_and_entities(tmp_path):
    assert refusal(stored(tmp_path, b""), 0, "text/csv", None) == ("empty", "")
    page = b"<!DOCTYPE html><html><body>Maintenance</body></html>"
    assert refusal(stored(tmp_path, page), len(page), "text/html", "json") == ("content", "")
    assert refusal(stored(tmp_path, page), len(page), "text/html", None) is None  # a file download: its reader says
    bomb = b'<?xml version="1.0"?>\n<!DOCTYPE osm [<!ENTITY a "aaaa">]>\n<osm>&a;</osm>'
    assert refusal(stored(tmp_path, bomb), len(bomb), "application/osm3s+xml", None) == ("entities", "")
    osm = b'<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6"><node id="1" lat="1" lon="2"/></osm>'
    assert refusal(stored(tmp_path, osm), len(osm), "application/osm3s+xml", None) is None
