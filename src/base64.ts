/** Bytes from base64 text: Node's Buffer decodes natively where there is one, browsers have atob. */
export function decodeBase64(base64: string): Uint8Array {
  const nodeBuffer = (globalThis as { Buffer?: { from(s: string, encoding: 'base64'): Uint8Array } }).Buffer;
  if (nodeBuffer) return nodeBuffer.from(base64, 'base64');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
