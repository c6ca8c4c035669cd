"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/lib/trpc/react";
import { formatMoney } from "~/server/billing/pricing";
import { toMinorUnits } from "~/server/billing/pricing/currency";
import type { CustomerOverview } from "~/server/customers/get-customer-overview";
import Decimal from "decimal.js";
import { CopyButton } from "../copy-button";
import { Spinner } from "../spinner";
import { StatusBadge } from "../status-badge";

const day = (instant: Date) => instant.toISOString().slice(0, 10);
const SECTION = "rounded-lg border border-slate-200 bg-white p-4";
const TH = "px-2 py-1 font-medium";
const TD = "px-2 py-1 align-top";

/**
 * One billing customer, as Lago's and Stripe's customer pages show one: app accounts per
 * service, subscriptions with the open period's usage, Odoo invoices (or why there are
 * none), and the latest webhooks sent about them.
 */
export function CustomerPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const customer = useQuery(trpc.customers.get.queryOptions({ id }));
  if (!customer.data) return customer.isLoading ? <Spinner /> : <p role="alert">{customer.error?.message === "billing_customer not found" ? "No such customer." : customer.error?.message}</p>;
  const data = customer.data;
  return (
    <div className="space-y-6">
      <section aria-label="Customer" className={SECTION}>
        <h2 className="text-xl font-semibold">{data.name ?? data.email ?? "Unnamed customer"}</h2>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {data.email && <><dt className="text-slate-600">Email</dt><dd>{data.email}</dd></>}
          <dt className="text-slate-600">Odoo partner</dt><dd>{data.odooPartnerId ?? "not mapped yet (the first Odoo push creates it)"}</dd>
          <dt className="text-slate-600">Billing customer</dt><dd className="flex items-center gap-2"><code className="text-xs">{data.id}</code><CopyButton value={data.id} label="Copy id" /></dd>
          <dt className="text-slate-600">Since</dt><dd>{day(data.createdAt)}</dd>
        </dl>
      </section>
      <Accounts accounts={data.accounts} />
      <Subscriptions id={id} subscriptions={data.subscriptions} />
      <Invoices id={id} />
      <Webhooks webhooks={data.webhooks} />
    </div>
  );
}

function Accounts({ accounts }: { accounts: CustomerOverview["accounts"] }) {
  return (
    <section aria-label="App accounts" className={SECTION}>
      <h2 className="mb-2 font-semibold">App accounts</h2>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-600"><tr><th className={TH}>Service</th><th className={TH}>Account</th><th className={TH}>Name</th><th className={TH}>Email</th><th className={TH}>Currency</th><th className={TH}>Since</th></tr></thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id} className="border-t border-slate-100">
              <td className={TD}>{account.serviceName} <span className="text-xs text-slate-600">({account.serviceCode})</span></td>
              <td className={TD}><Link className="text-indigo-700 underline" href={`/identity?q=${encodeURIComponent(account.externalId)}`}>{account.externalId}</Link></td>
              <td className={TD}>{account.name ?? "—"}</td><td className={TD}>{account.email ?? "—"}</td><td className={TD}>{account.currency ?? "—"}</td><td className={TD}>{day(account.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {accounts.length === 0 && <p className="text-sm text-slate-600">No live app account: every account of this customer was deleted.</p>}
    </section>
  );
}

function Subscriptions({ id, subscriptions }: { id: string; subscriptions: CustomerOverview["subscriptions"] }) {
  const trpc = useTRPC();
  // Read from Odoo apart from the page, so a slow or absent Odoo never holds it; when Odoo
  // cannot be asked, the invoices section says so.
  const orderWarnings = useQuery(trpc.customers.orderWarnings.queryOptions({ id }, { retry: false }));
  const warnings = orderWarnings.data?.status === "ok" ? orderWarnings.data.warnings : [];
  return (
    <section aria-label="Subscriptions" className={SECTION}>
      <h2 className="mb-2 font-semibold">Subscriptions and current usage</h2>
      {subscriptions.length === 0 && <p className="text-sm text-slate-600">No subscription yet.</p>}
      <div className="space-y-4">
        {subscriptions.map((subscription) => {
          const usage = subscription.currentUsage;
          return (
            <article key={subscription.id} aria-label={`Subscription ${subscription.externalId}`} className="rounded-md border border-slate-100 p-3">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-medium">{subscription.externalId}</h3>
                <StatusBadge status={subscription.status} />
                <span className="text-sm text-slate-600">{subscription.serviceCode} / {subscription.accountExternalId} · plan {subscription.planName} ({subscription.planCode}) · since {day(subscription.subscriptionAt)}{subscription.odooOrderId ? ` · Odoo order ${subscription.odooOrderId}` : ""}</span>
                <Link className="ml-auto text-sm text-indigo-700 underline" href={`/usage?explore=${subscription.id}`}>Explore usage</Link>
              </div>
              {subscription.odooClosedAt && (
                <p role="status" className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900">
                  Closed by Odoo on {day(subscription.odooClosedAt)}, not by the app{subscription.odooCloseReason ? ` (${subscription.odooCloseReason})` : ""}: usage from then on is refused,
                  and usage before it is not billed unless Odoo reopens the order (a late payment does).
                </p>
              )}
              {warnings.filter((warning) => warning.subscriptionId === subscription.id).map((warning) => (
                <p key={warning.odooOrderId} role="alert" className="mt-2 rounded bg-red-50 p-2 text-sm text-red-900">Odoo will not invoice this: {warning.message}.</p>
              ))}
              {usage && (
                <table aria-label={`Current usage of ${subscription.externalId}`} className="mt-2 w-full text-left text-sm">
                  <caption className="text-left text-xs text-slate-600">Open period {day(usage.period.start)} → {day(usage.period.end)}, so far</caption>
                  <thead className="text-xs text-slate-600"><tr><th className={TH}>Metric</th><th className={TH}>Units</th><th className={TH}>Free</th><th className={TH}>Billable</th><th className={`${TH} text-right`}>Amount</th></tr></thead>
                  <tbody>
                    {usage.charges.map((charge) => (
                      <tr key={charge.charge.id} className="border-t border-slate-100">
                        <td className={TD}>{charge.charge.billableMetric.name} <span className="text-xs text-slate-600">({charge.charge.billableMetric.code})</span></td>
                        <td className={TD}>{charge.units}</td><td className={TD}>{charge.freeUnitsUsed}</td><td className={TD}>{charge.billableUnits}</td>
                        <td className={`${TD} text-right`}>{formatMoney(charge.amountCents, usage.currency)}</td>
                      </tr>
                    ))}
                    <tr className="border-t border-slate-300 font-semibold"><td className={TD} colSpan={4}>Usage so far</td><td className={`${TD} text-right`}>{formatMoney(usage.amountCents, usage.currency)}</td></tr>
                  </tbody>
                </table>
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}

function Invoices({ id }: { id: string }) {
  const trpc = useTRPC();
  const invoices = useQuery(trpc.customers.invoices.queryOptions({ id }, { retry: false }));
  const body = () => {
    if (!invoices.data) return invoices.isLoading ? <Spinner small /> : <p role="alert" className="text-sm text-red-800">Could not read the invoices: {invoices.error?.message}</p>;
    const answer = invoices.data;
    if (answer.status === "no_partner") return <p className="text-sm text-slate-600">Not mapped to an Odoo partner yet, so Odoo holds no invoice for this customer.</p>;
    if (answer.status === "not_configured") return <p role="status" className="text-sm text-amber-900">Odoo is not configured for this hub (set ODOO_URL and ODOO_API_KEY), so invoices cannot be shown.</p>;
    if (answer.status === "unavailable") return <p role="status" className="text-sm text-amber-900">Odoo did not answer, so invoices cannot be shown right now: {answer.message}</p>;
    if (answer.invoices.length === 0) return <p className="text-sm text-slate-600">Odoo has no invoice for this customer yet.</p>;
    return (
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-600"><tr><th className={TH}>Number</th><th className={TH}>Date</th><th className={TH}>Type</th><th className={TH}>State</th><th className={TH}>Payment</th><th className={`${TH} text-right`}>Total</th><th className={`${TH} text-right`}>Due</th></tr></thead>
        <tbody>
          {answer.invoices.map((invoice) => {
            const money = (amount: number) => (invoice.currency ? formatMoney(toMinorUnits(new Decimal(String(amount)), invoice.currency), invoice.currency) : String(amount));
            return (
              <tr key={invoice.id} className="border-t border-slate-100">
                <td className={TD}>{invoice.name ?? `draft #${invoice.id}`}</td><td className={TD}>{invoice.invoiceDate ?? "—"}</td>
                <td className={TD}>{invoice.moveType === "out_refund" ? "Credit note" : "Invoice"}</td>
                <td className={TD}><StatusBadge status={invoice.state} /></td><td className={TD}>{invoice.paymentState ? <StatusBadge status={invoice.paymentState} /> : "—"}</td>
                <td className={`${TD} text-right`}>{money(invoice.amountTotal)}</td><td className={`${TD} text-right`}>{money(invoice.amountResidual)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  };
  return (
    <section aria-label="Odoo invoices" className={SECTION}>
      <h2 className="mb-2 font-semibold">Odoo invoices</h2>
      {body()}
    </section>
  );
}

function Webhooks({ webhooks }: { webhooks: CustomerOverview["webhooks"] }) {
  return (
    <section aria-label="Recent webhooks" className={SECTION}>
      <h2 className="mb-2 font-semibold">Recent webhooks</h2>
      {webhooks.length === 0 ? <p className="text-sm text-slate-600">No webhook sent about this customer yet.</p> : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-slate-600"><tr><th className={TH}>Created</th><th className={TH}>Service</th><th className={TH}>Type</th><th className={TH}>State</th><th className={TH}>Attempts</th><th className={TH}>Last error</th></tr></thead>
          <tbody>
            {webhooks.map((delivery) => (
              <tr key={delivery.id} className="border-t border-slate-100">
                <td className={TD}>{delivery.createdAt.toLocaleString()}</td><td className={TD}>{delivery.service.code}</td>
                <td className={TD}><Link className="text-indigo-700 underline" href={`/webhooks?delivery=${delivery.id}`}>{delivery.webhookType}</Link></td>
                <td className={TD}><StatusBadge status={delivery.state} /></td><td className={TD}>{delivery.attempts}</td><td className={`${TD} text-red-800`}>{delivery.lastError ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
