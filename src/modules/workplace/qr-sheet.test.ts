import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { readPdfText } from '../../test-support/pdf-text.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { loadTestBuilding, makeBooker } from '../../test-support/workplace.js';

// The QR sheet of a prefixed copy of the demo building's 3rd floor (120 desks, one retired here),
// read back as a reader and a phone would: the text printed, and the address each code carries.

const PUBLIC_URL = 'https://relais.example.be';
const FLOOR = 'qr-botanique-03';
const URL = `/api/v1/workplace/floors/${FLOOR}/qr-sheet.pdf`;
const desk = (zone: string, n: number) => `${FLOOR}-${zone}-${String(n).padStart(3, '0')}`;

describe.each(DIALECTS)('%s: QR sheet of a floor', (dialect) => {
  let t: TestApp;
  let facility: Awaited<ReturnType<typeof makeBooker>>;

  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { RELAIS_PUBLIC_URL: PUBLIC_URL } });
    await loadTestBuilding(t.app, 'qr');
    facility = await makeBooker(t.app, ['facility', 'employee']);
    // A desk taken out of the plan gets no label any more.
    await t.app.db
      .updateTable('workplace_desk')
      .set({ is_retired: 1 })
      .where('id', '=', desk('C', 40))
      .execute();
  });
  afterAll(() => t.close());

  it('prints every desk still in the plan, twelve a page, with its zone and the instruction in French and Dutch', async () => {
    const response = await t.app.inject({ method: 'GET', url: URL, headers: facility.headers });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = readPdfText(pdf);
    // 119 desks: ten pages, the last with eleven labels.
    expect(text.pageCount).toBe(10);
    const onPage = (page: number) => text.fragments.filter((f) => f.page === page).map((f) => f.text);
    expect(onPage(1)).toContain('Centre administratif Botanique – 3e étage / 3de verdieping');
    expect(onPage(1)).toContain('1 / 10');
    const printedIds = text.fragments.map((f) => f.text).filter((s) => s.startsWith(`${FLOOR}-`));
    expect(printedIds).toHaveLength(119);
    expect(printedIds).toContain(desk('A', 1));
    expect(printedIds).not.toContain(desk('C', 40));
    expect(onPage(1).filter((s) => s.startsWith(`${FLOOR}-`))).toHaveLength(12);
    expect(onPage(10).filter((s) => s.startsWith(`${FLOOR}-`))).toHaveLength(11);
    expect(onPage(1).filter((s) => s === 'Aile A / Vleugel A')).toHaveLength(12);
    expect(onPage(1).filter((s) => s === 'Scannez pour vous enregistrer')).toHaveLength(12);
    expect(onPage(1).filter((s) => s === 'Scan om in te checken')).toHaveLength(12);
  });

  it("encodes in each QR code the desk's check-in page on the app's public address", async () => {
    const create = vi.spyOn(QRCode, 'create');
    try {
      const response = await t.app.inject({ method: 'GET', url: URL, headers: facility.headers });
      expect(response.statusCode).toBe(200);
      const encoded = create.mock.calls.map(([text]) => text);
      expect(encoded).toHaveLength(119);
      expect(encoded[0]).toBe(`${PUBLIC_URL}/workplace/check-in/${desk('A', 1)}`);
      expect(
        encoded.every(
          (text) => typeof text === 'string' && text.startsWith(`${PUBLIC_URL}/workplace/check-in/${FLOOR}-`),
        ),
      ).toBe(true);
      // On a screen the code is a link to the same page.
      const links = [...response.rawPayload.toString('latin1').matchAll(/\/URI \(([^)]*)\)/g)].map(
        (m) => m[1],
      );
      expect(links).toEqual(encoded);
    } finally {
      create.mockRestore();
    }
  });

  it('answers 404 in the reader’s language for a floor that does not exist', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/workplace/floors/nowhere-99/qr-sheet.pdf',
      headers: { ...facility.headers, 'accept-language': 'nl' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'workplace.floor_not_found', floor: 'nowhere-99' });
    expect(response.json().title).toContain('nowhere-99');
  });

  it('is for facility managers only', async () => {
    const employee = await makeBooker(t.app);
    const response = await t.app.inject({ method: 'GET', url: URL, headers: employee.headers });
    expect(response.statusCode).toBe(403);
  });
});
