// Helplines and the safety plan (issue 4), through the real UI: how long from unlock to a plan she
// can edit (a plan filled in every field, with a typing history), and how long a change of the
// "Who is it for?" filter takes to show.
import { PIN, home, press, setUp } from './ui.mjs';
import { median } from './stats.mjs';

const RUNS = Number(process.env.BENCH_CARE_RUNS ?? 7);

export async function benchCare(browser, base) {
  const context = await browser.newContext({ viewport: { width: 400, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(base);
  await setUp(page);
  const results = {};

  // A full plan: every section opened, every field written, every box ticked, and notes typed key by key.
  await page.getByRole('button', { name: /^Safety plan/ }).click();
  await page.locator('.plan-editor').waitFor();
  const collapsed = page.locator('main button[aria-expanded="false"]');
  while ((await collapsed.count()) > 0) await collapsed.first().click();
  const fields = await page.locator('main textarea').all();
  for (const [i, field] of fields.entries()) await field.fill(`Field ${i}: ${'where to go, who to call, what to take. '.repeat(40)}`);
  for (const box of await page.locator('main input[type="checkbox"]').all()) await box.check();
  await fields.at(-1)?.pressSequentially(' typed one key at a time, as she would.'.repeat(5));
  await page.waitForTimeout(1000);
  results['plan.fields_filled'] = fields.length;

  const opens = [];
  for (let i = 0; i < RUNS; i++) {
    await page.getByRole('button', { name: 'Lock now' }).click().catch(async () => {
      await page.getByRole('button', { name: 'Home', exact: true }).click();
      await page.getByRole('button', { name: 'Lock now' }).click();
    });
    await press(page, `C${PIN}=`);
    await home(page).waitFor();
    await page.evaluate(() => {
      window.__open = new Promise((resolve) => {
        let clicked = 0;
        addEventListener('click', (e) => (clicked = e.timeStamp), { capture: true, once: true });
        new MutationObserver((_, o) => {
          if (document.querySelector('.plan-editor')) {
            o.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - clicked));
          }
        }).observe(document.getElementById('app'), { childList: true, subtree: true });
      });
    });
    await page.getByRole('button', { name: /^Safety plan/ }).click();
    opens.push(await page.evaluate(() => window.__open));
  }
  results['plan.open_ms'] = median(opens);

  // The directory: every need in turn, from the change to the next frame with the new list.
  await page.getByRole('button', { name: 'Home', exact: true }).click();
  await page.getByRole('button', { name: /^Help and helplines/ }).click();
  const filter = page.getByLabel('Who is it for?');
  const options = await filter.locator('option').allTextContents();
  const filters = [];
  for (let round = 0; round < 3; round++) {
    for (const label of options) {
      await page.evaluate(() => {
        window.__filtered = new Promise((resolve) => {
          let changed = 0;
          addEventListener('change', (e) => (changed = e.timeStamp), { capture: true, once: true });
          new MutationObserver((_, o) => {
            o.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - changed));
          }).observe(document.getElementById('app'), { childList: true, subtree: true, characterData: true });
        });
      });
      await filter.selectOption({ label });
      filters.push(await Promise.race([page.evaluate(() => window.__filtered), page.waitForTimeout(2000).then(() => null)]));
    }
  }
  const measured = filters.filter((ms) => ms !== null);
  results['helplines.filter_ms'] = median(measured);
  results['helplines.filter_max_ms'] = Math.max(...measured);
  await context.close();
  return results;
}
