"""Google's batch format (`batchPath` of a discovery document): multipart/mixed in and out.

A batch request is a `multipart/mixed` body whose parts are `application/http`: each holds one
whole HTTP request (request line, headers, body) and a `Content-ID`. The answer is again
`multipart/mixed`, one `application/http` part per request, in order, each holding a whole HTTP
response and the Content-ID `<response-ID>` of the request it answers. This is what
googleapiclient's `BatchHttpRequest` writes and reads; parsing uses the standard library's
email package, as the client itself does.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from email.message import Message
from email.parser import BytesHeaderParser, BytesParser
from email.policy import compat32
from http import HTTPStatus
from typing import Final
from urllib.parse import urlsplit

from civility.errors import Invalid

# Google's own batch endpoint takes at most 1,000 calls; ours is smaller (each part is a model
# call, and the whole batch is answered at once).
MAX_PARTS: Final[int] = 100


@dataclass(frozen=True, slots=True)
class Part:
    """One HTTP request of a batch."""

    content_id: str
    method: str
    path: str
    query: str
    headers: list[tuple[str, str]]
    body: bytes


@dataclass(frozen=True, slots=True)
class Answer:
    """One HTTP response of a batch, for the request with this Content-ID."""

    content_id: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes


def parse(content_type: str, body: bytes) -> list[Part]:
    """Splits a multipart/mixed batch body into its requests; raises Invalid if malformed."""
    if not content_type.lower().startswith("multipart/mixed") or "boundary=" not in content_type:
        raise Invalid(
            "a batch request must be multipart/mixed with a boundary", code="invalid_batch"
        )
    envelope = b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
    message = BytesParser(policy=compat32).parsebytes(envelope)
    parts = message.get_payload() if message.is_multipart() else None
    if not isinstance(parts, list) or not parts:
        raise Invalid("the batch request holds no parts", code="invalid_batch")
    if len(parts) > MAX_PARTS:
        raise Invalid(
            f"a batch holds at most {MAX_PARTS} requests, this one {len(parts)}",
            code="batch_too_large",
        )
    return [_part(p, i) for i, p in enumerate(parts, start=1)]


def _part(part: Message, index: int) -> Part:
    if part.get_content_type() != "application/http":
        raise Invalid(f"batch part {index} is not application/http", code="invalid_batch")
    raw = part.get_payload(decode=True)
    if not isinstance(raw, bytes):
        raise Invalid(f"batch part {index} holds no HTTP request", code="invalid_batch")
    line, _, rest = raw.lstrip(b"\r\n").partition(b"\n")
    fields = line.decode("latin-1").strip().split(" ")
    if len(fields) != 3 or not fields[2].startswith("HTTP/"):
        raise Invalid(f"batch part {index} has no HTTP request line", code="invalid_batch")
    method, target, _ = fields
    head, body = _split_head(rest)
    headers = [(k, str(v)) for k, v in BytesHeaderParser(policy=compat32).parsebytes(head).items()]
    content_id = str(part.get("Content-ID") or f"<{index}>").strip()
    # Headers travel on as HTTP headers: only printable ASCII can (RFC 9110 field values).
    if not all(
        _printable(text) for text in (line.decode("latin-1").strip(), content_id)
    ) or not all(_printable(k) and _printable(v) for k, v in headers):
        raise Invalid(
            f"batch part {index} has a request line or header that is not printable ASCII",
            code="invalid_batch",
        )
    length = next((v for k, v in headers if k.lower() == "content-length"), None)
    if length is not None and length.strip().isdigit():
        body = body[: int(length)]
    url = urlsplit(target)
    return Part(
        content_id=content_id,
        method=method.upper(),
        path=url.path,
        query=url.query,
        headers=headers,
        body=body,
    )


def _printable(text: str) -> bool:
    return text.isascii() and all(" " <= ch <= "~" or ch == "\t" for ch in text)


def _split_head(rest: bytes) -> tuple[bytes, bytes]:
    """Headers and body of an HTTP message, whichever line ending it uses."""
    cuts = [(rest.find(sep), sep) for sep in (b"\r\n\r\n", b"\n\n")]
    found = [(at, sep) for at, sep in cuts if at >= 0]
    if not found:
        return rest, b""
    at, sep = min(found)
    return rest[: at + len(sep)], rest[at + len(sep) :]


def response_id(content_id: str) -> str:
    """The Content-ID of the answer to a request: `<response-ID>`, as Google writes it."""
    inner = content_id[1:-1] if content_id.startswith("<") and content_id.endswith(">") else ""
    return f"<response-{inner or content_id}>"


def render(answers: list[Answer]) -> tuple[str, bytes]:
    """The multipart/mixed body answering a batch, and its Content-Type."""
    boundary = "batch_" + secrets.token_urlsafe(18)
    out = bytearray()
    for answer in answers:
        reason = _reason(answer.status)
        out += f"--{boundary}\r\n".encode()
        out += b"Content-Type: application/http\r\n"
        out += f"Content-ID: {response_id(answer.content_id)}\r\n\r\n".encode("latin-1")
        out += f"HTTP/1.1 {answer.status} {reason}\r\n".encode()
        for name, value in answer.headers:
            out += f"{name}: {value}\r\n".encode("latin-1")
        out += b"\r\n" + answer.body + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return f"multipart/mixed; boundary={boundary}", bytes(out)


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"
