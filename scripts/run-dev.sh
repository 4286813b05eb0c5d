#!/usr/bin/env bash
# The main job: build the release node and run a single-validator RuralMed dev chain.
#
#   scripts/run-dev.sh            keeps chain data in ./.dev-chain between runs
#   scripts/run-dev.sh --tmp      throw-away chain data
#   scripts/run-dev.sh --purge    start again from genesis (deletes ./.dev-chain)
#   RPC_PORT=9955 scripts/run-dev.sh   another RPC port (default 9944)
#
# Any other arguments are passed to ruralmed-node.
source "$(dirname "$0")/lib.sh"

tmp=0 purge=0 extra=()
for a in "$@"; do
	case "$a" in
		--tmp) tmp=1 ;;
		--purge) purge=1 ;;
		*) extra+=("$a") ;;
	esac
done

ensure_toolchain
build_node

port="${RPC_PORT:-9944}"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
	die "port $port is in use (another node?). Stop it or run with RPC_PORT=<port>."
fi

base="$ROOT/.dev-chain"
if [ "$purge" = 1 ]; then
	log "purging $base"
	rm -rf "$base"
fi
if [ "$tmp" = 1 ]; then
	storage=(--tmp)
else
	storage=(--base-path "$base")
fi

log "RuralMed dev chain: WebSocket/HTTP RPC at ws://127.0.0.1:$port"
log "polkadot.js Apps: https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A$port"
exec "$NODE_BIN" --dev "${storage[@]}" --rpc-port "$port" --rpc-cors all "${extra[@]}"
