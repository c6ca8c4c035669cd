import { accountMoveLineModel, accountMoveModel } from "./account-move";
import { companyModel, currencyModel, pricelistModel, uomModel } from "./base";
import { accountPaymentModel, accountPaymentRegisterModel, saleAdvancePaymentInvModel } from "./invoicing-wizards";
import { taxModel } from "./tax";
import { groupModel, moduleModel, userModel } from "./users";
import { countryModel, countryStateModel, partnerModel } from "./partner";
import { paymentTermLineModel, paymentTermModel } from "./payment-term";
import { planModel, productModel } from "./product";
import { paymentProviderModel, paymentTokenModel } from "./payment";
import { closeReasonModel, orderTemplateModel, saleOrderLineModel, saleOrderModel } from "./sale-order";
import type { ModelDef } from "./types";

export function buildRegistry(): Map<string, ModelDef> {
  const defs = [
    currencyModel, countryModel, countryStateModel, taxModel, companyModel, groupModel, userModel, moduleModel, uomModel, pricelistModel, paymentTermModel, paymentTermLineModel, partnerModel, productModel, planModel,
    paymentProviderModel, paymentTokenModel, closeReasonModel, orderTemplateModel, saleOrderModel, saleOrderLineModel, accountMoveModel, accountMoveLineModel,
    saleAdvancePaymentInvModel, accountPaymentModel, accountPaymentRegisterModel,
  ];
  return new Map(defs.map((d) => [d.name, d]));
}
