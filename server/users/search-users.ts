import { UserRole } from "~/generated/prisma/enums";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, tableEnumFilter, tableFilter, tableOrderBy, tableSearch, pageWindow, readTablePage } from "~/server/db/table-query";
import { type ConsoleUser, consoleUserSelect } from "./console-user";

const SORTABLE = ["email", "name", "role", "createdAt"] as const;
const FILTERABLE = ["role", "active"] as const;

export async function searchUsers(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<ConsoleUser & { createdAt: Date }>> {
  const { query } = options;
  const role = tableEnumFilter(query, FILTERABLE, "role", UserRole);
  const active = tableFilter(query, FILTERABLE, "active");
  const where = {
    ...tableSearch(query, ["email", "name"]),
    ...(role ? { role } : {}),
    ...(active ? { active: active === "true" } : {}),
  };
  return readTablePage(
    options.db.user.findMany({
      where,
      select: { ...consoleUserSelect, createdAt: true },
      orderBy: tableOrderBy(query, SORTABLE, { id: "email", desc: false }),
      ...pageWindow(query),
    }),
    options.db.user.count({ where }),
  );
}
