// Driving the app's UI from the benchmarks, by role and name, as the tests do.
export const PIN = '246810';

export async function press(page, keys) {
  const names = { '÷': 'Divide', '=': 'Equals', C: 'Clear' };
  for (const key of keys) await page.getByRole('button', { name: names[key] ?? key, exact: true }).click();
}

export function home(page) {
  return page.getByRole('heading', { name: 'Waymark', level: 1 });
}

/** Sets the app up through its UI; returns the recovery words. */
export async function setUp(page) {
  await press(page, 'C1793÷0=');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('New PIN', { exact: true }).fill(PIN);
  await page.getByLabel('Type the PIN again', { exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'England', exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  const list = page.getByRole('list', { name: 'Recovery words' });
  await list.waitFor({ timeout: 30_000 });
  const words = await list.locator('.word').allTextContents();
  await page.getByRole('button', { name: 'I have written them down' }).click();
  for (const field of await page.locator('.field input').all()) {
    const label = await page.locator(`label[for="${await field.getAttribute('id')}"]`).textContent();
    await field.fill(words[Number(label.replace(/\D/g, '')) - 1]);
  }
  await page.getByRole('button', { name: 'Check and finish' }).click();
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await home(page).waitFor();
  return words;
}

export async function unlock(page) {
  await press(page, `C${PIN}=`);
  await home(page).waitFor({ timeout: 60_000 });
}
