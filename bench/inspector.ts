import http from 'node:http';
import WebSocket from 'ws';

/** `process.memoryUsage()` of the inspected process, in MB. */
export interface MemoryUsageMb {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

interface Reply {
  id?: number;
  method?: string;
  params?: { chunk?: string };
  result?: { result?: { value?: unknown } };
  error?: { message: string };
}

function listTargets(port: number): Promise<{ webSocketDebuggerUrl: string }[]> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/json/list', agent: false }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          try {
            resolve(JSON.parse(text) as { webSocketDebuggerUrl: string }[]);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      })
      .on('error', reject);
  });
}

/**
 * A client of the V8 inspector protocol of a child started with `--inspect=127.0.0.1:<port>`: the memory check forces
 * a full garbage collection there and reads `process.memoryUsage()` after it, so growth of retained JavaScript objects
 * (a true leak) is told apart from heap or allocator space that a collection would give back. Loopback only.
 */
export class Inspector {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private chunks: string[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const reply = JSON.parse(data.toString()) as Reply;
      if (reply.method === 'HeapProfiler.addHeapSnapshotChunk') this.chunks.push(reply.params?.chunk ?? '');
      if (reply.id === undefined) return;
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.error) waiter?.reject(new Error(reply.error.message));
      else waiter?.resolve(reply);
    });
    socket.on('close', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error('inspector closed'));
      this.pending.clear();
    });
  }

  /** Connects to the first target of the inspector listening on loopback `port`. */
  static async connect(port: number): Promise<Inspector> {
    const [target] = await listTargets(port);
    if (!target) throw new Error(`no inspector target on port ${port}`);
    const socket = new WebSocket(target.webSocketDebuggerUrl, { perMessageDeflate: false, maxPayload: 1024 ** 3 });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new Inspector(socket);
  }

  /** Sends one protocol command and waits for its answer. */
  send(method: string, params: Record<string, unknown> = {}): Promise<Reply> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Forces full garbage collections (twice, so objects freed by finalizers of the first go too). */
  async collectGarbage(): Promise<void> {
    await this.send('HeapProfiler.collectGarbage');
    await this.send('HeapProfiler.collectGarbage');
  }

  /** `process.memoryUsage()` of the inspected process now, in MB. */
  async memoryUsage(): Promise<MemoryUsageMb> {
    const reply = await this.send('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    });
    const bytes = JSON.parse(String(reply.result?.result?.value)) as Record<keyof MemoryUsageMb, number>;
    const mb = (n: number): number => n / 1024 / 1024;
    return {
      rss: mb(bytes.rss),
      heapTotal: mb(bytes.heapTotal),
      heapUsed: mb(bytes.heapUsed),
      external: mb(bytes.external),
      arrayBuffers: mb(bytes.arrayBuffers),
    };
  }

  /** Takes a heap snapshot (which collects garbage first) and returns its JSON text. */
  async heapSnapshot(): Promise<string> {
    this.chunks = [];
    await this.send('HeapProfiler.enable');
    await this.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    const text = this.chunks.join('');
    this.chunks = [];
    return text;
  }

  /** Closes the connection; the inspected process goes on. */
  close(): void {
    this.socket.close();
  }
}
