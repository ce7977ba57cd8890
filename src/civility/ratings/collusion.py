"""Dense blocks in the rater–post graph: groups that push the same posts the same way.

In the spirit of FRAUDAR (Hooi et al., KDD 2016): nodes are raters and (post, direction)
columns; an edge is a rating far from the post's consensus in that direction. Greedy peeling
removes the node of least weighted degree until nothing is left and keeps the densest
prefix; a column's edges weigh 1 / log(degree + 5), so many honest raters who all dislike one
bad post (a star) count for little, while a group that shares many columns does not. Blocks
are peeled one after another (raters of an accepted block are removed first).

numpy holds the degrees; the peel itself is a heap, which is sequential by nature.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

Column = tuple[str, int]


@dataclass(frozen=True, slots=True)
class Block:
    """A dense group: its raters, the (post, direction) columns they share, and its edges."""

    users: tuple[str, ...]
    columns: tuple[Column, ...]
    edges: tuple[tuple[str, Column], ...]
    density: float

    @property
    def fill(self) -> float:
        """Returns the share of rater × column pairs that are edges."""
        return len(self.edges) / max(1, len(self.users) * len(self.columns))


def densest_block(edges: Sequence[tuple[str, Column]]) -> Block | None:
    """Returns the block of greatest weighted density (edge weight / nodes), by greedy peeling."""
    if not edges:
        return None
    users = sorted({u for u, _ in edges})
    columns = sorted({c for _, c in edges})
    uidx = {u: i for i, u in enumerate(users)}
    cidx = {c: len(users) + i for i, c in enumerate(columns)}
    n = len(users) + len(columns)
    src = np.fromiter((uidx[u] for u, _ in edges), dtype=np.int64, count=len(edges))
    dst = np.fromiter((cidx[c] for _, c in edges), dtype=np.int64, count=len(edges))
    col_degree = np.bincount(dst, minlength=n)
    weight = 1.0 / np.log(col_degree[dst] + 5.0)
    degree = np.bincount(src, weights=weight, minlength=n) + np.bincount(
        dst, weights=weight, minlength=n
    )
    neighbours: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for s, d, w in zip(src.tolist(), dst.tolist(), weight.tolist(), strict=True):
        neighbours[s].append((d, w))
        neighbours[d].append((s, w))
    current = degree.tolist()
    alive = [True] * n
    heap = [(current[i], i) for i in range(n)]
    heapq.heapify(heap)
    total = float(weight.sum())
    remaining = n
    best, best_size, order = total / n, n, []
    while heap:
        d, i = heapq.heappop(heap)
        if not alive[i] or d != current[i]:
            continue
        alive[i] = False
        order.append(i)
        total -= current[i]
        remaining -= 1
        for j, w in neighbours[i]:
            if alive[j]:
                current[j] -= w
                heapq.heappush(heap, (current[j], j))
        if remaining and total / remaining > best:
            best, best_size = total / remaining, remaining
    removed = set(order[: n - best_size])
    keep_users = tuple(u for u in users if uidx[u] not in removed)
    keep_cols = tuple(c for c in columns if cidx[c] not in removed)
    kept_u, kept_c = set(keep_users), set(keep_cols)
    block_edges = tuple((u, c) for u, c in edges if u in kept_u and c in kept_c)
    return Block(keep_users, keep_cols, block_edges, best)


def dense_blocks(
    edges: Sequence[tuple[str, Column]],
    *,
    min_users: int,
    min_posts: int,
    min_density: float,
    max_blocks: int,
) -> list[Block]:
    """Returns up to max_blocks dense blocks, each big and dense enough, peeled in turn."""
    found: list[Block] = []
    rest = list(edges)
    for _ in range(max_blocks):
        block = densest_block(rest)
        if block is None or not _accept(block, min_users, min_posts, min_density):
            break
        found.append(block)
        gone = set(block.users)
        rest = [(u, c) for u, c in rest if u not in gone]
    return found


def _accept(block: Block, min_users: int, min_posts: int, min_density: float) -> bool:
    posts = {post for post, _ in block.columns}
    # Unweighted density: edges per node, so the threshold reads in plain counts.
    density = len(block.edges) / max(1, len(block.users) + len(block.columns))
    return (
        len(block.users) >= min_users
        and len(posts) >= min_posts
        and density >= min_density
        and not math.isnan(block.density)
    )
