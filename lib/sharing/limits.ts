/** Share-link choices shared by lib/sharing/schemas.ts and the sharing dialog; zod-free. */
export const SHARE_LINK_ROLES = ["view", "comment"] as const;
export const SHARE_EXPIRY_CHOICES = [7, 30, 90] as const;
export const DEFAULT_EXPIRY_DAYS = 30;
export const MAX_EXPIRY_DAYS = 365;
export const SHARE_PASSWORD_MIN = 6;
