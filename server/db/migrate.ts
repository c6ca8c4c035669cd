import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { openAdapter } from "./adapter";

/*
 * Prisma migrations without the native schema-engine binary (which Prisma would
 * download from its own site, unreachable here): we drive @prisma/schema-engine-wasm
 * through a driver adapter. Its API is internal to Prisma, so re-check this file on
 * every Prisma upgrade (see ../shared/reference/prisma-offline.md).
 */

const require = createRequire(import.meta.url);
const SCHEMA = resolve("prisma/schema.prisma");
const MIGRATIONS = resolve("prisma/migrations");
const filters = { externalTables: [], externalEnums: [] };

interface WasmEngine {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string }>;
  free(): void;
}

// wasm-bindgen's glue module is a singleton (ESM caches it) holding views of one wasm
// memory: instantiating a second engine in the same process corrupts the first's
// strings. So the runtime is created once per process and reused.
let runtime: ReturnType<typeof instantiateEngineRuntime> | undefined;
const loadEngineRuntime = () => (runtime ??= instantiateEngineRuntime());

async function instantiateEngineRuntime() {
  const runtime = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = join(dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const instance = new WebAssembly.Instance(new WebAssembly.Module(await readFile(wasmPath)), {
    "./schema_engine_bg.js": runtime as unknown as WebAssembly.ModuleImports,
  });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return runtime;
}

type ScriptClient = { exec?: (sql: string) => Promise<unknown>; query: (sql: string) => Promise<unknown> };

/**
 * Migration scripts must run whole: @prisma/adapter-pg splits them on every ";" (breaking
 * semicolons in comments and plpgsql bodies) and pglite-prisma-adapter does not await
 * them (losing errors). Both underlying clients run a multi-statement script natively.
 */
function runScriptsWhole(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const patch = <A extends { executeScript: (script: string) => Promise<void> }>(adapter: A): A => {
    const client = (adapter as unknown as { client: ScriptClient }).client;
    adapter.executeScript = async (script) => {
      await (client.exec ? client.exec(script) : client.query(script));
    };
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => patch(await connect());
  factory.connectToShadowDb = async () => patch(await connectToShadowDb());
  return factory;
}

async function withEngine<T>(url: string, work: (engine: WasmEngine) => Promise<T>): Promise<T> {
  const runtime = await loadEngineRuntime();
  const opened = await openAdapter(url, { poolSize: 1 });
  const { close } = opened;
  const factory = runScriptsWhole(opened.factory);
  const engine = (await runtime.SchemaEngine.new(
    { datamodels: undefined } as never,
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  )) as unknown as WasmEngine;
  try {
    return await work(engine);
  } finally {
    engine.free();
    await close();
  }
}

async function migrationsList() {
  const names = existsSync(MIGRATIONS)
    ? (await readdir(MIGRATIONS, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lock = join(MIGRATIONS, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS,
    lockfile: { path: "migration_lock.toml", content: existsSync(lock) ? await readFile(lock, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok", value: await readFile(join(MIGRATIONS, name, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

/** Applies pending migrations (idempotent; fills `_prisma_migrations` as Prisma does). */
export async function applyMigrations(url: string): Promise<string[]> {
  const list = await migrationsList();
  const out = await withEngine(url, (engine) => engine.applyMigrations({ migrationsList: list, filters }));
  return out.appliedMigrationNames;
}

/** Writes a new migration for the difference between the migrations and schema.prisma. */
export async function diffMigration(name: string): Promise<string | null> {
  const list = await migrationsList();
  const files = [{ path: SCHEMA, content: await readFile(SCHEMA, "utf8") }];
  const sql = await withEngine("pglite:memory", async (engine) => {
    if (list.migrationDirectories.length) await engine.applyMigrations({ migrationsList: list, filters });
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: dirname(SCHEMA) },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters,
    });
    return result.exitCode === 0 ? null : result.stdout;
  });
  if (!sql) return null;
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = join(MIGRATIONS, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "migration.sql"), sql);
  await writeFile(
    join(MIGRATIONS, "migration_lock.toml"),
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
  return dir;
}
