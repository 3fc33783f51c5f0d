// A TypeScript client of examples/http-service.mjs: the mentions come back typed with the
// package's own `Mention`, offsets into the text that was sent.
//   node examples/http-service.mjs &
//   npx tsx examples/http-client.ts [http://127.0.0.1:3000]
import type { EntityType, Mention } from 'kashif';

interface ExtractResponse {
  readonly mentions: readonly Mention[];
  readonly ms: number;
}

async function extractRemote(base: string, text: string, types?: readonly EntityType[]): Promise<ExtractResponse> {
  const res = await fetch(new URL('/extract', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, ...(types ? { types } : {}) }),
  });
  if (!res.ok) throw new Error(`kashif service: ${res.status} ${((await res.json()) as { error?: string }).error ?? res.statusText}`);
  return (await res.json()) as ExtractResponse;
}

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const text = 'استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة وزير الخارجية الأمريكي أنتوني بلينكن.';
try {
  const { mentions, ms } = await extractRemote(base, text);
  for (const m of mentions) {
    console.log(`${m.type.padEnd(12)} ${m.text}  [${m.start}, ${m.end})  ${m.entity?.id ?? '(not linked)'}  ${text.slice(m.start, m.end) === m.text ? 'offsets ok' : 'OFFSETS WRONG'}`);
  }
  console.log(`${mentions.length} mentions in ${ms} ms on the server`);
} catch (error) {
  console.error(`http-client: ${error instanceof Error ? error.message : String(error)} (is the service running at ${base}?)`);
  process.exitCode = 1;
}
