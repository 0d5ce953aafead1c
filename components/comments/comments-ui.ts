// The comment UI as one lazy chunk (see lazy-comments.tsx): nothing of it shows before the threads arrive.
export { BlockingNotice } from "./blocking-notice";
export { CommentsColumn } from "./comments-column";
export { CommentsRoot } from "./comments-root";
export { SectionThreads } from "./section-threads";
