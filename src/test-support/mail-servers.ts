// Real mail servers for tests: an SMTP server (nodemailer's smtp-server) that keeps what it
// receives, and a Dovecot IMAP server of its own (Debian's dovecot-imapd, installed by
// scripts/ensure-test-tools.js) in a temporary directory, on free ports, so a system Dovecot on
// port 143 or a parallel test file never collides with it.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail as the server received it: the envelope, who logged in to send it, the parsed message. */
export type ReceivedMail = {
  from: string;
  to: string[];
  user: string | null;
  raw: Buffer;
  parsed: ParsedMail;
};

export type TestSmtp = {
  port: number;
  /** With a login: the server accepts any, as a relay with authentication would. */
  url: string;
  received: ReceivedMail[];
  /** Waits until at least `count` mails arrived. */
  waitFor(count: number, ms?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
};

/** `beforeAccepting` runs once a mail's data is in, before the server answers that it took it. */
export async function startSmtpServer(
  options: { beforeAccepting?: () => void | Promise<void> } = {},
): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        Promise.resolve(options.beforeAccepting?.())
          .then(() => simpleParser(raw))
          .then(
            (parsed) => {
              received.push({
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
                user: typeof session.user === 'string' ? session.user : null,
                raw,
                parsed,
              });
              callback();
            },
            (error: Error) => callback(error),
          );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as net.AddressInfo).port;
  return {
    port,
    url: `smtp://relais:secret@127.0.0.1:${port}`,
    received,
    waitFor: (count, ms = 10_000) =>
      waitUntil(
        () => received.length >= count,
        ms,
        () => `${received.length} of ${count} mails`,
      ).then(() => received),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestImap = {
  port: number;
  user: string;
  password: string;
  /** `imap://user:pass@127.0.0.1:port/INBOX`, as RELAIS_IMAP_URL takes it. */
  url: string;
  /** Puts a raw message into INBOX, as a mail arriving would (IMAP APPEND). */
  deliver(raw: string | Buffer): Promise<void>;
  /** Puts many messages into INBOX over a few connections (hundreds in a second or two), in no set order. */
  deliverAll(raws: (string | Buffer)[]): Promise<void>;
  /** The flags of every message in INBOX, in order. */
  flags(): Promise<string[][]>;
  close(): Promise<void>;
};

/** Starts `dovecot -F` with a configuration written to a temporary directory. */
export async function startDovecot(): Promise<TestImap> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-dovecot-'));
  const port = await freePort();
  const user = 'crisis';
  const password = 'crisis-password';
  // As root (CI), Dovecot refuses root for its login processes and mail: Debian's own `dovenull`
  // and `dovecot` users take those roles. As anyone else, that user runs everything.
  const me = os.userInfo();
  const isRoot = me.uid === 0;
  const mailUser = isRoot ? systemUser('dovecot') : { uid: me.uid, gid: me.gid };
  const loginUser = isRoot ? 'dovenull' : me.username;
  fs.chmodSync(dir, 0o755);
  for (const sub of ['mail', 'home']) {
    fs.mkdirSync(path.join(dir, sub));
    if (isRoot) fs.chownSync(path.join(dir, sub), mailUser.uid, mailUser.gid);
  }
  fs.writeFileSync(
    path.join(dir, 'passwd'),
    `${user}:{PLAIN}${password}:${mailUser.uid}:${mailUser.gid}::${dir}/home/${user}\n`,
  );
  const config = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(
    config,
    `
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${isRoot ? 'dovecot' : me.username}
default_login_user = ${loginUser}
first_valid_uid = ${Math.min(mailUser.uid, 500)}
mail_location = maildir:${dir}/mail/%u
# A test mailbox outlives no power cut: no fsync after each delivered mail or flag change.
mail_fsync = never
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/passwd
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`,
  );
  const child: ChildProcess = spawn('dovecot', ['-F', '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // A test file that fails before its afterAll must not leave a Dovecot running after the worker ends.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  // No dovecot binary: say so (npm test installs it: scripts/ensure-test-tools.js).
  child.on('error', (error) => {
    stderr += `${error.message} (install Debian's dovecot-imapd)\n`;
  });
  const log = () => {
    const file = path.join(dir, 'dovecot.log');
    return `${stderr}${fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''}`;
  };
  try {
    await waitUntil(
      () => child.exitCode === null && canConnect(port),
      10_000,
      () => `dovecot did not start: ${log()}`,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const url = `imap://${user}:${password}@127.0.0.1:${port}/INBOX`;
  const withClient = async <T>(work: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
    });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout();
    }
  };
  return {
    port,
    user,
    password,
    url,
    deliver: async (raw) => {
      await withClient((client) => client.append('INBOX', raw));
    },
    deliverAll: async (raws) => {
      // Four connections side by side, each appending its share in order.
      const lanes = 4;
      await Promise.all(
        Array.from({ length: lanes }, (_, lane) =>
          withClient(async (client) => {
            for (let i = lane; i < raws.length; i += lanes) await client.append('INBOX', raws[i]!);
          }),
        ),
      );
    },
    flags: () =>
      withClient(async (client) => {
        const lock = await client.getMailboxLock('INBOX');
        try {
          const flags: string[][] = [];
          for await (const message of client.fetch('1:*', { flags: true }))
            flags.push([...(message.flags ?? [])]);
          return flags;
        } finally {
          lock.release();
        }
      }),
    close: async () => {
      process.off('exit', killOnExit);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A system user's ids, from /etc/passwd. */
function systemUser(name: string): { uid: number; gid: number } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no system user ${name}: is dovecot-imapd installed?`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitUntil(
  isDone: () => boolean | Promise<boolean>,
  ms: number,
  describe: () => string,
): Promise<void> {
  const until = Date.now() + ms;
  while (!(await isDone())) {
    if (Date.now() > until) throw new Error(`timed out: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
