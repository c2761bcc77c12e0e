"""woma's runtime, network: sockets are refused, and Python's HTTP goes through the daemon's broker.

Executed into the same namespace as core.py (see daemon/runner/python-runtime.ts). The
runner has no network at all: `js.fetch` is a function the worker provides that hands the
request to the daemon, whose broker applies the network policy and performs it. urllib3 (so
requests) and pyodide.http.pyfetch use `js.fetch` directly; here http.client (so
urllib.request, and pandas.read_csv(url)), httpx and pyodide.http.open_url are put on it too.
"""

_NO_NETWORK = (
    "raw sockets are not available in woma: Python's HTTP (urllib, requests, httpx, pyfetch) "
    "goes through woma's network broker instead"
)


def _disable_network():
    """Makes socket use fail at once with a clear message. The wasm imports behind sockets are
    replaced too (daemon/runner/wasm-imports.ts), so this is only about the message."""
    import errno
    import socket

    def no_address(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, _NO_NETWORK)

    def no_connection(*args, **kwargs):
        raise OSError(errno.ENETUNREACH, _NO_NETWORK)

    def no_socket(self, *args, **kwargs):
        raise OSError(errno.ENETUNREACH, _NO_NETWORK)

    socket.socket.__init__ = no_socket
    socket.getaddrinfo = no_address
    socket.gethostbyname = no_address
    socket.gethostbyname_ex = no_address
    socket.create_connection = no_connection
    socket.socket.connect = no_connection
    socket.socket.connect_ex = no_connection


# --- One request through the broker -------------------------------------------------------


def _js():
    import js

    return js


def _connection_error(exc):
    """The broker's refusal or failure as the OSError a socket library would raise."""
    import errno

    name = getattr(exc, "name", "")
    message = _str_copy(getattr(exc, "message", None) or str(exc))
    run = _active
    if run is not None and run.interrupted:
        return KeyboardInterrupt()
    if name in ("TimeoutError", "AbortError") or "timed out" in message:
        return TimeoutError(errno.ETIMEDOUT, message)
    if "refuses" in message:
        return ConnectionRefusedError(errno.ECONNREFUSED, message)
    return ConnectionError(message)


def _fetch_sync(url, method, headers, body, timeout, redirect="manual"):
    """Performs a request synchronously (JSPI): returns the JavaScript Response; raises OSError."""
    from pyodide.ffi import JsException, to_js

    js = _js()
    init = {"method": method, "headers": to_js([[k, v] for k, v in headers]), "redirect": redirect}
    if body:
        init["body"] = to_js(body)
    if timeout is not None and timeout > 0:
        init["timeout"] = int(timeout * 1000)
    if not can_run_sync():
        raise ConnectionError("HTTP from synchronous code needs a run: call it from your code, not from a callback")
    try:
        return run_sync(js.fetch(url, to_js(init, dict_converter=js.Object.fromEntries)))
    except JsException as exc:
        raise _connection_error(exc) from None


def _read_chunk(reader):
    """The next part of a JavaScript body as bytes, or b'' at its end."""
    from pyodide.ffi import JsException

    try:
        result = run_sync(reader.read())
    except JsException as exc:
        raise _connection_error(exc) from None
    if result.done:
        return b""
    return bytes(result.value.to_py())


# --- http.client (and urllib.request, which uses it) ----------------------------------------


def _install_http_client():
    import http.client
    import io

    class _BodyStream(io.RawIOBase):
        """The response as http.client reads it from a socket: a status line and headers made
        from the broker's answer, then the body pulled from the daemon as it is read."""

        def __init__(self, head, reader):
            self._pending = memoryview(head)
            self._reader = reader

        def readable(self):
            return True

        def _fill(self):
            while not len(self._pending):
                if self._reader is None:
                    return False
                chunk = _read_chunk(self._reader)
                if not chunk:
                    self._reader = None
                    return False
                self._pending = memoryview(chunk)
            return True

        def readinto(self, buffer):
            if not self._fill():
                return 0
            size = min(len(buffer), len(self._pending))
            buffer[:size] = self._pending[:size]
            self._pending = self._pending[size:]
            return size

        def close(self):
            # A response closed before its end (http.client closes it once it has read
            # Content-Length bytes): the daemon is told, and frees the request at once.
            reader, self._reader = self._reader, None
            if reader is not None:
                try:
                    reader.cancel()
                except Exception:
                    pass
            super().close()

        def readall(self):
            parts = []
            while self._fill():
                parts.append(bytes(self._pending))
                self._pending = memoryview(b"")
            return b"".join(parts)

    class _FakeSocket:
        def __init__(self, stream):
            self._stream = stream

        def makefile(self, *args, **kwargs):
            return io.BufferedReader(self._stream)

        def close(self):
            pass

    class BrokerConnection(http.client.HTTPConnection):
        """http.client's connection, with the daemon's broker instead of a socket."""

        _scheme = "http"

        def __init__(self, host, port=None, *args, **kwargs):
            kwargs.pop("context", None)
            kwargs.pop("key_file", None)
            kwargs.pop("cert_file", None)
            kwargs.pop("check_hostname", None)
            super().__init__(host, port, *args[:1], **{k: v for k, v in kwargs.items() if k in ("timeout", "source_address", "blocksize")})
            self._woma = None

        def connect(self):
            pass

        def set_tunnel(self, host, port=None, headers=None):
            raise http.client.HTTPException("proxies are not used in woma: requests go through its network broker")

        def putrequest(self, method, url, skip_host=False, skip_accept_encoding=False):
            self._woma = {"method": method, "url": url, "headers": [], "body": []}

        def putheader(self, header, *values):
            if self._woma is None:
                raise http.client.CannotSendHeader()
            name = header.decode("latin-1") if isinstance(header, bytes) else str(header)
            value = ", ".join(v.decode("latin-1") if isinstance(v, bytes) else str(v) for v in values)
            self._woma["headers"].append((name, value))

        def endheaders(self, message_body=None, *, encode_chunked=False):
            if message_body is not None:
                self.send(message_body)

        def send(self, data):
            if self._woma is None:
                raise http.client.NotConnected()
            if hasattr(data, "read"):
                data = data.read()
            elif not isinstance(data, (bytes, bytearray, memoryview, str)):
                data = b"".join(bytes(part) if not isinstance(part, str) else part.encode("utf-8") for part in data)
            self._woma["body"].append(data.encode("utf-8") if isinstance(data, str) else bytes(data))

        def _send_request(self, method, url, body, headers, encode_chunked):
            # request() sends everything at once, so the request goes out here, as it
            # would on a socket: a refusal or a failure to connect is raised from
            # request(), where urllib turns it into URLError.
            super()._send_request(method, url, body, headers, encode_chunked)
            self._woma_response = self._perform()

        def getresponse(self):
            response, self._woma_response = getattr(self, "_woma_response", None), None
            if response is None:
                # putrequest/putheader/endheaders/send used by hand: the body is complete now.
                response = self._perform()
            return response

        def _perform(self):
            request, self._woma = self._woma, None
            if request is None:
                raise http.client.ResponseNotReady()
            url = request["url"]
            if "://" not in url:
                default = 443 if self._scheme == "https" else 80
                host = f"[{self.host}]" if ":" in self.host else self.host
                netloc = host if self.port in (None, default) else f"{host}:{self.port}"
                url = f"{self._scheme}://{netloc}{url}"
            timeout = self.timeout if isinstance(self.timeout, (int, float)) else None
            response = _fetch_sync(url, request["method"], request["headers"], b"".join(request["body"]), timeout)
            lines = [f"HTTP/1.1 {int(response.status)} {_str_copy(str(response.statusText or ''))}"]
            entries = response.headers.entries()
            while True:
                step = entries.next()
                if step.done:
                    break
                name, value = str(step.value[0]), str(step.value[1])
                if name.lower() not in ("transfer-encoding", "connection"):
                    lines.append(f"{name}: {value}")
            lines.append("Connection: close")
            head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")
            reader = response.body.getReader() if response.body is not None else None
            result = http.client.HTTPResponse(_FakeSocket(_BodyStream(head, reader)), method=request["method"], url=url)
            result.begin()
            return result

        def close(self):
            self._woma = None
            self._woma_response = None

    class BrokerHTTPSConnection(BrokerConnection):
        """HTTPS through the broker, which verifies the certificate against the host's name."""

        _scheme = "https"
        default_port = 443

    http.client.HTTPConnection = BrokerConnection
    http.client.HTTPSConnection = BrokerHTTPSConnection


# --- httpx (patched when it is imported) ------------------------------------------------------


def _patch_httpx(httpx):
    """Gives httpx transports that use the broker: its own would open sockets."""
    from pyodide.ffi import JsException, to_js

    def pairs(request):
        return [(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw]

    def timeout_of(request):
        timeouts = request.extensions.get("timeout") or {}
        values = [t for t in (timeouts.get("connect"), timeouts.get("read")) if t]
        return max(values) if values else None

    def headers_of(response_js):
        out = []
        entries = response_js.headers.entries()
        while True:
            step = entries.next()
            if step.done:
                return out
            out.append((str(step.value[0]), str(step.value[1])))

    class SyncBody(httpx.SyncByteStream):
        def __init__(self, reader):
            self._reader = reader

        def __iter__(self):
            while self._reader is not None:
                chunk = _read_chunk(self._reader)
                if not chunk:
                    return
                yield chunk

        def close(self):
            if self._reader is not None:
                try:
                    self._reader.cancel()
                except BaseException:
                    pass
                self._reader = None

    class AsyncBody(httpx.AsyncByteStream):
        def __init__(self, reader):
            self._reader = reader

        async def __aiter__(self):
            while self._reader is not None:
                try:
                    result = await self._reader.read()
                except JsException as exc:
                    raise httpx.ReadError(_str_copy(str(exc))) from None
                if result.done:
                    return
                yield bytes(result.value.to_py())

        async def aclose(self):
            self._reader = None

    def to_httpx_error(exc, request):
        if isinstance(exc, TimeoutError):
            return httpx.ConnectTimeout(_str_copy(str(exc)), request=request)
        return httpx.ConnectError(_str_copy(str(exc)), request=request)

    class BrokerTransport(httpx.BaseTransport):
        """httpx's transport in woma: each request goes to the daemon's broker."""

        def __init__(self, *args, **kwargs):
            pass

        def handle_request(self, request):
            try:
                response = _fetch_sync(str(request.url), request.method, pairs(request), request.read(), timeout_of(request))
            except OSError as exc:
                raise to_httpx_error(exc, request) from None
            reader = response.body.getReader() if response.body is not None else None
            return httpx.Response(int(response.status), headers=headers_of(response), stream=SyncBody(reader), extensions={"reason_phrase": str(response.statusText).encode("latin-1", "replace")})

    class AsyncBrokerTransport(httpx.AsyncBaseTransport):
        """httpx's async transport in woma: each request goes to the daemon's broker."""

        def __init__(self, *args, **kwargs):
            pass

        async def handle_async_request(self, request):
            js = _js()
            body = await request.aread()
            init = {"method": request.method, "headers": to_js([list(p) for p in pairs(request)]), "redirect": "manual"}
            if body:
                init["body"] = to_js(body)
            timeout = timeout_of(request)
            if timeout:
                init["timeout"] = int(timeout * 1000)
            try:
                response = await js.fetch(str(request.url), to_js(init, dict_converter=js.Object.fromEntries))
            except JsException as exc:
                raise to_httpx_error(_connection_error(exc), request) from None
            reader = response.body.getReader() if response.body is not None else None
            return httpx.Response(int(response.status), headers=headers_of(response), stream=AsyncBody(reader), extensions={"reason_phrase": str(response.statusText).encode("latin-1", "replace")})

    import sys

    httpx.HTTPTransport = BrokerTransport
    httpx.AsyncHTTPTransport = AsyncBrokerTransport
    client = sys.modules.get("httpx._client")
    if client is not None:
        client.HTTPTransport = BrokerTransport
        client.AsyncHTTPTransport = AsyncBrokerTransport


def _patch_pyodide_http(module):
    """pyodide.http.open_url wants a synchronous XMLHttpRequest; in woma it uses the broker. And
    pyfetch's AbortError learns to name the error that broke a body."""
    import io
    import sys

    def open_url(url):
        """Fetches `url` synchronously and returns its text as a StringIO."""
        response = _fetch_sync(str(url), "GET", [], b"", None, redirect="follow")
        reader = response.body.getReader() if response.body is not None else None
        parts = []
        while reader is not None:
            chunk = _read_chunk(reader)
            if not chunk:
                break
            parts.append(chunk)
        return io.StringIO(b"".join(parts).decode("utf-8", "replace"))

    module.open_url = open_url

    def abort_error(self, reason):
        # pyfetch's body methods pass their abort signal's reason even when nothing aborted, and
        # it is None then (an AttributeError before): the error that broke the body is the reason.
        if reason is None:
            reason = sys.exc_info()[1]
        OSError.__init__(self, _str_copy(getattr(reason, "message", None) or str(reason)))

    module.AbortError.__init__ = abort_error


class _PatchOnImport:
    """First on sys.meta_path: when a module that needs woma's patch (httpx, pyodide.http, and
    matplotlib from display.py) has been imported, patches it before the importer sees it."""

    PATCHES = {"httpx": _patch_httpx, "pyodide.http": _patch_pyodide_http}
    busy = False

    def find_spec(self, name, path=None, target=None):
        patch = _PatchOnImport.PATCHES.get(name)
        if patch is None or _PatchOnImport.busy:
            return None
        from importlib.util import find_spec

        _PatchOnImport.busy = True
        try:
            spec = find_spec(name)
        finally:
            _PatchOnImport.busy = False
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        loader = spec.loader
        original = loader.exec_module

        def exec_module(module):
            original(module)
            patch(module)

        loader.exec_module = exec_module
        return spec


def _install_network():
    """Called by harden(): refuses sockets, and puts Python's HTTP on the broker. pyodide.http
    must not be imported here: it takes fetch from `js` when first imported, and `js` gets it
    only after boot."""
    import sys

    _disable_network()
    _install_http_client()
    sys.meta_path.insert(0, _PatchOnImport())
