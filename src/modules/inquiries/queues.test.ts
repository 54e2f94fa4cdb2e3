import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildTeam, buildTheme } from '../../test-support/factories.js';
import { json, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';

describe.each(DIALECTS)('%s: team queues, claiming and reassigning', (dialect) => {
  const t = withApp(dialect, {
    as: { agent: {}, expert: { name: 'Eva Expert' }, expert2: { roles: ['expert'] }, manager: {} },
  });
  let agent: Session;
  let expert: Session;
  let expert2: Session;
  let manager: Session;
  beforeAll(async () => {
    ({ agent, expert, expert2, manager } = t.people);
    await buildTeam(t.app, { code: 'audit-externe', members: [t.people.expert] });
    await buildTeam(t.app, { code: 'etudes-juridiques', members: [t.people.expert2] });
    await buildTeam(t.app, { code: 'expertiz', members: [t.people.expert] });
  });

  const send = (...args: Parameters<typeof t.send>) => t.send(...args);
  const escalated = async (question: string) => {
    const { ref } = json(
      await send(agent, 'POST', '/api/v1/inquiries', { channel: 'email', language: 'nl', question }),
    );
    await send(agent, 'POST', `/api/v1/inquiries/${ref}/escalate`, {
      team: 'audit-externe',
      note: 'Graag nakijken.',
    });
    return ref as string;
  };
  const refsOf = async (session: Session, query: string) =>
    json(await send(session, 'GET', `/api/v1/inquiries?${query}`)).items.map((i: { ref: string }) => i.ref);

  it('lets a team member take an inquiry from the queue, and no one else', async () => {
    const ref = await escalated('Moet ik mijn voorlopige bijdragen aanpassen?');
    expect(await refsOf(expert, 'team=audit-externe&assignee=none&open=true')).toContain(ref);

    const outsider = await send(expert2, 'POST', `/api/v1/inquiries/${ref}/claim`);
    expect(outsider.statusCode).toBe(403);
    expect(json(outsider).code).toBe('inquiries.not_team_member');

    expect((await send(expert, 'POST', `/api/v1/inquiries/${ref}/claim`)).statusCode).toBe(204);
    const inquiry = json(await send(expert, 'GET', `/api/v1/inquiries/${ref}`));
    expect(inquiry).toMatchObject({ status: 'in_research', assignee: { name: 'Eva Expert' } });
    expect(await refsOf(expert, 'assignee=me&open=true')).toContain(ref);
    expect(await refsOf(expert, 'team=audit-externe&assignee=none')).not.toContain(ref);
  });

  it('reassigns several inquiries at once, or none when one cannot move', async () => {
    const [a, b] = [
      await escalated('Vraag A over overbrugging'),
      await escalated('Vraag B over overbrugging'),
    ];
    const expert2Id = t.people.expert2.id;

    const closed = await escalated('Vraag C, afgesloten');
    await send(agent, 'POST', `/api/v1/inquiries/${closed}/close`, {});
    const refused = await send(manager, 'POST', '/api/v1/inquiries/reassign', {
      refs: [a, closed],
      assignee: expert2Id,
      team: 'etudes-juridiques',
    });
    expect(refused.statusCode).toBe(400);
    expect(json(refused).errors).toEqual([
      expect.objectContaining({ field: 'refs.1', code: 'inquiries.closed' }),
    ]);
    expect(await refsOf(expert2, 'assignee=me')).not.toContain(a);

    const moved = await send(manager, 'POST', '/api/v1/inquiries/reassign', {
      refs: [a, b],
      assignee: expert2Id,
      team: 'etudes-juridiques',
    });
    expect(json(moved)).toEqual({ reassigned: 2 });
    expect(await refsOf(expert2, 'assignee=me&team=etudes-juridiques')).toEqual(
      expect.arrayContaining([a, b]),
    );
    expect(
      (await send(expert, 'POST', '/api/v1/inquiries/reassign', { refs: [a], team: 'expertiz' })).statusCode,
    ).toBe(403);
  });

  it('tells each person which teams they belong to, so their queue opens on their own team', async () => {
    const membership = async (session: Session) =>
      json(await send(session, 'GET', '/api/v1/inquiries/teams'))
        .filter((team: { is_member: boolean }) => team.is_member)
        .map((team: { code: string }) => team.code);
    expect(await membership(expert)).toEqual(['audit-externe', 'expertiz']);
    expect(await membership(expert2)).toEqual(['etudes-juridiques']);
    expect(await membership(manager)).toEqual([]);
  });
});

describe.each(DIALECTS)('%s: similar inquiries answered once', (dialect) => {
  const t = withApp(dialect, { as: ['agent', 'expert'] });
  let agent: Session;
  let expert: Session;
  beforeAll(async () => {
    ({ agent, expert } = t.people);
    await buildTeam(t.app, { code: 'audit-externe', members: [t.people.expert] });
    await buildTheme(t.app, { code: 'droit-passerelle' });
  });

  const send = (...args: Parameters<typeof t.send>) => t.send(...args);
  const call = async (question: string) =>
    json(
      await send(agent, 'POST', '/api/v1/inquiries', {
        channel: 'phone',
        language: 'fr',
        question,
        theme: 'droit-passerelle',
      }),
    ).ref as string;

  it('suggests the open inquiry that asks the same, links to it, and answers both at once', async () => {
    const lead = await call('Ai-je droit au droit passerelle si mon salon de coiffure est fermé ?');
    await send(agent, 'POST', `/api/v1/inquiries/${lead}/escalate`, {
      team: 'audit-externe',
      note: 'Cas fréquent.',
    });
    await call('Comment payer mes cotisations trimestrielles ?');

    const question = 'Droit passerelle pour un salon de coiffure fermé : y ai-je droit ?';
    const similar = json(
      await send(
        agent,
        'GET',
        `/api/v1/inquiries/similar?question=${encodeURIComponent(question)}&theme=droit-passerelle`,
      ),
    );
    expect(similar.map((s: { ref: string }) => s.ref)).toEqual([lead]);

    const follower = await call(question);
    await send(agent, 'POST', `/api/v1/inquiries/${follower}/escalate`, {
      team: 'audit-externe',
      note: 'Idem.',
    });
    const linked = await send(agent, 'POST', `/api/v1/inquiries/${follower}/link`, { to: lead });
    expect(json(linked)).toEqual({ linked_to: lead });
    expect(json(await send(agent, 'POST', `/api/v1/inquiries/${lead}/link`, { to: follower })).code).toBe(
      'inquiries.is_lead',
    );
    expect(
      json(await send(agent, 'POST', `/api/v1/inquiries/${lead}/link`, { to: lead })).errors[0].field,
    ).toBe('to');

    const answer = 'Oui, si la fermeture est imposée par les mesures sanitaires.';
    await send(expert, 'POST', `/api/v1/inquiries/${lead}/answer`, { body: answer, delivery: 'callback' });
    const followerView = json(await send(agent, 'GET', `/api/v1/inquiries/${follower}`));
    expect(followerView).toMatchObject({ status: 'callback_pending', linked_to: lead });
    expect(followerView.messages.at(-1)).toMatchObject({ kind: 'answer', body: answer });
    const pool = json(await send(agent, 'GET', '/api/v1/inquiries/callbacks')).items.map(
      (c: { inquiry_ref: string }) => c.inquiry_ref,
    );
    expect(pool).toEqual(expect.arrayContaining([lead, follower]));
  });
});
