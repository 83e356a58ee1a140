/** Seed 004's rule for a new clave: at least 8 characters, letters and digits only, with at least one of each. */
export function isValidNuevaClave(clave: string): boolean {
  return /^[A-Za-z0-9]{8,64}$/.test(clave) && /[A-Za-z]/.test(clave) && /\d/.test(clave);
}
