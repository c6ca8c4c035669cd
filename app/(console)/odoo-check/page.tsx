import { ConsolePage } from "~/components/console-page";
import { OdooCheckScreen } from "~/components/odoo-check/odoo-check-screen";

export default function OdooCheckPage() {
  return (
    <ConsolePage path="/odoo-check" title="Odoo readiness check">
      <OdooCheckScreen />
    </ConsolePage>
  );
}
