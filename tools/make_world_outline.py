"""Write the web map's world outline once, from Natural Earth's public-domain country shapes.

Natural Earth (https://www.naturalearthdata.com/) is in the public domain. Its 1:110m
"admin 0 countries" shapes reach this script through the geopandas 0.14 wheel on PyPI, which
ships them as ``geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp``:

    pip download --no-deps geopandas==0.14.4 && unzip geopandas-0.14.4-*.whl 'geopandas/datasets/*'
    python tools/make_world_outline.py geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

It writes ``src/dateline/web/static/world.json``: ``{"source": ..., "rings": [[[lon, lat], ...]]}``,
coordinates rounded to ``PRECISION`` decimals, so the page draws the map with no tiles and no
network. Only the standard library is used: a polygon shapefile is a simple binary format.
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "web" / "static" / "world.json"
#: decimals kept (0.1 degree is about 11 km, far finer than a map on a screen)
PRECISION = 1
#: rings with fewer distinct points than this are specks at this scale
MIN_POINTS = 4
POLYGON = 5
SOURCE = "Natural Earth 1:110m admin 0 countries (public domain), via the geopandas 0.14.4 wheel"


def rings(shp: bytes) -> list[list[list[float]]]:
    """Every polygon ring of a shapefile, as [lon, lat] points."""
    found: list[list[list[float]]] = []
    at = 100  # the file header
    while at + 8 <= len(shp):
        _number, words = struct.unpack(">ii", shp[at : at + 8])
        content = shp[at + 8 : at + 8 + 2 * words]
        at += 8 + 2 * words
        if struct.unpack("<i", content[:4])[0] != POLYGON:
            continue
        parts, points = struct.unpack("<ii", content[36:44])
        starts = list(struct.unpack(f"<{parts}i", content[44 : 44 + 4 * parts]))
        xy = struct.unpack(f"<{2 * points}d", content[44 + 4 * parts : 44 + 4 * parts + 16 * points])
        for first, last in zip(starts, [*starts[1:], points], strict=True):
            ring = _rounded(xy[2 * first : 2 * last])
            if len(ring) >= MIN_POINTS:
                found.append(ring)
    return found


def _rounded(xy: tuple[float, ...]) -> list[list[float]]:
    ring: list[list[float]] = []
    for i in range(0, len(xy), 2):
        point = [round(xy[i], PRECISION), round(xy[i + 1], PRECISION)]
        if not ring or point != ring[-1]:
            ring.append(point)
    return ring


def main() -> int:
    shp = Path(sys.argv[1]).read_bytes()
    outline = {"source": SOURCE, "rings": rings(shp)}
    OUT.write_text(json.dumps(outline, separators=(",", ":")) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
