import { getSchema } from "@tiptap/core";
import type { Node as PMNode, Schema } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { docExtensions, getDocSchema } from "./extensions";
import { TableKit } from "@tiptap/extension-table";

/** The doc list with Tiptap's own TableKit, whose Table node carries the table behaviour. */
const markdownExtensions = docExtensions.map((extension) => (extension.name === "tableKit" ? TableKit : extension));

// Everything of a node spec that is data (functions aside), in schema order.
const specOf = (schema: Schema) =>
  JSON.parse(
    JSON.stringify(
      Object.values(schema.nodes).map((type) => ({
        name: type.name,
        spec: type.spec,
        attrs: Object.entries(type.spec.attrs ?? {}).map(([k, v]) => [k, v.default]),
      })),
    ),
  );

const table = (schema: Schema, widths: (number[] | null)[]): PMNode =>
  schema.nodeFromJSON({
    type: "table",
    content: [
      {
        type: "tableRow",
        content: widths.map((colwidth) => ({
          type: "tableHeader",
          attrs: { colwidth },
          content: [{ type: "paragraph" }],
        })),
      },
      {
        type: "tableRow",
        content: widths.map(() => ({
          type: "tableCell",
          content: [{ type: "paragraph", content: [{ type: "text", text: "x" }] }],
        })),
      },
    ],
  });

describe("schema-only tables (lib/editor/table.ts)", () => {
  const ours = getDocSchema();
  const tiptap = getSchema(markdownExtensions);

  it("build the same schema as Tiptap's TableKit: names, order, content, roles, attributes", () => {
    expect(markdownExtensions).not.toBe(docExtensions);
    expect(specOf(ours)).toEqual(specOf(tiptap));
    expect(ours.nodes.table!.spec.tableRole).toBe("table");
    expect(ours.nodes.tableHeader!.spec.tableRole).toBe("header_cell");
  });

  it("render the same HTML as Tiptap's Table (copying a table out of the editor)", () => {
    for (const widths of [
      [null, null],
      [[120], null],
      [[120], [80]],
      [[10], [10]],
    ] as (number[] | null)[][]) {
      expect(ours.nodes.table!.spec.toDOM!(table(ours, widths))).toEqual(
        tiptap.nodes.table!.spec.toDOM!(table(tiptap, widths)),
      );
    }
  });
});
