#!/usr/bin/env bash
# Checks what a hospital's IT person installs beside the chain: the Prometheus scrape config and
# alert rules (node/packaging/prometheus) with promtool, the alert rules' unit tests (which alert
# fires, when, with which text), and the Debian package (scripts/package-deb.sh): its files,
# conffile, maintainer scripts and the systemd unit (systemd-analyze verify).
#
# promtool comes from Debian's `prometheus` package: downloaded with apt-get and unpacked into
# ~/.cache/ruralmed/tools (no daemon installed or started).
source "$(dirname "$0")/lib.sh"

PKG="$ROOT/node/packaging"
PROMTOOL="$TOOLS_DIR/bin/promtool"
ensure_promtool() {
	[ -x "$PROMTOOL" ] && return 0
	log "installing promtool from Debian's prometheus package into $TOOLS_DIR"
	local dir
	dir=$(mktemp -d "${TMPDIR:-/tmp}/ruralmed-promtool.XXXXXX")
	(cd "$dir" && apt-get download -q prometheus >/dev/null 2>&1 && dpkg-deb -x prometheus_*.deb unpacked) \
		|| { rm -rf "$dir"; die "could not download Debian's prometheus package"; }
	install -D -m 755 "$dir/unpacked/usr/bin/promtool" "$PROMTOOL"
	rm -rf "$dir"
}
ensure_promtool
"$PROMTOOL" --version 2>&1 | head -n 1 >&2

failed=0
check() {
	local what=$1
	shift
	if "$@" >/tmp/ruralmed-ops-check.$$ 2>&1; then
		log "ok   $what"
	else
		log "FAIL $what:"
		cat /tmp/ruralmed-ops-check.$$ >&2
		failed=$((failed + 1))
	fi
	rm -f /tmp/ruralmed-ops-check.$$
}

check "promtool check config (scrape config and its rule file)" \
	"$PROMTOOL" check config "$PKG/prometheus/prometheus.yml"
check "promtool check rules" "$PROMTOOL" check rules "$PKG/prometheus/alerts.yml"
check "promtool test rules (each alert fires when it should, not before, and not for healthy nodes)" \
	bash -c "cd '$PKG/prometheus' && '$PROMTOOL' test rules alerts.test.yml"
for script in "$PKG"/debian/*; do
	check "maintainer script $(basename "$script") parses" sh -n "$script"
done

workdir=$(mktemp -d "${TMPDIR:-/tmp}/ruralmed-ops.XXXXXX")
trap 'rm -rf "$workdir"' EXIT
deb=$("$ROOT/scripts/package-deb.sh" "$workdir")
contents=$(dpkg-deb --contents "$deb")
expect_file() {
	grep -qE " \./$1\$" <<<"$contents" || { echo "missing from the package: /$1"; return 1; }
}
package_files() {
	local f
	for f in usr/bin/ruralmed-node lib/systemd/system/ruralmed-node.service etc/default/ruralmed-node \
		usr/share/doc/ruralmed-node/validators.md usr/share/doc/ruralmed-node/prometheus/alerts.yml \
		usr/share/doc/ruralmed-node/prometheus/prometheus.yml; do
		expect_file "$f" || return 1
	done
	# Every file belongs to root, whoever built the package.
	! awk '{print $2}' <<<"$contents" | grep -v '^root/root$'
}
check "package files, all root-owned" package_files
check "package control: name, conffile, maintainer scripts" bash -c "
	dpkg-deb --field '$deb' Package | grep -qx ruralmed-node &&
	dpkg-deb --ctrl-tarfile '$deb' | tar -t | grep -qx './conffiles' &&
	dpkg-deb --ctrl-tarfile '$deb' | tar -xO ./conffiles | grep -qx /etc/default/ruralmed-node &&
	dpkg-deb --ctrl-tarfile '$deb' | tar -t | grep -qx './postinst'"
# The unit as installed, from the unpacked package: systemd-analyze checks its syntax and every
# directive, and that ExecStart's binary and the environment file exist (pointed at the unpacked
# ones). It only warns about unknown or misspelt keys, so any output at all fails the check.
root="$workdir/root"
dpkg-deb -x "$deb" "$root"
check "the packaged node runs" "$root/usr/bin/ruralmed-node" --version
verify_unit() {
	local unit="$workdir/ruralmed-node.service" out
	sed -e "s|^ExecStart=/usr/bin/ruralmed-node|ExecStart=$root/usr/bin/ruralmed-node|" \
		-e "s|^EnvironmentFile=/etc/default/ruralmed-node|EnvironmentFile=$root/etc/default/ruralmed-node|" \
		"$root/lib/systemd/system/ruralmed-node.service" >"$unit"
	out=$(systemd-analyze verify "$unit" 2>&1) || { echo "$out"; return 1; }
	[ -z "$out" ] || { echo "$out"; return 1; }
}
if command -v systemd-analyze >/dev/null; then
	check "systemd-analyze verify of the packaged unit" verify_unit
else
	log "skip systemd-analyze verify: systemd-analyze is not installed"
fi
log "$(du -h "$deb" | cut -f1) package, $( (( failed == 0 )) && echo "all checks passed" || echo "$failed check(s) failed")"
[ "$failed" = 0 ]
