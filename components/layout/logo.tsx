import { cn } from "@/components/ui/cn";

export function Logo({ href = "/", className }: { href?: string; className?: string }) {
  return (
    // A plain link, as the header's others (nav-link.tsx says why).
    <a
      href={href}
      className={cn("inline-flex items-center gap-2 rounded-md font-semibold tracking-tight text-slate-900", className)}
    >
      <span
        aria-hidden="true"
        className="grid size-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white"
      >
        DR
      </span>
      <span className="whitespace-nowrap">Design Review</span>
    </a>
  );
}
