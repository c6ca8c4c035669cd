export { createOdooClient, type OdooCallOptions, type OdooClient, type OdooClientOptions } from "./client";
export { isOdooError, OdooError, type OdooErrorData, type OdooErrorKind, outcomeUnknown } from "./errors";
export type { OdooNamedArgs, OdooProtocol } from "./protocol";
export { findOrCreatePartner, findPartnerById, findPartnerByRef, readPartner, type OdooPartner, type PartnerInput } from "./models/partner";
export { type CustomerAddress, partnerAddressValues, writePartnerAddress } from "./models/partner-address";
export { findOrCreatePaymentTerm, findPaymentTerm } from "./models/payment-term";
export { writeDeliveryAddress } from "./models/delivery-address";
export { findOrCreateProduct, findProductByCode, readProducts, type OdooProduct, type ProductInput } from "./models/product";
export { findOrCreatePlan, findPlan, readPlan, type OdooPlan, type PeriodUnit, type PlanRhythm } from "./models/subscription-plan";
export {
  ensureSubscriptionOrder, findSubscriptionByRef, listSubscriptions, orderPortalPath, paymentGateWarning, readSubscription, readSubscriptions, retireSubscriptionOrder, setSubscriptionEndDate, SUBSCRIPTION_STATES,
  type SubscriptionOrderInput, type OdooSubscription, type SubscriptionFilter, type SubscriptionState,
} from "./models/sale-order";
export { ensureOrderLine, listOrderLines, readOrderLines, writeOrderLines, writeUsageLine, type OdooOrderLine, type OrderLineInput } from "./models/sale-order-line";
export { ensurePricelist, findCurrency, setupError, findPricelist, requireActiveCurrency, type OdooCurrency, type OdooPricelist } from "./models/pricelist";
export { countInvoices, invoicePortalPath, listInvoicedServicePeriods, listInvoices, readInvoice, type InvoicedServicePeriod, type InvoiceFilter, type InvoicePage, type OdooInvoice, type OdooInvoiceLine } from "./models/account-move";
export { issueCreditNote, type CreditNoteInput } from "./models/credit-note";
export { readTaxes, type OdooTax } from "./models/account-tax";
