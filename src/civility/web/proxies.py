"""What a request says about itself, believed only from a configured trusted proxy.

X-Forwarded-For and X-Forwarded-Proto are set by whoever sends the request: a client can claim
any address or scheme. They are read only when the direct peer is in CIVILITY_TRUSTED_PROXIES.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from starlette.requests import Request

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=16)
def parse_networks(text: str) -> tuple[Network, ...]:
    """Parses `10.0.0.0/8, 127.0.0.1` (validated by Settings)."""
    return tuple(
        ipaddress.ip_network(part.strip(), strict=False) for part in text.split(",") if part.strip()
    )


def _trusted(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in networks)


def client_address(request: Request, trusted: str) -> str:
    """Returns the client's address: the peer's, or the one a trusted proxy forwarded."""
    peer = request.client.host if request.client else "unknown"
    networks = parse_networks(trusted)
    forwarded = request.headers.get("x-forwarded-for")
    if not forwarded or not _trusted(peer, networks):
        return peer
    # Right to left: the first hop not in our own proxies is the client (the left ones are
    # whatever the client wrote).
    for hop in reversed([h.strip() for h in forwarded.split(",") if h.strip()]):
        if not _trusted(hop, networks):
            return hop
    return peer


def is_https(request: Request, trusted: str) -> bool:
    """Tells whether the client reached us over HTTPS (directly or through a trusted proxy)."""
    if request.url.scheme == "https":
        return True
    peer = request.client.host if request.client else ""
    proto = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return proto == "https" and _trusted(peer, parse_networks(trusted))
