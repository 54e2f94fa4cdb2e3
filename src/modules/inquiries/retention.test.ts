import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { json, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';
import { RETENTION_JOB, scheduleRetention } from './retention.js';

describe.each(DIALECTS)('%s: retention of closed inquiries', (dialect) => {
  const t = withApp(dialect, { as: ['agent', 'admin'] });
  let agent: Session;
  let admin: Session;
  beforeAll(() => {
    ({ agent, admin } = t.people);
  });

  const send = (...args: Parameters<typeof t.send>) => t.send(...args);
  const closedCall = async (closedAt: string) => {
    const { ref } = json(
      await send(agent, 'POST', '/api/v1/inquiries', {
        channel: 'phone',
        language: 'fr',
        question: 'Je m’appelle Marie Dubois et mon salon est fermé.',
        requester: { name: 'Marie Dubois', niss: '85073003328', email: 'marie@example.be' },
      }),
    );
    await send(agent, 'POST', `/api/v1/inquiries/${ref}/messages`, {
      kind: 'note',
      body: 'Rappeler au 0470 12 34 56.',
    });
    // Answered by mail (no SMTP here: the mail stays queued), which closes it.
    await send(agent, 'POST', `/api/v1/inquiries/${ref}/answer`, { body: 'Oui, Marie.', delivery: 'mail' });
    await t.app.db.updateTable('inquiry').set({ closed_at: closedAt }).where('ref', '=', ref).execute();
    return ref as string;
  };

  it('anonymises inquiries closed longer ago than the retention period, keeps the figures, and says what it did', async () => {
    const old = await closedCall('2020-03-18T10:00:00.000Z');
    const recent = await closedCall(new Date().toISOString());
    const run = await send(admin, 'POST', '/api/v1/inquiries/retention-runs');
    expect(run.statusCode).toBe(201);
    expect(json(run).anonymised).toBeGreaterThanOrEqual(1);

    const gone = json(await send(admin, 'GET', `/api/v1/inquiries/${old}`));
    expect(gone).toMatchObject({
      question: '—',
      channel: 'phone',
      status: 'closed',
      requester: { name: null, niss: null, email: null },
    });
    expect(gone.messages.every((m: { body: string }) => m.body === '—')).toBe(true);
    expect(json(await send(admin, 'GET', `/api/v1/inquiries/${recent}`)).requester.name).toBe('Marie Dubois');
    const mailOf = async (ref: string) => {
      const answer = json(await send(admin, 'GET', `/api/v1/inquiries/${ref}`)).messages.find(
        (m: { kind: string }) => m.kind === 'answer',
      );
      return t.app.db
        .selectFrom('platform_mail_outbox')
        .selectAll()
        .where('object_ref', '=', answer.id)
        .executeTakeFirstOrThrow();
    };
    // The old answer's mail forgets the address and text, and will never go out.
    expect(await mailOf(old)).toMatchObject({ to_address: '', text_body: '', subject: '', status: 'failed' });
    expect(await mailOf(recent)).toMatchObject({ to_address: 'marie@example.be', status: 'queued' });
    expect(
      json(await send(agent, 'GET', '/api/v1/inquiries?q=85073003328')).items.map(
        (i: { ref: string }) => i.ref,
      ),
    ).not.toContain(old);

    const runs = json(await send(admin, 'GET', '/api/v1/inquiries/retention-runs'));
    expect(runs.retention_days).toBe(730);
    expect(runs.runs[0]).toMatchObject({ id: json(run).id, anonymised: json(run).anonymised });
    expect((await send(agent, 'GET', '/api/v1/inquiries/retention-runs')).statusCode).toBe(403);
  });

  it('runs every day as a job that queues its next run', async () => {
    await scheduleRetention(t.app.db);
    await scheduleRetention(t.app.db); // a second instance starting finds it already queued
    const queued = () =>
      t.app.db
        .selectFrom('platform_job')
        .select(['status', 'run_after'])
        .where('kind', '=', RETENTION_JOB)
        .execute();
    expect((await queued()).filter((job) => job.status === 'queued')).toHaveLength(1);
    await t.app.jobs.runDue();
    const jobs = await queued();
    expect(jobs.filter((job) => job.status === 'done')).toHaveLength(1);
    const next = jobs.find((job) => job.status === 'queued');
    expect(Date.parse(next!.run_after)).toBeGreaterThan(Date.now() + 23 * 3600_000);
  });
});
