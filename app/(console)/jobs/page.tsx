import { ConsolePage } from "~/components/console-page";
import { JobsScreen } from "~/components/jobs/jobs-screen";

export default function JobsPage() {
  return (
    <ConsolePage path="/jobs">
      <JobsScreen />
    </ConsolePage>
  );
}
