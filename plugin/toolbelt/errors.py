"""The plugin's one error vocabulary: a root and four kinds, in this one module.

Every failure the plugin raises on purpose is one of these, so that a caller (a Processing algorithm,
a dock panel, the territory load) handles them in one way: `Cancelled` ends quietly, any other
`OpenTerritoryError` becomes one message for the user, and anything else is a bug (logged with its
traceback, shown as one sentence).

`str(error)` is that message: one sentence, in the user's language, naming the source (service,
portal, file or database) and the cause, with no secret in it (URLs pass through `redact` before they
are put in a message). Specific facts a caller may act on travel as attributes, not as subclasses:
`status` (an HTTP status), `url`, `source`, `payload` (a decoded JSON error body), `reason` (a short
machine-readable key such as "timeout", "stall", "too_large", "offline", "redirect").
The message and the URL pass through `redaction.redact_text` here, whoever raises: no key reaches a
user, a log or a Processing report through an error.
"""

from __future__ import annotations

from .redaction import redact_text


class OpenTerritoryError(Exception):
    """Root of the plugin's errors: a failure the user can understand and act on."""

    def __init__(self, message: str, *, source: str = "", url: str = "", status=None, reason: str = "", payload=None):
        message = redact_text(message)
        super().__init__(message)
        self.message = message
        self.source = source
        self.url = redact_text(url)
        self.status = status
        self.reason = reason
        self.payload = payload


class NetworkError(OpenTerritoryError):
    """The server could not be reached or stopped answering: no connection, DNS, TLS, a timeout, a stall,
    a reply cut before its end, a refused redirect, offline mode without a cached reply."""


class ReplyError(OpenTerritoryError):
    """A server answered, but not with usable data: an HTTP error status, a web page instead of data,
    a body that does not parse (JSON, XML, CSV, GeoJSON...), a reply larger than the size limit,
    coordinates that cannot be right."""


class InputError(OpenTerritoryError):
    """What the user gave cannot be used: a parameter, a profile, a file to import, an output path,
    the register's content."""


class Cancelled(OpenTerritoryError):  # noqa: N818 - a cancellation, not an error
    """The user cancelled. Callers end quietly and leave what was on disk as it was."""

    def __init__(self, message: str = "", **kwargs):
        if not message:
            from .i18n import tr

            message = tr("Cancelled")
        super().__init__(message, **kwargs)
