/**
 * What each tenant role may do in the console, mirroring the server's RBAC (the server decides; this only hides what
 * would be refused). Write and operate buttons are not rendered at all for a role without the right — hidden, not
 * disabled — so a viewer's screen shows only what a viewer can use.
 */
export type Role = 'viewer' | 'editor' | 'admin';

/** read: see anything; write: pipelines, own API tokens; operate: deploy, stop, rescale, restart; admin: members, audit, all tokens. */
export type Action = 'read' | 'write' | 'operate' | 'admin';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };
const NEEDS: Record<Action, Role> = { read: 'viewer', write: 'editor', operate: 'editor', admin: 'admin' };

export function parseRole(value: unknown): Role | null {
  const text = typeof value === 'string' ? value.toLowerCase() : '';
  return text === 'viewer' || text === 'editor' || text === 'admin' ? text : null;
}

/** An unknown role (not signed in, tenants not loaded) may only read: the safe side. */
export function can(role: Role | null, action: Action): boolean {
  if (role === null) return action === 'read';
  return RANK[role] >= RANK[NEEDS[action]];
}
