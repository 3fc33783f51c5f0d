// The browser example: serves index.html and the package's browser bundle (`kashif/browser`, one
// self-contained ES module with the lexicons inside) on localhost. Open the printed address.
//   node examples/browser/serve.mjs          (PORT=8080 by default; PORT=0 picks a free port)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(import.meta.resolve('kashif/browser'));
const page = fileURLToPath(new URL('./index.html', import.meta.url));
const files = {
  '/': [page, 'text/html; charset=utf-8'],
  '/kashif/browser.js': [bundle, 'text/javascript; charset=utf-8'],
};

const server = createServer((req, res) => {
  const file = files[new URL(req.url ?? '/', 'http://localhost').pathname];
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-cache' }).end(readFileSync(file[0]));
});
server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1', () => {
  console.log(`kashif browser example: http://127.0.0.1:${server.address().port}/`);
});
