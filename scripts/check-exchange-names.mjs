// CI check: an exchange is known in one place. Fails when an exchange's name appears as an identifier or
// in a string (comments do not count) in src/, entrypoints/ or tools/ outside src/sites/, where the registry
// (src/sites/index.ts) and each exchange's folder live. Everything else must ask the registry.
// Names are read from the registry itself, so a new exchange is checked without editing this file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { tsImport } from 'tsx/esm/api';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { SITES } = await tsImport('../src/sites/index.ts', import.meta.url);

/**
 * Files allowed to name an exchange, each for a reason:
 * - tools/backtest/engine-adapter.ts, tools/backtest/load.ts: the Node-only backtest replays a CSV of one
 *   exchange's open interest, so it names that exchange's risk tier.
 */
const ALLOWED = new Set(['tools/backtest/engine-adapter.ts', 'tools/backtest/load.ts']);

const names = [...new Set(SITES.flatMap((s) => [s.id, s.name]))].map((n) => n.toLowerCase());
const pattern = new RegExp(names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');

function* files(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(e.name)) yield p;
  }
}

const NAMED = new Set([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.PrivateIdentifier,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.JsxText,
  ts.SyntaxKind.RegularExpressionLiteral,
]);
const REGEX_AFTER = new Set([ts.SyntaxKind.OpenParenToken, ts.SyntaxKind.CommaToken, ts.SyntaxKind.EqualsToken, ts.SyntaxKind.ColonToken, ts.SyntaxKind.OpenBracketToken, ts.SyntaxKind.ExclamationToken, ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionToken, ts.SyntaxKind.OpenBraceToken, ts.SyntaxKind.SemicolonToken, ts.SyntaxKind.ReturnKeyword, ts.SyntaxKind.EqualsGreaterThanToken]);

/** Identifier, string, template and regex tokens of a file with their offsets; comments are skipped. */
function* tokens(text, file) {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, text);
  const braces = []; // 'template' for a `${` still open, 'block' for any other `{`
  let prev = ts.SyntaxKind.Unknown;
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; prev = k, k = scanner.scan()) {
    if (k === ts.SyntaxKind.OpenBraceToken) braces.push('block');
    else if (k === ts.SyntaxKind.TemplateHead) braces.push('template');
    else if (k === ts.SyntaxKind.CloseBraceToken) {
      if (braces.pop() === 'template') {
        k = scanner.reScanTemplateToken(false);
        if (k === ts.SyntaxKind.TemplateMiddle) braces.push('template');
      }
    } else if ((k === ts.SyntaxKind.SlashToken || k === ts.SyntaxKind.SlashEqualsToken) && REGEX_AFTER.has(prev)) k = scanner.reScanSlashToken();
    if (NAMED.has(k)) yield { text: scanner.getTokenText(), pos: scanner.getTokenStart() };
  }
}

const problems = [];
for (const top of ['src', 'entrypoints', 'tools']) {
  for (const abs of files(path.join(ROOT, top))) {
    const rel = path.relative(ROOT, abs).split(path.sep).join('/');
    if (rel.startsWith('src/sites/') || ALLOWED.has(rel)) continue;
    const text = fs.readFileSync(abs, 'utf8');
    for (const t of tokens(text, abs)) {
      const m = pattern.exec(t.text);
      if (m) problems.push(`${rel}:${text.slice(0, t.pos).split('\n').length}: "${m[0]}" in ${t.text.length > 60 ? `${t.text.slice(0, 57)}…` : t.text}`);
    }
  }
}

if (problems.length) {
  console.error(`Exchange names outside src/sites (ask the registry in src/sites/index.ts instead):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`exchange names: none outside src/sites (${names.length} names checked, ${ALLOWED.size} allowed files)`);
