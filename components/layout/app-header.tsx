"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Check, ChevronDown, LogOut, Settings, ShieldCheck } from "lucide-react";
import { signOutAction, signOutEverywhereAction } from "@/app/(auth)/actions";
import { Avatar } from "@/components/ui/avatar";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Logo } from "./logo";

export type HeaderWorkspace = { slug: string; name: string; role: string };

export function AppHeader({ user, workspaces, current }: { user: { name: string; email: string }; workspaces: HeaderWorkspace[]; current: HeaderWorkspace }) {
  const pathname = usePathname();
  const nav = [
    { href: `/w/${current.slug}`, label: "Docs" },
    { href: `/w/${current.slug}/settings`, label: "Settings" },
  ];
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:gap-4 sm:px-6">
        <Logo href={`/w/${current.slug}`} className="[&>span:last-child]:hidden sm:[&>span:last-child]:inline" />
        <span aria-hidden="true" className="text-slate-300">
          /
        </span>
        <DropdownMenu>
          <DropdownMenuTrigger className="inline-flex min-w-0 items-center gap-1 rounded-md px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100">
            <span className="max-w-[9rem] truncate sm:max-w-[16rem]">{current.name}</span>
            <ChevronDown aria-hidden="true" className="size-4 text-slate-500" />
            <span className="sr-only">Switch workspace</span>
          </DropdownMenuTrigger>
          <DropdownMenuContent>
            <DropdownMenuLabel>Workspaces</DropdownMenuLabel>
            {workspaces.map((w) => (
              <DropdownMenuItem key={w.slug} asChild>
                <Link href={`/w/${w.slug}`}>
                  <Check aria-hidden="true" className={cn("size-4", w.slug === current.slug ? "opacity-100" : "opacity-0")} />
                  {w.name}
                </Link>
              </DropdownMenuItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
        <nav aria-label="Workspace" className="ml-auto flex items-center gap-1 sm:ml-4 sm:mr-auto">
          {nav.map((item) => {
            const active = pathname === item.href;
            return (
              <Link
                key={item.href}
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "rounded-md px-2.5 py-1.5 text-sm font-medium",
                  active ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:bg-slate-50 hover:text-slate-900",
                )}
              >
                {item.label}
              </Link>
            );
          })}
        </nav>
        <DropdownMenu>
          <DropdownMenuTrigger className="rounded-full">
            <Avatar name={user.name} size="sm" decorative />
            <span className="sr-only">Account menu for {user.name}</span>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end" className="min-w-56">
            <DropdownMenuLabel>
              <span className="block truncate text-slate-900">{user.name}</span>
              <span className="block truncate font-normal text-slate-600">{user.email}</span>
            </DropdownMenuLabel>
            <DropdownMenuSeparator />
            <DropdownMenuItem asChild>
              <Link href={`/w/${current.slug}/settings`}>
                <Settings aria-hidden="true" /> Workspace settings
              </Link>
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={() => void signOutAction()}>
              <LogOut aria-hidden="true" /> Sign out
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={() => void signOutEverywhereAction()}>
              <ShieldCheck aria-hidden="true" /> Sign out everywhere
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
    </header>
  );
}
