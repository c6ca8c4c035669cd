import { LineDetail } from "../../_components/line-detail";
import { ConsolePage } from "~/components/console-page";

export default async function ReconciliationLinePage({ params }: { params: Promise<{ lineId: string }> }) {
  const { lineId } = await params;
  return (
    <ConsolePage path={`/reconciliation/lines/${lineId}`} title="Reconciliation line">
      <LineDetail lineId={lineId} />
    </ConsolePage>
  );
}
