import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { invertSymmetric } from "../../src/math/index.js";
import { expectClose } from "../helpers/expectClose.js";

describe("invertSymmetric", () => {
  it("inverts a 2×2 matrix (hand computed: [[4,2],[2,3]]⁻¹ = [[3,−2],[−2,4]]/8)", () => {
    const inv = invertSymmetric([
      [4, 2],
      [2, 3],
    ]);
    const expected = [
      [0.375, -0.25],
      [-0.25, 0.5],
    ];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expectClose(inv![i]![j]!, expected[i]![j]!, { rel: 1e-15 });
  });

  it("inverts the classic Cholesky example (L = [[2,0,0],[6,1,0],[−8,5,3]])", () => {
    // A = LLᵀ; exact inverse by Gauss–Jordan elimination in rational arithmetic (python3 fractions):
    // A⁻¹ = [[1777/36, −122/9, 19/9], [−122/9, 34/9, −5/9], [19/9, −5/9, 1/9]]
    const A = [
      [4, 12, -16],
      [12, 37, -43],
      [-16, -43, 98],
    ];
    const expected = [
      [1777 / 36, -122 / 9, 19 / 9],
      [-122 / 9, 34 / 9, -5 / 9],
      [19 / 9, -5 / 9, 1 / 9],
    ];
    const inv = invertSymmetric(A)!;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expectClose(inv[i]![j]!, expected[i]![j]!, { rel: 1e-12, abs: 1e-13 });
    expect(inv[0]![2]).toBe(inv[2]![0]);
  });

  it("returns null when the matrix is not positive definite, not square or not finite", () => {
    expect(
      invertSymmetric([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull(); // eigenvalues 3, −1
    expect(
      invertSymmetric([
        [1, 1],
        [1, 1],
      ]),
    ).toBeNull(); // singular
    expect(
      invertSymmetric([
        [1, 0, 0],
        [0, 1],
      ] as unknown as number[][]),
    ).toBeNull();
    expect(invertSymmetric([[Number.NaN]])).toBeNull();
    expect(invertSymmetric([[-1]])).toBeNull();
    expect(invertSymmetric([])).toEqual([]);
  });

  it("does not mutate its input", () => {
    const m = [
      [2, 1],
      [1, 2],
    ];
    invertSymmetric(m);
    expect(m).toEqual([
      [2, 1],
      [1, 2],
    ]);
  });

  it("A·A⁻¹ = I for random SPD matrices (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 16, maxLength: 16 }), (v) => {
        // A = BBᵀ + I (4×4) is symmetric positive definite.
        const n = 4;
        const A = Array.from({ length: n }, (_, i) =>
          Array.from({ length: n }, (_, j) => {
            let s = i === j ? 1 : 0;
            for (let k = 0; k < n; k++) s += (v[i * n + k] as number) * (v[j * n + k] as number);
            return s;
          }),
        );
        const inv = invertSymmetric(A);
        if (inv === null) return false;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            let s = 0;
            for (let k = 0; k < n; k++) s += A[i]![k]! * inv[k]![j]!;
            if (Math.abs(s - (i === j ? 1 : 0)) > 1e-9) return false;
          }
        }
        return true;
      }),
    );
  });
});
