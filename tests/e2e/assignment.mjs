// Making assignment links in the tests, as the teacher's page does: the assignment as JSON,
// in URL-safe base64, with its checksum (src/assignment/link.rs).

const base36 = (n) => {
  let text = '';
  for (let i = 0; i < 8; i++) {
    text += '0123456789abcdefghijklmnopqrstuvwxyz'[Number(n % 36n)];
    n /= 36n;
  }
  return text;
};

function fnv1a64(text) {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash;
}

function wrap(value) {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `1.${payload}.${base36(fnv1a64(payload))}`;
}

/** An assignment on the kbd fixture bank, with `overrides`. */
export function assignment(overrides = {}) {
  return {
    id: 'kbd-test',
    title: 'Keyboard test',
    instructions: 'Answer every question.',
    bank: { path: 'fixtures/kbd/index.toml', id: 'kbd', version: '1' },
    count: 3,
    order: 'same',
    seed: 'class-7b',
    mode: 'exam',
    attempts: 1,
    review: 'score',
    name_required: true,
    ...overrides,
  };
}

export const link = (a) => `?a=${wrap(a)}`;
export const forStudent = (student, time) => `&for=${wrap({ student, time })}`;
