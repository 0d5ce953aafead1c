import { describe, expect, it } from "vitest";
import { ATTR_RULES } from "./attr-rules";
import { getCommentSchema } from "./comment-extensions";
import { getDocSchema } from "./extensions";

// Every attribute reaches HTML; one without a rule would be stored unchecked
// (the validator refuses it instead, so a new extension would break saving).
describe("attribute rules", () => {
  it("cover every attribute of both schemas", () => {
    for (const schema of [getDocSchema(), getCommentSchema()]) {
      const types = [...Object.values(schema.nodes), ...Object.values(schema.marks)];
      for (const type of types) {
        for (const attr of Object.keys(type.spec.attrs ?? {})) {
          expect(ATTR_RULES[type.name]?.[attr], `${type.name}.${attr}`).toBeTypeOf("function");
        }
      }
    }
  });
});
