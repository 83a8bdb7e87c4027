import { render, screen } from '@testing-library/react';
import app from './App';

describe('demo portal app', () => {
  it('starts on the guest sign-in page', async () => {
    // The app reads its config from APP_CONFIG, which the bundler fills in production.
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'ecr-kit demo portal' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as unknown as string,
    };
    render(app.createRoot());
    expect(
      await screen.findByRole('button', { name: 'Enter' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Guest')).toBeInTheDocument();
  });
});
