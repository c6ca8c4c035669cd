import { LinesScreen } from "../_components/lines-screen";
import { ReconciliationPage } from "../_components/reconciliation-page";

export default async function ReconciliationRunPage({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  return (
    <ReconciliationPage path={`/reconciliation/${runId}`} title="Reconciliation run">
      <LinesScreen runId={runId} />
    </ReconciliationPage>
  );
}
