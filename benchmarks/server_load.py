"""Server load: the morning peak of a large organisation, next to a trivial endpoint.

For each configuration — SQLite in one process, PostgreSQL with one worker, PostgreSQL with two
workers — this builds the demo organisation (``--scale``), publishes the chosen families'
finance documents (as the billing run would), starts ``ouderportaal-server serve`` exactly as
production does, logs in ``--parents`` primary parents and drives the server with ``wrk``
(``benchmarks/server_load.lua``):

- trivial: a FastAPI endpoint that returns a constant, on the same uvicorn options and number
  of workers (the floor: what the framework and the HTTP stack cost);
- mixed, saturating: ``--connections`` connections back to back with the parents' load (90 %
  reads of /me, the agenda month, the request overview and the invoice list; 10 % absence
  reported and cancelled again) — the most the server does;
- mixed, paced: 2 × ``--connections`` connections that together ask about ``--rate`` requests
  per second — the latency at the target rate;
- logins: ``--login-connections`` connections logging in with the real argon2id parameters.

Each line prints requests per second, p50/p99 latency, errors (non-2xx answers and socket
errors), and the server processes' CPU time per request (user + system, read from /proc; with
PostgreSQL also its backends' CPU). The runs are interleaved ``--repeat`` times and printed as
ranges, because the machine is shared. Then, for each endpoint, the SQL statements and the CPU
time per request, measured in-process on the same database by calling the ASGI app directly
(no HTTP client or server in the figure), next to the public ``/portal``.

It is one piece (above the usual module length) because it is one script run from the command
line: its parts — processes and CPU time, the configurations, wrk, the report, the query
counts — serve only this run and read best top to bottom.

Run: ``uv run python benchmarks/server_load.py [--postgres postgresql://test@127.0.0.1:54337/postgres]``
(without ``--postgres`` only SQLite). Needs ``wrk`` (``apt-get install wrk``). Prints figures;
asserts nothing. Targets (issue 13): mixed ≥ 300 req/s at p99 < 100 ms and 0 errors on
PostgreSQL with 2 workers; SQLite ≥ 200 req/s; 2 workers ≥ 1.6 × one; ≥ 30 logins/s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
LUA = HERE / "server_load.lua"
PASSWORD = "zonnebloem-demo"
BENCH_DATABASE = "ouderportaal_bench"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def trivial_app():  # noqa: ANN201 - uvicorn's factory for the trivial endpoint
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/trivial")
    async def trivial() -> dict[str, str]:
        return {"status": "ok"}

    return app


# --- processes and their CPU time -----------------------------------------------------------

def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            tree.setdefault(int(fields[1]), []).append(int(entry.name))
    return tree


def cpu_seconds(root: int) -> float:
    """User + system CPU of `root` and every process below it, those that ended included
    (PostgreSQL backends come and go: their time is in their parent's cutime/cstime)."""
    tree, total, todo = _children(), 0.0, [root]
    while todo:
        pid = todo.pop()
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(value) for value in fields[11:15]) / CLOCK_TICKS
        todo.extend(tree.get(pid, []))
    return total


def worker_seconds(root: int) -> dict[int, float]:
    """CPU seconds of each worker process: the children of uvicorn's supervisor that
    multiprocessing spawned (not its resource tracker, which serves no request)."""
    workers = []
    for pid in _children().get(root, []):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in command:
            workers.append(pid)
    return {pid: cpu_seconds(pid) for pid in workers}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port: int, process: subprocess.Popen, path: str) -> None:
    import httpx

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server stopped (exit {process.returncode}); see its log")
        try:
            if httpx.get(f"http://127.0.0.1:{port}{path}", timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not start in time")


def listening(port: int) -> int:
    """How many sockets listen on `port` (each worker has its own, server/serving.py)."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        count += sum(1 for line in lines
                     if line.split()[1].endswith(f":{port:04X}") and line.split()[3] == "0A")
    return count


def wait_for_workers(port: int, workers: int) -> None:
    """Until every worker listens: the first answer comes from the first worker up, and the
    connections a run opens before the others listen would all stay with it."""
    deadline = time.monotonic() + 120
    while listening(port) < workers and time.monotonic() < deadline:
        time.sleep(0.2)


@contextmanager
def running(command: list[str], env: dict[str, str], port: int, path: str,
            log: Path, workers: int = 1) -> Iterator[subprocess.Popen]:
    with log.open("ab") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=out)
    try:
        wait_until_up(port, process, path)
        if workers > 1:
            wait_for_workers(port, workers)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- configurations -------------------------------------------------------------------------

@dataclass
class Config:
    name: str
    database_url: str
    workers: int
    data_dir: Path
    postgres_pid: int | None = None
    emails: list[str] = field(default_factory=list)


def server_env(config: Config) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": config.database_url,
            "OUDERPORTAAL_DATA_DIR": str(config.data_dir),
            # Tokens from the setup must outlive every run.
            "OUDERPORTAAL_ACCESS_TOKEN_MINUTES": "600",
            # The steady state of a morning: nothing waits to be published (the parents' own
            # documents were published in the setup; the demo's other families would keep a
            # publisher rendering through every run).
            "OUDERPORTAAL_PUBLISH_DOCUMENTS": "off",
            # Every benchmark login is a new device: its notice goes into a folder, not to an
            # SMTP server that is not there (a refused connection and a logged traceback per
            # login would be part of the login figure).
            "OUDERPORTAAL_MAIL_FOLDER": str(config.data_dir / "mails")}


async def build_database(config: Config, scale: int, parents: int) -> list[str]:
    """The demo at `scale`, its documents published for the parents chosen; their e-mails."""
    from sqlalchemy import and_, exists, select

    from server.blobs import create_blob_store
    from server.config import Settings
    from server.db import create_engine, create_sessionmaker
    from server.demo.database import create_demo_database
    from server.finance.publication import publish_families
    from server.models import Child, Contract, Invoice, Role, User

    settings = Settings.from_env(server_env(config))
    await create_demo_database(settings, scale=scale)
    engine = create_engine(settings)
    try:
        async with create_sessionmaker(engine)() as db:
            open_contract = exists().where(and_(
                Contract.child_id == Child.id, Contract.end_date.is_(None)))
            rows = (await db.execute(
                select(User.email, User.family_id).where(
                    User.role == Role.PRIMARY_PARENT,
                    exists().where(and_(Child.family_id == User.family_id, open_contract)),
                    exists().where(Invoice.family_id == User.family_id))
                .order_by(User.id).limit(parents))).all()
        await publish_families(create_sessionmaker(engine), create_blob_store(settings),
                               [family_id for _, family_id in rows], settings.today())
    finally:
        await engine.dispose()
    return [email for email, _ in rows]


def prepare_parents(base: str, emails: list[str], runs: int) -> list[list[str]]:
    """Log in every parent; pick a child and `runs` planned day-parts 40+ days ahead (one per
    run, so every run starts with nothing reported). Rows for the Lua data file."""
    import httpx

    today = date.today()
    first, last = today.replace(day=1), (today.replace(day=28) + timedelta(days=4))
    last = last - timedelta(days=last.day)
    rows: list[list[str]] = []
    with httpx.Client(base_url=base + "/api/v1", timeout=60) as client:
        for n, email in enumerate(emails):
            answer = client.post("/auth/login", json={"email": email, "password": PASSWORD},
                                 headers={"X-Forwarded-For": f"10.200.{n // 250}.{n % 250 + 1}"})
            answer.raise_for_status()
            token = answer.json()["access_token"]
            auth = {"Authorization": f"Bearer {token}"}
            agenda = client.get("/agenda", headers=auth, params={
                "from": (today + timedelta(days=40)).isoformat(),
                "to": (today + timedelta(days=160)).isoformat()}).json()
            planned = agenda["planned"]
            if not planned:
                continue
            child = planned[0]["child_id"]
            days, seen = [], set()
            for part in planned:
                if part["child_id"] == child and part["date"] not in seen:
                    seen.add(part["date"])
                    days.append((part["date"], part["day_part"]))
            if len(days) < runs:
                continue
            rows.append([token, str(child), email, first.isoformat(), last.isoformat(),
                         *[f"{d}|{p}" for d, p in days[:runs]]])
            # Warm up what a parent's app asks first.
            for path in ("/me", "/requests", "/finance/invoices", "/finance"):
                client.get(path, headers=auth).raise_for_status()
    return rows


def write_parents(path: Path, rows: list[list[str]], run: int) -> None:
    lines = []
    for token, child, email, first, last, *days in rows:
        day, part = days[run].split("|")
        lines.append(" ".join([token, child, part, day, email, first, last]))
    path.write_text("\n".join(lines) + "\n")


# --- wrk ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Result:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    cpu_ms: float | None
    db_cpu_ms: float | None = None
    worker_shares: tuple[float, ...] = ()  # of the app's CPU, per worker, largest first


def wrk(url: str, seconds: float, connections: int, pids: tuple[int | None, int | None],
        args: list[str] | None = None) -> Result:
    threads = min(2, connections)
    command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds:g}s",
               "--timeout", "10s", "-s", str(LUA), url, "--",
               *(args or ["trivial", "/dev/null", str(threads), "0"])]
    app_pid, db_pid = pids
    app_before = cpu_seconds(app_pid) if app_pid else 0.0
    db_before = cpu_seconds(db_pid) if db_pid else 0.0
    workers_before = worker_seconds(app_pid) if app_pid else {}
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    app_used = cpu_seconds(app_pid) - app_before if app_pid else None
    db_used = cpu_seconds(db_pid) - db_before if db_pid else None
    workers = {pid: used - workers_before.get(pid, 0.0)
               for pid, used in (worker_seconds(app_pid) if app_pid else {}).items()}
    total = sum(workers.values())
    shares = tuple(sorted((used / total for used in workers.values()), reverse=True)) \
        if len(workers) > 1 and total > 0 else ()
    line = next(x for x in output.splitlines() if x.startswith("RESULT "))
    data = json.loads(line.removeprefix("RESULT "))
    requests = max(data["requests"], 1)
    return Result(
        rps=data["requests"] / (data["duration_us"] / 1e6),
        p50_ms=data["p50_us"] / 1000, p99_ms=data["p99_us"] / 1000,
        errors=data["status_errors"] + data["socket_errors"],
        cpu_ms=None if app_used is None else app_used * 1000 / requests,
        db_cpu_ms=None if db_used is None else db_used * 1000 / requests,
        worker_shares=shares)


# --- the runs -------------------------------------------------------------------------------

def trivial_command(port: int, workers: int) -> list[str]:
    """The trivial app served the way `ouderportaal-server serve` serves (server.serving)."""
    code = ("import sys; from server.serving import serve; "
            f"sys.path.insert(0, {str(HERE)!r}); "
            f"serve('server_load:trivial_app', '127.0.0.1', {port}, {workers}, factory=True)")
    return [sys.executable, "-c", code]


@dataclass
class Figures:
    runs: dict[str, list[Result]] = field(default_factory=dict)

    def add(self, name: str, result: Result) -> None:
        self.runs.setdefault(name, []).append(result)


def run_config(config: Config, args: argparse.Namespace, rows: list[list[str]] | None,
               log: Path) -> tuple[Figures, list[list[str]]]:
    """The runs of one configuration; `rows` None: log the parents in first (a new database).
    The trivial server runs only while the real one sits idle, so they never share the CPUs."""
    figures = Figures()
    data_file = config.data_dir / "parents.txt"
    port, trivial_port = free_port(), free_port()
    server = [sys.executable, "-m", "server.cli", "serve", "--port", str(port),
              "--workers", str(config.workers)]
    env = server_env(config)
    pace = max(1.0, 2 * args.connections * 1000 / args.rate)
    with running(server, env, port, "/api/v1/portal", log, config.workers) as app:
        url = f"http://127.0.0.1:{port}"
        if rows is None:
            rows = prepare_parents(url, config.emails, 2 * args.repeat)
        pids = (app.pid, config.postgres_pid)
        for repeat in range(args.repeat):
            with running(trivial_command(trivial_port, config.workers), env, trivial_port,
                         "/trivial", log, config.workers) as trivial:
                figures.add("trivial", wrk(f"http://127.0.0.1:{trivial_port}/trivial",
                                           args.duration, args.connections,
                                           (trivial.pid, None)))
            write_parents(data_file, rows, 2 * repeat)
            figures.add("mixed, saturating", wrk(
                url, args.duration, args.connections, pids,
                ["mixed", str(data_file), str(min(2, args.connections)), "0"]))
            write_parents(data_file, rows, 2 * repeat + 1)
            figures.add(f"mixed, paced ~{args.rate:g}/s", wrk(
                url, args.duration, 2 * args.connections, pids,
                ["mixed", str(data_file), "2", f"{pace:.1f}"]))
            figures.add("logins", wrk(
                url, args.login_seconds, args.login_connections, pids,
                ["login", str(data_file), str(min(2, args.login_connections)), "0"]))
    return figures, rows


def spread(values: list[float], digits: int = 0) -> str:
    low, high = min(values), max(values)
    text = f"{low:.{digits}f}" if round(low, digits) == round(high, digits) else \
        f"{low:.{digits}f}–{high:.{digits}f}"
    return text


def report(name: str, figures: Figures) -> None:
    print(f"\n{name}")
    print(f"  {'run':<24} {'req/s':>11} {'p50 ms':>11} {'p99 ms':>11} {'errors':>7} "
          f"{'CPU ms/req':>11} {'× trivial':>9} {'db CPU ms':>10}")
    trivial = figures.runs["trivial"]
    trivial_cpu = statistics.median(r.cpu_ms for r in trivial if r.cpu_ms)
    for run, results in figures.runs.items():
        cpu = [r.cpu_ms for r in results if r.cpu_ms is not None]
        db = [r.db_cpu_ms for r in results if r.db_cpu_ms is not None]
        label = "logins/s" if run == "logins" else "req/s"
        print(f"  {run:<24} {spread([r.rps for r in results]):>11} "
              f"{spread([r.p50_ms for r in results], 1):>11} "
              f"{spread([r.p99_ms for r in results], 1):>11} "
              f"{sum(r.errors for r in results):>7} "
              f"{spread(cpu, 2) if cpu else '':>11} "
              f"{statistics.median(cpu) / trivial_cpu if cpu and run != 'trivial' else 1:>8.0f}× "
              f"{spread(db, 2) if db else '':>10}"
              + (f"  ({label})" if run == "logins" else ""))
    split = [r.worker_shares for rs in figures.runs.values() for r in rs if r.worker_shares]
    if split:
        busiest = [shares[0] for shares in split]
        print(f"  the busiest worker did {spread([100 * b for b in busiest])} % of the work "
              f"(even: {100 / len(split[0]):.0f} %)")


# --- per endpoint, in-process ---------------------------------------------------------------

@dataclass(frozen=True)
class EndpointCost:
    queries: int
    cpu_ms: float  # this process's CPU per request: the app alone, no HTTP client or server


async def asgi_get(app, path: str, headers: dict[str, str]) -> tuple[int, bytes]:  # noqa: ANN001
    """One GET straight into the ASGI app (no HTTP client whose CPU would be counted too)."""
    path, _, query = path.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
             "query_string": query.encode(), "client": ("10.250.0.1", 50000),
             "server": ("bench", 80),
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()]}
    status, body, asked = 0, [], False

    async def receive() -> dict[str, object]:
        # The (empty) body once; then, like a client that stays, nothing: a streaming
        # response listens for a disconnect until it has sent its last byte.
        nonlocal asked
        if asked:
            await asyncio.Event().wait()
        asked = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, object]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])  # type: ignore[call-overload]
        else:
            body.append(message.get("body", b""))  # type: ignore[arg-type]

    await app(scope, receive, send)
    return status, b"".join(body)


async def endpoint_costs(config: Config, email: str, calls: int) -> dict[str, EndpointCost]:
    """SQL statements and CPU ms per request of each endpoint, in-process on the config's
    database, warm (the second visit on), next to the public /portal (one query)."""
    import httpx

    from server.app import create_app
    from server.config import Settings
    from server.db import StatementCounter

    settings = Settings.from_env(server_env(config))
    app = create_app(settings)
    today = date.today()
    first = today.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    costs: dict[str, EndpointCost] = {}
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=("10.250.0.1", 50000))
        async with httpx.AsyncClient(transport=transport, base_url="http://bench/api/v1") as c:
            token = (await c.post("/auth/login", json={"email": email, "password": PASSWORD})
                     ).json()["access_token"]
            auth = {"Authorization": f"Bearer {token}"}
            finance = (await c.get("/finance", headers=auth)).json()
        paths = {"/portal (public)": "/portal", "/me": "/me",
                 "agenda month": f"/agenda?from={first}&to={last}",
                 "/requests": "/requests", "/finance": "/finance",
                 "/finance nothing new": f"/finance?cursor={finance['cursor']}",
                 "invoice list": "/finance/invoices",
                 "one PDF download": finance["documents"][0]["url"].removeprefix("/api/v1")}
        counter = StatementCounter(app.state.engine)
        for name, path in paths.items():
            status, body = await asgi_get(app, "/api/v1" + path, auth)  # warm
            if status != 200:
                raise SystemExit(f"{name}: {status} {body[:200]!r}")
            with counter:
                await asgi_get(app, "/api/v1" + path, auth)
            started = time.process_time()
            for _ in range(calls):
                await asgi_get(app, "/api/v1" + path, auth)
            costs[name] = EndpointCost(
                counter.count, (time.process_time() - started) * 1000 / calls)
    return costs


# --- main -----------------------------------------------------------------------------------

async def recreate_postgres(server_url: str) -> tuple[str, int | None]:
    from sqlalchemy import make_url, text
    from sqlalchemy.ext.asyncio import create_async_engine

    from server.config import normalise_database_url

    url = normalise_database_url(server_url)
    engine = create_async_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(
                f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)'))
            await connection.execute(text(f'CREATE DATABASE "{BENCH_DATABASE}"'))
            data_directory = (await connection.execute(text("SHOW data_directory"))).scalar()
    finally:
        await engine.dispose()
    try:
        pid = int(Path(data_directory, "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        pid = None  # another machine, or not readable: no database CPU figure
    bench = make_url(url).set(database=BENCH_DATABASE).render_as_string(hide_password=False)
    return bench, pid


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=20, help="demo scale (24 families each)")
    parser.add_argument("--parents", type=int, default=48, help="parents logged in")
    parser.add_argument("--duration", type=float, default=10, help="seconds per run")
    parser.add_argument("--login-seconds", type=float, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--login-connections", type=int, default=4)
    parser.add_argument("--rate", type=float, default=300, help="paced requests per second")
    parser.add_argument("--repeat", type=int, default=2, help="interleaved runs per figure")
    parser.add_argument("--calls", type=int, default=200,
                        help="in-process calls per endpoint for its CPU per request")
    parser.add_argument("--postgres", help="a PostgreSQL server URL (a scratch database "
                                           f"{BENCH_DATABASE} is made on it)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install wrk): no figures.", file=sys.stderr)
        return 1
    root = Path(tempfile.mkdtemp(prefix="server-load-"))
    log = root / "server.log"
    configs = [Config("SQLite, 1 process", "", 1, root / "sqlite")]
    configs[0].database_url = f"sqlite+aiosqlite:///{configs[0].data_dir / 'ouderportaal.sqlite3'}"
    if args.postgres:
        url, pid = asyncio.run(recreate_postgres(args.postgres))
        base = Config("PostgreSQL, 1 worker", url, 1, root / "postgres", postgres_pid=pid)
        configs += [base, replace(base, name="PostgreSQL, 2 workers", workers=2)]
    print(f"load: wrk, {args.connections} connections saturating and {2 * args.connections} "
          f"paced (~{args.rate:g} req/s), {args.duration:g} s per run, {args.repeat} "
          f"interleaved runs; {args.parents} parents; demo scale {args.scale}; "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at the start")
    prepared: dict[str, list[list[str]]] = {}
    costs: dict[str, dict[str, EndpointCost]] = {}
    for config in configs:
        config.data_dir.mkdir(parents=True, exist_ok=True)
        key = config.database_url
        if key not in prepared:
            started = time.perf_counter()
            config.emails = asyncio.run(build_database(config, args.scale, args.parents))
            costs[config.name.split(",")[0]] = asyncio.run(
                endpoint_costs(config, config.emails[0], args.calls))
            print(f"{config.name}: demo built and documents published in "
                  f"{time.perf_counter() - started:.0f} s")
        figures, prepared[key] = run_config(config, args, prepared.get(key), log)
        report(config.name, figures)
    print(f"\nSQL statements per request and CPU ms per request by endpoint (in-process, "
          f"warm, {args.calls} calls each)")
    names = list(next(iter(costs.values())))
    print(f"  {'endpoint':<22}" + "".join(f"{db + ' SQL':>16}{db + ' ms':>16}" for db in costs))
    for name in names:
        print(f"  {name:<22}" + "".join(f"{by_name[name].queries:>16}{by_name[name].cpu_ms:>16.2f}"
                                        for by_name in costs.values()))
    print(f"\nload average at the end {os.getloadavg()[0]:.2f}; server log: {log}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
