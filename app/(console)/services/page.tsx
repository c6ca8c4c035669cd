import { ConsolePage } from "~/components/console-page";
import { ServicesScreen } from "~/components/services/services-screen";

export default function ServicesPage() {
  return (
    <ConsolePage path="/services">
      <ServicesScreen />
    </ConsolePage>
  );
}
