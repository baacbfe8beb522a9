const MALE =
  /\b(?:father|son|brother|husband|man|boy|grandfather|uncle|nephew|chairman|spokesman|businessman|congressman|councilman|king|prince|mr\.?|sir|lord)\b/i;
const FEMALE =
  /\b(?:mother|daughter|sister|wife|woman|girl|grandmother|aunt|niece|chairwoman|spokeswoman|businesswoman|congresswoman|councilwoman|actress|queen|princess|mrs\.?|ms\.?|miss|dame|lady)\b/i;

/** The gender a role word implies ("her father" → "m"), if any. */
export function genderOfRole(role: string | undefined): "m" | "f" | undefined {
  if (!role) return undefined;
  const words = role.replace(/^(?:his|her|their|its)\s+/i, "");
  if (MALE.test(words)) return "m";
  if (FEMALE.test(words)) return "f";
  return undefined;
}
