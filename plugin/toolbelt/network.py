"""The plugin's one network transport, over QGIS's own network stack.

Every request goes through QgsNetworkAccessManager, so the user's proxy, SSL exceptions and
authentication configurations apply. The transport adds what every source needs: a User-Agent naming
the plugin, its own timeouts (download.py: a first-byte timeout, a stall timeout while the reply streams;
QGIS's global network timeout is taken off its replies, so that it never fires first), a size limit,
retries only for what a retry can fix (busy servers honouring Retry-After, a dropped or cut connection),
a few hops of redirects at most, checks of the body before it is kept (reply_checks.py), politeness (at
most two requests at once per server, host_slots.py), cancellation through a QgsFeedback within a tick,
the progress as a text ("data.example.fr: 3.2 MB"), replies streamed to disk (never whole in memory), a
disk cache keyed by URL and parameters (pruned, see cache.py), and an offline mode that answers from that
cache alone. A request carrying credentials (an authcfg, an Authorization or key header) follows
redirects on its own origin only. Secrets in URLs never reach a message, the log or the cache
(redaction.py).

It blocks the calling thread with a local event loop: call it from a QgsTask, a Processing algorithm or a
worker thread (the territory load runs several, each with its own loop), never from a GUI slot.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsNetworkAccessManager
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QByteArray, QEventLoop, QTimer, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from . import reply_checks, safe_json
from .cache import ReplyCache, cache_key, prune_once
from .download import CANCELLED, NBSP, NO_ANSWER, TOO_LARGE, Download, human_size
from .errors import Cancelled, InputError, NetworkError, OpenTerritoryError, ReplyError
from .host_slots import host_slot
from .i18n import colon, tr
from .logger import log
from .metadata import metadata, plugin_version
from .redaction import host_of, redact
from .settings import load_settings

READ_BUFFER_BYTES = 16 * 1024 * 1024
TICK_MS = 50  # how often a download is drained to disk and checked for cancellation, stalls and size
RETRY_STATUSES = (429, 502, 503, 504)
# Network failures worth another try: the server or a proxy dropped us, not a wrong URL.
RETRY_ERRORS = (
    QNetworkReply.RemoteHostClosedError,
    QNetworkReply.TemporaryNetworkFailureError,
    QNetworkReply.NetworkSessionFailedError,
    QNetworkReply.ProxyConnectionClosedError,
    QNetworkReply.UnknownNetworkError,
)
# Transport failures a retry can fix: a connection dropped or cut before its end. Not a stall: a server
# that said nothing for a minute is down or overloaded, and asking again only doubles the user's wait
# (the territory load also stops asking a host that did not answer); not a reply too large, a redirect
# loop, a damaged or empty body: the same request gets the same answer.
RETRY_REASONS = ("dropped", "incomplete")
MAX_RETRY_WAIT = 60  # seconds: a server asking for longer is reported, not waited for
RETRY_BUDGET = 60  # seconds of waiting between tries, in all, for one request
MAX_REDIRECTS = 8  # hops: more is a loop (Qt's own limit, 50, took minutes with the retries)
# Request headers that carry credentials: such a request is never redirected to another origin.
CREDENTIAL_HEADER = re.compile(r"^(authorization|proxy-authorization|cookie)$|key|token|secret", re.IGNORECASE)


def base_url(url: str, markers: tuple = ("/api/",)) -> str:
    """A service's base URL from whatever a user pasted: a bare host gets https://, and the path stops before
    the first of `markers` (an API or page path), without a trailing slash. "" for a blank text."""
    url = (url or "").strip()
    if not url:
        return ""
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    path = parts.path
    for marker in markers:
        position = path.find(marker)
        if position >= 0:
            path = path[:position]
    return f"{parts.scheme}://{parts.netloc}{path}".rstrip("/")


def user_agent() -> str:
    product = metadata()["name"].replace(" ", "")  # a product token has no space
    homepage = metadata().get("homepage", "")  # the project has no public site yet: then no contact URL
    return f"{product}/{plugin_version()} (QGIS plugin" + (f"; +{homepage})" if homepage else ")")


# QgsNetworkAccessManager writes its own User-Agent over the request's; a request preprocessor runs
# after that, so the plugin's requests are marked and renamed there. Installed once per process.
MARK_HEADER = b"X-Open-Territory"
_preprocessor_id = None


def _name_plugin_requests(request):
    if request.hasRawHeader(MARK_HEADER):
        request.setRawHeader(b"User-Agent", request.rawHeader(b"User-Agent") + b" " + user_agent().encode())


def install_request_preprocessor() -> None:
    global _preprocessor_id
    if _preprocessor_id is None:
        _preprocessor_id = QgsNetworkAccessManager.setRequestPreprocessor(_name_plugin_requests)


def remove_request_preprocessor() -> None:
    global _preprocessor_id
    if _preprocessor_id is not None:
        QgsNetworkAccessManager.removeRequestPreprocessor(_preprocessor_id)
        _preprocessor_id = None


# ---------------------------------------------------------------------------------------------
# Errors: the kinds of toolbelt/errors.py. Each message says what went wrong in the user's language,
# naming the server, and ends with the (redacted) URL; `detail` holds the same text without the URL, for
# a caller that names the service itself. `reason` says which failure it was:
#   NetworkError  "stall" (no answer within the first-byte timeout, or the reply stopped coming),
#                 "unreachable", "broken" (the connection broke), "dropped" (the server or a proxy dropped
#                 it: worth another try), "incomplete" (the reply was cut before its announced length),
#                 "offline" (offline mode, not in the cache), "redirect" (a redirect refused),
#                 "redirect_loop" (too many redirects), "disk" (the reply could not be written)
#   ReplyError    "http" (an HTTP error status: `status`, `payload` the decoded JSON body, `body` and
#                 `headers`), "content" (a web page or invalid JSON where JSON was expected), "empty" (no
#                 body), "encoding" (not UTF-8 where JSON was expected), "entities" (XML declaring
#                 entities), "corrupt" (compressed data that does not inflate), "too_large" (over the size
#                 limit of the settings)
#   InputError    "auth" (the authentication configuration cannot be used)
#   Cancelled     "cancelled"


def transport_error(kind: type, url: str, message: str, reason: str, **facts) -> OpenTerritoryError:
    """An error of `kind` (a class of toolbelt/errors.py) about `url`, as the transport raises them."""
    shown = redact(url)
    error = kind(f"{message} ({shown})", url=shown, reason=reason, **facts)
    error.detail = message
    return error


def cancelled_download(url: str) -> Cancelled:
    return transport_error(Cancelled, url, tr("The download was cancelled"), "cancelled")


def redirect_refused(url: str, target: str, credentials: bool) -> NetworkError:
    """A redirect not followed: to another origin while the request carries credentials (so the key stays
    home), or from https to http."""
    if credentials:
        text = tr(
            "Redirect to another site refused: the request carries an API key or an authentication "
            "configuration, which is only sent to the site it was given for"
        )
    else:
        text = tr("Redirect from a secure (https) address to an insecure (http) one refused")
    return transport_error(NetworkError, url, text + f": {redact(target)}", "redirect")


def download_write_error(url: str, error: OSError, folder: str) -> NetworkError:
    """The reply could not be written to disk (a full disk, a read-only cache folder)."""
    reason = error.strerror or str(error)
    return transport_error(
        NetworkError, url, tr("The download could not be written to disk") + f" ({folder}): {reason}", "disk"
    )


def http_error(url: str, status: int, body: bytes, reason: str = "", headers: dict | None = None) -> ReplyError:
    """An HTTP error status; `payload` holds the decoded JSON body when the server sent one, `body` the
    first 20,000 bytes, `headers` the reply's headers (lower-case names)."""
    body = body[:20000]
    payload = None
    try:
        payload = safe_json.loads(body)
    except ReplyError:  # not JSON (a web page), or nested absurdly: no payload
        pass
    detail = server_message(payload) or reason
    text = tr("The server answered with an error") + f" HTTP {status}"
    if detail:
        text += f": {detail}"
    error = transport_error(ReplyError, url, text, "http", status=status, payload=payload)
    error.body = body
    error.headers = headers or {}
    return error


def seconds_text(seconds: float) -> str:
    """A limit in seconds as written in a message: "60", "0.5"."""
    return f"{seconds:g}"


def stopped_error(download: Download, url: str) -> OpenTerritoryError:
    """The error of a download the transport stopped: no answer, a stall, a reply over the size limit."""
    host = download.host
    if download.stopped == CANCELLED:
        return cancelled_download(url)
    if download.stopped == TOO_LARGE:
        limit = human_size(download.max_bytes)
        size = (
            tr("it announces {size}").format(size=human_size(download.announced))
            if download.announced and download.announced > download.max_bytes
            else tr("more than {size} received").format(size=limit)
        )
        text = tr(
            "The reply from {host} is larger than the size limit of {limit} ({size}); the limit is the "
            "'Largest download' of Settings › Options › Open Territory"
        ).format(host=host, limit=limit, size=size)
        return transport_error(ReplyError, url, text, "too_large")
    if download.stopped == NO_ANSWER:
        text = tr("No answer from {host} in {seconds} s: the server is down or overloaded, try again later").format(
            host=host, seconds=seconds_text(download.first_byte)
        )
        error = transport_error(NetworkError, url, text, "stall")
        error.phase = "answer"  # a stall before the first byte, not in the middle of the reply
        return error
    text = tr("{host} stopped sending: almost nothing came in {seconds} s ({size} received)").format(
        host=host, seconds=seconds_text(download.stall), size=human_size(download.received) or f"0{NBSP}{tr('B')}"
    )
    error = transport_error(NetworkError, url, text, "stall")
    error.phase = "transfer"
    return error


def silent_host_error(host: str, url: str) -> NetworkError:
    """A host that stalled earlier in the same job is not asked again."""
    text = tr("{host} was not asked: it stopped answering an earlier request of this load").format(host=host)
    return transport_error(NetworkError, url, text, "stall")


def qgis_timeout_error(host: str, url: str) -> NetworkError:
    """QGIS's own network timeout fired (the transport takes it off its replies; another QGIS version may
    keep it elsewhere): a stall, named as such."""
    text = tr("No answer from {host} within QGIS's network timeout (Settings › Options › Network › Timeout)").format(
        host=host
    )
    return transport_error(NetworkError, url, text, "stall")


def redirect_loop_error(url: str) -> NetworkError:
    text = tr("Too many redirects from {host} (more than {hops}): the address loops").format(
        host=host_of(url), hops=MAX_REDIRECTS
    )
    return transport_error(NetworkError, url, text, "redirect_loop")


def corrupt_error(url: str, encoding: str) -> ReplyError:
    text = tr("The reply from {host} is damaged: its compressed data ({encoding}) cannot be read").format(
        host=host_of(url), encoding=encoding or "gzip"
    )
    return transport_error(ReplyError, url, text, "corrupt")


def refused_reply_error(url: str, reason: str, detail: str) -> ReplyError:
    """A complete reply refused by reply_checks: empty, a web page, not UTF-8, declaring XML entities."""
    host = host_of(url)
    if reason == reply_checks.EMPTY:
        text = tr("{host} sent an empty reply").format(host=host)
    elif reason == reply_checks.WEB_PAGE:
        text = tr("{host} answered with a web page instead of data (JSON expected)").format(host=host)
    elif reason == reply_checks.ENCODING:
        text = tr("The reply from {host} is not valid UTF-8 text (byte {position})").format(host=host, position=detail)
    else:
        text = tr(
            "The reply from {host} declares XML entities, which a data service never sends: refused, as it "
            "could expand to gigabytes"
        ).format(host=host)
    return transport_error(ReplyError, url, text, reason)


def network_error_text(error: int, qt_text: str) -> str:
    """The common QNetworkReply errors said in the user's language (Qt's own strings stay in English in a French
    QGIS); Qt's text for the others."""
    texts = {
        QNetworkReply.ConnectionRefusedError: tr("the server refused the connection"),
        QNetworkReply.RemoteHostClosedError: tr("the server closed the connection"),
        QNetworkReply.HostNotFoundError: tr("the server's name was not found (no network, or a wrong address)"),
        QNetworkReply.TimeoutError: tr("the connection timed out"),
        QNetworkReply.SslHandshakeFailedError: tr("the secure connection (TLS) could not be established"),
        QNetworkReply.TemporaryNetworkFailureError: tr("the network connection was lost"),
        QNetworkReply.NetworkSessionFailedError: tr("the network connection was lost"),
        QNetworkReply.ProxyConnectionRefusedError: tr("the proxy refused the connection (QGIS's proxy settings)"),
        QNetworkReply.ProxyConnectionClosedError: tr("the proxy closed the connection (QGIS's proxy settings)"),
        QNetworkReply.ProxyNotFoundError: tr("the proxy was not found (QGIS's proxy settings)"),
        QNetworkReply.ProxyTimeoutError: tr("the proxy did not answer in time (QGIS's proxy settings)"),
        QNetworkReply.ProxyAuthenticationRequiredError: tr("the proxy asks for a login (QGIS's proxy settings)"),
    }
    return texts.get(error, qt_text)


@dataclass
class ReplyFacts:
    """What a finished QNetworkReply said, read before the reply is deleted."""

    status: object  # the HTTP status, None when no server answered
    headers: dict
    error: int
    error_string: str
    reason: str
    credentials: bool  # the request carried credentials (for the message of a refused redirect)

    @classmethod
    def of(cls, reply: QNetworkReply, credentials: bool) -> ReplyFacts:
        headers = {bytes(k).decode("latin-1").lower(): bytes(v).decode("latin-1") for k, v in reply.rawHeaderPairs()}
        return cls(
            reply.attribute(QNetworkRequest.HttpStatusCodeAttribute),
            headers,
            reply.error(),
            reply.errorString(),
            reply.attribute(QNetworkRequest.HttpReasonPhraseAttribute) or "",
            credentials,
        )


def server_message(payload: object) -> str:
    """The human part of a JSON error body, whatever the portal's shape."""
    if not isinstance(payload, dict):
        return ""
    text = ""
    for key in ("message", "error", "detail", "remark", "title"):
        value = payload.get(key)
        if isinstance(value, str) and value.strip():
            text = value.strip()
            break
    # Opendatasoft's quota reply: {"errorcode": 10002, "reset_time", "call_limit", "limit_time_unit"}
    if payload.get("reset_time"):
        limit = payload.get("call_limit")
        unit = payload.get("limit_time_unit")
        if limit is not None:
            text += " (" + tr("quota") + f": {limit}" + (f"/{unit}" if unit else "") + ")"
        text += " " + tr("The quota resets at") + f" {payload['reset_time']}"
    return text.strip()


def quota_reset_seconds(payload: object) -> int | None:
    """Seconds until an Opendatasoft quota reply's `reset_time`, or None when there is none."""
    if not isinstance(payload, dict) or not isinstance(payload.get("reset_time"), str):
        return None
    try:
        when = datetime.datetime.fromisoformat(payload["reset_time"].strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.timezone.utc)
    return max(0, int(when.timestamp() - time.time()) + 1)


def authorization_from_authcfg(authcfg: str, scheme: str) -> str:
    """The `Authorization` header value `<scheme> <key>` read from a QGIS authentication configuration.

    QGIS 3.22 has no API-header method, so a Basic configuration whose password is the key is
    accepted (the user name is ignored); an "APIHeader" configuration of later QGIS versions is read
    too. The key is returned to be put in a header, never logged."""
    config = QgsAuthMethodConfig()
    manager = QgsApplication.authManager()
    if not authcfg or not manager.loadAuthenticationConfig(authcfg, config, True) or not config.id():
        raise InputError(tr("The authentication configuration could not be read") + f": {authcfg}", reason="auth")
    values = config.configMap()
    key = ""
    if config.method() == "Basic":
        key = values.get("password", "")
    elif config.method() == "APIHeader":
        for name, value in values.items():
            if name.lower() == "authorization" and value.lower().startswith(scheme.lower() + " "):
                return value
            if name.lower() in ("authorization", "apikey", "api_key", "api-key", "key"):
                key = value
                break
    else:
        raise InputError(
            tr("This kind of authentication configuration cannot carry an API key")
            + f": {authcfg} ({config.method()})",
            reason="auth",
        )
    if not key:
        raise InputError(tr("The authentication configuration holds no API key") + f": {authcfg}", reason="auth")
    return f"{scheme} {key}"


# ---------------------------------------------------------------------------------------------


@dataclass
class Response:
    url: str
    status: int
    headers: dict
    path: str
    from_cache: bool = False
    elapsed: float = 0.0
    _content: bytes = field(default=None, repr=False)

    @property
    def content(self) -> bytes:
        if self._content is None:
            with open(self.path, "rb") as handle:
                self._content = handle.read()
        return self._content

    @property
    def size(self) -> int:
        return os.path.getsize(self.path)

    def header(self, name: str, default: str = "") -> str:
        return self.headers.get(name.lower(), default)

    def text(self) -> str:
        charset = re.search(r"charset=([\w-]+)", self.header("content-type"))
        encoding = charset.group(1) if charset else "utf-8"
        data = self.content
        if data.startswith(b"\xef\xbb\xbf"):
            data, encoding = data[3:], "utf-8"
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            return data.decode("utf-8", "replace")

    def json(self) -> object:
        """The reply's JSON value (toolbelt/safe_json.py: absurd nesting is refused, never a RecursionError)."""
        try:
            return safe_json.loads(self.text())
        except ReplyError as error:
            reason = "content" if error.reason == "json" else error.reason
            raise transport_error(ReplyError, self.url, error.message, reason) from None


def multipart_form(fields: list, files: list) -> tuple:
    """(body, content type) of a multipart/form-data POST: `fields` [(name, text)], `files` [(name, file name,
    bytes, content type)], as a batch endpoint takes an upload (the BAN's /search/csv/). The boundary is made
    from the content, so the same form is the same request (and the same cache entry) every time."""
    parts = [(name, None, str(value).encode("utf-8"), None) for name, value in fields] + list(files)
    digest = hashlib.sha256(b"".join(content for _name, _file, content, _type in parts)).hexdigest()
    boundary = f"OpenTerritory{digest[:32]}"
    chunks = []
    for name, filename, content, content_type in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        head = f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
        if content_type:
            head += f"Content-Type: {content_type}\r\n"
        chunks += [head.encode("utf-8"), b"\r\n", content, b"\r\n"]
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


looks_like_html = reply_checks.looks_like_html


def retry_after_seconds(value: str) -> int | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return int(value)
    import email.utils  # rare (most servers send seconds); kept off the plugin's start-up path

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0, int(when.timestamp() - time.time()))


def _delete_at_once(qt_object) -> None:
    """Delete a Qt object of the transport (a finished reply, its timer) at once, its wrapper with it.

    PyQt learns that a Qt object made in a worker thread is destroyed through a queued signal that the main
    thread handles later: by then Qt may have put the next object at the same address, and PyQt marked that
    live one as deleted ("wrapped C/C++ object of type QNetworkReply has been deleted" half-way through a
    download, or QGIS aborted, about one download in a hundred in a task). With the signal cut, the object
    is deleted here."""
    try:
        qt_object.destroyed.disconnect()
    except TypeError:  # nothing was connected (the main thread's objects)
        pass
    sip.delete(qt_object)


def content_length(reply) -> int | None:
    """The length a reply announces (Content-Length), None when it does not say."""
    value = reply.header(QNetworkRequest.ContentLengthHeader)
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def set_progress_text(feedback, text: str) -> None:
    """The text beside the progress bar: a Processing feedback has one (the dock's tasks forward it to the
    panel, plugin/toolbelt/tasks.py); a plain QgsFeedback has none."""
    method = getattr(feedback, "setProgressText", None)
    if method is not None:
        method(text)


def drop_qgis_timeout(reply) -> None:
    """Take QGIS's own network timeout off a reply, so that the transport's timeouts are the ones that apply.

    QgsNetworkAccessManager gives every reply a single-shot timer (QGIS's "Network/Timeout" setting, 60 s by
    default) that aborts it, restarted only when bytes arrive: it cut Overpass queries longer than a
    minute whatever their TIMEOUT, and its abort looked like a cut connection, retried four times. The
    timer is a child of the reply named "timeoutTimer" (QGIS 3.22); deleting it takes its connections
    with it. Should a QGIS version keep it elsewhere, the abort is still reported as a stall (_finish)."""
    timer = reply.findChild(QTimer, "timeoutTimer")
    if timer is not None:
        timer.stop()
        _delete_at_once(timer)


class Transport:
    """One transport per job: it carries the job's feedback (progress, cancel), its credentials, its cache
    policy and its limits (first-byte and stall timeouts in seconds, the size limit in bytes, 0: none).

    `auth_scheme` (e.g. "Apikey") sends the authcfg's key as `Authorization: <scheme> <key>` instead of
    letting the QGIS authentication method sign the request (see authorization_from_authcfg).
    `silent_hosts`, a set shared by the transports of one load, holds the hosts that stalled (no answer, or
    a reply that stopped coming): they are not asked again in that load (a dead portal costs one timeout,
    not one per dataset or per address)."""

    def __init__(
        self,
        feedback=None,
        authcfg: str = "",
        cache_dir: str = None,
        offline: bool = None,
        timeout: float = None,
        retries: int = None,
        settings=None,
        auth_scheme: str = "",
        stall_timeout: float = None,
        max_bytes: int = None,
    ):
        settings = settings or load_settings()
        self.feedback = feedback
        self.authcfg = authcfg or ""
        self.auth_scheme = auth_scheme or ""
        self.cache = ReplyCache(cache_dir or settings.effective_cache_dir())
        self.offline = settings.offline if offline is None else offline
        self.timeout = timeout or settings.network_timeout
        self.stall_timeout = stall_timeout or settings.network_stall_timeout
        self.max_bytes = max(0, settings.max_download_mb) * 1024 * 1024 if max_bytes is None else max_bytes
        self.retries = settings.network_retries if retries is None else retries
        self.cache_keep_seconds = max(0, settings.cache_keep_days) * 86400
        self.cache_max_bytes = max(0, settings.cache_max_mb) * 1024 * 1024
        self.backoff = 1.0  # first wait in seconds when the server gives no Retry-After
        self.silent_hosts = None

    # -- public API -----------------------------------------------------------------------------

    def get(
        self,
        url: str,
        params: dict | None = None,
        headers: dict | None = None,
        max_age: int = 0,
        expect: str | None = None,
        timeout: float | None = None,
        progress: bool = True,
        stall_timeout: float | None = None,
    ) -> Response:
        return self.request(
            "GET",
            url,
            params=params,
            headers=headers,
            max_age=max_age,
            expect=expect,
            timeout=timeout,
            progress=progress,
            stall_timeout=stall_timeout,
        )

    def head(
        self, url: str, params: dict | None = None, headers: dict | None = None, timeout: float | None = None
    ) -> Response:
        """Headers only, to learn a size before a download."""
        return self.request("HEAD", url, params=params, headers=headers, timeout=timeout, progress=False)

    def post(
        self,
        url: str,
        data: object = None,
        params: dict | None = None,
        headers: dict | None = None,
        max_age: int = 0,
        expect: str | None = None,
        timeout: float | None = None,
        progress: bool = True,
        stall_timeout: float | None = None,
    ) -> Response:
        return self.request(
            "POST",
            url,
            params=params,
            data=data,
            headers=headers,
            max_age=max_age,
            expect=expect,
            timeout=timeout,
            progress=progress,
            stall_timeout=stall_timeout,
        )

    def request(
        self,
        method: str,
        url: str,
        params: dict | None = None,
        data: object = None,
        headers: dict | None = None,
        max_age: int = 0,
        expect: str | None = None,
        timeout: float | None = None,
        progress: bool = True,
        stall_timeout: float | None = None,
    ) -> Response:
        """Fetch `url` and return the reply stored on disk.

        max_age: seconds a cached reply may be served without asking the server (0: always ask).
        expect: "json" to refuse web pages and bodies that are not UTF-8 served with status 200.
        timeout: seconds the server may take to start answering (default: the settings' first-byte
        timeout); stall_timeout: seconds the reply may pause once it streams (default: the settings').
        progress: report the share received on the feedback's progress bar (the text is always reported).
        """
        full_url = self.full_url(url, params)
        key = cache_key(method, url, params, data, self.authcfg)
        cached = self._from_cache(method, key, full_url, max_age)
        if cached is not None:
            return self._check_cached(cached, expect)
        limits = (timeout or self.timeout, stall_timeout or self.stall_timeout)
        attempt, waited = 0, 0.0
        while True:
            self._raise_if_cancelled(full_url)
            try:
                return self._fetch(method, full_url, data, headers or {}, limits, key, progress, expect)
            except (NetworkError, ReplyError) as error:
                wait = self._retry_wait(error, attempt, waited)
                if wait is None:
                    raise
            attempt += 1
            waited += wait
            log(f"{method} {redact(full_url)}: retry {attempt}/{self.retries} in {wait:.0f} s", "warning")
            self._sleep(wait, full_url)

    def cached(self, url: str, params: dict | None = None, max_age: int = 0) -> Response | None:
        """The cached reply a GET of `url` with `params` would be answered with without asking the server (any
        age offline, one younger than `max_age` seconds otherwise), or None: for a caller that asks for many
        replies in one batch request what it does not have yet."""
        entry = self.cache.get(cache_key("GET", url, params, None, self.authcfg))
        if not self._answers(entry, max_age):
            return None
        return Response(self.full_url(url, params), entry.status, entry.headers, entry.body_path, from_cache=True)

    def remember(self, url: str, params: dict | None, content: bytes, headers: dict | None = None) -> None:
        """Keep `content` in the cache as the reply to a GET of `url` with `params`, as if it had been fetched:
        a batch request's answers fill the cache of the single requests they stand for."""
        key = cache_key("GET", url, params, None, self.authcfg)
        self.cache.put_bytes(key, content, self.full_url(url, params), 200, headers or {})

    def _retry_wait(self, error: OpenTerritoryError, attempt: int, waited: float) -> float | None:
        """Seconds to wait before trying `attempt + 1` again after `error`, having waited `waited` seconds
        already; None when the failure is final."""
        if attempt >= self.retries:
            return None
        if isinstance(error, NetworkError):
            # A cut stream or a dropped connection is worth another try; a refused one or a stall is not.
            wait = self.backoff * 2**attempt if error.reason in RETRY_REASONS else None
        elif error.reason == "http" and error.status in RETRY_STATUSES:
            wait = self._server_wait(error, attempt)
        else:
            wait = None
        if wait is None or wait > MAX_RETRY_WAIT or waited + wait > RETRY_BUDGET:
            return None
        return wait

    def _server_wait(self, error: ReplyError, attempt: int) -> float:
        """How long a busy server asks to wait: its Retry-After, an Opendatasoft quota's reset (waited for
        when soon, reported at once when far: a daily quota), else the back-off."""
        wait = retry_after_seconds(error.headers.get("retry-after", ""))
        if wait is None:
            wait = quota_reset_seconds(error.payload)
        return self.backoff * 2**attempt if wait is None else wait

    # -- internals ------------------------------------------------------------------------------

    @staticmethod
    def full_url(url: str, params: dict | None = None) -> str:
        if not params:
            return url
        separator = "&" if urlsplit(url).query else "?"
        return url + separator + urlencode(params, doseq=True)

    def _from_cache(self, method, key, full_url, max_age):
        """The cached reply that answers without asking the server: any, offline (NetworkError "offline"
        when there is none); one younger than `max_age` seconds otherwise. None: ask the server."""
        entry = self.cache.get(key)
        if self.offline and entry is None:
            raise transport_error(NetworkError, full_url, tr("Offline mode: this reply is not in the cache"), "offline")
        if not self._answers(entry, max_age):
            return None
        if self.offline:
            log(f"offline: {method} {redact(full_url)} served from the cache")
        return Response(full_url, entry.status, entry.headers, entry.body_path, from_cache=True)

    def _answers(self, entry, max_age: int) -> bool:
        """Whether a cache entry answers without asking the server: any entry offline, one younger than
        `max_age` seconds otherwise."""
        return entry is not None and (self.offline or bool(max_age and entry.age() <= max_age))

    @staticmethod
    def _check_cached(response: Response, expect):
        """A cached reply was checked when it was stored; a web page is refused again for a JSON request (a
        cache filled by an older version, or by a request that expected no JSON)."""
        head = reply_checks.read_head(response.path, 512)
        if expect == "json" and looks_like_html(head, response.header("content-type")):
            raise refused_reply_error(response.url, reply_checks.WEB_PAGE, "")
        return response

    def _raise_if_cancelled(self, url):
        if self.feedback is not None and self.feedback.isCanceled():
            raise cancelled_download(url)

    def _sleep(self, seconds, url):
        deadline = time.monotonic() + seconds
        loop = QEventLoop()
        while time.monotonic() < deadline:
            self._raise_if_cancelled(url)
            left = int(deadline - time.monotonic()) + 1
            self._say(tr("{host}: busy, next try in {seconds} s").format(host=host_of(url), seconds=left))
            QTimer.singleShot(min(100, int((deadline - time.monotonic()) * 1000) + 1), loop.quit)
            loop.exec_()
        self._raise_if_cancelled(url)

    def _say(self, text: str) -> None:
        if self.feedback is not None and text:
            set_progress_text(self.feedback, text)

    def _build_request(self, url, headers) -> QNetworkRequest:
        install_request_preprocessor()
        request = QNetworkRequest(QUrl(url))
        request.setRawHeader(MARK_HEADER, plugin_version().encode())
        for name, value in headers.items():
            request.setRawHeader(name.encode(), str(value).encode())
        # The transport keeps its own cache; Qt's HTTP cache would replay stale replies (and stall on
        # a URL whose answer changed from 200 to an error).
        request.setAttribute(QNetworkRequest.CacheLoadControlAttribute, QNetworkRequest.AlwaysNetwork)
        request.setAttribute(QNetworkRequest.CacheSaveControlAttribute, False)
        request.setMaximumRedirectsAllowed(MAX_REDIRECTS)
        if self.authcfg and self.auth_scheme:
            try:
                header = authorization_from_authcfg(self.authcfg, self.auth_scheme)
            except InputError as error:
                raise transport_error(InputError, url, str(error), "auth") from None
            request.setRawHeader(b"Authorization", header.encode("utf-8"))
        elif self.authcfg:
            if not QgsApplication.authManager().updateNetworkRequest(request, self.authcfg):
                raise transport_error(
                    InputError,
                    url,
                    tr("The authentication configuration could not be applied") + f": {self.authcfg}",
                    "auth",
                )
        # Qt repeats every raw header, Authorization included, on the redirected request: a request with
        # credentials follows redirects on its own origin (scheme, host, port) only, and _finish reports
        # the refused ones. Anonymous requests follow any redirect that is not a downgrade to http.
        request.setAttribute(
            QNetworkRequest.RedirectPolicyAttribute,
            QNetworkRequest.SameOriginRedirectPolicy
            if self._carries_credentials(request)
            else QNetworkRequest.NoLessSafeRedirectPolicy,
        )
        return request

    def _carries_credentials(self, request: QNetworkRequest) -> bool:
        return bool(self.authcfg) or any(
            CREDENTIAL_HEADER.search(bytes(name).decode("latin-1")) for name in request.rawHeaderList()
        )

    def _prune_cache(self):
        """Old replies go when the transport first writes in a session (offline mode never writes)."""
        try:
            pruned = prune_once(self.cache.folder, self.cache_keep_seconds, self.cache_max_bytes)
        except OSError as error:  # a cache that cannot be pruned must not fail the download
            log(f"cache {self.cache.folder}: not pruned ({error})", "warning")
            return
        if pruned and pruned[0]:
            log(f"cache {self.cache.folder}: {pruned[0]} old replies removed ({pruned[1] // 1024} KiB)")

    @staticmethod
    def _open_part(handle):
        return os.fdopen(handle, "wb")

    @staticmethod
    def _encode(data, headers: dict) -> tuple:
        """(body bytes, headers) of a request: a dict is sent as a form."""
        if isinstance(data, dict):
            return urlencode(data).encode("utf-8"), {"Content-Type": "application/x-www-form-urlencoded", **headers}
        return data, headers

    def _fetch(self, method, url, data, headers, limits, key, progress, expect) -> Response:
        host = host_of(url)
        if self.silent_hosts is not None and host in self.silent_hosts:
            raise silent_host_error(host, url)
        body, headers = self._encode(data, headers)
        request = self._build_request(url, headers)
        os.makedirs(self.cache.folder, exist_ok=True)
        download = Download(host, limits[0], limits[1], self.max_bytes)
        handle, part_path = tempfile.mkstemp(prefix=".download-", suffix=".part", dir=self.cache.folder)
        out = None
        try:
            out = self._open_part(handle)
            with host_slot(host, lambda: self._raise_if_cancelled(url), lambda _waited: self._slot_wait(host)):
                download.started = time.monotonic()  # the clocks run from the request, not from the wait
                facts = self._exchange(method, request, body, out, download, progress)
            if download.error is not None:  # only ever an OSError of the file being written
                raise download_write_error(url, download.error, self.cache.folder)
            return self._finish(facts, method, url, key, part_path, download, expect)
        except NetworkError as error:
            if error.reason == "stall" and self.silent_hosts is not None:
                self.silent_hosts.add(host)
            raise
        finally:
            if out is not None:
                out.close()
            if os.path.exists(part_path):
                os.remove(part_path)

    def _slot_wait(self, host: str) -> None:
        self._say(tr("{host}: waiting for a free connection (two at once per server)").format(host=host))

    def _exchange(self, method, request, body, out, download: Download, progress: bool) -> ReplyFacts:
        """Send the request, stream its reply into `out` (closed at the end), and return what the finished
        reply said."""
        reply = self._send(method, request, body)
        try:
            self._drain(reply, out, download, progress)
            facts = ReplyFacts.of(reply, self._carries_credentials(reply.request()))
        except RuntimeError as error:
            # PyQt marked the live reply deleted (see _delete_at_once: a queued notice about another object that
            # lived at the same address, seldom, under many parallel downloads): the wrapper is unusable, the
            # request is told as a dropped connection, which the retries ask again.
            if "has been deleted" not in str(error):
                raise
            out.close()
            url = request.url().toString()
            log(f"{redact(url)}: the reply's wrapper was lost ({error})", "warning")
            text = tr("The connection to {host} was lost before the reply ended").format(host=download.host)
            raise transport_error(NetworkError, url, text, "dropped") from None
        _delete_at_once(reply)
        # No Python name is left on the reply: an error raised later keeps the frames alive in its traceback
        # (a task's error, a Processing failure).
        return facts

    @staticmethod
    def _send(method: str, request: QNetworkRequest, body):
        manager = QgsNetworkAccessManager.instance()
        if method == "GET":
            reply = manager.get(request)
        elif method == "POST":
            reply = manager.post(request, QByteArray(body or b""))
        elif method == "HEAD":
            reply = manager.head(request)
        else:
            reply = manager.sendCustomRequest(request, method.encode(), QByteArray(body or b""))
        drop_qgis_timeout(reply)
        # Qt stops reading the socket while this much waits to be drained: memory stays flat whatever
        # the size of the download (READ_BUFFER_BYTES per TICK_MS is far beyond any real connection).
        reply.setReadBufferSize(READ_BUFFER_BYTES)
        return reply

    def _drain(self, reply, out, download: Download, progress: bool) -> None:
        """Stream the reply into `out` until it finishes, or stop it when `download` says so (cancelled, no
        answer, a stall, over the size limit) or when `out` cannot be written (`download.error`)."""
        # No Python function is connected to any signal here (an exception escaping a Qt slot makes PyQt
        # abort QGIS): the event loop is left every TICK_MS, a timer whose timeout quits it, or when the
        # reply finishes, and the reply is drained and checked in plain Python in between.
        loop = QEventLoop()
        tick = QTimer()
        tick.setInterval(TICK_MS)
        tick.timeout.connect(loop.quit)
        reply.finished.connect(loop.quit)
        tick.start()
        try:
            while True:
                if download.answered_at is None and reply.attribute(QNetworkRequest.HttpStatusCodeAttribute):
                    download.answered(content_length(reply))
                if reply.bytesAvailable() > 0:
                    chunk = bytes(reply.readAll())
                    out.write(chunk)
                    download.got(len(chunk))
                if reply.isFinished():
                    break
                download.stopped = download.reason_to_stop(self.feedback is not None and self.feedback.isCanceled())
                if download.stopped:
                    reply.abort()
                else:
                    self._report(download, progress)
                    loop.exec_()
        except OSError as error:  # writing to disk: the reply is stopped, the error said after clean-up
            download.error = error
            reply.abort()
        finally:
            tick.stop()
            try:
                out.close()
            except OSError as error:
                download.error = download.error or error
            for qt_object in (loop, tick):
                sip.delete(qt_object)

    def _report(self, download: Download, progress: bool) -> None:
        if self.feedback is None:
            return
        percent = download.percent() if progress else None
        if percent is not None and percent != self.feedback.progress():
            self.feedback.setProgress(percent)
        self._say(download.progress_text())

    def _finish(self, facts, method, url, key, part_path, download: Download, expect) -> Response:
        if download.stopped:
            raise stopped_error(download, url)
        self._raise_for_network_error(facts, url, download)
        status, headers = int(facts.status), facts.headers
        elapsed = time.monotonic() - download.started
        if status >= 400:
            with open(part_path, "rb") as handle:
                body = handle.read(20000)
            log(f"{method} {redact(url)}: HTTP {status} in {elapsed:.1f} s", "warning")
            raise http_error(url, status, body, facts.reason, headers)
        self._raise_if_cut(facts, method, url, download)
        if method != "HEAD" and status != 204:
            refused = reply_checks.refusal(part_path, download.received, headers.get("content-type", ""), expect)
            if refused is not None:
                raise refused_reply_error(url, *refused)
        self._prune_cache()
        entry = self.cache.put_file(key, part_path, url, status, headers, move=True)
        log(f"{method} {redact(url)}: HTTP {status}, {download.received} bytes in {elapsed:.1f} s")
        return Response(url, status, headers, entry.body_path, elapsed=elapsed)

    @staticmethod
    def _raise_for_network_error(facts: ReplyFacts, url: str, download: Download) -> None:
        """The failures Qt reports on a reply the transport did not stop itself."""
        error = facts.error
        if error == QNetworkReply.OperationCanceledError:  # not aborted here: QGIS's own timeout
            raise qgis_timeout_error(download.host, url)
        if error == QNetworkReply.TooManyRedirectsError:
            raise redirect_loop_error(url)
        if facts.status is None:
            raise transport_error(
                NetworkError,
                url,
                tr("Could not reach the server")
                + f" {download.host}"
                + colon()
                + network_error_text(error, facts.error_string),
                "dropped" if error in RETRY_ERRORS else "unreachable",
            )
        if error == QNetworkReply.InsecureRedirectError:
            target = facts.headers.get("location", "")
            raise redirect_refused(
                url, QUrl(url).resolved(QUrl(target)).toString() if target else url, facts.credentials
            )
        encoding = facts.headers.get("content-encoding", "")
        if error == QNetworkReply.ProtocolFailure and encoding and int(facts.status) < 400:
            raise corrupt_error(url, encoding)

    @staticmethod
    def _raise_if_cut(facts: ReplyFacts, method: str, url: str, download: Download) -> None:
        """A reply shorter than it announced, or a connection that broke during the download."""
        headers, error = facts.headers, facts.error
        # A HEAD reply announces the length of a body it never sends.
        expected = headers.get("content-length") if method != "HEAD" else None
        announced = int(expected) if expected and expected.isdigit() else None
        # A compressed reply announces its compressed length; Qt hands over the inflated bytes.
        short = announced is not None and download.received < announced and not headers.get("content-encoding")
        if error == QNetworkReply.NoError and not short:
            return
        if announced is not None:
            raise transport_error(
                NetworkError,
                url,
                tr("The reply from {host} was cut before its end").format(host=download.host)
                + f" ({download.received}/{announced} "
                + tr("bytes")
                + ")",
                "incomplete",
            )
        raise transport_error(
            NetworkError,
            url,
            tr("The connection to {host} broke during the download").format(host=download.host)
            + colon()
            + network_error_text(error, facts.error_string),
            "dropped" if error in RETRY_ERRORS else "broken",
        )
