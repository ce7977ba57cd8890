"""Where webhooks may be delivered: public addresses only, unless the operator allows more.

A webhook URL is chosen by whoever holds an admin key, and the server POSTs to it from inside
the deployment's network: without a check it can reach the cloud metadata service, the
database, Redis or anything else only the server can reach (server-side request forgery).
The URL is checked when it is registered (IP literals in every spelling the resolver accepts,
credentials, local names), and again at every delivery after DNS resolution, when the
dispatcher connects to the very address it checked, so a name that resolves elsewhere later
(DNS rebinding) gains nothing.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from civility.errors import Invalid

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

MAX_URL_LENGTH = 2000
# Names that mean this machine or a cloud metadata service whatever DNS says.
LOCAL_NAMES = frozenset({"localhost", "metadata", "metadata.google.internal", "instance-data"})
# NAT64 (RFC 6052) embeds an IPv4 address in the low 32 bits.
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def parse_ip(host: str) -> IPAddress | None:
    """Reads a host as an IP address in any spelling a resolver accepts, else None.

    `inet_aton` takes what getaddrinfo would: `0x7f000001`, `2130706433`, `0177.0.0.1`,
    `127.1`; checking only the dotted-quad form would let those through.
    """
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if not host or not all(c.isalnum() or c == "." for c in host):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """Returns the IPv4 address an IPv6 one carries (mapped, NAT64, 6to4, Teredo), if any."""
    if isinstance(ip, ipaddress.IPv4Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


def is_public(ip: IPAddress) -> bool:
    """Tells whether an address is globally routable unicast (not loopback, private, link-local
    (the metadata service's 169.254.169.254), shared, multicast, reserved or unspecified)."""
    inner = embedded_ipv4(ip)
    if inner is not None and not is_public(inner):
        return False
    return ip.is_global and not ip.is_multicast and not ip.is_reserved


@dataclass(frozen=True, slots=True)
class TargetPolicy:
    """The operator's allow-list: networks and host names that may be private."""

    networks: tuple[IPNetwork, ...] = ()
    hosts: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, entries: str | Iterable[str]) -> TargetPolicy:
        """Reads `10.0.0.0/8,127.0.0.1,hooks.internal` (networks, addresses or host names)."""
        items = entries.split(",") if isinstance(entries, str) else entries
        networks: list[IPNetwork] = []
        hosts: set[str] = set()
        for raw in (i.strip().lower() for i in items):
            if not raw:
                continue
            try:
                networks.append(ipaddress.ip_network(raw, strict=False))
            except ValueError:
                hosts.add(raw.rstrip("."))
        return cls(tuple(networks), frozenset(hosts))

    def allows_address(self, ip: IPAddress, host: str = "") -> bool:
        """Tells whether a delivery may connect to `ip` (reached through the name `host`)."""
        if host.lower().rstrip(".") in self.hosts:
            return True
        candidates = [ip] + ([inner] if (inner := embedded_ipv4(ip)) else [])
        if any(c in n for c in candidates for n in self.networks if c.version == n.version):
            return True
        return is_public(ip)

    def check_url(self, url: str) -> None:
        """Refuses a URL that is not http(s), carries credentials, or names a local target."""
        parts = _split(url)
        host = (parts.hostname or "").rstrip(".")
        if parts.username is not None or parts.password is not None:
            raise Invalid("webhook URLs may not carry credentials", code="bad_webhook_url")
        if host in self.hosts:
            return
        ip = parse_ip(host)
        if ip is not None and not self.allows_address(ip):
            raise Invalid(
                "webhook URLs must point at a public address (loopback, private, link-local, "
                "multicast and reserved ones are refused; CIVILITY_WEBHOOK_ALLOWED_TARGETS "
                "allows more)",
                code="webhook_target_not_allowed",
            )
        if ip is None and (host in LOCAL_NAMES or host.endswith(".localhost")):
            raise Invalid(
                f"{host!r} names this machine or a metadata service",
                code="webhook_target_not_allowed",
            )


def _split(url: str) -> SplitResult:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError on a port that is not a number in range
    except ValueError:
        raise Invalid("url must be an absolute http(s) URL", code="bad_webhook_url") from None
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or len(url) > MAX_URL_LENGTH
        or any(c.isspace() or ord(c) < 32 for c in url)
    ):
        raise Invalid("url must be an absolute http(s) URL", code="bad_webhook_url")
    return parts
