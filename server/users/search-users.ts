import { UserRole } from "~/generated/prisma/enums";
import type { DbOrTx } from "~/server/db/client";
import type { Prisma } from "~/generated/prisma/client";
import { type TablePage, type TableQuery, oneOf, readTablePage, tableWhere, tableWindow } from "~/server/db/table-query";
import { type ConsoleUser, consoleUserSelect } from "./console-user";

const SORTABLE = ["email", "name", "role", "createdAt"] as const;

export async function searchUsers(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<ConsoleUser & { createdAt: Date }>> {
  const { query } = options;
  const where = tableWhere<Prisma.UserWhereInput>(query, {
    search: ["email", "name"],
    filters: { role: oneOf(UserRole, (role) => ({ role })), active: (active) => ({ active: active === "true" }) },
  });
  return readTablePage(
    options.db.user.findMany({
      where,
      select: { ...consoleUserSelect, createdAt: true },
      ...tableWindow(query, SORTABLE, { id: "email", desc: false }),
    }),
    options.db.user.count({ where }),
  );
}
