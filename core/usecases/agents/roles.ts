import type { StaffRoleName } from './ports';

/** What staff can do on the case desk, each checked against {@link ACTION_ROLES} on every call. */
export type DeskAction = 'case.search' | 'case.view' | 'case.move' | 'case.audit' | 'document.download' | 'recovery.unblock';

/**
 * The roles each action needs, as data (README, "Teams for agents"): every staff member finds, reads and moves cases
 * and opens their documents; lifting an online recovery block, which bypasses a security limit, is for supervisors.
 */
export const ACTION_ROLES: Readonly<Record<DeskAction, readonly StaffRoleName[]>> = {
  'case.search': ['AGENTE', 'SUPERVISOR'],
  'case.view': ['AGENTE', 'SUPERVISOR'],
  'case.move': ['AGENTE', 'SUPERVISOR'],
  'case.audit': ['AGENTE', 'SUPERVISOR'],
  'document.download': ['AGENTE', 'SUPERVISOR'],
  'recovery.unblock': ['SUPERVISOR'],
};

/** True when a staff member of role `rol` may do `action`. */
export function mayDo(rol: StaffRoleName, action: DeskAction): boolean {
  return ACTION_ROLES[action].includes(rol);
}
