"use server";

import { revalidatePath } from "next/cache";
import { argText, runAction, type ActionResult } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import {
  createWebhook,
  deleteWebhook,
  redeliverWebhook,
  setWebhookEnabled,
  type WebhookDTO,
} from "@/lib/webhooks/webhooks";

const PAGE = "/w/[workspace]/settings/webhooks";

/** Register an endpoint; its signing secret is in this answer only. */
export async function createWebhookAction(
  workspaceId: string,
  input: unknown,
): Promise<ActionResult<{ webhook: WebhookDTO; secret: string }>> {
  return runAction(async () => {
    const created = await createWebhook(await requireActor(), argText(workspaceId), input);
    revalidatePath(PAGE, "page");
    return created;
  });
}

export async function setWebhookEnabledAction(
  workspaceId: string,
  webhookId: string,
  enabled: boolean,
): Promise<ActionResult> {
  return runAction(async () => {
    await setWebhookEnabled(await requireActor(), argText(workspaceId), argText(webhookId), enabled === true);
    revalidatePath(PAGE, "page");
    return undefined;
  });
}

export async function deleteWebhookAction(workspaceId: string, webhookId: string): Promise<ActionResult> {
  return runAction(async () => {
    await deleteWebhook(await requireActor(), argText(workspaceId), argText(webhookId));
    revalidatePath(PAGE, "page");
    return undefined;
  });
}

export async function redeliverWebhookAction(workspaceId: string, deliveryId: string): Promise<ActionResult> {
  return runAction(async () => {
    await redeliverWebhook(await requireActor(), argText(workspaceId), argText(deliveryId));
    revalidatePath(PAGE, "page");
    return undefined;
  });
}
