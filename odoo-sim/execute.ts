/**
 * One model-method call, shared by JSON-2 and execute_kw. Each call is its own
 * transaction (odoo/service/model.py retrying() commits on success): the data is
 * snapshotted and restored if the call raises.
 */
import {
  accessError, notFound, OdooException, pythonError, serializationFailure, unprocessableEntity, userError,
} from "./errors";
import { checkAccess } from "./access";
import { takeFault } from "./faults";
import { bindArguments, callTypeError, getPublicMethod, methodNotFoundMessage } from "./methods";
import { envFor, type SimState } from "./state";

export interface ModelCall {
  model: string;
  method: string;
  ids: number[];
  positional: unknown[];
  kwargs: Record<string, unknown>;
  context: Record<string, unknown>;
  /** json2 pre-binds with inspect.Signature.bind (422 on mismatch); execute_kw calls directly. */
  protocol: "json2" | "jsonrpc";
  /** Called with the hub's key: the bot user's access rights apply. */
  restricted: boolean;
}

export function executeModelCall(sim: SimState, call: ModelCall): unknown {
  const { model, method, protocol } = call;
  if (!sim.registry.has(model)) {
    // json2.py: NotFound(f"the model {model!r} does not exist");
    // service/model.py execute_cr: UserError("Object %s doesn't exist").
    throw protocol === "json2" ? notFound(`the model '${model}' does not exist`) : userError(`Object ${model} doesn't exist`);
  }
  const env = envFor(sim, call.context, call.restricted);
  const spec = getPublicMethod(env, model, method);
  if (!spec) {
    const msg = methodNotFoundMessage(model, method);
    throw protocol === "json2" ? notFound(msg) : pythonError("builtins.AttributeError", msg);
  }
  if (protocol === "json2" && spec.apiModel && call.ids.length)
    throw unprocessableEntity(`cannot call ${model}.${method} with ids`);
  const bound = bindArguments(spec, call.positional, call.kwargs);
  if (!bound.ok) throw protocol === "json2" ? unprocessableEntity(bound.message) : callTypeError(method, bound.message);

  const operation = spec.access === undefined ? "write" : spec.access;
  if (operation) checkAccess(env, model, operation);

  const fault = takeFault(sim, "execute", { model, method });
  if (fault?.mode === "access_error")
    throw accessError(
      `You are not allowed to access '${sim.registry.get(model)!.description}' (${model}) records.\n\n` +
        "This operation is allowed for the following groups:\n\t- Sales/Administrator\n\n" +
        "Contact your administrator to request access if necessary.",
    );
  if (fault?.mode === "concurrency_error") throw serializationFailure();

  const snapshot = structuredClone(sim.data);
  try {
    return spec.run(env, model, call.ids, bound.args);
  } catch (err) {
    sim.data = snapshot;
    if (err instanceof OdooException) throw err;
    throw pythonError("builtins.Exception", err instanceof Error ? err.message : String(err));
  }
}
