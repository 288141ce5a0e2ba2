"""Helpers shared by the test modules (test modules import from here, never from each other)."""

from __future__ import annotations

from pathlib import Path

#: the checkout's root folder
ROOT = Path(__file__).resolve().parents[2]
