"""Zip extraction: no member may land outside the target folder."""

import os
import stat
import zipfile

import pytest
from open_territory.plugin.formats.safe_zip import safe_extract
from open_territory.plugin.toolbelt.errors import ReplyError


def make_zip(path, members):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members:
            if isinstance(name, zipfile.ZipInfo):
                archive.writestr(name, data)
            else:
                archive.writestr(name, data)
    return str(path)


def listing(folder):
    return sorted(os.path.relpath(os.path.join(d, f), folder) for d, _, files in os.walk(folder) for f in files)


def test_regular_archive(tmp_path):
    archive = make_zip(
        tmp_path / "ok.zip",
        [("arceaux/arceaux.shp", b"shp"), ("arceaux/arceaux.dbf", b"dbf"), ("lisez-moi.txt", b"x")],
    )
    target = tmp_path / "out"
    written = safe_extract(archive, str(target))
    assert len(written) == 3
    assert listing(target) == ["arceaux/arceaux.dbf", "arceaux/arceaux.shp", "lisez-moi.txt"]


@pytest.mark.parametrize("bad", ["../../evil", "ok/../../evil", "/tmp/evil_abs", "C:\\evil", "..\\..\\evil"])
def test_escaping_member_rejects_whole_archive(tmp_path, bad):
    sandbox = tmp_path / "sandbox"
    target = sandbox / "a" / "b"
    archive = make_zip(tmp_path / "bad.zip", [("good.txt", b"fine"), (bad, b"pwned")])
    with pytest.raises(ReplyError, match="evil") as raised:
        safe_extract(archive, str(target))
    assert raised.value.reason == "unsafe_archive"
    # Nothing written anywhere: not the good member, not the evil one.
    assert listing(tmp_path) == ["bad.zip"]
    assert not os.path.exists("/tmp/evil_abs")


def test_symlink_member_rejected(tmp_path):
    info = zipfile.ZipInfo("link")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    archive = make_zip(tmp_path / "link.zip", [(info, "/etc/passwd")])
    with pytest.raises(ReplyError, match="link") as raised:
        safe_extract(archive, str(tmp_path / "out"))
    assert raised.value.reason == "unsafe_archive"
    assert not os.path.lexists(tmp_path / "out" / "link")


def test_size_limit_checked_on_real_content(tmp_path):
    archive = make_zip(tmp_path / "big.zip", [("a.bin", b"0" * 5000), ("b.bin", b"0" * 5000)])
    with pytest.raises(ReplyError, match="too large") as raised:
        safe_extract(archive, str(tmp_path / "out"), max_bytes=6000)
    assert raised.value.reason == "unsafe_archive"
    assert listing(tmp_path / "out") == []


def test_not_a_zip(tmp_path):
    path = tmp_path / "x.zip"
    path.write_bytes(b"<html>not found</html>")
    with pytest.raises(ReplyError) as raised:
        safe_extract(str(path), str(tmp_path / "out"))
    assert raised.value.reason == "unsafe_archive"
