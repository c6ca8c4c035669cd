import { describe, expect, it } from "vitest";
import { lineDueDate } from "./payment-term";

// AccountPaymentTermLine._get_due_date for each delay type, from account_data.xml's shipped terms.
describe("lineDueDate", () => {
  it.each([
    ["30 Days", { delay_type: "days_after", nb_days: 30 }, "2026-01-31", "2026-03-02"],
    ["Immediate Payment", { delay_type: "days_after", nb_days: 0 }, "2026-02-01", "2026-02-01"],
    ["End of Following Month", { delay_type: "days_after_end_of_next_month", nb_days: 0 }, "2026-01-31", "2026-02-28"],
    ["10 Days after End of Next Month", { delay_type: "days_after_end_of_next_month", nb_days: 10 }, "2026-01-15", "2026-03-10"],
    ["5 days after the end of the month", { delay_type: "days_after_end_of_month", nb_days: 5 }, "2026-02-10", "2026-03-05"],
    ["90 days, on the 10th", { delay_type: "days_end_of_month_on_the", nb_days: 90, days_next_month: "10" }, "2026-01-15", "2026-05-10"],
    ["on the 31st of a 30-day month", { delay_type: "days_end_of_month_on_the", nb_days: 0, days_next_month: "31" }, "2026-03-15", "2026-04-30"],
    ["day 0: the end of the month", { delay_type: "days_end_of_month_on_the", nb_days: 20, days_next_month: "0" }, "2026-01-15", "2026-02-28"],
  ])("%s", (_name, line, dateRef, due) => {
    expect(lineDueDate({ id: 1, ...line }, dateRef)).toBe(due);
  });
});
