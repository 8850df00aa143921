// Hall screens in a process of their own: `tsx bench/screens-process.ts <url> <count>` reads
// "<officeId> <deviceKey>" lines on stdin, connects `count` screens to each office, prints "ready"
// and keeps them connected until it is killed. The scale benchmark puts the screens of the offices
// it does not time here, so that their events — as many as the server sends every office — do not
// queue in the timing process ahead of the events it times (real hall screens are machines of their own).
import { createInterface } from 'node:readline';
import type { OfficeId } from '../common/protocol';
import { connectScreens, type Screen } from './screens';

const [url, count] = process.argv.slice(2) as [string, string];
const offices: { office: OfficeId; key: string }[] = [];
for await (const line of createInterface({ input: process.stdin })) {
  const [office, key] = line.trim().split(' ');
  if (office && key) offices.push({ office, key });
}
const screens: Screen[] = [];
for (const { office, key } of offices) screens.push(...(await connectScreens(url, office, key, Number(count))));
process.stdout.write(`ready ${screens.length}\n`);
