import type { ChildProcess } from 'node:child_process';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt } from '../../bench/support/build.js';
import { type RunningServer, startServer } from '../../bench/support/server.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { DIALECTS } from '../../src/test-support/databases.js';
import { startDovecot, type TestImap } from '../../src/test-support/mail-servers.js';
import { startTcpProxy, type TcpProxy } from '../../src/test-support/tcp-proxy.js';
import { type CliTarget, createCliTarget, runCli } from './support.js';

// Issue 16, point 7: the real server, in its own process, reads the crisis mailbox of a real
// Dovecot, is killed with SIGKILL in the middle of it (no shutdown, no rollback of its own: what a
// power cut or the OOM killer does), starts again, and every mail is an inquiry exactly once.
//
// The kill is aimed at the worst moment: a mail's inquiry committed in the database, its \Seen flag
// not yet set in the mailbox. The server reaches Dovecot through a proxy the test holds (what the
// server sends waits there), so the reader stops at its next IMAP command; the test kills it when
// that command is the flag of a mail already taken in, and the restart must not take it twice.

const MAILS = 500;
/** The kill is aimed once this many inquiries exist: well into the reading, far from its end. */
const KILL_AFTER = 50;

const tag = (i: number) => `mail-${String(i).padStart(3, '0')}`;
const messageIdOf = (i: number) => `<${tag(i)}.crash-test@example.be>`;
const senderOf = (i: number) => `citizen-${String(i).padStart(3, '0')}@example.be`;

/** A citizen's plain mail, as it sits in the mailbox. */
const rawMail = (i: number) =>
  [
    `From: Citizen ${i} <${senderOf(i)}>`,
    'To: crisis@relais.example',
    `Subject: Droit passerelle ${tag(i)}`,
    `Message-ID: ${messageIdOf(i)}`,
    'Date: Wed, 18 Mar 2020 09:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Bonjour,\r\n\r\nAi-je droit au droit passerelle pour le mois de mars ? (${tag(i)})\r\n\r\nMerci`,
    '',
  ].join('\r\n');

type Summary = { ref: string; question: string };

beforeAll(() => ensureServerBuilt(), 180_000);

describe.each(DIALECTS)('%s: the server killed while it reads the crisis mailbox', (dialect) => {
  let target: CliTarget;
  let imap: TestImap;
  let proxy: TcpProxy;
  let env: Record<string, string>;
  let token = '';
  const running: RunningServer[] = [];

  beforeAll(async () => {
    [target, imap] = await Promise.all([createCliTarget(dialect), startDovecot()]);
    proxy = await startTcpProxy({ host: '127.0.0.1', port: imap.port });
    env = {
      ...target.env,
      RELAIS_IMAP_URL: imap.url.replace(`:${imap.port}/`, `:${proxy.port}/`),
      // The shortest pause the configuration allows; each pass reads every unseen mail anyway.
      RELAIS_MAIL_POLL_SECONDS: '5',
      RELAIS_SEED_DEMO: 'never',
    };
    // The mails arrive while the agent who will look at them gets an account and an API token
    // (the CLI migrates the database first).
    const agent = async () => {
      const added = await runCli(
        [
          'user',
          'add',
          '--username',
          'agent',
          '--name',
          'Agent',
          '--email',
          'agent@example.org',
          '--roles',
          'agent',
        ],
        env,
      );
      expect(added.code, added.stderr).toBe(0);
      const created = await runCli(['token', 'create', '--user', 'agent'], env);
      expect(created.code, created.stderr).toBe(0);
      token = created.stdout.trim();
    };
    await Promise.all([agent(), imap.deliverAll(Array.from({ length: MAILS }, (_, i) => rawMail(i)))]);
  }, 120_000);

  afterAll(async () => {
    for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await proxy?.close();
    await imap?.close();
    await target?.drop();
  });

  const api = async (server: RunningServer, url: string) => {
    const response = await fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status, await response.clone().text()).toBe(200);
    return response.json();
  };
  const emailInquiries = async (server: RunningServer): Promise<number> =>
    (await api(server, '/api/v1/inquiries?channel=email&limit=1')).total;
  const seenMails = async () => (await imap.flags()).filter((flags) => flags.includes('\\Seen')).length;
  /** Reads what the server left in its database (stopped: nothing changes meanwhile). */
  async function inDatabase<T>(read: (db: Kysely<any>) => Promise<T>): Promise<T> {
    const database = openDatabase(loadConfig(env));
    try {
      return await read(database.db);
    } finally {
      await database.close();
    }
  }

  /** Asks every 50 ms: often enough to kill early in the reading, seldom enough not to slow it. */
  async function waitFor(what: string, isDone: () => Promise<boolean>, ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (!(await isDone())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const killed = (child: ChildProcess) =>
    new Promise<NodeJS.Signals | null>((resolve) => {
      child.once('exit', (_code, signal) => resolve(signal));
      child.kill('SIGKILL');
    });

  it('finds every one of 500 mails an inquiry exactly once after a restart', async () => {
    expect(await imap.flags()).toHaveLength(MAILS);
    expect(await seenMails()).toBe(0);

    const first = await startServer(target.dataDir, env);
    running.push(first);
    await waitFor(`${KILL_AFTER} inquiries`, async () => (await emailInquiries(first)) >= KILL_AFTER, 30_000);
    // Hold the reader at its next IMAP command, and look: more inquiries than \Seen mails means it
    // waits to flag a mail it took in. Otherwise (it waits for the next mail's text) let it go on a
    // little and look again.
    let aims = 0;
    for (;;) {
      aims += 1;
      proxy.hold();
      let taken = await emailInquiries(first);
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const now = await emailInquiries(first);
        if (now === taken) break;
        taken = now;
      }
      if (taken > (await seenMails())) break;
      if (aims === 50)
        throw new Error(
          'the reader was never caught between an inquiry and its \\Seen flag: does it flag a mail before its inquiry commits?',
        );
      proxy.release();
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 30));
    }
    expect(await killed(first.child)).toBe('SIGKILL');
    // What the dead reader had sent (the flag) dies with its connection, never reaching Dovecot.
    await waitFor('the dead reader’s connection to close', async () => proxy.openCount === 0, 5_000);
    proxy.release();
    // Killed in the middle of the reading: some mails taken in, the others unseen, and one of
    // those unseen is already an inquiry.
    const seenAtKill = await seenMails();
    const committedAtKill = await inDatabase(async (db) =>
      Number(
        (
          await db
            .selectFrom('platform_mail_inbound')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
    expect(committedAtKill).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(committedAtKill).toBeGreaterThan(seenAtKill);
    expect(committedAtKill).toBeLessThan(MAILS);

    const second = await startServer(target.dataDir, env);
    running.push(second);
    const restartedAt = Date.now();
    // The restarted reader's first pass begins at once and takes every mail left unseen.
    await waitFor(`${MAILS} inquiries`, async () => (await emailInquiries(second)) >= MAILS, 60_000);
    // The last mail's flag follows its inquiry's commit.
    await waitFor('every mail flagged \\Seen', async () => (await seenMails()) === MAILS, 5_000);
    const drainedAfterMs = Date.now() - restartedAt;
    const inquiries: Summary[] = [];
    for (let offset = 0; offset < MAILS + 200; offset += 200) {
      const page = await api(second, `/api/v1/inquiries?channel=email&limit=200&offset=${offset}`);
      inquiries.push(...page.items);
      if (page.items.length < 200) break;
    }
    expect(await second.stop()).toBe(0);

    // Through the agents' list: 500 inquiries of channel email, one per mail, none doubled or lost.
    expect(inquiries).toHaveLength(MAILS);
    const tags = inquiries.map((inquiry) => inquiry.question.match(/mail-\d{3}/)?.[0]);
    expect(new Set(tags).size).toBe(MAILS);
    expect([...tags].sort()).toEqual(Array.from({ length: MAILS }, (_, i) => tag(i)));
    expect(new Set(inquiries.map((inquiry) => inquiry.ref)).size).toBe(MAILS);

    // In the database the server left: each Message-ID noted once as handled, and one
    // acknowledgement queued for each (a citizen is not told twice).
    const { inbound, acknowledgements } = await inDatabase(async (db) => ({
      inbound: await db.selectFrom('platform_mail_inbound').select(['message_id', 'outcome']).execute(),
      acknowledgements: await db
        .selectFrom('platform_mail_outbox')
        .select(['in_reply_to', 'to_address'])
        .execute(),
    }));
    const messageIds = Array.from({ length: MAILS }, (_, i) => messageIdOf(i));
    expect(inbound.map((row) => row.message_id).sort()).toEqual([...messageIds].sort());
    expect(inbound.filter((row) => row.outcome !== 'created')).toEqual([]);
    expect(acknowledgements.map((row) => `${row.in_reply_to} ${row.to_address}`).sort()).toEqual(
      messageIds.map((id, i) => `${id} ${senderOf(i)}`).sort(),
    );
    process.stderr.write(
      `${dialect}: SIGKILL (aim ${aims}) with ${committedAtKill} mails taken in, ${seenAtKill} flagged \\Seen; ` +
        `the restart took the other ${MAILS - committedAtKill} in ${(drainedAfterMs / 1000).toFixed(1)} s\n`,
    );
  }, 120_000);
});
