// A TCP proxy between Relais and a server it talks to (its database, a mail server), which a test
// cuts and restores, or holds: what a failover or a broken network does to the connections,
// without touching the PostgreSQL cluster others share.
import net from 'node:net';

export type TcpProxy = {
  /** The port it listens on, on 127.0.0.1. */
  port: number;
  /** Ends every open connection at once and refuses new ones until restore(). */
  cut(): void;
  /** Lets connections through again. */
  restore(): void;
  /**
   * Keeps what clients send from reaching the server (answers to what already went through still
   * come back), so a client waits at its next request: a network stalled one way.
   */
  hold(): void;
  /** Forwards what was held, and what comes next. */
  release(): void;
  /** How many connections are open through it now. */
  readonly openCount: number;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let isCut = false;
  let isHeld = false;
  /** What clients sent while held, per connection, in order. */
  const held = new Map<net.Socket, Buffer[]>();
  const server = net.createServer((client) => {
    // Refused by closing at once rather than by no longer listening: the port stays ours, so no
    // other process can take it while the database is "away".
    if (isCut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target);
    open.add(client);
    open.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
      held.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.on('data', (chunk: Buffer) => {
      if (isHeld) held.set(upstream, [...(held.get(upstream) ?? []), chunk]);
      else upstream.write(chunk);
    });
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cutAll = () => {
    for (const socket of open) socket.destroy();
    open.clear();
  };
  return {
    port: (server.address() as net.AddressInfo).port,
    cut: () => {
      isCut = true;
      cutAll();
    },
    restore: () => {
      isCut = false;
    },
    hold: () => {
      isHeld = true;
    },
    release: () => {
      isHeld = false;
      for (const [upstream, chunks] of held) for (const chunk of chunks) upstream.write(chunk);
      held.clear();
    },
    get openCount() {
      return open.size / 2;
    },
    close: () =>
      new Promise<void>((resolve) => {
        cutAll();
        server.close(() => resolve());
      }),
  };
}
