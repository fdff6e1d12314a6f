"""What a folder holds, byte for byte: for tests that a failed write changed nothing on disk."""

import hashlib
import os


def digest(folder) -> dict:
    """Every file of `folder` with the SHA-256 of its bytes."""
    found = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as handle:
            found[name] = hashlib.sha256(handle.read()).hexdigest()
    return found
