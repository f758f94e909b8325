"""The update hint: after login the app compares the portal's newest release with its own."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from desktop.services.update_hint import UpdateHintService

RELEASE = {"version": "0.4.0", "download_url": "https://zonnebloem.nl/ouderportaal"}


@pytest.fixture
def make_hint(session, crashes, run) -> Iterator[Callable[[str], UpdateHintService]]:
    made: list[UpdateHintService] = []

    def make(installed: str) -> UpdateHintService:
        made.append(UpdateHintService(session, installed=installed, on_crash=crashes.append))
        return made[-1]

    yield make
    for service in made:
        run(service.aclose())


def test_an_older_app_hears_of_the_newer_release_after_login(portal, session, make_hint,
                                                             log_in, qtbot) -> None:
    portal.client_release = RELEASE
    hint = make_hint("0.3.9")
    with qtbot.waitSignal(hint.updateAvailable, timeout=5_000) as found:
        log_in(session)
    assert found.args == ["0.4.0", "https://zonnebloem.nl/ouderportaal"]
    assert hint.available is not None and hint.available.version == "0.4.0"


@pytest.mark.parametrize("installed", ["0.4.0", "0.4.1", "1.0"])
def test_the_same_or_a_newer_app_hears_nothing(portal, session, make_hint, log_in, qtbot,
                                               installed: str) -> None:
    portal.client_release = RELEASE
    hint = make_hint(installed)
    with qtbot.assertNotEmitted(hint.updateAvailable, wait=300):
        log_in(session)
    assert hint.available is None


def test_a_portal_that_names_no_release_gives_no_hint(portal, session, make_hint, log_in,
                                                      qtbot) -> None:
    hint = make_hint("0.1.0")
    with qtbot.assertNotEmitted(hint.updateAvailable, wait=300):
        log_in(session)
    assert portal.sent("GET", "/portal")  # it did ask


def test_a_failed_check_is_silent_and_logging_out_forgets_the_hint(portal, session, make_hint,
                                                                   log_in, qtbot, crashes) -> None:
    portal.client_release = RELEASE
    hint = make_hint("0.3.9")
    with qtbot.waitSignal(hint.updateAvailable, timeout=5_000):
        log_in(session)
    with qtbot.waitSignal(session.loggedOut, timeout=5_000):
        session.logout()
    assert hint.available is None
    portal.down = True
    with qtbot.assertNotEmitted(hint.updateAvailable, wait=300):
        session.loggedIn.emit(None)  # a check that cannot reach the portal
    assert not crashes
