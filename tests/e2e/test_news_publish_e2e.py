"""Staff and managers publish news from the app, against the real portal server (docs/api.md,
"News"): Fatima writes for her group in her app's Nieuws and a parent's app has it; an item for
later shows as planned for her and for nobody else yet; the manager writes for a location (and
one that is not the parent's), and a try after a lost answer publishes once; a picture and an
attachment chosen in the dialog reach a parent's reader, the picture scaled to the pane."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from reliability_kit import sign_in
from test_desktop_e2e import PASSWORD, log_in, wait_for_main_window
from test_messages_e2e import FATIMA

from desktop.models.shared.records import NewsDraft
from desktop.views.news.page import NewsPage
from desktop.views.news.publish_dialog import PublishNewsDialog

MANAGER = "manager@voorbeeld.nl"


def open_dialog(qtbot, page: NewsPage) -> PublishNewsDialog:
    page.new_button.click()
    dialog = page.publish_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.audience.count() > 0, timeout=20_000)
    return dialog


def write(qtbot, dialog: PublishNewsDialog, title: str) -> None:
    qtbot.keyClicks(dialog.title, title)
    dialog.bold.click()
    qtbot.keyClicks(dialog.body, "Vrijdag")
    dialog.bold.click()
    qtbot.keyClicks(dialog.body, " gaan we naar de dierentuin.")


def choose(dialog: PublishNewsDialog, label: str) -> None:
    items = [dialog.audience.item(n) for n in range(dialog.audience.count())]
    next(i for i in items if i.text() == label).setCheckState(Qt.CheckState.Checked)


def parent_titles(qtbot, parent) -> list[str]:
    with qtbot.waitSignal(parent.news.newsChanged, timeout=20_000):
        parent.news.refresh()
    return [n.title for n in parent.news.news.items]


def test_staff_publish_for_their_group_and_a_parents_app_has_it(
        qtbot, portal_server, make_app, make_container, tmp_path):
    desktop = make_app(portal_server.url)
    log_in(qtbot, desktop, FATIMA, PASSWORD)
    window = wait_for_main_window(qtbot, desktop)
    told: list = []
    desktop.services.notifications.notify.connect(told.append)
    window.show_section("news")
    page: NewsPage = window.page("news")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)

    dialog = open_dialog(qtbot, page)
    # Her one group, by name, already chosen.
    assert [dialog.audience.item(n).text() for n in range(dialog.audience.count())] == [
        "Group Zonnetjes"]
    write(qtbot, dialog, "Dierentuin")
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: page.publish_dialog is None, timeout=20_000)
    shown = page.model.item_at(page.list.currentIndex().row())
    assert (shown.title, shown.mine, shown.read) == ("Dierentuin", True, True)
    assert "Vrijdag gaan we naar de dierentuin." in page.reader.toPlainText()

    sanne = make_container(data=tmp_path / "sanne")
    sign_in(qtbot, sanne, portal_server.url)
    qtbot.waitUntil(lambda: sanne.news.news is not None, timeout=20_000)
    item = next(n for n in sanne.news.news.items if n.title == "Dierentuin")
    assert (item.mine, item.read, item.audience, item.author_name) == (
        False, False, ("Zonnetjes",), "Fatima El Amrani")
    assert item.body == "<p><strong>Vrijdag</strong> gaan we naar de dierentuin.</p>"

    # For tomorrow: planned, for her; not there yet for Sanne.
    dialog = open_dialog(qtbot, page)
    write(qtbot, dialog, "Morgen open dag")
    dialog.later_choice.setChecked(True)
    dialog.later_day.set_day(date.today() + timedelta(days=1))
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: page.publish_dialog is None, timeout=20_000)
    planned = page.model.index(page.list.currentIndex().row())
    assert planned.data(page.model.Role.Title) == "Morgen open dag"
    assert "planned for" in planned.data(page.model.Role.Meta)
    assert "Morgen open dag" not in parent_titles(qtbot, sanne)
    assert told == []  # nothing of her own is told to her


def test_a_manager_publishes_for_a_location_once_although_the_answer_was_lost(
        qtbot, portal_server, proxy, make_container, tmp_path, run):
    manager = make_container(proxy, data=tmp_path / "manager")
    sign_in(qtbot, manager, portal_server.url, MANAGER)
    page = NewsPage(manager.news, publisher=True)
    qtbot.addWidget(page)
    page.show()
    dialog = open_dialog(qtbot, page)
    offered = [dialog.audience.item(n).text() for n in range(dialog.audience.count())]
    assert offered[:3] == ["The whole organisation: Kinderopvang Zonnebloem",
                           "Location Zonnebloem Centrum", "Location Zonnebloem Woensel"]
    write(qtbot, dialog, "Nieuwe speelzaal")
    choose(dialog, "Location Zonnebloem Centrum")
    proxy.drop("POST", "/news", times=1)  # published, the answer lost
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.message.isVisibleTo(dialog), timeout=20_000)
    assert "reached" in dialog.message.text()
    assert dialog.title.text() == "Nieuwe speelzaal"  # nothing typed is lost
    dialog.publish_button.click()  # again, under the same key
    qtbot.waitUntil(lambda: page.publish_dialog is None, timeout=20_000)

    woensel = _location_id(run, manager, "Zonnebloem Woensel")
    with qtbot.waitSignal(manager.news.published, timeout=20_000):
        manager.news.publish(NewsDraft("Alleen Woensel", "<p>Hallo</p>",
                                       location_ids=(woensel,)), manager.news.publication_key())

    sanne = make_container(data=tmp_path / "sanne")
    sign_in(qtbot, sanne, portal_server.url)
    titles = parent_titles(qtbot, sanne)
    assert titles.count("Nieuwe speelzaal") == 1
    assert "Alleen Woensel" not in titles


def _location_id(run, services, name: str) -> int:
    async def fetch() -> int:
        audiences = await services.session.request(lambda client: client.news.audiences())
        return next(p.id for p in audiences.locations if p.name == name)
    return run(fetch())


def test_a_picture_and_an_attachment_go_from_the_dialog_to_a_parents_reader(
        qtbot, portal_server, make_container, tmp_path):
    fatima = make_container(data=tmp_path / "fatima")
    sign_in(qtbot, fatima, portal_server.url, FATIMA)
    page = NewsPage(fatima.news, publisher=True)
    qtbot.addWidget(page)
    page.show()
    dialog = open_dialog(qtbot, page)
    write(qtbot, dialog, "Foto van het uitje")
    # A program is no attachment: said at once, at its field, and nothing is taken.
    program = tmp_path / "uitnodiging.pdf"
    program.write_bytes(b"MZ\x90\0 not a pdf")
    assert not dialog.attachment.choose(program)
    assert "cannot be attached" in dialog.error_text("attachment")
    # A PDF named as a picture: the portal refuses it as a picture, at that field.
    pdf = tmp_path / "programma.pdf"
    pdf.write_bytes(PDF)
    fake_picture = tmp_path / "uitje.jpg"
    fake_picture.write_bytes(PDF)
    assert dialog.image.choose(fake_picture) and dialog.attachment.choose(pdf)
    assert dialog.error_text("attachment") == ""
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.error_text("image") != "", timeout=20_000)
    assert "JPEG" in dialog.error_text("image") and page.publish_dialog is dialog
    picture = tmp_path / "uitje-echt.jpg"
    orange_picture(2400, 1000).save(str(picture), "JPEG")
    assert dialog.image.choose(picture)
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: page.publish_dialog is None, timeout=20_000)

    sanne = make_container(data=tmp_path / "sanne")
    sign_in(qtbot, sanne, portal_server.url)
    reader_page = NewsPage(sanne.news)
    qtbot.addWidget(reader_page)
    reader_page.resize(1000, 700)
    reader_page.show()
    qtbot.waitUntil(lambda: reader_page.model.row_of(_id_of(sanne, "Foto van het uitje")) >= 0,
                    timeout=20_000)
    reader_page.show_item(_id_of(sanne, "Foto van het uitje"))
    reader = reader_page.reader
    # The picture arrives and is scaled to the pane (1,600 × 667 as the portal keeps it).
    qtbot.waitUntil(lambda: reader.shown_width > 0, timeout=20_000)
    assert reader.shown_width <= reader.viewport().width() < 1600
    assert reader_page.files_bar.isVisibleTo(reader_page)
    assert "programma.pdf" in reader_page.attachment_name.text()
    target = tmp_path / "bewaard" / "programma.pdf"
    target.parent.mkdir()
    reader_page.save_attachment_to(target)
    qtbot.waitUntil(target.exists, timeout=20_000)
    assert target.read_bytes() == PDF
    # Narrower pane, smaller picture.
    before = reader.shown_width
    reader_page.resize(700, 700)
    qtbot.waitUntil(lambda: 0 < reader.shown_width < before, timeout=5_000)


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def orange_picture(width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#F2A541"))
    return image


def _id_of(services, title: str) -> int | None:
    news = services.news.news
    return next((n.id for n in news.items if n.title == title), None) if news else None
