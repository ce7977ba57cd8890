"""Google's batch format: what googleapiclient writes parses, and our answer reads back."""

from __future__ import annotations

from email.parser import BytesParser
from email.policy import compat32

import pytest

from civility.compat import google_batch
from civility.compat.google_batch import Answer
from civility.errors import Invalid


def _batch(*parts: bytes, boundary: str = "xyz") -> tuple[str, bytes]:
    body = b"".join(
        b"--" + boundary.encode() + b"\r\nContent-Type: application/http\r\n"
        b"Content-ID: <base + " + str(i).encode() + b">\r\n\r\n" + part + b"\r\n"
        for i, part in enumerate(parts, start=1)
    )
    return f'multipart/mixed; boundary="{boundary}"', body + f"--{boundary}--\r\n".encode()


def test_parts_keep_method_path_query_headers_and_utf8_body() -> None:
    text = '{"comment": {"text": "héllo 🙂"}}'.encode()
    first = (
        b"POST /v1alpha1/comments:analyze?key=k1&alt=json HTTP/1.1\r\n"
        b"Content-Type: application/json\r\ncontent-length: " + str(len(text)).encode() + b"\r\n"
        b"\r\n" + text
    )
    # googleapiclient writes bare LF line ends.
    second = b"POST /v1alpha1/comments:suggestscore HTTP/1.1\nX-Goog-Api-Key: k2\n\n{}"
    content_type, body = _batch(first, second)
    one, two = google_batch.parse(content_type, body)
    assert (one.method, one.path, one.query) == (
        "POST",
        "/v1alpha1/comments:analyze",
        "key=k1&alt=json",
    )
    assert one.body == text
    assert one.content_id == "<base + 1>"
    assert ("X-Goog-Api-Key", "k2") in two.headers
    assert two.body == b"{}"


@pytest.mark.parametrize(
    ("content_type", "body", "code"),
    [
        ("application/json", b"{}", "invalid_batch"),
        ("multipart/mixed", b"", "invalid_batch"),
        ('multipart/mixed; boundary="q"', b"--q--\r\n", "invalid_batch"),
        (*_batch(b"not an http request"), "invalid_batch"),
        (*_batch(*[b"POST /x HTTP/1.1\r\n\r\n"] * (google_batch.MAX_PARTS + 1)), "batch_too_large"),
    ],
)
def test_malformed_batches_are_refused(content_type: str, body: bytes, code: str) -> None:
    with pytest.raises(Invalid) as err:
        google_batch.parse(content_type, body)
    assert err.value.code == code


def test_the_answer_is_multipart_with_response_content_ids() -> None:
    content_type, body = google_batch.render(
        [
            Answer("<base + 1>", 200, [("Content-Type", "application/json")], b'{"a": 1}'),
            Answer("<base + 2>", 400, [("Content-Type", "application/json")], b'{"error": {}}'),
        ]
    )
    message = BytesParser(policy=compat32).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
    )
    parts = message.get_payload()
    assert [p["Content-ID"] for p in parts] == ["<response-base + 1>", "<response-base + 2>"]
    first = parts[0].get_payload()
    assert first.startswith("HTTP/1.1 200 OK\r\n")
    assert first.endswith('{"a": 1}')
    assert parts[1].get_payload().startswith("HTTP/1.1 400 Bad Request\r\n")
