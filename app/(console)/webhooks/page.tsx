import { ConsolePage } from "~/components/console-page";
import { WebhooksScreen } from "~/components/operations/webhooks-screen";

export default function WebhooksPage() {
  return (
    <ConsolePage path="/webhooks">
      <WebhooksScreen />
    </ConsolePage>
  );
}
