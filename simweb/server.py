"""The HTTP server of the simulated web: an origin server for every simulated host and a forward proxy.

- ``GET /path`` with a ``Host`` header, or ``GET http://www.lomma.se/path`` (absolute URI, as an
  HTTP proxy receives it): both reach the simulated site. Unknown hosts get ``502``.
- ``CONNECT host:443`` (as a client behind ``https_proxy`` sends it): ``200``, then TLS as the site
  itself with a certificate for the host name (SNI) issued by the simulated web's CA
  (:mod:`simweb.tls`; :attr:`SimWebServer.tls`), and requests served on the tunnel. Hosts can get a
  bad certificate (``tls.bad``) or answer plain http with a redirect to https (``https_only``).
- HTTP/1.1 keep-alive on asyncio (one event loop in a background thread): hundreds of open
  connections cost no threads. Documents are rendered in a small thread pool with a bounded LRU
  cache; oversized documents are streamed in chunks and never cached.
- ``ETag``/``Last-Modified`` on pages and documents; ``If-None-Match``/``If-Modified-Since`` give ``304``.
- Every request is logged (:class:`~simweb.requestlog.RequestRecord`, :attr:`SimWebServer.request_log`).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import socket
import ssl
import struct
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

from simweb.caching import DocumentCache, http_date, not_modified
from simweb.requestlog import RequestLog, RequestRecord
from simweb.sites.model import Reply, Request, ServerState
from simweb.tls import SiteCertificates
from simweb.world import World

log = logging.getLogger(__name__)

MAX_HEAD = 64 * 1024
MAX_BODY = 10 * 1024 * 1024
STREAM_CHUNK = 1 << 20
_SELF_HOSTS = {"127.0.0.1", "localhost", "::1", ""}


class SimWebServer:
    """Serve a :class:`~simweb.world.World` on a real socket (see the module doc).

    ``start()`` runs the server in a background thread and returns once it listens; ``stop()``
    closes it. Also a context manager. ``port`` is the bound port (``port=0`` picks a free one).
    ``latency`` (seconds, default 10 ms) is the simulated server time of every answer: it costs
    no CPU, and it makes overlapping requests visible in the log's ``inflight_host``.
    """

    def __init__(self, world: World, host: str = "127.0.0.1", port: int = 0, *,
                 cache_bytes: int = 96 * 1024 * 1024, render_workers: int = 2, idle_timeout: float = 60.0,
                 latency: float = 0.01):
        self.world = world
        self.latency = latency
        self.host = host
        self._port = port
        self.idle_timeout = idle_timeout
        self.state = ServerState()
        self.request_log = RequestLog()
        self.documents = DocumentCache(cache_bytes)
        self._executor = ThreadPoolExecutor(max_workers=render_workers, thread_name_prefix="simweb-render")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._inflight: dict[str, int] = {}
        self._pending: dict[tuple, asyncio.Future] = {}
        self._writers: set[asyncio.StreamWriter] = set()
        self._conn_ids = itertools.count(1)
        self.tls = SiteCertificates()
        #: Hosts that answer plain http with a redirect to https (as many sites do).
        self.https_only: set[str] = set()

    # -- life cycle -------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self._port

    @property
    def proxy_url(self) -> str:
        return f"http://{self.host}:{self._port}"

    def start(self) -> "SimWebServer":
        if self._thread is not None:
            raise RuntimeError("server already started")
        self._thread = threading.Thread(target=self._run, name="simweb-server", daemon=True)
        self._thread.start()
        self._ready.wait(30)
        if self._error is not None:
            raise RuntimeError(f"simweb server could not listen on {self.host}:{self._port}: {self._error}")
        log.info("simweb serving %d sites at %s", len(self.world.profiles), self.proxy_url)
        return self

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        try:
            self._server = loop.run_until_complete(asyncio.start_server(
                self._client, self.host, self._port, limit=MAX_HEAD, backlog=2048, reuse_address=True))
            self._port = self._server.sockets[0].getsockname()[1]
        except OSError as exc:
            self._error = exc
            self._ready.set()
            loop.close()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        if self._server is not None:
            await self._server.wait_closed()
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        asyncio.get_running_loop().stop()

    def stop(self) -> None:
        """Stop listening, close every connection and join the server thread."""
        if self._thread is None:
            return
        if self._loop is not None and self._loop.is_running():
            asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop)
        self._thread.join(10)
        self._thread = None
        self._executor.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> "SimWebServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def write_request_log(self, path: Path | str) -> Path:
        return self.request_log.write_jsonl(path)

    def reset_state(self) -> None:
        """Forget trap hit counters (transient 503/429 fail again) and session numbers."""
        self.state.reset()

    # -- connections ------------------------------------------------------------------------
    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        conn = next(self._conn_ids)
        try:
            while True:
                try:
                    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), self.idle_timeout)
                except asyncio.LimitOverrunError:
                    await self._simple(writer, 431, "request head too large\n")
                    break
                except (asyncio.IncompleteReadError, ConnectionError, asyncio.TimeoutError):
                    break
                if not await self._request(head, reader, writer, conn):
                    break
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            self._writers.discard(writer)
            if not writer.transport.is_closing():
                writer.close()

    async def _simple(self, writer: asyncio.StreamWriter, status: int, text: str,
                      extra: list[tuple[str, str]] = ()) -> None:
        body = text.encode("utf-8")
        head = [f"HTTP/1.1 {status} {HTTPStatus(status).phrase}", f"Date: {http_date(time.time())}",
                "Server: simweb/1.0", "Content-Type: text/plain; charset=utf-8",
                f"Content-Length: {len(body)}", "Connection: close", *(f"{k}: {v}" for k, v in extra)]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
        await writer.drain()

    async def _request(self, head: bytes, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                       conn: int, tls_host: str | None = None) -> bool:
        """Answer one request; returns whether the connection stays open."""
        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
            await self._simple(writer, 400, f"bad request line: {lines[0][:200]!r}\n")
            return False
        method, target, version = parts
        headers: dict[str, str] = {}
        for line in lines[1:]:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        if headers.get("transfer-encoding", "").lower() not in ("", "identity"):
            await self._simple(writer, 411, "simweb does not accept chunked request bodies\n")
            return False
        length = headers.get("content-length", "0")
        if not length.isdigit() or int(length) > MAX_BODY:
            await self._simple(writer, 413, "request body missing a valid Content-Length or too large\n")
            return False
        if int(length):
            await reader.readexactly(int(length))
        if method == "CONNECT" and tls_host is None:
            return await self._tunnel(target, reader, writer, conn)
        conn_hdr = (headers.get("connection") or headers.get("proxy-connection") or "").lower()
        keep = ("close" not in conn_hdr) if version == "HTTP/1.1" else ("keep-alive" in conn_hdr)
        via_proxy = "://" in target or tls_host is not None
        if tls_host is not None:  # inside a CONNECT tunnel: origin-form requests to the tunnel's host
            host, (path, _, query) = tls_host, target.partition("?")
        elif "://" in target:
            split = urlsplit(target)
            host, path, query = (split.hostname or "").lower(), split.path or "/", split.query
        else:
            host = headers.get("host", "").rsplit(":", 1)[0].strip("[]").lower()
            path, _, query = target.partition("?")
        req = Request(method, host, path, query, headers, via_proxy, tls=tls_host is not None)
        if tls_host is None and host in self.https_only:
            target_url = f"https://{host}{path}" + (f"?{query}" if query else "")
            await self._simple(writer, 301, f"moved to {target_url}\n", [("Location", target_url)])
            return False
        t_start = time.time()
        inflight = self._inflight.get(host, 0) + 1
        self._inflight[host] = inflight
        status, sent, code = 0, 0, None
        try:
            reply = await self._answer(req)
            code = reply.kommunkod
            status, sent, keep = await self._send(writer, req, reply, keep)
        finally:
            self._inflight[host] -= 1
            self.request_log.append(RequestRecord(
                t_start, time.time(), host, path, query, method, status, sent, via_proxy,
                headers.get("user-agent", ""), headers.get("if-none-match"), headers.get("if-modified-since"),
                inflight, code, conn))
        return keep

    async def _tunnel(self, target: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                      conn: int) -> bool:
        """``CONNECT host:443``: answer 200, then speak TLS as the site itself (a certificate for the host,
        issued by the simulated web's CA and chosen by SNI), and serve requests on the tunnel."""
        host, _, port = target.rpartition(":")
        host = host.strip("[]").lower()
        if not host or not port.isdigit() or not self.world.knows_host(host):
            await self._simple(writer, 502, f"simweb: no simulated site at {target}\n")
            return False
        writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        await writer.drain()
        try:
            await writer.start_tls(self.tls.context(), server_hostname=None)
        except (ssl.SSLError, ConnectionError, OSError) as exc:
            log.info("TLS handshake with a client for %s failed: %s", host, exc)
            return False
        while True:
            try:
                head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), self.idle_timeout)
            except (asyncio.IncompleteReadError, ConnectionError, asyncio.TimeoutError, asyncio.LimitOverrunError,
                    ssl.SSLError):
                return False
            if not await self._request(head, reader, writer, conn, tls_host=host):
                return False

    async def _answer(self, req: Request) -> Reply:
        if req.method not in ("GET", "HEAD"):
            return Reply(405, f"method {req.method} not allowed\n".encode(), "text/plain; charset=utf-8",
                         headers=[("Allow", "GET, HEAD")])
        if not req.via_proxy and req.host in _SELF_HOSTS | {self.host}:
            return self.world.index_reply()
        try:
            if not self.world.is_built(req.host):
                await asyncio.get_running_loop().run_in_executor(self._executor, self.world.prepare, req.host)
            return self.world.handle(req, self.state)
        except Exception as exc:  # a bug in the simulation must show, not hang the client
            log.exception("simweb failed on %s %s%s", req.method, req.host, req.target)
            return Reply(500, f"simweb internal error on {req.host}{req.target}: {exc!r}\n".encode(),
                         "text/plain; charset=utf-8")

    async def _render(self, doc) -> bytes:
        key = (doc.kommunkod, doc.doc_id)
        data = self.documents.get(key)
        if data is not None:
            return data
        fut = self._pending.get(key)
        if fut is None:
            fut = asyncio.get_running_loop().run_in_executor(self._executor, doc.render)
            self._pending[key] = fut

            def done(f: asyncio.Future, key: tuple = key) -> None:
                self._pending.pop(key, None)
                if not f.cancelled() and f.exception() is None:
                    self.documents.put(key, f.result())

            fut.add_done_callback(done)
        return await asyncio.shield(fut)

    async def _send(self, writer: asyncio.StreamWriter, req: Request, reply: Reply,
                    keep: bool) -> tuple[int, int, bool]:
        """Write the answer; returns (status, body bytes, keep-alive)."""
        if reply.delay or self.latency:
            await asyncio.sleep(reply.delay + self.latency)
        if reply.reset:
            sock = writer.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            writer.transport.abort()
            return 0, 0, False
        status, body, stream, size = reply.status, reply.body, None, 0
        if status == 200 and not_modified(reply, req.headers):
            status, body = 304, b""
        elif reply.doc is not None:
            try:
                if reply.doc.defect == "oversized":
                    size = await asyncio.get_running_loop().run_in_executor(self._executor, lambda: reply.doc.size)
                    stream = reply.doc.iter_bytes(STREAM_CHUNK) if req.method != "HEAD" else None
                else:
                    body = await self._render(reply.doc)
            except Exception as exc:  # a broken generator must show as a clear 500, not a dropped socket
                log.exception("simweb could not render %s", reply.doc.doc_id)
                reply = Reply(500, f"simweb internal error: document {reply.doc.doc_id} could not be rendered: "
                              f"{exc!r}\n".encode(), "text/plain; charset=utf-8")
                status, body = 500, reply.body
        length = size if stream is not None or (reply.doc is not None and reply.doc.defect == "oversized"
                                                and status == 200) else len(body)
        head = [f"HTTP/1.1 {status} {HTTPStatus(status).phrase}", f"Date: {http_date(time.time())}",
                "Server: simweb/1.0"]
        if req.via_proxy:
            head.append("Via: 1.1 simweb")
        if status != 304 and reply.content_type:
            head.append(f"Content-Type: {reply.content_type}")
        if reply.etag:
            head.append(f"ETag: {reply.etag}")
        if reply.last_modified is not None:
            head.append(f"Last-Modified: {http_date(reply.last_modified)}")
        head.extend(f"{k}: {v}" for k, v in reply.headers)
        if status != 304:
            head.append(f"Content-Length: {length}")
        head.append("Connection: keep-alive" if keep else "Connection: close")
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
        sent = 0
        if req.method != "HEAD" and status != 304:
            if stream is not None:
                loop = asyncio.get_running_loop()
                while (chunk := await loop.run_in_executor(self._executor, next, stream, None)) is not None:
                    writer.write(chunk)
                    sent += len(chunk)
                    await writer.drain()
            else:
                writer.write(body)
                sent = len(body)
        await writer.drain()
        return status, sent, keep
