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
