import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";
import { env } from "~/server/env";

/**
 * The hub's one logger (pino): JSON lines on stdout, one object per event, with the
 * request id of the HTTP request being served (set by the web server around each
 * request) on every line logged while serving it. `next dev` (the demo) prints them
 * readable instead. Log what happened and the ids involved, never bodies, headers,
 * keys or URLs with their query strings: callers pass fields, and the fields below are
 * censored wherever they appear as a backstop.
 */
export interface RequestContext {
  requestId: string;
}

// On globalThis: the web server and every route bundle Next loads must share one logger,
// one output stream and one request context.
const shared = globalThis as unknown as { nexaLogger?: Logger; nexaLogStream?: DestinationStream & { flushSync?: () => void }; nexaRequestContext?: AsyncLocalStorage<RequestContext> };

export const requestContext: AsyncLocalStorage<RequestContext> = (shared.nexaRequestContext ??= new AsyncLocalStorage<RequestContext>());

const CENSORED = ["authorization", "cookie", "password", "apiKey", "api_key", "secret", "token"];

function createLogger(): Logger {
  const settings = env();
  const development = settings.NODE_ENV === "development";
  // Asynchronous writes: a burst of lines becomes one write, off the request's path. A
  // graceful stop flushes them (flushLogs); a SIGKILL may lose the last few.
  const stream = development ? pretty({ colorize: true, sync: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" }) : pino.destination({ dest: 1, sync: false });
  shared.nexaLogStream = stream;
  return pino(
    {
      level: settings.LOG_LEVEL,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: CENSORED.flatMap((name) => [name, `*.${name}`]), censor: "[redacted]" },
      mixin: () => requestContext.getStore() ?? {},
    },
    stream,
  );
}

export function logger(): Logger {
  shared.nexaLogger ??= createLogger();
  return shared.nexaLogger;
}

/** Writes out what the asynchronous stream still holds: before a graceful exit. */
export function flushLogs(): void {
  try {
    shared.nexaLogStream?.flushSync?.();
  } catch {
    // Nothing buffered, or stdout already closed: nothing more can be said.
  }
}
