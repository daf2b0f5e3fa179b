// The text and page sizes of a PDF that Chromium printed (page.pdf()), read with pdf.js
// (pdfjs-dist, pinned in package-lock.json): the tests check what a printout says.

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Each page's text (its runs joined, a line break where pdf.js sees one) and size in points. */
export async function readPdf(bytes) {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const text = content.items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join('');
    const [x0, y0, x1, y1] = page.view;
    pages.push({ text, width: Math.round(x1 - x0), height: Math.round(y1 - y0) });
  }
  await doc.destroy();
  return pages;
}

/** All the pages' text, with runs of white space made one space (words wrap anywhere). */
export const flat = (pages) => pages.map((p) => p.text).join('\n').replace(/\s+/g, ' ');
