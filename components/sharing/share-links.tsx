"use client";

import { useState, useTransition } from "react";
import { KeyRound, Link2 } from "lucide-react";
import { toast } from "@/components/ui/toaster";
import { adoptShareLinkAction, revokeShareLinkAction } from "@/app/(app)/docs/[slug]/share-actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { CreatedShareLinkDTO, ShareLinkDTO } from "@/lib/sharing/dto";
import { describeExpiry, describeUse } from "./format";
import { CreatedLinkNotice, CreateShareLinkForm } from "./share-link-form";

const STATE_BADGE = {
  active: { label: "Active", variant: "success" },
  expired: { label: "Expired", variant: "neutral" },
  revoked: { label: "Revoked", variant: "danger" },
  stopped: { label: "Stopped", variant: "warning" },
} as const;

/** Share links: create one (its URL shown once), the list with use and expiry, revoke. */
export function ShareLinks({
  docId,
  links,
  onChange,
}: {
  docId: string;
  links: ShareLinkDTO[];
  onChange: () => Promise<void>;
}) {
  const [created, setCreated] = useState<CreatedShareLinkDTO | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [adopting, setAdopting] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  // Fixed when the dialog opens (it remounts on every open): relative times need no ticking here.
  const [now] = useState(() => Date.now());

  const revoke = (link: ShareLinkDTO) => {
    setRevoking(link.id);
    startTransition(async () => {
      const result = await revokeShareLinkAction(docId, link.id);
      setRevoking(null);
      if (!result.ok) return void toast.error(result.message);
      toast.success("Link revoked. Anyone opening it now gets a page that does not exist.");
      if (created?.link.id === link.id) setCreated(null);
      await onChange();
    });
  };

  const adopt = (link: ShareLinkDTO) => {
    setAdopting(link.id);
    startTransition(async () => {
      const result = await adoptShareLinkAction(docId, link.id);
      setAdopting(null);
      if (!result.ok) return void toast.error(result.message);
      toast.success("The link is yours now and works again.");
      await onChange();
    });
  };

  return (
    <section aria-labelledby="share-links" className="grid min-w-0 gap-3 border-t border-slate-200 pt-5 [&>*]:min-w-0">
      <div>
        <h3 id="share-links" className="font-semibold text-slate-900">
          Share links
        </h3>
        <p className="text-slate-600">
          For people outside the workspace: anyone with the link can read the doc, without an account. A link works only
          while the person who created it may share this doc.
        </p>
      </div>
      {created ? (
        <CreatedLinkNotice created={created} onDone={() => setCreated(null)} />
      ) : (
        <CreateShareLinkForm
          docId={docId}
          onCreated={async (c) => {
            setCreated(c);
            await onChange();
          }}
        />
      )}
      {links.length > 0 ? (
        <ul
          className="grid divide-y divide-slate-200 rounded-md border border-slate-200 [&>*]:min-w-0"
          aria-label="Share links of this doc"
        >
          {links.map((link) => (
            <li key={link.id} className="flex flex-wrap items-start gap-x-3 gap-y-2 p-3" data-testid="share-link-row">
              <Link2 aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-slate-500" />
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="truncate font-medium text-slate-900">
                    {link.label ?? (link.role === "comment" ? "Comment link" : "View link")}
                  </span>
                  <Badge variant={STATE_BADGE[link.state].variant}>{STATE_BADGE[link.state].label}</Badge>
                  <Badge>{link.role === "comment" ? "Can comment" : "Can view"}</Badge>
                  {link.hasPassword && (
                    <span className="inline-flex items-center gap-1 text-xs text-slate-600">
                      <KeyRound aria-hidden="true" className="size-3.5" /> Password
                    </span>
                  )}
                </p>
                <p className="mt-0.5 text-slate-600">
                  Created by {link.createdBy} · {describeExpiry(link, now)}
                </p>
                <p className="text-slate-600">{describeUse(link, now)}</p>
                {link.state === "stopped" && (
                  <p className="mt-1 text-amber-800">
                    {link.createdBy} can no longer share this doc, so the link stopped working. Take it over to make it
                    work again under your name.
                  </p>
                )}
              </div>
              {link.state === "stopped" && (
                <Button variant="secondary" size="sm" loading={adopting === link.id} onClick={() => adopt(link)}>
                  Take over
                </Button>
              )}
              {(link.state === "active" || link.state === "stopped") && (
                <Button
                  variant="secondary"
                  size="sm"
                  loading={revoking === link.id}
                  onClick={() => revoke(link)}
                  aria-label={`Revoke ${link.label ?? (link.role === "comment" ? "comment link" : "view link")}`}
                >
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-600">No share links yet.</p>
      )}
    </section>
  );
}
