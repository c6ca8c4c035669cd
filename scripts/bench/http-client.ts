import { Pool } from "undici";

/*
 * The load generator's HTTP client: undici's connection pool, one keep-alive connection per
 * client, bodies serialised before the clock starts. It shares the two cores with the app
 * and PostgreSQL, so its own cost is part of what the hub's rows pay: `fetch` cost it about
 * 0.9 ms of CPU per request, as much as the app's whole work for a single event, where the
 * baseline's pg driver costs about 0.1 ms per statement.
 */
export interface BenchClient {
  send: (method: "GET" | "POST", path: string, body?: string) => Promise<boolean>;
  close: () => Promise<void>;
}

export function benchClient(baseUrl: string, options: { connections: number; headers: Record<string, string> }): BenchClient {
  const pool = new Pool(baseUrl, { connections: options.connections, pipelining: 1 });
  return {
    send: async (method, path, body) => {
      const answer = await pool.request({ method, path, headers: options.headers, body });
      await answer.body.dump();
      return answer.statusCode >= 200 && answer.statusCode < 300;
    },
    close: () => pool.close(),
  };
}
