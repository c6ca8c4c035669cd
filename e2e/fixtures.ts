import { randomBytes } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import type { UserRole } from "~/generated/prisma/enums";
import { createDb, type Db } from "~/server/db/client";
import { createUser } from "~/server/users/create-user";
import { signInOverHttp } from "~/tests/support/console-session";

export const PASSWORD = "e2e-password-123";
export const uniqueCode = (prefix: string) => `${prefix}_${randomBytes(4).toString("hex")}`;

type Fixtures = {
  db: Db;
  /** Creates a user of this role, signs in over HTTP (CSRF + credentials callback) and puts the session cookie in the browser. */
  signInAs: (role: UserRole) => Promise<{ email: string; cookie: string }>;
  /** Saves a full-page screenshot as test-results/screens/<name>.png. */
  snap: (name: string) => Promise<void>;
};

export const test = base.extend<Fixtures, { dbConnection: { db: Db; close: () => Promise<void> } }>({
  baseURL: async ({}, use) => use(process.env.E2E_BASE_URL),
  dbConnection: [
    async ({}, use) => {
      const connection = await createDb(process.env.E2E_DATABASE_URL!, { poolSize: 2 });
      await use(connection);
      await connection.close();
    },
    { scope: "worker" },
  ],
  db: async ({ dbConnection }, use) => use(dbConnection.db),
  signInAs: async ({ db, context, baseURL }, use) => {
    await use(async (role) => {
      const email = `${uniqueCode(role)}@nexa.test`;
      await createUser({ db, email, password: PASSWORD, role });
      const cookie = await signInOverHttp(baseURL!, email, PASSWORD);
      if (!cookie) throw new Error(`sign-in failed for ${email}`);
      const url = new URL(baseURL!);
      await context.addCookies(cookie.split("; ").map((pair) => {
        const [name, ...value] = pair.split("=");
        // Production cookies are `__Secure-`/`__Host-` prefixed and must be set as Secure
        // (Chromium keeps Secure cookies for http://127.0.0.1, a potentially trustworthy origin).
        return { name: name!, value: value.join("="), domain: url.hostname, path: "/", secure: /^__(Secure|Host)-/.test(name!) };
      }));
      return { email, cookie };
    });
  },
  snap: async ({ page }, use) => {
    await use(async (name) => {
      await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
    });
  },
});

/** A sonner toast (success or error) saying this. */
export const toast = (page: Page, text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text });

/** A confirmation (Radix alert dialog) by its title. */
export const confirmation = (page: Page, title: string | RegExp) => page.getByRole("alertdialog", { name: title });

/** Waits until the table's summary line says this, e.g. "12 rows · page 1 of 2". */
export async function expectSummary(page: Page, label: string, text: string | RegExp) {
  await expect(page.getByRole("region", { name: label }).getByTestId("table-summary")).toHaveText(text);
}

export { expect };
