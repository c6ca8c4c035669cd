import { getConsoleUser } from "~/server/auth/get-console-user";
import { canAccess } from "~/server/auth/roles";
import { getDb } from "~/server/db/client";
import { isUuid } from "~/server/lib/uuid";
import { streamReconciliationCsv } from "~/server/reconciliation/stream-reconciliation-csv";
import { tableQuerySchema } from "~/server/trpc/table-input";

export const dynamic = "force-dynamic";

/**
 * GET /reconciliation/export/<runId>?status=&serviceCode=&customerKey=&search= — the run's
 * lines as a streamed CSV, with the diff table's filters. Same role check as the screens.
 */
export async function GET(request: Request, { params }: { params: Promise<{ runId: string }> }) {
  const user = await getConsoleUser();
  if (!user) return new Response("sign in first", { status: 401 });
  if (!canAccess(user.role, "reconciliation")) return new Response("forbidden", { status: 403 });
  const { runId } = await params;
  if (!isUuid(runId)) return new Response("not found", { status: 404 });
  const url = new URL(request.url);
  const filters = ["status", "serviceCode", "customerKey"].flatMap((id) => (url.searchParams.get(id) ? [{ id, value: url.searchParams.get(id)! }] : []));
  const query = tableQuerySchema.parse({ filters, search: url.searchParams.get("search") ?? "" });
  const rows = streamReconciliationCsv({ db: await getDb(), runId, query });
  // Pull the header first so an unknown run is a 404, not a broken download.
  const first = await rows.next().catch(() => null);
  if (!first || first.done) return new Response("not found", { status: 404 });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(encoder.encode(first.value)),
    pull: async (controller) => {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel: async () => void (await rows.return(undefined)),
  });
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="reconciliation-${runId}.csv"`, "cache-control": "no-store" },
  });
}
