/**
 * Where the events an import copies start: the first instant of the previous UTC month,
 * before the start of any open monthly or shorter period (calendar or anniversary), so the
 * first period the hub meters beside Lago is complete. Earlier events are billed already.
 * A yearly anniversary period opened more than a month ago is not covered.
 */
export const backfillFrom = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
