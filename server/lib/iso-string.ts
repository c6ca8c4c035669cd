/*
 * Date#toISOString costs about a microsecond, and a batch of events renders the same few
 * instants hundreds of times (every event's created_at; the arrival time of each event
 * sent without a timestamp), in its insert's parameters and again in its answer. The last
 * instant rendered is kept, so a repeat costs a comparison.
 */
let lastTime = Number.NaN;
let lastText = "";

/** `date.toISOString()`, remembered for the instant rendered last (an invalid date still throws). */
export function isoString(date: Date): string {
  const time = date.getTime();
  if (time !== lastTime) {
    lastText = date.toISOString();
    lastTime = time;
  }
  return lastText;
}
