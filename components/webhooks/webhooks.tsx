"use client";

import { useState, useTransition } from "react";
import { Webhook as WebhookIcon } from "lucide-react";
import {
  deleteWebhookAction,
  redeliverWebhookAction,
  setWebhookEnabledAction,
} from "@/app/(app)/w/[workspace]/settings/webhooks/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toaster";
import { formatDistance } from "@/components/sharing/format";
import type { WebhookDeliveryDTO, WebhookDTO } from "@/lib/webhooks/webhooks";
import { CreatedSecretNotice, CreateWebhookForm } from "./create-webhook-form";

const DELIVERY_BADGE = {
  delivered: { label: "Delivered", variant: "success" },
  pending: { label: "Retrying", variant: "warning" },
  failed: { label: "Failed", variant: "danger" },
} as const;

function deliveryBadge(d: WebhookDeliveryDTO) {
  if (d.status === "pending" && d.attempts === 0) return { label: "Queued", variant: "neutral" } as const;
  return DELIVERY_BADGE[d.status];
}

/** Endpoints of the workspace: add one (its secret shown once), each with its state and delivery log. */
export function Webhooks({ workspaceId, webhooks }: { workspaceId: string; webhooks: WebhookDTO[] }) {
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <div className="mt-8 grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle as="h2">Add a webhook</CardTitle>
          <CardDescription>Events of this workspace are POSTed to the endpoint as they happen.</CardDescription>
        </CardHeader>
        <CardContent>
          {secret ? (
            <CreatedSecretNotice secret={secret} onDone={() => setSecret(null)} />
          ) : (
            <CreateWebhookForm workspaceId={workspaceId} onCreated={setSecret} />
          )}
        </CardContent>
      </Card>
      {webhooks.length === 0 ? (
        <p className="text-sm text-slate-600">No webhooks yet.</p>
      ) : (
        webhooks.map((w) => <WebhookCard key={w.id} workspaceId={workspaceId} webhook={w} />)
      )}
    </div>
  );
}

function WebhookCard({ workspaceId, webhook }: { workspaceId: string; webhook: WebhookDTO }) {
  const [pending, startTransition] = useTransition();
  const [now] = useState(() => Date.now());
  const run = (work: () => Promise<{ ok: boolean; message?: string }>, success: string) =>
    startTransition(async () => {
      const result = await work();
      if (!result.ok) return void toast.error(result.message ?? "That did not work.");
      toast.success(success);
    });
  const enabled = !webhook.disabledAt;
  return (
    <Card data-testid="webhook-card">
      <CardHeader>
        <CardTitle as="h2" className="flex min-w-0 flex-wrap items-center gap-2 text-base">
          <WebhookIcon aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
          <span className="min-w-0 truncate font-mono text-sm">{webhook.url}</span>
          <Badge variant={enabled ? "success" : "danger"}>{enabled ? "Active" : "Off"}</Badge>
          {webhook.format === "slack" && <Badge variant="info">Slack format</Badge>}
        </CardTitle>
        <CardDescription>
          {webhook.description ? `${webhook.description} · ` : ""}
          {webhook.events.join(", ")}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        {webhook.disabledReason && <p className="text-red-800">{webhook.disabledReason}</p>}
        {enabled && webhook.failingSince && (
          <p className="text-amber-800">
            Failing since {formatDistance(webhook.failingSince, now)}; turned off if it still fails 24 hours after that.
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            size="sm"
            loading={pending}
            onClick={() =>
              run(
                () => setWebhookEnabledAction(workspaceId, webhook.id, !enabled),
                enabled ? "Webhook turned off." : "Webhook turned on.",
              )
            }
          >
            {enabled ? "Turn off" : "Turn on"}
          </Button>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              if (window.confirm(`Delete the webhook to ${webhook.url}? Its delivery log goes with it.`))
                run(() => deleteWebhookAction(workspaceId, webhook.id), "Webhook deleted.");
            }}
          >
            Delete
          </Button>
        </div>
        <section aria-label="Recent deliveries" className="grid gap-2">
          <h3 className="font-medium text-slate-900">Recent deliveries</h3>
          {webhook.deliveries.length === 0 ? (
            <p className="text-slate-600">Nothing sent yet.</p>
          ) : (
            <ul className="grid divide-y divide-slate-200 rounded-md border border-slate-200">
              {webhook.deliveries.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-2" data-testid="delivery-row">
                  <Badge variant={deliveryBadge(d).variant}>{deliveryBadge(d).label}</Badge>
                  <span className="font-medium text-slate-900" title={`Delivery ${d.id}`}>
                    {d.event}
                  </span>
                  <span className="text-slate-600">
                    {d.responseStatus ? `HTTP ${d.responseStatus}` : (d.lastError ?? "not sent yet")}
                    {d.durationMs !== null ? ` · ${d.durationMs} ms` : ""} · {formatDistance(d.createdAt, now)}
                    {d.attempts > 1 ? ` · ${d.attempts} attempts` : ""}
                    {d.redelivery ? " · sent again by hand" : ""}
                  </span>
                  <Button
                    variant="ghost"
                    size="sm"
                    className="ml-auto"
                    onClick={() => run(() => redeliverWebhookAction(workspaceId, d.id), "Queued to be sent again.")}
                  >
                    Redeliver
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </CardContent>
    </Card>
  );
}
