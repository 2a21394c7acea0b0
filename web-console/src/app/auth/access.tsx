/**
 * The tenant the user acts in and their role there: the tenant switcher's list (`GET /api/v1/tenants`), the role of
 * the chosen tenant (`GET /api/v1/tenants/current`, sent with the `Millrace-Tenant` header). Pages read it with
 * `useAccess()` to hide what the role cannot do.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, type ApiClient } from '../api/client';
import { can, parseRole, type Action, type Role } from './roles';

export interface TenantSummary {
  readonly id: string;
  readonly displayName: string;
  readonly role: string;
}

export interface Access {
  readonly tenants: readonly TenantSummary[];
  readonly tenant: string | null;
  readonly role: Role | null;
  /** Why the tenants could not be loaded, or null. */
  readonly problem: string | null;
  /** Changes whenever the tenant changes, so pages reload their data. */
  readonly generation: number;
  can(action: Action): boolean;
  switchTenant(id: string): void;
}

const readOnly: Access = { tenants: [], tenant: null, role: null, problem: null, generation: 0, can: (a) => can(null, a), switchTenant: () => {} };
const AccessContext = createContext<Access>(readOnly);

export function useAccess(): Access {
  return useContext(AccessContext);
}

const TENANT_KEY = 'millrace.console.tenant';

function rememberedTenant(): string | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(TENANT_KEY);
  } catch {
    return null;
  }
}

export function AccessProvider({ api, selectTenant, children }: { api: ApiClient; selectTenant?: (id: string | null) => void; children: ReactNode }) {
  const [tenants, setTenants] = useState<readonly TenantSummary[]>([]);
  const [tenant, setTenant] = useState<string | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  // Pages wait for the tenant choice: a request sent before it would act in the server's default tenant.
  const [ready, setReady] = useState(false);

  const choose = useCallback(
    async (id: string | null, list: readonly TenantSummary[]) => {
      selectTenant?.(id);
      setTenant(id);
      try {
        if (id) sessionStorage.setItem(TENANT_KEY, id);
      } catch {
        // storage may be unavailable (private mode); the choice then lasts until reload
      }
      const listed = parseRole(list.find((t) => t.id === id)?.role);
      setRole(listed);
      try {
        const current = await api.get<{ id: string; role: string }>('/api/v1/tenants/current');
        setRole(parseRole(current.role) ?? listed);
      } catch {
        // the list's role stands
      }
      setGeneration((g) => g + 1);
      setReady(true);
    },
    [api, selectTenant],
  );

  useEffect(() => {
    let live = true;
    api
      .get<TenantSummary[]>('/api/v1/tenants')
      .then((list) => {
        if (!live) return;
        setTenants(list);
        if (list.length === 0) {
          setProblem('You are not a member of any tenant yet: ask a tenant admin to add you.');
          setReady(true);
          return;
        }
        const remembered = rememberedTenant();
        void choose(list.some((t) => t.id === remembered) ? remembered : list[0].id, list);
      })
      .catch((error: unknown) => {
        if (!live) return;
        setProblem(error instanceof ApiError && error.isMissingEndpoint ? null : `Tenants could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
        setReady(true);
      });
    return () => {
      live = false;
    };
  }, [api, choose]);

  const value = useMemo<Access>(
    () => ({ tenants, tenant, role, problem, generation, can: (action) => can(role, action), switchTenant: (id) => void choose(id, tenants) }),
    [tenants, tenant, role, problem, generation, choose],
  );
  return <AccessContext.Provider value={value}>{ready ? children : <p className="loading" role="status">Loading your tenants…</p>}</AccessContext.Provider>;
}

export function TenantSwitcher() {
  const access = useAccess();
  if (access.tenants.length === 0) return access.problem ? <span className="tenant-problem" role="status">{access.problem}</span> : null;
  return (
    <label className="tenant-switcher">
      Tenant{' '}
      <select aria-label="Tenant" value={access.tenant ?? ''} onChange={(e) => access.switchTenant(e.currentTarget.value)}>
        {access.tenants.map((t) => (
          <option key={t.id} value={t.id}>
            {t.displayName || t.id} ({t.role.toLowerCase()})
          </option>
        ))}
      </select>
      {access.role && <span className="role-badge" aria-label="Your role">{access.role}</span>}
    </label>
  );
}
