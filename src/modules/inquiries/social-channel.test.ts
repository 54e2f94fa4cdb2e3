import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildTeam } from '../../test-support/factories.js';
import { asSession, json, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';

const aMessage = {
  channel: 'social',
  language: 'fr',
  question: 'Bonjour, je suis fleuriste : puis-je reporter mes cotisations du 2e trimestre ?',
  social: { platform: 'facebook', handle: 'Marie Dupont' },
};

describe.each(DIALECTS)('%s: private messages from social networks', (dialect) => {
  const t = withApp(dialect, {
    as: {
      agent: {},
      agentNl: { roles: ['agent'], language: 'nl', username: 'agent.nl' },
      manager: {},
      expert: {},
      admin: {},
    },
  });
  let agent: Session;
  let agentNl: Session;
  let manager: Session;
  let expert: Session;
  let admin: Session;
  beforeAll(async () => {
    ({ agent, agentNl, manager, expert, admin } = t.people);
    await buildTeam(t.app, { code: 'cotisations', members: [t.people.expert] });
  });

  const send = (as: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: asSession(as), ...(payload && { payload }) });

  it('logs a private message with its network and handle, shown in full to the agent (audited) and masked to a manager', async () => {
    const created = await send(agent, 'POST', '/api/v1/inquiries', {
      ...aMessage,
      social: { platform: 'instagram', handle: '  @fleurs.marie ' },
    });
    expect(created.statusCode).toBe(201);
    const { ref } = json(created);
    expect(json(created)).toMatchObject({
      channel: 'social',
      social: { platform: 'instagram', handle: '@fleurs.marie' },
    });

    const detail = json(await send(agent, 'GET', `/api/v1/inquiries/${ref}`));
    expect(detail.social).toEqual({ platform: 'instagram', handle: '@fleurs.marie' });
    const audit = json(
      await send(admin, 'GET', '/api/v1/audit?action=inquiries.personal_data_read&limit=100'),
    );
    expect(audit.items.filter((row: { summary: { ref?: string } }) => row.summary.ref === ref)).toHaveLength(
      1,
    );

    expect(json(await send(manager, 'GET', `/api/v1/inquiries/${ref}`)).social).toEqual({
      platform: 'instagram',
      handle: '@***',
    });
    // A list shows no personal data in full, the handle no more than a NISS.
    const listed = json(await send(agent, 'GET', `/api/v1/inquiries?channel=social&q=${ref}`));
    expect(listed.items.map((i: { social: unknown }) => i.social)).toEqual([
      { platform: 'instagram', handle: '@***' },
    ]);
    // The list's download says where it came from, the handle masked as on the list.
    const csv = await t.app.inject({
      url: `/api/v1/inquiries?channel=social&q=${ref}&format=csv`,
      headers: asSession(agent),
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Social network');
    // An @ opens a formula in a spreadsheet: the handle is defused like any cell.
    expect(csv.body).toMatch(/Instagram,'@\*\*\*/);
    const phone = json(
      await send(agent, 'POST', '/api/v1/inquiries', {
        channel: 'phone',
        language: 'fr',
        question: 'Un appel ?',
      }),
    );
    expect(phone.social).toBeNull();
  });

  it('refuses a social message without a handle, with an unknown network or with markup, naming the field in the agent’s language', async () => {
    const cases = [
      [{ ...aMessage, social: undefined }, 'social.handle', 'inquiries.social_handle_required'],
      [
        { ...aMessage, social: { platform: 'facebook', handle: '   ' } },
        'social.handle',
        'inquiries.social_handle_required',
      ],
      [
        { ...aMessage, social: { platform: 'tiktok', handle: 'Marie' } },
        'social.platform',
        'validation.enum',
      ],
      [
        { ...aMessage, social: { platform: 'x', handle: '<script>alert(1)</script>' } },
        'social.handle',
        'validation.pattern',
      ],
      [{ ...aMessage, social: { platform: 'x' } }, 'social.handle', 'validation.required'],
      [{ ...aMessage, channel: 'phone' }, 'social', 'inquiries.social_only_for_social_channel'],
    ] as const;
    const loggedCount = async () =>
      json(await send(agent, 'GET', '/api/v1/inquiries?q=fleuriste')).total as number;
    const before = await loggedCount();
    for (const [payload, field, code] of cases) {
      const response = await send(agentNl, 'POST', '/api/v1/inquiries', payload);
      expect(response.statusCode, `${field} ${code}`).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const [error, ...others] = json(response).errors;
      expect(others).toEqual([]);
      expect(error).toMatchObject({ field, code });
      // The message is Dutch (the agent's language), not the code or the English text.
      expect(error.message).not.toBe(code);
      expect(error.message).not.toMatch(/\b(the|handle is|network)\b/i);
    }
    // Nothing was logged by the refused requests.
    expect(await loggedCount()).toBe(before);
  });

  it('is escalated and answered like any inquiry; the answer waits on the thread to be pasted back on the network', async () => {
    const { ref } = json(await send(agent, 'POST', '/api/v1/inquiries', aMessage));
    expect(
      (
        await send(agent, 'POST', `/api/v1/inquiries/${ref}/escalate`, {
          team: 'cotisations',
          note: 'Report ?',
        })
      ).statusCode,
    ).toBe(204);
    expect((await send(expert, 'POST', `/api/v1/inquiries/${ref}/claim`)).statusCode).toBe(204);
    const answer = 'Oui : demandez le report à votre caisse avant le 15 juin, sans majoration.';
    expect(
      (await send(expert, 'POST', `/api/v1/inquiries/${ref}/answer`, { body: answer, delivery: 'none' }))
        .statusCode,
    ).toBe(204);

    const detail = json(await send(agent, 'GET', `/api/v1/inquiries/${ref}`));
    expect(detail.status).toBe('answered');
    expect(detail.first_answered_at).not.toBeNull();
    expect(detail.messages).toContainEqual(
      expect.objectContaining({ kind: 'answer', body: answer, via: 'social' }),
    );
    expect(detail.events).toContainEqual(
      expect.objectContaining({ kind: 'status_changed', from_status: 'in_research', to_status: 'answered' }),
    );
    // Once pasted back, the agent closes it like any other.
    expect((await send(agent, 'POST', `/api/v1/inquiries/${ref}/close`, {})).statusCode).toBe(204);
    expect(json(await send(agent, 'GET', `/api/v1/inquiries/${ref}`)).status).toBe('closed');
  });

  it('forgets the handle with the rest of the personal data once the retention period is over', async () => {
    const { ref } = json(await send(agent, 'POST', '/api/v1/inquiries', aMessage));
    expect((await send(agent, 'POST', `/api/v1/inquiries/${ref}/close`, {})).statusCode).toBe(204);
    await t.app.db
      .updateTable('inquiry')
      .set({ closed_at: '2020-03-18T10:00:00.000Z' })
      .where('ref', '=', ref)
      .execute();
    expect((await send(admin, 'POST', '/api/v1/inquiries/retention-runs')).statusCode).toBe(201);
    const gone = json(await send(admin, 'GET', `/api/v1/inquiries/${ref}`));
    expect(gone).toMatchObject({ channel: 'social', question: '—', social: null });
    const row = await t.app.db
      .selectFrom('inquiry')
      .select(['social_platform', 'social_handle'])
      .where('ref', '=', ref)
      .executeTakeFirstOrThrow();
    // The network still counts in the figures; the person's name there is gone.
    expect(row).toEqual({ social_platform: 'facebook', social_handle: null });
  });
});
