import { ConsolePage } from "~/components/console-page";
import { MigrationScreen } from "~/components/migration/migration-screen";

export default function MigrationPage() {
  return (
    <ConsolePage path="/migration">
      <MigrationScreen />
    </ConsolePage>
  );
}
