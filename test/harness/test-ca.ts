/** A throwaway certificate authority and a server certificate it signs, made with openssl, for HTTPS tests on 127.0.0.1. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** PEM files of a test CA and of a server certificate it signed. */
export interface TestCertificates {
  /** The CA's certificate: give it to woma with --ca-file. */
  caFile: string;
  /** The server's certificate and key, for Bun.serve's `tls`. */
  cert: string;
  key: string;
}

/**
 * Makes a CA and a leaf certificate for `names` (DNS names and IP addresses) in a fresh
 * directory. Needs the `openssl` command (Debian's openssl package; .ci/run installs it).
 */
export function makeTestCertificates(names: string[]): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), "woma-ca-"));
  const openssl = (args: string[]) => {
    const result = spawnSync("openssl", args, { cwd: dir, encoding: "utf8" });
    if (result.error) throw new Error(`HTTPS tests need the openssl command: ${result.error.message}`);
    if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
  };
  openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=woma test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
  openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", `/CN=${names[0]}`]);
  const alt = names.map((name) => (/^[\d.]+$|:/.test(name) ? `IP:${name}` : `DNS:${name}`)).join(",");
  writeFileSync(join(dir, "ext.cnf"), `subjectAltName=${alt}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`);
  openssl(["x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "leaf.pem", "-days", "2", "-extfile", "ext.cnf"]);
  return { caFile: join(dir, "ca.pem"), cert: readFileSync(join(dir, "leaf.pem"), "utf8"), key: readFileSync(join(dir, "leaf.key"), "utf8") };
}
