import { describe, expect, it } from "vitest";
import { refuseSourceProblems } from "../../server/check/export-gate.ts";
import { AppError } from "../../server/errors.ts";
import type { CheckResult } from "../../server/schema/check.ts";

const coverage = { brief: { factual: 0, cited: 0, ratio: 1 }, sections: [] };
const withProblems: CheckResult = {
  problems: [
    { kind: "altered", path: [3] },
    { kind: "altered", path: [5] },
    { kind: "wrong_speaker", path: [5] },
  ],
  coverage,
};

describe("the export gate", () => {
  it("refuses a brief with source problems with a 409 that counts them by kind", () => {
    let error: unknown;
    try {
      refuseSourceProblems(withProblems, false);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(409);
    expect((error as AppError).id).toBe("source_problems");
    expect((error as AppError).message).toContain("2 altered quotation(s), 1 wrong speaker(s)");
  });

  it("lets the brief through when told to proceed, or when there is nothing to refuse", () => {
    expect(() => refuseSourceProblems(withProblems, true)).not.toThrow();
    expect(() => refuseSourceProblems({ problems: [], coverage }, false)).not.toThrow();
  });
});
