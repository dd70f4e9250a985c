#!/usr/bin/env python3
"""One signed Twilio incoming-SMS webhook (bench/lib.sh open_call): POSTs From/Body to URL with
the X-Twilio-Signature Twilio computes (HMAC-SHA1 with the auth token over the URL and the
sorted form fields, base64). Exits 1 unless the service answers 200.

Usage: twilio_post.py URL AUTH_TOKEN FROM BODY
"""
import base64
import hashlib
import hmac
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def signature(token: str, url: str, params: dict) -> str:
    data = url + "".join(k + params[k] for k in sorted(params))
    digest = hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def main() -> int:
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    url, token, sender, body = sys.argv[1:]
    params = {
        "AccountSid": "AC00000000000000000000000000000000",
        "MessageSid": f"SMbench{time.time_ns():x}",
        "From": sender,
        "To": "+32460000000",
        "Body": body,
        "NumMedia": "0",
    }
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode(params).encode(),
        headers={"X-Twilio-Signature": signature(token, url, params),
                 "Content-Type": "application/x-www-form-urlencoded"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status = response.status
    except urllib.error.HTTPError as e:
        status = e.code
    if status != 200:
        print(f"twilio_post: {url} answered {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
