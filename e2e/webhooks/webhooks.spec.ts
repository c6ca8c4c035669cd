import { env } from "~/server/env";
import { drainWebhooks, recordLifecycleEvent, webhookSettings } from "~/server/webhooks";
import { invoiceObservation, seedSubscribedCustomer, seenOwed, startReceiver } from "~/tests/webhooks/webhook-fixtures";
import { confirmation, expect, expectSummary, test, toast } from "../fixtures";

const settings = webhookSettings(env());

const HOUR = 3_600_000;

test("ops reads a dead delivery's attempts and replays every dead one of a service once its endpoint is back", async ({ page, db, signInAs, snap }) => {
  const secret = "whsec_e2e_replay";
  const receiver = await startReceiver(secret);
  try {
    const seeded = await seedSubscribedCustomer(db, { webhookUrl: receiver.url, secret });
    const t = Date.now();
    for (let i = 0; i < 2; i++) {
      await recordLifecycleEvent({
        db, settings, source: "poll", observedAt: new Date(), now: new Date(t),
        // Seen owed before: each is a payment, one delivery (a first sighting is invoice.created too).
        observation: await seenOwed(db, invoiceObservation({ state: "paid", partnerId: seeded.odooPartnerId, orderIds: [seeded.odooOrderId] })),
      });
    }
    // The app is down for longer than the 24 h retry window: both deliveries dead-letter.
    receiver.control.down = true;
    for (let hours = 0; hours <= 26; hours += 2) await drainWebhooks({ db, settings, now: new Date(t + hours * HOUR) });
    const code = seeded.service.code;

    await signInAs("ops");
    await page.goto("/webhooks");
    const table = page.getByRole("region", { name: "Webhook deliveries" });
    await table.getByLabel("Filter by Service").selectOption(code);
    await expectSummary(page, "Webhook deliveries", "2 rows · page 1 of 1");
    await expect(table.getByRole("row", { name: /Dead \(needs ops\)/ })).toHaveCount(2);

    // The customer's first delivery was tried all day; the second waited behind it (per-customer order).
    const triedAllDay = table.getByRole("row").filter({ has: page.getByRole("cell", { name: "13", exact: true }) });
    await expect(triedAllDay).toContainText("HTTP 503");
    await triedAllDay.getByRole("button", { name: "Attempts" }).click();
    const detail = page.getByRole("region", { name: "Webhook delivery" });
    await expect(detail.getByRole("heading")).toHaveText(`invoice.payment_status_updated → ${code}`);
    const attempts = detail.getByRole("table", { name: "Attempts" });
    await expect(attempts.getByRole("row")).toHaveCount(1 + 13);
    await expect(attempts.getByRole("row").last()).toContainText("HTTP 503");
    await expect(attempts.getByRole("row").last()).toContainText("down for maintenance");
    await snap("webhooks-attempts");

    receiver.control.down = false;
    await table.getByRole("button", { name: `Replay dead of ${code}` }).click();
    await confirmation(page, `Replay every dead delivery of ${code}?`).getByRole("button", { name: "Replay dead" }).click();
    await expect(toast(page, `2 dead deliveries of ${code} queued for replay`)).toBeVisible();
    await expect(table.getByRole("row", { name: /Pending/ })).toHaveCount(2);

    await drainWebhooks({ db, settings });
    await page.reload();
    await table.getByLabel("Filter by Service").selectOption(code);
    await table.getByLabel("Filter by State").selectOption("delivered");
    await expectSummary(page, "Webhook deliveries", "2 rows · page 1 of 1");
    expect(receiver.processed.size).toBe(2);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "webhook_delivery.replay_dead", entityId: code } });
    expect(audit.after).toEqual({ count: 2 });
  } finally {
    await receiver.close();
  }
});
