import { ConsolePage } from "~/components/console-page";
import { UsersScreen } from "~/components/users/users-screen";

export default function UsersPage() {
  return (
    <ConsolePage path="/users">
      <UsersScreen />
    </ConsolePage>
  );
}
