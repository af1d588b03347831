/**
 * A load balancer for tests of several app servers (ADR 018, "Scaling out"): each request goes to the
 * next backend in turn, whatever connection it came on, and the proxy counts how many each served.
 * Headers pass unchanged (Host included), as from a TCP-level balancer; no X-Forwarded-For.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RoundRobinProxy {
  port: number;
  baseUrl: string;
  /** Requests passed to each backend port so far. */
  served: Map<number, number>;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(backendPorts: readonly number[]): Promise<RoundRobinProxy> {
  const agent = new http.Agent({ keepAlive: true });
  const served = new Map(backendPorts.map((port) => [port, 0]));
  let next = 0;
  const server = http.createServer((req, res) => {
    const port = backendPorts[next++ % backendPorts.length] as number;
    served.set(port, (served.get(port) ?? 0) + 1);
    const upstream = http.request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.once("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    baseUrl: `http://localhost:${port}`,
    served,
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
