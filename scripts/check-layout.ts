import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { AREA_ROLES } from "~/server/auth/roles";
import { CONSOLE_SCREENS } from "~/components/console-screens";

/*
 * `npm run check:layout` (the first step of `npm test`): the tree in the README's Layout
 * section names every folder of the repository, and nothing else; and each console area
 * keeps one name from route to router to domain folder to screen. Both are read from the
 * files, so a new folder or a renamed area fails here, at once, saying what to write.
 */

// One folder per migration: the README names their parent only.
const UNLISTED_CHILDREN_OF = ["prisma/migrations/"];

/** Every folder that holds a file git tracks (or would: untracked, not ignored), as `a/b/`. */
function repositoryFolders(): Set<string> {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { encoding: "utf8" }).split("\n").filter(Boolean);
  const folders = new Set<string>();
  for (const file of files) {
    if (!existsSync(file)) continue; // deleted in the working tree, not yet committed
    const parts = file.split("/").slice(0, -1);
    for (let depth = 1; depth <= parts.length; depth++) folders.add(`${parts.slice(0, depth).join("/")}/`);
  }
  return new Set([...folders].filter((folder) => !UNLISTED_CHILDREN_OF.some((parent) => folder.startsWith(parent) && folder !== parent)));
}

/** The folders the README's Layout tree names: two spaces of indent per level, each line `name/  what it holds`. */
function readmeFolders(readme: string): { folders: Set<string>; problems: string[] } {
  const section = readme.split(/^## Layout\s*$/m)[1]?.split(/^## /m)[0] ?? "";
  const tree = /```text\n([\s\S]*?)```/.exec(section)?.[1];
  if (!tree) return { folders: new Set(), problems: ["README.md: no ```text tree under ## Layout"] };
  const folders = new Set<string>();
  const problems: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split("\n").filter((text) => text.trim())) {
    const indent = /^ */.exec(line)![0].length;
    const name = line.trim().split(/\s+/)[0]!;
    if (indent % 2 !== 0 || indent / 2 > stack.length || !name.endsWith("/")) {
      problems.push(`README.md Layout: cannot read the line "${line.trim()}" (a folder name ending in /, indented two spaces under its parent)`);
      continue;
    }
    stack.length = indent / 2;
    stack.push(name);
    folders.add(stack.join(""));
  }
  return { folders, problems };
}

const camel = (area: string) => area.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Each area of roles.ts: page, screen folder, router file, router name, root key and domain folder all say its name. */
function areaNameProblems(): string[] {
  const root = readFileSync("server/trpc/root.ts", "utf8");
  const problems: string[] = [];
  for (const area of Object.keys(AREA_ROLES)) {
    const router = `server/trpc/routers/${area}.ts`;
    const expected = [
      [`app/(console)/${area}/page.tsx`, existsSync(`app/(console)/${area}/page.tsx`)],
      [`components/${area}/`, existsSync(`components/${area}`)],
      [`server/${area}/`, existsSync(`server/${area}`)],
      [router, existsSync(router)],
      [`${camel(area)}Router in ${router}`, existsSync(router) && readFileSync(router, "utf8").includes(`export const ${camel(area)}Router =`)],
      [`areaProcedure("${area}") in ${router}`, existsSync(router) && readFileSync(router, "utf8").includes(`areaProcedure("${area}")`)],
      [`${camel(area)}: ${camel(area)}Router in server/trpc/root.ts`, root.includes(`${camel(area)}: ${camel(area)}Router`)],
      [`/${area} in components/console-screens.ts`, CONSOLE_SCREENS.some((screen) => screen.area === area && screen.path === `/${area}`)],
    ] as const;
    for (const [what, present] of expected) if (!present) problems.push(`console area "${area}": expected ${what}`);
  }
  return problems;
}

function main() {
  const actual = repositoryFolders();
  const { folders: listed, problems } = readmeFolders(readFileSync("README.md", "utf8"));
  for (const folder of [...actual].sort()) if (!listed.has(folder)) problems.push(`README.md Layout omits ${folder}`);
  for (const folder of [...listed].sort()) if (!actual.has(folder)) problems.push(`README.md Layout names ${folder}, which holds no file`);
  problems.push(...areaNameProblems());
  if (problems.length) {
    console.error(problems.join("\n"));
    console.error(`\n${problems.length} layout problem(s): update the tree under "## Layout" in README.md (or the names) to match.`);
    process.exit(1);
  }
  console.log(`layout: README names all ${actual.size} folders; ${Object.keys(AREA_ROLES).length} console areas keep one name end to end`);
}

main();
