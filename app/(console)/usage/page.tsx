import { ConsolePage } from "~/components/console-page";
import { UsageScreen } from "~/components/usage/usage-screen";

export default function UsagePage() {
  return (
    <ConsolePage path="/usage">
      <UsageScreen />
    </ConsolePage>
  );
}
