/**
 * First-start demo data: a demo user, their workspace and a sample design doc.
 * Idempotent: does nothing once the demo user exists.
 */
import { signUp } from "@/lib/auth/sign-up";
import { db } from "@/lib/db";
import { seedDemoContent } from "./seed-content";

async function main() {
  const email = process.env.DEMO_EMAIL ?? "demo@design-review.local";
  const password = process.env.DEMO_PASSWORD ?? "design-review-demo";
  if (await db.user.findUnique({ where: { email } })) return;
  const { userId, workspaceSlug } = await signUp({ name: "Demo User", email, password });
  await db.workspace.update({ where: { slug: workspaceSlug }, data: { name: "Demo workspace" } });
  await seedDemoContent(userId, workspaceSlug);
  console.log(`[design-review] seeded the demo workspace`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
