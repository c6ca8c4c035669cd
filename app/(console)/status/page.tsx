import { ConsolePage } from "~/components/console-page";
import { StatusScreen } from "~/components/status/status-screen";

export default function StatusPage() {
  return (
    <ConsolePage path="/status">
      <StatusScreen />
    </ConsolePage>
  );
}
