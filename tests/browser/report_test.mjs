// Headless-Chromium check of report.html: every finding card and timeline
// renders, the filters hide and show cards, and markup injected through article
// text stays text. Usage: node report_test.mjs REPORT.html FINDINGS.jsonl [SCREENSHOT.png]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const require = createRequire(`${process.env.FACTLINE_BROWSER_TOOLS}/`);
const { chromium } = require('playwright-core');

const [reportPath, findingsPath, screenshotPath] = process.argv.slice(2);
const findings = readFileSync(findingsPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
let failed = 0;
let passed = 0;
function check(ok, what) {
  if (ok) { passed += 1; } else { failed += 1; console.error(`FAIL ${what}`); }
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await page.goto(pathToFileURL(reportPath).href);

  // Every finding has a visible card with its id as anchor.
  for (const f of findings) {
    const card = page.locator(`[id="${f.id}"]`);
    check(await card.count() === 1, `one card for ${f.id}`);
    if (await card.count() === 1) check(await card.isVisible(), `card ${f.id} visible`);
  }
  const cards = await page.locator('.finding').count();
  check(cards === findings.length, `cards (${cards}) = findings (${findings.length})`);

  // Timelines: an SVG per subject/topic, each with at least one marker.
  const svgs = page.locator(".timeline svg");
  const svgCount = await svgs.count();
  check(svgCount > 0, 'at least one SVG timeline');
  for (let i = 0; i < svgCount; i += 1) {
    const box = await svgs.nth(i).boundingBox();
    check(box !== null && box.width > 100 && box.height > 20, `timeline ${i} has a size`);
    check(await svgs.nth(i).locator('circle, rect.marker, path.marker').count() > 0, `timeline ${i} has markers`);
  }

  // Filters: choosing a kind hides every card of another kind. Without
  // findings the card and filter checks would hold for any page.
  check(findings.length > 0, 'the corpus gives findings');
  if (findings.length > 0) {
    const kind = findings[0].kind;
    const select = page.locator('select[data-filter="kind"]');
    check(await select.count() === 1, 'a kind filter');
    if (await select.count() === 1) {
      await select.selectOption(kind);
      for (const f of findings) {
        const visible = await page.locator(`[id="${f.id}"]`).isVisible();
        check(visible === (f.kind === kind), `filter kind=${kind}: ${f.id} (${f.kind}) visible=${visible}`);
      }
      await select.selectOption('');
      for (const f of findings) check(await page.locator(`[id="${f.id}"]`).isVisible(), `filter reset shows ${f.id}`);
    }
  }

  // Injected markup stayed text: nothing ran, no element was created from it.
  // The fixtures' payloads call alert(1), so a payload that ran shows up as a dialog.
  const injected = await page.evaluate(() => ({
    onerrorImages: [...document.querySelectorAll('img')].filter((i) => i.getAttribute('onerror')).length,
    scriptsWithAlert: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('alert(')).length,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
  }));
  check(dialogs.length === 0, `no injected script ran (dialogs: ${dialogs.join(', ')})`);
  check(injected.onerrorImages === 0, 'no <img onerror> element created from article text');
  check(injected.scriptsWithAlert === 0, 'no <script> element created from article text');
  check(injected.csp.includes("default-src 'none'"), 'CSP forbids external loads');
  check(requests.length === 0, `no network requests (${requests.join(', ')})`);

  if (screenshotPath) await page.screenshot({ path: screenshotPath, fullPage: true });
} finally {
  await browser.close();
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
