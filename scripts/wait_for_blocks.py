#!/usr/bin/env python3
"""Polls a node's JSON-RPC until its best block reaches BEST and its finalized block reaches
FINAL, or TIMEOUT seconds pass. Exit 0 on success, 1 on timeout or if the node is unreachable.

usage: wait_for_blocks.py URL BEST FINAL TIMEOUT
"""
import json
import sys
import time
import urllib.request


def rpc(url, method, params=None):
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params or []})
    req = urllib.request.Request(url, body.encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=5) as resp:
        reply = json.load(resp)
    if "error" in reply:
        raise RuntimeError(f"{method}: {reply['error']}")
    return reply["result"]


def main():
    url, best_target, final_target, timeout = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    deadline = time.time() + timeout
    best = final = -1
    last_error = None
    while time.time() < deadline:
        try:
            best = int(rpc(url, "chain_getHeader")["number"], 16)
            final_hash = rpc(url, "chain_getFinalizedHead")
            final = int(rpc(url, "chain_getHeader", [final_hash])["number"], 16)
            last_error = None
            if best >= best_target and final >= final_target:
                print(f"best #{best}, finalized #{final}")
                return 0
        except Exception as e:  # the node is still starting, or gone
            last_error = e
        time.sleep(1)
    print(f"timed out after {timeout:.0f} s: best #{best}, finalized #{final}"
          + (f", last error: {last_error}" if last_error else ""), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
