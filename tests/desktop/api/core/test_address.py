"""What a parent may type into the organisation field, and which portal that means."""

from __future__ import annotations

import pytest

from desktop.api.core.address import (
    AddressError,
    EmptyAddress,
    InsecureAddress,
    InvalidAddress,
    is_loopback,
    portal_base_url,
)

KOREIN = "https://korein.ouderportaal.nl"

ACCEPTED = [
    ("korein", KOREIN),
    ("Korein", KOREIN),
    ("korein.ouderportaal.nl", KOREIN),
    ("https://korein.ouderportaal.nl", KOREIN),
    ("https://korein.ouderportaal.nl/", KOREIN),
    ("  Korein.OuderPortaal.nl/  ", KOREIN),
    ("https://korein.ouderportaal.nl//", KOREIN),
    ("HTTPS://KOREIN.OUDERPORTAAL.NL", KOREIN),
    ("https://korein.ouderportaal.nl:443/", KOREIN),
    ("\tkorein\n", KOREIN),
    ("https://portal.example.org:8443/", "https://portal.example.org:8443"),
    ("portal.example.org:8443", "https://portal.example.org:8443"),
    ("https://portal.example.org/ouders/", "https://portal.example.org/ouders"),
    ("https://portal.example.org//ouders//app/", "https://portal.example.org/ouders/app"),
    ("https://portal.example.org/ouders?ref=mail#top", "https://portal.example.org/ouders"),
    ("kinderopvang-zonnebloem", "https://kinderopvang-zonnebloem.ouderportaal.nl"),
    # A bare name with a port is a server of its own (e.g. on the organisation's network), not
    # an organisation under ouderportaal.nl — and https, as it is not loopback.
    ("korein:8443", "https://korein:8443"),
    ("Korein:8443/", "https://korein:8443"),
    ("korein:443", "https://korein"),
    ("http://127.0.0.1:8765/", "http://127.0.0.1:8765"),
    ("https://127.0.0.1:8765", "https://127.0.0.1:8765"),
    ("127.0.0.1:8765", "http://127.0.0.1:8765"),
    ("localhost:8000", "http://localhost:8000"),
    ("localhost", "http://localhost"),
    ("http://LOCALHOST:8000/", "http://localhost:8000"),
    ("[::1]:9000", "http://[::1]:9000"),
    ("http://[::1]:9000/", "http://[::1]:9000"),
    ("https://[2001:db8::1]:8443", "https://[2001:db8::1]:8443"),
    ("https://10.1.2.3", "https://10.1.2.3"),
]

REFUSED = [
    ("", EmptyAddress),
    ("   ", EmptyAddress),
    ("\t\n", EmptyAddress),
    ("http://korein.ouderportaal.nl", InsecureAddress),
    ("http://portal.example.org:8080/", InsecureAddress),
    ("http://10.0.0.5", InsecureAddress),
    ("a b", InvalidAddress),
    ("https://", InvalidAddress),
    ("https:///ouders", InvalidAddress),
    ("korein..nl", InvalidAddress),
    (".korein.nl", InvalidAddress),
    ("-korein.nl", InvalidAddress),
    ("ftp://x", InvalidAddress),
    ("file:///etc/passwd", InvalidAddress),
    ("https://x:99999", InvalidAddress),
    ("https://x:port", InvalidAddress),
    ("https://user:secret@korein.ouderportaal.nl", InvalidAddress),
    ("korein_nl", InvalidAddress),
    ("1.2.3", InvalidAddress),
    ("999.1.1.1", InvalidAddress),
    ("[::1", InvalidAddress),
    ("https://[nonsense]", InvalidAddress),
]


@pytest.mark.parametrize(("typed", "expected"), ACCEPTED, ids=[repr(t) for t, _ in ACCEPTED])
def test_accepted_addresses_normalise_to_one_base_url(typed: str, expected: str) -> None:
    assert portal_base_url(typed) == expected


@pytest.mark.parametrize(("typed", "error"), REFUSED, ids=[repr(t) for t, _ in REFUSED])
def test_refused_addresses_raise_their_own_error(typed: str, error: type[AddressError]) -> None:
    with pytest.raises(error) as caught:
        portal_base_url(typed)
    assert isinstance(caught.value, AddressError)
    assert isinstance(caught.value, ValueError)
    assert caught.value.text == typed


def test_a_normalised_url_stays_the_same() -> None:
    for _, expected in ACCEPTED:
        assert portal_base_url(expected) == expected


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("LOCALHOST", True),
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("korein.ouderportaal.nl", False),
        ("10.0.0.1", False),
        ("192.168.1.5", False),
        ("localhost.example.org", False),
        ("", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
