/**
 * A trie over token ids: a name of n tokens is a path of n edges from the root. Edges live in one
 * open-addressing table keyed by (node, token); the entries ending at a node are packed into
 * typed arrays once the trie is frozen.
 */

export class TokenTrie {
  private edgeNode = new Int32Array(4096);
  private edgeToken = new Int32Array(4096);
  private edgeChild = new Int32Array(4096); // child + 1; 0 = empty slot
  private mask = 4095;
  private edges = 0;
  private nodes = 1; // node 0 is the root
  private pendingNodes: number[] = [];
  private pendingValues: number[] = [];
  private payloadStart = new Int32Array(1);
  private payloadEnd = new Int32Array(1);
  private payload = new Int32Array(0);

  /** The node reached from `node` by `token`, or -1. */
  child(node: number, token: number): number {
    let slot = mix(node, token) & this.mask;
    for (;;) {
      const c = this.edgeChild[slot]!;
      if (c === 0) return -1;
      if (this.edgeNode[slot] === node && this.edgeToken[slot] === token) return c - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Adds a path of token ids and a packed value at its end; returns the end node. */
  add(tokens: readonly number[], value: number): number {
    let node = 0;
    for (const token of tokens) {
      let next = this.child(node, token);
      if (next < 0) {
        next = this.nodes++;
        this.addEdge(node, token, next);
      }
      node = next;
    }
    this.pendingNodes.push(node);
    this.pendingValues.push(value);
    return node;
  }

  /** Packs the values (sorted, without repeats); call once after the last `add`. */
  freeze(): void {
    const n = this.pendingNodes.length;
    // One sortable number per (node, value): node * 2^32 + value (both fit in 53 bits).
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = this.pendingNodes[i]! * 0x100000000 + (this.pendingValues[i]! >>> 0);
    keys.sort();
    this.payloadStart = new Int32Array(this.nodes);
    this.payloadEnd = new Int32Array(this.nodes);
    this.payload = new Int32Array(n);
    let k = 0;
    let previous = -1;
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      if (key === previous) continue;
      previous = key;
      const node = Math.floor(key / 0x100000000);
      if (this.payloadEnd[node] === 0) this.payloadStart[node] = k;
      this.payload[k++] = key % 0x100000000 | 0;
      this.payloadEnd[node] = k;
    }
    if (k < n) this.payload = this.payload.slice(0, k); // repeats were dropped
    this.pendingNodes = [];
    this.pendingValues = [];
  }

  /** The edges as (node, token, child) triples, for serialising. */
  edgeTriples(): Int32Array {
    const out = new Int32Array(this.edges * 3);
    let k = 0;
    for (let slot = 0; slot < this.edgeChild.length; slot++) {
      if (this.edgeChild[slot] === 0) continue;
      out[k++] = this.edgeNode[slot]!;
      out[k++] = this.edgeToken[slot]!;
      out[k++] = this.edgeChild[slot]! - 1;
    }
    return out;
  }

  /** The values of a frozen trie as (node, value) pairs, in node order, for serialising. */
  valuePairs(): Int32Array {
    const out = new Int32Array(this.payload.length * 2);
    let k = 0;
    for (let node = 0; node < this.nodes; node++) {
      for (let i = this.payloadStart[node]!; i < this.payloadEnd[node]!; i++) {
        out[k++] = node;
        out[k++] = this.payload[i]!;
      }
    }
    return out;
  }

  /** A frozen trie from its node count, {@link edgeTriples} and {@link valuePairs}. */
  static restore(nodeCount: number, edges: Int32Array, values: Int32Array): TokenTrie {
    const trie = new TokenTrie();
    let capacity = 4096;
    while (capacity < (edges.length / 3) * 2 + 2) capacity *= 2;
    trie.edgeNode = new Int32Array(capacity);
    trie.edgeToken = new Int32Array(capacity);
    trie.edgeChild = new Int32Array(capacity);
    trie.mask = capacity - 1;
    for (let k = 0; k < edges.length; k += 3) trie.addEdge(edges[k]!, edges[k + 1]!, edges[k + 2]!);
    trie.nodes = nodeCount;
    trie.payloadStart = new Int32Array(nodeCount);
    trie.payloadEnd = new Int32Array(nodeCount);
    trie.payload = new Int32Array(values.length / 2);
    for (let k = 0; k < values.length; k += 2) {
      const node = values[k]!;
      const i = k >> 1;
      if (trie.payloadEnd[node] === 0) trie.payloadStart[node] = i;
      trie.payload[i] = values[k + 1]!;
      trie.payloadEnd[node] = i + 1;
    }
    return trie;
  }

  /** Number of nodes, the root included. */
  get nodeCount(): number {
    return this.nodes;
  }

  /** Number of values ending at `node`. */
  valueCount(node: number): number {
    return this.payloadEnd[node]! - this.payloadStart[node]!;
  }

  /** The `i`-th value ending at `node`. */
  value(node: number, i: number): number {
    return this.payload[this.payloadStart[node]! + i]!;
  }

  private addEdge(node: number, token: number, child: number): void {
    if ((this.edges + 1) * 2 > this.edgeChild.length) this.grow();
    let slot = mix(node, token) & this.mask;
    while (this.edgeChild[slot] !== 0) slot = (slot + 1) & this.mask;
    this.edgeNode[slot] = node;
    this.edgeToken[slot] = token;
    this.edgeChild[slot] = child + 1;
    this.edges++;
  }

  private grow(): void {
    const { edgeNode, edgeToken, edgeChild } = this;
    const capacity = edgeChild.length * 2;
    this.edgeNode = new Int32Array(capacity);
    this.edgeToken = new Int32Array(capacity);
    this.edgeChild = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.edges = 0;
    for (let i = 0; i < edgeChild.length; i++) {
      if (edgeChild[i] !== 0) this.addEdge(edgeNode[i]!, edgeToken[i]!, edgeChild[i]! - 1);
    }
  }
}

function mix(node: number, token: number): number {
  let h = Math.imul(node ^ 0x9e3779b9, 0x85ebca6b) ^ token;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}
