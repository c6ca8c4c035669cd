import { ConsolePage } from "~/components/console-page";
import { CustomersScreen } from "~/components/customers/customers-screen";

export default function CustomersPage() {
  return (
    <ConsolePage path="/customers">
      <CustomersScreen />
    </ConsolePage>
  );
}
