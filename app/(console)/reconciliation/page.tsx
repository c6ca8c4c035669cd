import { ConsolePage } from "~/components/console-page";
import { RunsScreen } from "~/components/reconciliation/runs-screen";

export default function ReconciliationRunsPage() {
  return (
    <ConsolePage path="/reconciliation" title="Reconciliation (Lago dual run)">
      <RunsScreen />
    </ConsolePage>
  );
}
