import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "../support/app-server";

export interface PrivatePostgres {
  url: string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  destroy: () => Promise<void>;
}

/** The newest /usr/lib/postgresql/<version>/bin with initdb, or null. */
function postgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((version) => existsSync(join(root, version, "bin", "initdb")))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length ? join(root, versions.at(-1)!, "bin") : null;
}

/**
 * A PostgreSQL cluster this test owns, so it can be stopped and started under a running
 * app (the suite's shared server must not be). Set up as `.ci/run` does: initdb and
 * pg_ctl as the postgres user, data under a mktemp dir. Returns why not when the machine
 * can't (no PostgreSQL binaries, or not root for runuser).
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres | { unavailable: string }> {
  const bin = postgresBin();
  if (!bin) return { unavailable: "no initdb under /usr/lib/postgresql/*/bin (apt-get install postgresql, as .ci/run does)" };
  if (process.getuid?.() !== 0) return { unavailable: "not root: initdb/pg_ctl must run as the postgres user through runuser" };
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  } catch {
    return { unavailable: "no postgres user (the postgresql package creates it)" };
  }
  const root = mkdtempSync(join(tmpdir(), "nexa-hardening-pg-"));
  chownSync(root, uid, gid);
  const data = join(root, "data");
  const port = await freePort();
  // Asynchronous, so clients in the same test keep sending while the server stops and starts.
  const asPostgres = async (command: string, args: string[]) => {
    await promisify(execFile)("runuser", ["-u", "postgres", "--", join(bin, command), ...args]);
  };

  await asPostgres("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
  const start = () =>
    asPostgres("pg_ctl", [
      "-D", data, "-w", "-l", join(root, "server.log"),
      "-o", `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
      "start",
    ]);
  const stop = () => asPostgres("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  await start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: async () => {
      await stop().catch(() => undefined); // already stopped
      rmSync(root, { recursive: true, force: true });
    },
  };
}
