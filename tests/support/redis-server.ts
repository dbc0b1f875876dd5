/** A private `redis-server` for a test, on a port of its own, with nothing saved to disk. */
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

export function startRedisServer(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`could not start redis-server (${error.message}): install it (apt-get install redis-server)`)));
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (/Ready to accept connections/.test(line)) resolve(child);
    });
  });
}
