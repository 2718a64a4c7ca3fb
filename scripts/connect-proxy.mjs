// Loopback CONNECT proxy for Firefox, which has no --host-resolver-rules: a tunnel to an allowed host (the
// exchange hosts) goes to the fixture server's port on 127.0.0.1; every other CONNECT and every plain HTTP
// request gets 403, so nothing leaves loopback. `refused` records what was turned away.
import http from 'node:http';
import net from 'node:net';

/**
 * @param {{ targetPort: number, hosts: string[] }} opts
 * @returns {Promise<{ port: number, tunnels: string[], refused: string[], close: () => Promise<void> }>}
 */
export async function startConnectProxy({ targetPort, hosts }) {
  const allowed = new Set(hosts);
  const tunnels = [];
  const refused = [];
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    refused.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('refused by the LiqLens test proxy\n');
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  server.on('connect', (req, client, head) => {
    const [host, port] = String(req.url ?? '').split(':');
    if (!allowed.has(host) || port !== '443') {
      refused.push(`CONNECT ${req.url}`);
      client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    tunnels.push(host);
    const upstream = net.connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head?.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    const drop = () => { upstream.destroy(); client.destroy(); };
    upstream.on('error', drop);
    client.on('error', drop);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: /** @type {import('node:net').AddressInfo} */ (server.address()).port,
    tunnels,
    refused,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
