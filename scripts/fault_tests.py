#!/usr/bin/env python3
"""Fault tests for a four-validator RuralMed network (`--chain local`: Alice, Bob, Charlie, Dave),
run by scripts/fault-tests.sh. Each validator is a separate `ruralmed-node` process with its own
ParityDB under WORKDIR, its own loopback ports and a fixed node key, so every node can name the
others as bootnodes. Scenarios, in order, each measured:

  0. all four up and connected; the cross-node dApp flows (scripts/js/network-flows.mjs) pass
  a. one of four stopped: blocks are still produced and finalized
  b. it restarts: it catches up and all nodes agree on the finalized hash at a common height
  c. two of four stopped: finality halts while blocks are still produced; it resumes once one of
     them returns, and every block built during the halt is finalized (none lost)
  d. a validator killed with SIGKILL while the others take new medical data: it restarts from its
     ParityDB with every finalized block (same hashes) and the same medical data, then catches up

usage: fault_tests.py NODE_BIN WORKDIR   (exit 0 when every scenario passes)
"""
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JS = os.path.join(ROOT, "scripts", "js")
NAMES = ["alice", "bob", "charlie", "dave"]
SLOT = 6  # seconds per Aura slot (runtime MILLI_SECS_PER_BLOCK)
# With four validators GRANDPA needs three votes: it tolerates floor((4 - 1) / 3) = 1 down.


class Failure(Exception):
    pass


def log(msg):
    print(f"[fault-tests] {msg}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Node:
    def __init__(self, node_bin, workdir, index, name):
        self.node_bin, self.name = node_bin, name
        self.base = os.path.join(workdir, name)
        self.log_path = os.path.join(workdir, f"{name}.log")
        self.p2p, self.rpc_port = free_port(), free_port()
        self.node_key = f"{index + 1:064x}"  # fixed, so the peer id is known before start
        self.peer_id = subprocess.run([node_bin, "key", "inspect-node-key"], input=self.node_key,
                                      capture_output=True, text=True, check=True).stdout.strip()
        self.multiaddr = f"/ip4/127.0.0.1/tcp/{self.p2p}/p2p/{self.peer_id}"
        self.proc = None
        self.bootnodes = []

    @property
    def ws(self):
        return f"ws://127.0.0.1:{self.rpc_port}"

    @property
    def http(self):
        return f"http://127.0.0.1:{self.rpc_port}"

    def start(self, isolated=False):
        """Starts the validator; `isolated` starts its database as a plain full node that talks
        to no peer (it neither authors nor votes), to see what the database alone holds."""
        assert not self.running(), f"{self.name} is already running"
        role = ["--name", f"{self.name}-isolated", "--reserved-only"] if isolated else [f"--{self.name}"]
        args = [self.node_bin, "--chain", "local", *role, "--base-path", self.base,
                "--database", "paritydb", "--node-key", self.node_key,
                "--listen-addr", f"/ip4/127.0.0.1/tcp/{self.p2p}", "--rpc-port", str(self.rpc_port),
                "--no-prometheus", "--no-telemetry", "--no-mdns", "--detailed-log-output"]
        for b in ([] if isolated else self.bootnodes):
            args += ["--bootnodes", b]
        out = open(self.log_path, "a")
        how = "isolated, as a full node" if isolated else "as a validator"
        out.write(f"\n===== fault-tests: starting {self.name} {how} at {time.strftime('%H:%M:%S')} =====\n")
        out.flush()
        self.proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        out.close()
        with open(PIDFILE, "a") as f:
            f.write(f"{self.proc.pid}\n")

    def running(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self, sig=signal.SIGTERM, timeout=30):
        if not self.running():
            return
        self.proc.send_signal(sig)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def call(self, method, params=None):
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params or []})
        req = urllib.request.Request(self.http, body.encode(), {"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            reply = json.load(resp)
        if "error" in reply:
            raise RuntimeError(f"{self.name} {method}: {reply['error']}")
        return reply["result"]

    def best(self):
        return int(self.call("chain_getHeader")["number"], 16)

    def finalized(self):
        head = self.call("chain_getFinalizedHead")
        return int(self.call("chain_getHeader", [head])["number"], 16), head

    def hash_at(self, number):
        return self.call("chain_getBlockHash", [number])

    def peers(self):
        return self.call("system_health")["peers"]


def wait_for(what, cond, timeout, poll=1.0):
    """Polls cond() until it returns a true value; returns (value, seconds waited)."""
    start = time.time()
    last_error = None
    while time.time() - start < timeout:
        try:
            value = cond()
            if value:
                return value, time.time() - start
        except Exception as e:  # a node still starting answers nothing yet
            last_error = e
        time.sleep(poll)
    raise Failure(f"timed out after {timeout} s waiting for {what}"
                  + (f" (last error: {last_error})" if last_error else ""))


def run_js(script, *args, timeout=600):
    proc = subprocess.run(["node", script, *args], cwd=JS, capture_output=True, text=True,
                          timeout=timeout)
    if proc.returncode != 0:
        raise Failure(f"{script} {' '.join(args)} failed:\n{proc.stdout}{proc.stderr}")
    return proc.stdout


def digest(node, at="finalized"):
    return json.loads(run_js("medical-digest.mjs", node.ws, at, timeout=120).strip().splitlines()[-1])


def all_agree(nodes, what=""):
    """All nodes have the same hash at the lowest of their finalized heights; returns it."""
    heights = [n.finalized()[0] for n in nodes]
    h = min(heights)
    hashes = {n.name: n.hash_at(h) for n in nodes}
    if len(set(hashes.values())) != 1:
        raise Failure(f"nodes disagree on finalized block #{h}{what}: {hashes}")
    return h, hashes[nodes[0].name]


def status(nodes):
    parts = []
    for n in nodes:
        if not n.running():
            parts.append(f"{n.name}: down")
            continue
        try:
            parts.append(f"{n.name}: best #{n.best()} fin #{n.finalized()[0]} peers {n.peers()}")
        except Exception:
            parts.append(f"{n.name}: no answer")
    return "; ".join(parts)


def scenario(title):
    def wrap(fn):
        def run(*args):
            log(f"--- {title}")
            started = time.time()
            fn(*args)
            log(f"PASS {title} ({time.time() - started:.0f} s)")
        run.title = title
        return run
    return wrap


def main():
    node_bin, workdir = sys.argv[1], sys.argv[2]
    nodes = [Node(node_bin, workdir, i, name) for i, name in enumerate(NAMES)]
    for n in nodes:
        n.bootnodes = [m.multiaddr for m in nodes if m is not n]
    alice, bob, charlie, dave = nodes
    started = time.time()
    results = []

    @scenario("0. four validators up, connected, finalizing; dApp flows across nodes")
    def up():
        t0 = time.time()
        for n in nodes:
            n.start()
        log("started " + ", ".join(f"{n.name} (rpc {n.rpc_port}, p2p {n.p2p})" for n in nodes))
        _, t = wait_for("every node to have 3 peers", lambda: all(n.peers() >= 3 for n in nodes), 90)
        log(f"all connected to 3 peers {time.time() - t0:.1f} s after start")
        _, t = wait_for("finalized #2 on every node", lambda: all(n.finalized()[0] >= 2 for n in nodes), 120)
        log(f"every node finalized #2 {time.time() - t0:.1f} s after start; {status(nodes)}")
        t1 = time.time()
        out = run_js("network-flows.mjs", *[n.ws for n in nodes])
        print("  " + out.rstrip().replace("\n", "\n  "), flush=True)
        log(f"cross-node flows passed in {time.time() - t1:.1f} s")

    @scenario("a. one of four stopped: blocks still produced and finalized")
    def one_down():
        dave.stop()
        live = [alice, bob, charlie]
        b0, (f0, _) = alice.best(), alice.finalized()
        t0 = time.time()
        log(f"dave stopped (SIGTERM) at best #{b0}, finalized #{f0}")
        wait_for("3 more finalized blocks on alice, bob and charlie",
                 lambda: all(n.finalized()[0] >= f0 + 3 and n.best() >= b0 + 3 for n in live), 20 * SLOT)
        log(f"without dave: best #{b0} -> #{alice.best()}, finalized #{f0} -> #{alice.finalized()[0]}"
            f" in {time.time() - t0:.1f} s; {status(nodes)}")
        h, hsh = all_agree(live)
        log(f"alice, bob, charlie agree on finalized #{h} {hsh}")

    @scenario("b. the stopped validator restarts, catches up, all agree")
    def rejoin():
        target = alice.finalized()[0]
        best_then = alice.best()
        t0 = time.time()
        dave.start()
        _, t_rpc = wait_for("dave's RPC", dave.best, 60, poll=0.2)
        wait_for(f"dave to import #{best_then} and finalize #{target}",
                 lambda: dave.best() >= best_then and dave.finalized()[0] >= target, 120, poll=0.5)
        t_catch = time.time() - t0
        wait_for("dave to have 3 peers", lambda: dave.peers() >= 3, 60)
        # Wait for one more finalization so the comparison is at a height all four just finalized.
        f = alice.finalized()[0]
        wait_for("the next finalized block on all four", lambda: all(n.finalized()[0] > f for n in nodes), 12 * SLOT)
        h, hsh = all_agree(nodes)
        log(f"dave answered RPC after {t_rpc:.1f} s, caught up (best #{best_then}, finalized #{target})"
            f" {t_catch:.1f} s after restart; all four agree on finalized #{h} {hsh}")

    @scenario("c. two of four stopped: finality halts, then resumes when one returns, nothing lost")
    def two_down():
        charlie.stop()
        dave.stop()
        t0 = time.time()
        b0, (f0, _) = alice.best(), alice.finalized()
        log(f"charlie and dave stopped at best #{b0}, finalized #{f0}")
        # Finality stops: the finalized head stays put for 5 slots while Alice and Bob still build.
        stall_window = 5 * SLOT
        state = {"f": alice.finalized()[0], "since": time.time(), "best": alice.best()}

        def halted():
            f = alice.finalized()[0]
            if f != state["f"]:
                state.update(f=f, since=time.time(), best=alice.best())
                return False
            return time.time() - state["since"] >= stall_window and alice.best() >= state["best"] + 2

        wait_for(f"finality to halt for {stall_window} s while blocks are built", halted, 180)
        fs = state["f"]
        bs = alice.best()
        if bob.finalized()[0] != fs:
            raise Failure(f"bob finalized #{bob.finalized()[0]}, alice #{fs}")
        built = {n: alice.hash_at(n) for n in range(fs + 1, bs + 1)}
        log(f"finality halted at #{fs} ({state['since'] - t0:.1f} s after the stop): for"
            f" {time.time() - state['since']:.1f} s it did not move while Alice and Bob built #{b0 + 1}..#{bs};"
            f" #{fs + 1}..#{bs} unfinalized")
        t1 = time.time()
        charlie.start()
        _, t_resume = wait_for("finality to move past the halt", lambda: alice.finalized()[0] > fs, 180, poll=0.5)
        _, t_all = wait_for(f"#{bs} finalized on alice, bob, charlie",
                            lambda: all(n.finalized()[0] >= bs for n in (alice, bob, charlie)), 180, poll=0.5)
        lost = [n for n, h in built.items() if alice.hash_at(n) != h]
        if lost:
            raise Failure(f"blocks built during the halt were replaced, not finalized: #{lost}")
        h, hsh = all_agree([alice, bob, charlie])
        log(f"charlie restarted: finality resumed after {t_resume:.1f} s and finalized every block"
            f" built during the halt (#{fs + 1}..#{bs}, same hashes) after {time.time() - t1:.1f} s;"
            f" alice, bob, charlie agree on finalized #{h} {hsh}")
        dave.start()
        wait_for("dave to catch up", lambda: dave.finalized()[0] >= alice.finalized()[0] and dave.peers() >= 3, 120)
        h, hsh = all_agree(nodes)
        log(f"dave back too: all four agree on finalized #{h} {hsh}; {status(nodes)}")

    @scenario("d. SIGKILL mid-run: restart from ParityDB with every finalized block and the medical data")
    def killed():
        # New medical data goes in through the other three while Bob is killed and away.
        flows = subprocess.Popen(["node", "network-flows.mjs", alice.ws, charlie.ws, dave.ws], cwd=JS,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            time.sleep(2 * SLOT)  # Bob imports and votes on the flows' first blocks
            before = digest(bob)
            fb, fb_hash = before["block"], before["hash"]
            hashes = {n: bob.hash_at(n) for n in range(0, fb + 1)}
            b_kill, (f_kill, _) = bob.best(), bob.finalized()
            hashes.update({n: bob.hash_at(n) for n in range(fb + 1, f_kill + 1)})
            bob.stop(signal.SIGKILL)
            log(f"bob killed with SIGKILL at best #{b_kill}, finalized #{f_kill}, while the flows run;"
                f" its medical data at #{fb}: {before['records']} records, {before['grants']} grants,"
                f" {before['referrals']} referrals, demo grants {before['demoGrants']}")
            out, _ = flows.communicate(timeout=600)
        finally:
            if flows.poll() is None:
                flows.kill()
        print("  " + out.rstrip().replace("\n", "\n  "), flush=True)
        if flows.returncode != 0:
            raise Failure("the flows failed while bob was down")
        # First from its database alone: no peers, so everything it has survived the crash.
        t0 = time.time()
        bob.start(isolated=True)
        _, t_rpc = wait_for("bob's RPC after the crash", bob.best, 60, poll=0.2)
        f_restart, b_restart, peers = bob.finalized()[0], bob.best(), bob.peers()
        if peers != 0:
            raise Failure(f"the isolated bob has {peers} peers")
        if f_restart < f_kill:
            raise Failure(f"bob restarted with finalized #{f_restart}, below #{f_kill} before the kill")
        changed = [n for n, h in hashes.items() if bob.hash_at(n) != h]
        if changed:
            raise Failure(f"bob's finalized blocks changed across the crash: #{changed}")
        after = digest(bob, fb_hash)
        if after != before:
            raise Failure(f"bob's medical data at #{fb} changed across the crash:\n{before}\n{after}")
        log(f"bob's ParityDB after SIGKILL, opened with no peers ({t_rpc:.1f} s to RPC): best #{b_restart},"
            f" finalized #{f_restart} (#{f_kill} at the kill); blocks #0..#{f_kill} have the same hashes"
            f" and the medical data at #{fb} is identical ({', '.join(before['pallets'])}: digests equal)")
        bob.stop()
        # Then back as a validator: it catches up with what the others finalized meanwhile.
        t1 = time.time()
        bob.start()
        target = alice.finalized()[0]
        _, t_catch = wait_for(f"bob to finalize #{target}", lambda: bob.finalized()[0] >= target, 120, poll=0.5)
        wait_for("bob to have 3 peers", lambda: bob.peers() >= 3, 60)
        f = alice.finalized()[0]
        wait_for("the next finalized block on all four", lambda: all(n.finalized()[0] > f for n in nodes), 12 * SLOT)
        h, hsh = all_agree(nodes)
        digests = {n.name: digest(n, hsh) for n in nodes}
        if len({json.dumps(d, sort_keys=True) for d in digests.values()}) != 1:
            raise Failure(f"the nodes hold different medical data at #{h}: {digests}")
        now = digests["alice"]
        if now["records"] <= before["records"] or now["referrals"] <= before["referrals"]:
            raise Failure(f"the flows' records did not reach the chain: before {before}, now {now}")
        log(f"bob back as a validator: finalized #{target} {t_catch:.1f} s after its restart"
            f" ({time.time() - t0:.1f} s since the crash restart); all four hold the same medical data"
            f" at finalized #{h}: {now['records']} records (was {before['records']}),"
            f" {now['referrals']} referrals (was {before['referrals']})")

    steps = (up, one_down, rejoin, two_down, killed)
    try:
        for step in steps:
            try:
                step()
                results.append((step.title, True))
            except Exception as e:
                results.append((step.title, False))
                log(f"FAIL {step.title}: {e}")
                log(f"state: {status(nodes)}")
                break  # later scenarios build on the earlier ones
    finally:
        for n in nodes:
            n.stop()
    for n in nodes:
        if n.proc is not None and n.proc.poll() is not None and n.proc.returncode not in (0, -9, -15):
            log(f"note: {n.name} exited with status {n.proc.returncode}")
    # Stopping and killing nodes makes some ERROR lines (e.g. the transaction pool's task ending
    # at shutdown), so they are listed for a reader, not failed on.
    for n in nodes:
        with open(n.log_path, errors="replace") as f:
            lines = [l.rstrip() for l in f if " ERROR " in l or "panicked" in l]
        kinds = sorted({l.split(": ", 1)[-1][:110] for l in lines})
        log(f"{n.name}: {len(lines)} ERROR lines" + "".join(f"\n    {k}" for k in kinds[:6]))
    passed = sum(ok for _, ok in results)
    failed = len(steps) - passed
    log(f"finished in {time.time() - started:.0f} s; logs in {workdir}")
    print(f"{passed} passed, {failed} failed", flush=True)
    return 0 if failed == 0 else 1


PIDFILE = os.path.join(sys.argv[2], "pids") if len(sys.argv) > 2 else None

if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    # SIGTERM/SIGINT end the run through the normal path, so the nodes are stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main())
