"""The HTTP service: FastAPI app factory, routers, error mapping and metrics."""

from assistant.api.app import create_app

__all__ = ["create_app"]
