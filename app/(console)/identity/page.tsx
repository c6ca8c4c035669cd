import { ConsolePage } from "~/components/console-page";
import { IdentityScreen } from "~/components/identity/identity-screen";

export default function IdentityPage() {
  return (
    <ConsolePage path="/identity">
      <IdentityScreen />
    </ConsolePage>
  );
}
