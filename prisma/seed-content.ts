import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { importMarkdown } from "@/lib/docs/markdown";
import { ensureBuiltInTemplate } from "@/lib/templates/queries";

/** Sample content for the demo workspace: the built-in template and one design doc. */
export async function seedDemoContent(userId: string, workspaceSlug: string): Promise<void> {
  await ensureBuiltInTemplate();
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true },
  });
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: workspaceSlug }, select: { id: true } });
  const markdown = readFileSync(path.join(process.cwd(), "prisma", "sample-design-doc.md"), "utf8");
  await importMarkdown(user, workspace.id, { markdown });
}
