import { describe, expect, it } from "vitest";
import { databaseInputProblem, isDatabaseUnavailable } from "./errors";

// The shapes below are what the app actually received (server logs of the hardening
// outage test and the fuzzer): each must become a 503 or a 422, never a 500.
describe("database errors", () => {
  it("a lost or refused connection is 'unavailable' (503), however the driver words it", () => {
    const rawQueryLost = Object.assign(
      new Error(
        "\nInvalid `prisma.$queryRaw()` invocation:\n\n\n" +
          "Raw query failed. Code: `N/A`. Message: `Server has closed the connection.`",
      ),
      { name: "PrismaClientKnownRequestError", code: "P2010" },
    );
    expect(isDatabaseUnavailable(rawQueryLost)).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("terminating connection due to administrator command"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(
      true,
    );
    expect(
      isDatabaseUnavailable(new Error("wrapper", { cause: new Error("Connection terminated unexpectedly") })),
    ).toBe(true);
  });

  it("a bug is not 'unavailable', and bad text is an input problem (422)", () => {
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(
      databaseInputProblem(
        Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" }),
      ),
    ).toMatch(/NUL/);
    expect(databaseInputProblem(new TypeError("x is undefined"))).toBeNull();
  });
});
