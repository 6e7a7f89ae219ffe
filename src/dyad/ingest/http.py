"""Fetching one URL safely: http(s) only, public addresses only, timeouts, a total
deadline, a size cap, few redirects.

The body is streamed (decompressed) and the transfer stopped as soon as it passes the cap,
so a huge, endless or compressed-bomb response costs at most `max_bytes`. Where a
connection may go and how long it may last is `guard.py`'s job; every redirect hop is
checked again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.request import getproxies

import httpx

from dyad.ingest.base import too_big_cause
from dyad.ingest.guard import DEADLINE, AddressRefused, GuardedBackend, check_host
from dyad.ingest.settings import IngestSettings

ALLOWED_SCHEMES = ("http", "https")


class FetchError(Exception):
    """A URL could not be fetched; `cause` says why in words a user can act on."""

    def __init__(self, cause: str) -> None:
        super().__init__(cause)
        self.cause = cause


@dataclass(frozen=True)
class Fetched:
    """A successful response: where it ended up, what it says it is, and its body."""

    url: str
    content_type: str
    data: bytes


def is_url(value: str) -> bool:
    """Whether a command-line argument is meant as a URL rather than a path."""
    scheme = urlsplit(value).scheme
    return "://" in value and len(scheme) > 1


def check_scheme(url: str) -> None:
    """Refuse anything but http(s) before a request is made.

    Raises:
        FetchError: for file:, ftp:, data: and every other scheme.
    """
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError as exc:
        raise FetchError(f"not a valid URL: {url!r} ({exc}); check the address") from exc
    if scheme not in ALLOWED_SCHEMES:
        raise FetchError(
            f"unsupported URL scheme {scheme + ':' if scheme else '(none)'}; "
            "only http:// and https:// URLs are fetched (give local files as paths)"
        )


def _describe(exc: httpx.HTTPError, url: str, settings: IngestSettings) -> str:
    deadline = DEADLINE.get()
    if isinstance(exc, httpx.TimeoutException) and deadline and time.monotonic() >= deadline:
        return (
            f"gave up on {url} after {settings.deadline:g} s, the deadline for one download; "
            "the server sends too slowly: retry later or raise the fetch_deadline setting"
        )
    if isinstance(exc, httpx.TimeoutException):
        return (
            f"timed out after {settings.timeout:g} s fetching {url}; "
            "the server is slow or down: retry later or raise the timeout setting"
        )
    if isinstance(exc, httpx.TooManyRedirects):
        limit = settings.max_redirects
        return f"too many redirects (more than {limit}) from {url}; the site may loop"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return f"redirected to an unsupported URL scheme from {url}; only http(s) is fetched"
    if isinstance(exc, httpx.ConnectError):
        reason = str(exc) or "connection failed"
        if "refused" in reason.lower():
            reason = "connection refused"
        return f"could not connect to {url} ({reason}); check the address and your network"
    return f"could not fetch {url} ({type(exc).__name__}: {exc})"


def fetch(url: str, settings: IngestSettings, client: httpx.Client | None = None) -> Fetched:
    """GET `url` under the limits in `settings`.

    Args:
        url: An http(s) URL.
        settings: Timeouts, size cap, redirect limit, user agent.
        client: A client to reuse (e.g. for the links of a feed); one is made if None.

    Raises:
        FetchError: on a bad scheme, a network failure, an HTTP error status or a body
            over `settings.max_bytes`.
    """
    check_scheme(url)
    own = client is None
    client = client or make_client(settings)
    token = DEADLINE.set(time.monotonic() + settings.deadline)
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                phrase = response.reason_phrase or "error"
                raise FetchError(f"HTTP {response.status_code} {phrase} from {url}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > settings.max_bytes:
                raise FetchError(too_big_cause(int(declared), settings.max_bytes, "response"))
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():  # decompressed: the cap holds after gzip
                size += len(chunk)
                if size > settings.max_bytes:
                    raise FetchError(too_big_cause(None, settings.max_bytes, "response"))
                chunks.append(chunk)
                if time.monotonic() > (DEADLINE.get() or float("inf")):
                    raise httpx.ReadTimeout("the download took longer than its deadline")
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            return Fetched(url=str(response.url), content_type=content_type, data=b"".join(chunks))
    except AddressRefused as exc:
        raise FetchError(f"refused to fetch {url}: {exc.cause}") from exc
    except httpx.HTTPError as exc:
        raise FetchError(_describe(exc, url, settings)) from exc
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:  # httpx parses what we could not
        raise FetchError(f"not a valid URL: {url!r} ({exc}); check the address") from exc
    finally:
        DEADLINE.reset(token)
        if own:
            client.close()


def _check_hop(settings: IngestSettings, proxied: bool) -> Callable[[httpx.Request], None]:
    """A request hook: every hop, redirects included, must be http(s) to an allowed host."""

    def check(request: httpx.Request) -> None:
        url = str(request.url)
        check_scheme(url)
        if proxied:  # the proxy connects, not dyad: check the name's addresses here instead
            check_host(request.url.host, request.url.port or 443, settings.allow_private)

    return check


def _check_redirect(response: httpx.Response) -> None:
    """A response hook: a redirect to anything but http(s) (data:, javascript:) is refused."""
    location = response.headers.get("location") if response.is_redirect else None
    if location is None:
        return
    try:
        scheme = urlsplit(location).scheme.lower()
    except ValueError:
        scheme = "(unreadable)"
    if scheme and scheme not in ALLOWED_SCHEMES:
        raise FetchError(
            f"{response.request.url} redirected to an unsupported URL scheme {scheme}:; "
            "only http(s) pages are fetched"
        )


def make_client(settings: IngestSettings) -> httpx.Client:
    """An httpx client configured from `settings` (the caller closes it).

    Connections go through `GuardedBackend` (checked addresses, the download's deadline).
    When the environment names a proxy and `trust_env` lets httpx use it, the proxy makes
    the connections: each hop's host is then checked by name before the request.
    """
    proxied = settings.trust_env and any(k in getproxies() for k in ("http", "https", "all"))
    transport = None
    if not proxied:
        transport = httpx.HTTPTransport(trust_env=settings.trust_env)
        # httpx takes no backend argument; its pool reads this attribute for each connection
        transport._pool._network_backend = GuardedBackend(settings.allow_private)
    return httpx.Client(
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        timeout=httpx.Timeout(settings.timeout),
        headers={"User-Agent": settings.user_agent},
        trust_env=settings.trust_env,
        transport=transport,
        event_hooks={"request": [_check_hop(settings, proxied)], "response": [_check_redirect]},
    )
