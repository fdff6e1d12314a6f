"""Zip extraction where no member can land outside the target folder.

Downloaded archives are untrusted: a member named `../../evil`, `/etc/x` or `C:\\x`, or a symbolic
link, could write anywhere the user can. Every member is checked before the first byte is written,
so a bad archive leaves nothing behind; sizes are checked while writing, because the sizes an archive
declares can lie (zip bombs).
"""

from __future__ import annotations

import os
import shutil
import stat
import zipfile

from qgis.core import QgsFeedback

from ..toolbelt.errors import Cancelled, ReplyError
from ..toolbelt.i18n import tr

DEFAULT_MAX_BYTES = 8 * 1024**3  # uncompressed total accepted from one archive
DEFAULT_MAX_MEMBERS = 20000
CHUNK = 1024 * 1024


def unsafe(message: str) -> ReplyError:
    """The archive holds a member that would escape the target folder, or is too big to extract."""
    return ReplyError(message, reason="unsafe_archive")


def _member_parts(name: str) -> list:
    """The path components of a member name, or raise if the name points outside the folder."""
    normalized = name.replace("\\", "/")
    if normalized.startswith("/") or (len(normalized) > 1 and normalized[1] == ":"):
        raise unsafe(tr("The archive holds an absolute path") + f": {name}")
    parts = [part for part in normalized.split("/") if part not in ("", ".")]
    if any(part == ".." for part in parts):
        raise unsafe(tr("The archive holds a path leaving its folder") + f": {name}")
    if any("\0" in part for part in parts):
        raise unsafe(tr("The archive holds an invalid member name") + f": {name!r}")
    return parts


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def check_archive(
    archive: zipfile.ZipFile,
    target: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_members: int = DEFAULT_MAX_MEMBERS,
) -> list:
    """Return [(ZipInfo, destination path)] for every member, or raise ReplyError ("unsafe_archive")."""
    infos = archive.infolist()
    if len(infos) > max_members:
        raise unsafe(tr("The archive holds too many files") + f": {len(infos)}")
    root = os.path.realpath(target)
    plan = []
    declared = 0
    for info in infos:
        parts = _member_parts(info.filename)
        if _is_symlink(info):
            raise unsafe(tr("The archive holds a symbolic link") + f": {info.filename}")
        if info.flag_bits & 0x1:
            raise unsafe(tr("The archive holds an encrypted file") + f": {info.filename}")
        if not parts:
            continue
        destination = os.path.realpath(os.path.join(root, *parts))
        if os.path.commonpath([root, destination]) != root:
            raise unsafe(tr("The archive holds a path leaving its folder") + f": {info.filename}")
        declared += info.file_size
        if declared > max_bytes:
            raise unsafe(tr("The archive is too large once extracted") + f": > {max_bytes} bytes")
        plan.append((info, destination))
    return plan


def safe_extract(
    zip_path: str,
    target: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_members: int = DEFAULT_MAX_MEMBERS,
    feedback: QgsFeedback | None = None,
) -> list:
    """Extract `zip_path` into `target` (created if needed) and return the extracted file paths.

    Raises ReplyError ("unsafe_archive") before writing anything when a member is absolute, climbs out with
    `..`, is a symbolic link or is encrypted; raises it while writing (and removes what was written)
    when the real content exceeds `max_bytes`."""
    try:
        archive = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError) as error:
        raise unsafe(tr("The file is not a readable zip archive") + f": {error}") from None
    with archive:
        os.makedirs(target, exist_ok=True)
        plan = check_archive(archive, target, max_bytes, max_members)
        written = []
        try:
            _extract(archive, plan, written, max_bytes, feedback)
        except (ReplyError, Cancelled, zipfile.BadZipFile, OSError, RuntimeError) as error:
            for path in written:
                if os.path.exists(path):
                    os.remove(path)
            if isinstance(error, (ReplyError, Cancelled)):
                raise
            raise unsafe(tr("The archive could not be extracted") + f": {error}") from None
    return written


def _extract(archive: zipfile.ZipFile, plan: list, written: list, max_bytes: int, feedback=None) -> None:
    """Write the checked members, adding each file to `written` as it is created (the caller removes them
    on failure); the total written is capped at `max_bytes`, whatever the archive declares."""
    total = 0
    for index, (info, destination) in enumerate(plan):
        if feedback is not None and feedback.isCanceled():
            raise Cancelled()
        if info.is_dir():
            os.makedirs(destination, exist_ok=True)
            continue
        os.makedirs(os.path.dirname(destination), exist_ok=True)
        # O_EXCL: never follow a link or overwrite a file that appeared meanwhile.
        handle = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        written.append(destination)
        with archive.open(info) as source, os.fdopen(handle, "wb") as out:
            total = _copy(source, out, total, max_bytes)
        if feedback is not None:
            feedback.setProgress(100.0 * (index + 1) / len(plan))


def _copy(source, out, total: int, max_bytes: int) -> int:
    """Copy one member in chunks; returns the archive's running total, unsafe past `max_bytes`."""
    while True:
        chunk = source.read(CHUNK)
        if not chunk:
            return total
        total += len(chunk)
        if total > max_bytes:
            raise unsafe(tr("The archive is too large once extracted") + f": > {max_bytes} bytes")
        out.write(chunk)


def remove_tree(folder: str) -> None:
    shutil.rmtree(folder, ignore_errors=True)
