import { ConsolePage } from "~/components/console-page";
import { JobsScreen } from "~/components/operations/jobs-screen";

export default function JobsPage() {
  return (
    <ConsolePage path="/jobs">
      <JobsScreen />
    </ConsolePage>
  );
}
