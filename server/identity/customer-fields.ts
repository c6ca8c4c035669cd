import type { Prisma } from "~/generated/prisma/client";

/** The app-owned customer attributes Lago's customer API carries. */
export type CustomerFields = Partial<
  Pick<
    Prisma.AccountLinkUncheckedCreateInput,
    | "name" | "firstname" | "lastname" | "email" | "phone" | "legalName" | "legalNumber"
    | "taxIdentificationNumber" | "addressLine1" | "addressLine2" | "city" | "state" | "zipcode"
    | "country" | "currency" | "timezone" | "netPaymentTerm" | "shippingAddressLine1" | "shippingAddressLine2"
    | "shippingCity" | "shippingState" | "shippingZipcode" | "shippingCountry"
  >
> & { metadata?: CustomerMetadataItem[] };

export type CustomerMetadataItem = {
  key: string;
  value: string;
  display_in_invoice: boolean;
};
