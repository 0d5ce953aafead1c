// .ts, not .tsx: the unit project only picks up *.test.ts, so elements are built with createElement.
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button } from "./button";
import { Field } from "./field";
import { Input } from "./input";

/** Server-renders an element; `attr` reads an attribute of the first tag of a kind (enough without a DOM library). */
function render(element: Parameters<typeof renderToStaticMarkup>[0]) {
  const html = renderToStaticMarkup(element);
  function attr(tag: string, name: string): string | null {
    const opening = html.match(new RegExp(`<${tag}\\b[^>]*>`))?.[0] ?? "";
    return opening.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1] ?? null;
  }
  return { html, attr };
}

describe("Field", () => {
  it("labels the control and describes it by its hint", () => {
    const view = render(h(Field, { label: "Title", hint: "Shown in lists", id: "title", children: h(Input) }));
    expect(view.attr("label", "for")).toBe("title");
    expect(view.attr("input", "id")).toBe("title");
    expect(view.attr("input", "aria-describedby")).toBe("title-hint");
    expect(view.attr("input", "aria-invalid")).toBeNull();
  });

  it("marks the control invalid and points at every error message", () => {
    const view = render(
      h(Field, {
        label: "Slug",
        hint: "Lowercase",
        error: ["Too short.", "Lowercase only."],
        id: "slug",
        children: h(Input),
      }),
    );
    expect(view.attr("input", "aria-invalid")).toBe("true");
    expect(view.attr("input", "aria-describedby")).toBe("slug-error slug-hint");
    expect(view.html).toContain('id="slug-error"');
    expect(view.html).toContain("Too short. Lowercase only.");
  });

  it("keeps the control's own id and description, and shows required from the control", () => {
    const view = render(
      h(Field, { label: "Name", children: h(Input, { id: "own", required: true, "aria-describedby": "extra" }) }),
    );
    expect(view.attr("label", "for")).toBe("own");
    expect(view.attr("input", "aria-describedby")).toBe("extra");
    expect(view.html).toMatch(/<span aria-hidden="true"[^>]*>\*<\/span>/);
  });

  it("treats an empty error list as valid", () => {
    const view = render(h(Field, { label: "Name", error: [], id: "n", children: h(Input) }));
    expect(view.attr("input", "aria-invalid")).toBeNull();
  });
});

describe("Button", () => {
  it("is a non-submitting button unless told otherwise", () => {
    expect(render(h(Button, null, "Go")).attr("button", "type")).toBe("button");
    expect(render(h(Button, { type: "submit" }, "Go")).attr("button", "type")).toBe("submit");
  });

  it("is busy and disabled while loading", () => {
    const view = render(h(Button, { loading: true }, "Save"));
    expect(view.attr("button", "aria-busy")).toBe("true");
    expect(view.html).toMatch(/<button[^>]*\sdisabled=""/);
  });

  it("keeps a link a link with asChild, inert while loading", () => {
    const view = render(h(Button, { asChild: true, loading: true }, h("a", { href: "/docs" }, "Docs")));
    expect(view.attr("a", "href")).toBe("/docs");
    expect(view.attr("a", "aria-disabled")).toBe("true");
    expect(view.html).not.toContain("<button");
  });
});
