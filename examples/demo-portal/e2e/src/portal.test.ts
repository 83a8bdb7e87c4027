import type { EcrImagesResponse } from '@ecr-kit/backstage-plugin-ecr-common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  guestToken,
  launchChromium,
  requireChromium,
  startAll,
  watchdog,
  screenshot,
  startPortalProcess,
  waitForValue,
  type PortalProcess,
} from './harness';

// One portal and one signed-in browser page for the whole file: the tests run in order
// and follow a developer through the portal.

const PAYMENTS_MAIN = 'payments/api — account 111122223333, eu-west-1';
const PAYMENTS_DR = 'payments/api — account 444455556666, us-east-1';
const BIG_REPO = 'arn:aws:ecr:eu-west-1:111122223333:repository/storefront/web';

let portal: PortalProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;

async function imagesFromApi(entity: string, query: Record<string, string>) {
  const token = await guestToken(portal.url);
  const res = await fetch(
    `${portal.url}/api/ecr/entities/component/default/${entity}/images?${new URLSearchParams(query)}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  expect(res.status).toBe(200);
  return (await res.json()) as EcrImagesResponse;
}

/** The images table of the ECR tab (the page has other tables on other views). */
const imagesTable = () =>
  page.getByRole('table').filter({ hasText: 'Vulnerabilities' });

async function choose(combobox: RegExp, option: string | RegExp) {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

// The whole file gets ten minutes; it takes about one.
const cancelWatchdog = watchdog(10 * 60_000, () => [
  portal,
  browser && { stop: () => browser.close() },
]);

beforeAll(async () => {
  // Fail in a second, with the fix, before starting a portal that would need stopping.
  requireChromium();
  const [started, launched] = await startAll([
    () => startPortalProcess(),
    async () => {
      const chromium = await launchChromium();
      return Object.assign(chromium, { stop: () => chromium.close() });
    },
  ] as const);
  portal = started;
  browser = launched;
  // eslint-disable-next-line no-console
  console.log(`demo portal ready in ${portal.startupMs} ms at ${portal.url}`);
  context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
}, 150_000);

afterAll(async () => {
  cancelWatchdog();
  await browser?.close();
  await portal?.stop();
});

describe('demo portal', () => {
  it('signs in as guest and lists the seeded services in the catalog', async () => {
    await page.goto(portal.url);
    await page.getByRole('button', { name: 'Enter' }).click();
    await page.getByRole('table').first().waitFor();
    // The catalog opens on the guest's own (payments) services; show every team's.
    await page.goto(`${portal.url}/?filters[kind]=component&filters[user]=all`);
    const table = page.getByRole('table').first();
    for (const name of [
      'payments-api',
      'payments-worker',
      'storefront-web',
      'inventory',
      'ledger-api',
      'edge-proxy',
      'checkout-web',
    ]) {
      await table.getByRole('link', { name, exact: true }).waitFor();
    }
    await screenshot(page, 'catalog', [
      'examples/demo-portal/docs/catalog.png',
    ]);
  });

  it('opens a service page with its ECR card', async () => {
    await page
      .getByRole('table')
      .first()
      .getByRole('link', { name: 'payments-api', exact: true })
      .click();
    await page.waitForURL(/\/catalog\/default\/component\/payments-api$/);
    await page.getByRole('heading', { name: 'payments-api' }).first().waitFor();
    const card = page
      .locator('.MuiCard-root')
      .filter({ has: page.getByText('Amazon ECR', { exact: true }) });
    await card.getByText('2.5.1-rc.2').waitFor();
    await card.getByText('Immutable tags').waitFor();
    await screenshot(card, 'ecr-card', ['backstage-plugin/docs/ecr-card.png']);
  });

  it('shows the ECR tab: repository settings and the newest images first', async () => {
    const started = Date.now();
    await page.getByRole('link', { name: 'ECR', exact: true }).click();
    const firstRow = imagesTable().getByRole('row').nth(1);
    await firstRow.getByText('2.5.1-rc.2').waitFor();
    // eslint-disable-next-line no-console
    console.log(`first row of the ECR tab after ${Date.now() - started} ms`);
    await page
      .getByText('111122223333.dkr.ecr.eu-west-1.amazonaws.com/payments/api')
      .first()
      .waitFor();
    await page.getByText('Encryption: KMS').waitFor();
    await page.getByText('Images (6)').waitFor();
    // A failed scan and a scan in progress say so (not an endless spinner).
    const row = (text: string) =>
      imagesTable().getByRole('row').filter({ hasText: text });
    await row('2.5.1-rc.1').getByText(/fail/i).first().waitFor();
    await row('untagged')
      .getByText(/scanning|in progress/i)
      .first()
      .waitFor();
    await screenshot(
      page,
      'ecr-tab',
      [
        'backstage-plugin/docs/ecr-tab.png',
        'examples/demo-portal/docs/ecr-tab.png',
      ],
      { fullPage: true },
    );
  });

  it('copies a docker pull command', async () => {
    await page
      .getByRole('button', { name: 'Copy docker pull command for tag 2.5.0' })
      .click();
    await waitForValue(
      () => page.evaluate(() => navigator.clipboard.readText()),
      'docker pull 111122223333.dkr.ecr.eu-west-1.amazonaws.com/payments/api:2.5.0',
    );
  });

  it('filters by minimum severity', async () => {
    await choose(/Minimum severity/, 'CRITICAL');
    // Only 2.3.0 has critical findings (Log4Shell, Spring4Shell).
    await page.getByRole('link', { name: 'View findings of 2.3.0' }).waitFor();
    await waitForValue(
      () =>
        imagesTable()
          .getByRole('link', { name: /View findings/ })
          .count(),
      1,
    );
    await choose(/Minimum severity/, 'Any');
    await page.getByText('Images (6)').waitFor();
  });

  it('opens an image’s findings and filters them to fixable ones', async () => {
    await page.getByRole('link', { name: 'View findings of 2.3.0' }).click();
    await page.waitForURL(/image=sha256%3A/);
    await page.getByText('Findings (11)').waitFor();
    await page.getByText('CVE-2021-44228').first().waitFor();
    await page.getByText('no fix').first().waitFor();
    await screenshot(
      page,
      'ecr-findings',
      [
        'backstage-plugin/docs/ecr-findings.png',
        'examples/demo-portal/docs/ecr-findings.png',
      ],
      { fullPage: true },
    );
    await page.getByLabel('Fixable only').check();
    // zlib, gcc-12 and apt have no fixed version.
    await page.getByText('Findings (8)').waitFor();
    expect(await page.getByText('no fix').count()).toBe(0);
    await page.getByText('← Back to images').click();
    await imagesTable().waitFor();
  });

  it('switches to the repository in the other account and region', async () => {
    await choose(/^Repository/, PAYMENTS_DR);
    await page.getByText('Account 444455556666 · us-east-1').waitFor();
    await page.getByText('Images (2)').waitFor();
    await page.getByText('Scan on push', { exact: true }).waitFor();
    await choose(/^Repository/, PAYMENTS_MAIN);
    await page.getByText('Images (6)').waitFor();
  });

  it('pages through the 10,000-image repository and sorts it by pushed date', async () => {
    const label = (image: EcrImagesResponse['images'][number]) =>
      // An untagged image shows the first 12 hex digits of its digest.
      image.tags[0] ?? image.digest.slice(7, 19);
    const firstRow = (text: string) =>
      imagesTable()
        .getByRole('row')
        .nth(1)
        .getByText(text, { exact: true })
        .waitFor();

    await page.goto(
      `${portal.url}/catalog/default/component/storefront-web/ecr`,
    );
    const { totalCount } = await imagesFromApi('storefront-web', {
      repository: BIG_REPO,
      pageSize: '1',
    });
    await page.getByText(`Images (${totalCount})`).waitFor();
    // Whatever page size the tab starts with, the backend pages, sorts and counts.
    const range = page.getByText(new RegExp(`^1–\\d+ of ${totalCount}$`));
    await range.waitFor();
    const pageSize = Number(/^1–(\d+)/.exec(await range.innerText())![1]);

    for (const pageNumber of [2, 3]) {
      await page.getByRole('button', { name: 'Go to next page' }).click();
      const from = (pageNumber - 1) * pageSize + 1;
      await page
        .getByText(`${from}–${from + pageSize - 1} of ${totalCount}`)
        .waitFor();
      const expected = await imagesFromApi('storefront-web', {
        repository: BIG_REPO,
        pageSize: String(pageSize),
        page: String(pageNumber),
      });
      await firstRow(label(expected.images[0]));
    }
    await screenshot(page, 'ecr-big-repository', [
      'examples/demo-portal/docs/ecr-big-repository.png',
    ]);

    await choose(/Sort by/, 'Oldest first');
    await page.getByText(`1–${pageSize} of ${totalCount}`).waitFor();
    const oldest = await imagesFromApi('storefront-web', {
      repository: BIG_REPO,
      pageSize: String(pageSize),
      order: 'asc',
    });
    await firstRow(label(oldest.images[0]));
  });

  it('creates a service from the golden-path template and shows its new, empty ECR repository', async () => {
    await page.goto(`${portal.url}/create`);
    await page.getByRole('button', { name: 'Choose' }).click();

    await page.locator('#root_name').fill('billing-api');
    await page.locator('#root_description').fill('Invoices and credit notes');
    await page.locator('#root_owner').fill('payments');
    await page.getByRole('option', { name: /payments/ }).click();
    await page.getByRole('button', { name: 'Next' }).click();

    await page.locator('#root_accountId').fill('111122223333');
    await page.getByRole('button', { name: 'Next' }).click();

    // RepoUrlPicker keeps github.com (the template's only host); the demo publishes to a
    // local directory instead.
    await page.getByLabel(/^Owner/).pressSequentially('acme');
    await page.getByLabel(/^Owner/).press('Tab');
    await page.getByLabel(/^Repository/).pressSequentially('billing-api');
    await page.getByLabel(/^Repository/).press('Tab');
    await page.getByRole('button', { name: 'Review' }).click();
    await screenshot(page, 'template-review', [
      'examples/demo-portal/docs/template-review.png',
    ]);
    await page.getByRole('button', { name: 'Create' }).click();

    const openInCatalog = page.getByRole('link', { name: 'Open in catalog' });
    await openInCatalog.waitFor({ timeout: 60_000 });
    // The template's output names the repository the ECR step created in the local ECR.
    await page
      .getByText('111122223333.dkr.ecr.eu-west-1.amazonaws.com/billing-api')
      .first()
      .waitFor();
    await openInCatalog.click();
    await page.waitForURL(/\/catalog\/default\/component\/billing-api/);
    // The entity page's title (the ECR card below names the repository the same way).
    await page.getByRole('heading', { name: 'billing-api' }).first().waitFor();
    await page.getByRole('link', { name: 'ECR', exact: true }).click();
    await page.getByText('No images in billing-api yet').waitFor();
    await page.getByText('Immutable tags').first().waitFor();
    await screenshot(page, 'template-ecr-tab', [
      'examples/demo-portal/docs/template-ecr-tab.png',
    ]);
  });
});
