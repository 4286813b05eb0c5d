#!/usr/bin/env bash
# Checks that the node reports bad command lines cleanly (a message and a non-zero exit, never
# a panic): an unknown flag, a corrupt chain spec, a busy RPC port. Also checks that the chain
# spec commands work on both built-in chains, and `network-spec`: a founders' config with fresh
# keys becomes a raw spec a node starts on with the genesis hash printed, and each bad config
# (development keys, a repeated or invalid validator key, a missing or small council, an unknown
# field, an existing output) is refused with one line naming the field, exit 1, no file.
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

# network-spec: a founders' config becomes a raw spec whose genesis hash a node started on it
# reports; every bad config is refused with one line naming the field, exit status 1, no file.
new_key() { # scheme -> SS58 of a fresh key
	"$NODE_BIN" key generate --scheme "$1" --output-type json \
		| python3 -c 'import json,sys; print(json.load(sys.stdin)["ss58PublicKey"])'
}
aura=() grandpa=() council=()
for i in 0 1 2 3; do aura+=("$(new_key sr25519)"); grandpa+=("$(new_key ed25519)"); done
for i in 0 1 2; do council+=("$(new_key sr25519)"); done
peer_id=$("$NODE_BIN" key inspect-node-key <<<"0000000000000000000000000000000000000000000000000000000000000001")
one_validator() { printf '[[validators]]\nname = "%s"\naura = "%s"\ngrandpa = "%s"\n\n' "$1" "$2" "$3"; }
# founders_config [validators block] [council line] [extra]: a config with fresh keys.
founders_config() {
	local validators=${1:-} council_line=${2:-} extra=${3:-} i
	if [ -z "$validators" ]; then
		for i in 0 1 2 3; do validators+="$(one_validator "hospital $i" "${aura[$i]}" "${grandpa[$i]}")"$'\n\n'; done
	fi
	[ -n "$council_line" ] || council_line="council = [\"${council[0]}\", \"${council[1]}\", \"${council[2]}\"]"
	cat <<TOML
name = "RuralMed Anding County"
id = "ruralmed_anding"
bootnodes = ["/dns/validator.anding-hospital.example/tcp/30333/p2p/$peer_id"]
$council_line
council_prime = "${council[0]}"
$validators

[[organisations]]
name = "Anding County People's Hospital"
kind = "CountyHospital"
admin = "${council[0]}"
region = [1001, 0, 0]

[[organisations]]
name = "Anding County Health Bureau"
kind = "HealthAuthority"
admin = "${council[2]}"
region = [1001, 0, 0]

[[balances]]
account = "${council[0]}"
amount = "1_000_000_000_000_000"
$extra
TOML
}
founders_config "" "" >"$work/founders.toml"
"$NODE_BIN" network-spec --config "$work/founders.toml" --output "$work/anding.json" >"$work/ns.out" 2>"$work/ns.err" \
	|| { cat "$work/ns.err" >&2; die "network-spec refused a good config"; }
genesis=$(sed -n 's/^genesis hash: \(0x[0-9a-f]\{64\}\)$/\1/p' "$work/ns.out")
[ -n "$genesis" ] || { cat "$work/ns.out" >&2; die "network-spec printed no genesis hash"; }
python3 - "$work/anding.json" <<'PY' || die "the network spec is not what the config says"
import json, sys
spec = json.load(open(sys.argv[1]))
assert spec["chainType"] == "Live", spec["chainType"]
assert spec["id"] == "ruralmed_anding" and len(spec["bootNodes"]) == 1
top = spec["genesis"]["raw"]["top"]
# Sudo::Key (twox128("Sudo") ++ twox128("Key")) is absent: nobody holds sudo.
assert "0x5c0d1176a568c1f92944340dbfed9e9c530ebca703c85910e7164cb7d1c9e47b" not in top
PY
rpc=$(free_port)
"$NODE_BIN" --chain "$work/anding.json" --tmp --rpc-port "$rpc" --port "$(free_port)" --no-prometheus \
	--no-mdns >"$work/anding-node.log" 2>&1 &
anding_pid=$!
node_genesis=""
for _ in $(seq 60); do
	node_genesis=$(curl -s -H 'Content-Type: application/json' \
		-d '{"jsonrpc":"2.0","id":1,"method":"chain_getBlockHash","params":[0]}' "http://127.0.0.1:$rpc" \
		| python3 -c 'import json,sys; print(json.load(sys.stdin)["result"])' 2>/dev/null) && break
	sleep 1
done
kill "$anding_pid" 2>/dev/null; wait "$anding_pid" 2>/dev/null || true
[ "$node_genesis" = "$genesis" ] || { tail -n 20 "$work/anding-node.log" >&2; die "network-spec printed genesis $genesis, the node started on the spec has ${node_genesis:-none}"; }
log "network-spec: a 4-validator, 3-member council spec; the node started on it has genesis $genesis as printed"

# expect_refusal NAME FIELD-PATTERN CONFIG-FILE [OUTPUT]: exit status 1, one line on stderr
# naming the field, no spec written.
expect_refusal() {
	local name=$1 pattern=$2 config=$3 output=${4:-$work/refused-$1.json} status=0
	timeout 60 "$NODE_BIN" network-spec --config "$config" --output "$output" >"$work/$name.out" 2>"$work/$name.err" || status=$?
	[ "$status" = 1 ] || { cat "$work/$name.err" >&2; die "network-spec $name: exit status $status, expected 1"; }
	[ "$(wc -l <"$work/$name.err")" = 1 ] || { cat "$work/$name.err" >&2; die "network-spec $name: not one line"; }
	grep -qE "^error: $pattern" "$work/$name.err" || { cat "$work/$name.err" >&2; die "network-spec $name: the line does not name /$pattern/"; }
	[ -s "$work/$name.out" ] && die "network-spec $name printed a result"
	[ "$name" = existing-output ] || [ ! -e "$output" ] || die "network-spec $name wrote $output"
	log "network-spec refuses $name: $(cat "$work/$name.err")"
}
alice=5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY          # //Alice (sr25519)
dev_root=5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV       # the development phrase itself
founders_config "$(one_validator "county hospital" "$alice" "${grandpa[0]}")" >"$work/c1.toml"
expect_refusal dev-validator-key 'validators\[0\]\.aura .*development key' "$work/c1.toml"
founders_config "" "" "$(printf '[[balances]]\naccount = "%s"\namount = "5_000_000_000_000"\n' "$dev_root")" >"$work/c2.toml"
expect_refusal dev-phrase-account 'balances\[1\]\.account: .*development key' "$work/c2.toml"
founders_config "$(one_validator a "${aura[0]}" "${grandpa[0]}"; one_validator b "${aura[0]}" "${grandpa[1]}")" >"$work/c3.toml"
expect_refusal duplicate-validator 'validators\[1\]\.aura .*already given' "$work/c3.toml"
founders_config "$(one_validator a "${aura[0]}" "${grandpa[0]%?}x")" >"$work/c4.toml"
expect_refusal invalid-session-key 'validators\[0\]\.grandpa .*not an SS58' "$work/c4.toml"
founders_config "$(one_validator a "0x$(printf 'ff%.0s' $(seq 32))" "${grandpa[0]}")" >"$work/c8.toml"
expect_refusal off-curve-session-key 'validators\[0\]\.aura \(a\): not a valid sr25519 public key' "$work/c8.toml"
founders_config "" "# no council" >"$work/c5.toml"
expect_refusal missing-council 'council: missing' "$work/c5.toml"
founders_config "" "council = [\"${council[0]}\", \"${council[1]}\"]" >"$work/c6.toml"
expect_refusal small-council 'council: 2 member\(s\); at least 3' "$work/c6.toml"
founders_config "" "" 'sudo = "x"' >"$work/c7.toml"
expect_refusal unknown-field 'config: unknown field' "$work/c7.toml"
expect_refusal existing-output '--output: .* exists' "$work/founders.toml" "$work/anding.json"
with_account() { printf '[[validators]]\nname = "%s"\naura = "%s"\ngrandpa = "%s"\naccount = "%s"\n\n' "$@"; }
founders_config "$(with_account a "${aura[0]}" "${grandpa[0]}" "${council[1]}"; with_account b "${aura[1]}" "${grandpa[1]}" "${council[1]}")" >"$work/c9.toml"
expect_refusal duplicate-validator-account 'validators\[1\]\.account \(b\): this account already runs another validator' "$work/c9.toml"
founders_config "$(with_account a "${aura[0]}" "${grandpa[0]}" "$alice")" >"$work/c10.toml"
expect_refusal dev-validator-account 'validators\[0\]\.account \(a\): .*development key' "$work/c10.toml"

# A network launched from a network-spec spec runs: one founding validator whose fresh keys its
# operator puts into the node's keystore (`key insert`, as docs/validators.md says) authors and
# finalizes blocks on its own.
json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
phrase=$("$NODE_BIN" key generate --scheme sr25519 --output-type json | json_field secretPhrase)
solo_aura=$("$NODE_BIN" key inspect --scheme sr25519 --output-type json "$phrase" | json_field ss58PublicKey)
solo_grandpa=$("$NODE_BIN" key inspect --scheme ed25519 --output-type json "$phrase" | json_field ss58PublicKey)
founders_config "$(one_validator "solo hospital" "$solo_aura" "$solo_grandpa")" >"$work/solo.toml"
"$NODE_BIN" network-spec --config "$work/solo.toml" --output "$work/solo.json" >"$work/solo.out" 2>&1 \
	|| { cat "$work/solo.out" >&2; die "network-spec refused the one-validator config"; }
for scheme_type in "sr25519 aura" "ed25519 gran"; do
	set -- $scheme_type
	"$NODE_BIN" key insert --base-path "$work/solo-db" --chain "$work/solo.json" --scheme "$1" \
		--key-type "$2" --suri "$phrase" || die "key insert ($2) failed"
done
rpc=$(free_port)
"$NODE_BIN" --chain "$work/solo.json" --base-path "$work/solo-db" --validator --force-authoring \
	--node-key 0000000000000000000000000000000000000000000000000000000000000002 \
	--rpc-port "$rpc" --port "$(free_port)" --no-prometheus --no-mdns >"$work/solo-node.log" 2>&1 &
solo_pid=$!
finalized=0
for _ in $(seq 90); do
	finalized=$(curl -s -H 'Content-Type: application/json' \
		-d '{"jsonrpc":"2.0","id":1,"method":"chain_getFinalizedHead","params":[]}' "http://127.0.0.1:$rpc" \
		| python3 -c 'import json,sys,urllib.request as u
head = json.load(sys.stdin)["result"]
req = u.Request(sys.argv[1], data=json.dumps({"jsonrpc":"2.0","id":1,"method":"chain_getHeader","params":[head]}).encode(), headers={"Content-Type":"application/json"})
print(int(json.load(u.urlopen(req))["result"]["number"], 16))' "http://127.0.0.1:$rpc" 2>/dev/null) || finalized=0
	[ "${finalized:-0}" -ge 3 ] && break
	sleep 1
done
kill "$solo_pid" 2>/dev/null; wait "$solo_pid" 2>/dev/null || true
[ "${finalized:-0}" -ge 3 ] || { tail -n 30 "$work/solo-node.log" >&2; die "the network-spec network did not finalize #3 (finalized #${finalized:-0})"; }
log "network-spec: a one-validator network with a fresh key, started from its raw spec, finalized #$finalized"
