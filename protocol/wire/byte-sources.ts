/** Where a bounded message reader reads its bytes from: a Node readable stream, or a web ReadableStream (how a runner reads the daemon). */
import type { ByteSource } from "./bounded-message-reader.ts";

/** Wraps a Node readable stream as a {@link ByteSource}. */
export function nodeStreamSource(stream: NodeJS.ReadableStream): ByteSource {
  return {
    onData(listener) {
      const handler = (chunk: Buffer | string) => listener(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      stream.on("data", handler);
      return { dispose: () => void stream.off("data", handler) };
    },
    onClose(listener) {
      stream.on("close", listener);
      stream.on("end", listener);
    },
    onError(listener) {
      stream.on("error", listener);
    },
    pause: () => void stream.pause(),
    resume: () => void stream.resume(),
  };
}

/**
 * Wraps a web `ReadableStream` (Bun's `Bun.stdin.stream()`) as a {@link ByteSource}. The
 * runner reads the daemon this way: Bun hands each read to the stream's reader without the
 * Node stream machinery `process.stdin` adds to every chunk (about 40 us a message there).
 * Reading starts with the first listener; `pause` stops asking for chunks until `resume`.
 */
export function webStreamSource(stream: ReadableStream<Uint8Array>): ByteSource {
  const listeners: Array<(chunk: Uint8Array) => void> = [];
  const closes: Array<() => void> = [];
  const errors: Array<(error: Error) => void> = [];
  let paused: (() => void) | undefined;
  let pausing = false;
  let started = false;
  const pump = async () => {
    const reader = stream.getReader();
    try {
      for (;;) {
        if (pausing) await new Promise<void>((resolve) => (paused = resolve));
        const next = await reader.read();
        if (next.done) break;
        for (const listener of listeners) listener(next.value);
      }
    } catch (error) {
      for (const listener of errors) listener(error instanceof Error ? error : new Error(String(error)));
    } finally {
      reader.releaseLock();
      for (const listener of closes) listener();
    }
  };
  return {
    onData(listener) {
      listeners.push(listener);
      if (!started) {
        started = true;
        void pump();
      }
      return {
        dispose: () => {
          const at = listeners.indexOf(listener);
          if (at >= 0) listeners.splice(at, 1);
        },
      };
    },
    onClose: (listener) => void closes.push(listener),
    onError: (listener) => void errors.push(listener),
    pause: () => void (pausing = true),
    resume: () => {
      pausing = false;
      paused?.();
      paused = undefined;
    },
  };
}
