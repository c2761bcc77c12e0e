/** How the REPL shows display outputs: images (and HTML with nothing better to show) written to files whose paths are printed, inline in kitty or iTerm2 when asked, everything else as text. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { DisplayOutput } from "../../protocol/generated/types.ts";
import { pngInfo } from "../shared/png.ts";
import type { TextSink } from "./text-sink.ts";

/** Terminal image protocols the REPL can draw with. */
export type InlineImages = "kitty" | "iterm" | "off";

/** How the REPL shows outputs. */
export interface DisplayOptions {
  /** Where image files go (`--output-dir`); default: a new directory under the system's temporary one, made on first use. */
  outputDir?: string;
  /** Draw images in the terminal too (`--inline-images`). */
  inline: InlineImages;
}

/** The image protocol a terminal speaks, from its environment: kitty, iTerm2 and WezTerm are recognised (for `--inline-images auto`). */
export function detectInlineImages(env: NodeJS.ProcessEnv): InlineImages {
  if (env.KITTY_WINDOW_ID || env.TERM === "xterm-kitty") return "kitty";
  if (env.TERM_PROGRAM === "iTerm.app" || env.TERM_PROGRAM === "WezTerm") return "iterm";
  return "off";
}

const EXTENSIONS: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp", "image/svg+xml": "svg" };
/** A repr that says nothing but the type (`<Foo object at 0x...>`): its HTML is worth a file. */
const DEFAULT_REPR = /^<[\w.]+ object( at 0x[0-9a-f]+)?>$/;

/** The escape sequences that draw a PNG inline: kitty's graphics protocol (in 4096-byte chunks) or iTerm2's inline images. */
export function inlineImage(protocol: Exclude<InlineImages, "off">, mime: string, base64: string): string | undefined {
  if (protocol === "iterm") return `\x1b]1337;File=inline=1;size=${Buffer.byteLength(base64, "base64")};preserveAspectRatio=1:${base64}\x07\n`;
  if (mime !== "image/png") return undefined; // kitty's f=100 is PNG only
  const parts: string[] = [];
  for (let i = 0; i < base64.length; i += 4096) {
    const more = i + 4096 < base64.length ? 1 : 0;
    parts.push(`\x1b_G${i === 0 ? "f=100,a=T," : ""}m=${more};${base64.slice(i, i + 4096)}\x1b\\`);
  }
  return `${parts.join("")}\n`;
}

/** Shows each display output of the REPL's runs as it arrives. */
export class ReplDisplay {
  private dir: string | undefined;
  private counter = 0;

  constructor(
    private readonly output: TextSink,
    private readonly options: DisplayOptions,
  ) {}

  /** Where files go, made on first use. */
  private directory(): string {
    if (this.dir === undefined) {
      if (this.options.outputDir !== undefined) {
        this.dir = resolve(this.options.outputDir);
        mkdirSync(this.dir, { recursive: true });
      } else this.dir = mkdtempSync(join(tmpdir(), "woma-output-"));
    }
    return this.dir;
  }

  private save(mime: string, content: Buffer | string): string {
    const path = join(this.directory(), `output-${++this.counter}.${EXTENSIONS[mime] ?? "html"}`);
    writeFileSync(path, content);
    return path;
  }

  /**
   * One output: an image is saved (and drawn inline when asked) and its path printed; HTML
   * whose text/plain is only a default repr is saved too; otherwise the text/plain is printed,
   * except for an execute_result, whose repr the REPL prints as the run's result.
   */
  show(display: DisplayOutput): void {
    // A terminal cannot take back what it printed; an update is shown as a new output.
    if (display.output_type === "clear_output") return;
    const cut = display.truncated ? ` (${display.truncated.bytes} bytes cut by the daemon's --max-display-bytes)` : "";
    const image = Object.keys(EXTENSIONS).find((mime) => display.data[mime] !== undefined);
    if (image !== undefined) {
      const value = display.data[image]!;
      const bytes = image === "image/svg+xml" ? Buffer.from(value, "utf8") : Buffer.from(value, "base64");
      const info = image === "image/png" ? pngInfo(bytes) : undefined;
      const path = this.save(image, bytes);
      const drawn = this.options.inline !== "off" && image !== "image/svg+xml" ? inlineImage(this.options.inline, image, value) : undefined;
      if (drawn) this.output.write(drawn);
      this.output.write(`[${image}${info ? ` ${info.width}x${info.height}` : ""} saved to ${path}]${cut}\n`);
      return;
    }
    const plain = display.data["text/plain"] ?? "";
    const html = display.data["text/html"];
    if (html !== undefined && DEFAULT_REPR.test(plain.trim())) {
      this.output.write(`[text/html saved to ${this.save("text/html", html)}]${cut}\n`);
      return;
    }
    if (display.output_type === "execute_result") return;
    this.output.write(`${plain}${plain.endsWith("\n") ? "" : "\n"}${cut ? `[${cut.trim()}]\n` : ""}`);
  }
}
