"""`python -m generator search-size`: what a search downloads, per city and nationally."""

from __future__ import annotations

import statistics

from ..check import check_directory
from ..dates import reference_today
from ..errors import CheckFailed
from ..search import write as search_write
from ._args import add_root, add_today, existing_root

HELP = "measure the search files (gzip bytes fetched for a city-scoped and a national query)"


def add_arguments(parser) -> None:
    add_root(parser)
    add_today(parser)


def run(args) -> int:
    root = existing_root(args.root)
    directory, report = check_directory(root, reference_today(args.today))
    if directory is None:
        raise CheckFailed(report, kept="ukuran tidak dihitung")
    files = search_write.search_files(directory)
    gz = {name: search_write.gzip_size(data) for name, data in files.items()}
    out = search_write.OUT
    script = gz[f"{out}/search.js"] + gz[f"{out}/search.css"]
    shards = {
        name.rsplit("/", 1)[1][:-5]: size
        for name, size in gz.items()
        if name.startswith(f"{out}/shards/")
    }
    covering = {code: len(search_write.documents.covering(directory, code)) for code in shards}
    largest = max(shards, key=lambda code: (shards[code], code))
    median = statistics.median(shards.values())
    print(f"loader.js on every page: {gz[f'{out}/loader.js']} B gzip")
    print(f"search script + styles:  {script} B gzip")
    print(f"city query, median city: {script + median:.0f} B (shard {median:.0f} B)")
    print(
        f"city query, largest:     {script + shards[largest]} B "
        f"({largest}, {covering[largest]} services, shard {shards[largest]} B)"
    )
    near = min(shards, key=lambda code: (abs(covering[code] - 300), code))
    print(
        f"city query, ~300:        {script + shards[near]} B "
        f"({near}, {covering[near]} services, shard {shards[near]} B)"
    )
    first = gz[f"{out}/first/{near}.json"]
    print(f"  first result, ~300:     {script + first} B (first slice {first} B, then the shard)")
    print(f"national index:          {gz[f'{out}/national.json']} B")
    print(
        f"national query:          {script + gz[f'{out}/national.json']} B (+ one city shard when the query names a city)"
    )
    return 0
