/** Finds the top-level "id" of a JSON-RPC message as its bytes stream past, without keeping them: for answering a message too large to read. */

type State = "value" | "key" | "afterKey" | "colon" | "id" | "done";

/**
 * Scans a JSON object chunk by chunk and remembers the value of its top-level `"id"` key
 * (a number or a string), so that a message skipped for its size can still be answered
 * with the id its sender waits on. Nested objects and strings are stepped over; memory use
 * is constant whatever the size. Anything that is not a JSON object yields no id.
 */
export class RequestIdScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private state: State = "value";
  private key = "";
  private idBytes: number[] = [];
  private result: string | number | null = null;

  /** The id found so far: a number, a string, or null when there is none (yet). */
  get id(): string | number | null {
    return this.result;
  }

  /** True once more bytes cannot change {@link id}: it was found, or the message is not an object, or the object ended. */
  get done(): boolean {
    return this.state === "done";
  }

  /** Feeds the next bytes of the message. */
  push(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length && this.state !== "done"; i++) this.step(chunk[i]!);
  }

  private step(byte: number): void {
    if (this.state === "id") {
      this.readId(byte);
      return;
    }
    const char = String.fromCharCode(byte);
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (char === "\\") this.escaped = true;
      else if (char === '"') {
        this.inString = false;
        if (this.state === "key") this.state = "afterKey";
        return;
      }
      // Only short keys matter; "id" is two characters.
      if (this.state === "key" && this.key.length < 8) this.key += char;
      return;
    }
    if (char === " " || char === "\t" || char === "\n" || char === "\r") return;
    if (this.depth === 0 && char !== "{") {
      this.state = "done"; // not an object
      return;
    }
    switch (char) {
      case '"':
        this.inString = true;
        if (this.depth === 1 && this.state === "value") {
          this.state = "key";
          this.key = "";
        }
        return;
      case ":":
        if (this.depth === 1 && this.state === "afterKey") {
          if (this.key === "id") {
            this.state = "id";
            this.idBytes = [];
          } else this.state = "colon";
        }
        return;
      case "{":
      case "[":
        this.depth++;
        return;
      case "}":
      case "]":
        this.depth--;
        if (this.depth <= 0) this.state = "done";
        return;
      case ",":
        if (this.depth === 1) this.state = "value";
        return;
      default:
        return;
    }
  }

  /** Reads the value after `"id":`: a string (kept if short) or a number. */
  private readId(byte: number): void {
    const char = String.fromCharCode(byte);
    if (this.idBytes.length === 0 && (char === " " || char === "\t" || char === "\n" || char === "\r")) return;
    if (this.idBytes[0] === 0x22) {
      if (this.escaped) this.escaped = false;
      else if (char === "\\") this.escaped = true;
      else if (char === '"') {
        this.idBytes.push(byte);
        this.finish(this.idBytes.length <= 258 ? (JSON.parse(new TextDecoder().decode(Uint8Array.from(this.idBytes))) as string) : null);
        return;
      }
      if (this.idBytes.length <= 258) this.idBytes.push(byte);
      return;
    }
    if (this.idBytes.length === 0 && char === '"') {
      this.idBytes.push(byte);
      return;
    }
    if (/[-+0-9.eE]/.test(char) && this.idBytes.length < 40) {
      this.idBytes.push(byte);
      return;
    }
    const text = String.fromCharCode(...this.idBytes);
    const number = Number(text);
    this.finish(text !== "" && Number.isFinite(number) ? number : null);
  }

  private finish(id: string | number | null): void {
    this.result = id;
    this.state = "done";
  }
}
