// Self-signed certificate for the fixture server, generated at run time with openssl (never committed).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '.certs');

/** Returns { key, cert } PEM strings covering `hosts`; regenerated when the host list changes. */
export function ensureCert(hosts) {
  const keyFile = path.join(DIR, 'key.pem');
  const certFile = path.join(DIR, 'cert.pem');
  const hostsFile = path.join(DIR, 'hosts.txt');
  const wanted = [...hosts, 'localhost'].join(',');
  if (!fs.existsSync(keyFile) || !fs.existsSync(certFile) || !fs.existsSync(hostsFile) || fs.readFileSync(hostsFile, 'utf8') !== wanted) {
    fs.mkdirSync(DIR, { recursive: true });
    const san = [...hosts, 'localhost'].map((h) => `DNS:${h}`).concat('IP:127.0.0.1').join(',');
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30', '-subj', '/CN=LiqLens fixture server',
        '-addext', `subjectAltName=${san}`, '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
    } catch (err) {
      throw new Error(`openssl is needed to make the fixture server's certificate (apt-get install openssl): ${err}`);
    }
    fs.writeFileSync(hostsFile, wanted);
  }
  return { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) };
}
