import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS as SERVER_IMPORT_COLUMNS } from '../../../../src/modules/directory/contract.js';
import { IMPORT_COLUMNS, importProblems, passwordsCsv } from './import-file.js';
import { buildTree, descendantCodes, flattenTree } from './org-tree.js';
import { emptyPerson, toCreateBody, toUpdateBody } from './person-values.js';

describe('web: organisation tree', () => {
  const units = [
    { code: 'inasti', parent: null, name: 'INASTI' },
    { code: 'dir-b', parent: 'inasti', name: 'B direction' },
    { code: 'dir-a', parent: 'inasti', name: 'A direction' },
    { code: 'team', parent: 'dir-a', name: 'Team' },
    { code: 'orphan', parent: 'gone', name: 'Orphan' },
    { code: 'loop-1', parent: 'loop-2', name: 'Loop 1' },
    { code: 'loop-2', parent: 'loop-1', name: 'Loop 2' },
  ];

  it('nests units under their parent, sorted by name, and never hides one', () => {
    const flat = flattenTree(buildTree(units, (u) => u.name)).map(
      ({ unit, depth }) => `${depth}:${unit.code}`,
    );
    expect(flat.slice(0, 5)).toEqual(['0:inasti', '1:dir-a', '2:team', '1:dir-b', '0:orphan']);
    expect(flat).toHaveLength(units.length);
  });

  it('lists a unit and everything below it (none can become its parent)', () => {
    expect([...descendantCodes(units, 'dir-a')].sort()).toEqual(['dir-a', 'team']);
  });
});

describe('web: person form bodies', () => {
  it('leaves empty optional fields out of a new person and trims the text', () => {
    const body = toCreateBody({
      ...emptyPerson('fr'),
      username: ' Vol.Dupont ',
      name: ' Luc Dupont ',
      email: 'luc@example.org',
      roles: ['agent'],
    });
    expect(body).toEqual({
      username: 'vol.dupont',
      name: 'Luc Dupont',
      email: 'luc@example.org',
      language: 'fr',
      roles: ['agent'],
      orgUnit: null,
      partner: null,
    });
  });

  it('sends only what changed on an edit, clearing a field as null, and a password only when typed', () => {
    const initial = {
      ...emptyPerson('nl'),
      username: 'x',
      name: 'X',
      email: 'x@example.org',
      phone: '02 123 45 67',
      roles: ['agent', 'employee'],
    };
    expect(toUpdateBody(initial, { ...initial, roles: ['employee', 'agent'] })).toEqual({});
    expect(
      toUpdateBody(initial, { ...initial, phone: '', roles: ['employee'], password: 'a-new-password' }),
    ).toEqual({
      phone: null,
      roles: ['employee'],
      password: 'a-new-password',
    });
  });
});

describe('web: people import', () => {
  it('expects the very columns the server reads', () => {
    expect([...IMPORT_COLUMNS]).toEqual([...SERVER_IMPORT_COLUMNS]);
  });

  it('reads line numbers and file columns out of field errors, sorted by line', () => {
    const problems = importProblems(
      [
        { field: 'line.7.orgUnit', code: 'directory.unknown_org_unit', message: 'Unknown unit' },
        { field: 'line.3.roles.0', code: 'validation.enum', message: 'Bad role' },
        { field: 'file', code: 'validation.maxItems', message: 'Too many rows' },
      ],
      (e) => e.message,
    );
    expect(problems).toEqual([
      { line: null, column: 'file', message: 'Too many rows' },
      { line: 3, column: 'roles', message: 'Bad role' },
      { line: 7, column: 'org_unit', message: 'Unknown unit' },
    ]);
  });

  it('writes the generated passwords as CSV, quoting what needs it', () => {
    expect(passwordsCsv([{ username: 'a.b', password: 'x"y,z' }])).toBe(
      'username,password\r\na.b,"x""y,z"\r\n',
    );
  });

  it('writes the passwords file through the spreadsheet guard', () => {
    expect(
      passwordsCsv([
        { username: 'a.b', password: ' -2+3' },
        { username: 'c.d', password: '\uFF0B1' },
      ]),
    ).toBe("username,password\r\na.b,' -2+3\r\nc.d,'\uFF0B1\r\n");
  });
});
