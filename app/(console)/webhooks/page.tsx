import { ConsolePage } from "~/components/console-page";
import { WebhooksScreen } from "~/components/webhooks/webhooks-screen";

export default function WebhooksPage() {
  return (
    <ConsolePage path="/webhooks">
      <WebhooksScreen />
    </ConsolePage>
  );
}
