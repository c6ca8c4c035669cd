import { accountMoveLineModel, accountMoveModel } from "./account-move";
import { currencyModel, uomModel } from "./base";
import { partnerModel } from "./partner";
import { planModel, productModel } from "./product";
import { saleOrderLineModel, saleOrderModel } from "./sale-order";
import type { ModelDef } from "./types";

export function buildRegistry(): Map<string, ModelDef> {
  const defs = [
    currencyModel, uomModel, partnerModel, productModel, planModel,
    saleOrderModel, saleOrderLineModel, accountMoveModel, accountMoveLineModel,
  ];
  return new Map(defs.map((d) => [d.name, d]));
}
