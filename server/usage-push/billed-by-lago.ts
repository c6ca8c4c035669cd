/** Why a shadow service's subscription gets no Odoo order and no usage push: the planner's, a job's and the preview's word for it. */
export const BILLED_BY_LAGO = "shadow: Lago bills this service";
