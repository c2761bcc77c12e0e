/** Says what the first start is doing while Python's snapshot is built, rather than leaving a person before a silent prompt. */
import { dirname } from "node:path";
import type { DaemonClient } from "../shared/daemon-client.ts";

/** How often the daemon is asked whether a runner is ready, in ms. */
const POLL_MS = 250;
/** Frames of the progress indicator drawn on a terminal. */
const SPINNER = ["|", "/", "-", "\\"];

/** Where the notice goes. */
export interface FirstStartIo {
  /** stderr is a terminal: draw a progress line and wait; otherwise print one line and go on. */
  tty: boolean;
  err(text: string): void;
  /** The terminal's width. */
  columns(): number;
}

/**
 * When the daemon is building the Python snapshot (a first start, or after an upgrade),
 * says so at once. On a terminal it shows a progress line with the seconds so far and waits
 * for the first runner, so the prompt appears when Python can answer; otherwise it prints
 * one line and returns (the first input then waits for the runner). Does nothing when a
 * runner is ready or the snapshot exists; a daemon that cannot say is not waited for.
 */
export async function announceFirstStart(client: DaemonClient, io: FirstStartIo): Promise<void> {
  let info = await client.info().catch(() => undefined);
  const snapshot = info?.snapshot;
  if (!info || info.pyodide_loaded || snapshot?.state !== "building") return;
  const where = snapshot.path ? dirname(snapshot.path) : "the cache directory";
  if (!io.tty) {
    io.err(`woma: first start: building the Python snapshot in ${where} (once, about 10-30 s; later starts take about a second)\n`);
    return;
  }
  const started = Date.now();
  let frame = 0;
  // One short line, redrawn in place: a line wider than the terminal would wrap and leave a copy behind at each redraw.
  const draw = () => {
    const line = `${SPINNER[frame++ % SPINNER.length]} woma: first start: building the Python snapshot (once, 10-30 s): ${Math.floor((Date.now() - started) / 1000)} s`;
    io.err(`\r\x1b[2K${line.slice(0, Math.max(20, io.columns() - 1))}`);
  };
  draw();
  const timer = setInterval(draw, 200);
  try {
    while (info && !info.pyodide_loaded && info.status === "healthy") {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      info = await client.info().catch(() => undefined);
    }
  } finally {
    clearInterval(timer);
  }
  io.err(`\r\x1b[2Kwoma: built the Python snapshot in ${where} in ${Math.round((Date.now() - started) / 1000)} s; later starts take about a second\n`);
}
