// zod builds faster parsers with `new Function` wherever eval is allowed, and probes for it when a
// schema is made. The pages' Content-Security-Policy forbids eval, so the probe would be reported as a
// violation; the pages tell zod not to try. Every page imports this first, before any schema exists.
import { z } from 'zod';

z.config({ jitless: true });
