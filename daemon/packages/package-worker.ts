/** The package worker: a thread of the daemon where wheels are inflated and checked and index pages parsed, so no tenant's package stalls the event loop every tenant shares. */
import { PackageError } from "./package-error.ts";
import { checkWheel } from "./wheel-check.ts";
import { parseIndexPage } from "./simple-index.ts";
import type { OffLoopJob, OffLoopReply } from "./off-loop.ts";

declare const self: Worker;

async function perform(job: OffLoopJob): Promise<unknown> {
  switch (job.kind) {
    case "wheel":
      return checkWheel(job.path, job.label, job.maxUnpackedBytes);
    case "index":
      return parseIndexPage(job.bytes, job.contentType, job.url, job.project, job.maxFiles);
  }
}

self.onmessage = async (event: MessageEvent<{ id: number; job: OffLoopJob }>) => {
  const { id, job } = event.data;
  let reply: OffLoopReply;
  try {
    reply = { id, ok: true, value: await perform(job) };
  } catch (error) {
    const known = error instanceof PackageError;
    reply = { id, ok: false, code: known ? error.code : undefined, message: (error as Error)?.message ?? String(error), data: known ? error.data : undefined };
  }
  self.postMessage(reply);
};
