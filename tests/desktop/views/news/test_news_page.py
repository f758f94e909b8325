"""The Nieuws page: newest first, unread in bold and counted in the navigation, the reader
shows the safe subset, opens links outside and loads nothing by itself."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from news_fakes import FakeNews
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from view_fakes import FakeAccount, FakeSession

from desktop.api.messages.records import Attachment
from desktop.api.news.records import NewsImage, NewsItem, NewsList
from desktop.api.profile.records import Role
from desktop.models.news import NewsModel
from desktop.views.news.page import NewsPage


def item(news_id: int, title: str, *, read: bool = False,
         body: str = "<p>Hallo <b>allemaal</b></p>") -> NewsItem:
    return NewsItem(news_id, title, body, "Fatima El Amrani",
                    datetime(2026, 3, news_id, 9, tzinfo=UTC), ("Zonnetjes",), read, False)


@pytest.fixture
def news() -> FakeNews:
    return FakeNews(NewsList((item(2, "Deze week"), item(1, "Feestdagen", read=True)), 1))


@pytest.fixture
def page(qtbot, news) -> NewsPage:
    page = NewsPage(news)
    qtbot.addWidget(page)
    page.show()
    return page


def test_the_list_shows_the_news_with_unread_in_bold(page) -> None:
    model = page.model
    assert model.rowCount() == 2
    assert model.index(0).data().startswith("Deze week\nFatima El Amrani · 2 March 2026")
    assert model.index(0).data(NewsModel.Role.Unread) is True
    assert model.index(0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1).data(Qt.ItemDataRole.FontRole) is None


def test_opening_an_item_shows_it_and_marks_it_read(page, news) -> None:
    page.list.setCurrentIndex(page.model.index(0))
    text = page.reader.toPlainText()
    assert "Deze week" in text and "Hallo allemaal" in text
    assert ("read", 2) in news.calls


def test_the_reader_opens_links_outside_and_fetches_nothing(page) -> None:
    assert page.reader.openExternalLinks()
    assert page.reader.loadResource(QTextDocument.ResourceType.ImageResource,
                                    QUrl("https://tracker.example/pixel.png")) is None


def test_the_navigation_counts_unread_news(make_window) -> None:
    news = FakeNews()
    window = make_window(FakeSession(FakeAccount(role=Role.PRIMARY_PARENT)), news=news)
    row = window.sections.row_of("news")
    news.set_news(NewsList((item(2, "Deze week"),), 1))
    assert window.sections.index(row).data() == "News (1)"


def test_no_news_says_so(qtbot) -> None:
    page = NewsPage(FakeNews(NewsList((), 0)))
    qtbot.addWidget(page)
    assert page.left.currentWidget() is page.empty
    assert page.empty.text() == "There is no news yet."


def test_the_news_model_passes_the_model_tester(qtmodeltester, news) -> None:
    model = NewsModel()
    model.set_items(news.news.items)
    qtmodeltester.check(model, force_py=True)


PICTURE = NewsImage(5, "speeltuin.jpg", "image/jpeg", 2048, "cd" * 32,
                    "/api/v1/news-images/5", 1600, 1200)
FOLDER = Attachment(6, "programma.pdf", "application/pdf", 12_300, "ef" * 32,
                    "/api/v1/news-attachments/6")


@pytest.fixture
def with_files(qtbot) -> tuple[NewsPage, FakeNews]:
    news = FakeNews(NewsList((replace(item(3, "Speeltuin"), image=PICTURE,
                                      attachment=FOLDER), item(1, "Feestdagen")), 1))
    page = NewsPage(news)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    page.list.setCurrentIndex(page.model.index(0))
    return page, news


def test_a_picture_is_fetched_shown_scaled_to_the_pane_and_follows_its_width(
        qtbot, with_files) -> None:
    page, news = with_files
    assert ("fetch", PICTURE) in news.calls
    assert "Loading the picture" in page.reader.toPlainText()
    picture = QImage(1600, 1200, QImage.Format.Format_RGB32)
    picture.fill(QColor("#86B8E0"))
    news.pictureReady.emit(PICTURE.id, picture)
    wide = page.reader.shown_width
    assert 0 < wide <= page.reader.viewport().width() < 1600
    page.resize(600, 600)
    qtbot.waitUntil(lambda: 0 < page.reader.shown_width < wide)
    # Another item's file arriving late changes nothing here.
    news.fileFailed.emit(99, "Geen verbinding")
    assert page.reader.shown_width > 0


def test_a_picture_that_cannot_be_fetched_says_why(with_files) -> None:
    page, news = with_files
    news.fileFailed.emit(PICTURE.id, "The portal cannot be reached.")
    assert "The picture could not be loaded: The portal cannot be reached." in \
        page.reader.toPlainText()
    assert page.reader.shown_width == 0


def test_the_attachment_is_offered_to_open_and_save(with_files, tmp_path) -> None:
    page, news = with_files
    assert page.files_bar.isVisibleTo(page)
    assert page.attachment_name.text() == "Attachment: programma.pdf (12.3 kB)"
    target = tmp_path / "programma.pdf"
    page.save_attachment_to(target)
    assert news.calls[-1] == ("fetch", FOLDER)
    news.fileReady.emit(FOLDER.id, str(tmp_path / "downloaded.pdf"))
    assert news.calls[-1] == ("save", tmp_path / "downloaded.pdf", target)
    # An item without files has no bar.
    page.list.setCurrentIndex(page.model.index(1))
    assert not page.files_bar.isVisibleTo(page)
