import { launchChromium } from './launchChromium';

describe('launchChromium', () => {
  it('fails at once, with the fix, when Chromium is not installed', async () => {
    const started = Date.now();
    await expect(launchChromium('/nowhere/chromium')).rejects.toThrow(
      'Chromium not found at /nowhere/chromium: install it (apt-get install -y chromium) or set CHROMIUM_PATH',
    );
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
