export { startOdooSimulator, type OdooSimulator, type OdooSimulatorOptions } from "./server";
export type { FaultInput, FaultMode } from "./faults";
export type { InvoicedOrder } from "./recurring-invoice";
export type { OdooDay, SubscriptionCron } from "./subscription-crons";
export type { SeedResult } from "./seed";
export type { RequestLogEntry } from "./state";
