#!/usr/bin/env python3
"""A stub of signal-cli's HTTP daemon (signal-cli-jsonrpc(5)) for Noodbel's tests.

Python 3 standard library only. Serves on 127.0.0.1:
  POST /api/v1/rpc     JSON-RPC `send` (and `version`); records every request and answers
                       like signal-cli: {"result":{"timestamp":T,"results":[...]}}.
  GET  /api/v1/events  server-sent events (chunked, like signal-cli): event "receive",
                       with ids; Last-Event-ID replays the events after that id.
  GET  /api/v1/check   200.
Control endpoints for the tests:
  POST /stub/push      body {"envelope": {...}} (sent as the event data) or {"raw": "..."}
                       (written to the stream as is); optional "split": n writes the event
                       in n-byte pieces.
  POST /stub/fail      body {"recipient": "+32...", "type": "UNREGISTERED_FAILURE",
                       "retryAfterSeconds": 5, "times": 1} or {"recipient": .., "http": 500}
                       or {"recipient": .., "error": {"code": -1, "message": ".."}}.
  POST /stub/drop      ends every open event stream abruptly (to test reconnects).
  GET  /stub/sends     the recorded `send` params, oldest first, with "_timestamp" (the
                       timestamp answered) and "_failed".
  GET  /stub/state     {"connects": n, "open_streams": n, "last_event_ids": [...]}.
Prints "signal-cli stub listening on 127.0.0.1:PORT" when ready.
"""

import argparse
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class State:
    def __init__(self):
        self.lock = threading.Condition()
        self.sends = []
        self.failures = {}  # recipient -> list of failure specs, consumed in order
        self.events = []  # (id, bytes)
        self.generation = 0  # bumped by /stub/drop
        self.connects = 0
        self.open_streams = 0
        self.last_event_ids = []  # Last-Event-ID header of each connect ("" when absent)
        self.next_timestamp = 1700000000000
        self.next_event_id = 1


STATE = State()


def sse_event(event_id, data):
    lines = "".join("data:" + line + "\n" for line in data.split("\n"))
    return ("id:" + str(event_id) + "\nevent:receive\n" + lines + "\n").encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # keep test output quiet
        pass

    def body_json(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        return json.loads(raw or b"{}")

    def reply(self, status, obj=None):
        data = b"" if obj is None else json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    # ---- signal-cli endpoints ----

    def do_GET(self):
        if self.path == "/api/v1/check":
            return self.reply(200)
        if self.path.startswith("/api/v1/events"):
            return self.events()
        if self.path == "/stub/sends":
            with STATE.lock:
                return self.reply(200, STATE.sends)
        if self.path == "/stub/state":
            with STATE.lock:
                return self.reply(200, {"connects": STATE.connects,
                                        "open_streams": STATE.open_streams,
                                        "last_event_ids": STATE.last_event_ids})
        return self.reply(404)

    def do_POST(self):
        if self.path == "/api/v1/rpc":
            return self.rpc()
        body = self.body_json()
        if self.path == "/stub/push":
            return self.push(body)
        if self.path == "/stub/fail":
            with STATE.lock:
                STATE.failures.setdefault(body["recipient"], []).append(body)
            return self.reply(200, {})
        if self.path == "/stub/drop":
            with STATE.lock:
                STATE.generation += 1
                STATE.lock.notify_all()
            return self.reply(200, {})
        return self.reply(404)

    def rpc(self):
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            self.body_json()
            return self.reply(415)
        try:
            req = self.body_json()
        except ValueError:
            return self.reply(200, {"jsonrpc": "2.0", "id": None,
                                    "error": {"code": -32700, "message": "parse error"}})
        rid = req.get("id")
        if req.get("method") == "version":
            return self.reply(200, {"jsonrpc": "2.0", "id": rid, "result": {"version": "stub"}})
        if req.get("method") != "send":
            return self.reply(200, {"jsonrpc": "2.0", "id": rid,
                                    "error": {"code": -32601, "message": "method not found"}})
        params = req.get("params") or {}
        recipients = params.get("recipient") or []
        if isinstance(recipients, str):
            recipients = [recipients]
        with STATE.lock:
            record = dict(params)
            STATE.sends.append(record)
            failure = None
            for r in recipients:
                queue = STATE.failures.get(r) or []
                if queue:
                    failure = queue[0]
                    failure["times"] = failure.get("times", 1) - 1
                    if failure["times"] <= 0:
                        queue.pop(0)
            timestamp = STATE.next_timestamp
            STATE.next_timestamp += 1
            record["_timestamp"] = timestamp
            record["_failed"] = bool(failure)
        if failure and "http" in failure:
            return self.reply(failure["http"], {"error": "stub failure"})
        if failure and "error" in failure:
            return self.reply(200, {"jsonrpc": "2.0", "id": rid, "error": failure["error"]})
        results = []
        for r in recipients:
            result = {"recipientAddress": {"uuid": "00000000-0000-4000-8000-000000000000",
                                           "number": r},
                      "type": "SUCCESS"}
            if failure:
                result["type"] = failure["type"]
                if "retryAfterSeconds" in failure:
                    result["retryAfterSeconds"] = failure["retryAfterSeconds"]
            results.append(result)
        return self.reply(200, {"jsonrpc": "2.0", "id": rid,
                                "result": {"timestamp": timestamp, "results": results}})

    def push(self, body):
        if "raw" in body:
            data = body["raw"].encode()
        else:
            payload = {"envelope": body["envelope"], "account": "+32470999999"}
            with STATE.lock:
                event_id = STATE.next_event_id
                STATE.next_event_id += 1
            data = sse_event(event_id, json.dumps(payload))
        with STATE.lock:
            STATE.events.append((body.get("split") or 0, data))
            STATE.lock.notify_all()
        return self.reply(200, {"events": len(STATE.events)})

    # ---- the event stream ----

    def write_chunk(self, data):
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def events(self):
        last_id = self.headers.get("Last-Event-ID") or ""
        with STATE.lock:
            STATE.connects += 1
            STATE.open_streams += 1
            STATE.last_event_ids.append(last_id)
            generation = STATE.generation
            start = 0
            if last_id:
                for i, (_, data) in enumerate(STATE.events):
                    if data.startswith(("id:" + last_id + "\n").encode()):
                        start = i + 1
            else:
                start = len(STATE.events)  # a new client gets new events only
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            self.write_chunk(b":connected\n\n")
            sent = start
            while True:
                with STATE.lock:
                    while sent >= len(STATE.events) and STATE.generation == generation:
                        if not STATE.lock.wait(timeout=0.5):
                            break
                    if STATE.generation != generation:
                        break
                    pending = STATE.events[sent:]
                    sent = len(STATE.events)
                if not pending:
                    self.write_chunk(b":keep-alive\n")
                for split, data in pending:
                    if split:
                        for i in range(0, len(data), split):
                            self.write_chunk(data[i:i + split])
                    else:
                        self.write_chunk(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with STATE.lock:
                STATE.open_streams -= 1
            self.close_connection = True
        # Dropped: no terminating chunk, the connection just ends.


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print("signal-cli stub listening on 127.0.0.1:%d" % server.server_address[1], flush=True)
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
