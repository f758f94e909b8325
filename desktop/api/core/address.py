"""Turn what a parent types into the organisation field into the portal's base URL.

Parents know their organisation by its short name ("korein"), by the host name printed in a
letter ("korein.ouderportaal.nl") or by a full URL copied from a browser. All of them must land
on the same base URL, and only an encrypted connection is acceptable for a real portal: plain
``http`` is allowed for loopback addresses only (the demo server and tests run there).
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import SplitResult, urlsplit

__all__ = [
    "PORTAL_DOMAIN",
    "AddressError",
    "EmptyAddress",
    "InsecureAddress",
    "InvalidAddress",
    "is_loopback",
    "portal_base_url",
]

#: Short organisation names ("korein") are hosted under this domain.
PORTAL_DOMAIN = "ouderportaal.nl"

_DEFAULT_PORTS = {"http": 80, "https": 443}
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


class AddressError(ValueError):
    """The organisation field does not hold a usable portal address."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(reason)
        self.text = text


class EmptyAddress(AddressError):
    """Nothing (or only spaces) was typed."""


class InvalidAddress(AddressError):
    """The text cannot be a web address of a portal (spaces, empty host, wrong scheme, ...)."""


class InsecureAddress(AddressError):
    """A plain ``http://`` address of a non-loopback host: passwords would travel unencrypted."""


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback IP addresses (``127.0.0.0/8``, ``::1``)."""
    host = host.strip().lower().removeprefix("[").removesuffix("]").rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def portal_base_url(text: str) -> str:
    """Return the normalised base URL (scheme, lower-case host, port, path; no trailing slash).

    Raises :class:`EmptyAddress`, :class:`InvalidAddress` or :class:`InsecureAddress`.
    """
    stripped = text.strip()
    if not stripped:
        raise EmptyAddress(text, "no address given")
    if any(ch.isspace() for ch in stripped):
        raise InvalidAddress(text, "an address cannot contain spaces")

    has_scheme = bool(_SCHEME.match(stripped))
    parts = _split(text, stripped if has_scheme else "//" + stripped)
    scheme = parts.scheme.lower() if has_scheme else ""
    if has_scheme and scheme not in _DEFAULT_PORTS:
        raise InvalidAddress(text, f"unsupported scheme {scheme!r}")
    if parts.username is not None or parts.password is not None:
        raise InvalidAddress(text, "an address cannot contain a user name or password")

    host = _host(text, parts)
    port = _port(text, parts)
    loopback = is_loopback(host)

    if not has_scheme:
        if "." not in host and ":" not in host and not loopback and port is None:
            # A bare organisation name: the portal lives under the shared domain.
            host = f"{host}.{PORTAL_DOMAIN}"
        scheme = "http" if loopback else "https"
    if scheme == "http" and not loopback:
        raise InsecureAddress(text, "plain http is only allowed for loopback addresses")

    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path).rstrip("/")
    return f"{scheme}://{netloc}{path}"


def _split(text: str, candidate: str) -> SplitResult:
    try:
        return urlsplit(candidate)
    except ValueError as exc:  # e.g. an unbalanced "[" in an IPv6 literal
        raise InvalidAddress(text, "not a web address") from exc


def _host(text: str, parts: SplitResult) -> str:
    raw = parts.hostname  # lower-cased, brackets of an IPv6 literal removed
    if not raw:
        raise InvalidAddress(text, "the address has no host name")
    if ":" in raw:  # only an IPv6 literal may contain colons
        try:
            return ipaddress.IPv6Address(raw).compressed
        except ValueError as exc:
            raise InvalidAddress(text, "invalid IPv6 address") from exc
    host = raw[:-1] if raw.endswith(".") else raw  # a fully qualified name may end in "."
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise InvalidAddress(text, "invalid host name") from exc
    labels = ascii_host.split(".")
    if not all(_LABEL.match(label) for label in labels):
        raise InvalidAddress(text, "invalid host name")
    if labels[-1].isdigit():
        # Looks numeric: it must then be a complete, valid IPv4 address.
        try:
            return str(ipaddress.IPv4Address(ascii_host))
        except ValueError as exc:
            raise InvalidAddress(text, "invalid IP address") from exc
    return ascii_host


def _port(text: str, parts: SplitResult) -> int | None:
    try:
        port = parts.port
    except ValueError as exc:
        raise InvalidAddress(text, "invalid port") from exc
    if port == 0:
        raise InvalidAddress(text, "invalid port")
    return port
