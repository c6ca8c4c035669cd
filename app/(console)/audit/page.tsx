import { ConsolePage } from "~/components/console-page";
import { AuditScreen } from "~/components/audit/audit-screen";

export default function AuditPage() {
  return (
    <ConsolePage path="/audit">
      <AuditScreen />
    </ConsolePage>
  );
}
