import Link from "next/link";

// Wraps on a phone (a Button look keeps one line and would overflow).
const COMPARE_LINK =
  "inline-block max-w-full rounded-md border border-slate-300 bg-white px-3 py-1 " +
  "text-sm font-medium text-slate-900 shadow-xs hover:bg-slate-50";

/** "Changes since your last visit": from what this person had seen when their previous visit ended. */
export function SinceLastVisitLink({ slug, since }: { slug: string; since: { seq: number } | null }) {
  if (!since) return null;
  return (
    <Link
      href={`/docs/${slug}/history/compare?from=${since.seq}`}
      className={COMPARE_LINK}
      data-testid="since-last-visit"
    >
      Changes since your last visit
    </Link>
  );
}
