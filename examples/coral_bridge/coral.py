"""Coral's side: its webhook signature, and its GraphQL API (comment lookup, approve, reject).

The documents are Coral's own admin mutations (`approveComment` / `rejectComment` with
`ApproveCommentInput` / `RejectCommentInput`: commentID, commentRevisionID,
clientMutationId), sent to `<coral>/api/graphql` with an access token of a moderator or admin.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass
from typing import Any

import httpx

COMMENT_QUERY = """
query CivilityBridgeComment($id: ID!) {
  comment(id: $id) {
    id
    body
    status
    author { id }
    story { id }
    parent { id }
    revision { id }
  }
}
"""

APPROVE = """
mutation CivilityBridgeApprove($input: ApproveCommentInput!) {
  approveComment(input: $input) {
    comment { id status }
    clientMutationId
  }
}
"""

REJECT = """
mutation CivilityBridgeReject($input: RejectCommentInput!) {
  rejectComment(input: $input) {
    comment { id status }
    clientMutationId
  }
}
"""

_TAG = re.compile(r"<[^>]*>")
_mutation_ids = itertools.count()


class CoralError(RuntimeError):
    """Coral answered with an error (HTTP or GraphQL)."""


@dataclass(frozen=True)
class Comment:
    """What the bridge needs of a Coral comment."""

    id: str
    revision_id: str
    story_id: str
    author_id: str
    parent_id: str | None
    text: str


def plain(body: str) -> str:
    """The comment's text as Coral's plain-text phase sends it, whitespace folded.

    Coral stores HTML and sends an external phase the HTML-stripped text; comparing both
    folded this way matches a Coral comment with the message Civility stored for it.
    """
    return " ".join(html.unescape(_TAG.sub(" ", body)).split())


class CoralApi:
    """A small client of Coral's GraphQL endpoint."""

    def __init__(self, graphql_url: str, token: str, client: httpx.AsyncClient) -> None:
        self._url = graphql_url
        self._headers = {"Authorization": f"Bearer {token}"}
        self._client = client

    async def _call(self, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        r = await self._client.post(
            self._url, json={"query": query, "variables": variables}, headers=self._headers
        )
        if r.status_code != 200:
            raise CoralError(f"Coral answered HTTP {r.status_code}")
        data = r.json()
        if data.get("errors"):
            raise CoralError("; ".join(str(e.get("message")) for e in data["errors"]))
        return dict(data["data"])

    async def comment(self, comment_id: str) -> Comment | None:
        """Returns a comment by id (None when Coral does not know it)."""
        found = (await self._call(COMMENT_QUERY, {"id": comment_id}))["comment"]
        if found is None:
            return None
        return Comment(
            id=found["id"],
            revision_id=found["revision"]["id"],
            story_id=found["story"]["id"],
            author_id=found["author"]["id"],
            parent_id=(found.get("parent") or {}).get("id"),
            text=plain(found["body"]),
        )

    async def moderate(self, comment: Comment, approve: bool) -> str:
        """Approves or rejects a comment's revision as a Coral moderator would; its new status."""
        name = "approveComment" if approve else "rejectComment"
        variables = {
            "input": {
                "commentID": comment.id,
                "commentRevisionID": comment.revision_id,
                "clientMutationId": str(next(_mutation_ids)),
            }
        }
        data = await self._call(APPROVE if approve else REJECT, variables)
        return str(data[name]["comment"]["status"])
