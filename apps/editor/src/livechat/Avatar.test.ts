import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Avatar, initials } from "./Avatar";

describe("a contact's avatar", () => {
  it("is their picture when Meta gave one, else the initials of their name", () => {
    expect(
      renderToStaticMarkup(
        createElement(Avatar, { name: "Ann Lee", id: "p1", picture: "https://cdn.test/a.jpg" }),
      ),
    ).toContain('<img class="avatar" src="https://cdn.test/a.jpg" alt=""/>');
    expect(
      renderToStaticMarkup(createElement(Avatar, { name: "Ann Lee", id: "p1", picture: null })),
    ).toBe('<span class="avatar" aria-hidden="true">AL</span>');
  });

  it("takes the first and last words, and no letters of an id", () => {
    expect(initials("Ann Marie Lee", "p1")).toBe("AL");
    expect(initials("zoé", "p1")).toBe("Z");
    expect(initials("Élodie  dupont", "p1")).toBe("ÉD");
    expect(initials("2459871234", "2459871234")).toBe("");
  });
});
