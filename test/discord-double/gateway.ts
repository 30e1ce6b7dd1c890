/**
 * The gateway half of the double: Hello, heartbeats and their ACKs, Identify → READY + GUILD_CREATE,
 * Resume → replay + RESUMED, op 7 Reconnect and op 9 Invalid Session, with Discord's close codes for a
 * client that misbehaves. Dispatches carry increasing sequence numbers and are kept per session, so
 * events sent while the client is away are replayed when it resumes.
 */
import type { IncomingMessage } from 'node:http';
import { constants as zlibConstants, createDeflate, type Deflate } from 'node:zlib';
import type { WebSocket } from 'ws';
import { guildCreatePayload, type GuildState, type SnowflakeSource } from './payloads.js';
import type { ApiUser, Json } from './types.js';

const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

const Close = {
  UnknownOpcode: 4001,
  DecodeError: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
  InvalidSeq: 4007,
  InvalidApiVersion: 4012,
  InvalidIntents: 4013,
  InvalidShard: 4010,
  DisallowedIntents: 4014,
} as const;

/** Guild members, presences and message content must be switched on in the Developer Portal first. */
const PrivilegedIntents = (1 << 1) | (1 << 8) | (1 << 15);

/** How many past dispatches a session keeps for replay; older ones make a resume fail with op 9. */
const ReplayLogSize = 1000;
const WaitForClientMs = 15_000;

interface Session {
  id: string;
  /** [shard id, shard count] from Identify; [0, 1] for an unsharded client. */
  shard: [number, number];
  seq: number;
  log: { op: 0; t: string; s: number; d: Json }[];
  connection: Connection | null;
  invalid: boolean;
}

interface Connection {
  socket: WebSocket;
  session: Session | null;
  compressor: ZlibStream | null;
}

/** zlib-stream transport: one deflate context per connection, each payload ending in a sync flush. */
class ZlibStream {
  private readonly deflate: Deflate = createDeflate();
  private chunks: Buffer[] = [];
  private queue: Promise<void> = Promise.resolve();
  constructor() {
    this.deflate.on('data', (chunk: Buffer) => this.chunks.push(chunk));
  }
  compress(text: string, send: (frame: Buffer) => void): void {
    this.queue = this.queue.then(
      () =>
        new Promise<void>((resolve) => {
          this.deflate.write(text);
          this.deflate.flush(zlibConstants.Z_SYNC_FLUSH, () => {
            // 'data' events for the flushed bytes are emitted before this callback runs.
            setImmediate(() => {
              send(Buffer.concat(this.chunks));
              this.chunks = [];
              resolve();
            });
          });
        }),
    );
  }
  close(): void {
    this.deflate.close();
  }
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

function waiterList(): { add(label: string, timeoutMs?: number): Promise<void>; settle(): void; failAll(error: Error): void } {
  let waiters: Waiter[] = [];
  return {
    add(label, timeoutMs = WaitForClientMs) {
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters = waiters.filter((other) => other !== waiter);
            reject(new Error(`Discord double: timed out after ${timeoutMs}ms waiting for ${label}`));
          }, timeoutMs),
        };
        waiters.push(waiter);
      });
    },
    settle() {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.resolve();
      }
      waiters = [];
    },
    failAll(error) {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(error);
      }
      waiters = [];
    },
  };
}

export interface GatewayOptions {
  token: string;
  applicationId: string;
  botUser: ApiUser;
  guilds: GuildState[];
  heartbeatIntervalMs: number;
  allowedPrivilegedIntents: number;
  gatewayUrl: () => string;
  ids: SnowflakeSource;
  violation: (message: string) => void;
}

/** The shard a guild's events go to, as Discord computes it; DMs (no guild) go to shard 0. */
export function shardOf(guildId: string | undefined, shardCount: number): number {
  return guildId === undefined ? 0 : Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export class Gateway {
  private readonly connections = new Set<Connection>();
  private readonly sessions = new Map<string, Session>();
  /** The last session to identify or resume; what forceReconnect and invalidateSession act on. */
  private current: Session | null = null;
  /**
   * The sessions each shard's events go to. Discord sends a shard's events to every session identified
   * on it, so two processes on one shard (a deploy overlapping the old process, or a misconfiguration)
   * both receive each interaction and race to answer it; the slower gets 40060. A session whose
   * connection is gone keeps its events for a resume until another session identifies on its shard.
   */
  private readonly byShard = new Map<number, Session[]>();
  private readonly identifies = new Map<number, number>();
  private readyOnce = false;
  private readonly readyWaiters = waiterList();
  private readonly resumeWaiters = waiterList();
  private readonly identifyWaiters = waiterList();

  constructor(private readonly options: GatewayOptions) {}

  accept(socket: WebSocket, request: IncomingMessage): void {
    const query = new URL(request.url ?? '/', 'http://gateway').searchParams;
    const connection: Connection = { socket, session: null, compressor: null };
    this.connections.add(connection);
    socket.on('close', () => {
      connection.compressor?.close();
      this.connections.delete(connection);
      if (connection.session?.connection === connection) connection.session.connection = null;
    });
    socket.on('error', () => socket.terminate());
    if (query.get('v') !== '10' || (query.get('encoding') ?? 'json') !== 'json') {
      this.options.violation(`gateway: connected with ${request.url ?? ''}; only v=10 and encoding=json are served`);
      socket.close(Close.InvalidApiVersion, 'Invalid API version');
      return;
    }
    const compress = query.get('compress');
    if (compress === 'zlib-stream') connection.compressor = new ZlibStream();
    else if (compress !== null) {
      socket.close(Close.DecodeError, 'Unsupported compression');
      return;
    }
    socket.on('message', (raw, isBinary) => this.receive(connection, raw.toString(), isBinary));
    this.send(connection, { op: Op.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null });
  }

  /** A bot process may take a while to start, hence a longer default wait than for reconnects. */
  ready(timeoutMs = 30_000): Promise<void> {
    return this.readyOnce ? Promise.resolve() : this.readyWaiters.add('a client to identify and receive READY', timeoutMs);
  }

  /**
   * Sends a dispatch to the session of the shard its guild belongs to; kept for replay if that client is
   * away (a shard process that died and has not identified again yet).
   */
  dispatch(event: string, data: Json): void {
    const count = this.current?.shard[1] ?? 1;
    const guildId = typeof data?.guild_id === 'string' ? data.guild_id : undefined;
    const shard = shardOf(guildId, count);
    const sessions = (this.byShard.get(shard) ?? []).filter((session) => !session.invalid);
    if (sessions.length === 0) throw new Error(`Discord double: no client has identified on the gateway for shard ${shard} of ${count}`);
    for (const session of sessions) this.record(session, event, data);
  }

  connectedShards(): number[] {
    return [...this.byShard.entries()]
      .filter(([, sessions]) => sessions.some((session) => session.connection !== null && !session.invalid))
      .map(([shard]) => shard)
      .sort((a, b) => a - b);
  }

  /** How many sessions are connected on a shard right now (two while processes overlap). */
  connectedSessions(shard: number): number {
    return (this.byShard.get(shard) ?? []).filter((session) => session.connection !== null && !session.invalid).length;
  }

  /** A new session joins its shard's live ones; sessions that lost their connection stop receiving. */
  private joinShard(session: Session): void {
    const live = (this.byShard.get(session.shard[0]) ?? []).filter((other) => other !== session && other.connection !== null && !other.invalid);
    this.byShard.set(session.shard[0], [...live, session]);
  }

  identifyCount(shard: number): number {
    return this.identifies.get(shard) ?? 0;
  }

  async forceReconnect(): Promise<void> {
    const connection = this.current?.connection;
    if (!connection) throw new Error('Discord double: no client connected to send Reconnect to');
    const resumed = this.resumeWaiters.add('the client to RESUME after op 7');
    this.send(connection, { op: Op.Reconnect, d: null, s: null, t: null });
    await resumed;
  }

  async invalidateSession(resumable: boolean): Promise<void> {
    const session = this.current;
    const connection = session?.connection;
    if (!session || !connection) throw new Error('Discord double: no client connected to invalidate');
    if (!resumable) session.invalid = true;
    const recovered = resumable
      ? this.resumeWaiters.add('the client to RESUME after op 9')
      : this.identifyWaiters.add('the client to identify afresh after op 9');
    this.send(connection, { op: Op.InvalidSession, d: resumable, s: null, t: null });
    await recovered;
  }

  close(): void {
    const closing = new Error('Discord double closed');
    this.readyWaiters.failAll(closing);
    this.resumeWaiters.failAll(closing);
    this.identifyWaiters.failAll(closing);
    for (const connection of this.connections) {
      connection.compressor?.close();
      connection.socket.terminate();
    }
    this.connections.clear();
  }

  /** RESUMED is not replayable: a later resume must not tell the client it resumed twice. */
  private record(session: Session, event: string, data: Json, replayable = true): void {
    session.seq += 1;
    const payload = { op: Op.Dispatch, t: event, s: session.seq, d: data } as const;
    if (replayable) session.log.push(payload);
    if (session.log.length > ReplayLogSize) session.log.shift();
    if (session.connection) this.send(session.connection, payload);
  }

  private send(connection: Connection, payload: Json): void {
    const text = JSON.stringify(payload);
    const { socket } = connection;
    if (connection.compressor) {
      connection.compressor.compress(text, (frame) => {
        if (socket.readyState === socket.OPEN) socket.send(frame, { binary: true });
      });
    } else if (socket.readyState === socket.OPEN) {
      socket.send(text);
    }
  }

  private receive(connection: Connection, text: string, isBinary: boolean): void {
    let payload: Json;
    try {
      payload = isBinary ? undefined : JSON.parse(text);
    } catch {
      payload = undefined;
    }
    if (typeof payload !== 'object' || payload === null || typeof payload.op !== 'number') {
      this.options.violation('gateway: sent a frame that is not a JSON payload');
      connection.socket.close(Close.DecodeError, 'Error while decoding payload.');
      return;
    }
    switch (payload.op) {
      case Op.Heartbeat:
        this.send(connection, { op: Op.HeartbeatAck, d: null, s: null, t: null });
        return;
      case Op.Identify:
        this.identify(connection, payload.d);
        return;
      case Op.Resume:
        this.resume(connection, payload.d);
        return;
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
      case Op.RequestGuildMembers:
        if (!connection.session) {
          this.options.violation(`gateway: op ${payload.op} sent before identifying`);
          connection.socket.close(Close.NotAuthenticated, 'Not authenticated.');
        }
        return;
      default:
        this.options.violation(`gateway: unknown opcode ${String(payload.op)}`);
        connection.socket.close(Close.UnknownOpcode, 'Unknown opcode.');
    }
  }

  private authenticate(connection: Connection, token: unknown): boolean {
    if (token === this.options.token) return true;
    this.options.violation('gateway: identify/resume with a wrong token');
    connection.socket.close(Close.AuthenticationFailed, 'Authentication failed.');
    return false;
  }

  private identify(connection: Connection, data: Json): void {
    if (connection.session) {
      this.options.violation('gateway: identified twice on one connection');
      connection.socket.close(Close.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (!this.authenticate(connection, data?.token)) return;
    if (typeof data?.intents !== 'number' || data.intents < 0) {
      connection.socket.close(Close.InvalidIntents, 'Invalid intent(s).');
      return;
    }
    const disallowed = data.intents & PrivilegedIntents & ~this.options.allowedPrivilegedIntents;
    if (disallowed !== 0) {
      this.options.violation(`gateway: identified with privileged intents ${disallowed} not enabled for the application`);
      connection.socket.close(Close.DisallowedIntents, 'Disallowed intent(s).');
      return;
    }
    const shard = this.shardOf(data?.shard);
    if (!shard) {
      this.options.violation(`gateway: identified with shard ${JSON.stringify(data?.shard)}; expected [id, count] with 0 <= id < count`);
      connection.socket.close(Close.InvalidShard, 'Invalid shard.');
      return;
    }
    const session: Session = { id: this.options.ids.next(), shard, seq: 0, log: [], connection, invalid: false };
    this.sessions.set(session.id, session);
    connection.session = session;
    this.current = session;
    this.joinShard(session);
    this.identifies.set(shard[0], this.identifyCount(shard[0]) + 1);
    const { botUser, applicationId } = this.options;
    const guilds = this.options.guilds.filter((guild) => shardOf(guild.id, shard[1]) === shard[0]);
    this.record(session, 'READY', {
      v: 10,
      user: { ...botUser, verified: true, mfa_enabled: false, flags: 0, email: null },
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.options.gatewayUrl(),
      shard,
      application: { id: applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      auth_session_id_hash: session.id,
    });
    for (const guild of guilds) this.record(session, 'GUILD_CREATE', guildCreatePayload(guild));
    this.readyOnce = true;
    this.readyWaiters.settle();
    this.identifyWaiters.settle();
  }

  /** Identify's optional `shard`, checked as Discord does; absent means [0, 1]. */
  private shardOf(value: Json): [number, number] | undefined {
    if (value === undefined || value === null) return [0, 1];
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [id, count] = value as unknown[];
    if (!Number.isInteger(id) || !Number.isInteger(count)) return undefined;
    const [shardId, shardCount] = [id as number, count as number];
    return shardCount >= 1 && shardId >= 0 && shardId < shardCount ? [shardId, shardCount] : undefined;
  }

  private resume(connection: Connection, data: Json): void {
    if (!this.authenticate(connection, data?.token)) return;
    const session = this.sessions.get(String(data?.session_id));
    const firstKept = session?.log[0]?.s ?? 1;
    const seq = typeof data?.seq === 'number' ? data.seq : 0;
    if (!session || session.invalid || seq < firstKept - 1) {
      this.send(connection, { op: Op.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (seq > session.seq) {
      this.options.violation(`gateway: resumed at sequence ${seq}, beyond the last sent ${session.seq}`);
      connection.socket.close(Close.InvalidSeq, 'Invalid seq.');
      return;
    }
    if (session.connection && session.connection !== connection) session.connection.socket.close(4000, 'Resumed elsewhere');
    session.connection = connection;
    connection.session = session;
    this.current = session;
    this.joinShard(session);
    for (const missed of session.log.filter((entry) => entry.s > seq)) this.send(connection, missed);
    this.record(session, 'RESUMED', null, false);
    this.resumeWaiters.settle();
  }
}
