import { describe, expect, it } from "vitest";
import { errorsFrom, moveItem, toInput, valuesFrom, type EditorRow } from "./editor-state";

const row = (id: string, title: string, key?: string): EditorRow => ({
  id,
  key,
  title,
  guidance: "",
  required: false,
  hasOutline: false,
});

describe("errorsFrom", () => {
  it("puts a section's message on the row that had that place when saving", () => {
    const submitted = [row("a", "Problem"), row("b", "")];
    const errors = errorsFrom(
      {
        message: "x",
        fieldErrors: { "sections.1.title": ["Give every section a title"], name: ["Give the template a name"] },
      },
      submitted,
    );
    expect(errors.rows).toEqual({ b: { title: ["Give every section a title"] } });
    expect(errors.name).toEqual(["Give the template a name"]);
    expect(errors.form).toBeUndefined();
  });

  it("marks every row of a repeated title, and keeps the list-level message", () => {
    const errors = errorsFrom({ message: "x", fieldErrors: { sections: ["Two sections have the same title"] } }, [
      row("a", "API"),
      row("b", "Data"),
      row("c", " api "),
    ]);
    expect(errors.sections).toEqual(["Two sections have the same title"]);
    expect(Object.keys(errors.rows)).toEqual(["a", "c"]);
  });

  it("turns a failure without field errors into a form message", () => {
    expect(errorsFrom({ message: "Someone else saved this template." }, [])).toEqual({
      form: "Someone else saved this template.",
      rows: {},
    });
  });
});

describe("editor values", () => {
  it("moves within bounds only", () => {
    expect(moveItem([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(moveItem([1, 2, 3], 2, 3)).toEqual([1, 2, 3]);
  });

  it("sends stored keys back and leaves new rows without one", () => {
    const values = valuesFrom(null);
    values.rows.push(row("k", "Kept", "kept"));
    expect(toInput(values).sections.map((s) => s.key)).toEqual([undefined, "kept"]);
  });
});
