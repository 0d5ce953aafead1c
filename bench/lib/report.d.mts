export function percentile(sorted: number[], p: number): number;
export function fmt(n: number, digits?: number): string;
export function kb(bytes: number, digits?: number): string;
export function table(headers: string[], rows: string[][]): string;
export function loadAverage(): string;
