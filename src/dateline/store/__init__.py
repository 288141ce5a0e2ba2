"""DuckDB storage of stories and everything extracted from them (schema: docs/storage.md).

``Store`` writes and reads; ``export_store`` and ``summarize_store`` are the library calls
behind ``dateline export`` and ``dateline summary``.
"""

from __future__ import annotations

from .database import SCHEMA_VERSION, Store
from .export import export_store
from .rows import TABLES, content_hash
from .summary import summarize_store
from .writer import StoreWriter

__all__ = [
    "SCHEMA_VERSION",
    "TABLES",
    "Store",
    "StoreWriter",
    "content_hash",
    "export_store",
    "summarize_store",
]
