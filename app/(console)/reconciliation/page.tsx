import { ConsolePage } from "~/components/console-page";
import { RunsScreen } from "./_components/runs-screen";

export default function ReconciliationRunsPage() {
  return (
    <ConsolePage path="/reconciliation" title="Reconciliation (Lago dual run)">
      <RunsScreen />
    </ConsolePage>
  );
}
