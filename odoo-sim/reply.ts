import { type OdooException, serializeException } from "./errors";

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers }, body: JSON.stringify(value) };
}

export function htmlReply(status: number, html: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "Content-Type": "text/html; charset=utf-8", ...headers }, body: html };
}

/** Json2RpcDispatcher.handle_error: status from the exception, body serialize_exception(). */
export function json2ErrorReply(exc: OdooException): Reply {
  return jsonReply(exc.httpStatus, serializeException(exc), exc.headers);
}
