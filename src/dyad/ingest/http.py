"""Fetching one URL safely: http(s) only, timeouts, a size cap, few redirects.

The body is streamed and the transfer stopped as soon as it passes the cap, so a huge or
endless response costs at most `max_bytes`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from dyad.ingest.base import too_big_cause
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
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise FetchError(
            f"unsupported URL scheme {scheme + ':' if scheme else '(none)'}; "
            "only http:// and https:// URLs are fetched (give local files as paths)"
        )


def _describe(exc: httpx.HTTPError, url: str, settings: IngestSettings) -> str:
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
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > settings.max_bytes:
                    raise FetchError(too_big_cause(None, settings.max_bytes, "response"))
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            return Fetched(url=str(response.url), content_type=content_type, data=b"".join(chunks))
    except httpx.HTTPError as exc:
        raise FetchError(_describe(exc, url, settings)) from exc
    finally:
        if own:
            client.close()


def make_client(settings: IngestSettings) -> httpx.Client:
    """An httpx client configured from `settings` (the caller closes it)."""
    return httpx.Client(
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        timeout=httpx.Timeout(settings.timeout),
        headers={"User-Agent": settings.user_agent},
        trust_env=settings.trust_env,
    )
