// The adopter test's frontend step (scripts/adopter-test.mjs): a Backstage app package as
// `@backstage/create-app` lays it out (`packages/app`, role `frontend`, built by
// `backstage-cli package build`) with the installed `@ecr-kit/backstage-plugin-ecr` tarball.
// One bundle holds two apps: the new frontend system (`createApp` from
// `@backstage/frontend-defaults` with the catalog plugin and the plugin's default export) and
// the legacy system (`createApp` from `@backstage/app-defaults`, `ecrPlugin`,
// `EntityEcrContent` and `EntityEcrCard` on a catalog entity page), the legacy one under
// `/legacy`. The backend serves the bundle (`@backstage/plugin-app-backend`) and signs the
// browser in as guest; headless Chromium opens the ECR tab of an annotated entity in both
// apps and fails on a missing image row, a page error, or an error or warning in the console
// (React's, Material Table's "unique id") other than the few Backstage logs by itself.
import { spawn } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesBelow, sleep, until } from './adopter-util.mjs';

/** What a create-app frontend package brings next to the ECR plugin. */
export const FRONTEND_PACKAGES = [
  '@backstage/app-defaults',
  '@backstage/core-app-api',
  '@backstage/core-components',
  '@backstage/frontend-defaults',
  '@backstage/frontend-plugin-api',
  '@backstage/plugin-app-react',
  '@backstage/plugin-catalog',
  '@backstage/ui',
  // The one hoisted Material UI 4 the plugin README asks for.
  '@material-ui/core',
  'react',
  'react-dom',
  'react-router-dom',
];

/**
 * The app's build tooling. `jsdom` as the workspace pins it: npm refuses the install when a
 * transitive `jest-environment-jsdom` hoists a jsdom outside `@backstage/cli`'s optional
 * `jsdom` peer range.
 */
export const FRONTEND_DEV_PACKAGES = ['@backstage/cli', 'jsdom'];

/** The backend plugins that serve the app and sign the browser in. */
export const APP_BACKEND_PACKAGES = [
  '@backstage/plugin-app-backend',
  '@backstage/plugin-auth-backend',
  '@backstage/plugin-auth-backend-module-guest-provider',
];

const SIGN_IN = `import { SignInPage } from '@backstage/core-components';

/** Guest sign-in (the auth backend's guest provider). */
export const GuestSignInPage = (props: any) => (
  <SignInPage {...props} providers={['guest']} />
);
`;

const NEW_APP = `import { createApp } from '@backstage/frontend-defaults';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import ecrPlugin from '@ecr-kit/backstage-plugin-ecr';
import { GuestSignInPage } from './signIn';

const signIn = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: { loader: async () => GuestSignInPage },
    }),
  ],
});

export const newApp = createApp({ features: [catalogPlugin, ecrPlugin, signIn] });
`;

const LEGACY_APP = `import { createApp } from '@backstage/app-defaults';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import {
  CatalogEntityPage,
  CatalogIndexPage,
  EntityLayout,
  EntitySwitch,
  catalogPlugin,
} from '@backstage/plugin-catalog';
import {
  EntityEcrCard,
  EntityEcrContent,
  ecrPlugin,
  isEcrAvailable,
} from '@ecr-kit/backstage-plugin-ecr';
import { Route } from 'react-router-dom';
import { GuestSignInPage } from './signIn';

const app = createApp({
  plugins: [catalogPlugin, ecrPlugin],
  components: { SignInPage: GuestSignInPage },
});

export const LegacyApp = app.createRoot(
  <AppRouter>
    <FlatRoutes>
      <Route path="/legacy/catalog" element={<CatalogIndexPage />} />
      <Route
        path="/legacy/catalog/:namespace/:kind/:name"
        element={<CatalogEntityPage />}
      >
        <EntityLayout>
          <EntityLayout.Route path="/" title="Overview">
            <EntitySwitch>
              <EntitySwitch.Case if={isEcrAvailable}>
                <EntityEcrCard />
              </EntitySwitch.Case>
            </EntitySwitch>
          </EntityLayout.Route>
          <EntityLayout.Route path="/ecr" title="ECR" if={isEcrAvailable}>
            <EntityEcrContent />
          </EntityLayout.Route>
        </EntityLayout>
      </Route>
    </FlatRoutes>
  </AppRouter>,
);
`;

const INDEX = `import ReactDOM from 'react-dom/client';
import '@backstage/ui/css/styles.css';
import { LegacyApp } from './legacyApp';
import { newApp } from './newApp';

ReactDOM.createRoot(document.getElementById('root')!).render(
  window.location.pathname.startsWith('/legacy') ? <LegacyApp /> : newApp.createRoot(),
);
`;

const HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>ecr-kit adopter</title>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

/**
 * Writes `packages/app` below `app` (the scratch project, a workspace root) and returns its
 * folder. `spec(name)` gives each dependency's version or tarball.
 */
export function writeFrontend(app, spec) {
  const dir = join(app, 'packages', 'app');
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'public'), { recursive: true });
  const names = ['@ecr-kit/backstage-plugin-ecr', ...FRONTEND_PACKAGES];
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'app',
        version: '0.0.0',
        private: true,
        bundled: true,
        backstage: { role: 'frontend' },
        dependencies: Object.fromEntries(names.map(n => [n, spec(n)])),
        devDependencies: Object.fromEntries(
          FRONTEND_DEV_PACKAGES.map(n => [n, spec(n)]),
        ),
        browserslist: ['last 1 chrome version'],
      },
      null,
      2,
    ),
  );
  writeFileSync(join(dir, 'public', 'index.html'), HTML);
  writeFileSync(join(dir, 'src', 'index.tsx'), INDEX);
  writeFileSync(join(dir, 'src', 'newApp.tsx'), NEW_APP);
  writeFileSync(join(dir, 'src', 'legacyApp.tsx'), LEGACY_APP);
  writeFileSync(join(dir, 'src', 'signIn.tsx'), SIGN_IN);
  return dir;
}

/**
 * `backstage-cli package build` of the app with `configPath` (`run` runs a command to its end,
 * rejecting with its output); resolves to the build time and the size of its JavaScript.
 */
export async function buildFrontend({ dir, configPath, run }) {
  const started = Date.now();
  await run(
    'npx',
    [
      '--no-install',
      'backstage-cli',
      'package',
      'build',
      '--config',
      configPath,
    ],
    { cwd: dir },
  );
  const dist = join(dir, 'dist');
  const scripts = filesBelow(dist).filter(f => f.endsWith('.js'));
  const bytes = scripts.reduce(
    (sum, f) => sum + statSync(join(dist, f)).size,
    0,
  );
  return {
    seconds: (Date.now() - started) / 1000,
    files: scripts.length,
    kib: bytes / 1024,
  };
}

/**
 * `backstage-cli package start` of the app (the development server an adopter runs with
 * `yarn start`: a development build, so React's and Material Table's development warnings
 * show) on `url`, after the backend's config and `devConfigPath`. Resolves once it serves the
 * app, to a function that stops it.
 */
export async function startDevServer({
  dir,
  configPaths,
  url,
  env,
  track,
  timeoutMs = 180_000,
}) {
  const child = spawn(
    'npx',
    [
      '--no-install',
      'backstage-cli',
      'package',
      'start',
      ...configPaths.flatMap(path => ['--config', path]),
    ],
    {
      cwd: dir,
      env: { ...env, BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: stopping it stops the bundler it starts.
      detached: true,
    },
  );
  track(child);
  let output = '';
  child.stdout.on('data', chunk => (output += chunk));
  child.stderr.on('data', chunk => (output += chunk));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise(resolve => child.once('close', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  };
  try {
    await until(
      `backstage-cli package start serving ${url}`,
      timeoutMs,
      async () => {
        if (child.exitCode !== null) {
          throw Object.assign(
            new Error(
              `backstage-cli package start exited with ${child.exitCode}`,
            ),
            { fatal: true },
          );
        }
        const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
        return res.ok ? true : undefined;
      },
    );
  } catch (error) {
    await stop();
    throw new Error(`${error.message}:\n${output.slice(-3000)}`);
  }
  return stop;
}

/** Launches Debian's Chromium (or CHROMIUM_PATH) headless through the workspace's playwright-core. */
async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The console errors and warnings and page errors of `page` while `visit` runs, plus the
 * guest sign-in a user does when the app asks.
 */
async function consoleOf(page, visit) {
  const messages = [];
  const onError = error =>
    messages.push(Promise.resolve(`page error: ${error.message}`));
  const onConsole = message => {
    if (['error', 'warning'].includes(message.type())) {
      messages.push(formatted(message));
    }
  };
  page.on('pageerror', onError);
  page.on('console', onConsole);
  try {
    await visit();
    // Anything logged once the page has settled.
    await page.waitForTimeout(500);
  } finally {
    page.off('pageerror', onError);
    page.off('console', onConsole);
  }
  return Promise.all(messages);
}

/**
 * A console message as the browser's console shows it: React's development warnings pass the
 * component name and stack as `%s` arguments, which `text()` leaves out.
 */
async function formatted(message) {
  const args = await Promise.all(
    message.args().map(arg => arg.jsonValue().catch(() => String(arg))),
  );
  const [first, ...rest] = args;
  const text =
    typeof first === 'string'
      ? first.replace(/%[sdo]/g, () => String(rest.shift() ?? ''))
      : message.text();
  return `console ${message.type()}: ${[text, ...rest].join(' ').trim()}`;
}

/**
 * What Backstage itself logs in these apps, whatever plugins they hold. Each entry names its
 * source; nothing the ECR plugin logs may be added here.
 */
const FRAMEWORK_MESSAGES = [
  // @backstage/plugin-app 0.5.3 (Backstage 1.55), DefaultIconsApi: warns about the app's own
  // default icons on the first icon lookup (core-components' `useApp().getSystemIcon`).
  /^console warning: The following icons were registered as IconComponent, which is deprecated\./,
  // Development build only. React 18.3 on Material UI 4's `useIsFocusVisible` (ButtonBase), which
  // core-components render; the plugin itself uses MUI 5, which does not call findDOMNode.
  /^console error: Warning: findDOMNode is deprecated and will be removed in the next major release\./,
  // Development build only. React 18.3 on @material-table/core 3 (core-components' Table) and
  // the react-beautiful-dnd 13 it renders its header with.
  /^console error: Warning: (MTable\w+|Connect\((Droppable|Draggable)\)): Support for defaultProps will be removed from (function|memo) components/,
  // Development build only. react-router-dom 6.30 in the legacy app's router, which
  // @backstage/core-app-api's AppRouter creates without React Router's v7 future flags.
  /^console warning: ⚠️ React Router Future Flag Warning: /,
];

/** Waits for `ready`; enters as guest first if the app shows its sign-in page. */
async function signedIn(page, ready) {
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.or(ready).first().waitFor({ timeout: 60_000 });
  if (await enter.isVisible()) await enter.click();
  await ready.first().waitFor({ timeout: 60_000 });
}

/**
 * Opens the ECR tab of `entityPath` (e.g. `/catalog/default/component/payments`) in the
 * new-system app and under `/legacy` in the legacy one, of each of `builds` (`{ name, url }`:
 * the production bundle the backend serves, the development server); waits for a row with
 * each of `tags`.
 * Fails on a page error, and on a console error or warning other than Backstage's own
 * ({@link FRAMEWORK_MESSAGES}).
 */
export async function renderFrontend({ builds, entityPath, tags, log }) {
  const browser = await launch();
  try {
    for (const [system, prefix, baseUrl] of builds.flatMap(build => [
      [`${build.name}, new frontend system`, '', build.url],
      [`${build.name}, legacy frontend system`, '/legacy', build.url],
    ])) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = Date.now();
      const url = `${prefix}${entityPath}/ecr`;
      const table = page.locator('table', { hasText: 'Vulnerabilities' });
      const problems = [];
      const messages = await consoleOf(page, async () => {
        try {
          await page.goto(`${baseUrl}${url}`);
          await signedIn(page, table);
          for (const tag of tags) {
            await table
              .locator('tbody tr', { hasText: tag })
              .first()
              .waitFor({ timeout: 60_000 });
          }
        } catch (error) {
          const text = await page
            .locator('body')
            .innerText()
            .catch(() => '');
          problems.push(
            `no row for ${tags.join(', ')}: ${error.message.split('\n')[0]}\n    page text: ${text.slice(0, 600)}`,
          );
        }
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      problems.push(
        ...messages.filter(
          message => !FRAMEWORK_MESSAGES.some(known => known.test(message)),
        ),
      );
      if (problems.length > 0) {
        throw new Error(`${system}: ${url}\n    ${problems.join('\n    ')}`);
      }
      log(
        `${system}: the ECR tab of ${entityPath} shows ${tags.join(', ')} in ${seconds} s; no page error, no console error or warning of the plugin`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
  }
}
