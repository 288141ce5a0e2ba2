"""Call the web app in-process through httpx's ASGI transport."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from fastapi import FastAPI


def call(app: FastAPI, method: str, url: str, **kwargs: Any) -> httpx.Response:
    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.request(method, url, **kwargs)

    return asyncio.run(run())


def get(app: FastAPI, url: str, **kwargs: Any) -> Any:
    response = call(app, "GET", url, **kwargs)
    assert response.status_code == 200, response.text
    return response.json()
