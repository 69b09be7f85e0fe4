"""kronika's store: analysed articles in an embedded DuckDB file, queried by `queries` and written out by `exports`."""
from kronika.store.store import DEFAULT_DB, ENV_DB, IngestReport, Store, default_path

__all__ = ["DEFAULT_DB", "ENV_DB", "IngestReport", "Store", "default_path"]
