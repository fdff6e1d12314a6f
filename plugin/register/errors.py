"""The register's error types: a translated message naming the file, line, column or database."""

from __future__ import annotations


class RegisterError(Exception):
    """Something about the register or its input is wrong; the message says what, for the user."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


class RowError(Exception):
    """One row of a file being imported cannot be imported; the message says why. An invalid row stops
    the whole import (ImportRejectedError lists them all); a row whose address the BAN does not find is
    left out and reported, the others imported."""
