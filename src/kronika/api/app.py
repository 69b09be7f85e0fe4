"""The FastAPI app behind `kronika serve`: the JSON API under /api, its docs at /docs, the workbench at /.

Errors are always JSON with a one-line `detail`: bad parameters and bad bodies 422, unknown ids 404, oversized input
413, writing without the token 401/403. The store is opened read-only unless a token enables writing.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from kronika import __version__
from kronika.api import routes, writes
from kronika.errors import KronikaError
from kronika.store import Store

WEB = Path(__file__).resolve().parent.parent / "web"
MAX_BODY_BYTES = {"/api/analyze": 4 * 1024 * 1024}   # JSON may escape each character as \uXXXX
MAX_BODY_DEFAULT = 64 * 1024 * 1024

DESCRIPTION = """kronika's read-only API over its store of analysed news, and an analyser for posted texts.

Lists are paginated with `limit` and `offset` and give `total`. Every error is JSON with a readable `detail`.
`POST /api/analyze` takes at most 200,000 characters (413 beyond). Writing (`POST /api/ingest`) needs
`Authorization: Bearer <token>` with the token `kronika serve --token` was started with; without one it is disabled (403).
"""


def open_store(db_path: str | Path, writable: bool) -> Store:
    """The store at `db_path`, created empty when missing (so a fresh server shows an empty workbench)."""
    path = Path(db_path)
    if str(path) != ":memory:" and not path.exists():
        Store(path).close()
    return Store(path, read_only=not writable)


class StoreHandle:
    """The app's open store: opened when the app is made (so a bad path fails at once), closed at shutdown and
    opened again if the app is started again (test clients run the app's lifespan more than once)."""

    def __init__(self, db_path: str | Path, writable: bool) -> None:
        self.db_path, self.writable = db_path, writable
        self._lock = threading.Lock()
        self._store: Store | None = open_store(db_path, writable)

    def get(self) -> Store:
        with self._lock:
            if self._store is None:
                self._store = open_store(self.db_path, self.writable)
            return self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def _where(loc: tuple) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("query", "path", "header", "body"):
        kind, rest = parts[0], parts[1:]
        if kind == "body":
            return "request body" + (f" field {'.'.join(rest)!r}" if rest else "")
        return f"{kind} parameter {'.'.join(rest)!r}"
    return ".".join(parts) or "request"


def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
              for e in exc.errors()]
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    detail = f"{_where(tuple(first['loc']))}: {first['msg']}"
    if first.get("type") == "json_invalid":
        detail = "request body is not valid JSON"
    return JSONResponse({"detail": detail, "errors": errors}, status_code=422)


def _kronika_error(_request: Request, exc: KronikaError) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=422)


def _internal_error(_request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": f"internal error ({type(exc).__name__}); please report it"}, status_code=500)


class BodyLimit:
    """Refuse (413) a request whose declared body is larger than its endpoint takes, before reading it."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope.get("method") in ("POST", "PUT", "PATCH"):
            limit = MAX_BODY_BYTES.get(scope.get("path", ""), MAX_BODY_DEFAULT)
            length = dict(scope.get("headers") or []).get(b"content-length", b"0")
            if length.isdigit() and int(length) > limit:
                resp = JSONResponse({"detail": f"request body over {limit:,} bytes"}, status_code=413)
                await resp(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(db_path: str | Path, token: str | None = None,
               analyze: Callable[..., dict] | None = None) -> FastAPI:
    """The app over the store at `db_path`; `token` enables writing; `analyze(text, lang=..., **fields)` defaults to
    kronika.analyze (tests pass a fast stand-in)."""
    stores = StoreHandle(db_path, writable=bool(token))

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        stores.close()

    app = FastAPI(title="kronika", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    if analyze is None:
        import kronika

        analyze = kronika.analyze
    app.state.stores, app.state.token, app.state.analyze = stores, token or None, analyze
    app.state.analyze_lock, app.state.write_lock = threading.Lock(), threading.Lock()
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(KronikaError, _kronika_error)
    app.add_exception_handler(Exception, _internal_error)
    app.add_middleware(BodyLimit)
    app.include_router(routes.router, tags=["read"])
    app.include_router(writes.router, tags=["analyse and write"])

    @app.get("/api/health", tags=["read"], summary="Is the server up; what it serves")
    def health() -> dict:
        from kronika.store import queries

        store = stores.get()
        return {"status": "ok", "version": __version__, "db": str(store.path), "writable": bool(token),
                "articles": queries.count(store, "articles")}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=WEB), name="static")
    return app
