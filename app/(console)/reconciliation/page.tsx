import { ReconciliationPage } from "./_components/reconciliation-page";
import { RunsScreen } from "./_components/runs-screen";

export default function ReconciliationRunsPage() {
  return (
    <ReconciliationPage path="/reconciliation" title="Reconciliation (Lago dual run)">
      <RunsScreen />
    </ReconciliationPage>
  );
}
