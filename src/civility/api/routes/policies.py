"""Policies per channel, with `default` naming the global default; every edit is a version."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Body, Path, Query
from pydantic import BaseModel

from civility.api.deps import Admin, ContainerDep, Reader
from civility.api.routes.moderation import ERRORS
from civility.policy.model import Policy
from civility.policy.service import DEFAULT_CHANNEL, scope_of

router = APIRouter(prefix="/v1", tags=["policies"])

ChannelPath = Annotated[
    str,
    Path(
        min_length=1,
        max_length=200,
        description=f"A channel id, or `{DEFAULT_CHANNEL}` for the global default.",
    ),
]

_EXAMPLE = {
    "categories": {"insult": {"hide": 0.6}},
    "strikes": {"warn_at": 2, "temp_ban_at": 3, "temp_ban_hours": 12},
    "checks": {"caps": {"enabled": False}},
}


class PolicyOut(BaseModel):
    """The policy in force; `inherited` when the channel has none of its own."""

    channel_id: str | None
    version: int
    inherited: bool
    policy: dict[str, Any]


class PolicyVersionOut(BaseModel):
    """One stored version."""

    version: int
    actor: str
    created_at: datetime
    policy: dict[str, Any]


class PolicyHistoryOut(BaseModel):
    """Stored versions, newest first."""

    items: list[PolicyVersionOut]


def _out(policy: Policy, channel_id: str | None, inherited: bool) -> PolicyOut:
    return PolicyOut(
        channel_id=channel_id, version=policy.version, inherited=inherited, policy=policy.to_dict()
    )


@router.get("/channels/{channel_id}/policy", response_model=PolicyOut, responses=ERRORS)
async def get_policy(channel_id: ChannelPath, _: Reader, c: ContainerDep) -> PolicyOut:
    """Returns the policy in force for a channel (its own, else the global default)."""
    scope = scope_of(channel_id)
    policy, own = await anyio.to_thread.run_sync(c.policies.current, scope)
    return _out(policy, scope, not own)


@router.put("/channels/{channel_id}/policy", response_model=PolicyOut, responses=ERRORS)
async def put_policy(
    channel_id: ChannelPath,
    who: Admin,
    c: ContainerDep,
    body: Annotated[
        dict[str, Any],
        Body(
            description="A partial policy: missing parts come from the policy in force. "
            "An optional `version` must name the version in force (else 409 stale_policy).",
            examples=[_EXAMPLE],
        ),
    ],
) -> PolicyOut:
    """Stores a new version of the channel's policy (admin); returns it with its version."""
    scope = scope_of(channel_id)
    policy = await anyio.to_thread.run_sync(c.policies.update, scope, body, who.id)
    return _out(policy, scope, False)


@router.get(
    "/channels/{channel_id}/policy/history", response_model=PolicyHistoryOut, responses=ERRORS
)
async def policy_history(
    channel_id: ChannelPath,
    _: Reader,
    c: ContainerDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> PolicyHistoryOut:
    """Lists the stored versions of a channel's own policy, newest first."""
    versions = await anyio.to_thread.run_sync(c.policies.history, scope_of(channel_id), limit)
    return PolicyHistoryOut(
        items=[
            PolicyVersionOut(
                version=v.policy.version,
                actor=v.actor,
                created_at=v.created_at,
                policy=v.policy.to_dict(),
            )
            for v in versions
        ]
    )
