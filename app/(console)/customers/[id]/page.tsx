import { ConsolePage } from "~/components/console-page";
import { CustomerPage } from "~/components/customers/customer-page";

export default async function CustomerDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <ConsolePage path={`/customers/${id}`} title="Customer">
      <CustomerPage id={id} />
    </ConsolePage>
  );
}
