import type { Db } from "~/server/db/client";
import { env } from "~/server/env";
import { webApiRequest } from "./api-request";
import { readJsonBody } from "./read-json-body";
import { secretRoute } from "./secret-route";

type Params = { token?: string[] };

/**
 * The route Odoo automation rules call: ODOO_WEBHOOK_SECRET as the last path segment
 * (`/api/odoo/webhook/<secret>`, what a rule's URL can carry) or in `x-odoo-webhook-secret`.
 * The handler gets the size-limited JSON body.
 */
export const odooWebhookRoute = (handler: (context: { db: Db; body: unknown }) => Promise<unknown>) =>
  secretRoute<Params>(
    {
      expected: () => env().ODOO_WEBHOOK_SECRET,
      given: (request, { token }) => (token === undefined ? request.headers.get("x-odoo-webhook-secret") : token.length === 1 ? token[0] : null),
    },
    async ({ db, request }) => handler({ db, body: await readJsonBody(webApiRequest(request), env().API_MAX_BODY_BYTES) }),
  );
