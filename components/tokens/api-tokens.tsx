"use client";

import { useState, useTransition } from "react";
import { KeyRound } from "lucide-react";
import { revokeApiTokenAction } from "@/app/(app)/w/[workspace]/settings/tokens/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toaster";
import { formatDistance } from "@/components/sharing/format";
import { SCOPE_LABELS } from "@/lib/tokens/scopes";
import type { ApiTokenDTO } from "@/lib/tokens/tokens";
import { CreatedTokenNotice, CreateTokenForm } from "./create-token-form";

const STATE_BADGE = {
  active: { label: "Active", variant: "success" },
  expired: { label: "Expired", variant: "neutral" },
  revoked: { label: "Revoked", variant: "danger" },
} as const;

function describeExpiry(token: ApiTokenDTO, now: number): string {
  if (token.state === "revoked" && token.revokedAt) return `Revoked ${formatDistance(token.revokedAt, now)}`;
  if (!token.expiresAt) return "Never expires";
  return `${token.state === "expired" ? "Expired" : "Expires"} ${formatDistance(token.expiresAt, now)}`;
}

function describeUse(token: ApiTokenDTO, now: number): string {
  if (!token.lastUsedAt) return "Never used";
  const from = token.lastUsedAddress ? ` from ${token.lastUsedAddress}` : "";
  return `Last used ${formatDistance(token.lastUsedAt, now)}${from}`;
}

/** Create a token (shown once), the list with scopes, expiry and last use, revoke. */
export function ApiTokens({ tokens }: { tokens: ApiTokenDTO[] }) {
  const [created, setCreated] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const [now] = useState(() => Date.now());

  const revoke = (token: ApiTokenDTO) => {
    if (!window.confirm(`Revoke “${token.name}”? Anything using it stops working at once.`)) return;
    setRevoking(token.id);
    startTransition(async () => {
      const result = await revokeApiTokenAction(token.id);
      setRevoking(null);
      if (!result.ok) return void toast.error(result.message);
      toast.success("Token revoked. Requests with it are refused from now on.");
    });
  };

  return (
    <div className="mt-8 grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle as="h2">New token</CardTitle>
          <CardDescription>Give each tool its own token, with only the scopes it needs.</CardDescription>
        </CardHeader>
        <CardContent>
          {created ? (
            <CreatedTokenNotice token={created} onDone={() => setCreated(null)} />
          ) : (
            <CreateTokenForm onCreated={setCreated} />
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">Your tokens</CardTitle>
        </CardHeader>
        <CardContent>
          {tokens.length === 0 ? (
            <p className="text-sm text-slate-600">You have no API tokens yet.</p>
          ) : (
            <ul
              className="grid divide-y divide-slate-200 rounded-md border border-slate-200 text-sm [&>*]:min-w-0"
              aria-label="Your API tokens"
            >
              {tokens.map((token) => (
                <li key={token.id} className="flex flex-wrap items-start gap-x-3 gap-y-2 p-3" data-testid="token-row">
                  <KeyRound aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-slate-500" />
                  <div className="min-w-0 flex-1">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="truncate font-medium text-slate-900">{token.name}</span>
                      <Badge variant={STATE_BADGE[token.state].variant}>{STATE_BADGE[token.state].label}</Badge>
                      <code className="font-mono text-xs text-slate-500">{token.prefix}…</code>
                    </p>
                    <p className="mt-1 flex flex-wrap gap-1">
                      {token.scopes.map((s) => (
                        <Badge key={s} variant="info">
                          {SCOPE_LABELS[s].label}
                        </Badge>
                      ))}
                    </p>
                    <p className="mt-1 text-slate-600">
                      Created {formatDistance(token.createdAt, now)} · {describeExpiry(token, now)}
                    </p>
                    <p className="text-slate-600" data-testid="token-last-used">
                      {describeUse(token, now)}
                    </p>
                  </div>
                  {token.state === "active" && (
                    <Button
                      variant="secondary"
                      size="sm"
                      loading={revoking === token.id}
                      onClick={() => revoke(token)}
                      aria-label={`Revoke ${token.name}`}
                    >
                      Revoke
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
