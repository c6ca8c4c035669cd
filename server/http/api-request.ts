import type { IncomingMessage } from "node:http";
import { AppError } from "~/server/errors";

/*
 * What an API handler reads of a request, whether Next handed it a web `Request` or the
 * web server serves it directly from node's `IncomingMessage` (direct-routes.ts). On the
 * direct path nothing of the web API is built: in profiles of one event per request, the
 * `Request`, its `Headers` and the web stream over the body were about a tenth of the web
 * process's CPU, and the answer's `Response` (serialised, then copied out again) as much.
 */
export interface ApiRequest {
  method: string;
  /** The absolute URL, as `Request.url` names it (the address the server bound). */
  url: string;
  searchParams: URLSearchParams;
  /** A header's value; repeated ones joined with ", " as `Headers.get` joins them. */
  header: (name: string) => string | null;
  /**
   * The whole body, refused with a 413 once it passes `maxBytes`, counted while it
   * streams so a client cannot make us buffer more by lying about Content-Length; null
   * when the request has no body.
   */
  readBody: (maxBytes: number) => Promise<Buffer | null>;
}

// A Host header that is not a host (spaces, a path) would make `url` unparseable.
const PLAIN_HOST = /^[A-Za-z0-9.\-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/;

const tooLarge = () => new AppError("payload_too_large", "body too large");

export function webApiRequest(request: Request): ApiRequest {
  return {
    method: request.method,
    url: request.url,
    get searchParams() {
      return new URL(request.url).searchParams;
    },
    header: (name) => request.headers.get(name),
    readBody: async (maxBytes) => {
      if (!request.body) return null;
      const reader = request.body.getReader();
      const chunks: Uint8Array[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
        if (received > maxBytes) {
          await reader.cancel();
          throw tooLarge();
        }
        chunks.push(value);
      }
      return Buffer.concat(chunks);
    },
  };
}

/**
 * A node request as an ApiRequest. A body past the limit is discarded as it arrives
 * (read and dropped, never buffered), so the 413 still goes out on the same connection.
 */
export function nodeApiRequest(request: IncomingMessage): ApiRequest {
  const path = request.url ?? "/";
  const query = path.indexOf("?");
  return {
    method: request.method ?? "GET",
    url: `http://${request.headers.host && PLAIN_HOST.test(request.headers.host) ? request.headers.host : "localhost"}${path}`,
    searchParams: new URLSearchParams(query === -1 ? "" : path.slice(query + 1)),
    header: (name) => {
      const value = request.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
    readBody: (maxBytes) => {
      if (request.method === "GET" || request.method === "HEAD") return Promise.resolve(null);
      return new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        let received = 0;
        const stop = () => {
          request.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
          request.resume();
        };
        const onData = (chunk: Buffer) => {
          received += chunk.byteLength;
          if (received <= maxBytes) return void chunks.push(chunk);
          stop();
          reject(tooLarge());
        };
        const onEnd = () => (stop(), resolve(Buffer.concat(chunks, received)));
        const onError = (error: Error) => (stop(), reject(error));
        // A client gone before the end of its body: nothing more will come, and nobody waits for the answer.
        const onClose = () => onError(new Error("the request closed before its body ended"));
        request.on("data", onData).once("end", onEnd).once("error", onError).once("close", onClose);
      });
    },
  };
}
