import { AlignmentType, LevelFormat, type ILevelsOptions, type NumberingDefinition } from "docx";

/** Word's name for the plain numbered list (1., a., i., then again, one level per nesting). */
export const ORDERED = "ordered";

type Format = (typeof LevelFormat)[keyof typeof LevelFormat];

/** An ordered list's `type` attribute (as HTML's `<ol type>`) as Word's number format. */
const FORMATS: Record<string, Format> = {
  "1": LevelFormat.DECIMAL,
  a: LevelFormat.LOWER_LETTER,
  A: LevelFormat.UPPER_LETTER,
  i: LevelFormat.LOWER_ROMAN,
  I: LevelFormat.UPPER_ROMAN,
};
const NESTED = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const;

function levels(start: number, format: Format | null): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: format ?? NESTED[level % 3]!,
    text: `%${level + 1}.`,
    alignment: AlignmentType.START,
    start,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

/** The document's own list definition: numbers from 1 in the nesting pattern. */
export const orderedNumbering: NumberingDefinition = { reference: ORDERED, levels: levels(1, null) };

/**
 * The numbering an ordered list's paragraphs refer to: the document's own for a plain list; for one that starts
 * elsewhere ("3." after a paragraph, as Markdown writes a list that carries on) or numbers as letters or Roman
 * numerals, a definition of its own, which Word keeps beside the document's (one per start and format).
 * Each list is still a new instance of its definition (lib/docx/blocks.ts), so two lists never number on.
 */
export function orderedListNumbering(attrs: Record<string, unknown> | undefined): string | NumberingDefinition {
  const raw = Number(attrs?.start ?? 1);
  const start = Number.isSafeInteger(raw) && raw >= 0 ? raw : 1;
  const type = typeof attrs?.type === "string" ? attrs.type : null;
  const format = type && type in FORMATS ? FORMATS[type]! : null;
  if (start === 1 && !format) return ORDERED;
  return { reference: `${ORDERED}-${type ?? "n"}-${start}`, levels: levels(start, format) };
}
