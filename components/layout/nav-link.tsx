"use client";

import { usePathname } from "next/navigation";
import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

type NavLinkProps = Omit<ComponentProps<"a">, "href"> & {
  href: string;
  /** Also current on the pages under `href` (a template's page under Templates). */
  nested?: boolean;
  activeClassName?: string;
  inactiveClassName?: string;
};

/**
 * A header link that knows whether it is the current page (`aria-current="page"`):
 * the one part of the header that reads the URL in the browser, so the rest of it
 * (logo, avatar, icons) renders on the server and ships no JavaScript.
 *
 * A plain link, not next/link: the header moves between the app's areas (Docs, Templates, Settings, Inbox), where a
 * full page load is as quick as Next's client navigation once the scripts are cached, and next/link cost every page
 * ~2.3 KB gzip of router code plus a prefetch request to the server for each header link in view, on every doc
 * page a reader opened. Links inside an area (a doc in the list, history entries) keep next/link.
 */
export function NavLink({
  href,
  nested = false,
  className,
  activeClassName,
  inactiveClassName,
  ...props
}: NavLinkProps) {
  const pathname = usePathname();
  const active = pathname === href || (nested && pathname.startsWith(`${href}/`));
  return (
    <a
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(className, active ? activeClassName : inactiveClassName)}
      {...props}
    />
  );
}
