#!/usr/bin/env python3
"""HTTP test server for registry sources, on 127.0.0.1. Prints its port, then serves:
  /good.json            the registry given as argv[1]
  /flaky.json           500 twice, then the registry (attempts counted per process)
  /always500            500
  /stall                accepts, then sends nothing for 60 s
  /drip                 sends one byte every 2 s
  /truncated            Content-Length larger than the body, then closes
  /loop                 redirects to itself
  /big                  a 100 MB body
  /notjson              200 with HTML
  /api/v0.1/servers     an MCP registry API in pages of 2 (cursor pagination), from argv[2];
  /api/v0/servers       the same list (a registry serving both)
  /legacy/v0/servers    the same list, from a registry older than v0.1 (/legacy/v0.1/servers: 404)
  /broken/v0.1/servers  500 (/broken/v0/servers answers, but must not be asked)
  /private.json         the registry with Basic auth alice:s3cret-pw, else 401
  /redirect-userinfo    302 to http://leaky:leaked-pw@<this server>/good.json
  /redirect-userinfo-dead  302 to http://leaky:leaked-pw@127.0.0.1:1/x (nothing listens)
Optional argv[3], argv[4]: certificate and key; then it serves HTTPS instead.
"""
import base64
import json
import socketserver
import ssl
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

registry = open(sys.argv[1], "rb").read()
api_servers = json.load(open(sys.argv[2])) if len(sys.argv) > 2 else []
attempts = {"flaky": 0}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_body(self, status, body, content_type="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        path = url.path
        if path == "/good.json":
            self.send_body(200, registry)
        elif path == "/flaky.json":
            attempts["flaky"] += 1
            if attempts["flaky"] <= 2:
                self.send_body(500, b"try again")
            else:
                self.send_body(200, registry)
        elif path == "/always500":
            self.send_body(500, b"broken")
        elif path == "/stall":
            time.sleep(60)
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            for _ in range(30):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(2)
        elif path == "/truncated":
            self.send_response(200)
            self.send_header("Content-Length", str(len(registry) + 100))
            self.end_headers()
            self.wfile.write(registry[: len(registry) // 2])
            self.wfile.flush()
            self.close_connection = True
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif path == "/big":
            self.send_response(200)
            self.send_header("Content-Length", str(100 << 20))
            self.end_headers()
            chunk = b" " * (1 << 20)
            try:
                for _ in range(100):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/notjson":
            self.send_body(200, b"<html>hello</html>", "text/html")
        elif path == "/private.json":
            want = "Basic " + base64.b64encode(b"alice:s3cret-pw").decode()
            if self.headers.get("Authorization") == want:
                self.send_body(200, registry)
            else:
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="registry"')
                self.send_header("Content-Length", "0")
                self.end_headers()
        elif path in ("/redirect-userinfo", "/redirect-userinfo-dead"):
            port = self.server.server_address[1]
            target = "127.0.0.1:1/x" if path.endswith("dead") else f"127.0.0.1:{port}/good.json"
            self.send_response(302)
            self.send_header("Location", "http://leaky:leaked-pw@" + target)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/broken/v0.1/servers":
            self.send_body(500, b"broken")
        elif path in ("/api/v0.1/servers", "/api/v0/servers", "/legacy/v0/servers", "/broken/v0/servers"):
            query = urllib.parse.parse_qs(url.query)
            start = int(query.get("cursor", ["0"])[0])
            page = api_servers[start : start + 2]
            metadata = {"count": len(page)}
            if start + 2 < len(api_servers):
                metadata["nextCursor"] = str(start + 2)
            self.send_body(200, json.dumps({"servers": page, "metadata": metadata}).encode())
        else:
            self.send_body(404, b"not found")


class Server(ThreadingHTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Handler)
if len(sys.argv) > 4:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[3], sys.argv[4])
    server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
