#!/usr/bin/env bash
# Run by network.zndsl (`alice: run ./network-flows.sh`): zombienet copies this script into
# alice's directory of the running network and runs it there, so the network's description is
# ../zombie.json. Runs the cross-node dApp flows (scripts/js/network-flows.mjs) against all four
# validators; RURALMED_ROOT and RURALMED_FLOWS_LOG come from scripts/zombienet.sh.
set -euo pipefail
: "${RURALMED_ROOT:?run through scripts/zombienet.sh}"
log="${RURALMED_FLOWS_LOG:-/dev/stderr}"
urls=$(node -e '
	const net = JSON.parse(require("fs").readFileSync("../zombie.json", "utf8"));
	const nodes = [...net.relay].sort((a, b) => a.name.localeCompare(b.name));
	console.log(nodes.map((n) => n.wsUri).join(" "));')
echo "flows against: $urls" >"$log"
cd "$RURALMED_ROOT/scripts/js"
# shellcheck disable=SC2086 # one argument per URL
node network-flows.mjs $urls >>"$log" 2>&1
