"""One module per resource; ``ROUTERS`` is what the app mounts, in this order."""

from __future__ import annotations

from fastapi import APIRouter

from . import actors, clusters, dyads, events, network, pages, quotes, stories, submit

ROUTERS: tuple[APIRouter, ...] = (
    stories.router,
    submit.router,
    events.router,
    clusters.router,
    quotes.router,
    actors.router,
    dyads.router,
    network.router,
    pages.router,
)
