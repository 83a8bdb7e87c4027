import { screen, within } from '@testing-library/react';
import {
  compliantRepository,
  fresh,
  laxRepository,
  latestImage,
  plainEntity,
} from '../../__fixtures__/ecrData';
import {
  backendError,
  ecrApiStub,
  ecrApiWithRepositories,
  renderWithEntity,
} from '../../__testUtils__';
import { EcrCard } from './EcrCard';

describe('EcrCard', () => {
  it('shows the latest image, its vulnerabilities, the settings and a link to the tab', async () => {
    const api = ecrApiStub();
    await renderWithEntity(<EcrCard />, { api });
    expect(await screen.findByText('v1.4.2')).toBeInTheDocument();
    expect(api.getImages).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'payments' },
      compliantRepository.arn,
      { pageSize: 1, sort: 'pushedAt', order: 'desc', tagStatus: 'TAGGED' },
    );
    expect(screen.getByRole('time')).toHaveAttribute(
      'title',
      '2025-05-30 10:00 UTC',
    );
    const counts = screen.getByRole('list', {
      name: 'Vulnerabilities of the latest image',
    });
    expect(within(counts).getByText('Critical 1')).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('list', { name: 'Repository settings' }),
      ).getByText('Immutable tags'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /View images/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/ecr',
    );
  });

  it('says why the latest image has no counts when its scan could not be read', async () => {
    const api = ecrApiStub();
    api.getImages.mockResolvedValue({
      repository: {
        arn: compliantRepository.arn,
        uri: compliantRepository.uri,
      },
      images: [
        {
          ...latestImage,
          scan: {
            state: 'UNAVAILABLE',
            unavailableReason: 'ThrottlingException: Rate exceeded',
          },
        },
      ],
      page: 1,
      pageSize: 1,
      totalCount: 1,
      freshness: fresh,
    });
    await renderWithEntity(<EcrCard />, { api });
    expect(await screen.findByText('Scan unavailable')).toBeInTheDocument();
    expect(
      screen.getByText('ThrottlingException: Rate exceeded'),
    ).toBeVisible();
    expect(
      screen.queryByRole('list', {
        name: 'Vulnerabilities of the latest image',
      }),
    ).not.toBeInTheDocument();
  });

  it('names how many more repositories the tab has', async () => {
    const api = ecrApiWithRepositories([compliantRepository, laxRepository]);
    await renderWithEntity(<EcrCard />, { api });
    expect(
      await screen.findByText('payments/api (+1 more repository)'),
    ).toBeInTheDocument();
  });

  it('says when there is no tagged image yet', async () => {
    const api = ecrApiStub();
    api.getImages.mockResolvedValue({
      repository: {
        arn: compliantRepository.arn,
        uri: compliantRepository.uri,
      },
      images: [],
      page: 1,
      pageSize: 1,
      totalCount: 0,
      freshness: fresh,
    });
    await renderWithEntity(<EcrCard />, { api });
    expect(
      await screen.findByText('No tagged images yet.'),
    ).toBeInTheDocument();
  });

  it('says why when the repositories could not be read', async () => {
    const api = ecrApiWithRepositories(
      [],
      [{ arn: compliantRepository.arn, message: 'AccessDenied' }],
    );
    await renderWithEntity(<EcrCard />, { api });
    expect(
      await screen.findByText(
        'The ECR repositories of this entity could not be read: AccessDenied',
      ),
    ).toBeInTheDocument();
  });

  it('shows backend errors', async () => {
    const api = ecrApiStub();
    api.getRepositories.mockRejectedValue(
      await backendError(503, 'ServiceUnavailableError', 'Backend starting up'),
    );
    await renderWithEntity(<EcrCard />, { api });
    expect(
      (await screen.findAllByText(/Backend starting up/)).length,
    ).toBeGreaterThan(0);
  });

  it('tells how to annotate an entity without ECR annotations', async () => {
    const api = ecrApiStub();
    await renderWithEntity(<EcrCard />, { api, entity: plainEntity });
    expect(
      screen.getByText(/annotation to show this entity's/),
    ).toBeInTheDocument();
    expect(api.getRepositories).not.toHaveBeenCalled();
  });
});
