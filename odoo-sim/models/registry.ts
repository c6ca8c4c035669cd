import { accountMoveLineModel, accountMoveModel } from "./account-move";
import { companyModel, currencyModel, pricelistModel, uomModel } from "./base";
import { partnerModel } from "./partner";
import { planModel, productModel } from "./product";
import { closeReasonModel, paymentTokenModel, saleOrderLineModel, saleOrderModel } from "./sale-order";
import type { ModelDef } from "./types";

export function buildRegistry(): Map<string, ModelDef> {
  const defs = [
    currencyModel, companyModel, uomModel, pricelistModel, partnerModel, productModel, planModel,
    paymentTokenModel, closeReasonModel, saleOrderModel, saleOrderLineModel, accountMoveModel, accountMoveLineModel,
  ];
  return new Map(defs.map((d) => [d.name, d]));
}
