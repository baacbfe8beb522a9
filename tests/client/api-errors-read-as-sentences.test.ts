import { describe, expect, it } from "vitest";
import { ApiError, errorFromResponse, readableError } from "../../client/api/errors.ts";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("API errors shown to people", () => {
  it("carry the server's message and id", async () => {
    const err = await errorFromResponse(
      json(400, { error: { id: "invalid_json", message: "title: a brief needs a title" } }),
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 400,
      id: "invalid_json",
      message: "title: a brief needs a title",
    });
    expect(readableError(err)).toBe("title: a brief needs a title");
  });

  it("fall back to a plain sentence when the body is not the error shape", async () => {
    expect(
      (await errorFromResponse(new Response("<html>Bad gateway</html>", { status: 502 }))).message,
    ).toMatch(/server ran into a problem/);
    expect((await errorFromResponse(json(404, {}))).message).toBe("That no longer exists.");
    expect((await errorFromResponse(json(418, null))).message).toBe("The request failed (418).");
  });

  it("turn a failed fetch into advice about the connection", () => {
    expect(readableError(new TypeError("Failed to fetch"))).toMatch(
      /Can't reach the Briefroom server/,
    );
    expect(readableError("???")).toBe("Something went wrong.");
  });
});
