import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

/*
 * A Lago API peer for the import tests, answering with Lago's documented JSON shapes
 * (lago-javascript-client's OpenAPI types; lago-api's serializers and Pagination concern):
 * Bearer auth with Lago's 401 body, paginated lists with the five meta keys (an empty
 * list is page 0 of 0), `{invoice}` with fees by id, 404 `<resource>_not_found`.
 *
 * Writes, for shadow forwarding, with Lago's idempotency: POST /customers upserts, POST
 * /subscriptions answers an existing one with the same plan, DELETE terminates (404 once
 * not live), POST /events and /events/batch answer 422 `value_already_exist` for a stored
 * transaction_id (a batch all or nothing, errors keyed by index). `down` closes every
 * connection unanswered (Lago unreachable); a fault with status 429 sends x-ratelimit-reset.
 * A subscription given an `ending_at` stays active until `terminateEnded` runs, as Lago's
 * Clock::TerminateEndedSubscriptionsJob does on that day; POST /subscriptions then creates a
 * new one under the same external id (Lago only reuses an active or pending one).
 */

type Json = Record<string, unknown>;
const LISTS = ["billable_metrics", "plans", "customers", "subscriptions", "invoices", "credit_notes", "events"] as const;
type ListName = (typeof LISTS)[number];

export interface LagoPeerFault {
  /** e.g. "/customers" — the list path (any query). */
  path: string;
  /** Only requests of this method (any, when unset). */
  method?: string;
  page?: number;
  status: number;
  /** How many matching requests fail before the peer answers normally again. */
  times: number;
}

export interface LagoPeer {
  url: string;
  apiKey: string;
  data: Record<ListName, Json[]>;
  /** Every request's path and query, in order (never its headers). */
  requests: string[];
  /** Every accepted write (2xx), in order: what Lago now holds because of it. */
  writes: Array<{ method: string; path: string; body: unknown }>;
  /** While true, every connection is closed without an answer. */
  down: boolean;
  /** A write is applied, then its answer held this long (a caller killed before it hears Lago). */
  answerDelayMs: number;
  /** Every answer is held this long (a slow Lago, so an import stays in flight). */
  delayMs: number;
  fail: (fault: LagoPeerFault) => void;
  /** Lago's clock job: every active subscription whose ending_at has come is terminated at it. */
  terminateEnded: (now: Date) => void;
  close: () => Promise<void>;
}

const send = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
};

function paginate(rows: Json[], url: URL) {
  const perPage = Math.max(1, Number(url.searchParams.get("per_page") ?? 100));
  const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));
  const totalPages = Math.ceil(rows.length / perPage);
  const slice = rows.slice((page - 1) * perPage, page * perPage);
  if (rows.length === 0) return { slice, meta: { current_page: 0, next_page: null, prev_page: null, total_pages: 0, total_count: 0 } };
  return {
    slice,
    meta: { current_page: page, next_page: page < totalPages ? page + 1 : null, prev_page: page > 1 ? page - 1 : null, total_pages: totalPages, total_count: rows.length },
  };
}

/** The list shape of an invoice: Lago's index serializer leaves fees out. */
const withoutFees = ({ fees: _fees, ...invoice }: Json) => invoice;

export async function startLagoPeer(options: { apiKey?: string } = {}): Promise<LagoPeer> {
  const apiKey = options.apiKey ?? `lago_${randomUUID()}`;
  const data = Object.fromEntries(LISTS.map((name) => [name, [] as Json[]])) as Record<ListName, Json[]>;
  const requests: string[] = [];
  const faults: LagoPeerFault[] = [];
  const writes: LagoPeer["writes"] = [];
  const readBody = async (request: IncomingMessage): Promise<Json> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Json) : {};
  };
  const refused = (details: Json) => ({ status: 422, error: "Unprocessable Entity", code: "validation_errors", error_details: details });
  const storeEvent = (event: Json) => data.events.push({ lago_id: randomUUID(), ...event });
  const hasEvent = (event: Json) => data.events.some((row) => row.transaction_id === event.transaction_id);

  /** A write as Lago answers it: [status, body], the accepted ones recorded in `writes`. */
  const write = (method: string, path: string, body: Json): [number, unknown] => {
    const [, resource, id] = path.split("/");
    if (method === "POST" && path === "/customers") {
      const input = body.customer as Json;
      const index = data.customers.findIndex((row) => row.external_id === input.external_id);
      const customer = index >= 0 ? { ...data.customers[index], ...input } : { ...lagoCustomer(String(input.external_id), data.customers.length + 1), ...input };
      if (index >= 0) data.customers[index] = customer;
      else data.customers.push(customer);
      return [200, { customer }];
    }
    if (method === "POST" && path === "/subscriptions") {
      const input = body.subscription as Json;
      const existing = data.subscriptions.find((row) => row.external_id === input.external_id && row.status === "active");
      if (existing) {
        if (existing.external_customer_id !== input.external_customer_id) return [422, refused({ external_id: ["value_already_exist"] })];
        existing.plan_code = input.plan_code;
        return [200, { subscription: existing }];
      }
      const subscription = { ...lagoSubscription(String(input.external_id), String(input.external_customer_id), String(input.plan_code), String(input.subscription_at ?? new Date().toISOString())), ...input };
      data.subscriptions.push(subscription);
      return [200, { subscription }];
    }
    if (resource === "subscriptions" && id !== undefined && (method === "PUT" || method === "DELETE")) {
      const subscription = data.subscriptions.find((row) => row.external_id === decodeURIComponent(id) && row.status === "active");
      if (!subscription) return [404, { status: 404, error: "Not Found", code: "subscription_not_found" }];
      if (method === "PUT") Object.assign(subscription, body.subscription as Json);
      else Object.assign(subscription, { status: "terminated", terminated_at: new Date().toISOString() });
      return [200, { subscription }];
    }
    if (method === "POST" && path === "/events") {
      const event = body.event as Json;
      if (hasEvent(event)) return [422, refused({ transaction_id: ["value_already_exist"] })];
      storeEvent(event);
      return [200, { event }];
    }
    if (method === "POST" && path === "/events/batch") {
      const events = body.events as Json[];
      const taken = Object.fromEntries(events.flatMap((event, index) => (hasEvent(event) ? [[String(index), { transaction_id: ["value_already_exist"] }]] : [])));
      if (Object.keys(taken).length) return [422, refused(taken)];
      events.forEach(storeEvent);
      return [200, { events }];
    }
    return [404, { status: 404, error: "Not Found", code: "route_not_found" }];
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (peer.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, peer.delayMs));
    const url = new URL(request.url ?? "/", "http://peer");
    if (peer.down) return request.socket.destroy();
    requests.push(`${url.pathname}${url.search}`);
    if (request.headers.authorization?.split(" ")[1] !== apiKey) return send(response, 401, { status: 401, error: "Unauthorized" });
    const path = url.pathname.replace(/^\/api\/v1/, "");
    const fault = faults.find((f) => f.times > 0 && path === f.path && (f.method === undefined || f.method === request.method) && (f.page === undefined || Number(url.searchParams.get("page")) === f.page));
    if (fault) {
      fault.times -= 1;
      if (fault.status === 429) response.setHeader("x-ratelimit-reset", "2");
      return send(response, fault.status, { status: fault.status, error: fault.status === 429 ? "Too Many Requests" : "Internal Server Error" });
    }
    const [, resource, id, action] = path.split("/");
    if (request.method === "POST" && resource === "invoices" && (action === "download" || action === "payment_url")) {
      // Lago's answers for a proxied shadow read: the invoice with its file_url, or its payment link.
      const invoice = data.invoices.find((candidate) => candidate.lago_id === id);
      if (!invoice) return send(response, 404, { status: 404, error: "Not Found", code: "invoice_not_found" });
      if (action === "download") return send(response, 200, { invoice: { ...invoice, file_url: `https://lago.example.test/invoices/${id}.pdf` } });
      return send(response, 200, { invoice_payment_details: { lago_customer_id: null, lago_invoice_id: id, external_customer_id: (invoice.customer as Json).external_id, payment_provider: "stripe", payment_url: `https://pay.example.test/${id}` } });
    }
    if (request.method === "GET" && resource === "customers" && action === "portal_url") {
      const customer = data.customers.find((candidate) => candidate.external_id === id);
      if (!customer) return send(response, 404, { status: 404, error: "Not Found", code: "customer_not_found" });
      return send(response, 200, { customer: { portal_url: `https://lago.example.test/customer-portal/${id}` } });
    }
    if (request.method !== "GET") {
      const body = await readBody(request);
      const [status, answer] = write(request.method ?? "POST", path, body);
      if (status < 300) writes.push({ method: request.method ?? "POST", path, body });
      if (peer.answerDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, peer.answerDelayMs));
      return send(response, status, answer);
    }
    if (action !== undefined || !LISTS.includes(resource as ListName)) return send(response, 404, { status: 404, error: "Not Found", code: "route_not_found" });
    const from = url.searchParams.get("timestamp_from");
    // GET /events filters on timestamp_from, as Lago does.
    const rows = resource === "events" && from ? data.events.filter((row) => new Date(String(row.timestamp)) >= new Date(from)) : data[resource as ListName];
    if (id === undefined) {
      const { slice, meta } = paginate(rows, url);
      return send(response, 200, { [resource!]: resource === "invoices" ? slice.map(withoutFees) : slice, meta });
    }
    const singular = resource === "invoices" ? "invoice" : resource!.replace(/s$/, "");
    const row = rows.find((candidate) => candidate.lago_id === id || candidate.code === id || candidate.external_id === id);
    if (!row) return send(response, 404, { status: 404, error: "Not Found", code: `${singular}_not_found` });
    return send(response, 200, { [singular]: row });
  };

  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("lago peer: no address");
  const peer: LagoPeer = {
    url: `http://127.0.0.1:${address.port}`,
    apiKey,
    data,
    requests,
    writes,
    down: false,
    answerDelayMs: 0,
    delayMs: 0,
    fail: (fault) => faults.push({ ...fault }),
    terminateEnded: (now) => {
      for (const subscription of data.subscriptions) {
        const endingAt = subscription.ending_at ? new Date(String(subscription.ending_at)) : null;
        if (subscription.status === "active" && endingAt && endingAt <= now) Object.assign(subscription, { status: "terminated", terminated_at: subscription.ending_at });
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return peer;
}

// Builders in Lago's serializer shapes (every key Lago emits, null where unset).

const CREATED_AT = "2024-12-01T00:00:00Z";

export function lagoMetric(code: string, options: { aggregation?: string; fieldName?: string | null; filters?: Json[] } = {}): Json {
  return {
    lago_id: randomUUID(), name: `Metric ${code}`, code, description: null, aggregation_type: options.aggregation ?? "sum_agg",
    weighted_interval: null, recurring: false, rounding_function: null, rounding_precision: null, created_at: CREATED_AT,
    field_name: options.fieldName === undefined ? "units" : options.fieldName, expression: null, filters: options.filters ?? [],
  };
}

export function lagoCharge(metric: Json, options: { model?: string; properties?: Json; payInAdvance?: boolean; filters?: Json[] } = {}): Json {
  return {
    lago_id: randomUUID(), lago_billable_metric_id: metric.lago_id, billable_metric_code: metric.code, invoice_display_name: null, created_at: CREATED_AT,
    charge_model: options.model ?? "standard", pay_in_advance: options.payInAdvance ?? false, invoiceable: true, regroup_paid_fees: null, prorated: false,
    min_amount_cents: 0, properties: options.properties ?? { amount: "0.50" }, filters: options.filters ?? [], taxes: [],
  };
}

export function lagoPlan(code: string, charges: Json[], options: { trialPeriod?: number; minimumCommitment?: Json } = {}): Json {
  return {
    lago_id: randomUUID(), name: `Plan ${code}`, invoice_display_name: null, created_at: CREATED_AT, code, interval: "monthly", description: null,
    amount_cents: 1000, amount_currency: "USD", trial_period: options.trialPeriod ?? 0, pay_in_advance: false, bill_charges_monthly: null,
    customers_count: 0, active_subscriptions_count: 0, draft_invoices_count: 0, parent_id: null, pending_deletion: false,
    charges, fixed_charges: [], usage_thresholds: [], applicable_usage_thresholds: [], taxes: [], entitlements: [],
    ...(options.minimumCommitment ? { minimum_commitment: options.minimumCommitment } : {}),
  };
}

export function lagoCustomer(externalId: string, sequentialId: number): Json {
  return {
    lago_id: randomUUID(), sequential_id: sequentialId, slug: `LAG-${sequentialId}`, external_id: externalId, applicable_timezone: "UTC", created_at: CREATED_AT,
    billing_entity_code: null, address_line1: null, address_line2: null, city: null, country: null, currency: "USD", email: `${externalId}@example.com`,
    legal_name: null, legal_number: null, logo_url: null, name: `Customer ${externalId}`, firstname: null, lastname: null, account_type: "customer",
    customer_type: null, phone: null, state: null, tax_identification_number: null, timezone: null, url: null, zipcode: null, net_payment_term: null,
    updated_at: CREATED_AT, finalize_zero_amount_invoice: "inherit", skip_invoice_custom_sections: false, metadata: [], taxes: [], integration_customers: [],
  };
}

export function lagoSubscription(externalId: string, customerId: string, planCode: string, subscriptionAt: string): Json {
  return {
    lago_id: randomUUID(), external_id: externalId, lago_customer_id: randomUUID(), external_customer_id: customerId, billing_time: "calendar", name: null,
    plan_code: planCode, status: "active", created_at: subscriptionAt, canceled_at: null, started_at: subscriptionAt, ending_at: null,
    subscription_at: subscriptionAt, terminated_at: null, previous_plan_code: null, next_plan_code: null, downgrade_plan_date: null, trial_ended_at: null,
    current_billing_period_started_at: null, current_billing_period_ending_at: null, on_termination_credit_note: null, on_termination_invoice: "generate",
  };
}

export function lagoEvent(transactionId: string, subscriptionId: string, code: string, timestamp: string, properties: Json = {}): Json {
  return {
    lago_id: randomUUID(), transaction_id: transactionId, lago_customer_id: randomUUID(), code, timestamp, properties, lago_subscription_id: randomUUID(),
    external_subscription_id: subscriptionId, created_at: timestamp,
  };
}

export function lagoFee(options: { customerId: string; subscriptionId: string; metricCode: string; units: string; amountCents: number; from: string; to: string }): Json {
  return {
    lago_id: randomUUID(), lago_charge_id: randomUUID(), lago_invoice_id: null, external_customer_id: options.customerId, external_subscription_id: options.subscriptionId,
    amount_cents: options.amountCents, precise_amount: (options.amountCents / 100).toFixed(2), amount_currency: "USD", taxes_amount_cents: 0, taxes_rate: 0,
    units: options.units, precise_unit_amount: "0.5", total_aggregated_units: options.units, total_amount_cents: options.amountCents, total_amount_currency: "USD",
    events_count: 1, pay_in_advance: false, invoiceable: true, from_date: options.from, to_date: options.to, payment_status: "pending", created_at: CREATED_AT,
    sub_total_excluding_taxes_amount_cents: options.amountCents, sub_total_excluding_taxes_precise_amount_cents: String(options.amountCents),
    item: { type: "charge", code: options.metricCode, name: options.metricCode, invoice_display_name: options.metricCode, lago_item_id: randomUUID(), item_type: "BillableMetric" },
  };
}

/** A subscription fee of plan `planCode` (Lago's fee item type "subscription", keyed by the plan's code). */
export function lagoSubscriptionFee(options: { customerId: string; subscriptionId: string; planCode: string; amountCents: number; from: string; to: string }): Json {
  const fee = lagoFee({ ...options, metricCode: options.planCode, units: "1.0" });
  return { ...fee, lago_charge_id: null, events_count: null, item: { type: "subscription", code: options.planCode, name: options.planCode, invoice_display_name: options.planCode, lago_item_id: randomUUID(), item_type: "Subscription" } };
}

export function lagoInvoice(number: string, customerId: string, issuingDate: string, fees: Json[]): Json {
  const lagoId = randomUUID();
  const total = fees.reduce((sum, fee) => sum + Number(fee.amount_cents), 0);
  return {
    lago_id: lagoId, billing_entity_code: null, sequential_id: 1, number, issuing_date: issuingDate, invoice_type: "subscription", status: "finalized",
    payment_status: "pending", currency: "USD", fees_amount_cents: total, coupons_amount_cents: 0, credit_notes_amount_cents: 0,
    sub_total_excluding_taxes_amount_cents: total, taxes_amount_cents: 0, sub_total_including_taxes_amount_cents: total, prepaid_credit_amount_cents: 0,
    progressive_billing_credit_amount_cents: 0, total_amount_cents: total, version_number: 4, created_at: CREATED_AT, updated_at: CREATED_AT,
    customer: { external_id: customerId }, fees: fees.map((fee) => ({ ...fee, lago_invoice_id: lagoId })),
  };
}

/** A finalized credit note taking `amountCents` back from each fee of `invoice` (CreditNoteSerializer with items, as GET /credit_notes lists it). */
export function lagoCreditNote(number: string, invoice: Json, items: Array<{ fee: Json; amountCents: number }>, options: { reason?: string; creditStatus?: string } = {}): Json {
  const total = items.reduce((sum, item) => sum + item.amountCents, 0);
  return {
    lago_id: randomUUID(), billing_entity_code: null, sequential_id: 1, number, lago_invoice_id: invoice.lago_id, invoice_number: invoice.number,
    issuing_date: invoice.issuing_date, credit_status: options.creditStatus ?? "available", refund_status: null, reason: options.reason ?? "order_cancellation",
    description: null, currency: "USD", total_amount_cents: total, taxes_amount_cents: 0, sub_total_excluding_taxes_amount_cents: total,
    balance_amount_cents: total, credit_amount_cents: total, refund_amount_cents: 0, coupons_adjustment_amount_cents: 0, taxes_rate: 0,
    created_at: CREATED_AT, updated_at: CREATED_AT, file_url: null, self_billed: false,
    items: items.map((item) => ({ lago_id: randomUUID(), amount_cents: item.amountCents, amount_currency: "USD", fee: { ...item.fee, lago_invoice_id: invoice.lago_id } })),
  };
}
