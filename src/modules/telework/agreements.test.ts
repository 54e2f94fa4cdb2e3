import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { pageText, readPdfText } from '../../test-support/pdf-text.js';
import {
  apiSender,
  createTestApp,
  login,
  makePerson,
  type Session,
  type TestApp,
} from '../../test-support/test-app.js';

// The life of a telework agreement through the API, as the employee, their manager and HR use it.

const URL = '/api/v1/telework';
const clauses = {
  place: 'Kerkstraat 12, 9000 Gent',
  reachableFrom: '09:00',
  reachableTo: '16:00',
  equipment: 'Laptop, headset, second screen',
  costs: 'Connection allowance of 20 euros a month',
  followUp: 'Weekly team meeting on Tuesday',
  ending: 'Either party may end it with one month notice',
};
const inAYear = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const structural = {
  regime: 'structural',
  daysPerWeek: 2,
  weekdays: [
    { day: 'mon', part: 'day' },
    { day: 'thu', part: 'day' },
  ],
  startDate: inAYear(30),
  endDate: inAYear(395),
  clauses,
};

describe.each(DIALECTS)('%s: telework agreements', (dialect) => {
  let t: TestApp;
  let send: ReturnType<typeof apiSender>;
  let hr: Session;
  let boss: Session;
  let emma: Session;
  let emmaId: string;
  let stranger: Session;
  let otherBoss: Session;
  let emmaEmail: string;
  const mailsTo = async (to: string) =>
    (
      await t.app.db
        .selectFrom('platform_mail_outbox' as never)
        .select(['subject' as never])
        .where('to_address' as never, '=', to as never)
        .where('source' as never, '=', 'telework' as never)
        .orderBy('created_at' as never)
        .execute()
    ).map((row) => (row as { subject: string }).subject);
  const count = async () =>
    Number(
      (
        (await t.app.db
          .selectFrom('telework_agreement' as never)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()) as { n: unknown }
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(dialect);
    send = apiSender(t.app);
    const hrPerson = await makePerson(t.app, { roles: ['hr'] });
    const bossPerson = await makePerson(t.app, { roles: ['manager'], username: `boss-${dialect}` });
    const emmaPerson = await makePerson(t.app, {
      roles: ['employee'],
      manager: bossPerson.username,
      language: 'nl',
    });
    const strangerPerson = await makePerson(t.app, { roles: ['employee'] });
    const otherBossPerson = await makePerson(t.app, { roles: ['manager'] });
    emmaId = emmaPerson.id;
    emmaEmail = `${emmaPerson.username}@example.org`;
    hr = await login(t.app, hrPerson.username);
    boss = await login(t.app, bossPerson.username);
    emma = await login(t.app, emmaPerson.username);
    stranger = await login(t.app, strangerPerson.username);
    otherBoss = await login(t.app, otherBossPerson.username);
  });
  afterAll(() => t.close());

  it('asks HR for a profile before anyone may ask', async () => {
    const eligibility = await send(emma, 'GET', `${URL}/eligibility`);
    expect(eligibility.json()).toMatchObject({ eligible: false, reason: 'telework.no_profile' });
    const refused = await send(emma, 'POST', `${URL}/agreements`, structural);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'regime', code: 'telework.no_profile' });
    expect(refused.json().errors[0].message).toMatch(/HR heeft uw functie/);
  });

  it('lets HR record functions and profiles, from which the caps follow', async () => {
    const fn = (code: string, teleworkable: boolean) =>
      send(hr, 'PUT', `${URL}/functions/${code}`, {
        code,
        name: { fr: `F ${code}`, nl: `N ${code}` },
        teleworkable,
      });
    expect((await fn('dossierbeheerder', true)).statusCode).toBe(200);
    expect((await fn('onthaal', false)).statusCode).toBe(200);
    const unknown = await send(hr, 'PUT', `${URL}/profiles/${emmaId}`, {
      functionCode: 'nope',
      occupationPct: 80,
    });
    expect(unknown.json().errors[0]).toMatchObject({
      field: 'functionCode',
      code: 'telework.function_not_found',
    });
    const saved = await send(hr, 'PUT', `${URL}/profiles/${emmaId}`, {
      functionCode: 'dossierbeheerder',
      occupationPct: 80,
    });
    expect(saved.statusCode).toBe(200);
    expect(
      (await send(emma, 'PUT', `${URL}/profiles/${emmaId}`, { functionCode: 'onthaal', occupationPct: 80 }))
        .statusCode,
    ).toBe(403);
    const eligibility = (await send(emma, 'GET', `${URL}/eligibility`)).json();
    expect(eligibility).toMatchObject({
      eligible: true,
      occupationPct: 80,
      weeklyCapDays: 2,
      monthlyCapDays: 9.5,
    });
  });

  it('refuses a request above the prorated cap, in the employee’s language, writing nothing', async () => {
    const tooMany = await send(emma, 'POST', `${URL}/agreements`, {
      ...structural,
      daysPerWeek: 2.5,
      weekdays: [...structural.weekdays, { day: 'wed', part: 'am' }],
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors).toEqual([
      expect.objectContaining({ field: 'daysPerWeek', code: 'telework.agreement.above_weekly_cap' }),
    ]);
    expect(tooMany.json().errors[0].message).toContain('plafond van 2');
    const mismatch = await send(emma, 'POST', `${URL}/agreements`, { ...structural, daysPerWeek: 1.5 });
    expect(mismatch.json().errors[0]).toMatchObject({
      field: 'weekdays',
      code: 'telework.agreement.weekdays_mismatch',
    });
    const backwards = await send(emma, 'POST', `${URL}/agreements`, { ...structural, endDate: inAYear(10) });
    expect(backwards.json().errors[0]).toMatchObject({
      field: 'endDate',
      code: 'telework.agreement.end_before_start',
    });
    expect(await count()).toBe(0);
  });

  let id: string;
  it('files a request to the manager, and refuses a second one over the same period', async () => {
    const created = await send(emma, 'POST', `${URL}/agreements`, structural);
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    expect(created.json()).toMatchObject({
      status: 'requested',
      written: true,
      personLanguage: 'nl',
      managerName: expect.stringContaining('boss'),
      actions: ['withdraw'],
      history: [expect.objectContaining({ kind: 'requested' })],
    });
    const overlap = await send(emma, 'POST', `${URL}/agreements`, {
      ...structural,
      startDate: inAYear(60),
      endDate: undefined,
    });
    expect(overlap.json().errors[0]).toMatchObject({
      field: 'startDate',
      code: 'telework.agreement.overlaps',
    });
    expect(await count()).toBe(1);
    expect(await mailsTo(`boss-${dialect}@example.org`)).toEqual([
      expect.stringMatching(new RegExp(`^Telework request ${id} from Test .+ to decide$`)),
    ]);
  });

  it('shows the manager what waits for them, and nobody else', async () => {
    const team = (await send(boss, 'GET', `${URL}/agreements?scope=team`)).json();
    expect(team.items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await send(boss, 'GET', `${URL}/agreements/${id}`)).json().actions).toEqual([
      'approve',
      'refuse',
    ]);
    expect((await send(otherBoss, 'GET', `${URL}/agreements?scope=team`)).json().items).toEqual([]);
    expect((await send(stranger, 'GET', `${URL}/agreements/${id}`)).statusCode).toBe(404);
    expect((await send(stranger, 'GET', `${URL}/agreements?scope=all`)).statusCode).toBe(403);
    expect(
      (await send(otherBoss, 'POST', `${URL}/agreements/${id}/decision`, { decision: 'approve' })).statusCode,
    ).toBe(404);
    const reads = await t.app.db
      .selectFrom('audit_log' as never)
      .select(['action' as never, 'actor_id' as never])
      .where('object_id' as never, '=', id as never)
      .execute();
    expect(reads).toContainEqual(expect.objectContaining({ action: 'telework.agreement_read' }));
  });

  it('is approved by the manager, then signed once by each party, freezing the signed text', async () => {
    const approved = await send(boss, 'POST', `${URL}/agreements/${id}/decision`, { decision: 'approve' });
    expect(approved.json()).toMatchObject({ status: 'awaiting_signatures', actions: ['sign'] });
    expect(
      (await send(boss, 'POST', `${URL}/agreements/${id}/decision`, { decision: 'approve' })).statusCode,
    ).toBe(403);

    const employer = await send(boss, 'POST', `${URL}/agreements/${id}/signature`);
    expect(employer.json()).toMatchObject({
      status: 'awaiting_signatures',
      employerSignature: expect.any(Object),
    });
    const twice = await send(boss, 'POST', `${URL}/agreements/${id}/signature`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('telework.agreement.already_signed');
    expect((await send(stranger, 'POST', `${URL}/agreements/${id}/signature`)).statusCode).toBe(404);

    const signed = (await send(emma, 'POST', `${URL}/agreements/${id}/signature`)).json();
    expect(signed.status).toBe('approved');
    expect(signed.signedDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(signed.employeeSignature.personId).toBe(emmaId);
    expect(signed.history.map((e: { kind: string }) => e.kind)).toEqual([
      'requested',
      'approved_by_manager',
      'signed_by_employer',
      'signed_by_employee',
    ]);
    expect(signed.actions).toEqual(['end']);
    // Emma reads Dutch: told it is hers to sign; her own signature, which approves it, she saw happen.
    expect(await mailsTo(emmaEmail)).toEqual([`Telewerkovereenkomst ${id} te ondertekenen`]);
  });

  it('prints the signed agreement in Dutch then French, with both signatures and the fingerprint', async () => {
    const response = await send(emma, 'GET', `${URL}/agreements/${id}/pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = readPdfText(response.rawPayload);
    const text = Array.from({ length: pdf.pageCount }, (_, i) => pageText(pdf, i + 1)).join(' ');
    const dutch = text.indexOf('Overeenkomst structureel telewerk');
    const french = text.indexOf('Convention de télétravail structurel');
    expect(dutch).toBeGreaterThanOrEqual(0);
    expect(french).toBeGreaterThan(dutch);
    expect(text).toContain('2 dagen per week: maandag, donderdag.');
    expect(text).toContain('2 jours par semaine : lundi, jeudi.');
    expect(text).toContain('Kerkstraat 12, 9000 Gent');
    expect(text).toMatch(/Ondertekend in Relais door Test boss-\w+ op/);
    expect(text).toContain(
      `Empreinte SHA-256 du texte signé : ${(await send(emma, 'GET', `${URL}/agreements/${id}`)).json().signedDigest}`,
    );
    expect(text).not.toContain('Ontwerp');
  });

  it('lets HR approve after the manager where the policy asks it, with no signature for occasional telework', async () => {
    expect(
      (await send(hr, 'PUT', `${URL}/policy`, { weeklyCapDays: 3, monthlyCapDays: 8, hrApproval: true }))
        .statusCode,
    ).toBe(200);
    const ended = await send(emma, 'POST', `${URL}/agreements/${id}/ending`, {
      endDate: inAYear(40),
      reason: 'Moving closer to the office',
    });
    expect(ended.json()).toMatchObject({ endDate: inAYear(40), status: 'approved' });
    const occasional = await send(emma, 'POST', `${URL}/agreements`, {
      regime: 'occasional',
      monthlyDays: 4,
      startDate: inAYear(41),
      endDate: inAYear(400),
      clauses: { place: 'Home', reachableFrom: '09:00', reachableTo: '16:00' },
    });
    expect(occasional.statusCode, occasional.body).toBe(201);
    const second = occasional.json().id;
    expect(
      (await send(boss, 'POST', `${URL}/agreements/${second}/decision`, { decision: 'approve' })).json()
        .status,
    ).toBe('awaiting_hr');
    expect((await send(boss, 'GET', `${URL}/agreements/${second}`)).json().actions).toEqual([]);
    const byHr = await send(hr, 'POST', `${URL}/agreements/${second}/decision`, { decision: 'approve' });
    expect(byHr.json()).toMatchObject({ status: 'approved', written: false });
    expect(await mailsTo(emmaEmail)).toContain(`Uw telewerkovereenkomst ${second} is goedgekeurd`);
  });

  it('needs a reason to refuse, and lets the employee withdraw an undecided request', async () => {
    const third = (
      await send(emma, 'POST', `${URL}/agreements`, {
        regime: 'occasional',
        monthlyDays: 2,
        startDate: inAYear(800),
        clauses: { place: 'Home', reachableFrom: '09:00', reachableTo: '16:00' },
      })
    ).json().id;
    const bare = await send(boss, 'POST', `${URL}/agreements/${third}/decision`, { decision: 'refuse' });
    expect(bare.json().errors[0]).toMatchObject({
      field: 'reason',
      code: 'telework.agreement.reason_required',
    });
    const withdrawn = await send(emma, 'POST', `${URL}/agreements/${third}/withdrawal`);
    expect(withdrawn.json().status).toBe('withdrawn');
    expect((await send(emma, 'POST', `${URL}/agreements/${third}/withdrawal`)).statusCode).toBe(409);
  });

  it('exports the team’s agreements with words, not codes', async () => {
    const response = await send(boss, 'GET', `${URL}/agreements?scope=team&format=csv&lang=fr`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Structurel');
    expect(response.body).toContain('Approuvée');
  });
});
