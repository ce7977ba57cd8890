#!/usr/bin/env bash
# Starts Civility and the community example next to it; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=${VENV:-.venv}
export CIVILITY_DATA_DIR=${CIVILITY_DATA_DIR:-data/community-civility}
# The community's webhook receiver listens on loopback, which webhooks may reach only if allowed.
export CIVILITY_WEBHOOK_ALLOWED_TARGETS=${CIVILITY_WEBHOOK_ALLOWED_TARGETS:-127.0.0.1}
PORT=${CIVILITY_PORT:-8000}
mkdir -p "$CIVILITY_DATA_DIR"
KEY=$("$VENV/bin/civility" apikey create --role service | tail -n 1)
# The community subscribes its own webhook receiver at start-up, which takes an admin key.
ADMIN_KEY=$("$VENV/bin/civility" apikey create --role admin | tail -n 1)
"$VENV/bin/civility" serve --port "$PORT" >"$CIVILITY_DATA_DIR/serve.log" 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null || true' EXIT
ready=""
for _ in $(seq 1 150); do
  if curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$SERVE" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$ready" ]; then
  echo "Civility did not start; the end of its log:" >&2
  tail -n 5 "$CIVILITY_DATA_DIR/serve.log" >&2
  exit 1
fi
echo "Civility on http://127.0.0.1:$PORT (log: $CIVILITY_DATA_DIR/serve.log)"
echo "Community on http://127.0.0.1:${COMMUNITY_PORT:-8100}"
CIVILITY_URL="http://127.0.0.1:$PORT" CIVILITY_API_KEY="$KEY" CIVILITY_ADMIN_KEY="$ADMIN_KEY" \
  COMMUNITY_DB="${COMMUNITY_DB:-$CIVILITY_DATA_DIR/community.db}" \
  COMMUNITY_POLL_SECONDS="${COMMUNITY_POLL_SECONDS:-30}" \
  "$VENV/bin/python" -m examples.community
