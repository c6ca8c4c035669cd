import { afterEach, describe, expect, it } from "vitest";
import { env } from "~/server/env";
import { drainWebhooks, recordLifecycleEvent, webhookSettings } from "~/server/webhooks";
import { signedInAs, trpcCode } from "../support/console-session";
import { testDb, uniqueCode } from "../support/fixtures";
import { invoiceObservation, seedSubscribedCustomer, seenOwed, startReceiver } from "../webhooks/webhook-fixtures";

const settings = webhookSettings(env());

/*
 * Issue 15: webhook URLs pointing inside the network were saved, and the sender stored
 * 1 KB of whatever answered (a port-scan oracle). The suite allows http://127.0.0.1 only
 * (TEST_OUTBOUND_ALLOWANCE), as an operator would for one lab receiver; every other
 * internal spelling must be refused, at save and at send.
 */
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("webhook URLs at save time", () => {
  it.each([
    ["cloud metadata", "http://169.254.169.254/latest/meta-data/"],
    ["IPv6 loopback", "http://[::1]:5432/"],
    ["hex loopback", "http://0x7f000001:3300/"],
    ["decimal loopback", "http://2130706433:3300/"],
    ["IPv4-mapped loopback", "https://[::ffff:127.0.0.1]/"],
    ["private network over https", "https://10.0.0.5/hook"],
    ["CGNAT", "https://100.64.0.9/hook"],
    ["a name resolving to loopback", "https://localhost/hook"],
    ["plain http to a public host", "http://8.8.8.8/hook"],
    ["credentials in the URL", "https://user:pw@8.8.8.8/hook"],
  ])("refuses %s (%s) on create and on update", async (_name, webhookUrl) => {
    const admin = await signedInAs("admin");
    const code = uniqueCode("svc").toLowerCase();
    expect(await trpcCode(admin.client.services.create.mutate({ code, name: "Attacker", webhookUrl }))).toBe("UNPROCESSABLE_CONTENT");
    expect(await (await testDb()).service.findUnique({ where: { code } })).toBeNull();
    const { service } = await admin.client.services.create.mutate({ code, name: "Target", webhookUrl: null });
    expect(await trpcCode(admin.client.services.update.mutate({ id: service.id, webhookUrl }))).toBe("UNPROCESSABLE_CONTENT");
    expect((await (await testDb()).service.findUniqueOrThrow({ where: { id: service.id } })).webhookUrl).toBeNull();
  });

  it.each(["file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO"])("refuses the scheme of %s", async (webhookUrl) => {
    const admin = await signedInAs("admin");
    expect(await trpcCode(admin.client.services.create.mutate({ code: uniqueCode("svc").toLowerCase(), name: "x", webhookUrl }))).toBe("BAD_REQUEST");
  });

  it("tells the admin why", async () => {
    const admin = await signedInAs("admin");
    const error = await admin.client.services.create.mutate({ code: uniqueCode("svc").toLowerCase(), name: "x", webhookUrl: "https://169.254.169.254/" }).catch((caught: Error) => caught);
    expect((error as Error).message).toMatch(/linkLocal address/);
  });

  it("accepts a public https URL and the allowlisted lab host", async () => {
    const admin = await signedInAs("admin");
    for (const webhookUrl of ["https://8.8.8.8/nexa/webhooks", "http://127.0.0.1:9/hook"]) {
      const { service } = await admin.client.services.create.mutate({ code: uniqueCode("svc").toLowerCase(), name: "ok", webhookUrl });
      expect(service.webhookUrl).toBe(webhookUrl);
    }
  });
});

describe("webhook URLs at send time", () => {
  it.each(["http://localhost:PORT/hook", "http://0x7f000001:PORT/hook", "http://[::1]:PORT/hook", "http://127.0.0.1.:PORT/hook"])(
    "never calls %s (stored before the guard, or edited in the database), and keeps no answer",
    async (template) => {
      const db = await testDb();
      const receiver = await startReceiver("whsec_guard");
      const port = new URL(receiver.url).port;
      const seeded = await seedSubscribedCustomer(db, { webhookUrl: template.replace("PORT", port), secret: "whsec_guard" });
      cleanups.push(async () => {
        await db.webhookDelivery.updateMany({ where: { serviceId: seeded.service.id, state: "pending" }, data: { state: "dead" } });
        await receiver.close();
      });
      await recordLifecycleEvent({ db, settings, source: "poll", observedAt: new Date(), observation: await seenOwed(db, invoiceObservation({ state: "paid", partnerId: seeded.odooPartnerId, orderIds: [seeded.odooOrderId] })) });
      await drainWebhooks({ db, settings });
      expect(receiver.received).toHaveLength(0);
      const [delivery] = await db.webhookDelivery.findMany({ where: { serviceId: seeded.service.id }, include: { attemptLog: true } });
      expect(delivery).toMatchObject({ state: "pending", attempts: 1, lastStatus: null });
      expect(delivery!.lastError).toMatch(/^refused by the address guard: /);
      expect(delivery!.attemptLog[0]).toMatchObject({ status: null, responseExcerpt: null });
    },
  );

  it("still delivers to the allowlisted receiver", async () => {
    const db = await testDb();
    const receiver = await startReceiver("whsec_guard_ok");
    const seeded = await seedSubscribedCustomer(db, { webhookUrl: receiver.url, secret: "whsec_guard_ok" });
    cleanups.push(() => receiver.close());
    await recordLifecycleEvent({ db, settings, source: "poll", observedAt: new Date(), observation: await seenOwed(db, invoiceObservation({ state: "paid", partnerId: seeded.odooPartnerId, orderIds: [seeded.odooOrderId] })) });
    await drainWebhooks({ db, settings });
    expect(receiver.received.length).toBeGreaterThan(0);
  });
});
