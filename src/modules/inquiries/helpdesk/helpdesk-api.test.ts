import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test-support/databases.js';
import { buildEntry } from '../../../test-support/factories.js';
import { json, type Session } from '../../../test-support/test-app.js';
import { withApp } from '../../../test-support/with-app.js';

describe.each(DIALECTS)('%s: the ICT helpdesk on the inquiries engine', (dialect) => {
  const t = withApp(dialect, {
    as: {
      employee: { name: 'Emma Employee' },
      colleague: { roles: ['employee'], name: 'Carl Colleague' },
      collega: { roles: ['employee'], name: 'Nina Nederlands', language: 'nl' },
      ict: { name: 'Ines ICT' },
      agent: {},
      expert: {},
      manager: {},
    },
  });
  let employee: Session;
  let colleague: Session;
  let ict: Session;
  let agent: Session;
  beforeAll(async () => {
    ({ employee, colleague, ict, agent } = t.people);
    // The laptop the tickets name, registered by ICT as any unit is.
    const laptop = await t.send(ict, 'POST', '/api/v1/equipment/assets', {
      tag: 'LT-0042',
      type: 'laptop',
      model: 'Dell Latitude 5490',
      serial: 'D5490-0042',
    });
    expect(laptop.statusCode, laptop.body).toBe(201);
  });

  const file = (who: Session, body: object) => t.send(who, 'POST', '/api/v1/helpdesk/tickets', body);
  const refsOf = async (who: Session, url: string) =>
    json(await t.send(who, 'GET', url)).items.map((i: { ref: string }) => i.ref);

  it('files a ticket in the helpdesk team’s queue, its clock running, and answers 201 with the reference', async () => {
    const res = await file(employee, {
      category: 'vpn',
      question: 'The VPN drops every ten minutes.',
      asset_tag: 'LT-0042',
      phone: '+32 2 555 01 01',
    });
    expect(res.statusCode).toBe(201);
    const ticket = json(res);
    expect(ticket.ref).toMatch(/^Q-\d{4}-\d{6}$/);
    expect(res.headers.location).toBe(`/api/v1/helpdesk/tickets/${ticket.ref}`);
    expect(ticket).toMatchObject({
      status: 'escalated',
      channel: 'web',
      category: 'vpn',
      asset_tag: 'LT-0042',
      employee: { id: t.people.employee.id, name: 'Emma Employee' },
      team: { code: 'ict-helpdesk', name_fr: 'Helpdesk ICT', name_nl: 'ICT-helpdesk' },
    });
    expect(ticket.deadlines.first_answer.state).not.toBe('met');
  });

  it('refuses a ticket with bad fields, naming them, and writes nothing', async () => {
    const before = json(await t.send(ict, 'GET', '/api/v1/helpdesk/tickets')).total;
    const cases: [object, string][] = [
      [{ category: 'coffee', question: 'The machine is empty.' }, 'category'],
      [{ category: 'vpn', question: '' }, 'question'],
      [{ category: 'hardware', question: 'Broken screen', asset_tag: 'not a tag!' }, 'asset_tag'],
      [{ category: 'phone', question: 'No tone', phone: 'call me' }, 'phone'],
      [{ question: 'No category' }, 'category'],
    ];
    for (const [body, field] of cases) {
      const res = await file(employee, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(json(res).errors)).toContain(field);
    }
    const unknown = await file(ict, { category: 'account', question: 'Locked out', employee: 'nobody' });
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown).errors[0]).toMatchObject({ field: 'employee', code: 'helpdesk.unknown_employee' });
    // A tag of the right shape that no unit has: refused naming the field, in the asker's language.
    const noSuchAsset = await file(t.people.collega, {
      category: 'hardware',
      question: 'Het scherm flikkert.',
      asset_tag: 'LT-9999',
    });
    expect(noSuchAsset.statusCode).toBe(400);
    expect(json(noSuchAsset).errors[0]).toMatchObject({
      field: 'asset_tag',
      code: 'helpdesk.unknown_asset',
      message: 'Geen uitrusting heeft het label LT-9999.',
    });
    expect(json(await t.send(ict, 'GET', '/api/v1/helpdesk/tickets')).total).toBe(before);
  });

  it('lets ICT log a phone call for an employee, and nobody else file for a colleague', async () => {
    const res = await file(ict, {
      category: 'account',
      question: 'Password expired at home.',
      employee: 'colleague',
    });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({ channel: 'phone', employee: { name: 'Carl Colleague' } });
    expect(await refsOf(colleague, '/api/v1/helpdesk/tickets')).toContain(json(res).ref);
    // ICT sees every ticket; `mine` keeps to the ones they asked for themselves.
    const own = json(
      await file(ict, { category: 'hardware', question: 'My own docking station is dead.' }),
    ).ref;
    const mine = await refsOf(ict, '/api/v1/helpdesk/tickets?mine=true');
    expect(mine).toContain(own);
    expect(mine).not.toContain(json(res).ref);

    const refused = await file(employee, {
      category: 'account',
      question: 'For Carl',
      employee: 'colleague',
    });
    expect(refused.statusCode).toBe(403);
    expect(json(refused).code).toBe('helpdesk.for_others_forbidden');
  });

  it('keeps helpdesk tickets and citizens’ inquiries apart, and each employee to their own tickets', async () => {
    const mine = json(
      await file(employee, { category: 'software', question: 'Excel closes on shared files.' }),
    ).ref;
    const theirs = json(
      await file(colleague, { category: 'hardware', question: 'Laptop will not start.' }),
    ).ref;
    const citizen = json(
      await t.send(agent, 'POST', '/api/v1/inquiries', {
        channel: 'phone',
        language: 'fr',
        question: 'Droit passerelle en mars ?',
      }),
    ).ref;

    // An employee sees their own tickets only; another's is a 404, as an unknown one.
    const own = await refsOf(employee, '/api/v1/helpdesk/tickets');
    expect(own).toContain(mine);
    expect(own).not.toContain(theirs);
    expect((await t.send(employee, 'GET', `/api/v1/helpdesk/tickets/${theirs}`)).statusCode).toBe(404);
    expect((await t.send(employee, 'POST', `/api/v1/helpdesk/tickets/${theirs}/close`, {})).statusCode).toBe(
      404,
    );

    // ICT sees every ticket, and no citizen's inquiry, even by its reference.
    const all = await refsOf(ict, '/api/v1/helpdesk/tickets');
    expect(all).toEqual(expect.arrayContaining([mine, theirs]));
    expect(all).not.toContain(citizen);
    expect((await t.send(ict, 'GET', `/api/v1/helpdesk/tickets/${citizen}`)).statusCode).toBe(404);
    expect((await t.send(ict, 'GET', `/api/v1/inquiries/${citizen}`)).statusCode).toBe(403);

    // The call center sees no employee's ticket: not in lists, not by reference, not to work on.
    const inquiries = await refsOf(agent, '/api/v1/inquiries');
    expect(inquiries).toContain(citizen);
    expect(inquiries).not.toContain(mine);
    expect((await t.send(agent, 'GET', `/api/v1/inquiries/${mine}`)).statusCode).toBe(404);
    expect((await t.send(agent, 'POST', `/api/v1/inquiries/${mine}/close`, {})).statusCode).toBe(404);
    expect((await t.send(agent, 'GET', `/api/v1/helpdesk/tickets/${mine}`)).statusCode).toBe(404);

    // Nor is the helpdesk a team the call center escalates to, or lists.
    const teams = json(await t.send(t.people.expert, 'GET', '/api/v1/inquiries/teams'));
    expect(teams.map((team: { code: string }) => team.code)).not.toContain('ict-helpdesk');
    const escalated = await t.send(agent, 'POST', `/api/v1/inquiries/${citizen}/escalate`, {
      team: 'ict-helpdesk',
      note: 'Pour l’ICT ?',
    });
    expect(escalated.statusCode).toBe(400);
    expect(json(escalated).errors[0]).toMatchObject({ field: 'team', code: 'inquiries.unknown_team' });
  });

  it('lets ICT take a ticket from the queue, answer and close it; the employee reads the answer, not the notes', async () => {
    const ref = json(
      await file(employee, { category: 'phone', question: 'Calls are not forwarded to my mobile.' }),
    ).ref;
    expect(await refsOf(ict, '/api/v1/helpdesk/tickets?assignee=none&open=true')).toContain(ref);
    expect((await t.send(ict, 'POST', `/api/v1/helpdesk/tickets/${ref}/claim`)).statusCode).toBe(204);
    expect(await refsOf(ict, '/api/v1/helpdesk/tickets?assignee=me&open=true')).toContain(ref);
    expect(await refsOf(ict, '/api/v1/helpdesk/tickets?assignee=none&open=true')).not.toContain(ref);
    // Working tickets is ICT's: an employee cannot claim or answer, even their own.
    expect((await t.send(employee, 'POST', `/api/v1/helpdesk/tickets/${ref}/claim`)).statusCode).toBe(403);

    const note = await t.send(ict, 'POST', `/api/v1/helpdesk/tickets/${ref}/messages`, {
      kind: 'note',
      body: 'Forwarding rule missing in the PBX.',
    });
    expect(note.statusCode).toBe(201);
    const answered = await t.send(ict, 'POST', `/api/v1/helpdesk/tickets/${ref}/answer`, {
      body: 'Forwarding is set again: try now.',
      close: false,
    });
    expect(answered.statusCode).toBe(204);

    let seen = json(await t.send(employee, 'GET', `/api/v1/helpdesk/tickets/${ref}`));
    expect(seen.status).toBe('answered');
    expect(seen.messages.map((m: { kind: string }) => m.kind)).toEqual(['answer']);
    expect(seen.messages[0].body).toBe('Forwarding is set again: try now.');

    // The employee writes back: the ticket returns to the queue.
    const reply = await t.send(employee, 'POST', `/api/v1/helpdesk/tickets/${ref}/messages`, {
      body: 'Still not working.',
      kind: 'note',
    });
    expect(reply.statusCode).toBe(201);
    seen = json(await t.send(ict, 'GET', `/api/v1/helpdesk/tickets/${ref}`));
    expect(seen.status).toBe('escalated');
    expect(seen.messages.map((m: { kind: string }) => m.kind)).toEqual(['note', 'answer', 'incoming']);

    expect(
      (await t.send(ict, 'POST', `/api/v1/helpdesk/tickets/${ref}/answer`, { body: 'Fixed in the PBX.' }))
        .statusCode,
    ).toBe(204);
    seen = json(await t.send(employee, 'GET', `/api/v1/helpdesk/tickets/${ref}`));
    expect(seen.status).toBe('closed');
    const closedWrite = await t.send(employee, 'POST', `/api/v1/helpdesk/tickets/${ref}/messages`, {
      body: 'Thanks',
    });
    expect(closedWrite.statusCode).toBe(409);
  });

  it('lets an employee close their own ticket (solved by the FAQ meanwhile), and filters by category', async () => {
    const ref = json(
      await file(colleague, { category: 'account', question: 'Locked after three tries.' }),
    ).ref;
    expect(
      (
        await t.send(colleague, 'POST', `/api/v1/helpdesk/tickets/${ref}/close`, {
          note: 'Unlocked by itself',
        })
      ).statusCode,
    ).toBe(204);
    const accounts = json(await t.send(ict, 'GET', '/api/v1/helpdesk/tickets?category=account'));
    expect(accounts.items.every((i: { category: string }) => i.category === 'account')).toBe(true);
    expect(accounts.items.map((i: { ref: string }) => i.ref)).toContain(ref);
  });

  it('counts the tickets per month and category, their resolution and the backlog, for ICT and managers', async () => {
    const res = await t.send(t.people.manager, 'GET', '/api/v1/helpdesk/figures');
    expect(res.statusCode).toBe(200);
    const figures = json(res);
    const total = json(await t.send(ict, 'GET', '/api/v1/helpdesk/tickets?limit=1')).total;
    expect(figures.total).toBe(total);
    expect(figures.months).toHaveLength(12);
    expect(figures.categories.map((c: { category: string }) => c.category)).toEqual([
      'vpn',
      'hardware',
      'software',
      'phone',
      'account',
    ]);
    const open = json(await t.send(ict, 'GET', '/api/v1/helpdesk/tickets?open=true&limit=1')).total;
    expect(figures.backlog.total).toBe(open);
    // Citizens' inquiries are not in them, nor helpdesk tickets in the call center's figures.
    const inquiryFigures = json(await t.send(t.people.manager, 'GET', '/api/v1/inquiries/figures'));
    expect(inquiryFigures.total).toBe(1);
    expect((await t.send(t.people.employee, 'GET', '/api/v1/helpdesk/figures')).statusCode).toBe(403);
    const csv = await t.send(ict, 'GET', '/api/v1/helpdesk/figures?format=csv&table=categories');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Remote access / VPN');
  });

  it('suggests internal FAQ entries only, when asked for that audience', async () => {
    const internal = await buildEntry(t.app, {
      audience: 'internal',
      fr: { question: 'Le tunnel VPN se coupe à la maison', answer: 'Relancez le client VPN.' },
      nl: { question: 'De VPN-tunnel valt thuis weg', answer: 'Start de VPN-client opnieuw.' },
    });
    const published = await buildEntry(t.app, {
      audience: 'public',
      fr: { question: 'Le tunnel VPN des caisses', answer: 'Voyez votre caisse.' },
      nl: { question: 'De VPN-tunnel van de fondsen', answer: 'Zie uw fonds.' },
    });
    const refs = async (url: string) =>
      json(await t.send(employee, 'GET', url)).results.map((hit: { ref: string }) => hit.ref);
    expect(await refs('/api/v1/knowledge/search?q=tunnel%20vpn&lang=fr')).toEqual(
      expect.arrayContaining([internal.ref, published.ref]),
    );
    const suggested = await refs('/api/v1/knowledge/search?q=tunnel%20vpn&lang=fr&audience=internal');
    expect(suggested).toContain(internal.ref);
    expect(suggested).not.toContain(published.ref);
  });

  it('lists for ICT the tickets that name an asset, newest first, and for nobody else', async () => {
    const first = json(
      await file(employee, { category: 'hardware', question: 'The fan is loud.', asset_tag: 'LT-0042' }),
    );
    const second = json(
      await file(ict, {
        category: 'hardware',
        question: 'Keyboard keys stick.',
        asset_tag: 'LT-0042',
        employee: 'colleague',
      }),
    );
    await file(employee, { category: 'vpn', question: 'No asset named here.' });
    const res = await t.send(ict, 'GET', '/api/v1/helpdesk/assets/LT-0042/tickets');
    expect(res.statusCode).toBe(200);
    const items = json(res).items;
    // The first test's ticket named LT-0042 too: three in all, the newest first.
    expect(items.map((i: { ref: string }) => i.ref).slice(0, 2)).toEqual([second.ref, first.ref]);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      status: 'escalated',
      category: 'hardware',
      closed_at: null,
      employee: { id: t.people.colleague.id, name: 'Carl Colleague' },
    });
    expect(json(await t.send(ict, 'GET', '/api/v1/helpdesk/assets/LT-0001/tickets')).items).toEqual([]);
    expect((await t.send(employee, 'GET', '/api/v1/helpdesk/assets/LT-0042/tickets')).statusCode).toBe(403);
    expect((await t.send(ict, 'GET', '/api/v1/helpdesk/assets/not%20a%20tag/tickets')).statusCode).toBe(400);
  });
});
