import { ConsolePage } from "~/components/console-page";
import { LinesScreen } from "~/components/reconciliation/lines-screen";

export default async function ReconciliationRunPage({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  return (
    <ConsolePage path={`/reconciliation/${runId}`} title="Reconciliation run">
      <LinesScreen runId={runId} />
    </ConsolePage>
  );
}
