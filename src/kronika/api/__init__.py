"""kronika's HTTP API and workbench server (`kronika serve`): see app.create_app."""
from kronika.api.app import create_app

__all__ = ["create_app"]
