"""The Nieuws page: newest first, unread in bold and counted in the navigation, the reader
shows the safe subset, opens links outside and loads nothing by itself."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from news_fakes import FakeNews
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from view_fakes import FakeAccount, FakeSession

from desktop.api.news.records import NewsItem, NewsList
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
