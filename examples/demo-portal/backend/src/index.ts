/*
 * The ecr-kit demo portal backend: `npm start` at the repository root runs this file.
 * PORT overrides the port of app-config.yaml (7007).
 */
import { startDemoPortal } from './startDemoPortal';

const port = process.env.PORT ? Number(process.env.PORT) : undefined;

startDemoPortal({ port }).then(
  portal => {
    // eslint-disable-next-line no-console
    console.log(
      `\necr-kit demo portal ready at ${portal.url}  (local ECR API: ${portal.localEcr.url})\n`,
    );
  },
  error => {
    // eslint-disable-next-line no-console
    console.error(error);
    process.exit(1);
  },
);
