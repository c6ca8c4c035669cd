import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { updateUser } from "~/server/users/update-user";
import { createUser } from "~/server/users/create-user";
import { signedInAs, trpcCode } from "../support/console-session";
import { testDb, uniqueCode } from "../support/fixtures";

const refusal = (call: Promise<unknown>) => call.then(() => null, (error: unknown) => (error instanceof AppError ? error.message : error));

describe("the hub always keeps an active admin", () => {
  // Other suites create admins in this database: set them aside so these two are the only ones.
  let setAside: string[] = [];
  beforeAll(async () => {
    const db = await testDb();
    setAside = (await db.user.findMany({ where: { role: "admin", active: true }, select: { id: true } })).map((user) => user.id);
    await db.user.updateMany({ where: { id: { in: setAside } }, data: { active: false } });
  });
  afterAll(async () => {
    await (await testDb()).user.updateMany({ where: { id: { in: setAside } }, data: { active: true } });
  });

  const twoAdmins = async () => {
    const db = await testDb();
    const create = () => createUser({ db, email: `${uniqueCode("admin")}@nexa.test`, password: "correct horse battery staple", role: "admin" });
    return Promise.all([create(), create()]);
  };

  it("refuses to demote or disable the last active admin, and one's own account", async () => {
    const db = await testDb();
    const [alice, bob] = await twoAdmins();
    expect(await refusal(updateUser({ db, id: alice.id, changes: { role: "ops" }, actorId: alice.id }))).toBe("own_account");
    await updateUser({ db, id: bob.id, changes: { active: false }, actorId: alice.id });
    // Bob is disabled: were he to act (a stale session), Alice is the last admin.
    expect(await refusal(updateUser({ db, id: alice.id, changes: { role: "finance" }, actorId: bob.id }))).toBe("last_active_admin");
    expect(await refusal(updateUser({ db, id: alice.id, changes: { active: false }, actorId: bob.id }))).toBe("last_active_admin");
    // Renaming the last admin is fine, and so is demoting Bob once he is back and Alice remains.
    await expect(updateUser({ db, id: alice.id, changes: { name: "Alice" }, actorId: bob.id })).resolves.toMatchObject({ name: "Alice", role: "admin" });
    await updateUser({ db, id: bob.id, changes: { active: true }, actorId: alice.id });
    await expect(updateUser({ db, id: bob.id, changes: { role: "ops" }, actorId: alice.id })).resolves.toMatchObject({ role: "ops" });
    await db.user.updateMany({ where: { id: { in: [alice.id, bob.id] } }, data: { active: false } });
  });

  it("lets only one of two admins demoting each other at once succeed", async () => {
    const db = await testDb();
    const [alice, bob] = await twoAdmins();
    const outcomes = await Promise.all([
      refusal(updateUser({ db, id: bob.id, changes: { role: "ops" }, actorId: alice.id })),
      refusal(updateUser({ db, id: alice.id, changes: { role: "ops" }, actorId: bob.id })),
    ]);
    expect(outcomes.sort((a, b) => String(a).localeCompare(String(b)))).toEqual(["last_active_admin", null]);
    expect(await db.user.count({ where: { id: { in: [alice.id, bob.id] }, role: "admin", active: true } })).toBe(1);
    await db.user.updateMany({ where: { id: { in: [alice.id, bob.id] } }, data: { active: false } });
  });

  it("refuses an admin's own disabling over HTTP", async () => {
    const admin = await signedInAs("admin");
    expect(await trpcCode(admin.client.users.update.mutate({ id: admin.user.id, active: false }))).toBe("FORBIDDEN");
    await (await testDb()).user.update({ where: { id: admin.user.id }, data: { active: false } });
  });
});
