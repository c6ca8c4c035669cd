import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import pg from "pg";
import { freePort } from "./app-server";
import { ensureOdooRole, ODOO_PYTHON, START_SCRIPT, TARBALL } from "./odoo-prerequisites";

/*
 * A real Odoo 19.0 Community server for tests, started from ../shared/odoo19 (a
 * dependency read from there, never copied into this repository).
 *
 * The first run on a PostgreSQL cluster builds a template database (sale_management +
 * account, no demo data, an admin key and a bot user with exactly the groups the hub
 * needs) under a name derived from the tarball's hash; every run then gets its own
 * database copied from it (CREATE DATABASE … TEMPLATE, about 2 s instead of 30-40 s of
 * module installation), its own --home, a free port, and is dropped on stop. Extra repo
 * addons are symlinked into the run's unpacked tree and installed on the copy.
 */

export interface OdooPeer {
  url: string;
  database: string;
  /** The admin user's API key: for test setup (activating a currency, creating users). */
  apiKey: string;
  /** The hub's least-privilege user: the groups of ../shared/odoo19/README.md. */
  bot: { login: string; uid: number; apiKey: string };
  /** The admin user's login (legacy /jsonrpc authenticates with it). */
  adminLogin: string;
  stop(): Promise<void>;
}

export interface OdooPeerOptions {
  /** Absolute paths of repo addon directories, installed on the run's database. */
  addons?: string[];
  /** Further modules (of the Odoo tree) to install. */
  modules?: string[];
}

/** The groups a non-admin bot user needs for the hub's calls (../shared/odoo19/README.md). */
export const HUB_BOT_GROUPS = [
  "base.group_user", "base.group_partner_manager", "product.group_product_manager", "sales_team.group_sale_salesman",
  "account.group_account_invoice",
];
const BOT_LOGIN = "nexa-hub-bot";
/** Bump when the template's content changes, so stale templates are not reused. */
const TEMPLATE_RECIPE = "1";
const BASE_MODULES = ["sale_management", "account"];
const SRC_DIR = "odoo-19.0-min";

interface TemplateKeys {
  adminKey: string;
  botKey: string;
  botUid: number;
}

function run(command: string, args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ODOO_PYTHON, ...options.env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolvePromise(stdout) : reject(new Error(`${basename(command)} ${args.join(" ")} exited ${code}:\n${stderr.slice(-4000)}`)),
    );
    // A command that never reads its stdin (start-odoo.sh) may close it first: not an error.
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
  });
}

async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const startScript = (home: string, db: string, extra: string[], pgUrl: string) =>
  run(START_SCRIPT, ["--home", home, "--db", db, "--pg-url", pgUrl, ...extra]);

/** `odoo-bin shell` on a stopped database: runs Python with `env`, returns its stdout. */
function odooShell(home: string, db: string, script: string): Promise<string> {
  const conf = join(home, "state", db, "odoo.conf");
  return run(ODOO_PYTHON, [join(home, SRC_DIR, "odoo-bin"), "shell", "-c", conf, "-d", db, "--no-http", "--log-level=warn"], { input: script });
}

const BOT_SCRIPT = `
groups = [env.ref(x).id for x in ${JSON.stringify(HUB_BOT_GROUPS)}]
user = env['res.users'].create({'name': 'Nexa Billing Hub', 'login': '${BOT_LOGIN}', 'group_ids': [(6, 0, groups)]})
# sudo: only the superuser may give a non-admin a key without an expiry date
key = env['res.users.apikeys'].with_user(user).sudo()._generate(None, 'nexa billing hub tests', None)
env.cr.commit()
print('BOT=%d:%s' % (user.id, key))
`;

/** Builds the template once per cluster and tarball (under an advisory lock), returns its name and keys. */
async function ensureTemplate(adminUrl: string, odooPgUrl: string): Promise<{ name: string; home: string; keys: TemplateKeys }> {
  const name = `nexa_odoo19_tpl_${(await sha256(TARBALL)).slice(0, 12)}_r${TEMPLATE_RECIPE}`;
  const cluster = new URL(adminUrl);
  const marker = `${cluster.hostname}:${cluster.port || 5432}`;
  // One home per cluster: its filestore and keys belong to that cluster's template database.
  const home = join(tmpdir(), "nexa-odoo19-templates", `${name}-${marker.replace(/[^\w.-]/g, "_")}`);
  const keysFile = join(home, "keys.json");
  return withAdmin(adminUrl, async (admin) => {
    await admin.query("SELECT pg_advisory_lock(hashtext($1))", [name]);
    try {
      const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
      const saved = existsSync(keysFile) ? (JSON.parse(readFileSync(keysFile, "utf8")) as TemplateKeys & { cluster: string }) : null;
      if (exists && saved?.cluster === marker) return { name, home, keys: saved };

      console.log(`odoo peer: building template database ${name} (sale_management + account, once per cluster; ~40 s)`);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(home, { recursive: true, force: true });
      mkdirSync(home, { recursive: true });
      const port = await freePort();
      const adminKey = (await startScript(home, name, ["--port", String(port), "--modules", BASE_MODULES.join(",")], odooPgUrl)).trim();
      await startScript(home, name, ["--stop"], odooPgUrl);
      const bot = /BOT=(\d+):(\S+)/.exec(await odooShell(home, name, BOT_SCRIPT));
      if (!bot) throw new Error("odoo peer: creating the bot user printed no key");
      const keys = { adminKey, botUid: Number(bot[1]), botKey: bot[2]!, cluster: marker };
      writeFileSync(keysFile, JSON.stringify(keys), { mode: 0o600 });
      return { name, home, keys };
    } finally {
      await admin.query("SELECT pg_advisory_unlock(hashtext($1))", [name]);
    }
  });
}

/** Unpacks the tree into the run's home the way start-odoo.sh does, so addons can be linked in first. */
async function unpackTree(home: string): Promise<string> {
  const staging = join(home, ".unpack");
  mkdirSync(staging, { recursive: true });
  await run("tar", ["-xf", TARBALL, "-C", staging]);
  const src = join(home, SRC_DIR);
  await run("mv", [join(staging, SRC_DIR), src]);
  rmSync(staging, { recursive: true, force: true });
  writeFileSync(join(src, ".tarball-sha256"), `${await sha256(TARBALL)}\n`);
  return src;
}

const PEER_HOME_PREFIX = "nexa-odoo-peer-";
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Drops what a killed test run left behind on this machine: run homes whose server is
 * gone (or that never got one within an hour) and their databases. Live runs, this
 * process's and other suites', keep theirs.
 */
async function sweepAbandonedPeers(adminUrl: string): Promise<void> {
  const abandoned: Array<{ home: string; databases: string[] }> = [];
  for (const entry of readdirSync(tmpdir()).filter((name) => name.startsWith(PEER_HOME_PREFIX))) {
    const home = join(tmpdir(), entry);
    const stateDir = join(home, "state");
    const databases = existsSync(stateDir) ? readdirSync(stateDir) : [];
    const pids = databases.map((db) => join(stateDir, db, "odoo.pid")).filter(existsSync).map((file) => Number(readFileSync(file, "utf8")));
    const old = Date.now() - statSync(home).mtimeMs > 3_600_000;
    if (pids.length ? !pids.some(isAlive) : old) abandoned.push({ home, databases });
  }
  if (!abandoned.length) return;
  await withAdmin(adminUrl, async (admin) => {
    for (const { databases } of abandoned) for (const db of databases) if (/^nexa_odoo_[0-9a-f]+$/.test(db)) await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  });
  for (const { home } of abandoned) rmSync(home, { recursive: true, force: true });
}

export async function startOdooPeer(options: OdooPeerOptions = {}): Promise<OdooPeer> {
  const { adminUrl, odooPgUrl } = await ensureOdooRole();
  await sweepAbandonedPeers(adminUrl);
  const template = await ensureTemplate(adminUrl, odooPgUrl);
  const database = `nexa_odoo_${randomBytes(5).toString("hex")}`;
  const home = mkdtempSync(join(tmpdir(), PEER_HOME_PREFIX));
  const state = join(home, "state", database);
  const cleanup = async () => {
    await startScript(home, database, ["--stop"], odooPgUrl).catch(() => undefined);
    await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    rmSync(home, { recursive: true, force: true });
  };
  try {
    await withAdmin(adminUrl, async (admin) => {
      // A template being copied must have no other session: copies are serialised with its build.
      await admin.query("SELECT pg_advisory_lock(hashtext($1))", [template.name]);
      try {
        await admin.query(`CREATE DATABASE ${database} TEMPLATE ${template.name} OWNER ${new URL(odooPgUrl).username}`);
      } finally {
        await admin.query("SELECT pg_advisory_unlock(hashtext($1))", [template.name]);
      }
    });
    mkdirSync(state, { recursive: true, mode: 0o700 });
    const filestore = join(template.home, "state", template.name, "data", "filestore", template.name);
    if (existsSync(filestore)) cpSync(filestore, join(state, "data", "filestore", database), { recursive: true });
    // start-odoo.sh reuses a key file that still works: the admin key came with the copy.
    writeFileSync(join(state, "apikey"), `${template.keys.adminKey}\n`, { mode: 0o600 });

    const src = await unpackTree(home);
    const addonNames = (options.addons ?? []).map((dir) => {
      const addon = resolve(dir);
      if (!existsSync(join(addon, "__manifest__.py"))) throw new Error(`odoo peer: ${addon} is not an Odoo addon (no __manifest__.py)`);
      symlinkSync(addon, join(src, "addons", basename(addon)));
      return basename(addon);
    });
    const modules = [...BASE_MODULES, ...(options.modules ?? []), ...addonNames];
    const port = await freePort();
    const adminKey = (await startScript(home, database, ["--port", String(port), "--modules", modules.join(",")], odooPgUrl)).trim();
    const envFile = readFileSync(join(state, "env"), "utf8");
    const url = /^ODOO_URL=(.+)$/m.exec(envFile)![1]!;
    return {
      url,
      database,
      apiKey: adminKey,
      adminLogin: "admin",
      bot: { login: BOT_LOGIN, uid: template.keys.botUid, apiKey: template.keys.botKey },
      stop: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
