/** HTTP requests from the tests, with the JSON body read. */

/** An HTTP answer with its body parsed as JSON (an empty body as {}). */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** Sends a request and reads the answer's JSON body. */
export async function send(url: string, init: RequestInit = {}): Promise<HttpAnswer> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** A raw HTTP answer: its status line's code, its headers (names in lowercase) and its body. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends `request` (the whole HTTP request, as bytes on the wire: an HTTP/1.0 request with no
 * Host header, as HAProxy's `option httpchk` sends) to 127.0.0.1:`port` and reads the answer
 * until the server closes the connection.
 */
export async function rawHttp(port: number, request: string): Promise<RawAnswer> {
  const { connect } = await import("node:net");
  const text = await new Promise<string>((resolve, reject) => {
    // Written, not ended: a half-close before the answer would look like a client that left. HTTP/1.0 has the server close after its answer.
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (received += chunk));
    socket.on("end", () => resolve(received));
    socket.on("error", reject);
  });
  const [head = "", ...rest] = text.split("\r\n\r\n");
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(":");
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return { status: Number(statusLine.split(" ")[1]), headers, body: rest.join("\r\n\r\n") };
}
