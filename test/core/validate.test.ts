import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isMetricsError, parseWithSchema } from "../../src/core/index.js";

const Schema = z.object({
  items: z.array(z.object({ score: z.number().int().min(0).max(10) })),
  method: z.enum(["a", "b"]).optional(),
});

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("parseWithSchema", () => {
  it("returns parsed data", () => {
    expect(parseWithSchema(Schema, { items: [{ score: 9 }] }, "f")).toEqual({ items: [{ score: 9 }] });
  });
  it("maps zod issues to MetricsError with path, issues and cause", () => {
    const e = caught(() => parseWithSchema(Schema, { items: [{ score: 9 }, { score: 11 }] }, "f"));
    expect(isMetricsError(e)).toBe(true);
    const err = e as { code: string; path: unknown[]; issues: unknown[]; cause: unknown; message: string };
    expect(err.code).toBe("out_of_range");
    expect(err.path).toEqual(["items", 1, "score"]);
    expect(err.issues).toHaveLength(1);
    expect(err.cause).toBeInstanceOf(z.ZodError);
    expect(err.message).toMatch(/^f: items\[1\]\.score is invalid/);
  });
  it("maps types and enums", () => {
    expect((caught(() => parseWithSchema(Schema, { items: [{ score: "9" }] }, "f")) as { code: string }).code).toBe(
      "invalid_type",
    );
    expect((caught(() => parseWithSchema(Schema, { items: [], method: "c" }, "f")) as { code: string }).code).toBe(
      "invalid_option",
    );
    const many = caught(() => parseWithSchema(Schema, { items: [{ score: 11 }, { score: -1 }] }, "f")) as { message: string };
    expect(many.message).toContain("and 1 more issue");
  });
});
