/**
 * Extracts runnable code from doc comments (`@example` fenced ts blocks in
 * src/) and from guides (```ts blocks in docs/ and README.md), and turns
 * `expr; // => value` lines into assertions. Used by test/docs/examples.test.ts.
 *
 * Conventions for example authors:
 * - `expr; // => value` asserts `expr` equals `value` (deep equality; numbers
 *   to the decimals written, integers exactly; Decimal results compare by string).
 * - `expr; // throws code` asserts `expr` throws a MetricsError with that code.
 * - A block whose first line is `// no-run` is not executed (use sparingly:
 *   only for snippets that need a network or a database the tests do not have).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export interface ExtractedExample {
  /** File the example comes from, relative to the repo root. */
  readonly file: string;
  /** 1-based line of the block's first code line. */
  readonly line: number;
  /** The code as written. */
  readonly code: string;
}

function walk(dir: string, ext: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "api" || name === "site" || name.startsWith(".")) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, ext, out);
    else if (p.endsWith(ext)) out.push(p);
  }
  return out;
}

/** Examples from `@example` blocks in TSDoc comments under `srcDir`. */
export function extractSourceExamples(root: string, srcDir = "src"): ExtractedExample[] {
  const out: ExtractedExample[] = [];
  for (const file of walk(join(root, srcDir), ".ts", []).sort()) {
    const lines = readFileSync(file, "utf8").split("\n");
    let inExample = false;
    let block: string[] | null = null;
    let start = 0;
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i] ?? "";
      const m = /^\s*\*\s?(.*)$/.exec(raw);
      if (!m) {
        inExample = false;
        continue;
      }
      const text = m[1] ?? "";
      if (/^@example\b/.test(text)) {
        inExample = true;
        continue;
      }
      if (block === null && /^@\w+/.test(text)) inExample = false;
      if (inExample && block === null && /^```(ts|typescript)\s*$/.test(text)) {
        block = [];
        start = i + 2;
        continue;
      }
      if (block !== null) {
        if (/^```\s*$/.test(text)) {
          out.push({ file: relative(root, file), line: start, code: block.join("\n") });
          block = null;
        } else block.push(text);
      }
    }
  }
  return out;
}

/** Examples from ```ts fenced blocks in Markdown guides. */
export function extractMarkdownExamples(root: string, files: readonly string[]): ExtractedExample[] {
  const out: ExtractedExample[] = [];
  for (const file of files) {
    const lines = readFileSync(join(root, file), "utf8").split("\n");
    let block: string[] | null = null;
    let start = 0;
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i] ?? "";
      if (block === null && /^```(ts|typescript)\s*$/.test(text)) {
        block = [];
        start = i + 2;
      } else if (block !== null && /^```\s*$/.test(text)) {
        out.push({ file, line: start, code: block.join("\n") });
        block = null;
      } else if (block !== null) block.push(text);
    }
  }
  return out;
}

/** Markdown guides whose code blocks are executed: docs/**.md and README.md. */
export function guideFiles(root: string): string[] {
  const docs = walk(join(root, "docs"), ".md", []).map((f) => relative(root, f));
  return ["README.md", ...docs.sort()];
}

/**
 * Turns an example into a module: rewrites `// => value` and `// throws code`
 * lines into calls of the assertion helpers and imports those helpers.
 */
export function toTestModule(ex: ExtractedExample, helperImport: string): string | null {
  const lines = ex.code.split("\n");
  if (/^\s*\/\/\s*no-run\b/.test(lines[0] ?? "")) return null;
  const body = lines.map((line, k) => {
    const where = JSON.stringify(`${ex.file}:${ex.line + k}`);
    const arrow = /^(\s*)(.+?);?\s*\/\/\s*=>\s*(.+?)\s*$/.exec(line);
    if (arrow && !/^\s*(const|let|var|import|export)\b/.test(arrow[2] ?? "")) {
      return `${arrow[1]}__expectDoc(${arrow[2]}, (${arrow[3]}), ${where}, ${JSON.stringify(arrow[3])});`;
    }
    const throws = /^(\s*)(.+?);?\s*\/\/\s*throws\s+([a-z_]+)\s*$/.exec(line);
    if (throws) return `${throws[1]}__expectDocThrows(() => ${throws[2]}, ${JSON.stringify(throws[3])}, ${where});`;
    return line;
  });
  return `import { __expectDoc, __expectDocThrows } from ${JSON.stringify(helperImport)};\n${body.join("\n")}\nexport {};\n`;
}
