"""The plugin's one network transport, over QGIS's own network stack.

Every request goes through QgsNetworkAccessManager, so the user's proxy, SSL exceptions and
authentication configurations apply. The transport adds what every source needs: a User-Agent
naming the plugin, an inactivity timeout from the settings, retries with back-off on busy servers
(429, 502, 503, 504) honouring Retry-After, cancellation through a QgsFeedback, replies streamed to
disk (never whole in memory), a disk cache keyed by URL and parameters (pruned, see cache.py), and an
offline mode that answers from that cache alone. A request carrying credentials (an authcfg, an
Authorization or key header) follows redirects on its own origin only.

It blocks the calling thread with a local event loop: call it from a QgsTask or a Processing
algorithm, never from a GUI slot.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsNetworkAccessManager
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QByteArray, QEventLoop, QTimer, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from .cache import ReplyCache, cache_key, prune_once
from .errors import Cancelled, InputError, NetworkError, OpenTerritoryError, ReplyError
from .i18n import colon, tr
from .logger import log
from .metadata import metadata, plugin_version
from .settings import load_settings

READ_BUFFER_BYTES = 16 * 1024 * 1024
TICK_MS = 50  # how often a download is drained to disk and checked for cancellation and inactivity
RETRY_STATUSES = (429, 502, 503, 504)
# Network failures worth another try: the server or a proxy dropped us, not a wrong URL.
RETRY_ERRORS = (
    QNetworkReply.RemoteHostClosedError,
    QNetworkReply.TemporaryNetworkFailureError,
    QNetworkReply.NetworkSessionFailedError,
    QNetworkReply.ProxyConnectionClosedError,
    QNetworkReply.UnknownNetworkError,
)
# Transport failures worth another try (see the errors' reasons below).
RETRY_REASONS = ("dropped", "incomplete")
MAX_RETRY_WAIT = 120  # seconds: a server asking for longer is reported, not waited for
SECRET_PARAM = re.compile(r"(key|token|secret|password|passwd|apikey|signature)", re.IGNORECASE)
# Request headers that carry credentials: such a request is never redirected to another origin.
CREDENTIAL_HEADER = re.compile(r"^(authorization|proxy-authorization|cookie)$|key|token|secret", re.IGNORECASE)


def redact(url: str) -> str:
    """The URL with the values of secret-looking query parameters masked, for logs and messages."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    query = [(k, "***" if SECRET_PARAM.search(k) else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    return urlunsplit(parts._replace(query=urlencode(query, safe="*,:()'\" ")))


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
    return f"{product}/{plugin_version()} (QGIS plugin; +{metadata().get('homepage', '')})"


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
# Errors: the kinds of toolbelt/errors.py. Each message says what went wrong in the user's language
# and ends with the (redacted) URL; `detail` holds the same text without the URL, for a caller that
# names the service itself. `reason` says which failure it was:
#   NetworkError  "timeout" (no byte within the timeout), "unreachable", "broken" (the connection broke),
#                 "dropped" (the server or a proxy dropped it: worth another try), "incomplete" (the
#                 reply was cut before its announced length), "offline" (offline mode, not in the
#                 cache), "redirect" (a redirect refused), "disk" (the reply could not be written)
#   ReplyError    "http" (an HTTP error status: `status`, `payload` the decoded JSON body, `body` and
#                 `headers`), "content" (a web page or invalid JSON where JSON was expected)
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
        payload = json.loads(body.decode("utf-8", "replace"))
    except ValueError:
        pass
    detail = server_message(payload) or reason
    text = tr("The server answered with an error") + f" HTTP {status}"
    if detail:
        text += f": {detail}"
    error = transport_error(ReplyError, url, text, "http", status=status, payload=payload)
    error.body = body
    error.headers = headers or {}
    return error


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
        try:
            return json.loads(self.text())
        except ValueError as error:
            raise transport_error(
                ReplyError, self.url, tr("The reply is not valid JSON") + f": {error}", "content"
            ) from None


def looks_like_html(head: bytes, content_type: str) -> bool:
    if "html" in content_type.lower():
        return True
    start = head.lstrip()[:15].lower()
    return start.startswith(b"<!doctype html") or start.startswith(b"<html")


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


def _delete_reply(reply) -> None:
    """Delete a finished reply at once, its wrapper with it.

    PyQt learns that a reply made in a worker thread is destroyed through a queued signal that the main
    thread handles later: by then Qt may have put the next reply at the same address, and PyQt marked that
    live reply as deleted ("wrapped C/C++ object of type QNetworkReply has been deleted" half-way through a
    download, or QGIS aborted, about one download in a hundred in a task). With the signal cut, the reply
    is deleted here."""
    try:
        reply.destroyed.disconnect()
    except TypeError:  # nothing was connected (the main thread's replies)
        pass
    sip.delete(reply)


class Transport:
    """One transport per job: it carries the job's feedback (progress, cancel), its credentials
    and its cache policy.

    `auth_scheme` (e.g. "Apikey") sends the authcfg's key as `Authorization: <scheme> <key>` instead of
    letting the QGIS authentication method sign the request (see authorization_from_authcfg)."""

    def __init__(
        self,
        feedback=None,
        authcfg: str = "",
        cache_dir: str = None,
        offline: bool = None,
        timeout: int = None,
        retries: int = None,
        settings=None,
        auth_scheme: str = "",
    ):
        settings = settings or load_settings()
        self.feedback = feedback
        self.authcfg = authcfg or ""
        self.auth_scheme = auth_scheme or ""
        self.cache = ReplyCache(cache_dir or settings.effective_cache_dir())
        self.offline = settings.offline if offline is None else offline
        self.timeout = timeout or settings.network_timeout
        self.retries = settings.network_retries if retries is None else retries
        self.cache_keep_seconds = max(0, settings.cache_keep_days) * 86400
        self.cache_max_bytes = max(0, settings.cache_max_mb) * 1024 * 1024
        self.backoff = 1.0  # first wait in seconds when the server gives no Retry-After

    # -- public API -----------------------------------------------------------------------------

    def get(
        self,
        url: str,
        params: dict | None = None,
        headers: dict | None = None,
        max_age: int = 0,
        expect: str | None = None,
        timeout: int | None = None,
        progress: bool = True,
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
        )

    def head(
        self, url: str, params: dict | None = None, headers: dict | None = None, timeout: int | None = None
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
        timeout: int | None = None,
        progress: bool = True,
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
        timeout: int | None = None,
        progress: bool = True,
    ) -> Response:
        """Fetch `url` and return the reply stored on disk.

        max_age: seconds a cached reply may be served without asking the server (0: always ask).
        expect: "json" to reject HTML pages and other non-JSON bodies served with status 200.
        """
        full_url = self.full_url(url, params)
        key = cache_key(method, url, params, data, self.authcfg)
        cached = self._from_cache(method, key, full_url, max_age)
        if cached is not None:
            return self._check(cached, expect)
        attempt = 0
        while True:
            self._raise_if_cancelled(full_url)
            try:
                response = self._fetch(method, full_url, data, headers or {}, timeout or self.timeout, key, progress)
            except (NetworkError, ReplyError) as error:
                wait = self._retry_wait(error, attempt)
                if wait is None:
                    raise
            else:
                return self._check(response, expect)
            attempt += 1
            log(f"{method} {redact(full_url)}: retry {attempt}/{self.retries} in {wait:.0f} s", "warning")
            self._sleep(wait, full_url)

    def _retry_wait(self, error: OpenTerritoryError, attempt: int):
        """Seconds to wait before trying `attempt + 1` again after `error`; None when the failure is final."""
        if attempt >= self.retries:
            return None
        if isinstance(error, NetworkError):
            # A cut stream or a dropped connection is worth another try; a refused one is not.
            return self.backoff * 2**attempt if error.reason in RETRY_REASONS else None
        if error.reason != "http" or error.status not in RETRY_STATUSES:
            return None
        wait = retry_after_seconds(error.headers.get("retry-after", ""))
        if wait is None:
            # An Opendatasoft quota says when it resets: waited for when soon, reported at once when far
            # (a daily quota), since no back-off would get through before then.
            wait = quota_reset_seconds(error.payload)
        if wait is None:
            wait = self.backoff * 2**attempt
        return wait if wait <= MAX_RETRY_WAIT else None

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
        if self.offline:
            if entry is None:
                raise transport_error(
                    NetworkError, full_url, tr("Offline mode: this reply is not in the cache"), "offline"
                )
            log(f"offline: {method} {redact(full_url)} served from the cache")
        elif entry is None or not max_age or entry.age() > max_age:
            return None
        return Response(full_url, entry.status, entry.headers, entry.body_path, from_cache=True)

    def _check(self, response: Response, expect):
        if expect == "json":
            with open(response.path, "rb") as handle:
                head = handle.read(512)
            if looks_like_html(head, response.header("content-type")):
                raise transport_error(
                    ReplyError,
                    response.url,
                    tr("The server answered with a web page instead of data (JSON expected)"),
                    "content",
                )
        return response

    def _raise_if_cancelled(self, url):
        if self.feedback is not None and self.feedback.isCanceled():
            raise cancelled_download(url)

    def _sleep(self, seconds, url):
        deadline = time.monotonic() + seconds
        loop = QEventLoop()
        while time.monotonic() < deadline:
            self._raise_if_cancelled(url)
            QTimer.singleShot(min(100, int((deadline - time.monotonic()) * 1000) + 1), loop.quit)
            loop.exec_()
        self._raise_if_cancelled(url)

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

    def _fetch(self, method, url, data, headers, timeout, key, progress) -> Response:
        if isinstance(data, dict):
            body = urlencode(data).encode("utf-8")
            headers = {"Content-Type": "application/x-www-form-urlencoded", **headers}
        else:
            body = data
        request = self._build_request(url, headers)
        os.makedirs(self.cache.folder, exist_ok=True)
        handle, part_path = tempfile.mkstemp(prefix=".download-", suffix=".part", dir=self.cache.folder)
        out = self._open_part(handle)
        state = {"received": 0, "total": None, "timed_out": False, "cancelled": False, "error": None}
        started = time.monotonic()
        reply = self._send(method, request, body)
        self._drain(reply, out, state, timeout, progress)
        facts = ReplyFacts.of(reply, self._carries_credentials(reply.request()))
        _delete_reply(reply)
        # No Python name is left on it: an error raised below keeps this frame alive in its traceback
        # (a task's error, a Processing failure).
        reply = None
        try:
            if state["error"] is not None:  # only ever an OSError of the file being written
                raise download_write_error(url, state["error"], self.cache.folder)
            return self._finish(facts, method, url, key, part_path, state, timeout, started)
        finally:
            if os.path.exists(part_path):
                os.remove(part_path)

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
        # Qt stops reading the socket while this much waits to be drained: memory stays flat whatever
        # the size of the download (READ_BUFFER_BYTES per TICK_MS is far beyond any real connection).
        reply.setReadBufferSize(READ_BUFFER_BYTES)
        return reply

    def _drain(self, reply, out, state: dict, timeout, progress: bool) -> None:
        """Stream the reply into `out` until it finishes, or stop it when the job is cancelled, when no byte
        came for `timeout` seconds or when `out` cannot be written: `state` says which, and counts."""
        # No Python function is connected to any signal here (an exception escaping a Qt slot makes PyQt
        # abort QGIS): the event loop is left every TICK_MS, a timer whose timeout quits it, or when the
        # reply finishes, and the reply is drained and checked in plain Python in between.
        loop = QEventLoop()
        tick = QTimer()
        tick.setInterval(TICK_MS)
        tick.timeout.connect(loop.quit)
        reply.finished.connect(loop.quit)
        last_activity = time.monotonic()
        tick.start()
        try:
            while True:
                if self._read_available(reply, out, state, progress):
                    last_activity = time.monotonic()
                if reply.isFinished():
                    break
                stop = self._reason_to_stop(state, last_activity, timeout)
                if stop:
                    state[stop] = True
                    reply.abort()
                else:
                    loop.exec_()
        except OSError as error:  # writing to disk: the reply is stopped, the error said after clean-up
            state["error"] = error
            reply.abort()
        finally:
            tick.stop()
            try:
                out.close()
            except OSError as error:
                state["error"] = state["error"] or error
            for qt_object in (loop, tick):
                sip.delete(qt_object)

    def _read_available(self, reply, out, state: dict, progress: bool) -> bool:
        """Write what the reply has received to `out` and report the progress; False when nothing came."""
        if reply.bytesAvailable() <= 0:
            return False
        chunk = bytes(reply.readAll())
        out.write(chunk)
        state["received"] += len(chunk)
        if progress and self.feedback is not None:
            if state["total"] is None:
                length = reply.header(QNetworkRequest.ContentLengthHeader)
                state["total"] = int(length) if length else 0
            if state["total"] > 0:
                self.feedback.setProgress(min(100.0, 100.0 * state["received"] / state["total"]))
        return True

    def _reason_to_stop(self, state: dict, last_activity: float, timeout) -> str:
        """ "cancelled" or "timed_out" when the download must stop now (once each), "" to go on."""
        if self.feedback is not None and self.feedback.isCanceled() and not state["cancelled"]:
            return "cancelled"
        if time.monotonic() - last_activity > timeout and not state["timed_out"]:
            return "timed_out"
        return ""

    def _finish(self, facts, method, url, key, part_path, state, timeout, started) -> Response:
        if state["cancelled"]:
            raise cancelled_download(url)
        if state["timed_out"]:
            raise transport_error(
                NetworkError, url, tr("The server did not answer within the timeout") + f" ({timeout} s)", "timeout"
            )
        status, headers, error = facts.status, facts.headers, facts.error
        elapsed = time.monotonic() - started
        if status is None:
            raise transport_error(
                NetworkError,
                url,
                tr("Could not reach the server") + colon() + network_error_text(error, facts.error_string),
                "dropped" if error in RETRY_ERRORS else "unreachable",
            )
        status = int(status)
        if error == QNetworkReply.InsecureRedirectError:
            target = headers.get("location", "")
            raise redirect_refused(
                url, QUrl(url).resolved(QUrl(target)).toString() if target else url, facts.credentials
            )
        if status >= 400:
            with open(part_path, "rb") as handle:
                body = handle.read()
            log(f"{method} {redact(url)}: HTTP {status} in {elapsed:.1f} s", "warning")
            raise http_error(url, status, body, facts.reason, headers)
        # A HEAD reply announces the length of a body it never sends.
        expected = headers.get("content-length") if method != "HEAD" else None
        if error != QNetworkReply.NoError or (
            expected
            and expected.isdigit()
            and state["received"] < int(expected)
            and "gzip" not in headers.get("content-encoding", "")
        ):
            if expected and expected.isdigit():
                raise transport_error(
                    NetworkError,
                    url,
                    tr("The reply was cut before its end") + f" ({state['received']}/{expected} bytes)",
                    "incomplete",
                )
            raise transport_error(
                NetworkError,
                url,
                tr("The connection broke during the download")
                + colon()
                + network_error_text(error, facts.error_string),
                "dropped" if error in RETRY_ERRORS else "broken",
            )
        self._prune_cache()
        entry = self.cache.put_file(key, part_path, url, status, headers, move=True)
        log(f"{method} {redact(url)}: HTTP {status}, {state['received']} bytes in {elapsed:.1f} s")
        return Response(url, status, headers, entry.body_path, elapsed=elapsed)
