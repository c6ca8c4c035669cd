import { LineDetail } from "../../_components/line-detail";
import { ReconciliationPage } from "../../_components/reconciliation-page";

export default async function ReconciliationLinePage({ params }: { params: Promise<{ lineId: string }> }) {
  const { lineId } = await params;
  return (
    <ReconciliationPage path={`/reconciliation/lines/${lineId}`} title="Reconciliation line">
      <LineDetail lineId={lineId} />
    </ReconciliationPage>
  );
}
