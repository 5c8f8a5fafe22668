import { config } from 'zod';

// Runs in the browser before the app's own code. zod 4 probes `new Function('')`
// to decide whether to compile fast parsers; the Content-Security-Policy refuses
// eval, and the browser reports the refused probe as a violation even though zod
// catches it. jitless skips the probe (same results, interpreted parsing).
config({ jitless: true });
