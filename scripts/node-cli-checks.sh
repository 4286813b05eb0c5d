#!/usr/bin/env bash
# Checks that the node reports bad command lines cleanly (a message and a non-zero exit, never
# a panic): an unknown flag, a corrupt chain spec, a busy RPC port. Also checks that the chain
# spec commands work on both built-in chains.
source "$(dirname "$0")/lib.sh"

[ -x "$NODE_BIN" ] || die "no node at $NODE_BIN"
work=$(mktemp -d)
blocker_pid=""
trap '[ -n "$blocker_pid" ] && kill "$blocker_pid" 2>/dev/null; rm -rf "$work"' EXIT

# expect_clean_failure NAME PATTERN -- COMMAND...: the command must fail, print PATTERN, and
# not panic.
expect_clean_failure() {
	local name=$1 pattern=$2
	shift 3
	local out="$work/$name.out" status=0
	timeout 60 "$@" >"$out" 2>&1 || status=$?
	if [ "$status" = 0 ]; then cat "$out" >&2; die "$name: the node accepted it"; fi
	if [ "$status" = 124 ]; then cat "$out" >&2; die "$name: the node hung instead of failing"; fi
	if grep -qi 'panicked\|stack backtrace' "$out"; then cat "$out" >&2; die "$name: the node panicked"; fi
	grep -qiE "$pattern" "$out" || { cat "$out" >&2; die "$name: no clear message matching /$pattern/"; }
	log "$name: fails cleanly (exit $status): $(grep -iE "$pattern" "$out" | head -n 1 | cut -c1-140)"
}

expect_clean_failure unknown-flag "unexpected argument" -- "$NODE_BIN" --no-such-flag

printf '{"name": "broken", "id": ' >"$work/corrupt.json"
expect_clean_failure corrupt-chain-spec "chain spec|json|EOF" -- \
	"$NODE_BIN" --chain "$work/corrupt.json" --tmp --no-prometheus

expect_clean_failure missing-chain-spec "chain spec|No such file" -- \
	"$NODE_BIN" --chain "$work/does-not-exist.json" --tmp --no-prometheus

# A port held by another process.
port=$(free_port)
python3 -c 'import socket,sys,time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(); time.sleep(120)' "$port" &
blocker_pid=$!
sleep 1
expect_clean_failure busy-rpc-port "address (already )?in use|Address in use|os error 98" -- \
	"$NODE_BIN" --dev --tmp --rpc-port "$port" --port "$(free_port)" --no-prometheus

# The chain-spec commands work for both built-in chains and produce valid JSON.
for chain in dev local; do
	"$NODE_BIN" export-chain-spec --chain "$chain" >"$work/$chain.json" 2>"$work/$chain.err" \
		|| { cat "$work/$chain.err" >&2; die "export-chain-spec --chain $chain failed"; }
	python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/$chain.json" \
		|| die "export-chain-spec --chain $chain printed invalid JSON"
done
"$NODE_BIN" build-spec --chain local --raw >"$work/local-raw.json" 2>"$work/build-spec.err" \
	|| { cat "$work/build-spec.err" >&2; die "build-spec --chain local --raw failed"; }
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert "raw" in d["genesis"]' "$work/local-raw.json" \
	|| die "build-spec --raw produced no raw genesis"
log "export-chain-spec and build-spec work for dev and local"
