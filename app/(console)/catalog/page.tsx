import { CatalogScreen } from "~/components/catalog/catalog-screen";
import { ConsolePage } from "~/components/console-page";

export default function CatalogPage() {
  return (
    <ConsolePage path="/catalog">
      <CatalogScreen />
    </ConsolePage>
  );
}
