// A small HTTP service around kashif: POST text, get the mentions back as JSON. One extractor,
// made once at start-up and shared by every request (it is stateless between calls).
//   node examples/http-service.mjs            (PORT=3000 by default; PORT=0 picks a free port)
//   curl -s localhost:3000/extract -H 'content-type: text/plain' --data-binary 'زار إلهام علييف باكو'
//   curl -s localhost:3000/extract -H 'content-type: application/json' -d '{"text":"…","types":["PERSON"]}'
import { createServer } from 'node:http';
import { createExtractor } from 'kashif';

const MAX_BYTES = 10 * 2 ** 20;
const extractor = createExtractor();

/** The request body as text, or null when it is larger than MAX_BYTES. */
async function body(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reply(res, status, payload) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(payload));
}

const server = createServer(async (req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET' && pathname === '/health') return reply(res, 200, { ok: true });
  if (pathname !== '/extract') return reply(res, 404, { error: 'POST your text to /extract' });
  if (req.method !== 'POST') return reply(res, 405, { error: 'use POST' });
  const raw = await body(req);
  if (raw === null) return reply(res, 413, { error: `the text is over ${MAX_BYTES} bytes` });
  let text = raw;
  let options = {};
  if ((req.headers['content-type'] ?? '').startsWith('application/json')) {
    try {
      ({ text, ...options } = JSON.parse(raw));
    } catch {
      return reply(res, 400, { error: 'the body is not valid JSON' });
    }
  }
  try {
    const started = performance.now();
    const mentions = extractor.extract(text, { types: options.types, minScore: options.minScore, model: options.model });
    reply(res, 200, { mentions, ms: Number((performance.now() - started).toFixed(2)) });
  } catch (error) {
    reply(res, 400, { error: error.message }); // e.g. "text" is not a string
  }
});

server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`kashif service listening on http://127.0.0.1:${server.address().port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
