#!/usr/bin/env bash
# Starts the built node as a throw-away dev chain on free ports, checks from outside the process
# that it produces and finalizes blocks, runs checks against it, and stops it. On any failure it
# prints the node's log.
#
#   scripts/live-checks.sh          the polkadot.js checks, then the client library's tests
#   scripts/live-checks.sh js       the polkadot.js checks only (scripts/js/run-checks.mjs)
#   scripts/live-checks.sh client   the client library's tests only (app/client)
#
# scripts/test.sh runs `js` and `client` side by side, each on its own node.
source "$(dirname "$0")/lib.sh"

which=${1:-all}
case "$which" in all | js | client) ;; *) die "usage: $0 [all|js|client]" ;; esac
[ -x "$NODE_BIN" ] || die "no node at $NODE_BIN: run scripts/test.sh or build it first"
ensure_js

live_setup
start_dev_node
wait_for_chain 5 3

if [ "$which" != client ]; then
	log "running the polkadot.js checks"
	(cd "$ROOT/scripts/js" && node --test-reporter=spec run-checks.mjs "ws://127.0.0.1:$rpc_port") \
		|| die "the polkadot.js checks failed"
fi

if [ "$which" != js ]; then
	log "running the client library's tests against the node (app/client: envelope vectors, chain round trip)"
	build_client
	(cd "$ROOT/app/client" && RURALMED_WS="ws://127.0.0.1:$rpc_port" node --test dist/test/*.test.js) \
		|| die "the client library's tests failed"
fi

kill -0 "$node_pid" 2>/dev/null || die "the node died during the checks"
log "live checks passed"
