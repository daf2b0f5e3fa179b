// axe-core in the browser tests: the pinned npm package's script, injected by content (so the
// page's Content-Security-Policy must be bypassed: only contexts made with `bypassCSP: true`,
// which the accessibility sweep uses and no other test), run with the WCAG 2.0, 2.1 and 2.2
// A and AA rules and the best practices, and its violations written out one line each.

import { readFileSync } from 'node:fs';

const SOURCE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * The violations axe finds on `page` as it is now, each as "screen: rule (impact) at target:
 * what is wrong". Injects axe first if the page has not got it (each navigation loses it).
 */
export async function violations(page, screen) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: SOURCE });
  }
  const found = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    }));
  }, TAGS);
  return found.flatMap((v) =>
    v.nodes.map((n) => `${screen}: ${v.id} (${v.impact}) at ${n.target}: ${n.summary}`));
}
