import { LinesScreen } from "../_components/lines-screen";
import { ConsolePage } from "~/components/console-page";

export default async function ReconciliationRunPage({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  return (
    <ConsolePage path={`/reconciliation/${runId}`} title="Reconciliation run">
      <LinesScreen runId={runId} />
    </ConsolePage>
  );
}
