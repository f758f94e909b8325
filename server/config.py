"""Server settings, read once from the environment and passed around explicitly (no globals)."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

Clock = Callable[[], datetime]
"""Returns the current time as an aware datetime; tests inject a controllable one."""

SMTP_SECURITY_MODES = ("none", "starttls", "tls")
PUBLISH_MODES = ("all", "wanted", "off")
BLOB_STORES = ("disk", "s3")


def utc_now() -> datetime:
    return datetime.now(UTC)


def default_data_dir() -> Path:
    return Path.cwd() / "ouderportaal-data"


def sqlite_url(data_dir: Path) -> str:
    return f"sqlite+aiosqlite:///{(data_dir / 'ouderportaal.sqlite3').resolve()}"


@dataclass(frozen=True)
class Settings:
    """Everything the server needs to know about its environment.

    Build it with `Settings.from_env()` in production; tests construct it directly so they can
    choose a database, cheap password hashing and a controllable clock.
    """

    data_dir: Path
    database_url: str
    public_url: str = "http://127.0.0.1:8000"
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_security: str = "none"
    mail_from: str = "Ouderportaal <noreply@ouderportaal.nl>"
    # When set, mails are written as .eml files into this folder instead of going to SMTP
    # (demo mode), and the reset link and code are logged so a developer can use them.
    mail_folder: Path | None = None
    # argon2id at OWASP's recommended configuration (t=2, m=19 MiB, p=1; the Password Storage
    # Cheat Sheet). RFC 9106's t=3, m=64 MiB cost ~150 ms of CPU per login: 7 logins a second
    # on two cores, half an hour for 13,000 parents at the morning peak. This costs ~25 ms, so
    # the same two cores log in well over 30 a second (benchmarks/server_load.py). Hashes made
    # with other parameters are redone at the next successful login (server.auth.login).
    argon2_time_cost: int = 2
    argon2_memory_cost: int = 19456  # KiB
    argon2_parallelism: int = 1
    # Each hash holds argon2_memory_cost KiB; the cap bounds memory and keeps the event loop's
    # worker threads free for other requests during a burst of logins.
    max_concurrent_hashes: int = 4
    access_token_ttl: timedelta = timedelta(minutes=15)
    # A rotated refresh token presented again this soon gets the same successor pair (two
    # requests of one app refreshing at once, or an answer lost on the way); later it is reuse.
    refresh_grace: timedelta = timedelta(seconds=60)
    reset_ttl: timedelta = timedelta(minutes=30)
    # Open database connections each server process keeps (PostgreSQL; as many again may be
    # opened for a burst). Workers × 2 × this must stay below the server's max_connections.
    database_pool_size: int = 10
    # Which finance documents this process publishes in the background (server.finance.
    # publisher): "all" queued families (a server), only "wanted" ones — families whose listing
    # found them queued (the desktop's demo, which renders on the parent's own computer) — or
    # "off" (a web worker next to a dedicated `ouderportaal-server publish`; the tests).
    publish_documents: str = "all"
    # The newest desktop release and where to get it: `/portal` passes them on so an older app
    # can say, calmly, that an update exists (README, "Installers"). Unset: no hint.
    client_version: str | None = None
    client_download_url: str | None = None
    # Request bodies (server/request_limits.py): JSON and forms; uploads get their own cap.
    max_request_body: int = 1024 * 1024
    # Uploads (server.request_limits.UPLOAD_PATHS): a little over the largest attachment, so
    # a file just over its cap gets the feature's own answer ("at most 10 MB").
    max_upload_body: int = 11 * 1024 * 1024
    request_body_timeout: timedelta = timedelta(seconds=30)
    # The event stream (server/events): a heartbeat this often keeps proxies and the app's
    # read timeout from closing a quiet stream, and the session is checked again; `retry`
    # tells a client how soon to come back after the stream ended.
    event_heartbeat: timedelta = timedelta(seconds=15)
    event_retry: timedelta = timedelta(seconds=3)
    # Mails about messages that stayed unread (server/notifications/sender.py): whether this
    # process sends them, and how often it looks. Off for a web worker beside another that
    # sends (several may send: each mail still goes once), and in the tests.
    message_mails: bool = True
    message_mail_poll: timedelta = timedelta(minutes=1)
    # Photo uploads (server/photos/images.py): the body cap of an upload, the pixel cap
    # (a small file can decode to gigabytes) and the threads that do the image work.
    max_photo_bytes: int = 30 * 1024 * 1024
    max_photo_pixels: int = 50_000_000
    image_workers: int = 2
    # Where blobs (PDFs, photos) live (server/blobs/): "disk" under the data folder, or "s3":
    # an S3-compatible object store shared by several machines (README, "Blob storage").
    blob_store: str = "disk"
    s3_bucket: str | None = None
    s3_prefix: str = ""
    s3_endpoint_url: str | None = None
    s3_region: str | None = None
    s3_access_key_id: str | None = None
    s3_secret_access_key: str | None = field(default=None, repr=False)
    # Seals the secrets the server must read again (server/account/secret_box.py); unset:
    # a key file in the data folder.
    secret_key: str | None = field(default=None, repr=False)
    clock: Clock = field(default=utc_now, compare=False)

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        """Today in the organisation's time zone: contract dates are Dutch calendar dates."""
        return self.clock().astimezone(AMSTERDAM).date()

    @property
    def blob_dir(self) -> Path:
        """Where the files-on-disk blob store keeps PDFs (server.blobs)."""
        return self.data_dir / "blobs"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Read `DATABASE_URL` and the `OUDERPORTAAL_*` variables; `overrides` win."""
        env = os.environ if env is None else env
        data_dir = Path(env.get("OUDERPORTAAL_DATA_DIR") or default_data_dir())
        values: dict[str, object] = {
            "data_dir": data_dir,
            "database_url": normalise_database_url(env.get("DATABASE_URL") or sqlite_url(data_dir)),
            "public_url": env.get("OUDERPORTAAL_PUBLIC_URL", cls.public_url).rstrip("/"),
            "smtp_host": env.get("OUDERPORTAAL_SMTP_HOST", cls.smtp_host),
            "smtp_port": int(env.get("OUDERPORTAAL_SMTP_PORT", cls.smtp_port)),
            "smtp_username": env.get("OUDERPORTAAL_SMTP_USERNAME") or None,
            "smtp_password": env.get("OUDERPORTAAL_SMTP_PASSWORD") or None,
            "smtp_security": env.get("OUDERPORTAAL_SMTP_SECURITY", cls.smtp_security).lower(),
            "mail_from": env.get("OUDERPORTAAL_SMTP_FROM", cls.mail_from),
        }
        if key := env.get("OUDERPORTAAL_SECRET_KEY"):
            values["secret_key"] = key.strip()
        if folder := env.get("OUDERPORTAAL_MAIL_FOLDER"):
            values["mail_folder"] = Path(folder)
        for name in ("time_cost", "memory_cost", "parallelism"):
            if raw := env.get(f"OUDERPORTAAL_ARGON2_{name.upper()}"):
                values[f"argon2_{name}"] = int(raw)
        if raw := env.get("OUDERPORTAAL_DATABASE_POOL_SIZE"):
            values["database_pool_size"] = int(raw)
        if raw := env.get("OUDERPORTAAL_PUBLISH_DOCUMENTS"):
            values["publish_documents"] = raw.strip().lower()
        for name in ("version", "download_url"):
            if raw := env.get(f"OUDERPORTAAL_CLIENT_{name.upper()}"):
                values[f"client_{name}"] = raw.strip()
        if raw := env.get("OUDERPORTAAL_BLOB_STORE"):
            values["blob_store"] = raw.strip().lower()
        for name in ("bucket", "prefix", "endpoint_url", "region", "access_key_id",
                     "secret_access_key"):
            if raw := env.get(f"OUDERPORTAAL_S3_{name.upper()}"):
                values[f"s3_{name}"] = raw.strip()
        for name in ("max_photo_bytes", "max_photo_pixels", "image_workers"):
            if raw := env.get(f"OUDERPORTAAL_{name.upper()}"):
                values[name] = int(raw)
        if raw := env.get("OUDERPORTAAL_MESSAGE_MAILS"):
            values["message_mails"] = raw.strip().lower() not in ("off", "0", "false", "no")
        if raw := env.get("OUDERPORTAAL_ACCESS_TOKEN_MINUTES"):
            values["access_token_ttl"] = timedelta(minutes=int(raw))
        values.update(overrides)
        settings = cls(**values)  # type: ignore[arg-type]
        settings.validate()
        return settings

    def validate(self) -> None:
        if self.smtp_security not in SMTP_SECURITY_MODES:
            raise ValueError(
                f"OUDERPORTAAL_SMTP_SECURITY must be one of {', '.join(SMTP_SECURITY_MODES)}"
            )
        if self.publish_documents not in PUBLISH_MODES:
            raise ValueError(
                f"OUDERPORTAAL_PUBLISH_DOCUMENTS must be one of {', '.join(PUBLISH_MODES)}")
        if self.blob_store not in BLOB_STORES:
            raise ValueError(f"OUDERPORTAAL_BLOB_STORE must be one of {', '.join(BLOB_STORES)}")
        if self.blob_store == "s3" and not self.s3_bucket:
            raise ValueError("OUDERPORTAAL_BLOB_STORE=s3 needs OUDERPORTAAL_S3_BUCKET")
        if (self.client_version is None) != (self.client_download_url is None):
            raise ValueError("set OUDERPORTAAL_CLIENT_VERSION and OUDERPORTAAL_CLIENT_DOWNLOAD_URL"
                             " together: a hint without a download address helps no one")
        if self.client_download_url is not None \
                and not self.client_download_url.startswith("https://"):
            raise ValueError("OUDERPORTAAL_CLIENT_DOWNLOAD_URL must be an https:// address")


def normalise_database_url(url: str) -> str:
    """Accept the usual `postgresql://` URL and pick the async driver the server uses."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix):]
    if url.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + url[len("sqlite:///"):]
    return url
