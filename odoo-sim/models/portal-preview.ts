/** The portal mixin's preview actions (account_move.py preview_invoice, sale_order.py action_preview_sale_order). */
import { randomUUID } from "node:crypto";
import { pythonError } from "../errors";
import { getRecord } from "../records";
import type { MethodSpec } from "./types";

/**
 * ensure_one, then get_portal_url() (portal_mixin.py): the record's page under `/my/…`,
 * opened with its access_token, which is a uuid4 written the first time and kept.
 */
export function portalPreview(model: string, pagePath: string): MethodSpec {
  return {
    apiModel: false,
    params: [],
    run: (env, _model, ids) => {
      if (ids.length !== 1) throw pythonError("ValueError", `Expected singleton: ${model}(${ids.join(", ")}${ids.length === 1 ? "," : ""})`);
      const record = getRecord(env, model, ids[0]!)!;
      record.access_token ||= randomUUID();
      return { type: "ir.actions.act_url", target: "self", url: `${pagePath}/${record.id}?access_token=${String(record.access_token)}` };
    },
  };
}
