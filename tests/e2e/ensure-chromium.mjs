// Makes sure Debian's Chromium is present for the browser tests. We never download a browser of our own:
// as root on Debian/Ubuntu we install the distribution package (and say so); elsewhere we stop with one line.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log(`Chromium not found at ${CHROMIUM}: installing Debian's chromium package with apt-get (needed by the browser tests).`);
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null', { stdio: 'inherit' });
  if (existsSync(CHROMIUM)) process.exit(0);
}
console.error(`Chromium is missing: install your distribution's chromium package (Debian: apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`);
process.exit(1);
