/** Odoo dates are calendar days ("YYYY-MM-DD"); the hub reads them as UTC midnight. */
export const odooDate = (instant: Date) => instant.toISOString().slice(0, 10);
export const dateFromOdoo = (day: string) => new Date(`${day}T00:00:00.000Z`);
