/**
 * res.users and res.groups: who the API key is and which groups it has (the readiness
 * check reads them). The simulator has the hub's bot user with the groups of
 * ../shared/odoo19/README.md and an administrator for setup keys.
 */
import type { ModelDef } from "./types";

export const groupModel: ModelDef = {
  name: "res.groups",
  description: "Access Groups",
  fields: {
    name: { type: "char", string: "Name", required: true },
    full_name: { type: "char", string: "Group Name" },
  },
  displayName: (_env, r) => String(r.full_name || r.name),
};

export const userModel: ModelDef = {
  name: "res.users",
  description: "User",
  fields: {
    name: { type: "char", string: "Name" },
    login: { type: "char", string: "Login", required: true },
    group_ids: { type: "many2many", string: "Groups", relation: "res.groups" },
    // Implied groups are not modelled: the groups given are all the user has.
    all_group_ids: { type: "many2many", string: "Groups and implied groups", relation: "res.groups", compute: (_env, r) => r.group_ids ?? [] },
    active: { type: "boolean", string: "Active", default: () => true },
  },
  displayName: (_env, r) => String(r.name || r.login),
  methods: {
    // res_users.py context_get: the calling user's context, with its uid.
    context_get: { access: null, apiModel: true, params: [], run: (env) => ({ lang: "en_US", tz: false, uid: env.uid }) },
  },
};

/** ir.module.module: the modules of the database (only an administrator may read them). */
export const moduleModel: ModelDef = {
  name: "ir.module.module",
  description: "Module",
  fields: {
    name: { type: "char", string: "Technical Name", required: true },
    state: {
      type: "selection", string: "Status", default: () => "uninstalled",
      selection: [["uninstallable", "Uninstallable"], ["uninstalled", "Not Installed"], ["installed", "Installed"], ["to upgrade", "To be upgraded"], ["to remove", "To be removed"], ["to install", "To be installed"]],
    },
    latest_version: { type: "char", string: "Installed Version" },
  },
  displayName: (_env, r) => String(r.name),
};

/** What the simulator stands for: Community's sale_management + account, and Enterprise's Subscriptions. */
export const SIM_MODULES = ["base", "product", "sale", "sale_management", "account", "payment", "account_payment", "sale_subscription"];

/** The bot's groups, as the real server names them (res.groups full_name). */
export const HUB_BOT_GROUP_NAMES = [
  "Role / User", "Contact / Creation", "Products / Create", "Sales / User: Own Documents Only", "Accounting / Invoicing",
];
export const ADMIN_GROUP_NAMES = ["Role / Administrator", "Sales / Administrator", "Accounting / Administrator", "Access Rights"];
