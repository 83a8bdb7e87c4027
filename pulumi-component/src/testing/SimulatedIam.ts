/** A role the program created (or the test declared), as far as the harness keeps it. */
interface RoleRecord {
  readonly arn: string;
  readonly accountId: string;
  /** Service principals its trust policy names; `*` for a declared role. */
  readonly trustedServices: readonly string[];
  /** Inline policies by name. */
  readonly policies: Map<string, PolicyStatementLike[]>;
  readonly declared: boolean;
}

interface PolicyStatementLike {
  readonly Effect?: string;
  readonly Action?: string | string[];
  readonly Resource?: string | string[];
  readonly Principal?: { Service?: string | string[] } | string;
}

/** What a service needs from a role before it can use it. */
export interface RoleNeed {
  /** The service principal that assumes the role, e.g. `ecr.amazonaws.com`. */
  readonly service: string;
  /** The account the role must be in. */
  readonly accountId: string;
  /** Actions on resources the role's policies must allow. */
  readonly allows: readonly { action: string; resource: string }[];
}

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function wildcard(pattern: string, value: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return regex.test(value);
}

/**
 * The little of IAM the harness needs, because the simulator does not model IAM (a role ARN
 * counts as assumable there): the roles a program creates, their trust policy and inline
 * policies. Where a program hands ECR a role, the harness checks that the role exists, is in
 * the right account, trusts the service and allows what the service will do — stricter than
 * ECR at creation time, where AWS only fails at first use.
 */
export class SimulatedIam {
  private readonly roles = new Map<string, RoleRecord>();

  declare(arn: string): void {
    const accountId = /^arn:[^:]+:iam::(\d{12}):/.exec(arn)?.[1] ?? '';
    this.roles.set(arn, {
      arn,
      accountId,
      trustedServices: ['*'],
      policies: new Map(),
      declared: true,
    });
  }

  createRole(arn: string, accountId: string, trustPolicy: string): void {
    const document = JSON.parse(trustPolicy) as {
      Statement?: PolicyStatementLike | PolicyStatementLike[];
    };
    const services = list(document.Statement).flatMap(statement =>
      statement.Effect === 'Allow' &&
      typeof statement.Principal === 'object' &&
      list(statement.Action).includes('sts:AssumeRole')
        ? list(statement.Principal.Service)
        : [],
    );
    this.roles.set(arn, {
      arn,
      accountId,
      trustedServices: services,
      policies: new Map(),
      declared: false,
    });
  }

  /** Attaches an inline policy to the role named `roleName` in `accountId`. */
  putRolePolicy(
    accountId: string,
    roleName: string,
    policyName: string,
    policy: string,
  ): void {
    const role = [...this.roles.values()].find(
      r => r.accountId === accountId && r.arn.endsWith(`:role/${roleName}`),
    );
    if (!role) {
      throw new Error(
        `NoSuchEntity: The role with name ${roleName} cannot be found.`,
      );
    }
    const document = JSON.parse(policy) as {
      Statement?: PolicyStatementLike | PolicyStatementLike[];
    };
    role.policies.set(policyName, list(document.Statement));
  }

  /** Why the role at `arn` cannot serve `need`, if it cannot. */
  problem(arn: string, need: RoleNeed): string | undefined {
    const role = this.roles.get(arn);
    if (!role) return `the role ${arn} does not exist`;
    if (role.accountId !== need.accountId) {
      return `the role ${arn} is in account ${role.accountId}, not in the registry's account ${need.accountId}`;
    }
    if (role.declared) return undefined;
    if (!role.trustedServices.includes(need.service)) {
      return `the role ${arn} does not trust ${need.service} (it trusts ${role.trustedServices.join(', ') || 'no service'})`;
    }
    const statements = [...role.policies.values()].flat();
    const missing = need.allows.filter(
      ({ action, resource }) =>
        !statements.some(
          s =>
            s.Effect === 'Allow' &&
            list(s.Action).some(a => wildcard(a, action)) &&
            list(s.Resource).some(r => wildcard(r, resource)),
        ),
    );
    return missing.length > 0
      ? `the role ${arn} is not allowed ${missing.map(m => `${m.action} on ${m.resource}`).join(', ')}`
      : undefined;
  }
}
