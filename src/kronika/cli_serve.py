"""`kronika serve`: the JSON API and the web workbench over a store, on 127.0.0.1 unless told otherwise."""
from __future__ import annotations

from typing import Optional

import typer
from rich.console import Console

from kronika.errors import UsageError

err = Console(stderr=True, highlight=False, soft_wrap=True)
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def register(app: typer.Typer) -> None:
    """Add `serve` to the main `kronika` app."""
    app.command()(serve)


def serve(
    db: Optional[str] = typer.Option(None, "--db", help="the store (default: $KRONIKA_DB, else ./kronika.duckdb; "
                                                        "created empty when missing)"),
    host: str = typer.Option("127.0.0.1", "--host", help="address to listen on (default: this machine only)"),
    port: int = typer.Option(8321, "--port", min=1, max=65535, help="TCP port"),
    token: Optional[str] = typer.Option(None, "--token", envvar="KRONIKA_TOKEN",
                                        help="enables writing (POST /api/ingest) for clients sending "
                                             "'Authorization: Bearer TOKEN'; without it the store is read-only"),
    preload: bool = typer.Option(True, "--preload/--no-preload",
                                 help="load the Polish and English pipelines at start (else on the first analysis)"),
) -> None:
    """Serve the API (/api, docs at /docs) and the web workbench (/) until interrupted."""
    import uvicorn

    from kronika.api import create_app
    from kronika.store import default_path

    path = db or str(default_path())
    if token is not None and not token.strip():
        raise UsageError("--token must not be empty")
    app = create_app(path, token=token)      # opens the store first: a bad path fails before the models load
    if preload:
        from kronika.loading import load

        err.print("kronika: loading the pl and en pipelines…")
        for lang in ("pl", "en"):
            load(lang)
    if host not in LOOPBACK:
        err.print(f"kronika: listening on {host}: anyone who can reach it can read the store.")
    where = f"[{host}]" if ":" in host else host
    err.print(f"kronika: serving {path} at http://{where}:{port}/ (API docs at /docs; writing "
              f"{'enabled with the token' if token else 'disabled'}). Ctrl-C stops.", markup=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")
