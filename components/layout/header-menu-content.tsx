"use client";

import Link from "next/link";
import { Check, FileText, KeyRound, LayoutTemplate, LogOut, Settings, ShieldCheck } from "lucide-react";
import { signOutAction, signOutEverywhereAction } from "@/app/(auth)/actions";
import { clearDeviceCopies } from "@/components/collab/device-copies";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
} from "@/components/ui/dropdown-menu";
import type { HeaderWorkspace } from "./app-header";

/** Loaded on first use of the header's menus (./header-menus.tsx). */
export function WorkspaceMenuContent({
  workspaces,
  currentSlug,
}: {
  workspaces: Pick<HeaderWorkspace, "slug" | "name">[];
  currentSlug: string;
}) {
  return (
    <DropdownMenuContent>
      {/* The header's nav, for phones where it is folded away (and a shortcut everywhere). */}
      <DropdownMenuLabel>This workspace</DropdownMenuLabel>
      <DropdownMenuItem asChild>
        <Link href={`/w/${currentSlug}`}>
          <FileText aria-hidden="true" /> Docs
        </Link>
      </DropdownMenuItem>
      <DropdownMenuItem asChild>
        <Link href={`/w/${currentSlug}/templates`}>
          <LayoutTemplate aria-hidden="true" /> Templates
        </Link>
      </DropdownMenuItem>
      <DropdownMenuItem asChild>
        <Link href={`/w/${currentSlug}/settings`}>
          <Settings aria-hidden="true" /> Settings
        </Link>
      </DropdownMenuItem>
      <DropdownMenuSeparator />
      <DropdownMenuLabel>Workspaces</DropdownMenuLabel>
      {workspaces.map((w) => (
        <DropdownMenuItem key={w.slug} asChild>
          <Link href={`/w/${w.slug}`}>
            <Check aria-hidden="true" className={cn("size-4", w.slug === currentSlug ? "opacity-100" : "opacity-0")} />
            {w.name}
          </Link>
        </DropdownMenuItem>
      ))}
    </DropdownMenuContent>
  );
}

export function AccountMenuContent({
  user,
  workspaceSlug,
}: {
  user: { name: string; email: string };
  workspaceSlug: string;
}) {
  return (
    <DropdownMenuContent align="end" className="min-w-56">
      <DropdownMenuLabel>
        <span className="block truncate text-slate-900">{user.name}</span>
        <span className="block truncate font-normal text-slate-600">{user.email}</span>
      </DropdownMenuLabel>
      <DropdownMenuSeparator />
      <DropdownMenuItem asChild>
        <Link href={`/w/${workspaceSlug}/settings`}>
          <Settings aria-hidden="true" /> Workspace settings
        </Link>
      </DropdownMenuItem>
      <DropdownMenuItem asChild>
        <Link href={`/w/${workspaceSlug}/settings/tokens`}>
          <KeyRound aria-hidden="true" /> API tokens
        </Link>
      </DropdownMenuItem>
      {/* What this device kept of live docs goes with the session (privacy on a shared computer). */}
      <DropdownMenuItem onSelect={() => void clearDeviceCopies().then(() => signOutAction())}>
        <LogOut aria-hidden="true" /> Sign out
      </DropdownMenuItem>
      <DropdownMenuItem onSelect={() => void clearDeviceCopies().then(() => signOutEverywhereAction())}>
        <ShieldCheck aria-hidden="true" /> Sign out everywhere
      </DropdownMenuItem>
    </DropdownMenuContent>
  );
}
