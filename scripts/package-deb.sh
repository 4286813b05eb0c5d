#!/usr/bin/env bash
# Builds the Debian package of the node, ruralmed-node_<version>_<arch>.deb, from the built
# release binary, with dpkg-deb (Debian's own tool): /usr/bin/ruralmed-node, the hardened systemd
# unit, /etc/default/ruralmed-node (a conffile: the node's arguments), the Prometheus scrape
# config and alert rules, and docs/validators.md. Its maintainer scripts create the `ruralmed`
# system user; nothing starts until the operator has set the chain spec and enabled the unit.
#
#   scripts/package-deb.sh [OUT_DIR]        default OUT_DIR: $CARGO_TARGET_DIR/debian
#
# Prints the package's path. Needs the node built (scripts/run-dev.sh or scripts/test.sh builds it).
source "$(dirname "$0")/lib.sh"

[ -x "$NODE_BIN" ] || die "no node at $NODE_BIN: build it first (scripts/test.sh or scripts/run-dev.sh)"
command -v dpkg-deb >/dev/null || die "dpkg-deb is missing (Debian's dpkg package)"
out_dir="${1:-$CARGO_TARGET_DIR/debian}"
PKG="$ROOT/node/packaging"

version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -n 1)
[ -n "$version" ] || die "no workspace version in Cargo.toml"
arch=$(dpkg --print-architecture)
stage=$(mktemp -d "${TMPDIR:-/tmp}/ruralmed-deb.XXXXXX")
trap 'rm -rf "$stage"' EXIT

install -D -m 755 "$NODE_BIN" "$stage/usr/bin/ruralmed-node"
install -D -m 644 "$PKG/ruralmed-node.service" "$stage/lib/systemd/system/ruralmed-node.service"
install -D -m 644 "$PKG/ruralmed-node.default" "$stage/etc/default/ruralmed-node"
for f in prometheus.yml alerts.yml alerts.test.yml; do
	install -D -m 644 "$PKG/prometheus/$f" "$stage/usr/share/doc/ruralmed-node/prometheus/$f"
done
install -D -m 644 "$ROOT/docs/validators.md" "$stage/usr/share/doc/ruralmed-node/validators.md"
install -d "$stage/DEBIAN"
for script in postinst prerm postrm; do
	install -m 755 "$PKG/debian/$script" "$stage/DEBIAN/$script"
done
echo /etc/default/ruralmed-node >"$stage/DEBIAN/conffiles"
installed_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat >"$stage/DEBIAN/control" <<CONTROL
Package: ruralmed-node
Version: $version
Architecture: $arch
Maintainer: RuralMed developers <ops@ruralmed.invalid>
Section: net
Priority: optional
Depends: adduser, libc6 (>= 2.36)
Installed-Size: $installed_kb
Homepage: https://example.invalid/ruralmed
Description: RuralMed health-ledger node (validator or RPC node)
 The node of the RuralMed chain: Aura block production, GRANDPA finality and the
 RuralMed runtime (patients' record anchors, consent, drug provenance, emergency
 supplies). Installs a hardened systemd unit that runs it as the ruralmed user with
 its database in /var/lib/ruralmed, its arguments in /etc/default/ruralmed-node, and
 Prometheus scrape and alert rules in /usr/share/doc/ruralmed-node/prometheus.
CONTROL

mkdir -p "$out_dir"
deb="$out_dir/ruralmed-node_${version}_${arch}.deb"
# --root-owner-group: every file root-owned in the package, whoever builds it.
dpkg-deb --root-owner-group -Zgzip --build "$stage" "$deb" >/dev/null
log "built $deb ($(du -h "$deb" | cut -f1))"
echo "$deb"
