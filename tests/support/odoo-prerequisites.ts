import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import { ADMIN_DATABASE_URL } from "./app-server";

/*
 * What the real Odoo 19 peer needs on this machine: the pruned Community tree in
 * ../shared/odoo19 (ODOO19_DIR), Debian's Python with Odoo's packages (installed with
 * apt-get when missing and running as root, like Chromium for the browser tests), and a
 * PostgreSQL role that is not the superuser (Odoo refuses `postgres`).
 */

export const ODOO19_DIR = resolve(process.env.ODOO19_DIR ?? resolve(import.meta.dirname, "../../../shared/odoo19"));
export const ODOO_PYTHON = process.env.ODOO_PYTHON ?? "/usr/bin/python3";
export const START_SCRIPT = resolve(ODOO19_DIR, "start-odoo.sh");
export const TARBALL = resolve(ODOO19_DIR, "odoo-19.0-community-min.tar.xz");

/** The role Odoo connects as, created on the test cluster when missing. */
export const ODOO_PG_ROLE = { user: "odoo", password: "odoo" };

/** Python module → Debian package, as `start-odoo.sh` checks them. */
const PYTHON_PACKAGES: Record<string, string> = {
  asn1crypto: "python3-asn1crypto", babel: "python3-babel", cbor2: "python3-cbor2", chardet: "python3-chardet",
  cryptography: "python3-cryptography", dateutil: "python3-dateutil", docutils: "python3-docutils", freezegun: "python3-freezegun",
  geoip2: "python3-geoip2", gevent: "python3-gevent", greenlet: "python3-greenlet", idna: "python3-idna", jinja2: "python3-jinja2",
  sass: "python3-libsass", lxml: "python3-lxml", magic: "python3-magic", markupsafe: "python3-markupsafe", num2words: "python3-num2words",
  ofxparse: "python3-ofxparse", openpyxl: "python3-openpyxl", OpenSSL: "python3-openssl", passlib: "python3-passlib", PIL: "python3-pil",
  polib: "python3-polib", psutil: "python3-psutil", psycopg2: "python3-psycopg2", PyPDF2: "python3-pypdf2", qrcode: "python3-qrcode",
  "reportlab.graphics._renderPM": "python3-renderpm", reportlab: "python3-reportlab", requests: "python3-requests", rjsmin: "python3-rjsmin",
  stdnum: "python3-stdnum", pytz: "python3-tz", urllib3: "python3-urllib3", vobject: "python3-vobject", werkzeug: "python3-werkzeug",
  xlrd: "python3-xlrd", xlsxwriter: "python3-xlsxwriter", zeep: "python3-zeep",
};

export type Availability = { ok: true } | { ok: false; reason: string };

/** Is the Odoo tree there at all? (Its absence skips the suite outside CI, fails it in CI.) */
export function odooTreeAvailability(): Availability {
  if (!existsSync(START_SCRIPT) || !existsSync(TARBALL)) {
    return { ok: false, reason: `no Odoo 19 tree at ${ODOO19_DIR} (start-odoo.sh and odoo-19.0-community-min.tar.xz); set ODOO19_DIR` };
  }
  return { ok: true };
}

function missingDebianPackages(): string[] {
  const missing: string[] = [];
  if (!existsSync(ODOO_PYTHON)) return ["python3", ...Object.values(PYTHON_PACKAGES)];
  const probe = spawnSync(
    ODOO_PYTHON,
    ["-c", "import importlib,sys\nfor m in sys.argv[1:]:\n  try: importlib.import_module(m)\n  except Exception: print(m)", ...Object.keys(PYTHON_PACKAGES)],
    { encoding: "utf8" },
  );
  for (const module of probe.stdout.split("\n").filter(Boolean)) missing.push(PYTHON_PACKAGES[module]!);
  if (spawnSync("sh", ["-c", "command -v xz"]).status !== 0) missing.push("xz-utils");
  return [...new Set(missing)];
}

/** Installs Odoo's Debian packages when they are missing and we may (root + apt-get). */
export function ensureOdooPython(): Availability {
  let missing = missingDebianPackages();
  if (!missing.length) return { ok: true };
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log(`Odoo's Python packages are missing (${missing.join(" ")}): installing them with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    for (const args of [["update", "-qq"], ["install", "-y", "-qq", "--no-install-recommends", ...missing]]) {
      if (spawnSync("apt-get", args, { stdio: "inherit", env }).status !== 0) break;
    }
    missing = missingDebianPackages();
    if (!missing.length) return { ok: true };
  }
  return { ok: false, reason: `Odoo needs Debian's Python packages: apt-get install -y --no-install-recommends ${missing.join(" ")}` };
}

/** The test cluster's admin URL and the URL Odoo connects with (as the `odoo` role, created if missing). */
export async function ensureOdooRole(): Promise<{ adminUrl: string; odooPgUrl: string }> {
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [ODOO_PG_ROLE.user]);
    if (!rowCount) {
      try {
        await admin.query(`CREATE ROLE ${ODOO_PG_ROLE.user} LOGIN CREATEDB PASSWORD '${ODOO_PG_ROLE.password}'`);
      } catch (error) {
        // Another run (or the other peer starting beside this one) created it at the same moment:
        // 42710 duplicate_object, or 23505 when both inserts reach the catalog index together.
        if (!["42710", "23505"].includes((error as { code?: string }).code ?? "")) throw error;
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_DATABASE_URL);
  return { adminUrl: ADMIN_DATABASE_URL, odooPgUrl: `postgresql://${ODOO_PG_ROLE.user}:${ODOO_PG_ROLE.password}@${url.hostname}:${url.port || 5432}` };
}
