"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Bell, Check, ChevronDown, LogOut, Settings, ShieldCheck } from "lucide-react";
import { signOutAction, signOutEverywhereAction } from "@/app/(auth)/actions";
import { Avatar } from "@/components/ui/avatar";
import { cn } from "@/components/ui/cn";
import { LazyDropdownMenu } from "@/components/ui/lazy-dropdown-menu";
import { Logo } from "./logo";

export type HeaderWorkspace = { slug: string; name: string; role: string };

export function AppHeader({
  user,
  workspaces,
  current,
  unreadCount = 0,
}: {
  user: { name: string; email: string };
  workspaces: HeaderWorkspace[];
  current: HeaderWorkspace;
  /** Unread inbox entries, counted server-side where the header is rendered. */
  unreadCount?: number;
}) {
  const pathname = usePathname();
  const nav = [
    { href: `/w/${current.slug}`, label: "Docs" },
    { href: `/w/${current.slug}/templates`, label: "Templates" },
    { href: `/w/${current.slug}/settings`, label: "Settings" },
  ];
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:gap-4 sm:px-6">
        <Logo href={`/w/${current.slug}`} className="[&>span:last-child]:hidden sm:[&>span:last-child]:inline" />
        <span aria-hidden="true" className="hidden text-slate-300 sm:inline">
          /
        </span>
        {/* Menus load their Radix code on first hover, focus or press (components/ui/lazy-dropdown-menu.tsx). */}
        <LazyDropdownMenu
          trigger={
            <button type="button" className="inline-flex min-w-0 items-center gap-1 rounded-md px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100">
              <span className="max-w-[9rem] min-w-[3rem] truncate sm:max-w-[16rem]">{current.name}</span>
              <ChevronDown aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
              <span className="sr-only">Switch workspace</span>
            </button>
          }
        >
          {(m) => (
            <m.DropdownMenuContent>
              <m.DropdownMenuLabel>Workspaces</m.DropdownMenuLabel>
              {workspaces.map((w) => (
                <m.DropdownMenuItem key={w.slug} asChild>
                  <Link href={`/w/${w.slug}`}>
                    <Check aria-hidden="true" className={cn("size-4", w.slug === current.slug ? "opacity-100" : "opacity-0")} />
                    {w.name}
                  </Link>
                </m.DropdownMenuItem>
              ))}
            </m.DropdownMenuContent>
          )}
        </LazyDropdownMenu>
        <nav aria-label="Workspace" className="ml-auto flex items-center sm:ml-4 sm:mr-auto sm:gap-1">
          {nav.map((item) => {
            // Templates stays current inside a template's page; Docs only on the list itself.
            const active = pathname === item.href || (item.label !== "Docs" && pathname.startsWith(`${item.href}/`));
            return (
              <Link
                key={item.href}
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "rounded-md px-2 py-1.5 text-sm font-medium sm:px-2.5",
                  // On a phone the workspace's name needs the room; settings are in the account menu too.
                  item.label === "Settings" && "hidden sm:inline",
                  active ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:bg-slate-50 hover:text-slate-900",
                )}
              >
                {item.label}
              </Link>
            );
          })}
        </nav>
        <Link
          href="/inbox"
          aria-current={pathname === "/inbox" ? "page" : undefined}
          className="relative inline-flex size-9 shrink-0 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900"
          data-testid="inbox-link"
        >
          <Bell aria-hidden="true" className="size-5" />
          <span className="sr-only">Inbox{unreadCount > 0 ? `, ${unreadCount} unread` : ""}</span>
          {unreadCount > 0 && (
            <span aria-hidden="true" className="absolute -top-0.5 -right-0.5 min-w-4.5 rounded-full bg-red-600 px-1 text-center text-[11px] leading-4.5 font-semibold text-white">
              {unreadCount > 99 ? "99+" : unreadCount}
            </span>
          )}
        </Link>
        <LazyDropdownMenu
          trigger={
            <button type="button" className="rounded-full">
              <Avatar name={user.name} size="sm" decorative />
              <span className="sr-only">Account menu for {user.name}</span>
            </button>
          }
        >
          {(m) => (
            <m.DropdownMenuContent align="end" className="min-w-56">
              <m.DropdownMenuLabel>
                <span className="block truncate text-slate-900">{user.name}</span>
                <span className="block truncate font-normal text-slate-600">{user.email}</span>
              </m.DropdownMenuLabel>
              <m.DropdownMenuSeparator />
              <m.DropdownMenuItem asChild>
                <Link href={`/w/${current.slug}/settings`}>
                  <Settings aria-hidden="true" /> Workspace settings
                </Link>
              </m.DropdownMenuItem>
              <m.DropdownMenuItem onSelect={() => void signOutAction()}>
                <LogOut aria-hidden="true" /> Sign out
              </m.DropdownMenuItem>
              <m.DropdownMenuItem onSelect={() => void signOutEverywhereAction()}>
                <ShieldCheck aria-hidden="true" /> Sign out everywhere
              </m.DropdownMenuItem>
            </m.DropdownMenuContent>
          )}
        </LazyDropdownMenu>
      </div>
    </header>
  );
}
