#!/usr/bin/python3
"""A local stand-in for GOV.UK Notify's API (POST /v2/notifications/sms) that checks each request
as Notify's public documentation specifies and answers as Notify does:

- Authorization: "Bearer <JWT>", the JWT signed HS256 with the API key's secret, its header
  {"typ":"JWT","alg":"HS256"}, its claims "iss" (the service id) and "iat" (within 30 seconds of
  now); otherwise 403 AuthError.
- A JSON body with phone_number, template_id (a template of the service), personalisation (an
  object) and an optional reference; otherwise 400 BadRequestError / ValidationError.
- 201 with the notification's id, reference, content, uri and template.

Numbers ending in 400 are refused (400, as Notify refuses a number it cannot text); ending in
429 or 500 get that error the first time and are accepted after. Every request is appended to the
log file as a JSON line with the status answered. Prints "listening on PORT" when ready."""
import argparse
import base64
import hashlib
import hmac
import json
import sys
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def error(status, kind, message):
    return status, {"status_code": status, "errors": [{"error": kind, "message": message}]}


class Notify:
    def __init__(self, service_id, secret, template_id, log):
        self.service_id, self.secret, self.template_id, self.log = service_id, secret, template_id, log
        self.seen = set()

    def check_token(self, header):
        if not header.startswith("Bearer "):
            return error(401, "AuthError", "Unauthorized: authentication token must be provided")
        token = header[len("Bearer "):]
        parts = token.split(".")
        if len(parts) != 3:
            return error(403, "AuthError", "Invalid token: signature, api token is not valid")
        try:
            head = json.loads(b64url_decode(parts[0]))
            claims = json.loads(b64url_decode(parts[1]))
        except ValueError:
            return error(403, "AuthError", "Invalid token: signature, api token is not valid")
        if head.get("alg") != "HS256" or head.get("typ") != "JWT":
            return error(403, "AuthError", "Invalid token: algorithm used is not HS256")
        signed = hmac.new(self.secret.encode(), f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256)
        expected = base64.urlsafe_b64encode(signed.digest()).rstrip(b"=").decode()
        if not hmac.compare_digest(expected, parts[2]):
            return error(403, "AuthError", "Invalid token: signature, api token not found")
        if claims.get("iss") != self.service_id:
            return error(403, "AuthError", "Invalid token: service not found")
        iat = claims.get("iat")
        if not isinstance(iat, int) or abs(time.time() - iat) > 30:
            return error(403, "AuthError", "Error: Your system clock must be accurate to within 30 seconds")
        return None

    def answer(self, path, headers, raw):
        if path != "/v2/notifications/sms":
            return error(404, "NotFound", "Not found")
        refused = self.check_token(headers.get("Authorization", ""))
        if refused:
            return refused
        if not headers.get("Content-Type", "").startswith("application/json"):
            return error(400, "BadRequestError", "Invalid JSON supplied in POST data")
        try:
            body = json.loads(raw)
        except ValueError:
            return error(400, "BadRequestError", "Invalid JSON supplied in POST data")
        for field in ("phone_number", "template_id"):
            if not isinstance(body.get(field), str):
                return error(400, "ValidationError", f"{field} is a required property")
        if body["template_id"] != self.template_id:
            return error(400, "BadRequestError", "Template not found")
        if not isinstance(body.get("personalisation", {}), dict):
            return error(400, "ValidationError", "personalisation is not of type object")
        if "body" not in body.get("personalisation", {}):
            return error(400, "BadRequestError", "Missing personalisation: body")
        if "reference" in body and not isinstance(body["reference"], str):
            return error(400, "ValidationError", "reference is not of type string")
        number = "".join(c for c in body["phone_number"] if c.isdigit())
        if number.endswith("400"):
            return error(400, "ValidationError", "phone_number Not a UK mobile number")
        for code, kind, text in ((429, "RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds"),
                                 (500, "Exception", "Internal server error")):
            if number.endswith(str(code)) and (number, code) not in self.seen:
                self.seen.add((number, code))
                return error(code, kind, text)
        notification = str(uuid.uuid4())
        return 201, {
            "id": notification,
            "reference": body.get("reference"),
            "content": {"body": body["personalisation"]["body"], "from_number": "GOVUK"},
            "uri": f"https://api.notifications.service.gov.uk/v2/notifications/{notification}",
            "template": {"id": self.template_id, "version": 1,
                         "uri": f"https://api.notifications.service.gov.uk/services/{self.service_id}/templates/{self.template_id}"},
            "scheduled_for": None,
        }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--service-id", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--template-id", required=True)
    parser.add_argument("--log", required=True)
    args = parser.parse_args()
    notify = Notify(args.service_id, args.secret, args.template_id, args.log)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            status, payload = notify.answer(self.path, self.headers, raw)
            with open(args.log, "a", encoding="utf-8") as out:
                try:
                    request = json.loads(raw)
                except ValueError:
                    request = None
                out.write(json.dumps({"status": status, "path": self.path, "request": request}) + "\n")
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"listening on {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
