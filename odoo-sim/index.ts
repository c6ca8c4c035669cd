export { startOdooSimulator, type OdooSimulator, type OdooSimulatorOptions } from "./server";
export type { FaultInput, FaultMode } from "./faults";
export type { InvoicedOrder } from "./invoicing";
export type { SeedResult } from "./seed";
export type { RequestLogEntry } from "./state";
