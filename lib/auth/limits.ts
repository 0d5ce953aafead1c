/** Password limits shared by lib/auth/schemas.ts and the forms; zod-free so forms do not ship zod. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
