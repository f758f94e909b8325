"""The message bar: one message per source, the newest on show; a source clears only its own;
the tone's icon (never colour alone) and the action button."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QToolButton

from desktop.views.shared.message_bar import MessageBar
from desktop.views.shared.theme import icon


def shown_icon(bar: MessageBar):
    return bar.findChild(QLabel, "messageIcon").pixmap().toImage()


def drawn(name: str):
    return icon(name).pixmap(QSize(20, 20)).toImage()


def test_clearing_one_source_keeps_another_sources_message(qtbot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_message("The portal cannot be reached.", source="profile")
    bar.show_message("The disk is full.", source="finance")
    assert bar.text == "The disk is full."

    bar.clear("profile")  # the profile recovered; the disk is still full

    assert not bar.isHidden()
    assert bar.text == "The disk is full." and bar.source == "finance"
    bar.clear("finance")
    assert bar.isHidden() and bar.text == ""


def test_the_newest_goes_and_the_older_message_comes_back(qtbot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_message("The month could not be loaded.", source="agenda")
    bar.show_message("The portal cannot be reached.", source="profile")
    bar.clear("profile")
    assert not bar.isHidden() and bar.text == "The month could not be loaded."


def test_a_source_replaces_its_own_message(qtbot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_message("Old problem.", source="finance")
    bar.show_message("Other source.", source="agenda")
    bar.show_message("New problem.", source="finance")
    assert bar.text == "New problem."
    bar.clear("finance")
    assert bar.text == "Other source."  # the old finance message is gone, not back


def test_clearing_a_source_without_a_message_changes_nothing(qtbot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_message("The portal cannot be reached.", source="profile")
    bar.clear("finance")
    assert not bar.isHidden() and bar.text == "The portal cannot be reached."


def test_the_tone_shows_its_own_icon(qtbot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    assert drawn("info") != drawn("warning")  # otherwise this test could not tell them apart
    bar.show_message("The group approved the extra day.", source="decisions", tone="info")
    assert bar.tone == "info" and shown_icon(bar) == drawn("info")
    assert bar.property("tone") == "info"
    bar.show_message("The portal cannot be reached.", source="profile")
    assert bar.tone == "warning" and shown_icon(bar) == drawn("warning")
    bar.clear("profile")  # back to the older message: its own tone and icon again
    assert bar.tone == "info" and shown_icon(bar) == drawn("info")


def test_closing_drops_the_message_on_show_only(qtbot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.show_message("The disk is full.", source="finance")
    bar.show_message("The portal cannot be reached.", source="profile")
    with qtbot.waitSignal(bar.closed):
        qtbot.mouseClick(bar.findChild(QToolButton, "messageClose"), Qt.MouseButton.LeftButton)
    assert bar.text == "The disk is full."


def test_the_action_clears_its_message_then_runs(qtbot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show()
    runs: list[str] = []
    bar.show_message("Other.", source="agenda")
    bar.show_message("The portal cannot be reached.", source="profile", action_text="Try again",
                     action=lambda: runs.append(bar.text))
    button = bar.findChild(QPushButton, "messageAction")
    assert button.isVisible() and button.text() == "Try again"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert runs == ["Other."] and not bar.has_message("profile")
    assert not button.isVisible()  # the older message has no action


def test_a_message_shows_in_its_own_section_and_the_apps_everywhere(qtbot) -> None:
    """Issue 14: a section's message takes only that section's room."""
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.set_section("agenda")
    bar.show_message("The agenda could not be loaded.", source="agenda")  # HERE: the agenda
    bar.show_message("The finance sync failed.", source="finance", section="finance")
    assert bar.text == "The agenda could not be loaded."
    bar.set_section("finance")
    assert bar.text == "The finance sync failed."
    bar.set_section("overview")
    assert bar.isHidden() and bar.text == ""
    bar.show_message("The portal cannot be reached.", source="profile", section=None)
    bar.set_section("account")
    assert bar.text == "The portal cannot be reached."
    bar.clear("profile")
    bar.set_section("agenda")
    assert bar.text == "The agenda could not be loaded."  # a problem waits for its section


def test_news_goes_when_its_section_is_left(qtbot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.set_section("agenda")
    bar.show_message("Your report has arrived.", source="delivered", tone="info")
    bar.set_section("agenda")  # the same section again: still there
    assert bar.text == "Your report has arrived."
    bar.set_section("finance")
    bar.set_section("agenda")
    assert not bar.has_message("delivered") and bar.isHidden()


def test_news_never_hides_a_problem(qtbot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_message("Reports could not be read back.", source="outbox-lost", section=None)
    bar.show_message("Your report has arrived.", source="delivered", tone="info")
    assert bar.text == "Reports could not be read back."
    bar.clear("outbox-lost")
    assert bar.text == "Your report has arrived."
