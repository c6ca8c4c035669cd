import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { ConfigMap, Secret, Service } from "kubernetes-models/v1";
import { Deployment } from "kubernetes-models/apps/v1";
import { CronJob, Job } from "kubernetes-models/batch/v1";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";

/*
 * The example deployment files (README → Running in production) are held to the
 * Kubernetes schemas (kubernetes-models) and to the hub itself: every setting they name
 * is one the hub reads, every command runs a script that exists, every probe is a route
 * the process serves, and every grace period outlasts the hub's graceful stop.
 */
const here = new URL(".", import.meta.url).pathname;
const root = join(here, "..");
const MODELS = { ConfigMap, Secret, Service, Deployment, Job, CronJob } as const;
const settingNames = new Set([...readFileSync(join(root, "server/env.ts"), "utf8").matchAll(/^ {4}([A-Z][A-Z0-9_]+): z\./gm)].map((match) => match[1]!));
const SHUTDOWN_SECONDS = 25;

const manifests = readdirSync(join(here, "kubernetes"))
  .filter((file) => file.endsWith(".yaml"))
  .flatMap((file) => parseAllDocuments(readFileSync(join(here, "kubernetes", file), "utf8")).map((document) => ({ file, object: document.toJS() as any })));

const podSpecs = manifests.flatMap(({ file, object }) => {
  const spec = object.kind === "CronJob" ? object.spec.jobTemplate.spec.template.spec : object.spec?.template?.spec;
  return spec ? [{ file, kind: object.kind as string, spec }] : [];
});

describe("deploy/kubernetes", () => {
  it("has a web and a worker Deployment, the migration Job and a CronJob", () => {
    expect(manifests.map(({ object }) => `${object.kind}/${object.metadata.name}`).sort()).toEqual([
      "ConfigMap/nexa-hub-config", "CronJob/nexa-hub-retention", "Deployment/nexa-hub-web", "Deployment/nexa-hub-worker", "Job/nexa-hub-migrate", "Secret/nexa-hub-secrets", "Service/nexa-hub-web",
    ]);
  });

  it.each(manifests.map(({ file, object }) => [`${file} ${object.kind}/${object.metadata.name}`, object]))("%s is valid against the Kubernetes schema", (_, object) => {
    const Model = MODELS[object.kind as keyof typeof MODELS];
    expect(() => new Model(object).validate()).not.toThrow();
  });

  it("names only settings the hub reads", () => {
    const named = manifests.flatMap(({ object }) => Object.keys(object.data ?? object.stringData ?? {}));
    for (const { spec } of podSpecs) for (const container of spec.containers) named.push(...(container.env ?? []).map((entry: { name: string }) => entry.name));
    expect(named.filter((name) => !settingNames.has(name))).toEqual([]);
    expect(named).toEqual(expect.arrayContaining(["DATABASE_URL", "NEXTAUTH_SECRET", "WEBHOOK_RSA_PRIVATE_KEY", "METRICS_TOKEN", "WORKER_PORT"]));
  });

  it("runs scripts that exist, probes routes the processes serve, and waits out the graceful stop", () => {
    for (const { file, spec } of podSpecs) {
      for (const container of spec.containers) {
        const script = container.command.find((part: string) => part.startsWith("scripts/"));
        expect(existsSync(join(root, script)), `${file}: ${script}`).toBe(true);
        for (const probe of [container.readinessProbe, container.livenessProbe].filter(Boolean)) {
          const path = probe.httpGet.path.split("?")[0];
          const served = script === "scripts/worker.ts" ? ["/health", "/health/ready"].includes(path) : existsSync(join(root, "app", path, "route.ts"));
          expect(served, `${file}: probe ${path}`).toBe(true);
        }
      }
    }
    for (const { spec } of podSpecs.filter(({ kind }) => kind === "Deployment")) expect(spec.terminationGracePeriodSeconds).toBeGreaterThan(SHUTDOWN_SECONDS + 5);
  });
});

describe("deploy/systemd", () => {
  const units = readdirSync(join(here, "systemd")).filter((file) => /\.(service|timer)$/.test(file));

  it("starts node on scripts that exist, and waits out the graceful stop", () => {
    for (const unit of units.filter((file) => file.endsWith(".service"))) {
      const text = readFileSync(join(here, "systemd", unit), "utf8");
      const script = /ExecStart=\/usr\/bin\/node --import tsx (scripts\/\S+)/.exec(text)?.[1];
      expect(script && existsSync(join(root, script)), `${unit}: ${script}`).toBe(true);
      const stop = /TimeoutStopSec=(\d+)/.exec(text);
      if (!text.includes("Type=oneshot")) expect(Number(stop?.[1]), unit).toBeGreaterThan(SHUTDOWN_SECONDS + 5);
    }
  });

  it("has an environment example with only settings the hub reads", () => {
    const names = readFileSync(join(here, "systemd/hub.env.example"), "utf8").split("\n").filter((line) => /^[A-Z]/.test(line)).map((line) => line.split("=")[0]!);
    expect(names.filter((name) => !settingNames.has(name))).toEqual([]);
  });
});
