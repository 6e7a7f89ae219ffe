"""Where a fetch may go: public addresses only (unless allowed), within a total deadline.

Every connection dyad opens goes through `_GuardedBackend`: it resolves the host itself,
refuses the whole host when any of its addresses is loopback, private, link-local,
multicast or reserved, and connects to the address it checked, so a name that resolves
differently a moment later (DNS rebinding) cannot slip through. Redirect hops and feed item
links open connections like any other URL, so each is checked the same way. Each read on
the connection waits at most until the download's deadline, so a server that sends one
byte a second cannot hold a fetch open.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterable
from contextvars import ContextVar
from typing import Any

import httpcore

#: When the download in progress must be done (time.monotonic()), or None outside one.
DEADLINE: ContextVar[float | None] = ContextVar("dyad_fetch_deadline", default=None)

_Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(Exception):
    """A host resolves to an address dyad does not fetch from; `cause` says which and why."""

    def __init__(self, cause: str) -> None:
        super().__init__(cause)
        self.cause = cause


def address_kind(address: _Address) -> str | None:
    """What makes an address off limits ("a loopback address", ...), or None when public."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    for kind, test in (
        ("a loopback", address.is_loopback),
        ("a private", address.is_private),
        ("a link-local", address.is_link_local),
        ("a multicast", address.is_multicast),
        ("an unspecified", address.is_unspecified),
        ("a reserved", address.is_reserved),
        ("a non-public", not address.is_global),
    ):
        if test:
            return f"{kind} address"
    return None


def resolve(host: str, port: int) -> list[_Address]:
    """Every address `host` resolves to (a literal address is itself).

    Raises:
        AddressRefused: the name does not resolve.
    """
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise AddressRefused(f"cannot resolve host {host!r} ({exc})") from exc
    found: list[_Address] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if address not in found:
            found.append(address)
    return found


def check_host(host: str, port: int, allow_private: bool) -> list[_Address]:
    """The addresses of `host` when dyad may connect to them.

    Raises:
        AddressRefused: the host does not resolve, or resolves to an address that is not
            public while `allow_private` is False.
    """
    addresses = resolve(host, port)
    if not allow_private:
        for address in addresses:
            kind = address_kind(address)
            if kind is not None:
                raise AddressRefused(
                    f"{host} is {kind} ({address}); dyad fetches only from public addresses: "
                    "set allow_private_urls: true (or --allow-private-urls) to fetch from "
                    "your own machine or network"
                )
    return addresses


def remaining(timeout: float | None) -> float | None:
    """`timeout` cut to what is left of the current download's deadline.

    Raises:
        httpcore.ReadTimeout: the deadline has passed.
    """
    deadline = DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the download took longer than its deadline")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the download's deadline."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self.stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.stream.read(max_bytes, remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.stream.write(buffer, remaining(timeout))

    def close(self) -> None:
        self.stream.close()

    def start_tls(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        return _DeadlineStream(self.stream.start_tls(*args, **kwargs))

    def get_extra_info(self, info: str) -> Any:
        return self.stream.get_extra_info(info)


class GuardedBackend(httpcore.SyncBackend):
    """Connects only to checked addresses, and only until the download's deadline."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = check_host(host, port, self.allow_private)
        failure: Exception | None = None
        for address in addresses:  # the checked addresses, never the name again
            try:
                stream = super().connect_tcp(
                    str(address), port, remaining(timeout), local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                failure = exc
                continue
            return _DeadlineStream(stream)
        raise failure or httpcore.ConnectError(f"no address to connect to for {host}")
