// A minimal Redis client (RESP2 over node:net, no package needed) for the Node test scripts: one connection, the
// database of the URL selected on connect, commands answered in order.
//
//   const redis = await Redis.open("redis://127.0.0.1:6379/12");
//   await redis.command("GET", key);
//   redis.close();
//
// Used by client-interop.mjs (reading the server's session keys) and node-server.mjs (Better Auth's secondaryStorage).

import net from "node:net";

export class Redis {
  constructor(url, { timeoutMs = 5_000 } = {}) {
    const u = new URL(url);
    this.host = u.hostname || "127.0.0.1";
    this.port = Number(u.port || 6379);
    this.db = Number((u.pathname || "/0").slice(1) || 0);
    this.timeoutMs = timeoutMs;
    this.pending = [];
    this.buffer = Buffer.alloc(0);
  }

  /** Connects and selects the URL's database. */
  static async open(url, options) {
    const redis = new Redis(url, options);
    await redis.connect();
    return redis;
  }

  async connect() {
    this.socket = net.createConnection({ host: this.host, port: this.port });
    this.socket.setNoDelay(true);
    this.socket.on("data", (chunk) => this.onData(chunk));
    this.socket.on("error", (e) => this.failAll(e));
    this.socket.on("close", () => this.failAll(new Error("Redis connection closed")));
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Redis ${this.host}:${this.port}: connect timed out`)), this.timeoutMs);
      this.socket.once("connect", () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.once("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    const ok = await this.command("SELECT", String(this.db));
    if (ok !== "OK") throw new Error(`SELECT ${this.db}: ${ok}`);
  }

  /** Sends one command; resolves with its reply (string, number, null or array), rejects on an error reply. */
  command(...args) {
    const parts = [`*${args.length}\r\n`];
    for (const a of args) {
      const s = String(a);
      parts.push(`$${Buffer.byteLength(s)}\r\n${s}\r\n`);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Redis ${args[0]} timed out`)), this.timeoutMs);
      this.pending.push({
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.socket.write(parts.join(""));
    });
  }

  onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const parsed = parse(this.buffer, 0);
      if (!parsed) return;
      this.buffer = this.buffer.subarray(parsed.end);
      const p = this.pending.shift();
      if (!p) continue;
      if (parsed.value instanceof Error) p.reject(parsed.value);
      else p.resolve(parsed.value);
    }
  }

  failAll(e) {
    for (const p of this.pending.splice(0)) p.reject(e);
  }

  close() {
    this.socket?.destroy();
  }
}

/** Parses one RESP2 reply at offset; null when incomplete. */
export function parse(buf, offset) {
  const lineEnd = buf.indexOf("\r\n", offset);
  if (lineEnd < 0) return null;
  const type = String.fromCharCode(buf[offset]);
  const line = buf.toString("utf8", offset + 1, lineEnd);
  const next = lineEnd + 2;
  switch (type) {
    case "+":
      return { value: line, end: next };
    case "-":
      return { value: new Error(line), end: next };
    case ":":
      return { value: Number(line), end: next };
    case "$": {
      const len = Number(line);
      if (len < 0) return { value: null, end: next };
      if (buf.length < next + len + 2) return null;
      return { value: buf.toString("utf8", next, next + len), end: next + len + 2 };
    }
    case "*": {
      const count = Number(line);
      if (count < 0) return { value: null, end: next };
      const items = [];
      let at = next;
      for (let i = 0; i < count; i++) {
        const item = parse(buf, at);
        if (!item) return null;
        items.push(item.value);
        at = item.end;
      }
      return { value: items, end: at };
    }
    default:
      throw new Error(`Unexpected RESP reply type ${type}`);
  }
}
