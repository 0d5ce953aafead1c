"use client";

import { createWebhookAction } from "@/app/(app)/w/[workspace]/settings/webhooks/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ShownOnceNotice } from "@/components/ui/shown-once-notice";
import { useCreateForm } from "@/components/ui/use-create-form";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "@/lib/webhooks/events";

export function CreateWebhookForm({
  workspaceId,
  onCreated,
}: {
  workspaceId: string;
  onCreated: (secret: string) => void;
}) {
  const { pending, error, onSubmit } = useCreateForm(
    (data) => ({
      url: String(data.get("url") ?? ""),
      events: data.getAll("events").map(String),
      format: String(data.get("format") ?? "json"),
      description: String(data.get("description") ?? "") || undefined,
    }),
    (input) => createWebhookAction(workspaceId, input),
    (created, form) => {
      form.reset();
      onCreated(created.secret);
    },
  );

  return (
    <form onSubmit={onSubmit} className="grid min-w-0 gap-4 text-sm [&>*]:min-w-0" noValidate aria-label="New webhook">
      <Field
        label="Endpoint URL"
        hint="An https:// address that accepts POST requests."
        error={error?.fieldErrors?.url}
      >
        <Input name="url" type="url" inputMode="url" placeholder="https://hooks.example.com/design-review" required />
      </Field>
      <div className="grid items-start gap-3 sm:grid-cols-2 [&>*]:min-w-0">
        <Field label="Format" hint="Slack: a line of text with links, for a chat channel's incoming webhook.">
          <Select name="format" defaultValue="json">
            <option value="json">JSON event</option>
            <option value="slack">Slack-compatible message</option>
          </Select>
        </Field>
        <Field label="Description (optional)" error={error?.fieldErrors?.description}>
          <Input name="description" maxLength={200} autoComplete="off" placeholder="#design-reviews channel" />
        </Field>
      </div>
      <fieldset className="grid gap-2 sm:grid-cols-2">
        <legend className="mb-1 font-medium text-slate-900">Events</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="flex items-start gap-2">
            <input
              type="checkbox"
              name="events"
              value={event}
              defaultChecked={event !== "section.saved"}
              className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600"
            />
            <span className="text-slate-900">{WEBHOOK_EVENT_LABELS[event]}</span>
          </label>
        ))}
        {error?.fieldErrors?.events && <p className="text-red-700 sm:col-span-2">{error.fieldErrors.events[0]}</p>}
      </fieldset>
      {error && !error.fieldErrors?.url && <Alert variant="danger">{error.message}</Alert>}
      <div>
        <Button type="submit" loading={pending}>
          Add webhook
        </Button>
      </div>
    </form>
  );
}

/** The new endpoint's signing secret: the only time it is shown. */
export function CreatedSecretNotice({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <ShownOnceNotice
      title="Webhook added. Its signing secret:"
      value={secret}
      label="Signing secret"
      warning={
        <>
          Copy it now: it will not be shown again. Your receiver checks each delivery&apos;s X-DesignReview-Signature
          with it (see the README).
        </>
      }
      onDone={onDone}
    />
  );
}
