import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildTeam } from '../../test-support/factories.js';
import { asSession, json, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';

const aCall = {
  channel: 'phone',
  language: 'fr',
  question: 'Je suis coiffeuse, mon salon est fermé depuis le 18 mars : ai-je droit au droit passerelle ?',
  requester: {
    name: 'Marie Dubois',
    niss: '85.07.30-033.28',
    enterprise_number: '0403.170.701',
    phone: '+32 470 12 34 56',
    email: 'marie.dubois@example.be',
  },
};

describe.each(DIALECTS)('%s: logging and finding inquiries', (dialect) => {
  const t = withApp(dialect, {
    as: {
      agent: {},
      manager: {},
      admin: {},
      acerta: { roles: ['partner'], partner: 'acerta' },
      ucm: { roles: ['partner'], partner: 'ucm', username: 'partner.ucm' },
      expert: { language: 'nl' },
    },
  });
  let agent: Session;
  let manager: Session;
  let admin: Session;
  let acerta: Session;
  let ucm: Session;
  let expert: Session;
  beforeAll(async () => {
    ({ agent, manager, admin, acerta, ucm, expert } = t.people);
    await buildTeam(t.app, { code: 'audit-externe', members: [t.people.expert] });
  });

  const post = (session: Session, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/inquiries', headers: asSession(session, headers), payload });
  const get = (session: Session, url: string) => t.app.inject({ url, headers: asSession(session) });
  const auditOf = async (action: string, objectRef: string) => {
    const page = json(await get(admin, `/api/v1/audit?action=${action}&limit=100`));
    return page.items.filter((row: { summary: { ref?: string } }) => row.summary.ref === objectRef);
  };

  it('logs a call with a reference read out on the phone, and keeps the identifiers as digits', async () => {
    const response = await post(agent, aCall);
    expect(response.statusCode).toBe(201);
    const inquiry = json(response);
    expect(inquiry.ref).toMatch(/^Q-\d{4}-\d{6}$/);
    expect(response.headers.location).toBe(`/api/v1/inquiries/${inquiry.ref}`);
    expect(inquiry).toMatchObject({
      status: 'new',
      channel: 'phone',
      origin: 'self_employed',
      language: 'fr',
    });
    expect(inquiry.requester).toMatchObject({ niss: '85.07.30-033.28', enterprise_number: '0403.170.701' });

    const found = json(await get(agent, '/api/v1/inquiries?q=85073003328'));
    expect(found.items.map((i: { ref: string }) => i.ref)).toContain(inquiry.ref);
    const byEnterprise = json(await get(agent, '/api/v1/inquiries?q=0403170701'));
    expect(byEnterprise.items.map((i: { ref: string }) => i.ref)).toContain(inquiry.ref);
  });

  it('finds an inquiry by its reference in any spelling the agent types it, and only that one', async () => {
    const { ref } = json(await post(agent, { ...aCall, requester: undefined }));
    const [, year, number] = /^Q-(\d{4})-(\d{6})$/.exec(ref)!;
    const short = String(Number(number));
    const spellings = [
      ref,
      `Q ${year} ${number!.slice(0, 3)} ${number!.slice(3)}`,
      ref.toLowerCase(),
      `Q${year}${number}`,
      `${year}-${number}`,
      `${year}-${short}`,
      `q ${year} ${short}`,
    ];
    for (const typed of spellings) {
      const found = json(await get(agent, `/api/v1/inquiries?q=${encodeURIComponent(typed)}`));
      expect(
        found.items.map((i: { ref: string }) => i.ref),
        typed,
      ).toEqual([ref]);
    }
  });

  it('numbers inquiries one after the other within the year', async () => {
    const refs = [];
    for (let i = 0; i < 3; i++) refs.push(json(await post(agent, { ...aCall, requester: undefined })).ref);
    const numbers = refs.map((ref) => Number(ref.slice(-6)));
    expect(numbers).toEqual([numbers[0], numbers[0]! + 1, numbers[0]! + 2]);
  });

  it('shows personal data in full to the agent (audited) and masked to a manager', async () => {
    const { ref } = json(await post(agent, aCall));
    const forAgent = json(await get(agent, `/api/v1/inquiries/${ref}`));
    expect(forAgent.requester).toMatchObject({
      niss: '85.07.30-033.28',
      phone: '+32 470 12 34 56',
      email: 'marie.dubois@example.be',
      masked: false,
    });
    expect(await auditOf('inquiries.personal_data_read', ref)).toHaveLength(1);

    const forManager = json(await get(manager, `/api/v1/inquiries/${ref}`));
    expect(forManager.requester).toMatchObject({
      name: 'Marie Dubois',
      niss: '85.07.30-***.**',
      phone: '*** ** ** 56',
      email: 'm***@example.be',
      masked: true,
    });
    const list = json(await get(agent, `/api/v1/inquiries?q=${ref}`));
    expect(list.items[0].requester.niss).toBe('85.07.30-***.**');
  });

  it('creates one inquiry for a call submitted twice with the same idempotency key', async () => {
    const key = `call-${Math.random()}`;
    const question = `Double envoi ${key}`;
    const first = await post(agent, { ...aCall, question }, { 'idempotency-key': key });
    const again = await post(agent, { ...aCall, question }, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(json(again).ref).toBe(json(first).ref);
    const [a, b] = await Promise.all([
      post(agent, { ...aCall, question: `${question} bis` }, { 'idempotency-key': `${key}-bis` }),
      post(agent, { ...aCall, question: `${question} bis` }, { 'idempotency-key': `${key}-bis` }),
    ]);
    expect(json(a).ref).toBe(json(b).ref);
    const listed = json(await get(agent, `/api/v1/inquiries?q=${encodeURIComponent(key)}`));
    expect(listed.total).toBe(2);
  });

  it('refuses an invalid NISS or enterprise number, naming the field, in the caller’s language (a Dutch-speaking expert)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/inquiries',
      headers: asSession(expert),
      payload: { ...aCall, requester: { niss: '85.07.30-033.27', enterprise_number: '0403.170.702' } },
    });
    expect(response.statusCode).toBe(400);
    const problem = json(response);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'requester.niss', code: 'validation.niss' }),
        expect.objectContaining({
          field: 'requester.enterprise_number',
          code: 'validation.enterpriseNumber',
        }),
      ]),
    );
    expect(problem.errors.map((e: { message: string }) => e.message).join(' ')).toContain('controlecijfers');
  });

  it('refuses unknown funds and themes', async () => {
    const fund = await post(agent, { ...aCall, requester: { fund: 'nope' } });
    expect(json(fund).errors).toEqual([
      expect.objectContaining({ field: 'requester.fund', code: 'inquiries.unknown_fund' }),
    ]);
    const theme = await post(agent, { ...aCall, theme: 'no-such-theme' });
    expect(json(theme).errors).toEqual([
      expect.objectContaining({ field: 'theme', code: 'knowledge.unknown_theme' }),
    ]);
    const partnerWithoutFund = await post(agent, { ...aCall, channel: 'partner', requester: undefined });
    expect(json(partnerWithoutFund).errors).toEqual([
      expect.objectContaining({ field: 'requester.fund', code: 'inquiries.fund_required' }),
    ]);
  });

  it('lets a fund log and follow its own questions only; another fund gets a 404, audited', async () => {
    const created = await post(acerta, {
      channel: 'web',
      language: 'nl',
      question: 'Mag een aangeslotene uitstel vragen?',
    });
    expect(created.statusCode).toBe(201);
    const inquiry = json(created);
    expect(inquiry).toMatchObject({ channel: 'partner', origin: 'fund', requester: { fund: 'acerta' } });

    const ownList = json(await get(acerta, '/api/v1/inquiries'));
    expect(ownList.items.every((i: { requester: { fund: string } }) => i.requester.fund === 'acerta')).toBe(
      true,
    );
    expect(ownList.items.map((i: { ref: string }) => i.ref)).toContain(inquiry.ref);
    expect(json(await get(ucm, '/api/v1/inquiries')).items.map((i: { ref: string }) => i.ref)).not.toContain(
      inquiry.ref,
    );

    const refused = await get(ucm, `/api/v1/inquiries/${inquiry.ref}`);
    expect(refused.statusCode).toBe(404);
    expect(await auditOf('inquiries.access_refused', inquiry.ref)).toHaveLength(1);
    const unknown = await get(ucm, '/api/v1/inquiries/Q-1999-000001');
    expect(json(unknown).code).toBe(json(refused).code);
  });

  it('refuses a fund another fund’s inquiry and a reference that does not exist in the same way, both audited', async () => {
    const { ref } = json(
      await post(acerta, { channel: 'web', language: 'fr', question: 'Report de paiement ?' }),
    );
    const missing = `Q-${ref.slice(2, 6)}-999998`;
    const foreign = await get(ucm, `/api/v1/inquiries/${ref}`);
    const unknown = await get(ucm, `/api/v1/inquiries/${missing}`);
    expect([foreign.statusCode, unknown.statusCode]).toEqual([404, 404]);
    const withoutRef = (response: typeof foreign, reference: string) =>
      JSON.parse(response.body.replaceAll(reference, '<ref>'));
    expect(withoutRef(unknown, missing)).toEqual(withoutRef(foreign, ref));
    // The same row, written and committed on both paths: the 404 costs the same whether or not the
    // reference exists, so its timing does not tell.
    const [ofForeign, ofUnknown] = await Promise.all([
      auditOf('inquiries.access_refused', ref),
      auditOf('inquiries.access_refused', missing),
    ]);
    expect(ofForeign).toEqual([
      expect.objectContaining({ actorUsername: 'partner.ucm', objectType: 'inquiry' }),
    ]);
    expect(ofUnknown).toEqual([
      expect.objectContaining({ actorUsername: 'partner.ucm', objectType: 'inquiry' }),
    ]);
    expect(ofUnknown[0].summary).toEqual({ ref: missing, partnerId: ofForeign[0].summary.partnerId });
    // Staff see every inquiry: a reference they mistype is no secret, and is not audited.
    await get(agent, `/api/v1/inquiries/Q-${ref.slice(2, 6)}-999997`);
    expect(await auditOf('inquiries.access_refused', `Q-${ref.slice(2, 6)}-999997`)).toEqual([]);
  });

  it('shows a fund its question and the answer, not the institute’s internal notes and flags', async () => {
    const { ref } = json(
      await post(acerta, {
        channel: 'partner',
        language: 'fr',
        question: 'Un affilié peut-il étaler sa dette ?',
      }),
    );
    const work = (url: string, payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/inquiries/${ref}/${url}`,
        headers: asSession(agent),
        payload,
      });
    await work('escalate', { team: 'audit-externe', note: 'Dossier délicat, voir avec le juriste.' });
    await work('flags', { kind: 'vulnerable_person' });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/inquiries/${ref}/answer`,
      headers: asSession(expert),
      payload: { body: 'Oui, un plan d’apurement est possible.', delivery: 'none' },
    });

    const seenByFund = json(await get(acerta, `/api/v1/inquiries/${ref}`));
    expect(seenByFund.messages.map((m: { kind: string }) => m.kind)).toEqual(['answer']);
    expect(seenByFund.messages[0].body).toBe('Oui, un plan d’apurement est possible.');
    expect(seenByFund.flags).toEqual([]);
    const seenByAgent = json(await get(agent, `/api/v1/inquiries/${ref}`));
    expect(seenByAgent.messages.map((m: { kind: string }) => m.kind)).toEqual(['note', 'answer']);
    expect(seenByAgent.flags).toHaveLength(1);
  });

  it('finds inquiries by words of the question or name, and filters by channel and status', async () => {
    await post(agent, { ...aCall, channel: 'email', question: 'Report de cotisations pour un boulanger' });
    const byWords = json(await get(agent, '/api/v1/inquiries?q=BOULANGER%20report&channel=email&status=new'));
    expect(byWords.total).toBeGreaterThanOrEqual(1);
    expect(byWords.items.every((i: { channel: string }) => i.channel === 'email')).toBe(true);
    const none = json(await get(agent, '/api/v1/inquiries?q=boulanger&channel=social'));
    expect(none).toEqual({ items: [], total: 0 });
  });
});
