import { ConsolePage } from "~/components/console-page";
import { LineDetail } from "~/components/reconciliation/line-detail";

export default async function ReconciliationLinePage({ params }: { params: Promise<{ lineId: string }> }) {
  const { lineId } = await params;
  return (
    <ConsolePage path={`/reconciliation/lines/${lineId}`} title="Reconciliation line">
      <LineDetail lineId={lineId} />
    </ConsolePage>
  );
}
