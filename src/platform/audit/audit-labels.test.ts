import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, resources } from '../i18n/i18n.js';

// The audit page names each action, object and detail in words (issue 12, point 6): every action,
// object type and summary field the source writes has a label in French, Dutch and English. The
// source is read as TypeScript, so a new `writeAudit(…, { action: 'x.y', summary: { z } })` without
// its words fails here rather than showing `x.y` to an admin.

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// moveInquiry(…) writes `inquiries.moved_to_<status>` unless given another action.
const INQUIRY_STATUSES = [
  'new',
  'answered',
  'escalated',
  'in_research',
  'waiting_partner',
  'callback_pending',
  'closed',
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sourceFiles(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

const propertyNamed = (object: ts.ObjectLiteralExpression, name: string) =>
  object.properties.find(
    (p): p is ts.PropertyAssignment =>
      ts.isPropertyAssignment(p) && p.name.getText().replace(/['"]/g, '') === name,
  );

/** Every audit event literal in src/: `{ action: '…', objectType: '…', summary: { … } }`. */
function auditEvents() {
  const events: { action: string; objectType?: string; keys: string[]; file: string }[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('writeAudit') && !text.includes('moveInquiry(')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const action = propertyNamed(node, 'action');
        const objectType = propertyNamed(node, 'objectType');
        if (action && ts.isStringLiteral(action.initializer) && objectType) {
          const summary = propertyNamed(node, 'summary')?.initializer;
          const keys =
            summary && ts.isObjectLiteralExpression(summary)
              ? summary.properties.flatMap((p) => {
                  if (p.name) return [p.name.getText().replace(/['"]/g, '')];
                  // `...(cond && { key: … })`: the keys of the spread object literal.
                  const spread = ts.isSpreadAssignment(p) ? p.expression : undefined;
                  const found: string[] = [];
                  const collect = (n: ts.Node) => {
                    if (ts.isObjectLiteralExpression(n))
                      for (const q of n.properties)
                        if (q.name) found.push(q.name.getText());
                        else ts.forEachChild(n, collect);
                  };
                  if (spread) collect(spread);
                  return found;
                })
              : [];
          events.push({
            action: action.initializer.text,
            ...(ts.isStringLiteral(objectType.initializer) && { objectType: objectType.initializer.text }),
            keys,
            file: path.relative(SRC, file),
          });
        }
      }
      // moveInquiry(trx, actor, row, status, patch, 'inquiries.something')
      if (ts.isCallExpression(node) && node.expression.getText() === 'moveInquiry') {
        const last = node.arguments[5];
        if (last && ts.isStringLiteral(last))
          events.push({ action: last.text, objectType: 'inquiry', keys: ['ref', 'from', 'to'], file });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  for (const status of INQUIRY_STATUSES)
    events.push({
      action: `inquiries.moved_to_${status}`,
      objectType: 'inquiry',
      keys: ['ref', 'from', 'to'],
      file: 'status-change.ts',
    });
  return events;
}

type Messages = { [key: string]: string | Messages };
const audit = (language: (typeof LANGUAGES)[number]) =>
  ((resources[language].translation as Messages).web as Messages).audit as Record<
    string,
    Record<string, string>
  >;

describe('audit labels', () => {
  const events = auditEvents();

  it('finds the audit events the source writes', () => {
    expect(events.length).toBeGreaterThan(50);
    expect(events.map((e) => e.action)).toContain('knowledge.changes_acknowledged');
  });

  it('name every audited action in words, in French, Dutch and English', () => {
    const missing = LANGUAGES.flatMap((language) =>
      [...new Set(events.map((e) => e.action))]
        .filter((action) => !audit(language).actions?.[action.replaceAll('.', '_')])
        .map((action) => `${language}: ${action}`),
    );
    expect(missing).toEqual([]);
  });

  it('name every object type and every detail field in words, in each language', () => {
    const types = new Set(events.flatMap((e) => (e.objectType ? [e.objectType] : [])));
    const keys = new Set(events.flatMap((e) => e.keys));
    const missing = LANGUAGES.flatMap((language) => [
      ...[...types]
        .filter((type) => !audit(language).object_types?.[type])
        .map((t) => `${language}: type ${t}`),
      ...[...keys]
        .filter((key) => !audit(language).summary_keys?.[key])
        .map((k) => `${language}: field ${k}`),
    ]);
    expect(missing).toEqual([]);
  });
});
