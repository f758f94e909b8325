"""The ASGI application: `create_app(settings)`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from server.access_log import AccessLogMiddleware
from server.account import routes as account_routes
from server.agenda import absence_routes, extra_day_routes, request_overview
from server.agenda import routes as agenda_routes
from server.auth import routes as auth_routes
from server.auth.passwords import PasswordHasher
from server.blobs import create_blob_store
from server.config import Settings
from server.db import create_engine, create_sessionmaker
from server.diary import routes as diary_routes
from server.events import routes as events_routes
from server.events.hub import EventHub
from server.finance import routes as finance_routes
from server.finance.publisher import DocumentPublisher
from server.idempotency import IdempotencyMiddleware
from server.mail import Mailer, create_mailer
from server.messages import routes as messages_routes
from server.news import files as news_files
from server.news import routes as news_routes
from server.notifications import routes as notification_routes
from server.notifications.sender import MessageMailSender
from server.personal_data import photo_consent as photo_consent_routes
from server.personal_data import routes as personal_data_routes
from server.photos import activity_routes as photo_activity_routes
from server.photos import hearts as photo_hearts
from server.photos import routes as photo_routes
from server.photos.images import Limits
from server.photos.workers import ImageWorkers
from server.problems.handlers import install_problem_handlers
from server.profile import routes as profile_routes
from server.request_limits import RequestLimitsMiddleware
from server.response_headers import ResponseHeadersMiddleware
from server.web import reset_page

API_PREFIX = "/api/v1"


def create_app(settings: Settings, *, mailer: Mailer | None = None) -> FastAPI:
    """Build the app. The database engine, password hasher and the finance documents'
    publisher live from startup to shutdown (the lifespan), so one app object can be started,
    stopped and started again."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(settings)
        app.state.engine = engine
        app.state.sessionmaker = create_sessionmaker(engine)
        app.state.hasher = PasswordHasher(settings)
        app.state.blobs = create_blob_store(settings)
        app.state.image_workers = ImageWorkers(settings.image_workers, Limits(
            settings.max_photo_bytes, settings.max_photo_pixels))
        publisher = DocumentPublisher(app.state.sessionmaker, app.state.blobs, settings,
                                      only_wanted=settings.publish_documents == "wanted")
        app.state.publisher = publisher
        app.state.events = EventHub()
        app.state.events.start(engine, settings.database_url)
        if settings.publish_documents != "off":
            publisher.start()
        message_mails = MessageMailSender(app.state.sessionmaker, app.state.mailer, settings)
        if settings.message_mails:
            message_mails.start()
        try:
            yield
        finally:
            await message_mails.stop()
            await app.state.events.stop()
            await publisher.stop()
            app.state.image_workers.close()
            await engine.dispose()

    app = FastAPI(
        title="Ouderportaal",
        description="The portal server of Ouderportaal: accounts, profile and the portal API.",
        version="1",
        openapi_url=f"{API_PREFIX}/openapi.json",
        # The interactive docs pages load scripts from a CDN; the schema is what clients need.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.mailer = mailer or create_mailer(settings)
    app.include_router(profile_routes.router, prefix=API_PREFIX)
    app.include_router(agenda_routes.router, prefix=API_PREFIX)
    app.include_router(absence_routes.router, prefix=API_PREFIX)
    app.include_router(extra_day_routes.router, prefix=API_PREFIX)
    app.include_router(request_overview.router, prefix=API_PREFIX)
    app.include_router(auth_routes.router, prefix=API_PREFIX)
    app.include_router(account_routes.router, prefix=API_PREFIX)
    app.include_router(notification_routes.router, prefix=API_PREFIX)
    app.include_router(personal_data_routes.router, prefix=API_PREFIX)
    app.include_router(photo_consent_routes.router, prefix=API_PREFIX)
    app.include_router(finance_routes.router, prefix=API_PREFIX)
    app.include_router(messages_routes.router, prefix=API_PREFIX)
    app.include_router(news_routes.router, prefix=API_PREFIX)
    app.include_router(news_files.router, prefix=API_PREFIX)
    app.include_router(events_routes.router, prefix=API_PREFIX)
    app.include_router(photo_activity_routes.router, prefix=API_PREFIX)
    app.include_router(photo_routes.router, prefix=API_PREFIX)
    app.include_router(photo_hearts.router, prefix=API_PREFIX)
    app.include_router(diary_routes.router, prefix=API_PREFIX)
    app.include_router(reset_page.router)
    # Innermost first: the last one added is the outermost.
    app.add_middleware(IdempotencyMiddleware)
    # Outside the idempotency layer, which reads the whole body itself.
    app.add_middleware(RequestLimitsMiddleware)
    install_problem_handlers(app)
    # Outside the error middleware, so its 500s carry the headers too.
    app.add_middleware(ResponseHeadersMiddleware)
    # Outermost, so it also sees the 500s produced by the error middleware.
    app.add_middleware(AccessLogMiddleware)
    return app
