import { ConsolePage } from "~/components/console-page";
import { LagoImportScreen } from "~/components/lago-import/lago-import-screen";

export default function LagoImportPage() {
  return (
    <ConsolePage path="/lago-import">
      <LagoImportScreen />
    </ConsolePage>
  );
}
