/**
 * The role in an appositive ("a senior analyst at the Korea Institute for National
 * Unification" → "senior analyst at the Korea Institute for National Unification"), or
 * undefined when the appositive is not a role ("who declined to be named", "45").
 */
export function roleFromAppositive(appositive: string | undefined): string | undefined {
  if (!appositive) return undefined;
  let role = appositive.trim().replace(/[.,;:]+$/, "");
  role = role.replace(
    /,\s+(?:in|on|at|during|last|this|who|which|adding|saying|speaking|told)\b.*$/i,
    "",
  );
  role = role.replace(/^(?:who|which)\s+(?:is|was|serves as|works as)\s+(?=(?:a|an|the)\s)/i, "");
  role = role.replace(/^(?:a|an|the|his|her|its|their)\s+/i, "");
  if (!role || role.split(" ").length > 18) return undefined;
  if (
    /^(?:who|which|whose|when|where|adding|saying|speaking|according|himself|herself|itself|also|in|on|at|after|before)\b/i.test(
      role,
    )
  )
    return undefined;
  if (/^[0-9]+$/.test(role) || /^\p{L}+ing\b/u.test(role)) return undefined;
  return role;
}
